/**
 * `summary --out file.csv` written from the columns with the customer ids copied from the bytes read
 * (summaryIdBytes) and the dates from one cached text per distinct day: no string per customer and no
 * string write per cell. Cells are the same bytes as writeCsvColumns (src/io/column-writer.ts) writes
 * for summaryOutputColumns: numbers through its ByteWriter, text with csvCell's formula guard and quoting.
 */
import { isUtf8 } from 'node:buffer';
import { ByteWriter, type ByteSink } from '../io/column-writer.ts';
import { CSV_EN, type CsvFormat } from '../io/csv.ts';
import { formatDay } from '../ingest/dates.ts';
import type { CustomerSummary } from '../types.ts';
import { summaryIdBytes } from './summarize.ts';

const QUOTE = 34;
const APOSTROPHE = 39;
const LF = 10;
const CR = 13;

/**
 * The text bytes src[s..e) as a CSV cell: a leading ' before = + - @ tab CR, quoted (quotes doubled)
 * when it holds the delimiter, a quote, LF or CR; nothing when empty (what csvCell does to the text).
 *
 * @example
 * textCell(w, Buffer.from('=A,1'), 0, 4, 44); // writes "'=A,1"
 */
export function textCell(w: ByteWriter, src: Uint8Array, s: number, e: number, delimiter: number): void {
  if (s >= e) return;
  const c0 = src[s];
  const guard = c0 === 61 || c0 === 43 || c0 === 45 || c0 === 64 || c0 === 9 || c0 === CR;
  let quote = false;
  for (let i = s; i < e; i++) {
    const c = src[i];
    if (c === delimiter || c === QUOTE || c === LF || c === CR) {
      quote = true;
      break;
    }
  }
  w.room(2 * (e - s) + 4);
  if (quote) w.byte(QUOTE);
  if (guard) w.byte(APOSTROPHE);
  if (quote) {
    for (let i = s; i < e; i++) {
      const c = src[i];
      if (c === QUOTE) w.byte(QUOTE);
      w.byte(c);
    }
    w.byte(QUOTE);
  } else for (let i = s; i < e; i++) w.byte(src[i]);
}

/** Text of each day as bytes, made once per distinct day. */
class DayText {
  private readonly at = new Map<number, Uint8Array>();
  get(day: number): Uint8Array {
    let b = this.at.get(day);
    if (b === undefined) this.at.set(day, (b = Buffer.from(formatDay(day), 'utf8')));
    return b;
  }
}

/** A number cell as writeCsvColumns writes it: shortest round-trip form, NaN empty, ±Infinity spelled out. */
function numberCell(w: ByteWriter, v: number, decimal: number): void {
  if (Number.isFinite(v)) w.number(v, decimal);
  else if (!Number.isNaN(v)) w.ascii(v > 0 ? 'Infinity' : '-Infinity');
}

/** Rows per call of the row writer (optimised after a few calls rather than by on-stack replacement). */
const BATCH = 4096;

/**
 * Write the summary as CSV (header `names`, LF line ends) into a sink when its ids are available as
 * valid UTF-8 bytes; returns false (nothing written) otherwise, and the caller writes it from strings.
 *
 * @example
 * if (!writeSummaryCsvBytes(sink, summary, summaryColumns(summary))) writeCsvColumns(sink, summaryOutputColumns(summary), n);
 */
export function writeSummaryCsvBytes(sink: ByteSink, summary: CustomerSummary, names: string[], format: CsvFormat = CSV_EN): boolean {
  const ids = summaryIdBytes(summary);
  if (!ids || !isUtf8(ids.bytes)) return false;
  const n = summary.frequency.length;
  if (ids.rows ? ids.rows.length !== n : ids.start.length !== n + 1) return false;
  const w = new ByteWriter(sink);
  const d = format.delimiter.charCodeAt(0);
  const decimal = format.decimal.charCodeAt(0);
  names.forEach((name, j) => {
    if (j > 0) w.byte(d);
    const b = Buffer.from(name, 'utf8');
    textCell(w, b, 0, b.length, d);
  });
  w.byte(LF);
  const days = new DayText();
  for (let i = 0; i < n; i += BATCH) writeRows(w, summary, ids.bytes, ids.start, ids.rows, days, d, decimal, i, Math.min(n, i + BATCH));
  w.end();
  return true;
}

function writeRows(
  w: ByteWriter,
  s: CustomerSummary,
  bytes: Uint8Array,
  start: Int32Array,
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
  for (let i = from; i < to; i++) {
    const c = rows ? rows[i] : i;
    textCell(w, bytes, start[c], start[c + 1], d);
    w.byte(d);
    numberCell(w, s.frequency[i], decimal);
    w.byte(d);
    numberCell(w, s.recency[i], decimal);
    w.byte(d);
    numberCell(w, s.T[i], decimal);
    w.byte(d);
    numberCell(w, s.monetaryValue[i], decimal);
    w.byte(d);
    const first = days.get(s.firstPurchase[i]);
    textCell(w, first, 0, first.length, d);
    w.byte(d);
    const last = days.get(s.lastPurchase[i]);
    textCell(w, last, 0, last.length, d);
    w.byte(d);
    numberCell(w, s.transactions[i], decimal);
    w.byte(d);
    numberCell(w, s.totalSpend[i], decimal);
    if (hoF) {
      w.byte(d);
      numberCell(w, hoF[i], decimal);
      w.byte(d);
      numberCell(w, hoM![i], decimal);
      w.byte(d);
      numberCell(w, hoT![i], decimal);
    }
    w.byte(LF);
  }
}
