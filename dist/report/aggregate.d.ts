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
export declare function logBins(values: ArrayLike<number>, perDecade?: number, floor?: number): {
    bins: {
        lo: number;
        hi: number;
        customers: number;
    }[];
    zero: number;
};
/** Group labels for a frequency: '0', '1', … up to `top` and `${top}+`. */
export declare function frequencyGroup(f: number, top: number): string;
/**
 * Mean of `value` per (frequency group, recency bin) cell, for the frequency × recency heatmaps.
 * Recency is binned into `recencyBins` equal-width bins over [0, max recency].
 *
 * @example
 * frequencyRecencyCells([1, 2], [3, 10], [0.5, 0.9], { topFrequency: 5, recencyBins: 2 }).cells.length // 2
 */
export declare function frequencyRecencyCells(frequency: ArrayLike<number>, recency: ArrayLike<number>, value: ArrayLike<number>, options?: {
    topFrequency?: number;
    recencyBins?: number;
}): {
    cells: {
        frequency: string;
        recency: string;
        value: number;
        customers: number;
    }[];
    frequencyOrder: string[];
    recencyOrder: string[];
};
/**
 * Customers and mean value per (recency score, frequency score) cell.
 *
 * @example
 * rfmCells(Int8Array.from([5, 5]), Int8Array.from([1, 1]), [10, 20]) // [{ recency: 5, frequency: 1, customers: 2, meanValue: 15 }]
 */
export declare function rfmCells(r: ArrayLike<number>, f: ArrayLike<number>, value: ArrayLike<number>): {
    recency: number;
    frequency: number;
    customers: number;
    meanValue: number;
}[];
//# sourceMappingURL=aggregate.d.ts.map