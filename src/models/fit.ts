/**
 * The shared maximum-likelihood engine (DESIGN.md §1 "Models"): BFGS on transformed parameters
 * (log for positive parameters, logit for parameters with an upper bound), analytic gradients when
 * the model gives them (central differences otherwise), several starts and a Nelder-Mead polish as
 * fallback, standard errors from the observed information (numerical Hessian at the optimum,
 * in natural parameters), AIC and BIC.
 */
import { ClvkitError } from '../errors.ts';
import type { FitOptions, FitResultBase } from './types.ts';
import type { SummaryData } from '../types.ts';
import { compressSummary, distinctDoubles } from '../summary/compress.ts';
import { mapFloat64, mapInt32 } from '../typed-map.ts';

/**
 * A log-likelihood to maximise over strictly positive natural parameters.
 *
 * @example
 * // Poisson rate lambda from counts 2, 3, 4 (MLE = 3)
 * const problem: LikelihoodProblem = {
 *   names: ['lambda'], initial: [1], observations: 3,
 *   logLikelihood: (p) => 9 * Math.log(p[0]) - 3 * p[0],
 * };
 */
export interface LikelihoodProblem {
  /** Natural parameter names in order, all strictly positive. */
  names: string[];
  /** Natural-scale start. */
  initial: number[];
  /** Total weighted log-likelihood at natural-scale params; may return -Infinity/NaN for invalid points. */
  logLikelihood(params: Float64Array): number;
  /** Optional analytic gradient wrt NATURAL params written into `grad`; returns the log-likelihood. */
  gradient?(params: Float64Array, grad: Float64Array): number;
  /** n for BIC (sum of weights). */
  observations: number;
  /** L2 penalty on the natural params: the engine maximises LL - penalizer * sum(params^2) (as lifetimes). */
  penalizer?: number;
  /** Optional upper bounds (e.g. a parameter in (0,1)); such parameters are optimised on the logit scale. */
  upperBounds?: (number | undefined)[];
  /**
   * Optional analytic Hessian of the log-likelihood wrt NATURAL params, written row-major into
   * `hess` (k*k); used for Newton steps and the standard errors instead of differencing the
   * gradient. When `grad` is given it may also fill the gradient and return the log-likelihood
   * (one pass over the data); returning nothing makes the engine call `gradient` as well.
   */
  hessian?(params: Float64Array, hess: Float64Array, grad?: Float64Array): number | void;
  /**
   * Optional cheaper approximation of the same log-likelihood (e.g. a reweighted subsample of the
   * rows): the engine maximises it first and starts the full problem from its optimum and its
   * inverse-Hessian approximation, which saves most full evaluations on large data.
   */
  coarse?: LikelihoodProblem;
  /**
   * Optional approximation of the log-likelihood's Hessian in NATURAL params near `initial` (k*k, e.g. a
   * nested model's at its optimum): the first quasi-Newton run starts from its inverse instead of a
   * scaled identity, which saves the iterations BFGS spends learning the curvature. Ignored unless the
   * resulting matrix is positive definite.
   */
  curvature?: number[][];
}

/**
 * Result of `maximizeLikelihood`. `logLikelihood` is the unpenalised log-likelihood at the optimum;
 * `standardErrors` and `covariance` come from the Hessian of the maximised (penalised) objective.
 *
 * @example
 * const res: MaximizeResult = maximizeLikelihood(problem);
 * res.params[0]; res.standardErrors[0];
 */
export interface MaximizeResult {
  params: Float64Array;
  logLikelihood: number;
  standardErrors: Float64Array;
  covariance: number[][];
  converged: boolean;
  iterations: number;
  aic: number;
  bic: number;
  /** Why standard errors are NaN, or why convergence is doubtful. */
  warning?: string;
}

/**
 * Options of `maximizeLikelihood`.
 *
 * @example
 * maximizeLikelihood(problem, { maxIterations: 200, tolerance: 1e-10, starts: 3 });
 */
export interface MaximizeOptions {
  maxIterations?: number;
  tolerance?: number;
  starts?: number;
  /** false: no observed information (standard errors NaN), which saves 2k gradient evaluations when the caller does not use them. */
  standardErrors?: boolean;
}

/** The default convergence test: the gradient on the optimiser's (log) scale within DEFAULT_TOL (1 + |LL|). */
export const DEFAULT_TOL = 1e-9;
const MAX_THETA_STEP = 4; // largest move of one transformed parameter in one line-search step
const BOUND_THETA = 18; // |log parameter| beyond which a parameter is taken as drifting to a bound (e^18 = 6.6e7)
const THETA_WALL = 30; // transformed parameters are kept within ±30 (natural 1e-13 .. 1e13): a wall, not a prior

/** Maps between natural parameters and the unconstrained optimisation scale. */
class Transform {
  constructor(readonly upper: (number | undefined)[]) {}
  toTheta(p: ArrayLike<number>, out: Float64Array): void {
    for (let i = 0; i < out.length; i++) {
      const u = this.upper[i];
      if (u === undefined) out[i] = Math.log(p[i]);
      else {
        const q = p[i] / u;
        out[i] = Math.log(q) - Math.log1p(-q);
      }
    }
  }
  toNatural(theta: ArrayLike<number>, out: Float64Array): void {
    for (let i = 0; i < out.length; i++) {
      const u = this.upper[i];
      if (u === undefined) out[i] = Math.exp(theta[i]);
      else out[i] = u / (1 + Math.exp(-theta[i]));
    }
  }
  /** d natural / d theta at natural value p. */
  jac(p: number, i: number): number {
    const u = this.upper[i];
    if (u === undefined) return p;
    return p * (1 - p / u);
  }
}

