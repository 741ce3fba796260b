/**
 * Parameter sets that carry the estimation uncertainty of a fit into its predictions:
 * - `normalParameterDraws`: draws from the asymptotic normal of the estimates on the fitting scale (the log of
 *   every parameter, where the optimiser works): θ ~ N(log θ̂, D⁻¹ Σ D⁻¹) with Σ the natural-scale covariance
 *   (inverse observed information) and D = diag(θ̂), the delta method, exact at the maximum where the gradient
 *   is zero (Casella & Berger 2002, §10.1.4; draws of the parameters as in King, Tomz & Wittenberg 2000).
 * - `bootstrapParameterDraws`: refits on customers resampled with replacement (Efron & Tibshirani 1993, ch. 6),
 *   as multinomial weights on the summary rows.
 */
import { ClvkitError } from '../errors.ts';
import type { Rng } from '../random.ts';
import type { FitResultBase } from '../models/types.ts';

/**
 * The lower-triangular Cholesky factor L of a symmetric positive definite matrix (A = L Lᵀ), or undefined
 * when A is not positive definite.
 *
 * @example
 * cholesky([[4, 2], [2, 3]]); // [[2, 0], [1, 1.414...]]
 */
export function cholesky(A: number[][]): number[][] | undefined {
  const n = A.length;
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return undefined;
        L[i][i] = Math.sqrt(s);
      } else L[i][j] = s / L[j][j];
    }
  }
  return L;
}

/**
 * `draws` parameter sets from the asymptotic normal of a fit on the log scale (see the module comment).
 * Parameters without a standard error (CNBD-k's k, a whole number chosen by likelihood) are held at their
 * estimate. Throws when the fit has no usable covariance (then use the bootstrap).
 *
 * @example
 * const sets = normalParameterDraws(fitBgNbd(summary), 200, createRng(1));
 * sets[0].r;
 */
export function normalParameterDraws(fitted: Pick<FitResultBase<Record<string, number>>, 'model' | 'params' | 'standardErrors' | 'covariance'>, draws: number, rng: Rng): Record<string, number>[] {
  const names = Object.keys(fitted.standardErrors);
  const cov = fitted.covariance;
  if (!cov || cov.length !== names.length) {
    throw new ClvkitError(`${fitted.model}: the fit has no covariance matrix (standard errors could not be computed), so parameter draws are impossible: use the bootstrap (--interval-method bootstrap)`);
  }
  const theta = names.map((n) => fitted.params[n]);
  // Σ_log = D⁻¹ Σ D⁻¹, D = diag(θ̂): the delta method for log θ
  const logCov = cov.map((row, i) => row.map((v, j) => v / (theta[i] * theta[j])));
  const L = cholesky(logCov);
  if (!L) throw new ClvkitError(`${fitted.model}: the covariance of the estimates is not positive definite, so parameter draws are impossible: use the bootstrap (--interval-method bootstrap)`);
  const out: Record<string, number>[] = [];
  const z = new Float64Array(names.length);
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < z.length; i++) z[i] = rng.normal();
    const p: Record<string, number> = { ...fitted.params };
    for (let i = 0; i < names.length; i++) {
      let e = 0;
      for (let k = 0; k <= i; k++) e += L[i][k] * z[k];
      p[names[i]] = theta[i] * Math.exp(e);
    }
    out.push(p);
  }
  return out;
}

/**
 * Resampled customers as multinomial weights: `n` draws with replacement from `n` customers (a weight per customer).
 *
 * @example
 * const w = resampleWeights(1000, createRng(1)); // sums to 1000
 */
export function resampleWeights(n: number, rng: Rng, into = new Float64Array(n)): Float64Array {
  into.fill(0);
  for (let k = 0; k < n; k++) into[rng.integer(n)]++;
  return into;
}

/**
 * `draws` parameter sets from refits on customers resampled with replacement; a refit that fails is skipped
 * and counted (more than half failing is an error).
 *
 * @example
 * const { sets, failed } = await bootstrapParameterDraws(2357, (w) => fitBgNbd({ ...summary, weights: w }).params, 200, createRng(1));
 */
export async function bootstrapParameterDraws<S>(
  customers: number,
  refit: (weights: Float64Array) => Promise<S> | S,
  draws: number,
  rng: Rng,
  onProgress?: (done: number, total: number) => void,
): Promise<{ sets: S[]; failed: number }> {
  const sets: S[] = [];
  let failed = 0;
  const w = new Float64Array(customers);
  for (let b = 0; b < draws; b++) {
    resampleWeights(customers, rng, w);
    try {
      sets.push(await refit(w));
    } catch (e) {
      if (!(e instanceof ClvkitError)) throw e;
      if (++failed > draws / 2) throw new ClvkitError(`bootstrap: ${failed} of ${b + 1} refits failed (last: ${e.message})`);
    }
    onProgress?.(b + 1, draws);
  }
  return { sets, failed };
}
