/**
 * Streaming ingest of a transaction log into a columnar TransactionTable (DESIGN.md §1).
 *
 * The file is read in 4 MiB chunks (the next one is read while this one is parsed) and scanned
 * as bytes: delimiters, newlines and quotes are found byte by byte, dates and amounts are parsed
 * from the bytes, and customer ids go through a byte-keyed dictionary (key-index.ts), so the
 * per-row work is arithmetic and typed-array stores. Plain rows take a fast path (fastLoop);
 * quoted fields, blanks, thousands separators, unusual dates and bad rows take the general loop,
 * which also does the row accounting and the error messages.
 * Memory is the table (16 bytes a row plus the customer dictionary) plus the read buffers.

 */
import { open, type FileHandle } from 'node:fs/promises';
import { checkInputFile, fileError } from '../io/atomic.ts';
import { isUtf8 } from 'node:buffer';
import { ClvkitError, UsageError } from '../errors.ts';
import type { RowAccounting, TransactionTable } from '../types.ts';
import { ByteKeyIndex } from './key-index.ts';
import { parseNumber } from './number.ts';
import {
  DATE_FORMATS,
  DateShape,
  ambiguousDatesError,
  civilFromDays,
  dateShape,
  daysFromCivil,
  describeFormat,
  formatShape,
  parseCompactBytes,
  parseIsoBytes,
  splitDayMonthBytes,
  validDay,
  validTime,
  type DateFormat,
} from './dates.ts';
import { checkCustomersFit, checkRowsFit, HEAP_PER_CUSTOMER, memoryBudget, type MemoryBudget } from './memory.ts';
import { ENCODING_NAMES, isWindows1252, parseEncoding, transcoder, utf16Bom, type Encoding } from './encoding.ts';
import { describeColumns, detectCurrency, detectDecimal, detectDelimiter, headerKey, looksLikeHeader, resolveColumns, type ColumnMap, type Delimiter } from './dialect.ts';

export { parseDateOption } from './dates.ts';

/** Options of readTransactions / parseTransactions (the CLI flags of `clvkit summary`). */
export interface IngestOptions {
  /** `,` `;` tab `|` or `whitespace`; detected from the first lines when absent. */
  delimiter?: Delimiter | string;
  /** Whether the first row is a header; detected when absent (a row naming a known column or holding no date). */
  header?: boolean;
  /** Column names for a headerless file (array or comma-separated string). */
  columns?: string[] | string;
  /** Column names or 1-based numbers; otherwise found by alias (DESIGN.md §1). */
  customerCol?: string | number;
  dateCol?: string | number;
  amountCol?: string | number;
  channelCol?: string | number;
  /** The file has no amounts, on purpose: value figures are then "not available" (without it, numeric-looking unrecognised columns stop the read). */
  noAmount?: boolean;
  /** Forced date format; detected when absent. */
  dateFormat?: DateFormat;
  /** Decimal separator of amounts; detected when absent. */
  decimal?: ',' | '.';
  /** Keep going past bad rows, counting them per reason (default: stop at the first). */
  skipBadRows?: boolean;
  /** Called after each chunk read. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Read buffer size in bytes (default 4 MiB); small values are for tests. */
  chunkSize?: number;
  /**
   * Text encoding: utf8, utf16, latin1 or cp1252. Default: UTF-8, or UTF-16 when the file starts with
   * its byte-order mark, or Windows-1252 when the file is not valid UTF-8 but is valid Windows-1252
   * (the accounting then says so).
   */
  encoding?: Encoding | string;
  /** Memory the reading may take (default: from this machine and V8's heap limit, see memory.ts); small values are for tests. */
  memoryBudget?: MemoryBudget;
}

/** Rejection reasons used in RowAccounting.rejected. */
export const REJECT = {
  blank: 'blank line',
  fields: 'wrong number of fields',
  customer: 'missing customer',
  missingDate: 'missing date',
  date: 'bad date',
  missingAmount: 'missing amount',
  amount: 'bad amount',
  quote: 'bad quoting',
  dateRange: 'date out of range',
  amountRange: 'amount out of range',
} as const;

/** Dates accepted: 1900-01-01 to 2099-12-31 (days since 1970-01-01); earlier or later ones are rejected as out of range. */
export const FIRST_DAY = -25567;
export const LAST_DAY = 47481;
const DAY_SPAN = LAST_DAY - FIRST_DAY;
/**
 * Amounts accepted: |x| < 1e15. Beyond it a double no longer holds cents exactly (2^53 ≈ 9.007e15)
 * and a few such rows overflow a customer's sum to Infinity; no single transaction is that large.
 */
export const AMOUNT_LIMIT = 1e15;

const FIRST_LINES = 5;
const UNSET = -0x80000000;
const FAST_ISO = 0;
const FAST_COMPACT = 1;
const FAST_DMY = 2;
const FAST_MDY = 3;
const INVALID = 0x7fffffff;
const SAMPLE_BYTES = 64 * 1024;
/**
 * Bytes of input per call of the fast loops (whole lines): about a thousand rows, whose id
 * scratch (12 bytes a row) stays in the first-level cache until resolveIds reads it. Measured on
 * the 1M-customer benchmark log (ingest + summary, medians of 7): 4 MiB slices 439 ms, 256 KiB
 * 413 ms, 32 KiB 377 ms.
 */
const FAST_SLICE = 32 * 1024;
const SAMPLE_RECORDS = 200;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/**
 * Read a transaction file (CSV or whitespace-separated) into a TransactionTable, streaming.
 * Throws a ClvkitError at `file:line:column` for the first bad row unless `skipBadRows`.
 *
 * @example
 * const table = await readTransactions('orders.csv', { skipBadRows: true });
 * table.length;              // rows used
 * table.accounting.rejected; // { 'bad date': 2 }
 */
export async function readTransactions(path: string, options: IngestOptions = {}): Promise<TransactionTable> {
  checkInputFile(path);
  const asked = parseEncoding(options.encoding);
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw fileError(e, path, 'read');
  }
  try {
    const size = (await fh.stat()).size;
    const head = Buffer.alloc(Math.min(4, size));
    await fh.read(head, 0, head.length, 0);
    const bom = utf16Bom(head);
    const encoding: Encoding = asked ?? (bom ? 'utf16' : 'utf8');
    if (encoding !== 'utf8') return await readDecoded(fh, path, size, encoding, head, options, asked === undefined ? `read as ${ENCODING_NAMES[bom ?? 'utf16']} (byte-order mark)` : undefined);
    const ingest = new Ingest(options, path, size);
    const chunk = Math.max(16, options.chunkSize ?? Math.min(4 << 20, Math.max(SAMPLE_BYTES, size + 1)));
    const reader = new RangeReader(fh, chunk, size, options.onProgress);
    try {
      await reader.feed(ingest, 0, () => size);
    } catch (e) {
      // Not UTF-8 and no --encoding: Windows-1252 (Excel's default "CSV" in Western Europe) when every byte fits it.
      if (!(e instanceof NotUtf8) || asked !== undefined || !(await fileIsWindows1252(fh, size))) throw e;
      return await readDecoded(fh, path, size, 'cp1252', head, options, `read as Windows-1252: not valid UTF-8 (${e.message})`);
    }
    return ingest.finish();
  } finally {
    await fh.close();
  }
}

/** Every byte of the file fits Windows-1252. */
async function fileIsWindows1252(fh: FileHandle, size: number): Promise<boolean> {
  const buf = Buffer.allocUnsafe(Math.min(4 << 20, Math.max(1, size)));
  for (let pos = 0; pos < size; ) {
    const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
    if (bytesRead === 0) break;
    if (!isWindows1252(buf.subarray(0, bytesRead))) return false;
    pos += bytesRead;
  }
  return true;
}

/**
 * A file in another encoding, decoded chunk by chunk to UTF-8 before the scanner sees it (outside
 * its loops: the UTF-8 path above pays nothing for this).
 */
