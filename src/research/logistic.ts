import { chisquareCdf as chisqCdf, normalCdf, normalQuantile } from '../stdlib.ts';
import { ClvkitError } from '../errors.ts';
import { sampleVariance } from './describe.ts';
import { crossprodInverse, qrLeastSquares } from './linalg.ts';
import { mapFloat64 } from '../typed-map.ts';

export interface LogitCoefficient {
  term: string;
  estimate: number;
  se: number;
  /** HC3 sandwich standard error for the GLM (null when a leverage reaches 1, or when not asked for: `hc3: false`). */
  se_hc3: number | null;
  /** Wald z = estimate / se (named t in the shared table shape). */
  t: number;
  z: number;
  /** Two-sided Wald p-value. */
  p: number;
  ci: [number, number];
  odds_ratio: number;
  or_ci: [number, number];
  /** Likelihood-ratio test of dropping this term (null for the intercept). */
  lr_chi2: number | null;
  lr_p: number | null;
}

export interface LogitResult {
  type: 'logit';
  n: number;
  k: number;
  log_likelihood: number;
  null_log_likelihood: number;
  deviance: number;
  null_deviance: number;
  /** LR test of all slopes = 0: G = 2(LL − LL₀), df = k − 1. */
  lr_chi2: number;
  lr_df: number;
  lr_p: number;
  /** McFadden's pseudo R² = 1 − LL/LL₀. */
  r2: number;
  /** McFadden's adjusted pseudo R² = 1 − (LL − k)/LL₀. */
  adj_r2: number;
  aic: number;
  iterations: number;
  coefficients: LogitCoefficient[];
  fitted: Float64Array;
  /** Covariance matrix (X'WX)⁻¹, row-major k × k. */
  cov: Float64Array;
}

export interface LogitOptions {
  level?: number;
  maxIterations?: number;
  /** Also compute a likelihood-ratio test per term by refitting without it (default true). */
  termTests?: boolean;
  /** Also compute the HC3 sandwich standard errors (default true; they need the leverages, so a thin Q of the design). */
  hc3?: boolean;
}

interface IrlsFit {
  beta: Float64Array;
  eta: Float64Array;
  ll: number;
  cov: Float64Array;
  /** Leverages h_ii of the weighted fit, diag(W^½ X (X'WX)⁻¹ X' W^½) (empty when not asked for). */
  leverage: Float64Array;
  iterations: number;
}

/**
 * Binary logistic regression by iteratively reweighted least squares (Nelder & Wedderburn 1972;
 * McCullagh & Nelder 1989, Generalized Linear Models, §2.5 and §4.4), each step a Householder QR
 * weighted least squares. Reports odds ratios, Wald tests and intervals, the model
 * likelihood-ratio test and per-term likelihood-ratio tests (Hosmer, Lemeshow & Sturdivant 2013,
 * Applied Logistic Regression, 3rd ed., §1.3 and §2.2). Separation (an outcome perfectly or almost
 * perfectly predicted, so that estimates run off to infinity) is an error naming the terms.
 *
 * @example
 * const fit = logit(Float64Array.of(0, 0, 1, 0, 1, 1), [Float64Array.of(1, 2, 3, 4, 5, 6)], ['x']);
 * fit.coefficients[1].odds_ratio; // exp(slope)
 */
