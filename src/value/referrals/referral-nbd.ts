/**
 * The referral count model: each customer refers at a constant rate while a customer; rates vary across
 * customers as a gamma distribution (Poisson-gamma, the NBD of Ehrenberg 1959 / Morrison & Schmittlein
 * 1988), optionally scaled by the customer's purchase behaviour: λ_i = γ_i · exp(β·z_i), γ_i ~ Gamma(r, α).
 * Kumar, Petersen & Leone (2010, JM 74(5)) project each customer's future referrals from a count model on
 * the referral histories; this is that model in its simplest well-founded form.
 */
import { ClvkitError } from '../../errors.ts';
import { maximizeLikelihood } from '../../models/fit.ts';
import { gammaln } from '../../models/special.ts';

/**
 * Referral histories: counts over exposures (model time units), covariates optional.
 *
 * @example
 * const d: ReferralCounts = { counts: [0, 2, 1], exposure: [10, 52, 30] };
 */
export interface ReferralCounts {
  counts: ArrayLike<number>;
  exposure: ArrayLike<number>;
  /** Bootstrap or compression weights (default 1). */
  weights?: ArrayLike<number>;
  /** Covariates, one array per covariate, already centred and scaled (see standardise). */
  covariates?: ArrayLike<number>[];
}

/**
 * A fitted referral count model. `effects[k]` = exp(β_k), the multiplier of the referral rate per
 * standard deviation of covariate k; `standardErrors` are those of r, alpha and the effects.
 *
 * @example
 * const m: ReferralNbd = fitReferralNbd({ counts: [0, 2, 1], exposure: [10, 52, 30] });
 * m.params.r / m.params.alpha; // mean referral rate per time unit
 */
export interface ReferralNbd {
  params: { r: number; alpha: number };
  effects: number[];
  standardErrors: { r: number; alpha: number; effects: number[] };
  covariance: number[][];
  logLikelihood: number;
  converged: boolean;
  customers: number;
  warning?: string;
}

/**
 * log P(N = n | exposure e, r, α): the negative binomial of the Poisson-gamma mixture,
 * Γ(r+n)/(Γ(r) n!) (α/(α+e))^r (e/(α+e))^n (Morrison & Schmittlein 1988, eq. 2 with t = e).
 *
 * @example
 * nbdLogProbability(0, 1, 1, 1); // log(1/2)
 */
export function nbdLogProbability(n: number, e: number, r: number, alpha: number): number {
  let lg = 0;
  // ln Γ(r+n) − ln Γ(r) − ln n!: a short sum for small counts, gammaln beyond
  if (n < 64) for (let j = 0; j < n; j++) lg += Math.log((r + j) / (j + 1));
  else lg = gammaln(r + n) - gammaln(r) - gammaln(n + 1);
  const lae = Math.log(alpha + e);
  return lg + r * (Math.log(alpha) - lae) + (n > 0 ? n * (Math.log(e) - lae) : 0);
}

/**
 * Fit the referral NBD by maximum likelihood (shared engine: BFGS on log parameters, SEs from the
 * observed information). Needs at least one referral; exposures must be > 0.
 *
 * @example
 * const m = fitReferralNbd({ counts, exposure, covariates: [zFrequency] });
 * m.effects[0]; // rate multiplier per sd of the covariate
 */
export function fitReferralNbd(data: ReferralCounts, initial?: { r: number; alpha: number; effects?: number[] }): ReferralNbd {
  const rows = compress(data);
  const k = data.covariates?.length ?? 0;
  let total = 0;
  let customers = 0;
  let exposure = 0;
  for (let i = 0; i < rows.n.length; i++) {
    total += rows.w[i] * rows.n[i];
    customers += rows.w[i];
    exposure += rows.w[i] * rows.e[i];
  }
  if (customers === 0) throw new ClvkitError('the referral model has no customers to fit');
  if (total === 0) throw new ClvkitError('no referrals to fit the referral model on');
  const meanRate = total / exposure;
  const names = ['r', 'alpha', ...Array.from({ length: k }, (_, j) => `effect${j + 1}`)];
  const start = initial ? [initial.r, initial.alpha, ...(initial.effects ?? new Array(k).fill(1))] : [1, 1 / meanRate, ...new Array(k).fill(1)];
  const { n, e, w, z } = rows;
  const m = n.length;
  const scaled = new Float64Array(m);
  const scale = (p: Float64Array): void => {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += Math.log(p[2 + j]) * z[j][i];
      scaled[i] = e[i] * Math.exp(s);
    }
  };
  const res = maximizeLikelihood(
    {
      names,
      initial: start,
      observations: customers,
      logLikelihood: (p) => {
        scale(p);
        let ll = 0;
        for (let i = 0; i < m; i++) ll += w[i] * nbdLogProbability(n[i], scaled[i], p[0], p[1]);
        return ll;
      },
      gradient: (p, g) => {
        scale(p);
        const r = p[0];
        const a = p[1];
        g.fill(0);
        let ll = 0;
        for (let i = 0; i < m; i++) {
          const ni = n[i];
          const ei = scaled[i];
          const wi = w[i];
          ll += wi * nbdLogProbability(ni, ei, r, a);
          const lae = Math.log(a + ei);
          let dr = Math.log(a) - lae;
          // d/dr [ln Γ(r+n) − ln Γ(r)] = Σ_{j<n} 1/(r+j)
          for (let j = 0; j < ni; j++) dr += 1 / (r + j);
          g[0] += wi * dr;
          g[1] += wi * (r / a - (r + ni) / (a + ei));
          if (k > 0) {
            // d ll / d e' = n/e' − (r+n)/(α+e'); d e' / d c_j = e' z_j / c_j
            const de = ni / ei - (r + ni) / (a + ei);
            for (let j = 0; j < k; j++) g[2 + j] += (wi * de * ei * z[j][i]) / p[2 + j];
          }
        }
        return ll;
      },
    },
    { tolerance: 1e-10 },
  );
  const p = res.params;
  return {
    params: { r: p[0], alpha: p[1] },
    effects: Array.from(p.subarray(2)),
    standardErrors: { r: res.standardErrors[0], alpha: res.standardErrors[1], effects: Array.from(res.standardErrors.subarray(2)) },
    covariance: res.covariance,
    logLikelihood: res.logLikelihood,
    converged: res.converged,
    customers,
    warning: res.warning,
  };
}

