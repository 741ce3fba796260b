/**
 * Streaming writer of per-customer tables held as columns (DESIGN.md §3 files): CSV or JSON records,
 * written into one reused byte buffer and handed to a sink (an AtomicFile, or stdout) a chunk at a time.
 * No string per cell is kept: a cell is formatted into the buffer and forgotten. Cells are exactly what
 * csvCell (src/io/csv.ts) and JSON.stringify write: numbers in their shortest round-trip form, the
 * formula-injection guard and quoting on text, NaN empty in CSV and null in JSON.
 */
import { AtomicFile } from './atomic.ts';
import { CSV_EN, type CsvFormat, type CsvValue } from './csv.ts';
import { writeShortest } from './shortest-number.ts';
import { idCell } from './csv-cells.ts';
import { prewarmRowWorker, writeRowsParallel, type RowJob, type RowWriter } from './parallel-rows.ts';

/**
 * One output column: numbers (a typed array or any array-like), text by row, or any CSV value by row.
 * With `index`, row i holds `numbers[index[i]]` (values computed once per distinct row, never scattered
 * into a per-customer array).
 *
 * @example
 * const cols: OutputColumn[] = [{ name: 'customer_id', text: (i) => ids[i] }, { name: 'frequency', numbers: frequency }];
 * const perRow: OutputColumn = { name: 'probability_alive', numbers: aliveByDistinctRow, index: rowOfCustomer };
 * const idsFromBytes: OutputColumn = { name: 'customer_id', bytes: customerKeyBytes(table)!, rows: keptRows };
 */
export type OutputColumn =
  | { name: string; numbers: ArrayLike<number>; index?: Int32Array }
  | { name: string; bytes: TextBytes; rows?: Int32Array }
  | { name: string; text: (i: number) => string | null | undefined }
  | { name: string; value: (i: number) => CsvValue };

/**
 * A column of writeJsonColumns: any OutputColumn, or JSON texts by code (row i is json[rows[i]], written as it
 * is: arrays such as a customer's flags, one text per distinct value).
 *
 * @example
 * const flags: JsonColumn = { name: 'flags', json: ['[]', '["at-risk"]'], rows: Int32Array.of(0, 1, 1) };
 */
export type JsonColumn = OutputColumn | { name: string; json: readonly string[]; rows: Int32Array };

/**
 * Text held as bytes, one entry per key (customer ids as read: KeyBytes of src/ingest/transactions.ts).
 * A `bytes` column's row i is entry rows[i] (or i), valid UTF-8: the writers copy it, never decode it.
 */
export interface TextBytes {
  keyLength(k: number): number;
  /** Writes entry k's bytes into out at p; returns the position after them. */
  writeKey(k: number, out: Uint8Array, p: number): number;
}

/** Where the bytes go. `write` may keep the chunk only until it returns (the buffer is reused). */
export interface ByteSink {
  write(chunk: Uint8Array): void;
}

/** Node's own Buffer methods behind buf.write(s, at, 'latin1' | 'utf8'), without its argument checks. */
interface RawWrites {
  latin1Write(s: string, at: number): number;
  utf8Write(s: string, at: number): number;
}

const BUFFER = 1 << 20;
/** Room kept free before a cell is formatted: the longest number is 24 bytes, a guarded quoted text is measured. */
const CELL_ROOM = 64;
const QUOTE = 34;
const APOSTROPHE = 39;
const COMMA = 44;
const DOT = 46;
const MINUS = 45;
const BACKSLASH = 92;

/** Digits of a whole number, written backwards (and fraction digits) before they are copied out. */
const scratch = new Uint8Array(24);

/**
 * A byte buffer filled cell by cell and flushed to the sink when nearly full.
 *
 * @example
 * const w = new ByteWriter(sink); w.ascii('a,b\n'); w.number(0.1 + 0.2); w.end();
 */
