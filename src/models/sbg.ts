/**
 * Shifted-beta-geometric (sBG) model of contractual retention (Fader & Hardie 2007, "How to project
 * customer retention", Journal of Interactive Marketing 21(1)).
 *
 * Each customer churns at the end of any period with a constant probability theta, theta ~ Beta(alpha, beta)
 * across customers. Fitted by maximum likelihood on survivor counts of one or more cohorts.
 */
import { betaln, digamma, hyp2f1 as stdlibHyp2f1 } from '../stdlib.ts';
import { ClvkitError } from '../errors.ts';
import type { FitOptions, FitResultBase } from './types.ts';
import {
  type RetentionCurves,
  type RetentionInput,
  fitRetentionModel,
  retentionCurves,
  retentionLogLikelihood,
  toCohorts,
} from './retention-data.ts';

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
  cohorts: { name: string; periods: number; size: number }[];
}

/**
 * log S(t | alpha, beta) = log B(alpha, beta + t) - log B(alpha, beta)   (Fader & Hardie 2007, S(t) expression of §3).
 *
 * @example
 * Math.exp(sbgLogSurvival(1, 1, 3)); // 1/4
 */
export function sbgLogSurvival(alpha: number, beta: number, t: number): number {
  if (t === 0) return 0;
  // large alpha + beta: the two log-Betas are huge and cancel (1e-5 relative error at 1e12); the product
  // form S(t) = prod_{k<t} (beta + k)/(alpha + beta + k) (FH 2007 eq. 2, recursively) is exact to rounding
  if (t <= PRODUCT_PERIODS || (alpha + beta > 1e6 && t <= 1e6)) return sbgLogRatioProduct(alpha, beta, 0, t);
  return betaln(alpha, beta + t) - betaln(alpha, beta);
}

/** Periods up to which log S(t) and log P(T = t) are summed term by term rather than from log-Betas. */
const PRODUCT_PERIODS = 64;

/**
 * sum_{k = from}^{to - 1} log((beta + k)/(alpha + beta + k)): log1p(-alpha/(alpha + beta + k)) while that
 * share is under one half, the plain ratio's log above it (where 1 - share would lose digits).
 */
function sbgLogRatioProduct(alpha: number, beta: number, from: number, to: number): number {
  let s = 0;
  for (let k = from; k < to; k++) {
    const share = alpha / (alpha + beta + k);
    s += share < 0.5 ? Math.log1p(-share) : Math.log(beta + k) - Math.log(alpha + beta + k);
  }
  return s;
}

/**
 * log P(T = t | alpha, beta) = log B(alpha + 1, beta + t - 1) - log B(alpha, beta), t >= 1   (Fader & Hardie 2007, P(T=t) of §3).
 *
 * @example
 * Math.exp(sbgLogChurn(1, 1, 2)); // 1/6
 */
export function sbgLogChurn(alpha: number, beta: number, t: number): number {
  // P(T = t) = alpha/(alpha + beta + t - 1) · S(t - 1): the product form where the log-Betas would cancel (see sbgLogSurvival)
  if (t - 1 <= PRODUCT_PERIODS || (alpha + beta > 1e6 && t <= 1e6)) return Math.log(alpha / (alpha + beta + t - 1)) + sbgLogRatioProduct(alpha, beta, 0, t - 1);
  return betaln(alpha + 1, beta + t - 1) - betaln(alpha, beta);
}

/**
 * 2F1(1, b; c; z) for b, c > 0 and 0 <= z <= 1, by its power series (all terms positive, so no cancellation);
 * the tail is bounded geometrically. At z = 1 the Gauss sum (c - 1) / (c - 1 - b) when c > b + 1, else Infinity.
 * Falls back to stdlib's hyp2f1 when z is so close to 1 that the series would need more than 10^7 terms.
 *
 * @example
 * hyp2f1UnitA(1, 2, 0.5); // -ln(1 - 0.5) / 0.5 = 1.3863
 */
export function hyp2f1UnitA(b: number, c: number, z: number): number {
  if (!(b > 0 && c > 0 && z >= 0 && z <= 1)) throw new ClvkitError(`2F1(1, b; c; z) needs b, c > 0 and 0 <= z <= 1 (got b=${b}, c=${c}, z=${z})`);
  if (z === 1) return c > b + 1 ? (c - 1) / (c - 1 - b) : Infinity;
  let term = 1;
  let sum = 1;
  for (let j = 0; j < 10_000_000; j++) {
    const ratio = ((b + j) / (c + j)) * z;
    term *= ratio;
    sum += term;
    // Ratios move monotonically towards z, so later ratios are at most max(ratio, z).
    const rho = Math.max(ratio, z);
    if (rho < 1 && (term * rho) / (1 - rho) <= 1e-16 * sum) return sum;
  }
  return stdlibHyp2f1(1, b, c, z);
}

