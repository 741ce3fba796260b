/**
 * Newton's method with Levenberg–Marquardt damping for a log-likelihood over unconstrained
 * parameters (log-shapes and scales, real covariate coefficients) with an analytic Hessian, and the
 * observed-information covariance at the optimum. The shared engine in `../fit.ts` works on strictly
 * positive parameters only, so covariate models use this one.
 */
import { ClvkitError } from '../../errors.ts';

/**
 * A log-likelihood with its gradient and Hessian (row-major k×k) over θ ∈ R^k.
 *
 * @example
 * // N(μ, 1) log-likelihood of one observation 2: maximum at θ = 2
 * const f: SmoothObjective = { k: 1, evaluate: (t, g, h) => { g[0] = 2 - t[0]; h[0] = -1; return -0.5 * (2 - t[0]) ** 2; } };
 */
export interface SmoothObjective {
  k: number;
  /** Fills `grad` and `hess` at θ and returns the log-likelihood (-Infinity or NaN when invalid). */
  evaluate(theta: Float64Array, grad: Float64Array, hess: Float64Array): number;
}

/**
 * Result of `maximizeNewton`: the optimum, the unpenalised log-likelihood there, the covariance of θ
 * (inverse of the negative Hessian of the penalised objective), and why SEs are missing if they are.
 *
 * @example
 * const res: NewtonResult = maximizeNewton(f, [0]);
 */
export interface NewtonResult {
  theta: Float64Array;
  logLikelihood: number;
  covariance: Float64Array;
  /** Hessian of the penalised objective at the optimum (row-major). */
  hessian: Float64Array;
  converged: boolean;
  iterations: number;
  warning?: string;
}

/**
 * Maximises `LL(θ) − Σ_j penalty_j θ_j²` from `start` (L2 regularisation on chosen coordinates).
 *
 * @example
 * maximizeNewton(f, [0]).theta[0]; // 2
 */
export function maximizeNewton(f: SmoothObjective, start: ArrayLike<number>, options: { penalty?: ArrayLike<number>; maxIterations?: number; tolerance?: number; unidentified?: number[] } = {}): NewtonResult {
  const k = f.k;
  const pen = options.penalty ?? new Float64Array(k);
  const maxIt = options.maxIterations ?? 200;
  const tol = options.tolerance ?? 1e-10;
  let theta = Float64Array.from(start);
  const g = new Float64Array(k);
  const H = new Float64Array(k * k);
  const g2 = new Float64Array(k);
  const H2 = new Float64Array(k * k);
  const objective = (t: Float64Array, gg: Float64Array, hh: Float64Array): number => {
    const ll = f.evaluate(t, gg, hh);
    if (!Number.isFinite(ll)) return -Infinity;
    let p = 0;
    for (let j = 0; j < k; j++) {
      if (pen[j] === 0) continue;
      p += pen[j] * t[j] * t[j];
      gg[j] -= 2 * pen[j] * t[j];
      hh[j * k + j] -= 2 * pen[j];
    }
    return ll - p;
  };
  let value = objective(theta, g, H);
  if (!Number.isFinite(value)) throw new ClvkitError('the covariate model cannot be evaluated at its starting point');
  let mu = 1e-6;
  let converged = false;
  let it = 0;
  const A = new Float64Array(k * k);
  const step = new Float64Array(k);
  const trial = new Float64Array(k);
  for (; it < maxIt; it++) {
    // ascent step d from (−H + μ·diag) d = g, μ raised until −H + μ·diag is positive definite
    let accepted = false;
    for (let attempt = 0; attempt < 60; attempt++) {
      for (let q = 0; q < k * k; q++) A[q] = -H[q];
      for (let j = 0; j < k; j++) A[j * k + j] += mu * Math.max(1, Math.abs(H[j * k + j]));
      if (!solveSpd(A, g, step, k)) {
        mu = Math.max(mu * 10, 1e-6);
        continue;
      }
      let maxStep = 0;
      for (let j = 0; j < k; j++) maxStep = Math.max(maxStep, Math.abs(step[j]));
      const scale = maxStep > 4 ? 4 / maxStep : 1; // no jump beyond e^4 in one step
      for (let j = 0; j < k; j++) trial[j] = theta[j] + scale * step[j];
      const v = objective(trial, g2, H2);
      if (v >= value - 1e-12 * (1 + Math.abs(value))) {
        const gain = v - value;
        theta = Float64Array.from(trial);
        value = v;
        g.set(g2);
        H.set(H2);
        mu = Math.max(mu / 10, 1e-12);
        accepted = true;
        let decrement = 0;
        for (let j = 0; j < k; j++) decrement += Math.abs(g[j] * step[j]);
        if (gain <= tol * (1 + Math.abs(value)) && decrement <= 1e-6 * (1 + Math.abs(value))) converged = true;
        break;
      }
      mu = Math.max(mu * 10, 1e-6);
    }
    if (!accepted) {
      // no step improves: converged if the gradient is negligible, stalled otherwise
      let gmax = 0;
      for (let j = 0; j < k; j++) gmax = Math.max(gmax, Math.abs(g[j]));
      converged = gmax <= 1e-5 * (1 + Math.abs(value));
      break;
    }
    if (converged) break;
  }
  const { covariance, warning } = covarianceFromHessian(H, k, options.unidentified ?? []);
  // unpenalised log-likelihood
  const hessian = Float64Array.from(H);
  const ll = f.evaluate(theta, g2, H2);
  return { theta, logLikelihood: ll, covariance, hessian, converged, iterations: it, warning };
}

