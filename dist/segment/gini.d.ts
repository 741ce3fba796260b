/**
 * Gini coefficient of non-negative values: half the relative mean absolute difference,
 * G = Σ_i Σ_j |x_i − x_j| / (2 n² μ) (Gini 1912; computed in the sorted form
 * G = Σ_i (2i − n − 1) x_(i) / (n Σ x), i = 1..n ascending, as in Damgaard & Weiner 2000, Ecology 81(4)).
 * 0 when all values are equal; 1 − 1/n when one customer holds everything. NaN when the total is not positive.
 *
 * @example
 * gini([5, 5, 5]);       // 0
 * gini([0, 0, 0, 12]);   // 0.75 = 1 − 1/4
 */
export declare function gini(values: ArrayLike<number>): number;
/**
 * {@link gini} from the values sorted ascending and their total (summed in input order, as `sortedValues` does).
 *
 * @example
 * giniSorted(Float64Array.of(0, 0, 0, 12), 12); // 0.75
 */
export declare function giniSorted(sorted: ArrayLike<number>, total: number): number;
//# sourceMappingURL=gini.d.ts.map