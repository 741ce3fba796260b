export interface OlsCoefficient {
    term: string;
    estimate: number;
    /** Classic standard error, sqrt(s² (X'X)⁻¹). */
    se: number;
    /** HC3 heteroscedasticity-consistent standard error (null when a leverage is 1). */
    se_hc3: number | null;
    t: number;
    p: number;
    ci: [number, number];
    /** Standardised coefficient b·sd(x)/sd(y) (null for the intercept). */
    beta: number | null;
}
export interface OlsResult {
    type: 'ols';
    n: number;
    /** Number of estimated coefficients (including the intercept). */
    k: number;
    df_residual: number;
    r2: number;
    adj_r2: number;
    /** Residual standard error s = sqrt(RSS / (n − k)). */
    sigma: number;
    rss: number;
    tss: number;
    /** Overall F test of all slopes = 0 (null without an intercept or slopes). */
    f: number | null;
    f_df1: number;
    f_df2: number;
    f_p: number | null;
    coefficients: OlsCoefficient[];
    residuals: Float64Array;
    fitted: Float64Array;
    /** Hat values h_ii. */
    leverage: Float64Array;
    /** Classic covariance matrix, row-major k × k. */
    cov: Float64Array;
    /** HC3 covariance matrix, row-major k × k. */
    cov_hc3: Float64Array;
}
export interface OlsOptions {
    /** Add an intercept column named "(Intercept)" first (default true). */
    intercept?: boolean;
    /** Confidence level of the intervals (default 0.95). */
    level?: number;
}
/**
 * Ordinary least squares by Householder QR, with classic and HC3 standard errors, t tests,
 * confidence intervals, R², adjusted R², the overall F test and standardised coefficients.
 * Throws a ClvkitError naming the terms when the design is perfectly collinear or n <= k.
 *
 * @example
 * const fit = ols(Float64Array.of(1, 3, 5, 8), [Float64Array.of(0, 1, 2, 3)], ['x']);
 * fit.coefficients[1].estimate; // 2.3
 */
export declare function ols(y: ArrayLike<number>, predictors: ArrayLike<number>[], names: string[], options?: OlsOptions): OlsResult;
//# sourceMappingURL=ols.d.ts.map