async function readDecoded(fh: FileHandle, path: string, size: number, encoding: Exclude<Encoding, 'utf8'>, head: Uint8Array, options: IngestOptions, note?: string): Promise<TransactionTable> {
  const ingest = new Ingest({ ...options, encoding: 'utf8' }, path, size);
  ingest.notes.push(note ?? `read as ${ENCODING_NAMES[encoding === 'utf16' ? (utf16Bom(head) ?? 'utf16le') : encoding]} (--encoding)`);
  const t = transcoder(encoding, head);
  // two buffers: the next chunk is read (on libuv's thread pool) while this one is decoded and parsed
  const chunk = Math.max(16, options.chunkSize ?? 4 << 20);
  const raws = [Buffer.allocUnsafe(chunk), Buffer.allocUnsafe(chunk)];
  let carry: Buffer = Buffer.alloc(0);
  let pos = 0;
  let pending = fh.read(raws[0], 0, chunk, 0);
  for (let turn = 0; ; turn++) {
    const raw = raws[turn & 1];
    const { bytesRead } = await pending;
    pos += bytesRead;
    const eof = bytesRead === 0;
    if (!eof) pending = fh.read(raws[(turn + 1) & 1], 0, chunk, pos);
    let text: Buffer;
    try {
      text = eof ? t.decode() : t.decode(raw.subarray(0, bytesRead));
    } catch {
      throw new ClvkitError(`not valid ${ENCODING_NAMES[encoding]} near byte ${pos}: check --encoding`, { file: path });
    }
    const view = carry.length ? Buffer.concat([carry, text]) : text;
    const consumed = ingest.feed(view, view.length, eof);
    // a copy: an ASCII chunk comes back from the transcoder as `raw` itself (and another as its scratch buffer),
    // which the reads and decodes to come overwrite
    carry = Buffer.from(view.subarray(consumed));
    options.onProgress?.(pos, size);
    if (eof) break;
  }
  return ingest.finish();
}

/** The bytes are not UTF-8 (with no --encoding: the caller may try Windows-1252). */
class NotUtf8 extends ClvkitError {}

/**
 * Reads file ranges in chunks into an Ingest. Double buffering: the next chunk is read (on
 * libuv's thread pool) into one buffer while the other is parsed. Each buffer keeps room before
 * the chunk for the incomplete record left by the previous one, so that chunks are parsed where
 * they were read, not copied.
 */
class RangeReader {
  private pos = 0;
  private readonly a: Buffer;
  private readonly b: Buffer;
  /** Room before each chunk for the previous chunk's incomplete record. */
  private readonly reserve: number;

  constructor(
    private readonly fh: FileHandle,
    private readonly chunk: number,
    private readonly size: number,
    private readonly onProgress: ((bytesRead: number, totalBytes: number) => void) | undefined,
  ) {
    this.reserve = Math.min(chunk, SAMPLE_BYTES);
    this.a = Buffer.allocUnsafe(this.reserve + chunk);
    this.b = Buffer.allocUnsafe(this.reserve + chunk);
  }

  /**
   * Feeds bytes [from, to()) to the ingest; the end of the file is its end. Returns the bytes of
   * an incomplete record left at `to`.
   */
  async feed(ingest: Ingest, from: number, to: () => number): Promise<number> {
    const chunk = this.chunk;
    const reserve = this.reserve;
    this.pos = from;
    // The incomplete record: `have` bytes just before `reserve` in the buffer being read, or, when
    // longer than the room there, in `carry`.
    let have = 0;
    let carry: Buffer | undefined;
    let requested = 0;
    let reading = this.a;
    const issue = (): Promise<{ bytesRead: number }> => {
      requested = Math.min(chunk, to() - this.pos);
      return requested > 0 ? this.fh.read(reading, reserve, requested, this.pos) : Promise.resolve({ bytesRead: 0 });
    };
    let pending = issue();
    for (;;) {
      const asked = requested;
      const { bytesRead } = await pending;
      this.pos += bytesRead;
      const data = reading;
      if (bytesRead > 0) {
        reading = data === this.a ? this.b : this.a;
        pending = issue();
      } else if (asked === 0 && this.pos < to()) {
        // The range was extended after this read was issued.
        pending = issue();
        continue;
      }
      const done = bytesRead === 0;
      // A read that returns nothing where bytes were asked for is the end of the file too (it shrank).
      const eof = done && (this.pos >= this.size || asked > 0);
      let view: Buffer;
      let total: number;
      if (carry) {
        // A record (or the dialect sample) longer than the room: joined by copying.
        total = carry.length + bytesRead;
        view = Buffer.allocUnsafe(total);
        carry.copy(view, 0);
        data.copy(view, carry.length, reserve, reserve + bytesRead);
        carry = undefined;
      } else {
        total = have + bytesRead;
        view = data.subarray(reserve - have, reserve + bytesRead);
      }
      const consumed = ingest.feed(view, total, eof);
      this.onProgress?.(this.pos, this.size);
      if (done) return total - consumed;
      have = total - consumed;
      // Into the room before the chunk being read (the read fills the bytes after it).
      if (have <= reserve) view.copy(reading, reserve - have, consumed, total);
      else {
        carry = Buffer.from(view.subarray(consumed, total));
        have = 0;
      }
    }
  }
}

/**
 * Parse transactions held in memory (same rules as readTransactions).
 *
 * @example
 * const t = parseTransactions('customer_id,date,amount\nA,2024-01-02,10\nA,2024-01-09,5\n');
 * t.customerIds // ['A']
 * t.length      // 2
 */
export function parseTransactions(input: string | Buffer, options: IngestOptions & { file?: string } = {}): TransactionTable {
  // The scanner turns lone CRs into LFs in place: never in the caller's buffer.
  let buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : input.indexOf(CR) >= 0 ? Buffer.from(input) : input;
  const asked = parseEncoding(options.encoding);
  const file = options.file ?? '<input>';
  const bom = utf16Bom(buf);
  const decode = (enc: Exclude<Encoding, 'utf8'>) => {
    const t = transcoder(enc, buf);
    return Buffer.concat([t.decode(buf), t.decode()]);
  };
  let note: string | undefined;
  if (asked !== undefined && asked !== 'utf8') {
    buf = decode(asked);
    note = `read as ${ENCODING_NAMES[asked === 'utf16' ? (bom ?? 'utf16le') : asked]} (--encoding)`;
  } else if (asked === undefined && bom) {
    buf = decode('utf16');
    note = `read as ${ENCODING_NAMES[bom]} (byte-order mark)`;
  }
  const once = (b: Buffer, n?: string) => {
    const ingest = new Ingest({ ...options, encoding: n ? 'utf8' : options.encoding }, file, b.length);
    if (n) ingest.notes.push(n);
    ingest.feed(b, b.length, true);
    return ingest.finish();
  };
  try {
    return once(buf, note);
  } catch (e) {
    if (!(e instanceof NotUtf8) || asked !== undefined || !isWindows1252(buf)) throw e;
    return once(decode('cp1252'), `read as Windows-1252: not valid UTF-8 (${e.message})`);
  }
}

interface Field {
  buf: Buffer;
  s: number;
  e: number;
}

/** Number of customers of tables made here, known without materialising their id strings. */
const CUSTOMER_COUNT = new WeakMap<TransactionTable, number>();

/**
 * Number of customers in a table (its `customerIds.length`), without building the id strings
 * when the table comes from readTransactions / parseTransactions.
 *
 * @example
 * customerCount(parseTransactions('id,date\na,2024-01-01\nb,2024-01-01\n')) // 2
 */
export function customerCount(table: TransactionTable): number {
  return CUSTOMER_COUNT.get(table) ?? table.customerIds.length;
}

/** Customer ids as bytes, one key at a time (src/ingest/key-index.ts). */
export interface KeyBytes {
  /** Number of keys (customers). */
  readonly size: number;
  keyLength(k: number): number;
  /** Writes key k's bytes into out at p (room for keyLength(k)); returns the position after them. */
  writeKey(k: number, out: Uint8Array, p: number): number;
  /** Whether all keys are valid UTF-8 (then the bytes are the UTF-8 of customerIds). */
  validUtf8(): boolean;
}

const KEY_BYTES = new WeakMap<TransactionTable, () => KeyBytes | undefined>();

/**
 * The customer ids of a table made by readTransactions / parseTransactions as the bytes read (customer
 * c's bytes by writeKey(c, …), the UTF-8 of customerIds[c] when validUtf8()), for writers that copy ids
 * without a string per customer; undefined for other tables or when customerIds was replaced.
 *
 * @example
 * const k = customerKeyBytes(parseTransactions('id,date\nA,2024-01-01\n'))!; k.writeKey(0, out, 0); // 'A'
 */
export function customerKeyBytes(table: TransactionTable): KeyBytes | undefined {
  return KEY_BYTES.get(table)?.();
}

/** Customer indices per block of rowsPerBlock (a power of two). */
export const BLOCK_SHIFT = 10;
export const BLOCK = 1 << BLOCK_SHIFT;

const BLOCK_ROWS = new WeakMap<TransactionTable, Int32Array>();