export function logit(y: ArrayLike<number>, predictors: ArrayLike<number>[], names: string[], options: LogitOptions = {}): LogitResult {
  const level = options.level ?? 0.95;
  const n = y.length;
  let events = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new ClvkitError(`logit: the dependent variable must be 0 or 1, got ${y[i]} at row ${i + 1}`);
    events += y[i];
  }
  if (events === 0 || events === n) throw new ClvkitError(`logit: the dependent variable is constant (${events === 0 ? 'all 0' : 'all 1'}); nothing to model`);
  const columns: ArrayLike<number>[] = [new Float64Array(n).fill(1), ...predictors];
  const terms = ['(Intercept)', ...names];
  const k = columns.length;
  if (n <= k) throw new ClvkitError(`logit: ${n} observations for ${k} coefficients; the model needs more observations than coefficients`);
  const check = qrLeastSquares(columns, new Float64Array(n), undefined, { q: false, residuals: false });
  if (check.collinear.length > 0) {
    throw new ClvkitError(`logit: perfect collinearity: ${check.collinear.map((j) => `"${terms[j]}"`).join(', ')} ${check.collinear.length === 1 ? 'is a linear combination' : 'are linear combinations'} of earlier terms`);
  }
  const hc3 = options.hc3 ?? true;
  const fit = irls(y, columns, terms, options.maxIterations ?? 50, hc3);
  // Null model: intercept only, LL₀ = n[ȳ log ȳ + (1 − ȳ) log(1 − ȳ)] (Hosmer et al. 2013, §1.3).
  const ybar = events / n;
  const ll0 = events * Math.log(ybar) + (n - events) * Math.log(1 - ybar);
  const zcrit = normalQuantile(1 - (1 - level) / 2, 0, 1);
  const covHc3 = hc3 ? glmHc3(y, columns, fit) : null;
  const termTests = options.termTests ?? true;
  const coefficients: LogitCoefficient[] = terms.map((term, j) => {
    const estimate = fit.beta[j];
    const se = Math.sqrt(fit.cov[j * k + j]);
    const z = estimate / se;
    const ci: [number, number] = [estimate - zcrit * se, estimate + zcrit * se];
    let lr: number | null = null;
    let lrp: number | null = null;
    if (termTests && j > 0) {
      try {
        const reduced = irls(y, columns.filter((_, i) => i !== j), terms.filter((_, i) => i !== j), options.maxIterations ?? 50, false);
        lr = Math.max(0, 2 * (fit.ll - reduced.ll));
        lrp = 1 - chisqCdf(lr, 1);
      } catch {
        lr = null;
      }
    }
    return {
      term,
      estimate,
      se,
      se_hc3: covHc3 ? Math.sqrt(covHc3[j * k + j]) : null,
      t: z,
      z,
      // Wald test: z = b/se against N(0, 1) (Hosmer, Lemeshow & Sturdivant 2013, §1.3).
      p: 2 * (1 - normalCdf(Math.abs(z), 0, 1)),
      ci,
      odds_ratio: Math.exp(estimate),
      or_ci: [Math.exp(ci[0]), Math.exp(ci[1])],
      lr_chi2: lr,
      lr_p: lrp,
    };
  });
  const g = 2 * (fit.ll - ll0);
  const fitted = mapFloat64(fit.eta, (e) => 1 / (1 + Math.exp(-e)));
  return {
    type: 'logit',
    n,
    k,
    log_likelihood: fit.ll,
    null_log_likelihood: ll0,
    deviance: -2 * fit.ll,
    null_deviance: -2 * ll0,
    lr_chi2: g,
    lr_df: k - 1,
    lr_p: 1 - chisqCdf(g, k - 1),
    // McFadden (1974) pseudo R² and its adjusted form.
    r2: 1 - fit.ll / ll0,
    adj_r2: 1 - (fit.ll - k) / ll0,
    aic: -2 * fit.ll + 2 * k,
    iterations: fit.iterations,
    coefficients,
    fitted,
    cov: fit.cov,
  };
}

/**
 * HC3 sandwich for the logit GLM: (X'WX)⁻¹ [Σ x_i x_i' (y_i − p_i)²/(1 − h_ii)²] (X'WX)⁻¹, h_ii the
 * leverages of the weighted fit (the estimating-function form of MacKinnon & White 1985, as in
 * Zeileis 2004, "Econometric computing with HC and HAC covariance matrix estimators", JSS 11(10), §2).
 */
function glmHc3(y: ArrayLike<number>, columns: ArrayLike<number>[], fit: IrlsFit): Float64Array | null {
  const n = y.length;
  const k = columns.length;
  const meat = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    const oneMinusH = 1 - fit.leverage[i];
    if (oneMinusH <= 1e-12) return null;
    const r = y[i] - 1 / (1 + Math.exp(-fit.eta[i]));
    const w = (r * r) / (oneMinusH * oneMinusH);
    for (let a = 0; a < k; a++) for (let b = a; b < k; b++) meat[a * k + b] += columns[a][i] * columns[b][i] * w;
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) meat[a * k + b] = meat[b * k + a];
  const tmp = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) {
    let s = 0;
    for (let c = 0; c < k; c++) s += fit.cov[a * k + c] * meat[c * k + b];
    tmp[a * k + b] = s;
  }
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) {
    let s = 0;
    for (let c = 0; c < k; c++) s += tmp[a * k + c] * fit.cov[c * k + b];
    out[a * k + b] = s;
  }
  return out;
}

function logLik(y: ArrayLike<number>, eta: Float64Array): number {
  // Bernoulli log-likelihood Σ y η − log(1 + e^η), evaluated stably.
  let ll = 0;
  for (let i = 0; i < y.length; i++) {
    const e = eta[i];
    const log1pExp = e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
    ll += y[i] * e - log1pExp;
  }
  return ll;
}

function linear(columns: ArrayLike<number>[], beta: Float64Array, n: number): Float64Array {
  // η_i = Σ_j x_ij β_j, the terms added in column order as one pass per column would, three columns per pass: at a
  // million rows the passes over η are what this costs
  const eta = new Float64Array(n);
  let j = 0;
  for (; j + 3 <= columns.length; j += 3) addTerms3(eta, columns[j], beta[j], columns[j + 1], beta[j + 1], columns[j + 2], beta[j + 2]);
  for (; j < columns.length; j++) addTerms1(eta, columns[j], beta[j]);
  return eta;
}

function addTerms1(eta: Float64Array, a: ArrayLike<number>, ba: number): void {
  for (let i = 0; i < eta.length; i++) eta[i] += a[i] * ba;
}

