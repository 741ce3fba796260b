/**
 * Beta-discrete-Weibull (BdW) model of contractual retention (Fader, Hardie, Liu, Davin & Steenburgh 2018,
 * "How to project customer retention revisited: the role of duration dependence", Journal of Interactive
 * Marketing 43).
 *
 * Given theta, a customer is still active after t periods with probability (1 - theta)^(t^c) (discrete
 * Weibull; c < 1 churn propensity falls with tenure, c > 1 it rises); theta ~ Beta(alpha, beta).
 * Integrating over theta gives S(t) = B(alpha, beta + t^c) / B(alpha, beta); c = 1 is the sBG.
 */
import { betaln, digamma } from '../stdlib.ts';
import { ClvkitError } from '../errors.ts';
import type { FitOptions, FitResultBase } from './types.ts';
import { type RetentionCurves, type RetentionInput, fitRetentionModel, retentionCurves, toCohorts } from './retention-data.ts';

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
  cohorts: { name: string; periods: number; size: number }[];
}

/**
 * log S(t | alpha, beta, c) = log B(alpha, beta + t^c) - log B(alpha, beta)   (Fader et al. 2018, S(t) of the BdW, §2).
 *
 * @example
 * bdwLogSurvival(1, 1, 1, 1); // log(1/2)
 */
export function bdwLogSurvival(alpha: number, beta: number, c: number, t: number): number {
  return t === 0 ? 0 : betaln(alpha, beta + Math.pow(t, c)) - betaln(alpha, beta);
}

/**
 * log P(T = t) = log(S(t - 1) - S(t)), computed as log S(t-1) + log(1 - S(t)/S(t-1)) without cancellation
 * (Fader et al. 2018, P(T = t) = S(t-1) - S(t)).
 *
 * @example
 * Math.exp(bdwLogChurn(1, 1, 1, 1)); // 0.5
 */
export function bdwLogChurn(alpha: number, beta: number, c: number, t: number): number {
  const a = bdwLogSurvival(alpha, beta, c, t - 1);
  const b = bdwLogSurvival(alpha, beta, c, t);
  return a + Math.log(-Math.expm1(b - a));
}

/** log S(t) and its gradient wrt (alpha, beta, c) into g (length 3). */
function logSurvivalGrad(alpha: number, beta: number, c: number, t: number, g: Float64Array | number[]): number {
  if (t === 0) {
    g[0] = g[1] = g[2] = 0;
    return 0;
  }
  const tc = Math.pow(t, c);
  const pab = digamma(alpha + beta);
  const pabt = digamma(alpha + beta + tc);
  const pbt = digamma(beta + tc);
  // d/da log B(a,b) = psi(a) - psi(a+b); d/db log B(a,b) = psi(b) - psi(a+b); d t^c / dc = t^c ln t.
  g[0] = pab - pabt;
  g[1] = pbt - pabt - digamma(beta) + pab;
  g[2] = (pbt - pabt) * tc * Math.log(t);
  return betaln(alpha, beta + tc) - betaln(alpha, beta);
}

/**
 * Total BdW log-likelihood of survivor counts (same censored-churn likelihood as the sBG) and its gradient.
 *
 * @example
 * const g = new Float64Array(3);
 * bdwLogLikelihood([{ alive: [1000, 631, 468] }], 0.7, 1.2, 1, g);
 */
export function bdwLogLikelihood(cohorts: { alive: number[] }[], alpha: number, beta: number, c: number, grad?: Float64Array): number {
  let ll = 0;
  const ga = [0, 0, 0];
  const gb = [0, 0, 0];
  if (grad) grad.fill(0);
  for (const { alive } of cohorts) {
    const m = alive.length - 1;
    let prev = logSurvivalGrad(alpha, beta, c, 0, ga);
    for (let t = 1; t <= m; t++) {
      const cur = logSurvivalGrad(alpha, beta, c, t, gb);
      const lost = alive[t - 1] - alive[t];
      if (lost > 0) {
        const q = Math.exp(cur - prev); // S(t) / S(t-1)
        ll += lost * (prev + Math.log(-Math.expm1(cur - prev)));
        if (grad) for (let i = 0; i < 3; i++) grad[i] += (lost * (ga[i] - q * gb[i])) / (1 - q);
      }
      if (t === m && alive[m] > 0) {
        ll += alive[m] * cur;
        if (grad) for (let i = 0; i < 3; i++) grad[i] += alive[m] * gb[i];
      }
      prev = cur;
      ga[0] = gb[0];
      ga[1] = gb[1];
      ga[2] = gb[2];
    }
  }
  return ll;
}

/**
 * A BdW model from known parameters (no fit).
 *
 * @example
 * const m = bdwModel({ alpha: 0.7, beta: 1.2, c: 1 }); // the sBG with alpha 0.7, beta 1.2
 * m.retentionRate(2);
 */
export function bdwModel(params: BdwParams, fit?: Omit<BdwModel, keyof RetentionCurves | 'params' | 'model'>): BdwModel {
  const { alpha, beta, c } = params;
  for (const [k, v] of Object.entries(params)) {
    if (!(v > 0) || !Number.isFinite(v)) throw new ClvkitError(`parameter ${k} must be a positive finite number, got ${v}`);
  }
  const curves = retentionCurves((t) => bdwLogSurvival(alpha, beta, c, t));
  return {
    model: 'bdw',
    params: { alpha, beta, c },
    logLikelihood: fit?.logLikelihood ?? NaN,
    standardErrors: fit?.standardErrors ?? { alpha: NaN, beta: NaN, c: NaN },
    converged: fit?.converged ?? true,
    iterations: fit?.iterations ?? 0,
    aic: fit?.aic ?? NaN,
    bic: fit?.bic ?? NaN,
    customers: fit?.customers ?? 0,
    ...(fit?.covariance ? { covariance: fit.covariance } : {}),
    ...(fit?.warning ? { warning: fit.warning } : {}),
    cohorts: fit?.cohorts ?? [],
    ...curves,
  };
}

/**
 * Fit the BdW by maximum likelihood to survivor counts of one or more cohorts. Needs at least three
 * periods of data (two free retention rates) to identify c.
 *
 * @example
 * const fitted = fitBdw([1000, 631, 468, 382, 326, 289, 262, 241]);
 * fitted.params.c; // < 1: churn propensity falls with tenure
 */
export function fitBdw(input: RetentionInput, options: FitOptions = {}): BdwModel {
  const cohorts = toCohorts(input);
  const customers = cohorts.reduce((s, c) => s + c.alive[0], 0);
  const churned = cohorts.reduce((s, c) => s + (c.alive[0] - c.alive[c.alive.length - 1]), 0);
  if (!(churned > 0)) throw new ClvkitError('no customer churned in the data: the BdW cannot be identified (retention looks like 100%)');
  if (cohorts.every((c) => c.alive.length < 4)) {
    throw new ClvkitError('the BdW needs survivors for at least periods 0..3 to identify its three parameters');
  }
  const base = fitRetentionModel<BdwParams>(
    'bdw',
    {
      names: ['alpha', 'beta', 'c'],
      initial: [1, 1, 1],
      logLikelihood: (p) => bdwLogLikelihood(cohorts, p[0], p[1], p[2]),
      gradient: (p, g) => bdwLogLikelihood(cohorts, p[0], p[1], p[2], g),
      observations: customers,
    },
    options,
  );
  return bdwModel(base.params, {
    ...base,
    cohorts: cohorts.map((c) => ({ name: c.name, periods: c.alive.length - 1, size: c.alive[0] })),
  });
}