/**
 * (−H)⁻¹ over the coordinates not listed in `unidentified` (those get NaN rows and columns): the
 * observed-information covariance. All NaN, with a warning, when the rest is not positive definite.
 *
 * @example
 * covarianceFromHessian(Float64Array.of(-4), 1, []).covariance[0]; // 0.25
 */
export function covarianceFromHessian(H: Float64Array, k: number, unidentified: number[]): { covariance: Float64Array; warning?: string } {
  const keep = [...Array(k).keys()].filter((j) => !unidentified.includes(j));
  const m = keep.length;
  const A = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) A[a * m + b] = -H[keep[a] * k + keep[b]];
  const inv = new Float64Array(m * m);
  const cov = new Float64Array(k * k).fill(NaN);
  if (!invertSpdInPlace(A, inv, m)) {
    return { covariance: cov, warning: 'the information matrix is singular at the optimum (a covariate may be collinear with another, or a parameter at the edge of its range): standard errors are unavailable' };
  }
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) cov[keep[a] * k + keep[b]] = inv[a * m + b];
  return { covariance: cov };
}

/** Solves A x = b for symmetric positive definite A (k×k) by Cholesky; false when not PD. */
function solveSpd(A: Float64Array, b: Float64Array, x: Float64Array, k: number): boolean {
  const L = cholesky(A, k);
  if (!L) return false;
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = b[i];
    for (let j = 0; j < i; j++) s -= L[i * k + j] * y[j];
    y[i] = s / L[i * k + i];
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = y[i];
    for (let j = i + 1; j < k; j++) s -= L[j * k + i] * x[j];
    x[i] = s / L[i * k + i];
  }
  return true;
}

function cholesky(A: Float64Array, k: number): Float64Array | undefined {
  const L = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * k + j];
      for (let m = 0; m < j; m++) s -= L[i * k + m] * L[j * k + m];
      if (i === j) {
        if (!(s > 1e-14 * Math.max(1, Math.abs(A[i * k + i])))) return undefined;
        L[i * k + i] = Math.sqrt(s);
      } else L[i * k + j] = s / L[j * k + j];
    }
  }
  return L;
}

function invertSpdInPlace(A: Float64Array, out: Float64Array, k: number): boolean {
  const e = new Float64Array(k);
  const col = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    e.fill(0);
    e[j] = 1;
    if (!solveSpd(A, e, col, k)) return false;
    for (let i = 0; i < k; i++) out[i * k + j] = col[i];
  }
  return true;
}

/**
 * A log-likelihood with its gradient only, over θ ∈ R^k.
 *
 * @example
 * const f: GradientObjective = { k: 1, evaluate: (t, g) => { g[0] = 2 - t[0]; return -0.5 * (2 - t[0]) ** 2; } };
 */
export interface GradientObjective {
  k: number;
  evaluate(theta: Float64Array, grad: Float64Array): number;
}

/**
 * The Hessian by forward differences of an analytic gradient (k extra evaluations), symmetrised.
 *
 * @example
 * const H = hessianByDifferences(f, theta, g0);
 */
export function hessianByDifferences(f: GradientObjective, theta: Float64Array, g0: Float64Array, step = 1e-5): Float64Array {
  const k = f.k;
  const H = new Float64Array(k * k);
  const t = new Float64Array(k);
  const g = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    t.set(theta);
    const h = step * Math.max(1, Math.abs(theta[j]));
    t[j] += h;
    f.evaluate(t, g);
    for (let i = 0; i < k; i++) H[i * k + j] = (g[i] - g0[i]) / h;
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      const m = 0.5 * (H[i * k + j] + H[j * k + i]);
      H[i * k + j] = m;
      H[j * k + i] = m;
    }
  }
  return H;
}

/**
 * Maximises a smooth log-likelihood by BFGS from `start`, with `hessian0` (the Hessian at the start,
 * e.g. by differences) as the first curvature, an Armijo backtracking line search, and steps capped
 * at 4 on the θ scale. Returns the optimum, its gradient and the iteration count.
 *
 * @example
 * const res = maximizeBfgs(f, Float64Array.of(0), hessianByDifferences(f, Float64Array.of(0), g0));
 */
