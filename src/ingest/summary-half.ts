/**
 * The second half of a large summary file read on another core. `fit` on a million-row summary spends about
 * 0.35 s of its 0.9 s reading it, on one core, while the other waits; parsing scales across cores here (two
 * halves of a file parsed at once take 55% of the whole, `bench/floor.mjs`). So the reader (summary-bytes.ts)
 * splits the file after the first line end past its middle: a worker thread reads the second half with the
 * same fast loop (summary-rows.ts), taking the rows it can and stopping before the first it does not take (a
 * quote, a blank line, an odd cell: the rows the reader's general path must see, with its messages), while
 * the reader reads the first half. The worker's rows are appended only where the first half ended exactly at
 * the split with no record across it and no error waiting; the reader then goes on from where the worker
 * stopped. Otherwise it reads on from the split itself. Either way the columns, line numbers and messages are
 * those of one pass (test/ingest/summary-half.test.ts). A summary written without amounts (empty spend cells
 * of repeat buyers) is read by this thread alone: the fast loop stops at such a cell.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { startBeside, type Beside } from '../worker-beside.ts';
import { FAST_BATCH, fastSummaryRows, LongNumbers, SummaryCols, type FastRowsState } from './summary-rows.ts';

const LF = 10;
const QUOTE = 34;
const CHUNK = 4 << 20;

/** From this file size on the second half is read by a worker (below, a worker's start costs more than half the read). */
export const HALF_FROM_BYTES = 8 << 20;

/** What the worker needs: the file, where its half starts, and the layout the reader found. */
export interface HalfRequest {
  file: string;
  /** File offset of the first byte of the second half (just after a line end). */
  from: number;
  roles: Uint8Array;
  delimiter: number;
  decimal: number;
  trim: boolean;
  hasMoney: boolean;
  hasWeights: boolean;
  hasId: boolean;
  /** Bytes read at a time (default 4 MiB; tests use small chunks to cross their ends). */
  chunk?: number;
}

/** The rows the worker took, one line each, and the file offset where it stopped. */
export interface HalfColumns {
  /** File offset of the first byte not taken (the reader goes on from here). */
  stopAt: number;
  n: number;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  money?: Float64Array;
  weights?: Float64Array;
  /** Id byte ranges in `arena`: row i is arena[idStart[i] .. idStart[i + 1]). */
  idStart?: Int32Array;
  arena?: Uint8Array;
  ascii: boolean;
  moneySeen: boolean;
}

/**
 * Where the second half starts: just after the first line end at or past the middle of [from, size), or -1
 * when there is none within 1 MiB (then no split).
 *
 * @example
 * const at = splitPoint(fd, headerEnd, size); // a file offset just after a LF, or -1
 */
export function splitPoint(fd: number, from: number, size: number): number {
  const middle = from + Math.floor((size - from) / 2);
  const window = Buffer.allocUnsafe(Math.min(1 << 20, size - middle));
  const n = readSync(fd, window, 0, window.length, middle);
  const lf = window.subarray(0, n).indexOf(LF);
  return lf < 0 || middle + lf + 1 >= size ? -1 : middle + lf + 1;
}

/**
 * readHalf in a worker thread; undefined where none can run (the TypeScript sources, CLVKIT_READ_WORKER=0).
 *
 * @example
 * const half = startHalf(request); // ... read the first half ...; then half?.take()
 */
export function startHalf(request: HalfRequest): Beside<HalfColumns> | undefined {
  if (process.env.CLVKIT_READ_WORKER === '0') return undefined;
  return startBeside<HalfColumns>(new URL('./summary-half-worker.js', import.meta.url), request);
}

/**
 * Read the file from `request.from` with the fast loop: every row it takes, in order, up to the first it does
 * not take, a quote byte, bytes that are not UTF-8, or the end of the file.
 *
 * @example
 * const h = readHalf({ file, from, roles, delimiter: 44, decimal: 46, trim: true, hasMoney: true, hasWeights: false, hasId: true });
 * h.n; h.stopAt;
 */
