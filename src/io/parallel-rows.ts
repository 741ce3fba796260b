/**
 * Output rows formatted on two cores. Formatting numbers is most of the time a large per-customer file
 * takes to write (a million rows of predictions: about 0.45 s of one core), and a command's second core is
 * idle when it writes. So the rows are cut in blocks: this thread formats blocks 0, 2, 4, … and writes
 * them; a worker thread formats the odd blocks from a packed copy of their rows (made here, handed over
 * without copying) into a ring of shared slots, which this thread writes out in order between its own.
 * Every odd block is claimed first (a compare-and-swap on a shared flag): one the worker has not claimed
 * when this thread reaches it (the worker still starting, or failed) is formatted here, so the worker never
 * delays the output and the bytes are those of one thread whichever formats a block.
 * Only from the compiled package (dist/), as the other workers (src/worker-beside.ts): from the TypeScript
 * sources, below `PARALLEL_MIN_ROWS`, or where a worker cannot start, every block is formatted here.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ByteSink } from './column-writer.ts';
import { workerExecArgv } from '../worker-beside.ts';

/** Writes rows from .. to - 1 of a table into a sink (and hands everything to it before returning). */
export type RowWriter = (from: number, to: number, sink: ByteSink) => void;

/**
 * How the worker makes the same RowWriter: a compiled module exporting `factory(payload)`, and the payload
 * holding the rows of the given blocks one after the other (row j of the payload is the j-th of those rows).
 */
export interface RowJob {
  module: URL;
  factory: string;
  /** The rows of `blocks` ([from, to) each, in order) packed for the worker, and the buffers to hand over. */
  pack(blocks: Array<[number, number]>): { payload: unknown; transfer: ArrayBuffer[] };
}

/** Rows per block: about 0.8 MB of predictions, small enough that the two threads alternate often. */
export const BLOCK_ROWS = 8192;
/** Below this many rows a worker is not worth its start. */
export const PARALLEL_MIN_ROWS = 100_000;
const SLOTS = 4;
const SLOT_BYTES = 1 << 21;
/** control: produced slots, consumed slots, worker failed, then per slot its length, block and last flag. */
const PRODUCED = 0;
const CONSUMED = 1;
const FAILED = 2;
const META = 4;
/** How long this thread waits for a slot of a block the worker has claimed before it gives up. */
const LONGEST_WAIT_MS = 10 * 60_000;

const workerUrl = new URL('./row-worker.js', import.meta.url);

let warm: Worker | undefined;

function canRun(): boolean {
  // CLVKIT_ROW_WORKER=0: every row in the writing thread (to compare, or where threads are scarce)
  if (process.env.CLVKIT_ROW_WORKER === '0') return false;
  return workerUrl.href.endsWith('.js') && existsSync(fileURLToPath(workerUrl));
}

function startWorker(preload: URL[]): Worker | undefined {
  if (!canRun()) return undefined;
  try {
    const w = new Worker(workerUrl, { workerData: { preload: preload.map((u) => u.href) }, execArgv: workerExecArgv() });
    w.on('error', () => undefined);
    w.unref();
    return w;
  } catch {
    return undefined;
  }
}

/**
 * Start the worker now (it loads `preload`, the formatting modules), so that it is ready when the rows are
 * written: a command that will write a large file calls this first thing. The next writeRowsParallel takes it.
 *
 * @example
 * prewarmRowWorker([summaryCsvModule]); // then read, summarise, …, writeSummaryFile(…)
 */
export function prewarmRowWorker(preload: URL[] = []): void {
  warm ??= startWorker(preload);
}

/** Input files from this size on make outputs worth a worker (100,000 customers take about 8 MB of transactions). */
const LARGE_INPUT_BYTES = 4 << 20;

/**
 * Whether a command reading `file` should start the row worker before it reads (prewarmRowWorker): a file
 * of at least 4 MiB; never for stdin or what cannot be read (the command says why later).
 *
 * @example
 * if (o.out && largeInput(file)) prewarmCsvColumns();
 */
export function largeInput(file: string | undefined): boolean {
  if (!file || file === '-') return false;
  try {
    return statSync(file).size >= LARGE_INPUT_BYTES;
  } catch {
    return false;
  }
}

/**
 * Write n rows through `local` (blocks formatted in this thread) and, for n ≥ PARALLEL_MIN_ROWS (or
 * `force`), a worker running `job` for the odd blocks (see the module comment). The bytes are exactly
 * those of local(0, n, sink).
 *
 * @example
 * writeRowsParallel(sink, n, (from, to, s) => writeMyRows(data, from, to, s), myJob(data));
 */
