/**
 * `summary --out file.csv` written from the columns with the customer ids copied from the bytes read
 * (summaryIdBytes) and the dates from one cached text per distinct day, straight into one reused buffer: no
 * string per customer and no string write per cell. Cells are the same bytes as writeCsvColumns
 * (src/io/column-writer.ts) writes for summaryOutputColumns: numbers as String(v) writes them (digits,
 * writeShortest), text with csvCell's formula guard and quoting.
 */
import { packNumberRows, packTextRows, PackedText, type ByteSink } from '../io/column-writer.ts';
import { prewarmRowWorker, writeRowsParallel, type RowJob, type RowWriter } from '../io/parallel-rows.ts';
import { writeShortest } from '../io/shortest-number.ts';
import { CSV_EN, type CsvFormat } from '../io/csv.ts';
import { formatDay } from '../ingest/dates.ts';
import type { KeyBytes } from '../ingest/transactions.ts';
import type { CustomerSummary } from '../types.ts';
import { summaryIdBytes } from './summarize.ts';
import { idCell, textCell } from '../io/csv-cells.ts';

const LF = 10;
const MINUS = 45;
const DOT = 46;
const BUFFER = 1 << 20;

/** Text of each day as bytes, made once per distinct day. */
class DayText {
  private readonly at = new Map<number, Uint8Array>();
  get(day: number): Uint8Array {
    let b = this.at.get(day);
    if (b === undefined) this.at.set(day, (b = Buffer.from(formatDay(day), 'utf8')));
    return b;
  }
}

const digitScratch = new Uint8Array(24);
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Bytes of recently written fractional numbers, by a hash of their bits: 4096 slots of 32 bytes. */
const cachedValue = new Float64Array(4096).fill(NaN);
const cachedDecimal = new Uint8Array(4096);
const cachedLength = new Uint8Array(4096);
const cachedBytes = new Uint8Array(4096 * 32);

/**
 * A number cell into out at p (room for 32 bytes) as writeCsvColumns writes it: String(v) with `decimal`
 * for the point (whole numbers by their digits, others by writeShortest, exponent forms by String(v)),
 * NaN empty, ±Infinity spelled out. Returns the position after it.
 *
 * @example
 * numberCell(out, 0, 0.5, 44); // "0,5"
 */
export function numberCell(out: Uint8Array, p: number, v: number, decimal: number): number {
  if (v !== v) return p;
  let a = v < 0 ? -v : v;
  if (a < 281474976710656 && Math.floor(a) === a) {
    if (v < 0) out[p++] = MINUS;
    if (a < 10) {
      out[p++] = 48 + a;
      return p;
    }
    let n = 0;
    while (a >= 1) {
      const q = Math.floor(a / 10);
      digitScratch[n++] = 48 + (a - q * 10);
      a = q;
    }
    while (n > 0) out[p++] = digitScratch[--n];
    return p;
  }
  // Recency and T repeat (days / 7 written with 16 or 17 digits): their bytes are remembered by value.
  bits[0] = v;
  const h = Math.imul(words[0] ^ words[1], 0x9e3779b1) >>> 20;
  if (cachedValue[h] === v && cachedDecimal[h] === decimal) {
    const o = h << 5;
    const len = cachedLength[h];
    for (let i = 0; i < len; i++) out[p + i] = cachedBytes[o + i];
    return p + len;
  }
  if (a !== Infinity) {
    const q = writeShortest(out, p, v, decimal);
    if (q >= 0) {
      if (q - p <= 32) {
        const o = h << 5;
        for (let i = p; i < q; i++) cachedBytes[o + i - p] = out[i];
        cachedLength[h] = q - p;
        cachedValue[h] = v;
        cachedDecimal[h] = decimal;
      }
      return q;
    }
  }
  const t = String(v);
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    out[p++] = c === DOT ? decimal : c;
  }
  return p;
}

/** Rows per call of the row writer (optimised after a few calls rather than by on-stack replacement). */
const BATCH = 4096;

