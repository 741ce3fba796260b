/**
 * Survivor-count input for the contractual retention models (sBG, beta-discrete-Weibull) and the
 * curves both models share once their survival function S(t) is known.
 *
 * A cohort is the number of customers still active at the start of periods 0, 1, ..., m
 * (`alive[0]` is the initial cohort size). Customers lost during period t (alive[t-1] - alive[t])
 * churned at T = t; the alive[m] survivors are right-censored at m (Fader & Hardie 2007, §3).
 */
import { ClvkitError } from '../errors.ts';
import { fitWithEngine, type LikelihoodProblem } from './fit.ts';
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
export function survivorsFromPercentages(percentages: ArrayLike<number>, cohortSize: number): number[] {
  if (!(cohortSize > 0) || !Number.isFinite(cohortSize)) throw new ClvkitError(`the cohort size must be a positive number, got ${cohortSize}`);
  return Array.from(percentages, (p) => (p / 100) * cohortSize);
}

/**
 * Normalise and validate the input: each cohort has at least two periods, counts are finite, non-negative,
 * non-increasing and the initial size is positive. Throws a ClvkitError naming the cohort and period.
 *
 * @example
 * toCohorts([1000, 631, 468]); // [{ name: 'cohort 1', alive: [1000, 631, 468] }]
 */
export function toCohorts(input: RetentionInput): { name: string; alive: number[] }[] {
  let list: RetentionCohort[];
  if (Array.isArray(input) && input.length > 0 && typeof input[0] === 'object') list = input as RetentionCohort[];
  else if (!Array.isArray(input) && typeof input === 'object' && input !== null && 'alive' in input) list = [input as RetentionCohort];
  else list = [{ alive: input as ArrayLike<number> }];
  if (list.length === 0) throw new ClvkitError('no cohort to fit: give survivors at the start of periods 0, 1, 2, ...');
  return list.map((c, k) => {
    const name = c.name ?? `cohort ${k + 1}`;
    const alive = Array.from(c.alive, Number);
    if (alive.length < 2) throw new ClvkitError(`${name}: need survivors for at least periods 0 and 1, got ${alive.length} value(s)`);
    for (let t = 0; t < alive.length; t++) {
      const a = alive[t];
      if (!Number.isFinite(a) || a < 0) throw new ClvkitError(`${name}: survivors at period ${t} must be a non-negative number, got ${a}`);
      if (t > 0 && a > alive[t - 1] * (1 + 1e-12)) {
        throw new ClvkitError(`${name}: survivors cannot increase (period ${t - 1}: ${alive[t - 1]}, period ${t}: ${a})`);
      }
    }
    if (!(alive[0] > 0)) throw new ClvkitError(`${name}: the cohort size at period 0 must be positive`);
    return { name, alive };
  });
}

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
export function retentionCurves(logSurvival: (t: number) => number, derl?: (d: number, renewals: number) => number): RetentionCurves {
  const checkT = (t: number, min: number) => {
    if (!Number.isInteger(t) || t < min) throw new ClvkitError(`period must be an integer >= ${min}, got ${t}`);
  };
  const survival = (t: number) => {
    checkT(t, 0);
    return Math.exp(logSurvival(t));
  };
  const retentionRate = (t: number) => {
    checkT(t, 1);
    // S is non-increasing, so the ratio is at most 1; rounding in log S at extreme parameters can push it a few ulps over.
    // Nobody left at t - 1 (S underflows to 0): nobody renews, r_t = 0 rather than 0/0.
    const before = logSurvival(t - 1);
    if (before === -Infinity) return 0;
    return Math.min(1, Math.exp(logSurvival(t) - before));
  };
  const churnProbability = (t: number) => {
    checkT(t, 1);
    const a = logSurvival(t - 1);
    if (a === -Infinity) return 0;
    // S(t-1) - S(t) = S(t-1) (1 - exp(logS(t) - logS(t-1))), without cancellation.
    return Math.exp(a) * -Math.expm1(Math.min(0, logSurvival(t) - a));
  };
  const residualSeries = (d: number, renewals: number) => seriesResidualLifetime(logSurvival, d, renewals);
  const residual = (d: number, renewals = 0) => {
    if (!(d >= 0) || !Number.isFinite(d)) throw new ClvkitError(`the discount rate must be >= 0, got ${d}`);
    checkT(renewals, 0);
    return derl ? derl(d, renewals) : residualSeries(d, renewals);
  };
  return {
    survival,
    survivalCurve: (periods) => {
      checkT(periods, 0);
      return Array.from({ length: periods + 1 }, (_, t) => Math.exp(logSurvival(t)));
    },
    retentionRate,
    retentionRateCurve: (periods) => {
      checkT(periods, 0);
      return Array.from({ length: periods }, (_, k) => retentionRate(k + 1));
    },
    churnProbability,
    projectSurvivors: (periods, initial = 1) => {
      checkT(periods, 0);
      return Array.from({ length: periods + 1 }, (_, t) => initial * Math.exp(logSurvival(t)));
    },
    discountedExpectedResidualLifetime: residual,
    // DEL = sum_{t>=0} S(t)/(1+d)^t = 1 + DERL(d | 0 renewals)/(1+d): DERL is valued at period 1, just before
    // the first renewal (Fader & Hardie 2010, DEL and DERL).
    discountedExpectedLifetime: (d) => 1 + residual(d, 0) / (1 + d),
  };
}

