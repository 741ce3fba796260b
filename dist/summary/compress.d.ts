/**
 * Compression of a customer summary into weighted unique rows (DESIGN.md §1 "Models"): customers
 * with identical (frequency, recency, T) collapse to one row whose weight is the sum of their
 * weights, so a fit costs the number of distinct rows, not customers.
 */
import type { SummaryData } from '../models/types.ts';
/**
 * Weighted unique rows and, per input row, the index of its unique row.
 *
 * @example
 * const c: CompressedSummary = compressSummary({ frequency: [1, 1], recency: [2, 2], T: [5, 5] });
 * c.weights; // Float64Array [2]
 */
export interface CompressedSummary {
    frequency: Float64Array;
    recency: Float64Array;
    T: Float64Array;
    weights: Float64Array;
    /** row -> unique row */
    index: Int32Array;
}
/**
 * Collapses identical (frequency, recency, T) rows into weighted rows, in first-seen order.
 * Open-addressing hash on the three doubles (no string keys): linear in the number of rows.
 * Input weights (default 1) are summed; `index` maps every input row to its unique row.
 *
 * @example
 * const c = compressSummary({ frequency: [2, 0, 2], recency: [30.43, 0, 30.43], T: [38.86, 38.86, 38.86] });
 * c.frequency; // Float64Array [2, 0]
 * c.weights;   // Float64Array [2, 1]
 * c.index;     // Int32Array [0, 1, 0]
 */
export declare function compressSummary(data: SummaryData): CompressedSummary;
/**
 * Distinct values of a numeric column in first-seen order and each row's index into them
 * (open-addressing hash on the doubles; -0 and 0 are one value).
 *
 * @example
 * distinctDoubles([3, 1, 3]); // { values: Float64Array [3, 1], index: Int32Array [0, 1, 0] }
 */
export declare function distinctDoubles(col: ArrayLike<number>): {
    values: Float64Array;
    index: Int32Array;
};
//# sourceMappingURL=compress.d.ts.map