/**
 * Rows of each block of BLOCK customer indices (customers b·BLOCK .. (b + 1)·BLOCK − 1) as
 * counted when the table was made by readTransactions / parseTransactions, or undefined. A hint:
 * a caller that changed the table's customer column makes it stale, so users check it
 * (summarize checks it against the rows as it uses it).
 */
export function rowsPerBlock(table: TransactionTable): Int32Array | undefined {
  return BLOCK_ROWS.get(table);
}

/** The streaming state machine: feed chunks, then finish. */
class Ingest {
  private readonly opts: IngestOptions;
  private readonly file: string;
  private readonly totalBytes: number;
  private started = false;
  private bomChecked = false;
  /** Line number (1-based) of the next record to scan. */
  private line = 1;
  /** Newlines consumed by the last scanned record. */
  private nl = 0;
  private nf = 0;
  private fs = new Int32Array(64);
  private fe = new Int32Array(64);
  /** 0 plain, 1 quoted, 2 quoted with doubled quotes, 3 junk after the closing quote. */
  private fq = new Uint8Array(64);
  private delim = 44;
  private whitespace = false;
  private decimal: ',' | '.' = '.';
  private decimalByte = 46;
  private cols: ColumnMap = { customer: 0, date: 1, amount: -1, channel: -1 };
  private currency: string | undefined;
  private columnsNote: string | undefined;
  private names: string[] | undefined;
  private expectedFields = 0;
  private skipHeader = false;
  private shape: DateShape = DateShape.None;
  /** Day/month order for DayMonth dates: undefined until decided. */
  private dayFirst: boolean | undefined;
  private ambiguousExample = '';
  private customers: ByteKeyIndex;
  private channels: ByteKeyIndex | undefined;
  private customer: Int32Array;
  private day: Int32Array;
  private amount: Float64Array;
  private channel: Int32Array | undefined;
  private length = 0;
  private read = 0;
  private rejected: Record<string, number> = {};
  private firstLines: Record<string, number[]> = {};
  /** Said with the accounting: how the bytes were read (encoding, line ends). */
  readonly notes: string[] = [];
  private loneCr = 0;
  private unclosedQuote = false;
  /** Set when a loop stopped at a record not complete in the buffer. */
  private incomplete = false;
  /** Day numbers by (year − 1900, month, day): parsed dates repeat, so each is computed once. */
  private dayCache = new Int32Array(256 * 12 * 31).fill(UNSET);
  private readonly sampleBytes: number;

  constructor(options: IngestOptions, file: string, totalBytes: number) {
    this.opts = options;
    this.file = file;
    this.totalBytes = totalBytes;
    if (options.dateFormat !== undefined && !DATE_FORMATS.includes(options.dateFormat)) {
      throw new UsageError(`--date-format: expected one of ${DATE_FORMATS.join(', ')}, got "${options.dateFormat}"`);
    }
    if (options.decimal !== undefined && options.decimal !== ',' && options.decimal !== '.') {
      throw new UsageError(`--decimal: expected "," or ".", got "${options.decimal}"`);
    }
    this.sampleBytes = Math.min(SAMPLE_BYTES, options.chunkSize ?? SAMPLE_BYTES);
    this.budget = options.memoryBudget ?? memoryBudget();
    this.maxCustomers = this.budget.heap / HEAP_PER_CUSTOMER;
    const cap = 1024;
    this.customers = new ByteKeyIndex(cap);
    this.customer = new Int32Array(cap);
    this.day = new Int32Array(cap);
    this.amount = new Float64Array(cap);
  }

  /** Processes complete records of buf[0..end); returns the bytes consumed. */
  feed(buf: Buffer, end: number, eof: boolean): number {
    let p = 0;
    if (!this.bomChecked) {
      if (end < 3 && !eof) return 0;
      this.bomChecked = true;
      this.checkEncodingStart(buf, end);
      if (end >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) p = 3;
    }
    // A CR not followed by LF (classic Mac, or mixed line ends) ends a line too: made an LF here, so
    // the loops below only know LF and CR LF. Files without CR pay one memchr per chunk.
    const cr = buf.indexOf(CR, p);
    if (cr >= 0 && cr < end) this.loneCr += loneCrToLf(buf, p, cr, end, eof);
    if (!this.started) {
      if (end - p < this.sampleBytes && !eof) return 0;
      const after = this.setup(buf, p, end, eof);
      if (after < 0) return p === 3 ? 3 : 0;
      p = after;
    }
    const from = p;
    const lineFrom = this.line;
    // Fast path for plain delimited rows (no quote byte in the chunk, ISO or compact dates); any row
    // it does not handle goes through the general loop, one row at a time.
    const quote = buf.indexOf(QUOTE, p);
    const plain = !this.whitespace && (quote < 0 || quote >= end);
    this.incomplete = false;
    // The usual layout (customer, date, amount, and a channel after them or not) has a faster path
    // still (fastLoop3); a row it does not take goes to fastLoop, then to the general loop.
    const three =
      this.cols.customer === 0 && this.cols.date === 1 && this.cols.amount === 2 && ((this.expectedFields === 3 && this.cols.channel < 0) || (this.expectedFields === 4 && this.cols.channel === 3));
    for (;;) {
      // The date mode may settle in the general loop (day/month order), so re-check each time.
      const fast = plain && this.fastDateMode() >= 0;
      // fastLoop3 reads simply quoted fields itself, so it runs on chunks with quotes too (its rows with quotes
      // it does not take go to the general loop, one at a time)
      const fast3 = three && !this.whitespace && this.fastDateMode() >= 0;
      const before = p;
      if (fast || fast3) {
        // In slices of whole lines (FAST_SLICE), so that a slice's id scratch is still in cache
        // when resolveIds reads it.
        if (three) {
          let lim: number;
          do {
            lim = sliceEnd(buf, p, end);
            p = this.fastLoop3(buf, p, lim);
          } while (p === lim && lim < end);
          if (p >= end) break;
          if (fast) {
            const at = p;
            p = this.fastLoop(buf, p, end, eof, 1);
            if (this.incomplete || p >= end) break;
            if (p !== at) continue;
          }
        } else {
          let lim: number;
          do {
            lim = sliceEnd(buf, p, end);
            p = this.fastLoop(buf, p, lim, eof && lim === end);
          } while (p === lim && lim < end);
          if (this.incomplete || p >= end) break;
        }
      }
      // after a fast loop that took rows, one row here and back; after one that took none (a layout it cannot read
      // row after row, such as a quoted text it does not take), 64 rows here before it tries again
      p = this.loop(buf, p, end, eof, this.whitespace, fast || fast3 ? (p > before ? 1 : 64) : plain ? 64 : -1);
      if (this.incomplete || p >= end) break;
    }
    const consumed = Math.min(p, end);
    if (!isUtf8(buf.subarray(from, consumed))) this.encodingError(buf, from, consumed, lineFrom);
    // Once a chunk: the ids must fit the heap as strings, or V8 would abort later ("heap out of memory").
    if (this.customers.size > this.maxCustomers) checkCustomersFit(this.file, this.customers.size, this.line, this.budget);
    return consumed;
  }

  private checkEncodingStart(buf: Buffer, end: number): void {
    if (end >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
      throw new ClvkitError('the file starts with a UTF-16 byte-order mark but was read as UTF-8: give --encoding utf16', { file: this.file });
    }
    const n = Math.min(end, 4096);
    for (let i = 0; i < n; i++) {
      if (buf[i] === 0) {
        throw new ClvkitError('the file holds NUL bytes (UTF-16 without a byte-order mark, or a binary file such as .xlsx): export it as CSV, or give --encoding utf16', { file: this.file, line: this.line + this.countLines(buf, 0, i) });
      }
    }
  }

  private encodingError(buf: Buffer, from: number, to: number, line: number): never {
    const Err = this.opts.encoding === undefined ? NotUtf8 : ClvkitError;
    let s = from;
    while (s < to) {
      let e = buf.indexOf(LF, s);
      if (e < 0 || e > to) e = to;
      if (!isUtf8(buf.subarray(s, e))) break;
      line++;
      s = e + 1;
    }
    throw new Err(
      `the file is not valid UTF-8${Err === NotUtf8 ? ' nor Windows-1252' : ''}: give its encoding with --encoding utf8|utf16|latin1|cp1252, or convert it to UTF-8 ` +
        '(e.g. `iconv -f latin1 -t utf-8 in.csv > out.csv`, or "CSV UTF-8" in a spreadsheet)',
      { file: this.file, line },
    );
  }