/**
 * DERL in closed form for the sBG: (beta + n) / (alpha + beta + n) * 2F1(1, beta + n + 1; alpha + beta + n + 1; 1/(1+d))
 * for a customer who has made n renewals (Fader & Hardie 2010, Marketing Science 29(1), DERL expression with n-1 renewals).
 * With d = 0 it is (beta + n)/(alpha - 1) when alpha > 1, else Infinity.
 *
 * @example
 * sbgDiscountedExpectedResidualLifetime({ alpha: 1, beta: 1 }, 0.1, 0);
 */
export function sbgDiscountedExpectedResidualLifetime(params: SbgParams, d: number, renewals = 0): number {
  const { alpha, beta } = params;
  if (d === 0) return alpha > 1 ? (beta + renewals) / (alpha - 1) : Infinity;
  return ((beta + renewals) / (alpha + beta + renewals)) * hyp2f1UnitA(beta + renewals + 1, alpha + beta + renewals + 1, 1 / (1 + d));
}

/**
 * An sBG model from known parameters (no fit): the curves and projections.
 *
 * @example
 * const m = sbgModel({ alpha: 0.704, beta: 1.182 });
 * m.projectSurvivors(12, 1000); // expected survivors at the start of years 0..12
 */
export function sbgModel(params: SbgParams, fit?: Omit<SbgModel, keyof RetentionCurves | 'params' | 'model'>): SbgModel {
  const { alpha, beta } = params;
  checkParams(params);
  const curves = retentionCurves(
    (t) => sbgLogSurvival(alpha, beta, t),
    (d, n) => sbgDiscountedExpectedResidualLifetime(params, d, n),
  );
  return {
    model: 'sbg',
    params: { alpha, beta },
    logLikelihood: fit?.logLikelihood ?? NaN,
    standardErrors: fit?.standardErrors ?? { alpha: NaN, beta: NaN },
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
 * Total sBG log-likelihood of survivor counts and its gradient with respect to (alpha, beta).
 *
 * @example
 * const grad = new Float64Array(2);
 * const ll = sbgLogLikelihood([{ alive: [1000, 631, 468] }], 0.7, 1.2, grad); // grad = d ll / d (alpha, beta)
 */
export function sbgLogLikelihood(cohorts: { alive: number[] }[], alpha: number, beta: number, grad?: Float64Array): number {
  const ll = retentionLogLikelihood(
    cohorts,
    (t) => sbgLogSurvival(alpha, beta, t),
    (t) => sbgLogChurn(alpha, beta, t),
  );
  if (grad) {
    // d/da log B(a, b) = psi(a) - psi(a + b); d/db log B(a, b) = psi(b) - psi(a + b).
    const pab = digamma(alpha + beta);
    const dA0 = digamma(alpha) - pab;
    const dB0 = digamma(beta) - pab;
    let ga = 0;
    let gb = 0;
    for (const { alive } of cohorts) {
      const m = alive.length - 1;
      for (let t = 1; t <= m; t++) {
        const lost = alive[t - 1] - alive[t];
        if (lost <= 0) continue;
        const s = digamma(alpha + beta + t);
        ga += lost * (digamma(alpha + 1) - s - dA0);
        gb += lost * (digamma(beta + t - 1) - s - dB0);
      }
      if (alive[m] > 0 && m > 0) {
        const s = digamma(alpha + beta + m);
        ga += alive[m] * (digamma(alpha) - s - dA0);
        gb += alive[m] * (digamma(beta + m) - s - dB0);
      }
    }
    grad[0] = ga;
    grad[1] = gb;
  }
  return ll;
}

/**
 * Fit the sBG by maximum likelihood to survivor counts (Fader & Hardie 2007). Several cohorts share the parameters.
 *
 * @example
 * const fitted = fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]);
 * fitted.params; // { alpha: 0.704, beta: 1.182 } as published for the "regular" customers
 * fitted.projectSurvivors(12, 1000);
 */
export function fitSbg(input: RetentionInput, options: FitOptions = {}): SbgModel {
  const cohorts = toCohorts(input);
  const customers = cohorts.reduce((s, c) => s + c.alive[0], 0);
  const churned = cohorts.reduce((s, c) => s + (c.alive[0] - c.alive[c.alive.length - 1]), 0);
  if (!(churned > 0)) throw new ClvkitError('no customer churned in the data: the sBG cannot be identified (retention looks like 100%)');
  const base = fitRetentionModel<SbgParams>(
    'sbg',
    {
      names: ['alpha', 'beta'],
      initial: [1, 1],
      logLikelihood: (p) => sbgLogLikelihood(cohorts, p[0], p[1]),
      gradient: (p, g) => sbgLogLikelihood(cohorts, p[0], p[1], g),
      observations: customers,
    },
    options,
  );
  return sbgModel(base.params, {
    ...base,
    cohorts: cohorts.map((c) => ({ name: c.name, periods: c.alive.length - 1, size: c.alive[0] })),
  });
}

function checkParams(p: Record<string, number>): void {
  for (const [k, v] of Object.entries(p)) {
    if (!(v > 0) || !Number.isFinite(v)) throw new ClvkitError(`parameter ${k} must be a positive finite number, got ${v}`);
  }
}
