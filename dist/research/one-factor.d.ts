export interface OneFactorResult {
    /** Standardised loadings, signed so that their sum is positive. */
    loadings: number[];
    communalities: number[];
    iterations: number;
    converged: boolean;
    /** True when a communality reached 1 (a Heywood case) and was held there. */
    heywood: boolean;
    method: 'principal-axis' | 'two-item' | 'single-item';
}
/**
 * One-factor model of a correlation matrix by iterated principal-axis factoring: start from the
 * squared multiple correlations, put the communalities on the diagonal, take the first eigenpair
 * λ = √e₁ v₁, update the communalities to λ², repeat to convergence (Harman 1976, Modern Factor
 * Analysis, 3rd ed., ch. 8; Gorsuch 1983, Factor Analysis, §6.2). With two items the model is not
 * identified; equal loadings √|r₁₂| are reported (tau-equivalence), and one item loads 1.
 *
 * @example
 * // Exact one-factor correlations with loadings 0.8, 0.7, 0.6 are recovered:
 * oneFactor([[1, 0.56, 0.48], [0.56, 1, 0.42], [0.48, 0.42, 1]]).loadings; // ≈ [0.8, 0.7, 0.6]
 */
export declare function oneFactor(corr: number[][], maxIterations?: number, tolerance?: number): OneFactorResult;
//# sourceMappingURL=one-factor.d.ts.map