export function writeRowsParallel(sink: ByteSink, n: number, local: RowWriter, job: RowJob | undefined, o: { force?: boolean; blockRows?: number } = {}): void {
  const B = o.blockRows ?? BLOCK_ROWS;
  const nBlocks = Math.ceil(n / B);
  const wanted = job !== undefined && nBlocks >= 2 && (o.force || n >= PARALLEL_MIN_ROWS);
  let worker = wanted ? (warm ?? startWorker([job.module])) : undefined;
  if (wanted) warm = undefined;
  if (!worker || !job) {
    local(0, n, sink);
    return;
  }
  // the worker's blocks are the odd ones; workerIndex[b] is block b's place among them (-1: an even block)
  const odd: Array<[number, number]> = [];
  const workerIndex = new Int32Array(nBlocks).fill(-1);
  for (let b = 1; b < nBlocks; b += 2) workerIndex[b] = odd.push([b * B, Math.min(n, (b + 1) * B)]) - 1;
  const control = new Int32Array(new SharedArrayBuffer(4 * (META + 3 * SLOTS)));
  const claims = new Int32Array(new SharedArrayBuffer(4 * odd.length));
  const ring = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
  // the worker's error message, read here without returning to the event loop
  const { port1, port2 } = new MessageChannel();
  let started = false;
  try {
    const { payload, transfer } = job.pack(odd);
    worker.postMessage({ module: job.module.href, factory: job.factory, payload, blocks: odd.map(([f, t]) => t - f), control, claims, ring, slotBytes: SLOT_BYTES, slots: SLOTS, port: port2 }, [...transfer, port2]);
    started = true;
  } catch {
    void worker.terminate();
    worker = undefined;
  }
  let consumed = 0;
  const failed = () => Atomics.load(control, FAILED) !== 0;
  try {
    for (let b = 0; b < nBlocks; b++) {
      const from = b * B;
      const to = Math.min(n, from + B);
      const k = workerIndex[b];
      // even blocks, and odd ones the worker has not claimed (or all, once it failed), formatted here
      if (k < 0 || !started || Atomics.compareExchange(claims, k, 0, 2) === 0) {
        local(from, to, sink);
        continue;
      }
      // the worker claimed this block: write its slots in order up to the block's last
      let partial = false;
      for (;;) {
        const deadline = Date.now() + LONGEST_WAIT_MS;
        let lost = false;
        while (Atomics.load(control, PRODUCED) <= consumed) {
          if (failed()) {
            if (partial) throw new Error(`the row worker failed while formatting rows ${from} to ${to}: ${workerError(port1)}`);
            lost = true;
            break;
          }
          Atomics.wait(control, PRODUCED, consumed, 1000);
          if (Date.now() > deadline) throw new Error(`the row worker gave no rows for ${LONGEST_WAIT_MS / 60_000} minutes`);
        }
        if (lost) {
          // it failed before writing any of this block: the block is formatted here
          local(from, to, sink);
          break;
        }
        partial = true;
        const s = consumed % SLOTS;
        const len = control[META + 3 * s];
        const block = control[META + 3 * s + 1];
        const last = control[META + 3 * s + 2];
        if (block !== k) throw new Error(`internal error: the row worker's slot holds block ${block}, expected ${k}`);
        if (len > 0) sink.write(new Uint8Array(ring, s * SLOT_BYTES, len));
        consumed++;
        Atomics.store(control, CONSUMED, consumed);
        Atomics.notify(control, CONSUMED);
        if (last) break;
      }
    }
  } finally {
    port1.close();
    if (worker) void worker.terminate();
  }
}

/** The worker's error message, if it sent one. */
function workerError(port: MessagePort): string {
  const m = receiveMessageOnPort(port)?.message as { error?: string } | undefined;
  return m?.error ?? 'it stopped';
}

/**
 * Received by the worker (src/io/row-worker.ts): where the formatted bytes of the claimed blocks go.
 * Slot by slot: a chunk is copied into the current slot, a full slot is published (and the worker waits
 * while all slots are unread).
 */
export class RingSink implements ByteSink {
  private produced = 0;
  private used = 0;
  private readonly bytes: Uint8Array;
  private block = -1;
  constructor(
    private readonly control: Int32Array,
    ring: SharedArrayBuffer,
    private readonly slotBytes: number,
    private readonly slots: number,
  ) {
    this.bytes = new Uint8Array(ring);
  }

  /** The rows written from now on are those of odd block k. */
  begin(k: number): void {
    this.block = k;
    this.used = 0;
    this.waitForRoom();
  }

  write(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      const room = this.slotBytes - this.used;
      if (room === 0) {
        this.publish(false);
        this.waitForRoom();
        continue;
      }
      const take = Math.min(room, chunk.length - at);
      const s = this.produced % this.slots;
      this.bytes.set(chunk.subarray(at, at + take), s * this.slotBytes + this.used);
      this.used += take;
      at += take;
    }
  }

  /** The block is written: publish its last slot. */
  end(): void {
    this.publish(true);
  }

  private waitForRoom(): void {
    for (;;) {
      const consumed = Atomics.load(this.control, CONSUMED);
      if (this.produced - consumed < this.slots) return;
      Atomics.wait(this.control, CONSUMED, consumed);
    }
  }

  private publish(last: boolean): void {
    const s = this.produced % this.slots;
    const c = this.control;
    c[META + 3 * s] = this.used;
    c[META + 3 * s + 1] = this.block;
    c[META + 3 * s + 2] = last ? 1 : 0;
    this.produced++;
    this.used = 0;
    Atomics.store(c, PRODUCED, this.produced);
    Atomics.notify(c, PRODUCED);
  }
}

/** Said by the worker when it cannot go on: this thread formats the blocks it has not claimed. */
export function ringFailed(control: Int32Array): void {
  Atomics.store(control, FAILED, 1);
  Atomics.notify(control, PRODUCED);
}
