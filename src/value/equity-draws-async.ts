/**
 * The equity draws of a large portfolio in a worker thread, so that the report's other analyses (tiers,
 * segments, migration, outcomes) run beside them on a second core. Only from the compiled package
 * (dist/): from the TypeScript sources, or where a worker cannot start, it returns undefined and the
 * caller computes them in its own thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ClvkitError } from '../errors.ts';
import { workerExecArgv } from '../worker-beside.ts';
import type { EquityInterval, equityByParameterDraws } from './equity-draws.ts';

/**
 * equityByParameterDraws in a worker: a promise of the same interval, or undefined when no worker can run
 * it (then call equityByParameterDraws). The fit is sent without its methods (the worker rebuilds them
 * from the parameters), the rows as copies of their columns.
 *
 * @example
 * const pending = equityDrawsInWorker(fit, rows, rowValue, { horizon: 12, horizonUnit: 'month', modelUnitDays: 7 }, 40, 0.9, 1);
 * const interval = pending ? await pending : equityByParameterDraws(fit, rows, rowValue, options, 40, 0.9, 1);
 */
export function equityDrawsInWorker(...args: Parameters<typeof equityByParameterDraws>): Promise<EquityInterval> | undefined {
  const [fit, rows, rowValue, options, draws, level, seed] = args;
  const url = new URL('./equity-draws-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.js') || !existsSync(fileURLToPath(url))) return undefined;
  const plainFit = Object.fromEntries(Object.entries(fit).filter(([, v]) => typeof v !== 'function'));
  let worker: Worker;
  try {
    worker = new Worker(url, {
      workerData: { fit: plainFit, rows: { frequency: rows.frequency, recency: rows.recency, T: rows.T }, rowValue, options, draws, level, seed },
      execArgv: workerExecArgv(),
    });
  } catch {
    return undefined; // something in the fit could not be copied: the caller computes in its thread
  }
  return new Promise<EquityInterval>((resolve, reject) => {
    worker.once('message', (msg: { interval?: EquityInterval; clvkitError?: string; error?: string }) => {
      void worker.terminate();
      if (msg.interval) resolve(msg.interval);
      else if (msg.clvkitError !== undefined) reject(new ClvkitError(msg.clvkitError));
      else reject(new Error(`equity draws worker: ${msg.error}`));
    });
    worker.once('error', (e) => reject(e));
  });
}
