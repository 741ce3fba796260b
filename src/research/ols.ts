import { fCdf as fcdf, tCdf as tcdf, tQuantile as tquantile } from '../stdlib.ts';
import { ClvkitError } from '../errors.ts';
import { mean, sampleVariance } from './describe.ts';
import { crossprodInverse, invertUpper, qrLeastSquares } from './linalg.ts';

export interface OlsCoefficient {
  term: string;
  estimate: number;
  /** Classic standard error, sqrt(s² (X'X)⁻¹). */
  se: number;
  /** HC3 heteroscedasticity-consistent standard error (null when a leverage is 1). */
  se_hc3: number | null;
  t: number;
  p: number;
  ci: [number, number];
  /** Standardised coefficient b·sd(x)/sd(y) (null for the intercept). */
  beta: number | null;
}

export interface OlsResult {
  type: 'ols';
  n: number;
  /** Number of estimated coefficients (including the intercept). */
  k: number;
  df_residual: number;
  r2: number;
  adj_r2: number;
  /** Residual standard error s = sqrt(RSS / (n − k)). */
  sigma: number;
  rss: number;
  tss: number;
  /** Overall F test of all slopes = 0 (null without an intercept or slopes). */
  f: number | null;
  f_df1: number;
  f_df2: number;
  f_p: number | null;
  coefficients: OlsCoefficient[];
  residuals: Float64Array;
  fitted: Float64Array;
  /** Hat values h_ii. */
  leverage: Float64Array;
  /** Classic covariance matrix, row-major k × k. */
  cov: Float64Array;
  /** HC3 covariance matrix, row-major k × k. */
  cov_hc3: Float64Array;
}

export interface OlsOptions {
  /** Add an intercept column named "(Intercept)" first (default true). */
  intercept?: boolean;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
}

/**
 * Ordinary least squares by Householder QR, with classic and HC3 standard errors, t tests,
 * confidence intervals, R², adjusted R², the overall F test and standardised coefficients.
 * Throws a ClvkitError naming the terms when the design is perfectly collinear or n <= k.
 *
 * @example
 * const fit = ols(Float64Array.of(1, 3, 5, 8), [Float64Array.of(0, 1, 2, 3)], ['x']);
 * fit.coefficients[1].estimate; // 2.3
 */