/** Negative penalised objective on the theta scale, with gradient. */
class Objective {
  readonly k: number;
  readonly tr: Transform;
  readonly pen: number;
  evaluations = 0;
  private readonly p: Float64Array;
  private readonly gp: Float64Array;
  private readonly tmp: Float64Array;

  constructor(readonly problem: LikelihoodProblem) {
    this.k = problem.names.length;
    this.tr = new Transform(problem.upperBounds ?? new Array(this.k).fill(undefined));
    this.pen = problem.penalizer ?? 0;
    this.p = new Float64Array(this.k);
    this.gp = new Float64Array(this.k);
    this.tmp = new Float64Array(this.k);
  }

  /** Penalised log-likelihood at natural p. */
  penalised(p: Float64Array): number {
    const ll = this.problem.logLikelihood(p);
    return ll - this.penalty(p);
  }

  penalty(p: ArrayLike<number>): number {
    if (this.pen === 0) return 0;
    let s = 0;
    for (let i = 0; i < this.k; i++) s += p[i] * p[i];
    return this.pen * s;
  }

  /** f(theta) = -(LL - penalty); returns +Infinity for invalid points. */
  value(theta: Float64Array): number {
    if (beyondWall(theta)) return Infinity;
    this.evaluations++;
    this.tr.toNatural(theta, this.p);
    if (!allPositiveFinite(this.p)) return Infinity;
    const v = -this.penalised(this.p);
    return Number.isFinite(v) ? v : Infinity;
  }

  /** f and its gradient wrt theta (written into g). */
  valueGrad(theta: Float64Array, g: Float64Array): number {
    if (beyondWall(theta)) {
      g.fill(NaN);
      return Infinity;
    }
    this.tr.toNatural(theta, this.p);
    if (!allPositiveFinite(this.p)) {
      g.fill(NaN);
      return Infinity;
    }
    const { problem } = this;
    let ll: number;
    if (problem.gradient) {
      this.evaluations++;
      ll = problem.gradient(this.p, this.gp);
      if (!Number.isFinite(ll)) {
        g.fill(NaN);
        return Infinity;
      }
      ll -= this.penalty(this.p);
      for (let i = 0; i < this.k; i++) {
        const dp = this.gp[i] - 2 * this.pen * this.p[i];
        g[i] = -dp * this.tr.jac(this.p[i], i);
      }
      return -ll;
    }
    // central differences on the theta scale
    const f0 = this.value(theta);
    if (!Number.isFinite(f0)) {
      g.fill(NaN);
      return Infinity;
    }
    const t = this.tmp;
    for (let i = 0; i < this.k; i++) {
      t.set(theta);
      const h = 1e-5 * Math.max(1, Math.abs(theta[i]));
      t[i] = theta[i] + h;
      const fp = this.value(t);
      t[i] = theta[i] - h;
      const fm = this.value(t);
      if (Number.isFinite(fp) && Number.isFinite(fm)) g[i] = (fp - fm) / (2 * h);
      else if (Number.isFinite(fm)) g[i] = (f0 - fm) / h;
      else if (Number.isFinite(fp)) g[i] = (fp - f0) / h;
      else g[i] = NaN;
    }
    return f0;
  }

  /**
   * f, its gradient and Hessian wrt theta (requires the problem's analytic Hessian):
   * ∇²f = -(J H_p J + diag(g_p ⊙ p'')), J = diag(dp/dθ).
   */
  valueGradHess(theta: Float64Array, g: Float64Array, H: Float64Array): number {
    const { problem, k } = this;
    this.tr.toNatural(theta, this.p);
    if (!allPositiveFinite(this.p) || !problem.hessian || !problem.gradient) return Infinity;
    this.evaluations++;
    const both = problem.hessian(this.p, H, this.gp);
    let ll = typeof both === 'number' ? both : problem.gradient(this.p, this.gp);
    if (!Number.isFinite(ll)) return Infinity;
    ll -= this.penalty(this.p);
    const jac = this.tmp;
    for (let i = 0; i < k; i++) {
      const pi = this.p[i];
      jac[i] = this.tr.jac(pi, i);
      this.gp[i] -= 2 * this.pen * pi;
      H[i * k + i] -= 2 * this.pen;
    }
    for (let i = 0; i < k; i++) {
      const u = this.tr.upper[i];
      const second = u === undefined ? this.p[i] : jac[i] * (1 - (2 * this.p[i]) / u);
      for (let j = 0; j < k; j++) H[i * k + j] = -H[i * k + j] * jac[i] * jac[j];
      H[i * k + i] -= this.gp[i] * second;
      g[i] = -this.gp[i] * jac[i];
    }
    for (const v of H) if (!Number.isFinite(v)) return Infinity;
    return -ll;
  }
}

/**
 * A parameter has drifted towards a bound (|θ| > BOUND_THETA) where the likelihood is nearly flat
 * (small gradient relative to the objective): the supremum is approached in the limit. An unbounded
 * likelihood has a large gradient there and does not qualify.
 */
function atBound(theta: Float64Array, g: Float64Array, f: number): boolean {
  const n = infNorm(g);
  return infNorm(theta) > BOUND_THETA && Number.isFinite(n) && n <= 1e-3 * (1 + Math.abs(f));
}

function beyondWall(theta: Float64Array): boolean {
  for (let i = 0; i < theta.length; i++) if (Math.abs(theta[i]) > THETA_WALL) return true;
  return false;
}

function allPositiveFinite(p: Float64Array): boolean {
  for (let i = 0; i < p.length; i++) if (!(p[i] > 0) || !Number.isFinite(p[i])) return false;
  return true;
}

function infNorm(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (!(a <= m)) m = a; // NaN propagates as NaN
  }
  return m;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