export class ByteWriter {
  private buf = Buffer.allocUnsafe(BUFFER) as Buffer & RawWrites;
  private pos = 0;
  /** String(v) of recently seen non-decimal numbers (recency and T repeat: days / 7). */
  private readonly cacheKeys = new Float64Array(4096).fill(NaN);
  private readonly cacheText: string[] = new Array(4096).fill('');
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  constructor(private readonly sink: ByteSink) {}

  /** Make room for n bytes. */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n) as Buffer & RawWrites;
  }

  flush(): void {
    if (this.pos > 0) this.sink.write(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  /** Text known to be ASCII (headers, punctuation, JSON keys already escaped). */
  ascii(s: string): void {
    this.room(s.length);
    this.pos += this.buf.latin1Write(s, this.pos);
  }

  byte(b: number): void {
    if (this.pos >= this.buf.length) this.flush();
    this.buf[this.pos++] = b;
  }

  /**
   * Text that needs neither quotes nor a guard and is ASCII, copied byte by byte (no native call); false,
   * with nothing written, when s holds another character, the delimiter, a quote or a line break.
   */
  plainAscii(s: string, delimiter: number): boolean {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    const p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128 || c === delimiter || c === QUOTE || c === 10 || c === 13) return false;
      buf[p + i] = c;
    }
    this.pos = p + n;
    return true;
  }

  /** Bytes known to be what the output needs (JSON keys, labels encoded once), copied without a native call. */
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = b[i];
    this.pos = p;
  }

  /**
   * s as a JSON string (JSON.stringify(s)) when it is ASCII that needs no escape: copied between quotes byte by
   * byte; false, with nothing written, otherwise.
   */
  jsonAscii(s: string): boolean {
    const n = s.length;
    this.room(n + 2);
    const buf = this.buf;
    const p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 || c >= 127 || c === QUOTE || c === BACKSLASH) return false;
      buf[p + 1 + i] = c;
    }
    buf[p] = QUOTE;
    buf[p + 1 + n] = QUOTE;
    this.pos = p + n + 2;
    return true;
  }

  /**
   * Entry k of `bytes` as a JSON string when it is ASCII that needs no escape (copied between quotes); false,
   * with nothing written, otherwise (the caller decodes it).
   */
  jsonTextBytes(bytes: TextBytes, k: number): boolean {
    const len = bytes.keyLength(k);
    this.room(len + 2);
    const buf = this.buf;
    const p = this.pos;
    const e = bytes.writeKey(k, buf, p + 1);
    for (let i = p + 1; i < e; i++) {
      const c = buf[i];
      if (c < 32 || c >= 127 || c === QUOTE || c === BACKSLASH) return false;
    }
    buf[p] = QUOTE;
    buf[e] = QUOTE;
    this.pos = e + 1;
    return true;
  }

  /** Entry k of `bytes` as a CSV cell (copied in place, then guarded or quoted when it needs it). */
  textBytes(bytes: TextBytes, k: number, delimiter: number): void {
    const len = bytes.keyLength(k);
    this.room(2 * len + 4);
    const e = bytes.writeKey(k, this.buf, this.pos);
    this.pos = idCell(this.buf, this.pos, e, delimiter);
  }

  /** Any text as UTF-8. */
  utf8(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.utf8Write(s, this.pos);
  }

  /**
   * A finite number as String(v) writes it (the shortest form that reads back to the same double), with
   * `decimal` in place of the point: whole numbers and 1e-6 < |v| < 1e17 by arithmetic (writeShortest),
   * the others (exponent forms) by String(v), cached.
   */
  number(v: number, decimal = DOT): void {
    this.room(CELL_ROOM);
    const buf = this.buf;
    let p = this.pos;
    const a = v < 0 ? -v : v;
    // Whole numbers below 2^48 (where a / 10 is exact enough for its floor): digits by arithmetic (String(-0) is "0").
    if (a < 281474976710656 && Math.floor(a) === a) {
      if (v < 0) buf[p++] = MINUS;
      p = this.digits(a, p);
      this.pos = p;
      return;
    }
    // the shortest round-trip digits by arithmetic (exactly String(v)) for 1e-6 < |v| < 1e17
    const q = writeShortest(buf, p, v, decimal);
    if (q >= 0) {
      this.pos = q;
      return;
    }
    this.bits[0] = v;
    const h = Math.imul(this.words[0] ^ this.words[1], 0x9e3779b1) >>> 20;
    let s: string;
    if (this.cacheKeys[h] === v) s = this.cacheText[h];
    else {
      s = String(v);
      this.cacheKeys[h] = v;
      this.cacheText[h] = s;
    }
    const start = p;
    p += buf.latin1Write(s, p);
    if (decimal !== DOT) {
      for (let i = start; i < p; i++) if (buf[i] === DOT) buf[i] = decimal;
    }
    this.pos = p;
  }

  private digits(a: number, p: number): number {
    const buf = this.buf;
    if (a < 10) {
      buf[p++] = 48 + a;
      return p;
    }
    let n = 0;
    while (a >= 1) {
      const q = Math.floor(a / 10);
      scratch[n++] = 48 + (a - q * 10);
      a = q;
    }
    while (n > 0) buf[p++] = scratch[--n];
    return p;
  }

  /** Hand the rest to the sink. */
  end(): void {
    this.flush();
  }
}