export function ols(y: ArrayLike<number>, predictors: ArrayLike<number>[], names: string[], options: OlsOptions = {}): OlsResult {
  const intercept = options.intercept ?? true;
  const level = options.level ?? 0.95;
  const n = y.length;
  if (predictors.length !== names.length) throw new Error('ols: one name per predictor column');
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i])) throw new ClvkitError(`ols: the dependent variable has a missing or non-finite value at row ${i + 1}`);
  }
  predictors.forEach((c, j) => {
    if (c.length !== n) throw new Error(`ols: column "${names[j]}" has ${c.length} values, expected ${n}`);
    for (let i = 0; i < n; i++) if (!Number.isFinite(c[i])) throw new ClvkitError(`ols: term "${names[j]}" has a missing or non-finite value at row ${i + 1}`);
  });
  const columns: ArrayLike<number>[] = intercept ? [new Float64Array(n).fill(1), ...predictors] : [...predictors];
  const terms = intercept ? ['(Intercept)', ...names] : [...names];
  const k = columns.length;
  if (n <= k) throw new ClvkitError(`ols: ${n} observations for ${k} coefficients (${terms.join(', ')}); the model needs more observations than coefficients`);
  const fit = qrLeastSquares(columns, y);
  if (fit.collinear.length > 0) throw new ClvkitError(collinearityMessage(columns, terms, fit.collinear));
  const p = k;
  const df = n - p;
  const e = fit.residuals;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += e[i] * e[i];
  const my = mean(y);
  let tss = 0;
  for (let i = 0; i < n; i++) tss += intercept ? (y[i] - my) ** 2 : y[i] * y[i];
  const s2 = rss / df;
  const XtXi = crossprodInverse(fit.R, p);
  const cov = XtXi.map((v) => v * s2);
  // Leverage h_ii = ||row i of Q||² (hat matrix H = QQ').
  const leverage = new Float64Array(n);
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) leverage[i] += fit.Q[j][i] ** 2;
  // HC3: (X'X)⁻¹ X' diag(e_i²/(1−h_ii)²) X (X'X)⁻¹ (MacKinnon & White 1985, J. Econometrics 29, HC3; Long & Ervin 2000, Am. Stat. 54(3)),
  // computed as R⁻¹ [Σ w_i q_i q_i'] R⁻ᵀ with q_i row i of Q.
  const Ri = invertUpper(fit.R, p);
  const meat = new Float64Array(p * p);
  let hc3Defined = true;
  for (let i = 0; i < n; i++) {
    const oneMinusH = 1 - leverage[i];
    if (oneMinusH <= 1e-12) {
      hc3Defined = false;
      continue;
    }
    const w = (e[i] * e[i]) / (oneMinusH * oneMinusH);
    for (let a = 0; a < p; a++) {
      const qa = fit.Q[a][i] * w;
      for (let b = a; b < p; b++) meat[a * p + b] += qa * fit.Q[b][i];
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) meat[a * p + b] = meat[b * p + a];
  const covHc3 = sandwich(Ri, meat, p);
  const fitted = new Float64Array(n);
  for (let i = 0; i < n; i++) fitted[i] = y[i] - e[i];
  const tcrit = tquantile(1 - (1 - level) / 2, df);
  const sdY = Math.sqrt(sampleVariance(y));
  const coefficients: OlsCoefficient[] = terms.map((term, j) => {
    const estimate = fit.coef[j];
    const se = Math.sqrt(cov[j * p + j]);
    const t = estimate / se;
    const isIntercept = intercept && j === 0;
    const sdX = isIntercept ? NaN : Math.sqrt(sampleVariance(columns[j]));
    return {
      term,
      estimate,
      se,
      se_hc3: hc3Defined ? Math.sqrt(covHc3[j * p + j]) : null,
      t,
      // Two-sided t test with n − k degrees of freedom.
      p: 2 * (1 - tcdf(Math.abs(t), df)),
      ci: [estimate - tcrit * se, estimate + tcrit * se],
      // Standardised coefficient β_j = b_j s_x / s_y (Cohen, Cohen, West & Aiken 2003, Applied Multiple Regression, §3.5).
      beta: isIntercept ? null : (estimate * sdX) / sdY,
    };
  });
  const r2 = 1 - rss / tss;
  const slopes = intercept ? p - 1 : p;
  // Adjusted R² = 1 − (1 − R²)(n − 1)/(n − k) (Greene 2012, Econometric Analysis 7th ed., §3.5.1).
  const adj = 1 - (1 - r2) * ((intercept ? n - 1 : n) / df);
  // Overall F = (R²/(k − 1)) / ((1 − R²)/(n − k)) (Greene 2012, Econometric Analysis 7th ed., §5.3, the test of all slopes = 0).
  const f = slopes > 0 ? (r2 / slopes) / ((1 - r2) / df) : null;
  return {
    type: 'ols',
    n,
    k: p,
    df_residual: df,
    r2,
    adj_r2: adj,
    sigma: Math.sqrt(s2),
    rss,
    tss,
    f,
    f_df1: slopes,
    f_df2: df,
    f_p: f === null ? null : 1 - fcdf(f, slopes, df),
    coefficients,
    residuals: e,
    fitted,
    leverage,
    cov,
    cov_hc3: hc3Defined ? covHc3 : new Float64Array(p * p).fill(NaN),
  };
}

function sandwich(Ri: Float64Array, meat: Float64Array, p: number): Float64Array {
  // Ri · meat · Riᵀ
  const tmp = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
    let s = 0;
    for (let k = 0; k < p; k++) s += Ri[i * p + k] * meat[k * p + j];
    tmp[i * p + j] = s;
  }
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
    let s = 0;
    for (let k = 0; k < p; k++) s += tmp[i * p + k] * Ri[j * p + k];
    out[i * p + j] = s;
  }
  return out;
}

/** The largest |value| (as Math.max(...values.map(Math.abs)): NaN when one is NaN), by a loop: a spread of a long column overflows the stack. */
function maxAbs(c: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < c.length; i++) m = Math.max(m, Math.abs(c[i]));
  return m;
}

/** Names the collinear terms: for each vanished column, the earlier terms it is a combination of. */
function collinearityMessage(columns: ArrayLike<number>[], terms: string[], collinear: number[]): string {
  const parts = collinear.map((j) => {
    if (j === 0) return `"${terms[0]}" is zero everywhere`;
    const earlier = columns.slice(0, j).filter((_, i) => !collinear.includes(i));
    const earlierNames = terms.slice(0, j).filter((_, i) => !collinear.includes(i));
    const sub = qrLeastSquares(earlier, columns[j]);
    const scale = Math.max(maxAbs(columns[j]), 1e-300);
    const involved = earlierNames.filter((_, i) => {
      const c = earlier[i];
      const size = maxAbs(c);
      return Math.abs(sub.coef[i]) * size > 1e-8 * scale;
    });
    if (involved.length === 1 && involved[0] === '(Intercept)') return `"${terms[j]}" is constant`;
    return `"${terms[j]}" is a linear combination of ${involved.map((t) => `"${t}"`).join(', ') || 'earlier terms'}`;
  });
  return `perfect collinearity: ${parts.join('; ')}; drop or combine these terms`;
}