interface LocalResult {
  theta: Float64Array;
  f: number;
  iterations: number;
  converged: boolean;
  /** Final inverse-Hessian approximation on the theta scale (BFGS only). */
  H?: Float64Array;
  /** Converged only in the sense that a parameter drifted to a bound of the parameter space. */
  boundary?: boolean;
}

function gradientConverged(g: Float64Array, f: number, tol: number): boolean {
  const n = infNorm(g);
  return Number.isFinite(n) && n <= tol * (1 + Math.abs(f));
}

/** BFGS with a backtracking (Armijo, then interpolation) line search on the theta scale. */
function bfgs(obj: Objective, theta0: Float64Array, maxIter: number, tol: number, h0?: Float64Array): LocalResult {
  const k = obj.k;
  const x = Float64Array.from(theta0);
  const g = new Float64Array(k);
  let f = obj.valueGrad(x, g);
  if (!Number.isFinite(f) || !Number.isFinite(infNorm(g))) return { theta: x, f: Infinity, iterations: 0, converged: false };
  const H = new Float64Array(k * k); // inverse Hessian approximation
  const resetH = (scale: number) => {
    H.fill(0);
    for (let i = 0; i < k; i++) H[i * k + i] = scale;
  };
  if (h0) H.set(h0);
  else resetH(1 / Math.max(1, infNorm(g)));
  const d = new Float64Array(k);
  const xn = new Float64Array(k);
  const gn = new Float64Array(k);
  const s = new Float64Array(k);
  const y = new Float64Array(k);
  const Hy = new Float64Array(k);
  let iter = 0;
  let resets = 0;
  let smallSteps = 0;
  const history: number[] = [];
  while (iter < maxIter) {
    if (gradientConverged(g, f, tol)) return { theta: x, f, iterations: iter, converged: true, H };
    // drift to a bound: a parameter beyond e^±18 while f has stopped improving (the supremum is
    // approached only in the limit; the caller reports the parameter in a warning)
    history.push(f);
    if (iter >= 20 && atBound(x, g, f) && history[history.length - 11] - f <= 1e-7 * (1 + Math.abs(f))) {
      return { theta: x, f, iterations: iter, converged: true, H, boundary: true };
    }
    iter++;
    // d = -H g
    for (let i = 0; i < k; i++) {
      let v = 0;
      for (let j = 0; j < k; j++) v -= H[i * k + j] * g[j];
      d[i] = v;
    }
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // not a descent direction: steepest descent
      resetH(1 / Math.max(1, infNorm(g)));
      for (let i = 0; i < k; i++) d[i] = -H[i * k + i] * g[i];
      slope = dot(g, d);
    }
    const dmax = infNorm(d);
    let alpha = dmax > MAX_THETA_STEP ? MAX_THETA_STEP / dmax : 1;
    let fn = Infinity;
    let accepted = false;
    for (let ls = 0; ls < 60; ls++) {
      for (let i = 0; i < k; i++) xn[i] = x[i] + alpha * d[i];
      fn = obj.valueGrad(xn, gn);
      // Armijo, or (at the optimum, where f changes below its rounding) a step that shrinks the gradient
      const flat = fn - f <= 1e-13 * Math.abs(f) && infNorm(gn) < infNorm(g);
      if (Number.isFinite(fn) && Number.isFinite(infNorm(gn)) && (fn <= f + 1e-4 * alpha * slope || flat)) {
        accepted = true;
        break;
      }
      if (!Number.isFinite(fn)) alpha *= 0.1;
      else {
        // quadratic interpolation of f along d, safeguarded
        const denom = 2 * (fn - f - slope * alpha);
        let an = denom > 0 ? (-slope * alpha * alpha) / denom : alpha * 0.5;
        if (!(an >= 0.1 * alpha)) an = 0.1 * alpha;
        if (an > 0.5 * alpha) an = 0.5 * alpha;
        alpha = an;
      }
      if (alpha * dmax < 1e-16) break;
    }
    if (!accepted) {
      if (gradientConverged(g, f, Math.max(tol, 1e-7))) return { theta: x, f, iterations: iter, converged: true, H };
      if (resets++ < 2) {
        resetH(1 / Math.max(1, infNorm(g)));
        continue;
      }
      if (atBound(x, g, f)) return { theta: x, f, iterations: iter, converged: true, H, boundary: true };
      return { theta: x, f, iterations: iter, converged: false, H };
    }
    for (let i = 0; i < k; i++) {
      s[i] = xn[i] - x[i];
      y[i] = gn[i] - g[i];
    }
    const fPrev = f;
    x.set(xn);
    g.set(gn);
    f = fn;
    // stalled: no measurable progress in f nor x for several steps
    if (Math.abs(fPrev - f) <= 1e-15 * (1 + Math.abs(f)) && infNorm(s) <= 1e-13) {
      if (++smallSteps >= 3) return { theta: x, f, iterations: iter, converged: gradientConverged(g, f, Math.max(tol, 1e-7)), H };
    } else smallSteps = 0;
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (iter === 1 && !h0) {
        const scale = sy / dot(y, y);
        resetH(scale);
      }
      // H <- (I - rho s y') H (I - rho y s') + rho s s'
      const rho = 1 / sy;
      for (let i = 0; i < k; i++) {
        let v = 0;
        for (let j = 0; j < k; j++) v += H[i * k + j] * y[j];
        Hy[i] = v;
      }
      const yHy = dot(y, Hy);
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          H[i * k + j] += -rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
        }
      }
    }
  }
  if (!gradientConverged(g, f, tol) && atBound(x, g, f)) return { theta: x, f, iterations: iter, converged: true, H, boundary: true };
  return { theta: x, f, iterations: iter, converged: gradientConverged(g, f, tol), H };
}

