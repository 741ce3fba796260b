/**
 * The worker of writeRowsParallel (src/io/parallel-rows.ts): loads the formatting modules it is told to
 * (before any rows arrive), then for each job makes the RowWriter from the packed rows and formats every
 * odd block it can claim into the ring of shared slots. A failure is said on the shared control (and its
 * message on the job's port), so that the writing thread formats the rest itself.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { RingSink, ringFailed, type RowWriter } from './parallel-rows.ts';

interface Job {
  module: string;
  factory: string;
  payload: unknown;
  /** Rows of each odd block, in order (the payload holds them one block after the other). */
  blocks: number[];
  control: Int32Array;
  claims: Int32Array;
  ring: SharedArrayBuffer;
  slotBytes: number;
  slots: number;
  port: MessagePort;
}

const preload: Promise<unknown>[] = ((workerData as { preload?: string[] } | undefined)?.preload ?? []).map((u) => import(u).catch(() => undefined));

let current: Job | undefined;
process.on('exit', () => {
  if (current) ringFailed(current.control);
});

parentPort!.on('message', async (job: Job) => {
  current = job;
  try {
    await Promise.all(preload);
    const mod = (await import(job.module)) as Record<string, (payload: unknown) => RowWriter>;
    const write = mod[job.factory](job.payload);
    const sink = new RingSink(job.control, job.ring, job.slotBytes, job.slots);
    let at = 0;
    for (let k = 0; k < job.blocks.length; k++) {
      const rows = job.blocks[k];
      if (Atomics.compareExchange(job.claims, k, 0, 1) === 0) {
        sink.begin(k);
        write(at, at + rows, sink);
        sink.end();
      }
      at += rows;
    }
    current = undefined;
  } catch (e) {
    job.port.postMessage({ error: String((e as Error)?.message ?? e) });
    ringFailed(job.control);
    current = undefined;
  }
  job.port.close();
});