/** The output buffer, handed to the sink when a row might not fit. */
class Out {
  buf = Buffer.allocUnsafe(BUFFER);
  p = 0;
  constructor(private readonly sink: ByteSink) {}
  /** Room for n more bytes. */
  room(n: number): void {
    if (this.p + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }
  flush(): void {
    if (this.p > 0) this.sink.write(this.buf.subarray(0, this.p));
    this.p = 0;
  }
}

/**
 * Write the summary as CSV (header `names`, LF line ends) into a sink when its ids are available as
 * valid UTF-8 bytes; returns false (nothing written) otherwise, and the caller writes it from strings.
 * With `parallel` (summary --out), a large summary's rows are formatted on two cores
 * (src/io/parallel-rows.ts), to the same bytes.
 *
 * @example
 * if (!writeSummaryCsvBytes(sink, summary, summaryColumns(summary))) writeCsvColumns(sink, summaryOutputColumns(summary), n);
 */
export function writeSummaryCsvBytes(sink: ByteSink, summary: CustomerSummary, names: string[], format: CsvFormat = CSV_EN, parallel?: { force?: boolean; blockRows?: number }): boolean {
  const ids = summaryIdBytes(summary);
  if (!ids || !ids.keys.validUtf8()) return false;
  const n = summary.frequency.length;
  if (ids.rows ? ids.rows.length !== n : ids.keys.size !== n) return false;
  const out = new Out(sink);
  const d = format.delimiter.charCodeAt(0);
  names.forEach((name, j) => {
    const b = Buffer.from(name, 'utf8');
    out.room(2 * b.length + 8);
    if (j > 0) out.buf[out.p++] = d;
    out.p = textCell(out.buf, out.p, b, 0, b.length, d);
  });
  out.room(1);
  out.buf[out.p++] = LF;
  out.flush();
  const local = summaryRowWriter(summary, ids.keys, ids.rows, format);
  if (parallel) writeRowsParallel(sink, n, local, summaryRowsJob(summary, ids.keys, ids.rows, format), parallel);
  else local(0, n, sink);
  return true;
}

/** The summary's columns a row of the CSV shows (what writeRows reads). */
type RowColumns = Pick<CustomerSummary, 'frequency' | 'recency' | 'T' | 'monetaryValue' | 'firstPurchase' | 'lastPurchase' | 'transactions' | 'totalSpend' | 'holdoutFrequency' | 'holdoutMonetaryValue' | 'holdoutT'>;

/** Rows from .. to - 1 of the summary (no header) into a sink, through one reused buffer. */
function summaryRowWriter(summary: RowColumns, keys: Pick<KeyBytes, 'keyLength' | 'writeKey'>, rows: Int32Array | undefined, format: CsvFormat): RowWriter {
  const d = format.delimiter.charCodeAt(0);
  const decimal = format.decimal.charCodeAt(0);
  const days = new DayText();
  let target: ByteSink | undefined;
  const out = new Out({ write: (chunk) => target!.write(chunk) });
  return (from, to, sink) => {
    target = sink;
    for (let i = from; i < to; i += BATCH) writeRows(out, summary, keys, rows, days, d, decimal, i, Math.min(to, i + BATCH));
    out.flush();
  };
}

/** The columns of some rows, packed for the row worker. */
interface PackedSummaryRows {
  format: CsvFormat;
  ids: { bytes: Uint8Array; start: Int32Array };
  columns: Record<string, Float64Array | undefined>;
}

const NUMBER_COLUMNS = ['frequency', 'recency', 'T', 'monetaryValue', 'firstPurchase', 'lastPurchase', 'transactions', 'totalSpend', 'holdoutFrequency', 'holdoutMonetaryValue', 'holdoutT'] as const;

/** How the row worker formats some of the summary's rows. */
function summaryRowsJob(summary: CustomerSummary, keys: KeyBytes, rows: Int32Array | undefined, format: CsvFormat): RowJob {
  return {
    module: new URL(import.meta.url),
    factory: 'summaryPackedRows',
    pack(blocks) {
      const transfer: ArrayBuffer[] = [];
      const columns: Record<string, Float64Array | undefined> = {};
      for (const name of NUMBER_COLUMNS) {
        const c = summary[name];
        if (!c) continue;
        // days and counts are int32: exact as doubles, and written by the same number cells
        const packed = packNumberRows(c, undefined, blocks);
        transfer.push(packed.buffer as ArrayBuffer);
        columns[name] = packed;
      }
      const ids = packTextRows(keys, rows, blocks);
      transfer.push(ids.bytes.buffer as ArrayBuffer, ids.start.buffer as ArrayBuffer);
      return { payload: { format: { delimiter: format.delimiter, decimal: format.decimal }, ids, columns } satisfies PackedSummaryRows, transfer };
    },
  };
}

/**
 * In the row worker: the RowWriter of summary rows packed by summaryRowsJob (the same cells as
 * writeSummaryCsvBytes).
 *
 * @example
 * const write = summaryPackedRows(payload); write(0, 8192, ringSink);
 */
export function summaryPackedRows(p: PackedSummaryRows): RowWriter {
  return summaryRowWriter(p.columns as unknown as RowColumns, new PackedText(p.ids.bytes, p.ids.start), undefined, p.format);
}

/**
 * Start the row worker now, with this module loaded, for a large summary that `summary --out` will write
 * (called before the input is read; the worker starts on the other core meanwhile).
 *
 * @example
 * prewarmSummaryCsv(); const s = summarize(await readTransactions(file)); writeSummaryFile(s, accounting, 'summary.csv');
 */
export function prewarmSummaryCsv(): void {
  prewarmRowWorker([new URL(import.meta.url)]);
}

/** Bytes a row takes besides its id: 11 numbers of at most 32 bytes, two dates, delimiters. */
const ROW_ROOM = 512;

function writeRows(
  out: Out,
  s: RowColumns,
  keys: Pick<KeyBytes, 'keyLength' | 'writeKey'>,
  rows: Int32Array | undefined,
  days: DayText,
  d: number,
  decimal: number,
  from: number,
  to: number,
): void {
  const hoF = s.holdoutFrequency;
  const hoM = s.holdoutMonetaryValue;
  const hoT = s.holdoutT;
  const { frequency, recency, T, monetaryValue, firstPurchase, lastPurchase, transactions, totalSpend } = s;
  let buf = out.buf;
  let p = out.p;
  for (let i = from; i < to; i++) {
    const c = rows ? rows[i] : i;
    const len = keys.keyLength(c);
    if (p + 3 * len + ROW_ROOM > buf.length) {
      out.p = p;
      out.room(3 * len + ROW_ROOM);
      buf = out.buf;
      p = out.p;
    }
    // the id's bytes copied in place, then made a cell there (the usual id needs no guard or quotes)
    const e = keys.writeKey(c, buf, p);
    p = idCell(buf, p, e, d);
    buf[p++] = d;
    p = numberCell(buf, p, frequency[i], decimal);
    buf[p++] = d;
    p = numberCell(buf, p, recency[i], decimal);
    buf[p++] = d;
    p = numberCell(buf, p, T[i], decimal);
    buf[p++] = d;
    p = numberCell(buf, p, monetaryValue[i], decimal);
    buf[p++] = d;
    const first = days.get(firstPurchase[i]);
    p = textCell(buf, p, first, 0, first.length, d);
    buf[p++] = d;
    const last = days.get(lastPurchase[i]);
    p = textCell(buf, p, last, 0, last.length, d);
    buf[p++] = d;
    p = numberCell(buf, p, transactions[i], decimal);
    buf[p++] = d;
    p = numberCell(buf, p, totalSpend[i], decimal);
    if (hoF) {
      buf[p++] = d;
      p = numberCell(buf, p, hoF[i], decimal);
      buf[p++] = d;
      p = numberCell(buf, p, hoM![i], decimal);
      buf[p++] = d;
      p = numberCell(buf, p, hoT![i], decimal);
    }
    buf[p++] = LF;
  }
  out.p = p;
}
