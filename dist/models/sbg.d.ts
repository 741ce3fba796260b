import type { FitOptions, FitResultBase } from './types.ts';
import { type RetentionCurves, type RetentionInput } from './retention-data.ts';
/**
 * sBG parameters: theta ~ Beta(alpha, beta).
 *
 * @example
 * const p: SbgParams = { alpha: 0.704, beta: 1.182 };
 */
export interface SbgParams extends Record<string, number> {
    alpha: number;
    beta: number;
}
/**
 * A fitted (or parameterised) sBG model: the fit statistics plus the retention curves.
 *
 * @example
 * const m = sbgModel({ alpha: 0.704, beta: 1.182 });
 * m.retentionRate(1); // beta / (alpha + beta) = 0.627
 */
export interface SbgModel extends FitResultBase<SbgParams>, RetentionCurves {
    model: 'sbg';
    /** The cohorts fitted (names and the largest observed period), empty for `sbgModel(params)`. */
    cohorts: {
        name: string;
        periods: number;
        size: number;
    }[];
}
/**
 * log S(t | alpha, beta) = log B(alpha, beta + t) - log B(alpha, beta)   (Fader & Hardie 2007, S(t) expression of §3).
 *
 * @example
 * Math.exp(sbgLogSurvival(1, 1, 3)); // 1/4
 */
export declare function sbgLogSurvival(alpha: number, beta: number, t: number): number;
/**
 * log P(T = t | alpha, beta) = log B(alpha + 1, beta + t - 1) - log B(alpha, beta), t >= 1   (Fader & Hardie 2007, P(T=t) of §3).
 *
 * @example
 * Math.exp(sbgLogChurn(1, 1, 2)); // 1/6
 */
export declare function sbgLogChurn(alpha: number, beta: number, t: number): number;
/**
 * 2F1(1, b; c; z) for b, c > 0 and 0 <= z <= 1, by its power series (all terms positive, so no cancellation);
 * the tail is bounded geometrically. At z = 1 the Gauss sum (c - 1) / (c - 1 - b) when c > b + 1, else Infinity.
 * Falls back to stdlib's hyp2f1 when z is so close to 1 that the series would need more than 10^7 terms.
 *
 * @example
 * hyp2f1UnitA(1, 2, 0.5); // -ln(1 - 0.5) / 0.5 = 1.3863
 */
export declare function hyp2f1UnitA(b: number, c: number, z: number): number;
/**
 * DERL in closed form for the sBG: (beta + n) / (alpha + beta + n) * 2F1(1, beta + n + 1; alpha + beta + n + 1; 1/(1+d))
 * for a customer who has made n renewals (Fader & Hardie 2010, Marketing Science 29(1), DERL expression with n-1 renewals).
 * With d = 0 it is (beta + n)/(alpha - 1) when alpha > 1, else Infinity.
 *
 * @example
 * sbgDiscountedExpectedResidualLifetime({ alpha: 1, beta: 1 }, 0.1, 0);
 */
export declare function sbgDiscountedExpectedResidualLifetime(params: SbgParams, d: number, renewals?: number): number;
/**
 * An sBG model from known parameters (no fit): the curves and projections.
 *
 * @example
 * const m = sbgModel({ alpha: 0.704, beta: 1.182 });
 * m.projectSurvivors(12, 1000); // expected survivors at the start of years 0..12
 */
export declare function sbgModel(params: SbgParams, fit?: Omit<SbgModel, keyof RetentionCurves | 'params' | 'model'>): SbgModel;
/**
 * Total sBG log-likelihood of survivor counts and its gradient with respect to (alpha, beta).
 *
 * @example
 * const grad = new Float64Array(2);
 * const ll = sbgLogLikelihood([{ alive: [1000, 631, 468] }], 0.7, 1.2, grad); // grad = d ll / d (alpha, beta)
 */
export declare function sbgLogLikelihood(cohorts: {
    alive: number[];
}[], alpha: number, beta: number, grad?: Float64Array): number;
/**
 * Fit the sBG by maximum likelihood to survivor counts (Fader & Hardie 2007). Several cohorts share the parameters.
 *
 * @example
 * const fitted = fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]);
 * fitted.params; // { alpha: 0.704, beta: 1.182 } as published for the "regular" customers
 * fitted.projectSurvivors(12, 1000);
 */
export declare function fitSbg(input: RetentionInput, options?: FitOptions): SbgModel;
//# sourceMappingURL=sbg.d.ts.map