/**
 * DERL by direct summation: sum_{k>=0} S(n+1+k)/S(n) z^k with z = 1/(1+d), stopped when a bound on the
 * remaining tail (terms decrease at least geometrically by z) is below 1e-15 of the sum.
 *
 * @example
 * seriesResidualLifetime((t) => t * Math.log(0.9), 0.1, 0); // 0.9 / (1 - 0.9/1.1) = 4.95
 */
export function seriesResidualLifetime(logSurvival: (t: number) => number, d: number, renewals: number): number {
  const z = 1 / (1 + d);
  const base = logSurvival(renewals);
  let sum = 0;
  const maxTerms = 5_000_000;
  for (let k = 0; k < maxTerms; k++) {
    const term = Math.exp(logSurvival(renewals + 1 + k) - base + k * Math.log(z));
    sum += term;
    // S is non-increasing, so every later term is at most term * z^j.
    const tail = d > 0 ? (term * z) / (1 - z) : Infinity;
    if (tail <= 1e-15 * sum || term === 0) return sum;
  }
  if (d === 0) throw new ClvkitError('the expected residual lifetime without discounting does not converge here: give a discount rate > 0');
  throw new ClvkitError(`the residual-lifetime series did not converge in ${maxTerms} terms (discount rate ${d} too small)`);
}

/**
 * The survivor-count log-likelihood: sum over cohorts of sum_t lost_t log P(T = t) + alive_m log S(m)
 * (Fader & Hardie 2007, §3 "the sBG model", the likelihood over churn counts and censored survivors).
 *
 * @example
 * retentionLogLikelihood([{ name: 'a', alive: [10, 5] }], (t) => -t * Math.log(2), () => Math.log(0.5)); // 10 log 0.5
 */
export function retentionLogLikelihood(
  cohorts: { alive: number[] }[],
  logSurvival: (t: number) => number,
  logChurn: (t: number) => number,
): number {
  let ll = 0;
  for (const { alive } of cohorts) {
    const m = alive.length - 1;
    for (let t = 1; t <= m; t++) {
      const lost = alive[t - 1] - alive[t];
      if (lost > 0) ll += lost * logChurn(t);
    }
    if (alive[m] > 0) ll += alive[m] * logSurvival(m);
  }
  return ll;
}

/**
 * Fit a retention model with the shared engine, accepting one boundary case: a cohort whose churn looks the
 * same for everyone drives alpha and beta to infinity together (heterogeneity vanishes, churn = alpha/(alpha+beta)).
 * The optimiser then stops without converging; the best point is returned with `converged: false` and a
 * warning, since its curves are those of the homogeneous (geometric) limit. Other failures are rethrown.
 *
 * @example
 * const base = fitRetentionModel<SbgParams>('sbg', problem, {});
 */
export function fitRetentionModel<P extends Record<string, number> & { alpha: number; beta: number }>(
  model: string,
  problem: LikelihoodProblem,
  options: FitOptions,
): FitResultBase<P> {
  let base: FitResultBase<P>;
  let failure: unknown;
  try {
    base = fitWithEngine<P>(model, problem, options);
  } catch (e) {
    if (!(e instanceof ClvkitError) || options.acceptNonConverged) throw e;
    base = fitWithEngine<P>(model, problem, { ...options, acceptNonConverged: true });
    failure = e;
  }
  const { alpha, beta } = base.params;
  const atBoundary = alpha + beta > 1e4 && (!base.converged || base.warning !== undefined);
  if (failure !== undefined && !atBoundary) throw failure;
  if (!atBoundary) return base;
  return {
    ...base,
    warning:
      `alpha and beta grow without bound: the cohort looks homogeneous, with a churn probability of about ${(alpha / (alpha + beta)).toPrecision(3)} ` +
      'a period for everyone; the parameters are not identified, the survival curve is that of the geometric limit',
  };
}
