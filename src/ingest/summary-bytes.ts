/**
 * Byte-level reader of per-customer summary files (`frequency,recency,T[,monetary_value]` or
 * `x,t_x,T,zbar`, with optional id and weights columns): the file is read in 4 MiB chunks and scanned
 * as bytes into typed columns, with no string or object per row. Numbers written plainly (digits, one
 * decimal separator, a sign) are parsed from the bytes; any other cell goes through parseNumber as
 * before. The id column is kept as bytes and decoded on first use (a fit never asks for it).
 *
 * Same rules and messages as the table reader it replaces for this kind (src/ingest/summary-file.ts):
 * delimiter and decimal detection, trimmed cells, quoted fields, blank lines skipped, a row with the
 * wrong number of fields, a bad cell at file:line:column. From 8 MiB, a worker thread reads the second half
 * of the file meanwhile (summary-half.ts), to the same columns and messages.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { ClvkitError } from '../errors.ts';
import { fileError } from '../io/atomic.ts';
import { parseNumber } from './number.ts';
import { detectDelimiter, normalizeHeader } from './table.ts';
import { FAST_BATCH, fastSummaryRows, LongNumbers, ROLE, SummaryCols, type FastRowsState } from './summary-rows.ts';
import { appendHalf, HALF_FROM_BYTES, splitPoint, startHalf, type HalfColumns } from './summary-half.ts';
import { grown } from '../typed-map.ts';

const CHUNK = 4 << 20;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** Column aliases of a customer summary (as in summary-file.ts). */
export interface SummaryAliases {
  id: string[];
  frequency: string[];
  recency: string[];
  T: string[];
  money: string[];
  weights: string[];
}

/**
 * Columns read from a summary file by {@link readSummaryBytes}; `customerIds` is made on first use.
 *
 * @example
 * const s = readSummaryBytes('summary.csv', ALIASES); s.frequency[0];
 */
export interface SummaryColumns {
  kind: 'summary';
  file: string;
  naming: 'lifetimes' | 'hardie';
  customerIds: string[];
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetaryValue?: Float64Array;
  weights?: Float64Array;
  /** Rows read by the worker thread (summary-half.ts), when one read the second half. */
  rowsBeside?: number;
}

/** One record's fields: byte ranges and whether each was quoted with doubled quotes inside. */
class Fields {
  n = 0;
  s = new Int32Array(16);
  e = new Int32Array(16);
  /** 0 plain, 1 quoted, 2 quoted with "" inside. */
  q = new Uint8Array(16);
  /** Newlines inside the record (quoted line breaks) plus its own. */
  lines = 0;
  push(s: number, e: number, q: number): void {
    if (this.n === this.s.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => grown(a, a.length * 2);
      this.s = grow(this.s);
      this.e = grow(this.e);
      this.q = grow(this.q);
    }
    this.s[this.n] = s;
    this.e[this.n] = e;
    this.q[this.n] = q;
    this.n++;
  }
}

/**
 * Scan one record at p in buf[..end): fills f, returns the position after it, or -1 when the record is
 * not complete and more bytes may come. Unquoted fields are trimmed of spaces and tabs (unless tab is the
 * delimiter); spaces around a quoted field are dropped, as the csv-parse `trim` option did.
 */
function scanRecord(buf: Buffer, p: number, end: number, eof: boolean, d: number, trim: boolean, f: Fields, file: string, line: number): number {
  f.n = 0;
  f.lines = 0;
  for (;;) {
    let s = p;
    if (trim) while (s < end && (buf[s] === SPACE || buf[s] === TAB)) s++;
    if (s < end && buf[s] === QUOTE) {
      let q = s + 1;
      let kind = 1;
      for (;;) {
        if (q >= end) {
          if (!eof) return -1;
          throw new ClvkitError('cannot parse as CSV: a quoted field is not closed', { file, line });
        }
        const c = buf[q];
        if (c === QUOTE) {
          if (q + 1 >= end && !eof) return -1;
          if (q + 1 < end && buf[q + 1] === QUOTE) {
            kind = 2;
            q += 2;
            continue;
          }
          break;
        }
        if (c === LF) f.lines++;
        q++;
      }
      f.push(s + 1, q, kind);
      p = q + 1;
      if (trim) while (p < end && (buf[p] === SPACE || buf[p] === TAB)) p++;
      if (p < end && buf[p] === CR) {
        if (p + 1 >= end && !eof) return -1;
        if (p + 1 < end && buf[p + 1] === LF) p++;
      }
      if (p >= end) {
        if (!eof) return -1;
        return p;
      }
      if (buf[p] === d) {
        p++;
        continue;
      }
      if (buf[p] === LF) {
        f.lines++;
        return p + 1;
      }
      throw new ClvkitError('cannot parse as CSV: unexpected text after a closing quote', { file, line: line + f.lines });
    }
    let q = s;
    while (q < end && buf[q] !== d && buf[q] !== LF) q++;
    if (q >= end && !eof) return -1;
    let e = q;
    if (e > s && buf[e - 1] === CR && (q >= end || buf[q] === LF)) e--;
    if (trim) while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
    f.push(s, e, 0);
    if (q >= end) return q;
    if (buf[q] === d) {
      p = q + 1;
      continue;
    }
    f.lines++;
    return q + 1;
  }
}