let decodeBuffer = Buffer.allocUnsafe(256);

/** Entry k of `bytes` as a string (UTF-8). */
function decodeText(bytes: TextBytes, k: number): string {
  const len = bytes.keyLength(k);
  if (len > decodeBuffer.length) decodeBuffer = Buffer.allocUnsafe(len);
  return decodeBuffer.toString('utf8', 0, bytes.writeKey(k, decodeBuffer, 0));
}

/** Value of column c at row i (any kind). */
export function cellOf(c: OutputColumn, i: number): CsvValue {
  if ('numbers' in c) return c.index ? c.numbers[c.index[i]] : c.numbers[i];
  if ('bytes' in c) return decodeText(c.bytes, c.rows ? c.rows[i] : i);
  return 'text' in c ? c.text(i) : c.value(i);
}

/** A CSV cell: what csvCell(value, format) returns, written into w. */
function csvValue(w: ByteWriter, value: CsvValue, format: CsvFormat, decimal: number): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) w.number(value, decimal);
    else if (!Number.isNaN(value)) w.ascii(value > 0 ? 'Infinity' : '-Infinity');
    return;
  }
  if (typeof value === 'boolean') {
    w.ascii(value ? 'true' : 'false');
    return;
  }
  csvText(w, value, format.delimiter.charCodeAt(0));
}

