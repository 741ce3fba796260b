import { type LikelihoodProblem } from './fit.ts';
import type { FitOptions, FitResultBase } from './types.ts';
/**
 * One cohort's survivors at the start of periods 0..m.
 *
 * @example
 * const cohort: RetentionCohort = { name: 'regular', alive: [1000, 631, 468, 382] };
 */
export interface RetentionCohort {
    name?: string;
    alive: ArrayLike<number>;
}
/**
 * What `fitSbg` / `fitBdw` accept: survivors of one cohort (an array), one cohort object, or several cohorts
 * that share the parameters.
 *
 * @example
 * const input: RetentionInput = [[1000, 631, 468], [500, 400, 330]].map((alive) => ({ alive }));
 */
export type RetentionInput = ArrayLike<number> | RetentionCohort | RetentionCohort[];
/**
 * Survivor counts from percentages of a cohort of `cohortSize` customers (e.g. 63.1% of 1,000 = 631).
 *
 * @example
 * survivorsFromPercentages([100, 63.1, 46.8], 1000); // [1000, 631, 468]
 */
export declare function survivorsFromPercentages(percentages: ArrayLike<number>, cohortSize: number): number[];
/**
 * Normalise and validate the input: each cohort has at least two periods, counts are finite, non-negative,
 * non-increasing and the initial size is positive. Throws a ClvkitError naming the cohort and period.
 *
 * @example
 * toCohorts([1000, 631, 468]); // [{ name: 'cohort 1', alive: [1000, 631, 468] }]
 */
export declare function toCohorts(input: RetentionInput): {
    name: string;
    alive: number[];
}[];
/**
 * Shared curves of a retention model given log S(t) for integer t >= 0.
 *
 * @example
 * const curves = retentionCurves((t) => t * Math.log(0.8)); // geometric, 20% churn a period
 * curves.retentionRate(3); // 0.8
 */
export interface RetentionCurves {
    /** S(t) = P(T > t): share of the cohort still active at the start of period t (t = 0, 1, ...). */
    survival(t: number): number;
    /** S(0..periods). */
    survivalCurve(periods: number): number[];
    /** r_t = S(t) / S(t - 1), t >= 1: share of those active at t - 1 who renew at t. */
    retentionRate(t: number): number;
    /** r_1..r_periods. */
    retentionRateCurve(periods: number): number[];
    /** P(T = t): probability of churning in period t (t >= 1). */
    churnProbability(t: number): number;
    /** Expected survivors at the start of periods 0..periods for a cohort of `initial` customers. */
    projectSurvivors(periods: number, initial?: number): number[];
    /**
     * Discounted expected residual lifetime of a customer who has made `renewals` renewals (is active at
     * the start of period `renewals`): sum over t >= renewals + 1 of S(t) / S(renewals) / (1 + d)^(t - renewals - 1),
     * i.e. the expected number of future payments valued just before the next renewal decision, so that the next
     * payment (made if the customer renews) is undiscounted (Fader & Hardie 2010, DERL with n - 1 = renewals).
     */
    discountedExpectedResidualLifetime(discountRate: number, renewals?: number): number;
    /** Discounted expected lifetime of a new customer: sum over t >= 0 of S(t) / (1 + d)^t (Fader & Hardie 2010, DEL). */
    discountedExpectedLifetime(discountRate: number): number;
}
/**
 * Build the shared curves from log S(t). `derl` may supply a closed form for the residual lifetime.
 *
 * @example
 * const c = retentionCurves((t) => t * Math.log(0.9));
 * c.discountedExpectedLifetime(0.1); // 1 / (1 - 0.9 / 1.1) = 5.5
 */
export declare function retentionCurves(logSurvival: (t: number) => number, derl?: (d: number, renewals: number) => number): RetentionCurves;
/**
 * DERL by direct summation: sum_{k>=0} S(n+1+k)/S(n) z^k with z = 1/(1+d), stopped when a bound on the
 * remaining tail (terms decrease at least geometrically by z) is below 1e-15 of the sum.
 *
 * @example
 * seriesResidualLifetime((t) => t * Math.log(0.9), 0.1, 0); // 0.9 / (1 - 0.9/1.1) = 4.95
 */
export declare function seriesResidualLifetime(logSurvival: (t: number) => number, d: number, renewals: number): number;
/**
 * The survivor-count log-likelihood: sum over cohorts of sum_t lost_t log P(T = t) + alive_m log S(m)
 * (Fader & Hardie 2007, §3 "the sBG model", the likelihood over churn counts and censored survivors).
 *
 * @example
 * retentionLogLikelihood([{ name: 'a', alive: [10, 5] }], (t) => -t * Math.log(2), () => Math.log(0.5)); // 10 log 0.5
 */
export declare function retentionLogLikelihood(cohorts: {
    alive: number[];
}[], logSurvival: (t: number) => number, logChurn: (t: number) => number): number;
/**
 * Fit a retention model with the shared engine, accepting one boundary case: a cohort whose churn looks the
 * same for everyone drives alpha and beta to infinity together (heterogeneity vanishes, churn = alpha/(alpha+beta)).
 * The optimiser then stops without converging; the best point is returned with `converged: false` and a
 * warning, since its curves are those of the homogeneous (geometric) limit. Other failures are rethrown.
 *
 * @example
 * const base = fitRetentionModel<SbgParams>('sbg', problem, {});
 */
export declare function fitRetentionModel<P extends Record<string, number> & {
    alpha: number;
    beta: number;
}>(model: string, problem: LikelihoodProblem, options: FitOptions): FitResultBase<P>;
//# sourceMappingURL=retention-data.d.ts.map