/**
 * Newton's method on the theta scale with the analytic Hessian and a backtracking line search;
 * gives up (not converged) as soon as the Hessian is not positive definite, leaving BFGS to continue.
 */
/** Relative size of f - f* below which Newton stops: about the rounding noise of a likelihood summed over ~1e6 rows. */
const DECREMENT_TOL = 1e-13;

function newton(obj: Objective, theta0: Float64Array, maxIter: number, tol: number): LocalResult {
  const k = obj.k;
  const x = Float64Array.from(theta0);
  const g = new Float64Array(k);
  const H = new Float64Array(k * k);
  const xn = new Float64Array(k);
  const d = new Float64Array(k);
  const gn = new Float64Array(k);
  const Hn = new Float64Array(k * k);
  let f = obj.valueGradHess(x, g, H);
  let iter = 0;
  while (Number.isFinite(f) && iter < maxIter) {
    if (gradientConverged(g, f, tol)) return { theta: x, f, iterations: iter, converged: true };
    iter++;
    const Hm: number[][] = [];
    for (let i = 0; i < k; i++) Hm.push(Array.from(H.subarray(i * k, (i + 1) * k)));
    let inv = invertSpd(Hm);
    // not positive definite (far from the optimum): Levenberg-Marquardt damping of the diagonal
    for (let mu = 1e-3; !inv && mu <= 1e6; mu *= 10) {
      const D = Hm.map((row, i) => row.map((v, j) => (i === j ? v + mu * Math.max(Math.abs(v), 1e-8) : v)));
      for (let i = 0; i < k; i++) if (!(D[i][i] > 0)) D[i][i] = mu;
      inv = invertSpd(D);
    }
    if (!inv) break;
    for (let i = 0; i < k; i++) {
      let v = 0;
      for (let j = 0; j < k; j++) v -= inv[i][j] * g[j];
      d[i] = v;
    }
    const slope = dot(g, d);
    // Newton decrement: -slope/2 = g'H^-1 g / 2 estimates f - f* (Boyd & Vandenberghe 2004, §9.5.1).
    // Once it is below the rounding noise of a sum over many rows, no step can be told from noise.
    if (-slope / 2 <= DECREMENT_TOL * (1 + Math.abs(f))) return { theta: x, f, iterations: iter, converged: true };
    const dmax = infNorm(d);
    let alpha = dmax > MAX_THETA_STEP ? MAX_THETA_STEP / dmax : 1;
    // the full step is tried with value, gradient and Hessian at once (it is usually accepted)
    for (let i = 0; i < k; i++) xn[i] = x[i] + alpha * d[i];
    let fn = obj.valueGradHess(xn, gn, Hn);
    // at the optimum f changes below its rounding: accept a step that shrinks the gradient there
    const flat = fn - f <= 1e-14 * Math.abs(f) && infNorm(gn) < infNorm(g);
    if (Number.isFinite(fn) && (fn <= f + 1e-4 * alpha * slope || flat)) {
      x.set(xn);
      g.set(gn);
      H.set(Hn);
      f = fn;
      continue;
    }
    let accepted = false;
    for (let ls = 0; ls < 40; ls++) {
      alpha *= 0.5;
      for (let i = 0; i < k; i++) xn[i] = x[i] + alpha * d[i];
      fn = obj.value(xn);
      if (Number.isFinite(fn) && fn <= f + 1e-4 * alpha * slope) {
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
    x.set(xn);
    f = obj.valueGradHess(x, g, H);
  }
  return { theta: x, f, iterations: iter, converged: Number.isFinite(f) && gradientConverged(g, f, tol) };
}

/** Nelder-Mead on the theta scale (derivative-free polish). */
function nelderMead(obj: Objective, theta0: Float64Array, maxIter: number): LocalResult {
  const k = obj.k;
  const pts: Float64Array[] = [];
  const fs: number[] = [];
  pts.push(Float64Array.from(theta0));
  fs.push(obj.value(pts[0]));
  for (let i = 0; i < k; i++) {
    const p = Float64Array.from(theta0);
    p[i] += 0.25;
    pts.push(p);
    fs.push(obj.value(p));
  }
  const c = new Float64Array(k);
  const xr = new Float64Array(k);
  const xe = new Float64Array(k);
  let iter = 0;
  for (; iter < maxIter; iter++) {
    const order = fs.map((_, i) => i).sort((i, j) => fs[i] - fs[j]);
    const sp = order.map((i) => pts[i]);
    const sf = order.map((i) => fs[i]);
    for (let i = 0; i <= k; i++) {
      pts[i] = sp[i];
      fs[i] = sf[i];
    }
    const spread = fs[k] - fs[0];
    let size = 0;
    for (let i = 1; i <= k; i++) for (let j = 0; j < k; j++) size = Math.max(size, Math.abs(pts[i][j] - pts[0][j]));
    if (Number.isFinite(spread) && spread <= 1e-13 * (1 + Math.abs(fs[0])) && size < 1e-9) break;
    c.fill(0);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) c[j] += pts[i][j] / k;
    for (let j = 0; j < k; j++) xr[j] = c[j] + (c[j] - pts[k][j]);
    const fr = obj.value(xr);
    if (fr < fs[0]) {
      for (let j = 0; j < k; j++) xe[j] = c[j] + 2 * (c[j] - pts[k][j]);
      const fe = obj.value(xe);
      if (fe < fr) {
        pts[k] = Float64Array.from(xe);
        fs[k] = fe;
      } else {
        pts[k] = Float64Array.from(xr);
        fs[k] = fr;
      }
    } else if (fr < fs[k - 1]) {
      pts[k] = Float64Array.from(xr);
      fs[k] = fr;
    } else {
      const outside = fr < fs[k];
      for (let j = 0; j < k; j++) xe[j] = outside ? c[j] + 0.5 * (xr[j] - c[j]) : c[j] + 0.5 * (pts[k][j] - c[j]);
      const fc = obj.value(xe);
      if (fc < (outside ? fr : fs[k])) {
        pts[k] = Float64Array.from(xe);
        fs[k] = fc;
      } else {
        for (let i = 1; i <= k; i++) {
          for (let j = 0; j < k; j++) pts[i][j] = pts[0][j] + 0.5 * (pts[i][j] - pts[0][j]);
          fs[i] = obj.value(pts[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= k; i++) if (fs[i] < fs[best]) best = i;
  return { theta: pts[best], f: fs[best], iterations: iter, converged: false };
}

/**
 * The start matrix of BFGS from `problem.curvature`: the inverse Hessian of f = −(LL − penalty) on the
 * theta scale at θ0, ∇²_θ f ≈ −J (H − 2 pen I) J with J = diag(dp/dθ) (the term in ∇LL vanishes at the
 * optimum the curvature describes), or undefined when that is not positive definite.
 */
function curvatureStart(obj: Objective, theta0: Float64Array): Float64Array | undefined {
  const H = obj.problem.curvature;
  const k = obj.k;
  if (!H || H.length !== k) return undefined;
  const p = new Float64Array(k);
  obj.tr.toNatural(theta0, p);
  const J = Array.from(p, (v, i) => obj.tr.jac(v, i));
  const A = H.map((row, i) => row.map((v, j) => -J[i] * J[j] * (v - (i === j ? 2 * obj.pen : 0))));
  if (!A.every((row) => row.length === k && row.every(Number.isFinite))) return undefined;
  const inv = invertSpd(A);
  return inv ? Float64Array.from(inv.flat()) : undefined;
}

/** Deterministic alternative starts on the theta scale around the given start. */
function alternativeStarts(theta0: Float64Array, count: number): Float64Array[] {
  const k = theta0.length;
  const out: Float64Array[] = [];
  const shifts = [
    (i: number) => 0 * i, // all parameters 1 (theta 0) handled below
    (i: number) => (i % 2 === 0 ? 1.5 : -1.5),
    (i: number) => (i % 2 === 0 ? -1.5 : 1.5),
    () => 2.5,
    () => -2.5,
    (i: number) => (i % 3 === 0 ? 3 : -1),
  ];
  for (let s = 0; out.length < count && s < shifts.length; s++) {
    const t = new Float64Array(k);
    for (let i = 0; i < k; i++) t[i] = s === 0 ? 0 : theta0[i] + shifts[s](i);
    out.push(t);
  }
  let seed = 12345;
  while (out.length < count) {
    const t = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      t[i] = theta0[i] + 4 * (seed / 2147483648 - 0.5);
    }
    out.push(t);
  }
  return out;
}

/**
 * Maximises a log-likelihood over strictly positive parameters.
 *
 * Quasi-Newton (BFGS) on log-parameters (logit for bounded ones) with a backtracking line search,
 * analytic gradient when given, else central differences. When BFGS stalls or fails, a Nelder-Mead
 * polish restarts it, and further deterministic starts are tried (`starts`, default 4 on failure;
 * with `starts > 1` all of them are always tried and the best kept). Standard errors come from the
 * observed information: the numerical Hessian of the maximised objective in natural parameters
 * (central differences of the analytic gradient when available), inverted.
 *
 * @example
 * const res = maximizeLikelihood({
 *   names: ['lambda'], initial: [1], observations: 3,
 *   logLikelihood: (p) => 9 * Math.log(p[0]) - 3 * p[0],
 * });
 * res.params[0]; // 3
 * res.standardErrors[0]; // 1 = sqrt(lambda / n)
 */
export function maximizeLikelihood(problem: LikelihoodProblem, options: MaximizeOptions = {}): MaximizeResult {
  const k = problem.names.length;
  if (problem.initial.length !== k) throw new Error('maximizeLikelihood: initial and names differ in length');
  const maxIter = options.maxIterations ?? 500;
  const tol = options.tolerance ?? DEFAULT_TOL;
  const requestedStarts = options.starts ?? 1;
  const obj = new Objective(problem);
  const theta0 = new Float64Array(k);
  obj.tr.toTheta(problem.initial, theta0);
  for (let i = 0; i < k; i++) if (!Number.isFinite(theta0[i])) theta0[i] = 0;

  let best: LocalResult | undefined;
  let totalIter = 0;
  const consider = (r: LocalResult) => {
    if (!best || r.f < best.f - 1e-12 * Math.abs(r.f) || (r.converged && !best.converged && r.f <= best.f + 1e-9 * (1 + Math.abs(r.f)))) best = r;
  };
  const h0 = curvatureStart(obj, theta0);
  const runFrom = (start: Float64Array): LocalResult => {
    if (problem.hessian && problem.gradient) {
      // Newton first: with an analytic Hessian it usually converges in a few steps
      const nw0 = newton(obj, start, 50, tol);
      totalIter += nw0.iterations;
      if (nw0.converged) return nw0;
      if (Number.isFinite(nw0.f)) start = nw0.theta;
    }
    let r = bfgs(obj, start, maxIter, problem.hessian && problem.gradient ? Math.max(tol, 1e-6) : tol, start === theta0 ? h0 : undefined);
    totalIter += r.iterations;
    if (problem.hessian && problem.gradient && Number.isFinite(r.f)) {
      // polish with Newton steps from the BFGS point (quadratic convergence near the optimum)
      const nw = newton(obj, r.theta, 50, tol);
      totalIter += nw.iterations;
      if (nw.converged || nw.f < r.f) r = nw;
      if (!r.converged) {
        const again = bfgs(obj, r.theta, maxIter, tol);
        totalIter += again.iterations;
        if (again.f <= r.f) r = again;
      }
    }
    if (!r.converged) {
      const startNm = Number.isFinite(r.f) ? r.theta : start;
      const nm = nelderMead(obj, startNm, 400 * k);
      totalIter += nm.iterations;
      const r2 = bfgs(obj, nm.theta, maxIter, tol);
      totalIter += r2.iterations;
      r = r2.f <= nm.f || r2.converged ? r2 : nm;
    }
    return r;
  };

  let warm: LocalResult | undefined;
  if (problem.coarse) {
    const cObj = new Objective({ ...problem.coarse, penalizer: problem.penalizer, upperBounds: problem.upperBounds });
    let c = problem.coarse.hessian && problem.coarse.gradient ? newton(cObj, theta0, 50, Math.max(tol, 1e-8)) : undefined;
    if (!c || !c.converged) c = bfgs(cObj, c && Number.isFinite(c.f) ? c.theta : theta0, maxIter, Math.max(tol, 1e-8));
    totalIter += c.iterations;
    if (Number.isFinite(c.f)) {
      if (problem.hessian && problem.gradient) {
        warm = newton(obj, c.theta, 50, tol);
        totalIter += warm.iterations;
      }
      if (!warm || !warm.converged) {
        warm = bfgs(obj, warm && Number.isFinite(warm.f) ? warm.theta : c.theta, maxIter, tol, c.H);
        totalIter += warm.iterations;
      }
    }
  }
  if (warm && warm.converged) consider(warm);
  else consider(runFrom(theta0));
  const extra = alternativeStarts(theta0, Math.max(requestedStarts - 1, best!.converged ? 0 : 4));
  for (const s of extra) {
    if (best!.converged && requestedStarts <= 1) break;
    consider(runFrom(s));
  }
  const final = best!;
  const params = new Float64Array(k);
  obj.tr.toNatural(final.theta, params);
  const ll = Number.isFinite(final.f) ? problem.logLikelihood(params) : -Infinity;
  const converged = final.converged && Number.isFinite(ll) && allPositiveFinite(params);

  const info = options.standardErrors === false
    ? { covariance: Array.from({ length: k }, () => new Array<number>(k).fill(NaN)), standardErrors: new Float64Array(k).fill(NaN), warning: undefined }
    : observedInformation(obj, params);
  const { covariance, standardErrors } = info;
  const extreme: string[] = [];
  for (let i = 0; i < k; i++) {
    if (Math.abs(final.theta[i]) > 0.75 * BOUND_THETA) extreme.push(`${problem.names[i]} = ${Number(params[i].toPrecision(4))}`);
  }
  const warning = [
    info.warning,
    extreme.length ? `${extreme.join(', ')} at the edge of the parameter space: the data hardly identify ${extreme.length > 1 ? 'these parameters' : 'this parameter'} (the likelihood keeps improving towards the bound); a penalizer keeps the estimates finite` : undefined,
  ].filter(Boolean).join('; ') || undefined;
  const n = problem.observations;
  return {
    params,
    logLikelihood: ll,
    standardErrors,
    covariance,
    converged,
    iterations: totalIter,
    aic: 2 * k - 2 * ll,
    bic: k * Math.log(n) - 2 * ll,
    warning: converged ? warning : [warning, 'the optimiser did not converge'].filter(Boolean).join('; '),
  };
}

/**
 * Numerical Hessian of the penalised log-likelihood in natural parameters (symmetrised):
 * central differences of the analytic gradient when available, else second differences of the value.
 *
 * @example
 * const H = numericalHessian(problem, Float64Array.of(3)); // [[-1]] for the Poisson example
 */
export function numericalHessian(problem: LikelihoodProblem, params: Float64Array): number[][] {
  return hessianOf(new Objective(problem), params);
}

function hessianOf(obj: Objective, params: Float64Array): number[][] {
  const k = obj.k;
  const { problem } = obj;
  const H: number[][] = Array.from({ length: k }, () => new Array(k).fill(NaN));
  const ub = problem.upperBounds ?? [];
  const step = (i: number, rel: number) => {
    let h = rel * params[i];
    const u = ub[i];
    if (u !== undefined) h = Math.min(h, rel * (u - params[i]));
    return h;
  };
  const pen = obj.pen;
  if (problem.hessian) {
    const h = new Float64Array(k * k);
    problem.hessian(params, h);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) H[i][j] = h[i * k + j] - (i === j ? 2 * pen : 0);
  } else if (problem.gradient) {
    const gp = new Float64Array(k);
    const gm = new Float64Array(k);
    const p = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      const h = step(j, 1e-5);
      p.set(params);
      p[j] = params[j] + h;
      problem.gradient(p, gp);
      p[j] = params[j] - h;
      problem.gradient(p, gm);
      for (let i = 0; i < k; i++) H[i][j] = (gp[i] - gm[i]) / (2 * h) - (i === j ? 2 * pen : 0);
    }
  } else {
    const p = new Float64Array(k);
    const f = (q: Float64Array) => obj.penalised(q);
    const f0 = f(params);
    for (let i = 0; i < k; i++) {
      const hi = step(i, 1e-4);
      p.set(params);
      p[i] = params[i] + hi;
      const fp = f(p);
      p[i] = params[i] - hi;
      const fm = f(p);
      H[i][i] = (fp - 2 * f0 + fm) / (hi * hi);
      for (let j = 0; j < i; j++) {
        const hj = step(j, 1e-4);
        p.set(params);
        p[i] += hi;
        p[j] += hj;
        const fpp = f(p);
        p[j] = params[j] - hj;
        const fpm = f(p);
        p[i] = params[i] - hi;
        const fmm = f(p);
        p[j] = params[j] + hj;
        const fmp = f(p);
        H[i][j] = (fpp - fpm - fmp + fmm) / (4 * hi * hj);
        H[j][i] = H[i][j];
      }
    }
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (H[i][j] + H[j][i]);
      H[i][j] = v;
      H[j][i] = v;
    }
  }
  return H;
}

function observedInformation(obj: Objective, params: Float64Array): { covariance: number[][]; standardErrors: Float64Array; warning?: string } {
  const k = obj.k;
  const nan = () => ({
    covariance: Array.from({ length: k }, () => new Array(k).fill(NaN)),
    standardErrors: new Float64Array(k).fill(NaN),
  });
  if (!allPositiveFinite(params)) return { ...nan(), warning: 'standard errors unavailable: parameters are not finite' };
  const H = hessianOf(obj, params);
  const info = H.map((row) => row.map((v) => -v));
  for (const row of info) for (const v of row) if (!Number.isFinite(v)) return { ...nan(), warning: 'standard errors unavailable: the Hessian is not finite' };
  const inv = invertSpd(info);
  if (!inv) return { ...nan(), warning: 'standard errors unavailable: the observed information is not positive definite or is numerically singular (a parameter may sit at a bound or not be identified)' };
  const se = new Float64Array(k);
  for (let i = 0; i < k; i++) se[i] = Math.sqrt(inv[i][i]);
  return { covariance: inv, standardErrors: se };
}

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky (scaled to unit diagonal first);
 * `undefined` when it is not positive definite.
 *
 * @example
 * invertSpd([[4, 0], [0, 2]]); // [[0.25, 0], [0, 0.5]]
 */
export function invertSpd(A: number[][]): number[][] | undefined {
  const k = A.length;
  const d = new Array(k);
  for (let i = 0; i < k; i++) {
    if (!(A[i][i] > 0)) return undefined;
    d[i] = 1 / Math.sqrt(A[i][i]);
  }
  const S = A.map((row, i) => row.map((v, j) => v * d[i] * d[j]));
  const L: number[][] = Array.from({ length: k }, () => new Array(k).fill(0));
  for (let j = 0; j < k; j++) {
    let s = S[j][j];
    for (let m = 0; m < j; m++) s -= L[j][m] * L[j][m];
    if (!(s > 1e-8)) return undefined; // numerically singular (finite-difference noise is ~1e-8 of the scale)
    L[j][j] = Math.sqrt(s);
    for (let i = j + 1; i < k; i++) {
      let t = S[i][j];
      for (let m = 0; m < j; m++) t -= L[i][m] * L[j][m];
      L[i][j] = t / L[j][j];
    }
  }
  // inverse of L
  const Li: number[][] = Array.from({ length: k }, () => new Array(k).fill(0));
  for (let i = 0; i < k; i++) {
    Li[i][i] = 1 / L[i][i];
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let m = j; m < i; m++) s -= L[i][m] * Li[m][j];
      Li[i][j] = s / L[i][i];
    }
  }
  const out: number[][] = Array.from({ length: k }, () => new Array(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let m = i; m < k; m++) s += Li[m][i] * Li[m][j];
      out[i][j] = s * d[i] * d[j];
      out[j][i] = out[i][j];
    }
  }
  return out;
}

