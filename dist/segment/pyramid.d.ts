/** Options of {@link valueTiers}. */
export interface ValueTierOptions {
    /** Share of customers in each tier, top tier first; positive, summing to 1. Default [0.01, 0.04, 0.15, 0.80]. */
    cuts?: number[];
    /** One name per tier, top first. Default ['Platinum', 'Gold', 'Iron', 'Lead'] (Zeithaml, Rust & Lemon 2001). */
    names?: string[];
}
/** Result of {@link valueTiers}. */
export interface ValueTiers {
    /** Tier of each customer, in input order: 0 = top tier. */
    tier: Int32Array;
    names: string[];
    /** Customers per tier. */
    counts: number[];
    /** counts / n per tier (NaN when n = 0). */
    customerShares: number[];
    /** Sum of values in the tier / sum of all values (NaN when the total is 0). */
    valueShares: number[];
    /** Rank boundaries: tier k holds ranks [boundaries[k], boundaries[k + 1]) (0-based, by value descending). */
    boundaries: number[];
}
/** The customer pyramid of Zeithaml, Rust & Lemon (2001), California Management Review 43(4): top 1%, next 4%, next 15%, last 80%. */
export declare const DEFAULT_TIER_CUTS: readonly number[];
export declare const DEFAULT_TIER_NAMES: readonly string[];
/**
 * Value tiers (the customer pyramid): customers ranked by value, highest first, then cut by shares of customers.
 *
 * Ranking: by value descending; equal values keep their input order (the earlier customer ranks higher),
 * so the result is deterministic. Tier sizes: with cumulative shares c_k = cuts[0] + … + cuts[k], tier k
 * holds the ranks from ceil(n·c_{k-1}) to ceil(n·c_k) − 1 (a product n·c_k within 1e-9 of an integer counts
 * as that integer, so floating-point sums such as 0.1 + 0.2 do not move a boundary). The top tiers therefore
 * round up: with n = 10 and the default cuts, Platinum holds 1 customer, Gold 0, Iron 1, Lead 8. A tier is
 * empty when n is too small for its share; with the default cuts every tier is non-empty from n = 21.
 *
 * @param values one value per customer (e.g. historical total spend or CLV); must be finite
 * @example
 * const t = valueTiers([5, 100, 20, 1]);
 * // ranks: 100 (index 1), 20, 5, 1 → boundaries [0, 1, 1, 1, 4]
 * t.tier;   // Int32Array [3, 0, 3, 3]
 * t.counts; // [1, 0, 0, 3]
 */
export declare function valueTiers(values: ArrayLike<number>, options?: ValueTierOptions): ValueTiers;
/**
 * {@link valueTiers} with the values already sorted ascending (a Float64Array copy, e.g. shared with the
 * Gini coefficient and the top of the prioritised list), so that a caller sorts them once.
 *
 * @example
 * const v = [5, 100, 20, 1];
 * valueTiersSorted(v, Float64Array.from(v).sort()).tier; // Int32Array [3, 0, 3, 3]
 */
export declare function valueTiersSorted(values: ArrayLike<number>, sortedAscending: Float64Array | undefined, options?: ValueTierOptions): ValueTiers;
//# sourceMappingURL=pyramid.d.ts.map