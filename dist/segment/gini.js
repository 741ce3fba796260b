import { sortedValues } from './sorted-values.js';
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
export function gini(values) {
    const { sorted, total } = sortedValues(values, 'Gini');
    return giniSorted(sorted, total);
}
/**
 * {@link gini} from the values sorted ascending and their total (summed in input order, as `sortedValues` does).
 *
 * @example
 * giniSorted(Float64Array.of(0, 0, 0, 12), 12); // 0.75
 */
export function giniSorted(sorted, total) {
    const n = sorted.length;
    if (n === 0 || !(total > 0))
        return NaN;
    let s = 0;
    for (let i = 0; i < n; i++)
        s += (2 * (i + 1) - n - 1) * sorted[i];
    return s / (n * total);
}
//# sourceMappingURL=gini.js.map