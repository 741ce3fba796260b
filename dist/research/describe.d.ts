/**
 * Mean, sample variance (n − 1) and Pearson correlation on plain arrays.
 */
/**
 * Arithmetic mean.
 *
 * @example
 * mean([1, 2, 3]); // 2
 */
export declare function mean(x: ArrayLike<number>): number;
/**
 * Sample variance with divisor n − 1 (two-pass, for accuracy).
 *
 * @example
 * sampleVariance([1, 2, 3, 4]); // 1.6666666666666667
 */
export declare function sampleVariance(x: ArrayLike<number>): number;
/**
 * Pearson correlation (NaN when either variable is constant).
 *
 * @example
 * pearson([1, 2, 3], [2, 4, 7]); // 0.9933992677987828
 */
export declare function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number;
/**
 * Correlation matrix of several variables (rows and columns in the given order).
 *
 * @example
 * correlationMatrix([[1, 2, 3], [3, 2, 1]]); // [[1, -1], [-1, 1]]
 */
export declare function correlationMatrix(variables: ArrayLike<number>[]): number[][];
//# sourceMappingURL=describe.d.ts.map