/** Whether the record is an empty line (skipped, as skip_empty_lines did). */
function isEmptyRecord(f: Fields): boolean {
  return f.n === 1 && f.q[0] === 0 && f.e[0] === f.s[0];
}

function fieldText(buf: Buffer, f: Fields, i: number): string {
  const t = buf.toString('utf8', f.s[i], f.e[i]);
  return f.q[i] === 2 ? t.replace(/""/g, '"') : t;
}

/**
 * A plain number from bytes (an optional sign, digits, at most one decimal separator `dec`) exactly as
 * Number() reads it; NaN when the cell is anything else (then parseNumber decides).
 */
function plainNumber(buf: Buffer, s: number, e: number, dec: number): number {
  let i = s;
  let neg = false;
  if (i < e && (buf[i] === 45 || buf[i] === 43)) neg = buf[i++] === 45;
  let v = 0;
  let digits = 0;
  let any = false;
  let frac = -1;
  for (; i < e; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      any = true;
      v = v * 10 + (c - 48);
      if (v !== 0 || frac >= 0) digits++;
      if (frac >= 0) frac++;
    } else if (c === dec && frac < 0) frac = 0;
    else return NaN;
  }
  if (!any) return NaN;
  if (digits > 15 || frac > 22) {
    // Too many digits to be exact by arithmetic: Number() on the text (always a plain decimal here)
    const t = buf.toString('latin1', s, e);
    const x = Number(dec === 46 ? t : t.replace(String.fromCharCode(dec), '.'));
    return x;
  }
  const x = frac > 0 ? v / POW10[frac] : v;
  return neg ? -x : x;
}

/** Decimal comma when the delimiter is not a comma and a cell of the first 200 rows looks like `12,5` (as table.ts). */
function detectDecimal(delimiter: string, rows: string[][]): ',' | '.' {
  if (delimiter === ',') return '.';
  for (const r of rows.slice(0, 200)) for (const c of r) if (/^-?[\d\s\u00a0\u202f.]*\d,\d+$/.test(c.trim())) return ',';
  return '.';
}

function find(norm: string[], aliases: string[]): number {
  for (const a of aliases) {
    const i = norm.indexOf(a);
    if (i >= 0) return i;
  }
  return -1;
}

/** A summary file that is not UTF-8: readSummaryFile reads it with the table reader, which also knows Windows-1252. */
export class NotUtf8Summary extends ClvkitError {}

/**
 * Read a customer summary file into typed columns (see the module comment), or undefined when the file is
 * whitespace-separated (the table reader handles that layout).
 *
 * @example
 * const s = readSummaryBytes('cdnow_customers_summary.csv', aliases);
 * s?.frequency.length; // 2357
 */
export function readSummaryBytes(path: string, aliases: SummaryAliases, delimiterOption?: string, tuning: ReadTuning = {}): SummaryColumns | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw fileError(e, path, 'read');
  }
  try {
    return readOpen(fd, path, aliases, delimiterOption, tuning);
  } finally {
    closeSync(fd);
  }
}

/** Sizes of the reading, for tests (small values make the chunk ends and the split fall inside small files). */
export interface ReadTuning {
  /** Bytes read at a time (default 4 MiB). */
  chunk?: number;
  /** From this file size on a worker reads the second half (default HALF_FROM_BYTES, 8 MiB). */
  halfFromBytes?: number;
}