export function maximizeBfgs(
  f: GradientObjective,
  start: Float64Array,
  hessian0: Float64Array,
  options: { maxIterations?: number; tolerance?: number; limits?: ArrayLike<number>; initial?: { value: number; grad: ArrayLike<number> } } = {},
): { theta: Float64Array; value: number; grad: Float64Array; converged: boolean; iterations: number; frozen: number[] } {
  const k = f.k;
  const maxIt = options.maxIterations ?? 200;
  const tol = options.tolerance ?? 1e-9;
  let theta = Float64Array.from(start);
  const g = new Float64Array(k);
  // the value and gradient at the start when the caller has them (from the evaluation of hessian0)
  let value = options.initial ? options.initial.value : f.evaluate(theta, g);
  if (options.initial) g.set(options.initial.grad);
  if (!Number.isFinite(value)) throw new ClvkitError('the covariate model cannot be evaluated at its starting point');
  // inverse of the negative Hessian, or a scaled identity when that is not positive definite
  let B = new Float64Array(k * k);
  const negH = new Float64Array(k * k);
  for (let q = 0; q < k * k; q++) negH[q] = -hessian0[q];
  if (!invertSpdInPlace(negH, B, k)) {
    B.fill(0);
    for (let j = 0; j < k; j++) B[j * k + j] = 1 / Math.max(1, Math.abs(hessian0[j * k + j]));
  }
  const d = new Float64Array(k);
  const trial = new Float64Array(k);
  const g2 = new Float64Array(k);
  const sv = new Float64Array(k);
  const yv = new Float64Array(k);
  const By = new Float64Array(k);
  let converged = false;
  let it = 0;
  // a coordinate past its limit (a coefficient running off to ±∞ along a flat likelihood) is frozen
  // there and the others optimised given it
  const frozen: number[] = [];
  const freeze = () => {
    if (!options.limits) return;
    for (let j = 0; j < k; j++) {
      if (frozen.includes(j) || !(Math.abs(theta[j]) > options.limits[j])) continue;
      frozen.push(j);
      for (let i = 0; i < k; i++) {
        B[i * k + j] = 0;
        B[j * k + i] = 0;
      }
    }
  };
  for (; it < maxIt; it++) {
    freeze();
    for (const j of frozen) g[j] = 0;
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += B[i * k + j] * g[j];
      d[i] = s;
    }
    let slope = 0;
    let maxStep = 0;
    for (let j = 0; j < k; j++) {
      slope += g[j] * d[j];
      maxStep = Math.max(maxStep, Math.abs(d[j]));
    }
    if (!(slope > 0)) {
      // not an ascent direction: restart from the gradient (converged when it is zero)
      if (slope === 0) {
        converged = true;
        break;
      }
      B.fill(0);
      for (let j = 0; j < k; j++) if (!frozen.includes(j)) B[j * k + j] = 1e-3;
      continue;
    }
    if (slope <= tol * (1 + Math.abs(value))) {
      converged = true;
      break;
    }
    let t = maxStep > 4 ? 4 / maxStep : 1;
    let v = -Infinity;
    for (let ls = 0; ls < 40; ls++) {
      for (let j = 0; j < k; j++) trial[j] = theta[j] + t * d[j];
      v = f.evaluate(trial, g2);
      if (Number.isFinite(v) && v >= value + 1e-4 * t * slope) break;
      t *= 0.5;
      v = -Infinity;
    }
    if (!Number.isFinite(v)) {
      converged = slope <= 1e-6 * (1 + Math.abs(value));
      break;
    }
    for (let j = 0; j < k; j++) {
      sv[j] = trial[j] - theta[j];
      yv[j] = g[j] - g2[j]; // gradient change of the minimised −LL
    }
    theta = Float64Array.from(trial);
    const gain = v - value;
    value = v;
    g.set(g2);
    for (const j of frozen) {
      g[j] = 0;
      yv[j] = 0;
      sv[j] = 0;
    }
    let sy = 0;
    for (let j = 0; j < k; j++) sy += sv[j] * yv[j];
    if (sy > 1e-12) {
      // BFGS update of the inverse Hessian: B ← (I − ρ s yᵀ) B (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      let yBy = 0;
      for (let i = 0; i < k; i++) {
        let s = 0;
        for (let j = 0; j < k; j++) s += B[i * k + j] * yv[j];
        By[i] = s;
        yBy += yv[i] * s;
      }
      const Bn = new Float64Array(k * k);
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          Bn[i * k + j] = B[i * k + j] - rho * (sv[i] * By[j] + By[i] * sv[j]) + (rho * rho * yBy + rho) * sv[i] * sv[j];
        }
      }
      B = Bn;
    }
    if (gain >= 0 && gain <= 1e-14 * (1 + Math.abs(value)) && slope <= 1e-6 * (1 + Math.abs(value))) {
      converged = true;
      break;
    }
  }
  return { theta, value, grad: g, converged, iterations: it, frozen };
}

/**
 * The Newton step (−H)⁻¹ g of a log-likelihood, or undefined when −H is not positive definite.
 *
 * @example
 * newtonStep(Float64Array.of(-2), Float64Array.of(1), 1); // [0.5]
 */
export function newtonStep(H: Float64Array, g: Float64Array, k: number): Float64Array | undefined {
  const A = Float64Array.from(H, (v) => -v);
  const x = new Float64Array(k);
  return solveSpd(A, g, x, k) ? x : undefined;
}