/** Text with the formula guard (leading ' before = + - @ tab CR) and quoting, as csvCell. */
function csvText(w: ByteWriter, s: string, delimiter: number): void {
  const n = s.length;
  if (n === 0) return;
  const c0 = s.charCodeAt(0);
  const guard = c0 === 61 || c0 === 43 || c0 === 45 || c0 === 64 || c0 === 9 || c0 === 13;
  if (!guard && w.plainAscii(s, delimiter)) return;
  let quote = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === delimiter || c === QUOTE || c === 10 || c === 13) {
      quote = true;
      break;
    }
  }
  if (!quote) {
    if (guard) w.byte(APOSTROPHE);
    w.utf8(s);
    return;
  }
  w.byte(QUOTE);
  if (guard) w.byte(APOSTROPHE);
  w.utf8(s.includes('"') ? s.replace(/"/g, '""') : s);
  w.byte(QUOTE);
}

/**
 * Write n rows of columns as CSV (header, LF line ends) into a sink: byte for byte what
 * toCsv(header, rows, format) returns for the same values. With `parallel` (writeColumnsFile does so),
 * a large table's rows are formatted on two cores (src/io/parallel-rows.ts), to the same bytes.
 *
 * @example
 * writeCsvColumns(sink, [{ name: 'id', text: (i) => ids[i] }, { name: 'clv', numbers: clv }], ids.length);
 */
export function writeCsvColumns(sink: ByteSink, columns: OutputColumn[], n: number, format: CsvFormat = CSV_EN, parallel?: { force?: boolean; blockRows?: number }): void {
  const w = new ByteWriter(sink);
  const d = format.delimiter.charCodeAt(0);
  columns.forEach((c, j) => {
    if (j > 0) w.byte(d);
    csvText(w, c.name, d);
  });
  w.byte(10);
  w.end();
  const local = csvRowWriter(columns, format);
  if (parallel) writeRowsParallel(sink, n, local, csvColumnsJob(columns, format), parallel);
  else local(0, n, sink);
}

/** The rows of columns as CSV (no header), from .. to - 1, into a sink. */
function csvRowWriter(columns: OutputColumn[], format: CsvFormat): RowWriter {
  const d = format.delimiter.charCodeAt(0);
  const decimal = format.decimal.charCodeAt(0);
  const m = columns.length;
  // each column's kind looked up once, not per cell
  const numbers = columns.map((c) => ('numbers' in c ? c.numbers : undefined));
  const indexes = columns.map((c) => ('numbers' in c ? c.index : undefined));
  const texts = columns.map((c) => ('text' in c ? c.text : undefined));
  const bytes = columns.map((c) => ('bytes' in c ? c.bytes : undefined));
  const byteRows = columns.map((c) => ('bytes' in c ? c.rows : undefined));
  // one buffer for every call (a block at a time), handed to that call's sink
  let target: ByteSink | undefined;
  const w = new ByteWriter({ write: (chunk) => target!.write(chunk) });
  // A number column read through an index (rows in another order than the column's, as a ranked list) is gathered
  // a stretch of rows at a time into a scratch column first: the gather alone overlaps its cache misses, where
  // a miss per cell in the middle of formatting stalls it (the same values, so the same bytes).
  const gathered = indexes.map((index) => (index !== undefined ? new Float64Array(GATHER_ROWS) : undefined));
  return (from, to, sink) => {
    target = sink;
    for (let start = from; start < to; start += GATHER_ROWS) {
      const end = Math.min(to, start + GATHER_ROWS);
      for (let j = 0; j < m; j++) {
        const g = gathered[j];
        if (g !== undefined) gatherRows(numbers[j]!, indexes[j]!, start, end, g);
      }
      for (let i = start; i < end; i++) {
        for (let j = 0; j < m; j++) {
          if (j > 0) w.byte(d);
          const nums = numbers[j];
          if (nums !== undefined) {
            const g = gathered[j];
            const v = g !== undefined ? g[i - start] : nums[i];
            if (Number.isFinite(v)) w.number(v, decimal);
            else csvValue(w, v, format, decimal);
            continue;
          }
          const b = bytes[j];
          if (b !== undefined) {
            const rows = byteRows[j];
            w.textBytes(b, rows !== undefined ? rows[i] : i, d);
            continue;
          }
          const text = texts[j];
          if (text !== undefined) {
            const s = text(i);
            if (s !== null && s !== undefined) csvText(w, s, d);
          } else csvValue(w, (columns[j] as { value: (i: number) => CsvValue }).value(i), format, decimal);
        }
        w.byte(10);
      }
    }
    w.end();
  };
}

/** Rows gathered at a time for a number column read through an index (csvRowWriter). */
const GATHER_ROWS = 4096;

/** out[i − from] = numbers[index[i]] for i in [from, to). */
function gatherRows(numbers: ArrayLike<number>, index: Int32Array, from: number, to: number, out: Float64Array): void {
  for (let i = from; i < to; i++) out[i - from] = numbers[index[i]];
}

/** Columns of some rows, packed for the row worker: numbers as doubles, text as bytes. */
interface PackedCsvColumns {
  format: CsvFormat;
  /** numbers as doubles; text as bytes, one entry per row, or per distinct text with each row's entry in `rows`. */
  columns: Array<{ numbers: Float64Array } | { bytes: Uint8Array; start: Int32Array; rows?: Int32Array }>;
}

/** Text held as packed bytes: entry k is bytes[start[k] .. start[k + 1]). */
export class PackedText implements TextBytes {
  constructor(
    readonly bytes: Uint8Array,
    readonly start: Int32Array,
  ) {}
  keyLength(k: number): number {
    return this.start[k + 1] - this.start[k];
  }
  writeKey(k: number, out: Uint8Array, p: number): number {
    const b = this.bytes;
    for (let s = this.start[k], e = this.start[k + 1]; s < e; s++) out[p++] = b[s];
    return p;
  }
}

/**
 * A text column of few distinct values (tiers, segments, flags), dictionary-coded: each distinct text once as
 * UTF-8 bytes, and one code per row. Written as any `bytes` column (guarded and quoted alike), and packable
 * for the row worker, where a `text` function is not. null and undefined are empty cells, as for `text`.
 *
 * @example
 * labelColumn('tier', n, (r) => tierNames[tier[r]]); // { name: 'tier', bytes, rows }
 */
export function labelColumn(name: string, n: number, textOf: (i: number) => string | null | undefined): OutputColumn {
  const codes = new Map<string, number>();
  const labels: string[] = [];
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = textOf(i) ?? '';
    let k = codes.get(s);
    if (k === undefined) codes.set(s, (k = labels.push(s) - 1));
    rows[i] = k;
  }
  return codedColumn(name, labels, rows);
}

