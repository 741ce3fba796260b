import { ckmeans } from 'simple-statistics';
import { ClvkitError } from '../errors.js';
/**
 * Natural-breaks tiers: the optimal one-dimensional k-means clustering of the values (Wang & Song 2011,
 * "Ckmeans.1d.dp", The R Journal 3(2), via simple-statistics' `ckmeans`), which minimises the
 * within-tier sum of squared deviations. Tier 0 holds the highest values. The number of tiers is
 * reduced to the number of distinct values when there are fewer; equal values always share a tier.
 *
 * @example
 * naturalBreakTiers([1, 2, 1, 50, 52, 200], 3).tier; // Int32Array [2, 2, 2, 1, 1, 0]
 */
export function naturalBreakTiers(values, k = 4) {
    if (!Number.isInteger(k) || k < 1)
        throw new ClvkitError(`natural breaks need a whole number of tiers >= 1, got ${k}`);
    const n = values.length;
    const arr = Array.from(values);
    for (let i = 0; i < n; i++)
        if (!Number.isFinite(arr[i]))
            throw new ClvkitError(`natural breaks need finite values; value ${i + 1} is ${arr[i]}`);
    const distinct = new Set(arr).size;
    const K = Math.max(1, Math.min(k, distinct));
    const names = Array.from({ length: K }, (_, j) => `Break ${j + 1}`);
    const tier = new Int32Array(n);
    if (n === 0)
        return { tier, names };
    const clusters = ckmeans(arr, K);
    // lower bound of each cluster, ascending; a value's cluster is the last whose lower bound it reaches
    const lows = clusters.map((c) => c[0]);
    for (let i = 0; i < n; i++) {
        let c = 0;
        while (c + 1 < lows.length && arr[i] >= lows[c + 1])
            c++;
        tier[i] = lows.length - 1 - c;
    }
    return { tier, names };
}
//# sourceMappingURL=natural-breaks.js.map