  /**
   * Decide the dialect from the first records. Returns where data rows start, or -1 when more
   * bytes are needed.
   */
  private setup(buf: Buffer, p0: number, end: number, eof: boolean): number {
    const o = this.opts;
    let sampleEnd = Math.min(end, p0 + this.sampleBytes);
    if (sampleEnd < end) {
      const lastNl = buf.lastIndexOf(LF, sampleEnd - 1);
      if (lastNl > p0) sampleEnd = lastNl + 1;
    }
    const sampleBuf = buf.subarray(p0, sampleEnd);
    if (!isUtf8(sampleBuf)) this.encodingError(buf, p0, sampleEnd, 1);
    const text = sampleBuf.toString('utf8');
    if (text.trim().length === 0 && (eof || sampleEnd === end)) {
      if (eof) throw new ClvkitError('the file is empty', { file: this.file });
    }
    const delimiter = (o.delimiter ?? detectDelimiter(text)) as Delimiter;
    if (delimiter === 'whitespace') this.whitespace = true;
    else if (delimiter.length === 1) this.delim = delimiter.charCodeAt(0);
    else throw new UsageError(`--delimiter: expected one of , ; tab | whitespace, got "${delimiter}"`);

    // Scan the first records (without consuming them) for the header and the samples.
    const records: string[][] = [];
    const recordBytes: number[] = [];
    let p = p0;
    let firstRecordEnd = -1;
    let firstRecordLines = 0;
    while (records.length < SAMPLE_RECORDS && p < end) {
      const next = this.whitespace ? this.scanWhitespace(buf, p, end, eof) : this.scanDelimited(buf, p, end, eof);
      if (next < 0) break;
      const fields = this.fieldStrings(buf);
      if (!(fields.length === 0 || (fields.length === 1 && fields[0].trim() === '' && this.fq[0] === 0))) {
        if (firstRecordEnd < 0) {
          firstRecordEnd = next;
          firstRecordLines = this.nl;
          this.firstRecordStartLine = this.line + this.countLines(buf, p0, p);
        }
        records.push(fields);
        recordBytes.push(next - p);
      }
      p = next;
    }
    if (records.length === 0) {
      if (!eof && end - p0 < buf.length) return -1;
      if (eof) throw new ClvkitError('the file is empty', { file: this.file });
      return -1;
    }
    const names = typeof o.columns === 'string' ? o.columns.split(',').map((s) => s.trim()) : o.columns;
    const first = records[0];
    const header = o.header ?? looksLikeHeader(first);
    this.skipHeader = header;
    const dataRecords = header ? records.slice(1) : records;
    if (header && dataRecords.length === 0 && eof && p >= end) {
      throw new ClvkitError(`the file has a header row (${first.join(', ')}) but no data rows`, { file: this.file });
    }
    this.names = names ?? (header ? first.map((h) => h.replace(/^\uFEFF/, '').trim()) : undefined);
    this.expectedFields = this.names?.length ?? first.length;
    this.cols = resolveColumns(this.names, this.expectedFields, o, this.file, dataRecords);
    if (this.cols.amount >= 0) {
      const unit = this.names ? headerKey(this.names[this.cols.amount]).unit : undefined;
      this.currency = detectCurrency(unit, dataRecords.map((r) => r[this.cols.amount] ?? ''));
    }
    this.columnsNote = describeColumns(this.names, this.cols, this.currency);
    const dateValues = dataRecords.map((r) => r[this.cols.date] ?? '').filter((v) => v.trim() !== '');
    if (o.dateFormat !== undefined) {
      this.shape = formatShape(o.dateFormat);
      this.dayFirst = o.dateFormat === 'dd/mm/yyyy' ? true : o.dateFormat === 'mm/dd/yyyy' ? false : undefined;
    } else {
      for (const v of dateValues) {
        const b = Buffer.from(v.trim());
        const s = dateShape(b, 0, b.length);
        if (s !== DateShape.None) {
          this.shape = s;
          break;
        }
      }
    }
    if (this.cols.amount >= 0) {
      this.decimal = o.decimal ?? detectDecimal(dataRecords.map((r) => r[this.cols.amount] ?? ''), delimiter);
    } else this.decimal = o.decimal ?? (delimiter === ';' ? ',' : '.');
    this.decimalByte = this.decimal.charCodeAt(0);
    if (this.cols.channel >= 0) {
      this.channels = new ByteKeyIndex(16);
      this.channel = new Int32Array(this.customer.length);
    }
    // Size the columns from the file size and the sample's bytes per row.
    const avg = recordBytes.reduce((a, b) => a + b, 0) / recordBytes.length;
    // Capped: past 32M rows the columns grow by doubling as rows come.
    this.rowBytes = Math.max(avg, 4);
    // A file too large for memory is one line suggesting --engine duckdb, before the columns are allocated.
    checkRowsFit(this.file, this.totalBytes, this.rowBytes, this.budget);
    const estimate = Math.min(1 << 25, Math.ceil((this.totalBytes / this.rowBytes) * 1.05) + 16);
    if (estimate > this.customer.length) {
      this.grow(estimate);
      // Room for as many ids as rows: pages never written are never mapped, whereas growing copies.
      this.customers = new ByteKeyIndex(Math.min(1 << 24, Math.max(1024, estimate)));
    }
    this.started = true;
    this.unclosedQuote = false; // the loop rescans the sample records
    if (header) {
      // Consume the header record (and blank lines before it).
      this.line = this.firstRecordStartLine + firstRecordLines;
      return firstRecordEnd;
    }
    return p0;
  }

  private firstRecordStartLine = 1;
  private readonly budget: MemoryBudget;
  private readonly maxCustomers: number;
  /** Mean bytes per record of the dialect sample. */
  private rowBytes = 32;


  private countLines(buf: Buffer, s: number, e: number): number {
    let n = 0;
    for (let i = s; i < e; i++) if (buf[i] === LF) n++;
    return n;
  }

