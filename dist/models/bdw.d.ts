import type { FitOptions, FitResultBase } from './types.ts';
import { type RetentionCurves, type RetentionInput } from './retention-data.ts';
/**
 * BdW parameters: theta ~ Beta(alpha, beta), duration-dependence exponent c.
 *
 * @example
 * const p: BdwParams = { alpha: 0.46, beta: 0.78, c: 1.28 };
 */
export interface BdwParams extends Record<string, number> {
    alpha: number;
    beta: number;
    c: number;
}
/**
 * A fitted (or parameterised) BdW model: the fit statistics plus the retention curves.
 *
 * @example
 * const m = bdwModel({ alpha: 1.2, beta: 0.8, c: 0.7 });
 * m.survivalCurve(5);
 */
export interface BdwModel extends FitResultBase<BdwParams>, RetentionCurves {
    model: 'bdw';
    cohorts: {
        name: string;
        periods: number;
        size: number;
    }[];
}
/**
 * log S(t | alpha, beta, c) = log B(alpha, beta + t^c) - log B(alpha, beta)   (Fader et al. 2018, S(t) of the BdW, §2).
 *
 * @example
 * bdwLogSurvival(1, 1, 1, 1); // log(1/2)
 */
export declare function bdwLogSurvival(alpha: number, beta: number, c: number, t: number): number;
/**
 * log P(T = t) = log(S(t - 1) - S(t)), computed as log S(t-1) + log(1 - S(t)/S(t-1)) without cancellation
 * (Fader et al. 2018, P(T = t) = S(t-1) - S(t)).
 *
 * @example
 * Math.exp(bdwLogChurn(1, 1, 1, 1)); // 0.5
 */
export declare function bdwLogChurn(alpha: number, beta: number, c: number, t: number): number;
/**
 * Total BdW log-likelihood of survivor counts (same censored-churn likelihood as the sBG) and its gradient.
 *
 * @example
 * const g = new Float64Array(3);
 * bdwLogLikelihood([{ alive: [1000, 631, 468] }], 0.7, 1.2, 1, g);
 */
export declare function bdwLogLikelihood(cohorts: {
    alive: number[];
}[], alpha: number, beta: number, c: number, grad?: Float64Array): number;
/**
 * A BdW model from known parameters (no fit).
 *
 * @example
 * const m = bdwModel({ alpha: 0.7, beta: 1.2, c: 1 }); // the sBG with alpha 0.7, beta 1.2
 * m.retentionRate(2);
 */
export declare function bdwModel(params: BdwParams, fit?: Omit<BdwModel, keyof RetentionCurves | 'params' | 'model'>): BdwModel;
/**
 * Fit the BdW by maximum likelihood to survivor counts of one or more cohorts. Needs at least three
 * periods of data (two free retention rates) to identify c.
 *
 * @example
 * const fitted = fitBdw([1000, 631, 468, 382, 326, 289, 262, 241]);
 * fitted.params.c; // < 1: churn propensity falls with tenure
 */
export declare function fitBdw(input: RetentionInput, options?: FitOptions): BdwModel;
//# sourceMappingURL=bdw.d.ts.map