/**
 * Posterior mean referral rate per time unit of each customer: m_i (r + n_i)/(α + m_i e_i) with
 * m_i = exp(β·z_i) (gamma-Poisson conjugacy; Morrison & Schmittlein 1988).
 *
 * @example
 * expectedReferralRate(fitted, { counts: [2], exposure: [52] })[0];
 */
export function expectedReferralRate(model: Pick<ReferralNbd, 'params' | 'effects'>, data: ReferralCounts): Float64Array {
  const { r, alpha } = model.params;
  const n = data.counts.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mult = multiplier(model.effects, data.covariates, i);
    out[i] = (mult * (r + data.counts[i])) / (alpha + mult * data.exposure[i]);
  }
  return out;
}

/**
 * Log-likelihood of holdout counts given the calibration history: N₂ | n₁ is negative binomial with
 * shape r + n₁ and scale α + m e₁ over exposure m e₂ (the posterior gamma as the new prior).
 *
 * @example
 * holdoutLogLikelihood(fitted, calibration, [1, 0], [26, 26]);
 */
export function holdoutLogLikelihood(
  model: Pick<ReferralNbd, 'params' | 'effects'>,
  calibration: ReferralCounts,
  holdoutCounts: ArrayLike<number>,
  holdoutExposure: ArrayLike<number>,
): number {
  const { r, alpha } = model.params;
  let ll = 0;
  for (let i = 0; i < holdoutCounts.length; i++) {
    const mult = multiplier(model.effects, calibration.covariates, i);
    ll += nbdLogProbability(holdoutCounts[i], mult * holdoutExposure[i], r + calibration.counts[i], alpha + mult * calibration.exposure[i]);
  }
  return ll;
}

/**
 * Centre and scale a covariate (mean 0, sd 1; a constant column becomes all 0).
 *
 * @example
 * standardise([1, 2, 3]); // Float64Array [-1, 0, 1]
 */
export function standardise(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n || 1;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
  const sd = Math.sqrt(ss / Math.max(1, n - 1));
  const out = new Float64Array(n);
  if (sd > 0) for (let i = 0; i < n; i++) out[i] = (x[i] - mean) / sd;
  return out;
}

function multiplier(effects: number[], covariates: ArrayLike<number>[] | undefined, i: number): number {
  if (!covariates || effects.length === 0) return 1;
  let s = 0;
  for (let j = 0; j < effects.length; j++) s += Math.log(effects[j]) * covariates[j][i];
  return Math.exp(s);
}

/** Without covariates, customers with the same (count, exposure) collapse to one weighted row. */
function compress(data: ReferralCounts): { n: Float64Array; e: Float64Array; w: Float64Array; z: ArrayLike<number>[] } {
  const len = data.counts.length;
  if (data.exposure.length !== len) throw new ClvkitError(`referral model: ${data.exposure.length} exposures for ${len} counts`);
  for (let i = 0; i < len; i++) {
    if (!(data.exposure[i] > 0)) throw new ClvkitError(`referral model: exposure of customer ${i + 1} must be > 0, got ${data.exposure[i]}`);
    if (!(data.counts[i] >= 0 && Number.isInteger(data.counts[i]))) throw new ClvkitError(`referral model: count of customer ${i + 1} must be a whole number >= 0`);
  }
  const weight = (i: number) => (data.weights ? data.weights[i] : 1);
  if (data.covariates && data.covariates.length > 0) {
    return { n: Float64Array.from(data.counts), e: Float64Array.from(data.exposure), w: Float64Array.from({ length: len }, (_, i) => weight(i)), z: data.covariates };
  }
  const index = new Map<number, Map<number, number>>();
  const n: number[] = [];
  const e: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < len; i++) {
    const wi = weight(i);
    if (wi === 0) continue;
    let byCount = index.get(data.exposure[i]);
    if (!byCount) index.set(data.exposure[i], (byCount = new Map()));
    const at = byCount.get(data.counts[i]);
    if (at === undefined) {
      byCount.set(data.counts[i], n.length);
      n.push(data.counts[i]);
      e.push(data.exposure[i]);
      w.push(wi);
    } else w[at] += wi;
  }
  return { n: Float64Array.from(n), e: Float64Array.from(e), w: Float64Array.from(w), z: [] };
}