/**
 * A text column from its distinct texts and each row's code: row i is labels[rows[i]] (null, undefined: empty).
 * labelColumn's output when the codes are already known (tiers, flag sets).
 *
 * @example
 * codedColumn('tier', ['Platinum', 'Gold'], Int32Array.of(1, 0, 0)); // Gold, Platinum, Platinum
 */
export function codedColumn(name: string, labels: readonly (string | null | undefined)[], rows: Int32Array): OutputColumn {
  const encoded = labels.map((s) => Buffer.from(s ?? '', 'utf8'));
  const start = new Int32Array(labels.length + 1);
  encoded.forEach((b, k) => (start[k + 1] = start[k] + b.length));
  const bytes = new Uint8Array(start[labels.length]);
  encoded.forEach((b, k) => bytes.set(b, start[k]));
  return { name, bytes: new PackedText(bytes, start), rows };
}

/**
 * The rows of `blocks` of a `bytes` column, packed (entry j is the j-th row's text).
 *
 * @example
 * const { bytes, start } = packTextRows(keys, rowsOfTable, [[0, 10]]);
 */
export function packTextRows(text: TextBytes, rows: Int32Array | undefined, blocks: Array<[number, number]>): { bytes: Uint8Array; start: Int32Array } {
  let count = 0;
  for (const [f, t] of blocks) count += t - f;
  const start = new Int32Array(count + 1);
  // one pass: the bytes grow (doubling) as the rows are copied
  let bytes = new Uint8Array(Math.max(64, count * 12));
  let j = 0;
  let p = 0;
  for (const [f, t] of blocks) {
    for (let i = f; i < t; i++) {
      const k = rows ? rows[i] : i;
      const len = text.keyLength(k);
      if (p + len > bytes.length) {
        const grown = new Uint8Array(Math.max(2 * bytes.length, p + len));
        grown.set(bytes.subarray(0, p));
        bytes = grown;
      }
      start[j++] = p;
      p = text.writeKey(k, bytes, p);
    }
  }
  start[j] = p;
  return { bytes: bytes.slice(0, p), start };
}

