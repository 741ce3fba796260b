export interface LogitCoefficient {
    term: string;
    estimate: number;
    se: number;
    /** HC3 sandwich standard error for the GLM (null when a leverage reaches 1). */
    se_hc3: number | null;
    /** Wald z = estimate / se (named t in the shared table shape). */
    t: number;
    z: number;
    /** Two-sided Wald p-value. */
    p: number;
    ci: [number, number];
    odds_ratio: number;
    or_ci: [number, number];
    /** Likelihood-ratio test of dropping this term (null for the intercept). */
    lr_chi2: number | null;
    lr_p: number | null;
}
export interface LogitResult {
    type: 'logit';
    n: number;
    k: number;
    log_likelihood: number;
    null_log_likelihood: number;
    deviance: number;
    null_deviance: number;
    /** LR test of all slopes = 0: G = 2(LL − LL₀), df = k − 1. */
    lr_chi2: number;
    lr_df: number;
    lr_p: number;
    /** McFadden's pseudo R² = 1 − LL/LL₀. */
    r2: number;
    /** McFadden's adjusted pseudo R² = 1 − (LL − k)/LL₀. */
    adj_r2: number;
    aic: number;
    iterations: number;
    coefficients: LogitCoefficient[];
    fitted: Float64Array;
    /** Covariance matrix (X'WX)⁻¹, row-major k × k. */
    cov: Float64Array;
}
export interface LogitOptions {
    level?: number;
    maxIterations?: number;
    /** Also compute a likelihood-ratio test per term by refitting without it (default true). */
    termTests?: boolean;
}
/**
 * Binary logistic regression by iteratively reweighted least squares (Nelder & Wedderburn 1972;
 * McCullagh & Nelder 1989, Generalized Linear Models, §2.5 and §4.4), each step a Householder QR
 * weighted least squares. Reports odds ratios, Wald tests and intervals, the model
 * likelihood-ratio test and per-term likelihood-ratio tests (Hosmer, Lemeshow & Sturdivant 2013,
 * Applied Logistic Regression, 3rd ed., §1.3 and §2.2). Separation (an outcome perfectly or almost
 * perfectly predicted, so that estimates run off to infinity) is an error naming the terms.
 *
 * @example
 * const fit = logit(Float64Array.of(0, 0, 1, 0, 1, 1), [Float64Array.of(1, 2, 3, 4, 5, 6)], ['x']);
 * fit.coefficients[1].odds_ratio; // exp(slope)
 */
export declare function logit(y: ArrayLike<number>, predictors: ArrayLike<number>[], names: string[], options?: LogitOptions): LogitResult;
//# sourceMappingURL=logistic.d.ts.map