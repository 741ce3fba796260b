export interface CronbachResult {
    alpha: number;
    /** Number of items k and respondents n. */
    k: number;
    n: number;
    /** Alpha of the scale without each item (null when fewer than two items would remain). */
    alphaIfDeleted: (number | null)[];
    /** Corrected item-total correlation: each item with the sum of the other items (null for a constant item). */
    itemTotal: (number | null)[];
    itemVariances: number[];
    totalVariance: number;
}
/**
 * Cronbach's alpha, α = k/(k − 1) · (1 − Σ s²_i / s²_total) (Cronbach 1951, "Coefficient alpha and the
 * internal structure of tests", Psychometrika 16(3)), with alpha-if-item-deleted and corrected
 * item-total correlations (Nunnally & Bernstein 1994, Psychometric Theory, ch. 7). Items are columns
 * of equal length without missing values.
 *
 * @example
 * cronbachAlpha([[2, 4, 4, 6], [1, 3, 5, 7], [3, 3, 5, 5]]).alpha; // 0.9
 */
export declare function cronbachAlpha(items: ArrayLike<number>[]): CronbachResult;
//# sourceMappingURL=cronbach.d.ts.map