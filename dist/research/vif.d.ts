/**
 * Variance inflation factors: VIF_j = 1 / (1 − R²_j), R²_j from regressing predictor j on the
 * other predictors with an intercept (Marquardt 1970, Technometrics 12(3); Fox 2016, Applied
 * Regression Analysis, §13.1.1). A single predictor has VIF 1.
 *
 * @example
 * vif([Float64Array.of(1, -1, 1, -1), Float64Array.of(1, 1, -1, -1)]); // [1, 1]
 */
export declare function vif(predictors: ArrayLike<number>[], names?: string[]): number[];
//# sourceMappingURL=vif.d.ts.map