function addTerms3(eta: Float64Array, a: ArrayLike<number>, ba: number, b: ArrayLike<number>, bb: number, c: ArrayLike<number>, bc: number): void {
  for (let i = 0; i < eta.length; i++) {
    let e = eta[i];
    e += a[i] * ba;
    e += b[i] * bb;
    e += c[i] * bc;
    eta[i] = e;
  }
}

/** The buffers of an IRLS step, made once per fit: at a million rows a fresh buffer costs its page faults at every step. */
interface StepBuffers {
  sw: Float64Array;
  zw: Float64Array;
  wcols: Float64Array[];
}

function stepBuffers(n: number, k: number): StepBuffers {
  return { sw: new Float64Array(n), zw: new Float64Array(n), wcols: Array.from({ length: k }, () => new Float64Array(n)) };
}

function step(y: ArrayLike<number>, columns: ArrayLike<number>[], eta: Float64Array, buffers: StepBuffers, withQ = false) {
  // One IRLS step: w = p(1 − p), working response z = η + (y − p)/w; regress √w z on √w X (McCullagh & Nelder 1989, §2.5).
  const n = y.length;
  const { sw, zw, wcols } = buffers;
  for (let i = 0; i < n; i++) {
    const p = 1 / (1 + Math.exp(-eta[i]));
    const w = Math.max(p * (1 - p), 1e-300);
    sw[i] = Math.sqrt(w);
    zw[i] = sw[i] * (eta[i] + (y[i] - p) / w);
  }
  for (let j = 0; j < columns.length; j++) weighted(columns[j], sw, wcols[j]);
  // the QR works in the buffers (overwrite): they are this step's scratch
  return qrLeastSquares(wcols, zw, 1e-14, { q: withQ, residuals: false, overwrite: true });
}

function weighted(c: ArrayLike<number>, sw: Float64Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = c[i] * sw[i];
}

function irls(y: ArrayLike<number>, columns: ArrayLike<number>[], terms: string[], maxIterations: number, withLeverage: boolean): IrlsFit {
  const n = y.length;
  const k = columns.length;
  const buffers = stepBuffers(n, k);
  let beta: Float64Array = new Float64Array(k);
  let eta: Float64Array = linear(columns, beta, n);
  let ll = logLik(y, eta);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations && !converged; ) {
    iterations++;
    const ls = step(y, columns, eta, buffers);
    if (ls.collinear.length > 0) break;
    let next: Float64Array = ls.coef;
    let nextEta = linear(columns, next, n);
    let nextLl = logLik(y, nextEta);
    // Step halving if the likelihood fell (a safeguard, as in R's glm.fit).
    for (let h = 0; h < 30 && nextLl < ll - 1e-12; h++) {
      next = Float64Array.from(next, (b, j) => (b + beta[j]) / 2);
      nextEta = linear(columns, next, n);
      nextLl = logLik(y, nextEta);
    }
    // Convergence on the deviance, |Δdev|/(|dev| + 0.1) < 1e-10 (the rule of R's glm.control with a tighter epsilon).
    converged = Math.abs(2 * (nextLl - ll)) / (Math.abs(2 * nextLl) + 0.1) < 1e-10;
    beta = next;
    eta = nextEta;
    ll = nextLl;
  }
  let maxEta = 0;
  for (let i = 0; i < n; i++) maxEta = Math.max(maxEta, Math.abs(eta[i]));
  if (!converged || maxEta > 20) {
    // Separation check: a few more steps; coefficients that keep moving (on the scale of their predictor) diverge.
    let b2: Float64Array = beta;
    let e2: Float64Array = eta;
    for (let s = 0; s < 5; s++) {
      const ls = step(y, columns, e2, buffers);
      if (ls.collinear.length > 0) break;
      b2 = ls.coef;
      e2 = linear(columns, b2, n);
    }
    const moving = terms.filter((_, j) => {
      const scale = j === 0 ? 1 : Math.sqrt(sampleVariance(columns[j])) || 1;
      return Math.abs(b2[j] - beta[j]) * scale > 0.05;
    });
    if (!converged || moving.length > 0) {
      const who = moving.filter((t) => t !== '(Intercept)');
      throw new ClvkitError(
        `logit: separation: the outcome is perfectly or almost perfectly predicted${who.length ? ` by ${who.map((t) => `"${t}"`).join(', ')}` : ''}, so the maximum-likelihood estimates do not exist (they grow without bound); drop or merge these terms, or use a penalised (Firth) model`,
      );
    }
  }
  const final = step(y, columns, eta, buffers, withLeverage);
  const cov = crossprodInverse(final.R, k);
  const leverage = new Float64Array(withLeverage ? n : 0);
  for (let j = 0; j < final.Q.length; j++) for (let i = 0; i < n; i++) leverage[i] += final.Q[j][i] ** 2;
  return { beta, eta, ll, cov, leverage, iterations };
}