/**
 * Runs `maximizeLikelihood` for a model and shapes the common fit result. Throws a ClvkitError when
 * the fit does not converge, unless `options.acceptNonConverged` is set.
 *
 * @example
 * const base = fitWithEngine('poisson', problem, {});
 * base.params.lambda; base.standardErrors.lambda; base.aic;
 */
export function fitWithEngine<P extends Record<string, number>>(
  model: string,
  problem: LikelihoodProblem,
  options: FitOptions = {},
  engine: Pick<MaximizeOptions, 'standardErrors'> = {},
): FitResultBase<P> {
  const names = problem.names;
  const initial = problem.initial.slice();
  if (options.initial) {
    for (const [name, v] of Object.entries(options.initial)) {
      const i = names.indexOf(name);
      if (i < 0) throw new ClvkitError(`${model}: unknown initial parameter "${name}" (expected ${names.join(', ')})`);
      if (!(v > 0) || !Number.isFinite(v)) throw new ClvkitError(`${model}: initial ${name} must be a positive number, got ${v}`);
      initial[i] = v;
    }
  }
  const penalizer = options.penalizer ?? problem.penalizer ?? 0;
  if (!(penalizer >= 0)) throw new ClvkitError(`${model}: penalizer must be >= 0, got ${penalizer}`);
  const res = maximizeLikelihood(
    { ...problem, initial, penalizer },
    { maxIterations: options.maxIterations, tolerance: options.tolerance, starts: options.starts, standardErrors: engine.standardErrors ?? options.standardErrors },
  );
  if (!res.converged && !options.acceptNonConverged) {
    const at = names.map((n, i) => `${n}=${fmt(res.params[i])}`).join(', ');
    throw new ClvkitError(
      `${model}: the fit did not converge after ${res.iterations} iterations (best point ${at}, log-likelihood ${fmt(res.logLikelihood)}); ` +
        'try a penalizer, other initial values, or pass acceptNonConverged to keep the best point',
    );
  }
  const params = {} as Record<string, number>;
  const se = {} as Record<string, number>;
  names.forEach((n, i) => {
    params[n] = res.params[i];
    se[n] = res.standardErrors[i];
  });
  const out: FitResultBase<P> = {
    model,
    params: params as P,
    logLikelihood: res.logLikelihood,
    standardErrors: se as Record<keyof P & string, number>,
    converged: res.converged,
    iterations: res.iterations,
    aic: res.aic,
    bic: res.bic,
    customers: problem.observations,
    covariance: res.covariance,
  };
  if (res.warning) out.warning = res.warning;
  return out;
}