  private fieldStrings(buf: Buffer): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.nf; i++) {
      const f = this.field(buf, i);
      out.push(f.buf.toString('utf8', f.s, f.e));
    }
    return out;
  }

  /** Field i of the last scanned record, trimmed of blanks, with doubled quotes undone. */
  private field(buf: Buffer, i: number): Field {
    let s = this.fs[i];
    let e = this.fe[i];
    if (this.fq[i] === 2) {
      const out: number[] = [];
      for (let k = s; k < e; k++) {
        out.push(buf[k]);
        if (buf[k] === QUOTE) k++;
      }
      const b = Buffer.from(out);
      return trimField(b, 0, b.length);
    }
    return trimField(buf, s, e);
  }

  private grow(min: number): void {
    const n = Math.max(min, this.customer.length * 2);
    const c = new Int32Array(n);
    c.set(this.customer.subarray(0, this.length));
    this.customer = c;
    const d = new Int32Array(n);
    d.set(this.day.subarray(0, this.length));
    this.day = d;
    const a = new Float64Array(n);
    a.set(this.amount.subarray(0, this.length));
    this.amount = a;
    if (this.channel) {
      const h = new Int32Array(n);
      h.set(this.channel.subarray(0, this.length));
      this.channel = h;
    }
  }

  /**
   * Scan one record of a delimited file starting at p. Fills fs/fe/fq/nf/nl; returns the
   * position after the record, or -1 when the record is not complete in buf[..end).
   */
  private scanDelimited(buf: Buffer, p: number, end: number, eof: boolean): number {
    const d = this.delim;
    let fs = this.fs;
    let nf = 0;
    let nl = 0;
    for (;;) {
      if (nf === fs.length) {
        this.growFields();
        fs = this.fs;
      }
      if (p < end && buf[p] === QUOTE) {
        let q = p + 1;
        let kind = 1;
        for (;;) {
          if (q >= end) {
            if (!eof) return -1;
            // Unclosed quote: the field runs to the end of the file.
            this.unclosedQuote = true;
            break;
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
          if (c === LF) nl++;
          q++;
        }
        fs[nf] = p + 1;
        this.fe[nf] = q;
        this.fq[nf] = kind;
        nf++;
        p = q + 1;
        if (p >= end) {
          if (!eof) return -1;
          break;
        }
        let c = buf[p];
        if (c === CR) {
          if (p + 1 >= end && !eof) return -1;
          if (p + 1 < end && buf[p + 1] === LF) c = buf[++p];
        }
        if (c === d) {
          p++;
          continue;
        }
        if (c === LF) {
          nl++;
          p++;
          break;
        }
        // Junk after a closing quote: the field runs on to the next delimiter; the row is rejected.
        this.fq[nf - 1] = 3;
        while (p < end && buf[p] !== d && buf[p] !== LF) p++;
        if (p >= end && !eof) return -1;
        this.fe[nf - 1] = p > 0 && buf[p - 1] === CR ? p - 1 : p;
        if (p >= end) break;
        if (buf[p++] === d) continue;
        nl++;
        break;
      }
      const s = p;
      let c = 0;
      while (p < end) {
        c = buf[p];
        if (c === d || c === LF) break;
        p++;
      }
      if (p >= end) {
        if (!eof) return -1;
        fs[nf] = s;
        this.fe[nf] = p > s && buf[p - 1] === CR ? p - 1 : p;
        this.fq[nf] = 0;
        nf++;
        break;
      }
      fs[nf] = s;
      this.fq[nf] = 0;
      if (c === d) {
        this.fe[nf] = p;
        nf++;
        p++;
        continue;
      }
      this.fe[nf] = p > s && buf[p - 1] === CR ? p - 1 : p;
      nf++;
      nl++;
      p++;
      break;
    }
    this.nf = nf;
    this.nl = nl;
    return p;
  }

  /** Scan one record of a whitespace-separated file (no quoting). */
  private scanWhitespace(buf: Buffer, p: number, end: number, eof: boolean): number {
    let fs = this.fs;
    let fe = this.fe;
    let nf = 0;
    let nl = 0;
    for (;;) {
      while (p < end) {
        const c = buf[p];
        if (c !== SPACE && c !== TAB && c !== CR) break;
        p++;
      }
      if (p >= end) {
        if (!eof) return -1;
        break;
      }
      if (buf[p] === LF) {
        nl = 1;
        p++;
        break;
      }
      const s = p;
      while (p < end) {
        const c = buf[p];
        if (c === SPACE || c === TAB || c === LF || c === CR) break;
        p++;
      }
      if (p >= end && !eof) return -1;
      if (nf === fs.length) {
        this.growFields();
        fs = this.fs;
        fe = this.fe;
      }
      fs[nf] = s;
      fe[nf] = p;
      this.fq[nf] = 0;
      nf++;
    }
    this.nf = nf;
    this.nl = nl;
    return p;
  }

  private growFields(): void {
    const n = this.fs.length * 2;
    const a = new Int32Array(n);
    a.set(this.fs);
    this.fs = a;
    const b = new Int32Array(n);
    b.set(this.fe);
    this.fe = b;
    const c = new Uint8Array(n);
    c.set(this.fq);
    this.fq = c;
  }

  /** The hot loop over complete records; returns the bytes consumed. */
  private loop(buf: Buffer, p: number, end: number, eof: boolean, ws: boolean, maxRows: number): number {
    const cols = this.cols;
    const ci = cols.customer;
    const di = cols.date;
    const ai = cols.amount;
    const hi = cols.channel;
    const expected = this.expectedFields;
    const dec = this.decimalByte;
    const customers = this.customers;
    let customer = this.customer;
    let day = this.day;
    let amount = this.amount;
    let length = this.length;
    let cap = customer.length;
    let line = this.line;
    let read = this.read;
    let shape = this.shape;
    while (p < end && maxRows-- !== 0) {
      const next = ws ? this.scanWhitespace(buf, p, end, eof) : this.scanDelimited(buf, p, end, eof);
      if (next < 0) {
        this.incomplete = true;
        break;
      }
      const rowLine = line;
      line += this.nl;
      const nf = this.nf;
      const fs = this.fs;
      const fe = this.fe;
      const fq = this.fq;
      p = next;
      read++;
      // Blank line: counted, never fatal.
      if (nf === 0 || (nf === 1 && fq[0] === 0 && isBlank(buf, fs[0], fe[0]))) {
        this.rejectRow(REJECT.blank, rowLine);
        continue;
      }
      if (this.unclosedQuote) {
        this.unclosedQuote = false;
        this.bad(REJECT.quote, rowLine, nf, 'a closing quote (")', 'end of file', true);
        continue;
      }
      let junk = -1;
      for (let k = 0; k < nf; k++) if (fq[k] === 3) junk = k;
      if (junk >= 0) {
        this.bad(REJECT.quote, rowLine, junk + 1, 'a delimiter after the closing quote', buf.toString('utf8', fs[junk] - 1, fe[junk]));
        continue;
      }
      if (nf !== expected) {
        this.bad(
          REJECT.fields,
          rowLine,
          undefined,
          `${expected} fields${this.names ? ` (${this.names.join(', ')})` : ''}`,
          recordText(buf, fs[0], fe[nf - 1], fq[nf - 1]),
          false,
          ` (${nf} field${nf === 1 ? '' : 's'})`,
        );
        continue;
      }
      // Date.
      let db: Buffer = buf;
      let ds = fs[di];
      let de = fe[di];
      if (fq[di] === 2) ({ buf: db, s: ds, e: de } = this.field(buf, di));
      else {
        while (ds < de && (db[ds] === SPACE || db[ds] === TAB)) ds++;
        while (de > ds && (db[de - 1] === SPACE || db[de - 1] === TAB)) de--;
      }
      if (ds === de) {
        this.bad(REJECT.missingDate, rowLine, di + 1, 'a date', '');
        continue;
      }
      let dv: number;
      if (shape === DateShape.Iso || shape === DateShape.Compact) {
        dv = this.fastDay(db, ds, de, shape === DateShape.Iso ? FAST_ISO : FAST_COMPACT);
        if (dv === INVALID) dv = NaN;
      } else {
        if (shape === DateShape.None) {
          shape = dateShape(db, ds, de);
          this.shape = shape;
          if (shape === DateShape.None) {
            this.bad(REJECT.date, rowLine, di + 1, 'a date (yyyy-mm-dd, yyyymmdd, dd/mm/yyyy or mm/dd/yyyy)', db.toString('utf8', ds, de));
            continue;
          }
          if (shape === DateShape.Iso) dv = parseIsoBytes(db, ds, de);
          else if (shape === DateShape.Compact) dv = parseCompactBytes(db, ds, de);
          else dv = this.dayMonth(db, ds, de, length);
        } else dv = this.dayMonth(db, ds, de, length);
      }
      if (dv !== dv) {
        this.bad(REJECT.date, rowLine, di + 1, describeFormat(shape, this.dayFirst), db.toString('utf8', ds, de));
        continue;
      }
      if (dv < FIRST_DAY || dv > LAST_DAY) {
        this.bad(REJECT.dateRange, rowLine, di + 1, 'a date from 1900-01-01 to 2099-12-31', db.toString('utf8', ds, de));
        continue;
      }
      // Amount.
      let av = NaN;
      if (ai >= 0) {
        let ab: Buffer = buf;
        let as = fs[ai];
        let ae = fe[ai];
        if (fq[ai] === 2) ({ buf: ab, s: as, e: ae } = this.field(buf, ai));
        av = fastNumber(ab, as, ae, dec);
        if (av !== av) {
          const text = ab.toString('utf8', as, ae);
          av = parseNumber(text, this.decimal);
          if (av !== av) {
            if (text.trim() === '') this.bad(REJECT.missingAmount, rowLine, ai + 1, 'an amount', '');
            else this.bad(REJECT.amount, rowLine, ai + 1, `an amount like ${this.decimal === ',' ? '1 234,50' : '1,234.50'}`, text);
            continue;
          }
        }
        // Non-finite (1e309, 400 digits) or so large that sums overflow: rejected, never a null or Infinity downstream.
        if (!(av < AMOUNT_LIMIT && av > -AMOUNT_LIMIT)) {
          this.bad(REJECT.amountRange, rowLine, ai + 1, 'an amount below 1e15 in absolute value', ab.toString('utf8', as, ae));
          continue;
        }
      }
      // Customer.
      let cb: Buffer = buf;
      let cs = fs[ci];
      let ce = fe[ci];
      if (fq[ci] === 2) ({ buf: cb, s: cs, e: ce } = this.field(buf, ci));
      else {
        while (cs < ce && (cb[cs] === SPACE || cb[cs] === TAB)) cs++;
        while (ce > cs && (cb[ce - 1] === SPACE || cb[ce - 1] === TAB)) ce--;
      }
      if (cs === ce) {
        this.bad(REJECT.customer, rowLine, ci + 1, 'a customer id', '');
        continue;
      }
      if (length === cap) {
        this.length = length;
        this.grow(cap * 2);
        customer = this.customer;
        day = this.day;
        amount = this.amount;
        cap = customer.length;
      }
      if (hi >= 0) {
        const h = this.field(buf, hi);
        this.channel![length] = this.channels!.indexOf(h.buf, h.s, h.e);
      }
      const ck = customers.indexOf(cb, cs, ce);
      customer[length] = ck;
      if (ck >> BLOCK_SHIFT >= this.blockRows.length) this.growBlockRows(ck >> BLOCK_SHIFT);
      this.blockRows[ck >> BLOCK_SHIFT]++;
      day[length] = dv;
      amount[length] = av;
      length++;
    }
    this.length = length;
    this.line = line;
    this.read = read;
    return p < end ? p : end;
  }

  /** Scratch of fastLoop: per row, the id's number (or -1) and its byte range. */
  private kv = new Int32Array(1 << 16);
  private ks = new Int32Array(1 << 16);
  private ke = new Int32Array(1 << 16);

  private growIdScratch(): void {
    const n = this.kv.length * 2;
    for (const k of ['kv', 'ks', 'ke'] as const) {
      const a = new Int32Array(n);
      a.set(this[k]);
      this[k] = a;
    }
  }

  /**
   * Customer index of rows base .. base + count from the fastLoop scratch: direct-table hits in a
   * tight loop (independent loads, so many misses are in flight at once), anything else through
   * the dictionary, in row order.
   */
  private resolveIds(buf: Buffer, base: number, count: number): void {
    const ix = this.customers;
    const customer = this.customer;
    const kv = this.kv;
    const ks = this.ks;
    const ke = this.ke;
    let direct = ix.direct;
    for (let r = 0; r < count; r++) {
      const v = kv[r];
      let k = -1;
      if (v >= 0 && v < direct.length) {
        const cell = direct[v];
        const len = ke[r] - ks[r];
        if (cell === 0) k = ix.addDirect(v, len);
        else if (cell >>> 26 === len) k = (cell & 0x3ffffff) - 1;
      }
      if (k < 0) {
        k = ix.indexOf(buf, ks[r], ke[r]);
        direct = ix.direct;
      }
      customer[base + r] = k;
    }
    this.countBlocks(base, count);
  }

  /** Adds rows base .. base + count to the rows per block of customers (their indices are in cache). */
  private countBlocks(base: number, count: number): void {
    const customer = this.customer;
    let blockRows = this.blockRows;
    const last = (this.customers.size - 1) >> BLOCK_SHIFT;
    if (last >= blockRows.length) blockRows = this.growBlockRows(last);
    for (let r = base; r < base + count; r++) blockRows[customer[r] >> BLOCK_SHIFT]++;
  }

  /** Rows per block of BLOCK customer indices (counted as ids are resolved; a small array, in cache): see rowsPerBlock. */
  private blockRows: Int32Array = new Int32Array(64);

  private growBlockRows(b: number): Int32Array {
    const a = new Int32Array(Math.max(b + 1, this.blockRows.length * 2));
    a.set(this.blockRows);
    return (this.blockRows = a);
  }

  /**
   * yyyy-mm-dd (10 bytes; longer ISO forms via parseIsoBytes) or yyyymmdd (8 bytes), through the
   * day cache. Returns INVALID (an int, so no heap number is allocated) when not a valid date.
   */
  private fastDay(b: Uint8Array, s: number, e: number, mode: number): number {
    let y0: number, y1: number, y2: number, y3: number, m0: number, m1: number, d0: number, d1: number;
    if (mode === FAST_ISO) {
      if (e - s !== 10 || b[s + 4] !== 45 || b[s + 7] !== 45) {
        // a date and a time (yyyy-mm-ddThh:mm…): the time checked as parseIsoBytes checks it (and ignored), the day
        // through the cache below; any other form through parseIsoBytes
        if (!(e - s > 10 && b[s + 4] === 45 && b[s + 7] === 45)) {
          const v = parseIsoBytes(b, s, e);
          return v === v ? v : INVALID;
        }
        if (!validTime(b, s + 10, e)) return INVALID;
      }
      (y0 = b[s] - 48), (y1 = b[s + 1] - 48), (y2 = b[s + 2] - 48), (y3 = b[s + 3] - 48);
      (m0 = b[s + 5] - 48), (m1 = b[s + 6] - 48), (d0 = b[s + 8] - 48), (d1 = b[s + 9] - 48);
    } else if (mode === FAST_COMPACT) {
      if (e - s !== 8) return INVALID;
      (y0 = b[s] - 48), (y1 = b[s + 1] - 48), (y2 = b[s + 2] - 48), (y3 = b[s + 3] - 48);
      (m0 = b[s + 4] - 48), (m1 = b[s + 5] - 48), (d0 = b[s + 6] - 48), (d1 = b[s + 7] - 48);
    } else {
      // dd/mm/yyyy or mm/dd/yyyy with two-digit parts, a time after it or not (others go to the general loop).
      const sep = b[s + 2];
      if (e - s < 10 || b[s + 5] !== sep || (sep !== 47 && sep !== 45 && sep !== 46)) return INVALID;
      if (e - s > 10 && !validTime(b, s + 10, e)) return INVALID;
      (y0 = b[s + 6] - 48), (y1 = b[s + 7] - 48), (y2 = b[s + 8] - 48), (y3 = b[s + 9] - 48);
      const a0 = b[s] - 48, a1 = b[s + 1] - 48, c0 = b[s + 3] - 48, c1 = b[s + 4] - 48;
      if (mode === FAST_DMY) (d0 = a0), (d1 = a1), (m0 = c0), (m1 = c1);
      else (m0 = a0), (m1 = a1), (d0 = c0), (d1 = c1);
    }
    // (x >>> 0) > 9 rejects bytes below and above the digits.
    if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) return INVALID;
    const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const m = m0 * 10 + m1;
    const d = d0 * 10 + d1;
    const yy = y - 1900;
    if (yy < 0 || yy >= 256 || m < 1 || m > 12 || d < 1 || d > 31) {
      const v = validDay(y, m, d);
      return v === v ? v : INVALID;
    }
    const k = (yy * 12 + m - 1) * 31 + d - 1;
    let v = this.dayCache[k];
    if (v === UNSET) {
      const day = validDay(y, m, d);
      v = day === day ? day : INVALID;
      this.dayCache[k] = v;
    }
    return v;
  }

  /** Date mode of the fast path, or -1 while the date format is not settled. */
  private fastDateMode(): number {
    switch (this.shape) {
      case DateShape.Iso:
        return FAST_ISO;
      case DateShape.Compact:
        return FAST_COMPACT;
      case DateShape.Dotted:
        return FAST_DMY;
      case DateShape.DayMonth:
        return this.dayFirst === undefined ? -1 : this.dayFirst ? FAST_DMY : FAST_MDY;
      default:
        return -1;
    }
  }

  /**
   * fastLoop for rows laid out as customer, date, amount whose date has the fixed width of the
   * date format: the date is checked and parsed in place (not scanned for delimiters) and the
   * amount is parsed as it is scanned to the end of the line. Takes exactly the rows fastLoop
   * takes with these shapes, with the same values; stops (returning its start) at any other row,
   * and at a row not complete in the buffer.
   */
  private fastLoop3(buf: Buffer, p: number, end: number): number {
    const d = this.delim;
    // a fourth column, the channel (as the general loop reads it: its bytes, numbered in first-seen order)
    const channels = this.cols.channel === 3 ? this.channels : undefined;
    const dec = this.decimalByte;
    const dateMode = this.fastDateMode();
    const width = dateMode === FAST_COMPACT ? 8 : 10;
    let day = this.day;
    let amount = this.amount;
    let length = this.length;
    let cap = day.length;
    const ix = this.customers;
    const base = length;
    let kv = this.kv;
    let ks = this.ks;
    let ke = this.ke;
    let stop = -1;
    while (p < end) {
      const rowStart = p;
      // Customer: up to the delimiter, or between quotes when it has none inside (R's write.csv quotes every text)
      let q = p;
      let cs = p;
      if (buf[p] === QUOTE) {
        cs = p + 1;
        q = closingQuote(buf, cs, end);
        if (q < 0) {
          stop = rowStart;
          break;
        }
      } else {
        while (q < end) {
          const c = buf[q];
          if (c === d || c === LF) break;
          q++;
        }
      }
      const ce = q;
      if (cs !== p) q++; // past the closing quote, to the delimiter
      // Date: fixed width, in quotes or not
      let ds = q + 1;
      const dateQuoted = ds < end && buf[ds] === QUOTE;
      if (dateQuoted) ds++;
      let de = ds + width;
      if (dateMode !== FAST_COMPACT && de < end && (buf[de] === 84 || buf[de] === SPACE)) {
        // a date and a time (an order's timestamp): the field runs to the delimiter (or its closing quote)
        while (de < end && buf[de] !== d && buf[de] !== LF && buf[de] !== QUOTE) de++;
      }
      if (dateQuoted && (de >= end || buf[de] !== QUOTE)) {
        stop = rowStart;
        break;
      }
      const as = de + (dateQuoted ? 2 : 1);
      // (an id with spaces or tabs around it goes to the general loop, which trims them)
      if (as >= end || buf[q] !== d || buf[as - 1] !== d || cs === ce || buf[cs] === SPACE || buf[ce - 1] === SPACE || buf[cs] === TAB || buf[ce - 1] === TAB) {
        stop = rowStart;
        break;
      }
      const dv = this.fastDay(buf, ds, de, dateMode);
      // Invalid (INVALID) and out-of-range days alike go to the general loop, which says why.
      if ((dv - FIRST_DAY) >>> 0 > DAY_SPAN) {
        stop = rowStart;
        break;
      }
      // Amount: -?digits[.digits], in quotes or not, up to LF or CR LF.
      let i = as;
      const amountQuoted = buf[i] === QUOTE;
      if (amountQuoted) i++;
      let neg = false;
      if (buf[i] === 45) {
        neg = true;
        i++;
      }
      let m = 0;
      let digits = 0;
      let frac = -1;
      let c = 0;
      for (; i < end; i++) {
        c = buf[i];
        const v = c - 48;
        if (v >= 0 && v <= 9) {
          m = m * 10 + v;
          digits++;
          if (frac >= 0) frac++;
        } else if (c === dec && frac < 0) frac = 0;
        else break;
      }
      if (amountQuoted) {
        if (i >= end || c !== QUOTE) {
          stop = rowStart;
          break;
        }
        c = ++i < end ? buf[i] : 0;
      }
      let hs = 0;
      let he = 0;
      if (channels !== undefined) {
        // the channel: after the amount's delimiter, up to the line end, or between quotes when it has none inside;
        // spaces or tabs around it go to the general loop (which trims them)
        if (c !== d) {
          stop = rowStart;
          break;
        }
        hs = ++i;
        if (hs < end && buf[hs] === QUOTE) {
          hs++;
          i = closingQuote(buf, hs, end);
          if (i < 0) {
            stop = rowStart;
            break;
          }
          he = i;
          c = ++i < end ? buf[i] : 0;
        } else {
          for (; i < end; i++) {
            c = buf[i];
            if (c === LF || c === d) break;
          }
          he = i > hs && i < end && c === LF && buf[i - 1] === CR ? i - 1 : i;
        }
        if (c === d || (he > hs && (buf[hs] === SPACE || buf[hs] === TAB || buf[he - 1] === SPACE || buf[he - 1] === TAB))) {
          stop = rowStart;
          break;
        }
      }
      let next = -1;
      if (i < end) {
        if (c === LF) next = i + 1;
        else if (c === CR && i + 1 < end && buf[i + 1] === LF) next = i + 2;
      }
      if (next < 0 || digits === 0 || digits > 15) {
        stop = rowStart;
        break;
      }
      let av = frac > 0 ? m / POW10[frac] : m;
      if (neg) av = -av;
      if (length === cap) {
        this.length = length;
        this.grow(cap * 2);
        day = this.day;
        amount = this.amount;
        cap = day.length;
      }
      let v = -1;
      if (ix.useDirect) {
        const pl = ix.prefixLen;
        const nd = ce - cs - pl;
        if (nd >= 1 && nd <= 9) {
          const prefix = ix.prefix;
          let k = 0;
          while (k < pl && buf[cs + k] === prefix[k]) k++;
          if (k === pl) {
            v = 0;
            for (let j = cs + pl; j < ce; j++) {
              const dd = buf[j] - 48;
              if (dd >>> 0 > 9) {
                v = -1;
                break;
              }
              v = v * 10 + dd;
            }
          }
        }
      }
      const r = length - base;
      if (r === kv.length) {
        this.growIdScratch();
        kv = this.kv;
        ks = this.ks;
        ke = this.ke;
      }
      kv[r] = v;
      ks[r] = cs;
      ke[r] = ce;
      if (channels !== undefined) this.channel![length] = channels.indexOf(buf, hs, he);
      day[length] = dv;
      amount[length] = av;
      length++;
      p = next;
    }
    const rows = length - base;
    this.length = length;
    this.line += rows;
    this.read += rows;
    this.resolveIds(buf, base, rows);
    return stop >= 0 ? stop : p;
  }

  /**
   * The fast path: scans plain delimited rows and parses them in one pass, without quotes,
   * trimming or general number parsing. Returns where it stopped: at the end, at an incomplete
   * record (sets `incomplete`), or at a row it leaves to the general loop.
   */
  private fastLoop(buf: Buffer, p: number, end: number, eof: boolean, maxRows = -1): number {
    const d = this.delim;
    const ci = this.cols.customer;
    const di = this.cols.date;
    const ai = this.cols.amount;
    const hi = this.cols.channel;
    const expected = this.expectedFields;
    const dec = this.decimalByte;
    const dateMode = this.fastDateMode();
    let customer = this.customer;
    let day = this.day;
    let amount = this.amount;
    let length = this.length;
    let cap = customer.length;
    let line = this.line;
    let read = this.read;
    const ix = this.customers;
    const base = length;
    let kv = this.kv;
    let ks = this.ks;
    let ke = this.ke;
    let stop = -1;
    while (p < end && maxRows-- !== 0) {
      const rowStart = p;
      let f = 0;
      let s = p;
      let cs = 0;
      let ce = 0;
      let ds = 0;
      let de = 0;
      let as = 0;
      let ae = 0;
      let hs = 0;
      let he = 0;
      for (;;) {
        let c = LF;
        while (p < end) {
          c = buf[p];
          if (c === d || c === LF) break;
          p++;
        }
        if (p >= end) {
          if (!eof) {
            this.incomplete = true;
            stop = rowStart;
            break;
          }
          c = LF;
        }
        let e = p;
        if (c === LF && e > s && buf[e - 1] === CR) e--;
        if (f === ci) {
          cs = s;
          ce = e;
        } else if (f === di) {
          ds = s;
          de = e;
        } else if (f === ai) {
          as = s;
          ae = e;
        } else if (f === hi) {
          hs = s;
          he = e;
        }
        f++;
        p++;
        if (c === LF) break;
        s = p;
      }
      if (stop >= 0) break;
      // Anything unusual is left to the general loop (which reports or rejects it), and so is a channel with
      // spaces or tabs around it (the general loop trims them)
      if (f !== expected || cs === ce || buf[cs] === SPACE || buf[ce - 1] === SPACE || buf[cs] === TAB || buf[ce - 1] === TAB || (hi >= 0 && he > hs && (buf[hs] === SPACE || buf[hs] === TAB || buf[he - 1] === SPACE || buf[he - 1] === TAB))) {
        stop = rowStart;
        break;
      }
      const dv = this.fastDay(buf, ds, de, dateMode);
      if ((dv - FIRST_DAY) >>> 0 > DAY_SPAN) {
        stop = rowStart;
        break;
      }
      let av = NaN;
      if (ai >= 0) {
        let i = as;
        let neg = false;
        if (i < ae && buf[i] === 45) {
          neg = true;
          i++;
        }
        let m = 0;
        let digits = 0;
        let frac = -1;
        for (; i < ae; i++) {
          const c = buf[i];
          const v = c - 48;
          if (v >= 0 && v <= 9) {
            m = m * 10 + v;
            digits++;
            if (frac >= 0) frac++;
          } else if (c === dec && frac < 0) frac = 0;
          else break;
        }
        if (i !== ae || digits === 0 || digits > 15) {
          stop = rowStart;
          break;
        }
        av = frac > 0 ? m / POW10[frac] : m;
        if (neg) av = -av;
      }
      if (length === cap) {
        this.length = length;
        this.grow(cap * 2);
        customer = this.customer;
        day = this.day;
        amount = this.amount;
        cap = customer.length;
      }
      // Customer: keep the id's bytes and, for prefix + digits ids, its number; the dictionary
      // lookups are done after the scan (resolveIds) so that their cache misses overlap.
      let v = -1;
      if (ix.useDirect) {
        const pl = ix.prefixLen;
        const digits = ce - cs - pl;
        if (digits >= 1 && digits <= 9) {
          const prefix = ix.prefix;
          let q = 0;
          while (q < pl && buf[cs + q] === prefix[q]) q++;
          if (q === pl) {
            v = 0;
            for (let i = cs + pl; i < ce; i++) {
              const dd = buf[i] - 48;
              if (dd >>> 0 > 9) {
                v = -1;
                break;
              }
              v = v * 10 + dd;
            }
          }
        }
      }
      const r = length - base;
      if (r === kv.length) {
        this.growIdScratch();
        kv = this.kv;
        ks = this.ks;
        ke = this.ke;
      }
      kv[r] = v;
      ks[r] = cs;
      ke[r] = ce;
      // the channel's bytes as the general loop indexes them (first seen, first numbered; accepted rows only)
      if (hi >= 0) this.channel![length] = this.channels!.indexOf(buf, hs, he);
      day[length] = dv;
      amount[length] = av;
      length++;
      read++;
      line++;
    }
    this.length = length;
    this.line = line;
    this.read = read;
    // Resolve now, in row order: the buffer may shift once this call returns.
    this.resolveIds(buf, base, length - base);
    if (stop >= 0) return stop;
    return p < end ? p : end;
  }

  /** A d/m/y or m/d/y date; decides the order from the first value with a part over 12. */
  private dayMonth(buf: Buffer, s: number, e: number, rowsSoFar: number): number {
    const v = splitDayMonthBytes(buf, s, e);
    if (v < 0) return NaN;
    const y = Math.floor(v / 10000);
    const a = Math.floor(v / 100) % 100;
    const b = v % 100;
    if (this.shape === DateShape.Dotted) return validDay(y, b, a);
    const first = this.dayFirst;
    if (first === true) return validDay(y, b, a);
    if (first === false) return validDay(y, a, b);
    if (a > 12 && b <= 12) {
      const d = validDay(y, b, a);
      if (d === d) this.dayFirst = true;
      return d;
    }
    if (b > 12 && a <= 12) {
      const d = validDay(y, a, b);
      if (d === d) {
        // Rows so far were stored day-first provisionally (all had both parts <= 12): swap them.
        this.dayFirst = false;
        const day = this.day;
        for (let i = 0; i < rowsSoFar; i++) {
          const [yy, mm, dd] = civilFromDays(day[i]);
          day[i] = daysFromCivil(yy, dd, mm);
        }
      }
      return d;
    }
    if (a > 12 && b > 12) return NaN;
    if (a !== b && this.ambiguousExample === '') this.ambiguousExample = buf.toString('utf8', s, e);
    return validDay(y, b, a);
  }

  /** A bad row: a ClvkitError unless skipBadRows, else counted. */
  private bad(reason: string, line: number, column: number | undefined, expected: string, value: string, eofValue = false, note = ''): void {
    if (!this.opts.skipBadRows) {
      const shown = eofValue ? value : `"${value.length > 80 ? value.slice(0, 77) + '...' : value}"`;
      throw new ClvkitError(`expected ${expected}, got ${shown}${note}`, { file: this.file, line, column });
    }
    this.rejectRow(reason, line);
  }

  private rejectRow(reason: string, line: number): void {
    this.rejected[reason] = (this.rejected[reason] ?? 0) + 1;
    const list = (this.firstLines[reason] ??= []);
    if (list.length < FIRST_LINES) list.push(line);
  }

  finish(): TransactionTable {
    if (!this.started) throw new ClvkitError('the file is empty', { file: this.file });
    if (this.shape === DateShape.DayMonth && this.dayFirst === undefined && this.ambiguousExample !== '') {
      throw ambiguousDatesError(this.file, this.ambiguousExample);
    }
    const n = this.length;
    if (n === 0 && this.read - (this.rejected[REJECT.blank] ?? 0) === 0) {
      throw new ClvkitError(
        this.skipHeader ? `the file has a header row (${(this.names ?? []).join(', ')}) but no data rows` : 'the file is empty',
        { file: this.file },
      );
    }
    const customers = this.customers;
    const accounting: RowAccounting = {
      read: this.read,
      used: n,
      rejected: { ...this.rejected },
      firstLines: { ...this.firstLines },
    };
    if (this.loneCr > 0) this.notes.push(`${this.loneCr} lone CR line end${this.loneCr === 1 ? '' : 's'} (classic Mac or mixed) read as line ends`);
    if (this.notes.length > 0) accounting.notes = [...this.notes];
    // Views when the columns are nearly full (sized from the file), copies otherwise.
    const view = this.customer.length <= n * 1.25 + 1024;
    // The id strings (a million small objects for a million customers) are made on first use:
    // summarize allocates its columns first, so the garbage collections that large allocations
    // trigger do not have to walk them. Every consumed byte was already checked as UTF-8.
    let ids: string[] | undefined;
    let idsReplaced = false;
    const table: TransactionTable = {
      get customerIds(): string[] {
        return (ids ??= customers.keys());
      },
      set customerIds(value: string[]) {
        ids = value;
        idsReplaced = true;
      },
      customer: view ? this.customer.subarray(0, n) : this.customer.slice(0, n),
      day: view ? this.day.subarray(0, n) : this.day.slice(0, n),
      amount: view ? this.amount.subarray(0, n) : this.amount.slice(0, n),
      hasAmount: this.cols.amount >= 0,
      length: n,
      accounting,
      columnsNote: this.columnsNote,
      ...(this.currency ? { currency: this.currency } : {}),
    };
    CUSTOMER_COUNT.set(table, customers.size);
    KEY_BYTES.set(table, () => (idsReplaced ? undefined : customers));
    BLOCK_ROWS.set(table, this.blockRows.slice(0, (customers.size + BLOCK - 1) >> BLOCK_SHIFT));
    if (this.channel && this.channels) {
      table.channel = this.channel.slice(0, n);
      table.channels = this.channels.keys();
    }
    return table;
  }
}