export function readHalf(request: HalfRequest): HalfColumns {
  const fd = openSync(request.file, 'r');
  try {
    const size = fstatSync(fd).size;
    let buf = Buffer.allocUnsafe(request.chunk ?? CHUNK);
    let have = readSync(fd, buf, 0, buf.length, request.from);
    let pos = request.from + have;
    // columns sized from the rows of the first chunk (5% spare), grown by doubling when short
    const firstRows = Math.max(1, countLf(buf, have));
    const cols = new SummaryCols(Math.max(16, Math.ceil((((size - request.from) / Math.max(1, have)) * firstRows * 1.05)) + 16), request.hasMoney, request.hasWeights, request.hasId);
    const st: FastRowsState = {
      cols,
      roles: request.roles,
      delimiter: request.delimiter,
      decimal: request.decimal,
      trim: request.trim,
      longs: new LongNumbers(),
      moneyPending: false,
      moneySeen: false,
      taken: 0,
    };
    let p = 0;
    let got = have;
    for (let first = true; ; first = false) {
      if (!first) {
        if (p > 0) {
          buf.copy(buf, 0, p, have);
          have -= p;
          p = 0;
        }
        if (have === buf.length) {
          const b = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(b, 0, 0, have);
          buf = b;
        }
        got = readSync(fd, buf, have, buf.length - have, pos);
        pos += got;
        have += got;
      }
      // whole lines only, each checked as UTF-8 before any is taken (the reader says where bytes are not)
      // (searched within the bytes read: a negative offset would search from the buffer's end, and past `have` lie old bytes)
      const whole = have === 0 ? 0 : buf.subarray(0, have).lastIndexOf(LF) + 1;
      const quote = buf.subarray(0, whole).indexOf(QUOTE);
      const end = quote >= 0 ? quote : whole;
      if (!isUtf8(buf.subarray(0, end))) break;
      for (;;) {
        p = fastSummaryRows(buf, p, end, st);
        if (st.taken === FAST_BATCH) continue;
        if (cols.n === cols.cap && p < end) {
          cols.grow();
          continue;
        }
        break;
      }
      // stopped before a row it does not take, at a quote, or at the end of the file: the reader goes on from there
      if (p < end || end < whole || got === 0) break;
    }
    const n = cols.n;
    return {
      stopAt: pos - have + p,
      n,
      frequency: cols.frequency.slice(0, n),
      recency: cols.recency.slice(0, n),
      T: cols.T.slice(0, n),
      ...(cols.money ? { money: cols.money.slice(0, n) } : {}),
      ...(cols.weights ? { weights: cols.weights.slice(0, n) } : {}),
      ...(cols.idStart ? { idStart: cols.idStart.slice(0, n + 1), arena: new Uint8Array(cols.arena.subarray(0, cols.arenaLen)) } : {}),
      ascii: cols.ascii,
      moneySeen: st.moneySeen,
    };
  } finally {
    closeSync(fd);
  }
}

function countLf(buf: Buffer, end: number): number {
  let k = 0;
  for (let i = buf.indexOf(LF); i >= 0 && i < end; i = buf.indexOf(LF, i + 1)) k++;
  return k;
}

/**
 * The column buffers of a half (handed to the reading thread without copying; each is the half's own, made by slice).
 *
 * @example
 * port.postMessage(half, halfBuffers(half));
 */
export function halfBuffers(h: HalfColumns): ArrayBuffer[] {
  return [h.frequency, h.recency, h.T, h.money, h.weights, h.idStart, h.arena].filter((a) => a !== undefined).map((a) => a!.buffer as ArrayBuffer);
}

/**
 * Append the half's rows to the reader's columns (ids rebased into its arena).
 *
 * @example
 * appendHalf(cols, half.take()); line += half.n;
 */
export function appendHalf(cols: SummaryCols, h: HalfColumns): void {
  while (cols.cap < cols.n + h.n) cols.grow();
  const at = cols.n;
  cols.frequency.set(h.frequency, at);
  cols.recency.set(h.recency, at);
  cols.T.set(h.T, at);
  if (cols.money && h.money) cols.money.set(h.money, at);
  if (cols.weights && h.weights) cols.weights.set(h.weights, at);
  if (cols.idStart && h.idStart && h.arena) {
    cols.idRoom(Math.ceil(h.arena.length / 3));
    const base = cols.arenaLen;
    cols.arena.set(h.arena, base);
    for (let i = 1; i <= h.n; i++) cols.idStart[at + i] = base + h.idStart[i];
    cols.arenaLen = base + h.arena.length;
    cols.ascii &&= h.ascii;
  }
  cols.n = at + h.n;
}
