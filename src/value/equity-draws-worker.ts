/**
 * Worker thread of equity-draws-async.ts: computes equityByParameterDraws on what it is given and posts the
 * interval back (the same doubles as in the main thread: the same code on the same inputs and seed).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ClvkitError } from '../errors.ts';
import { equityByParameterDraws } from './equity-draws.ts';

const job = workerData as Parameters<typeof equityByParameterDraws> extends [infer F, infer R, infer V, infer O, infer D, infer L, infer S]
  ? { fit: F; rows: R; rowValue: V; options: O; draws: D; level: L; seed: S }
  : never;
try {
  parentPort!.postMessage({ interval: equityByParameterDraws(job.fit, job.rows, job.rowValue, job.options, job.draws, job.level, job.seed) });
} catch (e) {
  parentPort!.postMessage(e instanceof ClvkitError ? { clvkitError: e.detail } : { error: String((e as Error)?.stack ?? e) });
}