/** The entries of `blocks` of a dictionary-coded column's rows, packed. */
function packCodes(rows: Int32Array, blocks: Array<[number, number]>): Int32Array {
  let count = 0;
  for (const [f, t] of blocks) count += t - f;
  const out = new Int32Array(count);
  let j = 0;
  for (const [f, t] of blocks) {
    out.set(rows.subarray(f, t), j);
    j += t - f;
  }
  return out;
}

/** The values of `blocks` of a number column, packed as doubles (exact: every value a column holds is one). */
export function packNumberRows(numbers: ArrayLike<number>, index: Int32Array | undefined, blocks: Array<[number, number]>): Float64Array {
  let count = 0;
  for (const [f, t] of blocks) count += t - f;
  const out = new Float64Array(count);
  let j = 0;
  const typed = ArrayBuffer.isView(numbers) ? (numbers as unknown as Float64Array) : undefined;
  for (const [f, t] of blocks) {
    if (index) for (let i = f; i < t; i++) out[j++] = numbers[index[i]];
    else if (typed) {
      // a block of a typed column: one native copy (int32 converted exactly)
      out.set(typed.subarray(f, t), j);
      j += t - f;
    } else for (let i = f; i < t; i++) out[j++] = numbers[i];
  }
  return out;
}

/**
 * Start the row worker now, with this module loaded, for a large CSV or JSON that writeColumnsFile (or
 * writeJsonColumns with `parallel`) will write later
 * (a command calls it before reading its input; the worker starts on the other core meanwhile).
 *
 * @example
 * prewarmCsvColumns(); const cols = compute(); writeColumnsFile('out.csv', cols, n);
 */
export function prewarmCsvColumns(): void {
  prewarmRowWorker([new URL(import.meta.url)]);
}

/** How the row worker formats some of these columns' rows; undefined when a column is computed by a function. */
function csvColumnsJob(columns: OutputColumn[], format: CsvFormat): RowJob | undefined {
  if (!columns.every((c) => 'numbers' in c || 'bytes' in c)) return undefined;
  return {
    module: new URL(import.meta.url),
    factory: 'csvPackedRows',
    pack(blocks) {
      const transfer: ArrayBuffer[] = [];
      const packed: PackedCsvColumns = {
        format: { delimiter: format.delimiter, decimal: format.decimal },
        columns: columns.map((c) => packColumn(c, blocks, transfer)),
      };
      return { payload: packed, transfer };
    },
  };
}

/** The rows of `blocks` of a numbers or bytes column, packed for the row worker (its buffers added to `transfer`). */
function packColumn(c: OutputColumn, blocks: Array<[number, number]>, transfer: ArrayBuffer[]): PackedCsvColumns['columns'][number] {
  if ('numbers' in c) {
    const numbers = packNumberRows(c.numbers, c.index, blocks);
    transfer.push(numbers.buffer as ArrayBuffer);
    return { numbers };
  }
  const { bytes, rows } = c as { bytes: TextBytes; rows?: Int32Array };
  if (bytes instanceof PackedText && rows) {
    // a dictionary (labelColumn): its few texts once and the rows' codes, not the text of every row
    const codes = packCodes(rows, blocks);
    const labels = { bytes: bytes.bytes.slice(), start: bytes.start.slice(), rows: codes };
    transfer.push(labels.bytes.buffer as ArrayBuffer, labels.start.buffer as ArrayBuffer, codes.buffer as ArrayBuffer);
    return labels;
  }
  const t = packTextRows(bytes, rows, blocks);
  transfer.push(t.bytes.buffer as ArrayBuffer, t.start.buffer as ArrayBuffer);
  return t;
}

/**
 * In the row worker: the RowWriter of columns packed by csvColumnsJob (the same cells as writeCsvColumns).
 *
 * @example
 * const write = csvPackedRows(payload); write(0, 8192, ringSink);
 */
