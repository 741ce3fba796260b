import { ClvkitError } from '../errors.ts';
import type { TierAssignment } from './tiers-types.ts';
import { ckmeansLowerBounds } from './ckmeans.ts';

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
  if (!Number.isInteger(k) || k < 1) throw new ClvkitError(`natural breaks need a whole number of tiers >= 1, got ${k}`);
  const n = values.length;
  for (let i = 0; i < n; i++) if (!Number.isFinite(values[i])) throw new ClvkitError(`natural breaks need finite values; value ${i + 1} is ${values[i]}`);
  // the ascending copy the caller made (sortedFloat64), or one made here
  sorted ??= Float64Array.from(values).sort();
  let distinct = n > 0 ? 1 : 0;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const K = Math.max(1, Math.min(k, distinct));
  const names = Array.from({ length: K }, (_, j) => `Break ${j + 1}`);
  const tier = new Int32Array(n);
  if (n === 0) return { tier, names };
  // lower bound of each cluster, ascending; a value's cluster is the last whose lower bound it reaches
  const lows = ckmeansLowerBounds(sorted, K);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let c = 0;
    while (c + 1 < lows.length && v >= lows[c + 1]) c++;
    tier[i] = lows.length - 1 - c;
  }
  return { tier, names };
}
