import type { TierAssignment } from './tiers-types.ts';
/**
 * Natural-breaks tiers: the optimal one-dimensional k-means clustering of the values (Wang & Song 2011,
 * "Ckmeans.1d.dp", The R Journal 3(2), via simple-statistics' `ckmeans`), which minimises the
 * within-tier sum of squared deviations. Tier 0 holds the highest values. The number of tiers is
 * reduced to the number of distinct values when there are fewer; equal values always share a tier.
 *
 * @example
 * naturalBreakTiers([1, 2, 1, 50, 52, 200], 3).tier; // Int32Array [2, 2, 2, 1, 1, 0]
 */
export declare function naturalBreakTiers(values: ArrayLike<number>, k?: number): TierAssignment;
//# sourceMappingURL=natural-breaks.d.ts.map