export function csvPackedRows(p: PackedCsvColumns): RowWriter {
  const columns = p.columns.map((c, j): OutputColumn => ('numbers' in c ? { name: String(j), numbers: c.numbers } : { name: String(j), bytes: new PackedText(c.bytes, c.start), rows: c.rows }));
  return csvRowWriter(columns, p.format);
}

/**
 * Write n rows of columns as JSON records `{"name": value, ...}` separated by commas, between `head` and
 * `tail` (e.g. `{"customers":[` and `]}`): byte for byte JSON.stringify of the same records, NaN and
 * infinities as null; an undefined value leaves its key out, as JSON.stringify does. With `parallel`, a large
 * table's rows are formatted on two cores (src/io/parallel-rows.ts) when every column is numbers, bytes or
 * JSON texts by code, to the same bytes.
 *
 * @example
 * writeJsonColumns(sink, cols, n, '{"customers":[', ']}\n');
 */
export function writeJsonColumns(sink: ByteSink, columns: JsonColumn[], n: number, head: string, tail: string, parallel?: { force?: boolean; blockRows?: number }): void {
  const h = new ByteWriter(sink);
  h.utf8(head);
  h.end();
  const local = jsonRowWriter(columns, false);
  if (parallel) writeRowsParallel(sink, n, local, jsonColumnsJob(columns), parallel);
  else local(0, n, sink);
  const t = new ByteWriter(sink);
  t.utf8(tail);
  t.end();
}

/**
 * The records of rows from .. to - 1 (each after a comma but the table's first; `afterFirst`: none is the
 * first, as in the row worker, which never has row 0).
 */
function jsonRowWriter(columns: JsonColumn[], afterFirst: boolean): RowWriter {
  const keys = columns.map((c) => Buffer.from(JSON.stringify(c.name) + ':', 'utf8'));
  const m = columns.length;
  // dictionary-coded text (labelColumn, codedColumn) and JSON texts: each distinct value's JSON made once
  const coded = columns.map((c) => {
    if ('json' in c) return c.json.map((t) => Buffer.from(t, 'utf8'));
    if ('bytes' in c && c.rows && c.bytes instanceof PackedText) {
      const texts: Uint8Array[] = [];
      for (let k = 0; k + 1 < c.bytes.start.length; k++) texts.push(Buffer.from(JSON.stringify(decodeText(c.bytes, k)), 'utf8'));
      return texts;
    }
    return undefined;
  });
  // one buffer for every call (a block at a time), handed to that call's sink
  let target: ByteSink | undefined;
  const w = new ByteWriter({ write: (chunk) => target!.write(chunk) });
  return (from, to, sink) => {
    target = sink;
    for (let i = from; i < to; i++) {
      if (i === 0 && !afterFirst) w.byte(123);
      else {
        w.byte(COMMA);
        w.byte(123);
      }
      let first = true;
      for (let j = 0; j < m; j++) {
        const c = columns[j];
        const texts = coded[j];
        if (texts !== undefined) {
          if (!first) w.byte(COMMA);
          first = false;
          w.bytes(keys[j]);
          w.bytes(texts[(c as { rows: Int32Array }).rows[i]]);
          continue;
        }
        if ('bytes' in c) {
          // ids as read: copied between quotes when they need no escape (JSON.stringify's bytes), else decoded
          if (!first) w.byte(COMMA);
          first = false;
          w.bytes(keys[j]);
          const k = c.rows ? c.rows[i] : i;
          if (!w.jsonTextBytes(c.bytes, k)) w.utf8(JSON.stringify(decodeText(c.bytes, k)));
          continue;
        }
        let v: CsvValue;
        if ('numbers' in c) v = c.numbers[c.index ? c.index[i] : i];
        else if ('text' in c) v = c.text(i);
        else v = (c as { value: (i: number) => CsvValue }).value(i);
        if (v === undefined) continue;
        if (!first) w.byte(COMMA);
        first = false;
        w.bytes(keys[j]);
        if (typeof v === 'number') {
          if (Number.isFinite(v)) w.number(v);
          else w.ascii('null');
        } else if (typeof v === 'string') {
          if (!w.jsonAscii(v)) w.utf8(JSON.stringify(v));
        } else if (v === null) w.ascii('null');
        else w.ascii(v ? 'true' : 'false');
      }
      w.byte(125);
    }
    w.end();
  };
}

