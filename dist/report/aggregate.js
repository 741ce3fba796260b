/**
 * Aggregations from per-customer arrays to the small inputs the charts take: a chart never gets
 * one mark per customer. All functions are pure and linear or n log n in the number of customers.
 */
/**
 * Histogram of the positive values on log-spaced bins (about `perDecade` bins per power of ten);
 * `zero` counts the values that are not positive or below `floor`.
 *
 * @example
 * logBins([0, 1.5, 20, 300], 1) // { bins: [{lo: 1, hi: 10, customers: 1}, {lo: 10, hi: 100, customers: 1}, {lo: 100, hi: 1000, customers: 1}], zero: 1 }
 */
export function logBins(values, perDecade = 5, floor = 0) {
    let lo = Infinity;
    let hi = -Infinity;
    let zero = 0;
    for (let i = 0; i < values.length; i++) {
        const x = values[i];
        if (!(x > 0) || !(x >= floor) || !Number.isFinite(x)) {
            zero++;
            continue;
        }
        if (x < lo)
            lo = x;
        if (x > hi)
            hi = x;
    }
    if (lo > hi)
        return { bins: [], zero };
    const a = Math.floor(Math.log10(lo) * perDecade);
    const b = Math.floor(Math.log10(hi) * perDecade);
    const counts = new Float64Array(b - a + 1);
    for (let i = 0; i < values.length; i++) {
        const x = values[i];
        if (!(x > 0) || !(x >= floor) || !Number.isFinite(x))
            continue;
        const k = Math.min(b, Math.max(a, Math.floor(Math.log10(x) * perDecade))) - a;
        counts[k]++;
    }
    const edge = (k) => Number(Math.pow(10, k / perDecade).toPrecision(6));
    const bins = Array.from(counts, (customers, k) => ({ lo: edge(a + k), hi: edge(a + k + 1), customers }));
    return { bins, zero };
}
/** Group labels for a frequency: '0', '1', … up to `top` and `${top}+`. */
export function frequencyGroup(f, top) {
    const k = Math.round(f);
    return k >= top ? `${top}+` : String(k);
}
/**
 * Mean of `value` per (frequency group, recency bin) cell, for the frequency × recency heatmaps.
 * Recency is binned into `recencyBins` equal-width bins over [0, max recency].
 *
 * @example
 * frequencyRecencyCells([1, 2], [3, 10], [0.5, 0.9], { topFrequency: 5, recencyBins: 2 }).cells.length // 2
 */
export function frequencyRecencyCells(frequency, recency, value, options = {}) {
    const top = options.topFrequency ?? 10;
    const nb = options.recencyBins ?? 10;
    let maxR = 0;
    for (let i = 0; i < recency.length; i++)
        if (recency[i] > maxR)
            maxR = recency[i];
    const width = Math.max(1, Math.ceil(maxR / nb));
    const bins = Math.max(1, Math.ceil((maxR + 1e-9) / width));
    const sum = new Float64Array((top + 1) * bins);
    const cnt = new Float64Array((top + 1) * bins);
    for (let i = 0; i < frequency.length; i++) {
        const v = value[i];
        if (!Number.isFinite(v))
            continue;
        const f = Math.min(top, Math.round(frequency[i]));
        const r = Math.min(bins - 1, Math.floor(recency[i] / width));
        sum[f * bins + r] += v;
        cnt[f * bins + r]++;
    }
    const recencyOrder = Array.from({ length: bins }, (_, r) => `${r * width}–${(r + 1) * width}`);
    const frequencyOrder = Array.from({ length: top + 1 }, (_, f) => frequencyGroup(f, top));
    const cells = [];
    for (let f = 0; f <= top; f++) {
        for (let r = 0; r < bins; r++) {
            const c = cnt[f * bins + r];
            if (c > 0)
                cells.push({ frequency: frequencyOrder[f], recency: recencyOrder[r], value: sum[f * bins + r] / c, customers: c });
        }
    }
    return { cells, frequencyOrder, recencyOrder };
}
/**
 * Customers and mean value per (recency score, frequency score) cell.
 *
 * @example
 * rfmCells(Int8Array.from([5, 5]), Int8Array.from([1, 1]), [10, 20]) // [{ recency: 5, frequency: 1, customers: 2, meanValue: 15 }]
 */
export function rfmCells(r, f, value) {
    const K = 101; // scores are 1..100
    const customers = new Float64Array(K * K);
    const sums = new Float64Array(K * K);
    for (let i = 0; i < r.length; i++) {
        const k = r[i] * K + f[i];
        customers[k]++;
        sums[k] += Number.isFinite(value[i]) ? value[i] : 0;
    }
    const cells = [];
    for (let k = 0; k < K * K; k++) {
        if (customers[k] > 0)
            cells.push({ recency: Math.floor(k / K), frequency: k % K, customers: customers[k], meanValue: sums[k] / customers[k] });
    }
    return cells;
}
//# sourceMappingURL=aggregate.js.map