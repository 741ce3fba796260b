/**
 * Fits in a worker thread beside this one (src/worker-beside.ts): a command with work that does not need the fit
 * runs the two on both cores. The worker runs the same code on the same columns, so the same fit; the model comes
 * back as its plain fields and is rebuilt with its methods here (fittedFromBase). A fit beside another fit (the
 * Gamma-Gamma beside the BG/NBD in predict and segment) was measured slower on this project's 2-vCPU machines:
 * their memory-bound steps compete (docs/benchmarks.md, tenth session).
 * Each function returns undefined where no worker can run (the TypeScript sources, a worker that cannot start) or
 * none is wanted (CLVKIT_FIT_WORKER=0): the caller then fits in its own thread.
 */
import type { SummaryData } from '../types.ts';
import { startBeside, type Beside } from '../worker-beside.ts';
import { fittedFromBase } from './saved-model.ts';
import type { FitResultBase } from './types.ts';

/** From this many customers a fit goes to a worker thread: below, starting one (about 50 ms) costs more than it saves. */
export const FIT_BESIDE_FROM = 20_000;

/** Whether fits may go to a worker thread (CLVKIT_FIT_WORKER=0: never, e.g. on one core). */
function wanted(): boolean {
  return process.env.CLVKIT_FIT_WORKER !== '0';
}

/** A fit without its methods: what a worker can send. */
export type PlainFit = FitResultBase<Record<string, number>>;

/**
 * The fit's fields that are not functions (structured-cloneable).
 *
 * @example
 * plainFit(fitBgNbd(summary)); // { model: 'bgnbd', params, logLikelihood, ... }
 */
export function plainFit<F extends object>(fit: F): PlainFit {
  return Object.fromEntries(Object.entries(fit).filter(([, v]) => typeof v !== 'function')) as PlainFit;
}

/**
 * A plain fit rebuilt with its methods (fittedFromBase), every field kept as sent.
 *
 * @example
 * const m = fitFromPlain<BgNbdModel>(plainFit(fitBgNbd(summary))); // predicts exactly as the fit
 */
export function fitFromPlain<F>(plain: PlainFit): F {
  return { ...fittedFromBase(plain, plain as unknown as Record<string, unknown>), ...plain } as F;
}

/** What the worker is asked (fit-beside-worker.ts). */
export type BesideRequest = { frequency: ArrayLike<number>; recency: ArrayLike<number>; T: ArrayLike<number> };

/**
 * The BG/NBD fitted on a summary's (frequency, recency, T) columns and its P(alive) of every row, in a worker
 * thread; `take()` waits for them (and throws the fit's ClvkitError). Undefined when no worker can run it:
 * then fit here (fitBgNbd, probabilityAliveAll).
 *
 * @example
 * const beside = bgNbdAliveBeside(summary);
 * const facts = customerFacts(table, end); // meanwhile, in this thread
 * const { probabilityAlive } = beside!.take();
 */
export function bgNbdAliveBeside(data: SummaryData): Beside<{ fit: PlainFit; probabilityAlive: Float64Array }> | undefined {
  if (!wanted()) return undefined;
  const request: BesideRequest = { frequency: data.frequency, recency: data.recency, T: data.T };
  return startBeside(new URL('./fit-beside-worker.js', import.meta.url), request);
}