/**
 * Turn each lone CR (not followed by LF) of buf[from, end) into LF, in place, except inside quoted
 * fields (which keep their line ends); a CR last in the buffer waits for the next chunk unless eof.
 * Returns how many were turned. `start` is a record boundary (quotes are counted from there), `cr` the first CR.
 */
function loneCrToLf(buf: Buffer, start: number, cr: number, end: number, eof: boolean): number {
  // Quick check first: CR LF files (the common case with CRs) have none to turn.
  let c = cr;
  for (;;) {
    if (c < 0 || c >= end) return 0;
    if (c + 1 < end ? buf[c + 1] !== LF : eof) break;
    c = buf.indexOf(CR, c + 2);
  }
  let quoted = false;
  let n = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b === QUOTE) quoted = !quoted;
    else if (b === CR && !quoted && i >= c) {
      if (i + 1 < end) {
        if (buf[i + 1] !== LF) {
          buf[i] = LF;
          n++;
        }
      } else if (eof) {
        buf[i] = LF;
        n++;
      }
    }
  }
  return n;
}

/** End of the fast loops' slice from p: just after the last line feed within FAST_SLICE bytes, or end. */
/** The closing quote of a quoted field without a quote or a line end inside, from its first byte; -1 when there is none. */
function closingQuote(buf: Buffer, from: number, end: number): number {
  let q = from;
  while (q < end && buf[q] !== QUOTE && buf[q] !== LF) q++;
  return q < end && buf[q] === QUOTE ? q : -1;
}