/** JSON columns of some rows, packed for the row worker (as PackedCsvColumns, and JSON texts by code). */
interface PackedJsonColumns {
  names: string[];
  columns: Array<PackedCsvColumns['columns'][number] | { json: string[]; rows: Int32Array }>;
}

/** How the row worker formats some of these records; undefined when a column is computed by a function. */
function jsonColumnsJob(columns: JsonColumn[]): RowJob | undefined {
  if (!columns.every((c) => 'numbers' in c || 'bytes' in c || 'json' in c)) return undefined;
  return {
    module: new URL(import.meta.url),
    factory: 'jsonPackedRows',
    pack(blocks) {
      const transfer: ArrayBuffer[] = [];
      const packed: PackedJsonColumns = {
        names: columns.map((c) => c.name),
        columns: columns.map((c) => {
          if ('json' in c) {
            const rows = packCodes(c.rows, blocks);
            transfer.push(rows.buffer as ArrayBuffer);
            return { json: [...c.json], rows };
          }
          return packColumn(c as OutputColumn, blocks, transfer);
        }),
      };
      return { payload: packed, transfer };
    },
  };
}

/**
 * In the row worker: the RowWriter of records packed by jsonColumnsJob (the same records as writeJsonColumns;
 * none is the table's first).
 *
 * @example
 * const write = jsonPackedRows(payload); write(0, 8192, ringSink);
 */
export function jsonPackedRows(p: PackedJsonColumns): RowWriter {
  const columns = p.columns.map((c, j): JsonColumn => {
    const name = p.names[j];
    if ('json' in c) return { name, json: c.json, rows: c.rows };
    return 'numbers' in c ? { name, numbers: c.numbers } : { name, bytes: new PackedText(c.bytes, c.start), rows: c.rows };
  });
  return jsonRowWriter(columns, true);
}

/**
 * A sink that writes to a file atomically (temporary file in the same folder, then rename on `commit`).
 *
 * @example
 * const out = atomicSink('summary.csv'); writeCsvColumns(out, cols, n); out.commit();
 */
export function atomicSink(path: string): ByteSink & { commit(): void; abort(): void } {
  const f = new AtomicFile(path);
  return { write: (chunk) => f.write(chunk), commit: () => f.commit(), abort: () => f.abort() };
}

/**
 * A sink that writes to stdout (each chunk copied: the stream may keep it past the call).
 *
 * @example
 * writeCsvColumns(stdoutSink(), cols, n);
 */
export function stdoutSink(): ByteSink {
  return { write: (chunk) => void process.stdout.write(Buffer.from(chunk)) };
}

/**
 * Write a CSV or JSON file of columns atomically: the file appears whole or not at all.
 *
 * @example
 * writeColumnsFile('summary.csv', cols, n, { format: CSV_FR });
 * writeColumnsFile('summary.json', cols, n, { json: { head: '{"customers":[', tail: ']}\n' } });
 */
export function writeColumnsFile(path: string, columns: OutputColumn[], n: number, o: { format?: CsvFormat; json?: { head: string; tail: string } } = {}): void {
  const sink = atomicSink(path);
  try {
    if (o.json) writeJsonColumns(sink, columns, n, o.json.head, o.json.tail, {});
    else writeCsvColumns(sink, columns, n, o.format ?? CSV_EN, {});
    sink.commit();
  } catch (e) {
    sink.abort();
    throw e;
  }
}
