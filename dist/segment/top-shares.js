import { sortedValues } from './sorted-values.js';
/**
 * Share of the total held by the top customers, for each fraction of customers: the top
 * ceil(n · fraction) customers by value (at least one). NaN when the total is not positive.
 *
 * @example
 * topShares([10, 0, 0, 0, 0], [0.2, 0.5]); // { '0.2': 1, '0.5': 1 }
 * topShares([1, 1, 1, 1], [0.25]);         // { '0.25': 0.25 }
 */
export function topShares(values, fractions = [0.01, 0.05, 0.1, 0.2]) {
    const { sorted, total } = sortedValues(values, 'top shares');
    return topSharesSorted(sorted, total, fractions);
}
/**
 * {@link topShares} from finite values already sorted ascending and their total (summed in the order given).
 *
 * @example
 * topSharesSorted(Float64Array.of(1, 1, 2, 6), 10, [0.25]); // { '0.25': 0.6 }
 */
export function topSharesSorted(sorted, total, fractions = [0.01, 0.05, 0.1, 0.2]) {
    const n = sorted.length;
    const out = {};
    for (const f of fractions) {
        const x = n * f;
        // a product within 1e-9 of an integer counts as that integer (0.2 · 5 = 1, not 1.0000000000000002)
        const k = Math.min(n, Math.max(1, Math.abs(x - Math.round(x)) < 1e-9 ? Math.round(x) : Math.ceil(x)));
        let s = 0;
        for (let i = n - k; i < n; i++)
            s += sorted[i];
        out[String(f)] = n === 0 || !(total > 0) ? NaN : s / total;
    }
    return out;
}
//# sourceMappingURL=top-shares.js.map