function fmt(v: number): string {
  return Number.isFinite(v) ? Number(v.toPrecision(6)).toString() : String(v);
}

/**
 * A validated, compressed (frequency, recency, T) summary with weights, ready for a likelihood:
 * unique rows plus the distinct frequencies and each row's index into them.
 *
 * @example
 * const prep: PreparedSummary = prepareSummary({ frequency: [2, 0], recency: [30.43, 0], T: [38.86, 38.86] }, 'bgnbd');
 * prep.rows; // 2
 */
export interface PreparedSummary {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  weights: Float64Array;
  rows: number;
  /** Sum of weights. */
  customers: number;
  /** Weighted number of customers with frequency > 0. */
  repeatBuyers: number;
  /** Distinct frequencies and, per unique row, the index of its frequency. */
  distinctFrequencies: Float64Array;
  frequencyIndex: Int32Array;
}

/**
 * Validates a summary (finite values, integer frequency >= 0, 0 <= recency <= T, recency = 0 when
 * frequency = 0, weights >= 0) and compresses it to weighted unique rows. Throws a ClvkitError
 * naming the first bad row, or when there are no customers, or (with `requireRepeat`) when no
 * customer made a repeat purchase, which leaves the purchase process unidentified.
 *
 * @example
 * prepareSummary({ frequency: [0, 0], recency: [0, 0], T: [5, 6] }, 'bgnbd'); // throws: no repeat purchases
 */
