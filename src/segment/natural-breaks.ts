import { ClvkitError } from '../errors.ts';
import type { TierAssignment } from './tiers-types.ts';
import { ckmeansLowerBounds } from './ckmeans.ts';
import { startBeside, type Beside } from '../worker-beside.ts';

/**
 * Natural-breaks tiers: the optimal one-dimensional k-means clustering of the values (Wang & Song 2011,
 * "Ckmeans.1d.dp", The R Journal 3(2); see ckmeans.ts, the breaks of simple-statistics' `ckmeans`), which minimises the
 * within-tier sum of squared deviations. Tier 0 holds the highest values. The number of tiers is
 * reduced to the number of distinct values when there are fewer; equal values always share a tier.
 *
 * @example
 * naturalBreakTiers([1, 2, 1, 50, 52, 200], 3).tier; // Int32Array [2, 2, 2, 1, 1, 0]
 * naturalBreakTiers(clv, 4, sortedFloat64(clv)); // the same tiers, from a sorted copy already made
 */
export function naturalBreakTiers(values: ArrayLike<number>, k = 4, sorted?: Float64Array): TierAssignment {
  const plan = naturalBreaksPlan(values, k, sorted);
  return tiersFromLows(values, plan.names, plan.sorted.length > 0 ? ckmeansLowerBounds(plan.sorted, plan.K) : []);
}

/**
 * naturalBreakTiers with the clustering (the one costly step) in a worker thread while this thread goes on:
 * `take()` gives the same tiers. Undefined where no worker can run (the TypeScript sources, fewer than 100,000
 * values, CLVKIT_BREAKS_WORKER=0): then call naturalBreakTiers. Checks the values at once, as naturalBreakTiers.
 *
 * @example
 * const beside = naturalBreakTiersBeside(clv, 4, sorted);
 * const rfm = rfmScores(summary); // meanwhile, in this thread
 * const breaks = beside ? beside.take() : naturalBreakTiers(clv, 4, sorted);
 */
export function naturalBreakTiersBeside(values: ArrayLike<number>, k = 4, sorted?: Float64Array): Beside<TierAssignment> | undefined {
  const plan = naturalBreaksPlan(values, k, sorted);
  if (plan.sorted.length < BESIDE_FROM || process.env.CLVKIT_BREAKS_WORKER === '0') return undefined;
  const lows = startBeside<number[]>(new URL('./ckmeans-worker.js', import.meta.url), { sorted: plan.sorted, K: plan.K });
  return lows && { take: () => tiersFromLows(values, plan.names, lows.take()) };
}

/** From this many values the clustering goes to a worker (about 25 ms per 100,000 values here; starting a worker costs about 50 ms). */
const BESIDE_FROM = 100_000;

/** The checked values, sorted, with the number of tiers (at most the number of distinct values) and their names. */
function naturalBreaksPlan(values: ArrayLike<number>, k: number, sorted?: Float64Array): { sorted: Float64Array; K: number; names: string[] } {
  if (!Number.isInteger(k) || k < 1) throw new ClvkitError(`natural breaks need a whole number of tiers >= 1, got ${k}`);
  const n = values.length;
  for (let i = 0; i < n; i++) if (!Number.isFinite(values[i])) throw new ClvkitError(`natural breaks need finite values; value ${i + 1} is ${values[i]}`);
  // the ascending copy the caller made (sortedFloat64), or one made here
  sorted ??= Float64Array.from(values).sort();
  let distinct = n > 0 ? 1 : 0;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const K = Math.max(1, Math.min(k, distinct));
  return { sorted, K, names: Array.from({ length: K }, (_, j) => `Break ${j + 1}`) };
}

/** Each value's tier from the clusters' lower bounds (ascending): the last cluster whose bound it reaches, tier 0 the highest. */
function tiersFromLows(values: ArrayLike<number>, names: string[], lows: number[]): TierAssignment {
  const n = values.length;
  const tier = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let c = 0;
    while (c + 1 < lows.length && v >= lows[c + 1]) c++;
    tier[i] = lows.length - 1 - c;
  }
  return { tier, names };
}