function sliceEnd(buf: Buffer, p: number, end: number): number {
  if (end - p <= FAST_SLICE) return end;
  const lf = buf.lastIndexOf(LF, p + FAST_SLICE);
  return lf >= p ? lf + 1 : end;
}

function trimField(buf: Buffer, s: number, e: number): Field {
  while (s < e && (buf[s] === SPACE || buf[s] === TAB)) s++;
  while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
  return { buf, s, e };
}

function isBlank(buf: Buffer, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (buf[i] !== SPACE && buf[i] !== TAB && buf[i] !== CR) return false;
  return true;
}

function recordText(buf: Buffer, s: number, e: number, lastKind: number): string {
  return buf.toString('utf8', s, lastKind ? e + 1 : e).replace(/\r?\n/g, ' ');
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Plain amounts (`-?digits[.digits]`, at most 15 digits) straight from bytes; NaN sends the
 * value to the general parser (thousands separators, currency, spaces). One division by an
 * exact power of ten of an exact integer is correctly rounded, so this equals Number(text).
 */
function fastNumber(buf: Uint8Array, s: number, e: number, dec: number): number {
  if (s >= e) return NaN;
  let i = s;
  let neg = false;
  if (buf[i] === 45) {
    neg = true;
    i++;
  }
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < e; i++) {
    const c = buf[i];
    const v = c - 48;
    if (v >= 0 && v <= 9) {
      m = m * 10 + v;
      digits++;
    } else if (c === dec && frac < 0) frac = 0;
    else return NaN;
    if (frac >= 0 && c !== dec) frac++;
  }
  if (digits === 0 || digits > 15) return NaN;
  const r = frac > 0 ? m / POW10[frac] : m;
  return neg ? -r : r;
}