function readOpen(fd: number, file: string, aliases: SummaryAliases, delimiterOption: string | undefined, tuning: ReadTuning): SummaryColumns | undefined {
  const size = fstatSync(fd).size;
  let buf = Buffer.allocUnsafe(Math.min(tuning.chunk ?? CHUNK, Math.max(size, 16)) + 65536);
  let have = 0; // bytes of buf holding unread data, from 0
  let pos = 0; // file offset of the next read
  let limit = size; // this thread reads up to here (the split, while a worker reads the second half)
  const fill = (): boolean => {
    if (have === buf.length) {
      const b = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(b, 0, 0, have);
      buf = b;
    }
    if (pos >= limit && limit < size) return false; // at the split: not the end of the file
    const n = readSync(fd, buf, have, Math.min(buf.length - have, limit - pos), pos);
    pos += n;
    have += n;
    return n === 0;
  };
  let eof = fill();
  while (!eof && have < Math.min(buf.length, 65536)) eof = fill();
  let p = have >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const badUtf8 = () => new NotUtf8Summary('the file is not valid UTF-8 (perhaps Latin-1 or Windows-1252): save it as UTF-8 and try again', { file });
  const sample = buf.subarray(p, Math.min(have, p + 65536));
  const cut = eof && sample.length === have - p ? sample.length : Math.max(0, sample.lastIndexOf(LF) + 1);
  if (!isUtf8(sample.subarray(0, cut))) throw badUtf8();
  const text = sample.toString('utf8', 0, cut);
  if (text.trim().length === 0 && eof) throw new ClvkitError('the file is empty', { file });
  const delimiter = delimiterOption ?? detectDelimiter(text);
  if (delimiter === 'whitespace' || delimiter.length !== 1) return undefined;
  const d = delimiter.charCodeAt(0);
  const trim = delimiter !== '\t';
  const f = new Fields();
  let line = 1;

  // Header: the first record that is not an empty line.
  let header: string[] | undefined;
  for (;;) {
    const next = scanRecord(buf, p, have, eof, d, trim, f, file, line);
    if (next < 0) {
      eof = fill();
      continue;
    }
    if (next === p) throw new ClvkitError('the file is empty', { file });
    const lines = f.lines;
    if (isEmptyRecord(f)) {
      p = next;
      line += lines;
      if (p >= have && eof) throw new ClvkitError('the file is empty', { file });
      continue;
    }
    header = Array.from({ length: f.n }, (_, i) => fieldText(buf, f, i).trim());
    p = next;
    line += lines;
    break;
  }
  const nf = header.length;
  const norm = header.map(normalizeHeader);
  const required = (names: string[], what: string) => {
    const i = find(norm, names);
    if (i < 0) throw new ClvkitError(`no ${what} column (looked for ${names.join(', ')}); columns found: ${header!.join(', ')}`, { file, line: 1 });
    return i;
  };
  const fc = required(aliases.frequency, 'frequency');
  const rc = required(aliases.recency, 'recency');
  const tc = required(aliases.T, 'T');
  const mc = find(norm, aliases.money);
  const wc = find(norm, aliases.weights);
  const ic = find(norm, aliases.id);

  // Decimal separator from the first 200 rows (only needed when the delimiter is not a comma).
  let decimal: ',' | '.' = '.';
  if (delimiter !== ',') {
    const rows: string[][] = [];
    let q = p;
    while (rows.length < 200) {
      const next = scanRecord(buf, q, have, eof, d, trim, f, file, line);
      if (next < 0 || next === q) break;
      if (!isEmptyRecord(f)) rows.push(Array.from({ length: f.n }, (_, i) => fieldText(buf, f, i)));
      q = next;
    }
    decimal = detectDecimal(delimiter, rows);
  }
  const dec = decimal.charCodeAt(0);

  // Columns sized from the bytes per row of the first chunk; grown by doubling if short.
  const firstRows = Math.max(1, countLf(buf, p, have));
  const cap = Math.max(16, Math.ceil(((size - p) / Math.max(1, have - p)) * firstRows * 1.05) + 16);
  const cols = new SummaryCols(cap, mc >= 0, wc >= 0, ic >= 0);
  const roles = new Uint8Array(nf);
  roles[fc] = ROLE.frequency;
  roles[rc] = ROLE.recency;
  roles[tc] = ROLE.T;
  if (mc >= 0) roles[mc] = ROLE.money;
  if (wc >= 0) roles[wc] = ROLE.weights;
  if (ic >= 0) roles[ic] = ROLE.id;
  const fast: FastRowsState = { cols, roles, delimiter: d, decimal: dec, trim, longs: new LongNumbers(), moneyPending: false, moneySeen: false, taken: 0 };
  // A large file: the second half read by a worker meanwhile (summary-half.ts); buf[0] is still the file's first byte here.
  const split = size >= (tuning.halfFromBytes ?? HALF_FROM_BYTES) && have > p ? splitPoint(fd, Math.max(p, have), size) : -1;
  const half =
    split > 0
      ? startHalf({ file, from: split, roles, delimiter: d, decimal: dec, trim, hasMoney: cols.money !== undefined, hasWeights: cols.weights !== undefined, hasId: cols.idStart !== undefined, chunk: tuning.chunk })
      : undefined;
  if (half) limit = split;
  let rowsBeside = 0;

  // An empty spend cell with frequency > 0 is an error only if some spend cell is not empty (a summary
  // written without amounts has an empty spend column): the first one waits until that is known.
  let moneySeen = false;
  let moneyPending: ClvkitError | undefined;
  let failure: ClvkitError | undefined;

  const raw = (i: number) => fieldText(buf, f, i);
  const cellError = (col: number, at: number, detail: string) => new ClvkitError(detail, { file, line: at, column: col + 1 });
  const number = (col: number, at: number, what: string): number => {
    let v = f.q[col] === 2 ? NaN : plainNumber(buf, f.s[col], f.e[col], dec);
    if (Number.isNaN(v)) {
      v = parseNumber(raw(col), decimal);
      if (Number.isNaN(v)) throw cellError(col, at, `expected ${what} in column "${header![col]}", got "${raw(col)}"`);
    }
    return v;
  };

  for (;;) {
    const start = p;
    let consumedTo = p;
    // Records before the next quote byte may take the fast loop (summary-rows.ts).
    let quoteAt = -1;
    for (;;) {
      if (!failure) {
        if (quoteAt < p) {
          quoteAt = buf.indexOf(QUOTE, p);
          if (quoteAt < 0 || quoteAt > have) quoteAt = have;
        }
        fast.moneyPending = moneyPending !== undefined;
        fast.moneySeen = moneySeen;
        do {
          p = fastSummaryRows(buf, p, quoteAt, fast);
          line += fast.taken;
        } while (fast.taken === FAST_BATCH);
        moneySeen = fast.moneySeen;
        consumedTo = p;
      }
      const next = scanRecord(buf, p, have, eof, d, trim, f, file, line);
      if (next < 0 || next === p) break;
      const at = line;
      line += f.lines;
      p = next;
      consumedTo = p;
      if (isEmptyRecord(f)) continue;
      if (failure) {
        // Only looking for a spend cell that makes the waiting spend error the first one.
        if (f.n === nf && f.e[mc] > f.s[mc]) throw moneyPending!;
        continue;
      }
      if (f.n !== nf) {
        const e = new ClvkitError(`expected ${nf} fields (${header.join(', ')}), found ${f.n}`, { file, line: at });
        if (moneyPending && !moneySeen) {
          failure = e;
          continue;
        }
        throw moneyPending ?? e;
      }
      try {
        if (cols.n === cols.cap) cols.grow();
        const n = cols.n;
        const x = number(fc, at, 'a number of repeat purchases');
        if (!(x >= 0) || !Number.isInteger(x)) throw cellError(fc, at, `frequency must be a whole number >= 0, got "${raw(fc)}"`);
        const r = number(rc, at, 'a recency');
        if (!(r >= 0)) throw cellError(rc, at, `recency must be >= 0, got "${raw(rc)}"`);
        const T = number(tc, at, 'a customer age T');
        if (!(T >= 0)) throw cellError(tc, at, `T must be >= 0, got "${raw(tc)}"`);
        if (r > T * (1 + 1e-12) + 1e-12) throw cellError(rc, at, `recency (${r}) cannot exceed T (${T})`);
        if (x === 0 && r !== 0) throw cellError(rc, at, `recency must be 0 when frequency is 0, got "${raw(rc)}"`);
        cols.frequency[n] = x;
        cols.recency[n] = r;
        cols.T[n] = T;
        if (cols.money) {
          const empty = f.e[mc] === f.s[mc];
          if (!empty) moneySeen = true;
          if (moneySeen && moneyPending) throw moneyPending;
          let m = 0;
          if (empty && x > 0) {
            moneyPending ??= cellError(mc, at, `expected a mean spend in column "${header[mc]}", got ""`);
          } else if (!empty) {
            m = number(mc, at, 'a mean spend');
            if (!(m >= 0) && x > 0) throw cellError(mc, at, `monetary value must be >= 0, got "${raw(mc).trim()}"`);
          }
          cols.money[n] = x === 0 ? 0 : m;
        }
        if (cols.weights) {
          const w = number(wc, at, 'a weight (number of customers)');
          if (!(w >= 0)) throw cellError(wc, at, `weights must be >= 0, got "${raw(wc)}"`);
          cols.weights[n] = w;
        }
        if (cols.idStart) {
          cols.idRoom(f.e[ic] - f.s[ic]);
          const arena = cols.arena;
          if (f.q[ic] === 2) cols.arenaLen += arena.write(raw(ic), cols.arenaLen, 'utf8');
          else {
            for (let k = f.s[ic]; k < f.e[ic]; k++) {
              const c = buf[k];
              if (c >= 0x80) cols.ascii = false;
              arena[cols.arenaLen++] = c;
            }
          }
          cols.idStart[n + 1] = cols.arenaLen;
        }
        cols.n = n + 1;
      } catch (e) {
        if (!(e instanceof ClvkitError)) throw e;
        // deferred unless this very row shows a spend cell (then the waiting spend error comes first)
        if (moneyPending && !moneySeen && e !== moneyPending && !(f.e[mc] > f.s[mc])) {
          failure = e;
          continue;
        }
        throw moneyPending ?? e;
      }
    }
    if (!isUtf8(buf.subarray(start, consumedTo))) throw badUtf8();
    if (eof) break;
    if (half && limit < size && pos >= limit) {
      // At the split: the worker's rows follow when no record crosses it and no error waits; else read on from it.
      const clean = p === have && !failure && !moneyPending;
      const part = clean ? takeQuietly(half) : undefined;
      if (part) {
        rowsBeside = part.n;
        appendHalf(cols, part);
        moneySeen ||= part.moneySeen;
        line += part.n;
        pos = part.stopAt;
        have = p = 0;
      }
      limit = size;
    }
    // keep the incomplete record, read more after it
    buf.copy(buf, 0, p, have);
    have -= p;
    p = 0;
    eof = fill();
  }
  if (failure) throw failure;
  const n = cols.n;
  if (n === 0) throw new ClvkitError('the file has a header but no data rows', { file, line: 1 });
  // Every spend cell empty: no spend column (a summary written without amounts).
  let money = cols.money;
  if (money && !moneySeen) money = undefined;
  else if (moneyPending) throw moneyPending;
  const out: SummaryColumns = {
    kind: 'summary',
    file,
    naming: norm[fc] === 'x' ? 'hardie' : 'lifetimes',
    customerIds: [],
    frequency: cols.frequency.subarray(0, n),
    recency: cols.recency.subarray(0, n),
    T: cols.T.subarray(0, n),
    ...(money ? { monetaryValue: money.subarray(0, n) } : {}),
    ...(cols.weights ? { weights: cols.weights.subarray(0, n) } : {}),
    ...(rowsBeside > 0 ? { rowsBeside } : {}),
  };
  let ids: string[] | undefined;
  const starts = cols.idStart;
  const bytes = cols.arena;
  const arenaLen = cols.arenaLen;
  const ascii = cols.ascii;
  const makeIds = (): string[] => {
    const list = new Array<string>(n);
    if (!starts) for (let i = 0; i < n; i++) list[i] = String(i + 1);
    else if (ascii) {
      const all = bytes.toString('latin1', 0, arenaLen);
      for (let i = 0; i < n; i++) list[i] = all.substring(starts[i], starts[i + 1]);
    } else for (let i = 0; i < n; i++) list[i] = bytes.toString('utf8', starts[i], starts[i + 1]);
    return list;
  };
  Object.defineProperty(out, 'customerIds', {
    enumerable: true,
    get: () => (ids ??= makeIds()),
    set: (v: string[]) => {
      ids = v;
    },
  });
  return out;
}

/** The worker's rows, or undefined when it failed (then this thread reads them). */
function takeQuietly(half: { take(): HalfColumns }): HalfColumns | undefined {
  try {
    return half.take();
  } catch {
    return undefined;
  }
}

function countLf(buf: Buffer, s: number, e: number): number {
  let k = 0;
  for (let i = buf.indexOf(LF, s); i >= 0 && i < e; i = buf.indexOf(LF, i + 1)) k++;
  return k;
}
