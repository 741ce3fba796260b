/**
 * Share of the total held by the top customers, for each fraction of customers: the top
 * ceil(n · fraction) customers by value (at least one). NaN when the total is not positive.
 *
 * @example
 * topShares([10, 0, 0, 0, 0], [0.2, 0.5]); // { '0.2': 1, '0.5': 1 }
 * topShares([1, 1, 1, 1], [0.25]);         // { '0.25': 0.25 }
 */
export declare function topShares(values: ArrayLike<number>, fractions?: readonly number[]): Record<string, number>;
/**
 * {@link topShares} from finite values already sorted ascending and their total (summed in the order given).
 *
 * @example
 * topSharesSorted(Float64Array.of(1, 1, 2, 6), 10, [0.25]); // { '0.25': 0.6 }
 */
export declare function topSharesSorted(sorted: ArrayLike<number>, total: number, fractions?: readonly number[]): Record<string, number>;
//# sourceMappingURL=top-shares.d.ts.map