export function prepareSummary(data: SummaryData, model: string, requireRepeat = true): PreparedSummary {
  const { frequency, recency, T, weights } = data;
  const n = frequency.length;
  if (recency.length !== n || T.length !== n || (weights && weights.length !== n)) {
    throw new ClvkitError(`${model}: summary columns differ in length (frequency ${n}, recency ${recency.length}, T ${T.length}${weights ? `, weights ${weights.length}` : ''})`);
  }
  for (let i = 0; i < n; i++) {
    const x = frequency[i];
    const tx = recency[i];
    const t = T[i];
    const w = weights ? weights[i] : 1;
    const where = `${model}: summary row ${i + 1}`;
    if (!Number.isFinite(x) || x < 0 || Math.floor(x) !== x) throw new ClvkitError(`${where}: frequency must be a whole number >= 0, got ${x}`);
    if (!Number.isFinite(t) || t < 0) throw new ClvkitError(`${where}: T must be a finite number >= 0, got ${t}`);
    if (!Number.isFinite(tx) || tx < 0 || tx > t * (1 + 1e-12)) throw new ClvkitError(`${where}: recency must lie between 0 and T (${t}), got ${tx}`);
    if (x === 0 && tx !== 0) throw new ClvkitError(`${where}: recency must be 0 when frequency is 0, got ${tx}`);
    if (!Number.isFinite(w) || w < 0) throw new ClvkitError(`${where}: weight must be a finite number >= 0, got ${w}`);
  }
  const c = compressSummary(data);
  let customers = 0;
  let repeat = 0;
  const m = c.weights.length;
  for (let i = 0; i < m; i++) {
    customers += c.weights[i];
    if (c.frequency[i] > 0) repeat += c.weights[i];
    if (c.recency[i] > c.T[i]) c.recency[i] = c.T[i];
  }
  if (!(customers > 0)) throw new ClvkitError(`${model}: no customers to fit (the summary is empty or all weights are 0)`);
  if (requireRepeat && !(repeat > 0)) {
    throw new ClvkitError(`${model}: no customer made a repeat purchase (all frequencies are 0), so the purchase rate cannot be estimated`);
  }
  // distinct frequencies
  const { values: xs, index: fi } = distinctDoubles(c.frequency);
  return {
    frequency: c.frequency,
    recency: c.recency,
    T: c.T,
    weights: c.weights,
    rows: m,
    customers,
    repeatBuyers: repeat,
    distinctFrequencies: xs,
    frequencyIndex: fi,
  };
}

/**
 * A reweighted subsample of a prepared summary for warm starts (`LikelihoodProblem.coarse`): rows
 * whose weight is at least 1/q are kept as they are, the others with probability q (deterministic
 * hash of the row number) and weight w/q, so the subsample's log-likelihood is an unbiased
 * estimate of the full one.
 *
 * @example
 * const small = subsamplePrepared(prep, 20000); // about 20,000 rows
 */
export function subsamplePrepared(prep: PreparedSummary, targetRows: number): PreparedSummary {
  const q = Math.min(1, targetRows / prep.rows);
  const keep: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < prep.rows; i++) {
    const wi = prep.weights[i];
    if (wi * q >= 1) {
      keep.push(i);
      w.push(wi);
      continue;
    }
    let h = Math.imul(i + 0x9e3779b9, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    if ((h >>> 0) / 4294967296 < q) {
      keep.push(i);
      w.push(wi / q);
    }
  }
  const pick = (a: Float64Array) => mapFloat64(keep, (i) => a[i]);
  return {
    frequency: pick(prep.frequency),
    recency: pick(prep.recency),
    T: pick(prep.T),
    weights: Float64Array.from(w),
    rows: keep.length,
    customers: prep.customers,
    repeatBuyers: prep.repeatBuyers,
    distinctFrequencies: prep.distinctFrequencies,
    frequencyIndex: mapInt32(keep, (i) => prep.frequencyIndex[i]),
  };
}
