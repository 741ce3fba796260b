/**
 * BG/CNBD-k and MBG/CNBD-k (Platzer & Reutterer 2016, "Ticking away the moments: timing regularity
 * helps to better predict customer activity", Marketing Science 35(5), 779-799).
 *
 * As the BG/NBD (MBG/NBD) but the times between purchases are Erlang-k with rate λ ~ Gamma(r, α)
 * per stage (mean k/λ): k = 1 is the BG/NBD (MBG/NBD), larger k more regular buying. After each
 * repeat purchase (MBG: also right after the first) the customer drops out with probability
 * p ~ Beta(a, b).
 *
 * The likelihood depends on the purchase times through (x, t_x, T) and, additively, through
 * litt = Σ log(inter-purchase time) (Platzer & Reutterer 2016, eq. 7; BTYDplus `litt`): rows are
 * compressed on (x, t_x, T) and litt enters as one weighted total, (k-1) Σ litt - Σ x log Γ(k).
 */
import { ClvkitError } from '../errors.ts';
import type { SummaryData, SummaryRow } from '../types.ts';
import { bgFamilyProblem, checkHorizon, checkPositiveParams, checkSummaryRow, perUniqueRow, type TransactionModel } from './bgnbd.ts';
import { fitWithEngine, numericalHessian, prepareSummary, subsamplePrepared, type LikelihoodProblem, type PreparedSummary } from './fit.ts';
import { betaln, digamma, gammaln, logAddExp } from './special.ts';
import type { FitOptions, FitResultBase } from './types.ts';

/**
 * CNBD-k parameters: Erlang order k, stage rates Gamma(r, alpha), dropout Beta(a, b).
 *
 * @example
 * const p: CnbdParams = { k: 2, r: 0.8, alpha: 4, a: 0.8, b: 2.5 };
 */
export interface CnbdParams extends Record<string, number> {
  k: number;
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Which member: BG/CNBD-k (dropout after repeat purchases) or MBG/CNBD-k (also at time 0). */
export type CnbdFamily = 'bgcnbd' | 'mbgcnbd';

/**
 * A summary with the timing statistic: litt per customer (src/summary/summarize.ts).
 *
 * @example
 * const d: CnbdData = { frequency: [2], recency: [10], T: [20], litt: [Math.log(4) + Math.log(6)] };
 */
export type CnbdData = SummaryData & { litt?: ArrayLike<number> };

/**
 * Options of the CNBD-k fits: k fixed, or chosen by likelihood over 1..maxK (default 12).
 *
 * @example
 * fitBgCnbd(summary, { k: 2 });
 */
export interface CnbdFitOptions extends FitOptions {
  k?: number;
  maxK?: number;
}

/**
 * A fitted CNBD-k model. Standard errors are conditional on k (a whole number chosen by likelihood,
 * without a standard error of its own); `kProfile` gives the log-likelihood at each k tried.
 *
 * @example
 * const m: CnbdModel = fitBgCnbd(summary);
 * m.params.k; m.kProfile;
 */
export interface CnbdModel extends FitResultBase<CnbdParams>, TransactionModel {
  model: CnbdFamily;
  kProfile: { k: number; logLikelihood: number }[];
}

const NAMES = ['r', 'alpha', 'a', 'b'];

/** log Σ_{j<k} (R)_j z^j / j! (the Erlang-k survival of the last, censored interval, integrated over λ), and the weights c_j / S. */
function logSurvivalSum(R: number, z: number, k: number, w?: Float64Array): number {
  if (k === 1) {
    if (w) w[0] = 1;
    return 0;
  }
  let c = 1;
  let s = 1;
  if (w) w[0] = 1;
  for (let j = 1; j < k; j++) {
    c *= ((R + j - 1) * z) / j;
    s += c;
    if (w) w[j] = c;
  }
  if (w) for (let j = 0; j < k; j++) w[j] /= s;
  return Math.log(s);
}

/**
 * Per-row CNBD-k log-likelihood without the litt term (Platzer & Reutterer 2016, eq. 7; for k = 1 the
 * BG/NBD eq. 6 of Fader, Hardie & Lee 2005a):
 * B(a,b+x+m)/B(a,b) Γ(r+kx)α^r/(Γ(r)(α+T)^{r+kx}) Σ_{j<k} (r+kx)_j ((T-t_x)/(α+T))^j/j!
 * + δ B(a+1,b+x-1+m)/B(a,b) Γ(r+kx)α^r/(Γ(r)(α+t_x)^{r+kx}), δ = 1 when x > 0 or m = 1.
 */
function rowCore(family: CnbdFamily, k: number, r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number): { ll: number; logAliveShare: number } {
  const m = family === 'mbgcnbd' ? 1 : 0;
  const R = r + k * x;
  const base = gammaln(R) - gammaln(r) + betaln(a, b + x + m) - betaln(a, b) - r * Math.log1p(T / alpha) - k * x * Math.log(alpha + T);
  const ls2 = logSurvivalSum(R, (T - tx) / (alpha + T), k);
  if (x === 0 && m === 0) return { ll: base + ls2, logAliveShare: 0 };
  const u = Math.log(a / (b + x - 1 + m)) + R * (Math.log(alpha + T) - Math.log(alpha + tx));
  const lse = logAddExp(ls2, u);
  return { ll: base + lse, logAliveShare: ls2 - lse };
}

/** (k-1) litt - x log Γ(k): the Erlang densities' timing term of the likelihood (Platzer & Reutterer 2016, eq. 7). */
function timingTerm(k: number, x: number, litt: number): number {
  return k === 1 ? 0 : (k - 1) * litt - x * gammaln(k);
}

/**
 * Per-row CNBD-k log-likelihood, unweighted, including the timing term when `litt` is given.
 *
 * @example
 * cnbdLogLikelihood('bgcnbd', { k: 1, r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { frequency: [2], recency: [30.43], T: [38.86] }); // the BG/NBD value
 */
export function cnbdLogLikelihood(family: CnbdFamily, params: CnbdParams, data: CnbdData): Float64Array {
  const { k, r, alpha, a, b } = params;
  checkK(k);
  const n = data.frequency.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = data.frequency[i];
    out[i] = rowCore(family, k, r, alpha, a, b, x, data.recency[i], data.T[i]).ll + (data.litt ? timingTerm(k, x, data.litt[i]) : 0);
  }
  return out;
}

function checkK(k: number): void {
  if (!(k >= 1) || Math.floor(k) !== k || k > 100) throw new ClvkitError(`CNBD-k: k must be a whole number from 1 to 100, got ${k}`);
}

/**
 * The weighted CNBD-k likelihood at fixed k over a prepared summary (rows compressed on
 * (x, t_x, T)), with its analytic gradient; `timing` is the weighted total of the litt term, added
 * to the value (it does not depend on r, α, a, b).
 *
 * @example
 * const problem = cnbdProblem('bgcnbd', 2, prepareSummary(summary, 'bgcnbd'), 0);
 */
export function cnbdProblem(family: CnbdFamily, k: number, prep: PreparedSummary, timing: number, initial?: number[], coarseRows = 30000): LikelihoodProblem {
  checkK(k);
  const m = family === 'mbgcnbd' ? 1 : 0;
  const { frequency, recency, T, weights, rows, distinctFrequencies: xs, frequencyIndex: fi } = prep;
  const K = xs.length;
  const wx = new Float64Array(K);
  for (let i = 0; i < rows; i++) wx[fi[i]] += weights[i];
  const cw = new Float64Array(k);
  const compute = (p: Float64Array, grad?: Float64Array): number => {
    const [r, alpha, a, b] = p;
    let ll = timing;
    let gR = 0;
    let gAl = 0;
    let gA = 0;
    let gB = 0;
    const base = -gammaln(r) - betaln(a, b);
    const psiR = grad ? digamma(r) : 0;
    const psiB = grad ? digamma(b) : 0;
    const psiAB = grad ? digamma(a + b) : 0;
    // terms of the distinct frequencies: Γ(r+kx)/Γ(r), B(a,b+x+m)/B(a,b)
    for (let q = 0; q < K; q++) {
      const x = xs[q];
      const w = wx[q];
      ll += w * (base + gammaln(r + k * x) + betaln(a, b + x + m));
      if (grad) {
        const psiABx = digamma(a + b + x + m);
        gR += w * (digamma(r + k * x) - psiR);
        gA += w * (psiAB - psiABx);
        gB += w * (digamma(b + x + m) - psiABx - psiB + psiAB);
      }
    }
    for (let i = 0; i < rows; i++) {
      const w = weights[i];
      const x = frequency[i];
      const tx = recency[i];
      const t = T[i];
      const R = r + k * x;
      const at = alpha + t;
      const l1a = Math.log1p(t / alpha);
      const lat = Math.log(at);
      ll += w * (-r * l1a - k * x * lat);
      if (grad) {
        gR -= w * l1a;
        gAl += (w * ((r * t) / alpha - k * x)) / at;
      }
      const z = (t - tx) / at;
      const ls2 = logSurvivalSum(R, z, k, grad ? cw : undefined);
      // d log S2 / dr = Σ w_j Σ_{i<j} 1/(R+i); d log S2 / dα = -Σ j w_j / (α+T)
      let s2r = 0;
      let s2a = 0;
      if (grad && k > 1) {
        let h = 0;
        for (let j = 1; j < k; j++) {
          h += 1 / (R + j - 1);
          s2r += cw[j] * h;
          s2a -= (cw[j] * j) / at;
        }
      }
      if (x === 0 && m === 0) {
        ll += w * ls2;
        if (grad) {
          gR += w * s2r;
          gAl += w * s2a;
        }
        continue;
      }
      const latx = Math.log(alpha + tx);
      const bx = 1 / (b + x - 1 + m);
      const u = Math.log(a * bx) + R * (lat - latx);
      const lse = logAddExp(ls2, u);
      ll += w * lse;
      if (grad) {
        const sig = Math.exp(u - lse); // share of the dropout term
        const s2 = 1 - sig;
        gR += w * (s2 * s2r + sig * (lat - latx));
        gAl += w * (s2 * s2a + sig * R * (1 / at - 1 / (alpha + tx)));
        gA += (w * sig) / a;
        gB -= w * sig * bx;
      }
    }
    if (grad) {
      grad[0] = gR;
      grad[1] = gAl;
      grad[2] = gA;
      grad[3] = gB;
    }
    return ll;
  };
  return {
    names: NAMES.slice(),
    initial: initial ?? defaultInitial(prep, k),
    observations: prep.customers,
    logLikelihood: (p) => compute(p),
    gradient: (p, g) => compute(p, g),
    // the timing total is a constant: it does not move the subsample's optimum
    coarse: prep.rows > 2 * coarseRows ? cnbdProblem(family, k, subsamplePrepared(prep, coarseRows), timing, initial, coarseRows) : undefined,
  };
}

function defaultInitial(prep: PreparedSummary, k: number): number[] {
  let sx = 0;
  let sT = 0;
  for (let i = 0; i < prep.rows; i++) {
    sx += prep.weights[i] * prep.frequency[i];
    sT += prep.weights[i] * prep.T[i];
  }
  const rate = sx / Math.max(sT, 1e-12);
  const r = 0.5;
  // k stages per purchase: the stage rate is k times the purchase rate
  return [r, Math.min(Math.max(r / Math.max(k * rate, 1e-12), 1e-3), 1e6), 1, 2];
}

// ---------------------------------------------------------------------------------------------
// Predictions

/**
 * Tail probabilities P(N ≥ n), n = 0..M, of the NBD count N with Gamma(R, A) rate over a time t,
 * summed from the far end (no cancellation), M where the tail falls below 1e-18.
 */
function nbdTails(R: number, A: number, t: number, need: number): Float64Array {
  const q = t / (A + t);
  const pmf: number[] = [Math.exp(-R * Math.log1p(t / A))];
  let n = 0;
  let max = pmf[0];
  for (;;) {
    const next = (pmf[n] * (R + n) * q) / (n + 1);
    n++;
    pmf.push(next);
    if (next > max) max = next;
    // decreasing from here on and negligible (the rest is at most next / (1 - ratio))
    const ratio = ((R + n) * q) / (n + 1);
    if (n >= need && ratio < 1 && next / (1 - ratio) < 1e-18 * max) break;
    if (n > 5e6) break;
  }
  const tails = new Float64Array(pmf.length + 1);
  for (let i = pmf.length - 1; i >= 0; i--) tails[i] = tails[i + 1] + pmf[i];
  return tails;
}

/**
 * P(X ≥ n) for n = 1..: for a customer alive now with j Erlang stages already completed, stage
 * rate ~ Gamma(R, A), dropout p ~ Beta(a, b') after each purchase (`first` extra coins before the
 * first purchase): the n-th purchase happens when the stage count reaches nk - j and the customer
 * survived n - 1 + first coins, so P(X ≥ n) = E[(1-p)^{n-1+first}] P(N(t) ≥ nk - j).
 * Calls `each(n, P(X ≥ n))` until the terms vanish.
 */
function forEachAtLeast(k: number, j: number, R: number, A: number, a: number, b: number, first: number, t: number, each: (n: number, v: number) => void): void {
  const tails = nbdTails(R, A, t, k);
  // E[(1-p)^c] = B(a, b+c)/B(a, b) = Π_{i<c} (b+i)/(a+b+i)
  let surv = 1;
  for (let i = 0; i < first; i++) surv *= (b + i) / (a + b + i);
  for (let n = 1; ; n++) {
    const idx = n * k - j;
    if (idx >= tails.length) break;
    const v = surv * tails[idx];
    each(n, v);
    if (v === 0) break;
    const c = n - 1 + first;
    surv *= (b + c) / (a + b + c);
  }
}

/**
 * E[X(t)] of a CNBD-k customer alive at 0 with j stages done: Σ_n P(X ≥ n) (the stage-count
 * representation of the Erlang-k renewal process; for k = 1 the BG/NBD's G of FHL 2005a eq. 7).
 *
 * @example
 * cnbdExpectedActive(1, 0, 0.243, 4.414, 0.793, 2.426, 0, 39); // equals bgExpectedActive(0.243, 4.414, 0.793, 2.426, 39)
 */
export function cnbdExpectedActive(k: number, j: number, R: number, A: number, a: number, b: number, first: number, t: number): number {
  if (t === 0) return 0;
  let s = 0;
  forEachAtLeast(k, j, R, A, a, b, first, t, (_n, v) => (s += v));
  return s;
}

function cnbdAtLeast(k: number, j: number, R: number, A: number, a: number, b: number, first: number, t: number, n: number): number {
  if (n <= 0) return 1;
  let out = 0;
  forEachAtLeast(k, j, R, A, a, b, first, t, (i, v) => {
    if (i === n) out = v;
  });
  return out;
}

/**
 * Prediction methods of a CNBD-k model. Given the data and alive at T, the stages completed since
 * t_x are j < k with weights ∝ (r+kx)_j ((T-t_x)/(α+T))^j / j!, the stage rate is Gamma(r+kx+j, α+T)
 * and p ~ Beta(a, b+x+m) (the posterior of the likelihood's alive term, Platzer & Reutterer 2016).
 *
 * @example
 * cnbdPredictions('bgcnbd', { k: 2, r: 0.8, alpha: 4, a: 0.8, b: 2.5 }).expectedTransactions(39);
 */
export function cnbdPredictions(family: CnbdFamily, params: CnbdParams): TransactionModel {
  const { k, r, alpha, a, b } = params;
  const m = family === 'mbgcnbd' ? 1 : 0;
  const wj = new Float64Array(k);
  const palive = (x: number, tx: number, T: number) => Math.exp(rowCore(family, k, r, alpha, a, b, x, tx, T).logAliveShare);
  const posterior = (x: number, tx: number, T: number) => {
    logSurvivalSum(r + k * x, (T - tx) / (alpha + T), k, wj);
    return Float64Array.from(wj);
  };
  const condExp = (t: number, x: number, tx: number, T: number) => {
    if (t === 0) return 0;
    const w = posterior(x, tx, T);
    let e = 0;
    for (let j = 0; j < k; j++) if (w[j] > 0) e += w[j] * cnbdExpectedActive(k, j, r + k * x + j, alpha + T, a, b + x + m, 0, t);
    return palive(x, tx, T) * e;
  };
  return {
    expectedTransactions(t) {
      checkHorizon(t);
      return cnbdExpectedActive(k, 0, r, alpha, a, b, m, t);
    },
    conditionalExpectedTransactions(t, row) {
      checkHorizon(t);
      checkSummaryRow(row);
      return condExp(t, row.frequency, row.recency, row.T);
    },
    probabilityAlive(row) {
      checkSummaryRow(row);
      return palive(row.frequency, row.recency, row.T);
    },
    probabilityOfTransactions(n, t) {
      checkHorizon(t);
      if (!(n >= 0) || Math.floor(n) !== n) return 0;
      if (t === 0) return n === 0 ? 1 : 0;
      return cnbdAtLeast(k, 0, r, alpha, a, b, m, t, n) - cnbdAtLeast(k, 0, r, alpha, a, b, m, t, n + 1);
    },
    conditionalProbabilityOfTransactions(n, t, row) {
      checkHorizon(t);
      checkSummaryRow(row);
      if (!(n >= 0) || Math.floor(n) !== n) return 0;
      const { frequency: x, recency: tx, T } = row;
      const pa = palive(x, tx, T);
      if (t === 0) return n === 0 ? 1 : 0;
      const w = posterior(x, tx, T);
      let p = 0;
      for (let j = 0; j < k; j++) {
        if (!(w[j] > 0)) continue;
        const R = r + k * x + j;
        p += w[j] * (cnbdAtLeast(k, j, R, alpha + T, a, b + x + m, 0, t, n) - cnbdAtLeast(k, j, R, alpha + T, a, b + x + m, 0, t, n + 1));
      }
      return pa * p + (n === 0 ? 1 - pa : 0);
    },
    probabilityAliveAll: (data) => perUniqueRow(data, palive),
    conditionalExpectedTransactionsAll: (t, data) => (checkHorizon(t), perUniqueRow(data, (x, tx, T) => condExp(t, x, tx, T))),
  };
}

/**
 * A CNBD-k model from known parameters (no fitting): predictions only.
 *
 * @example
 * cnbdModel('mbgcnbd', { k: 3, r: 1, alpha: 2, a: 0.5, b: 3 }).probabilityAlive({ frequency: 0, recency: 0, T: 10 });
 */
export function cnbdModel(family: CnbdFamily, params: CnbdParams): CnbdModel {
  checkK(params.k);
  checkPositiveParams(family, params, NAMES);
  const p = { k: params.k, r: params.r, alpha: params.alpha, a: params.a, b: params.b };
  return {
    model: family,
    params: p,
    standardErrors: { k: NaN, r: NaN, alpha: NaN, a: NaN, b: NaN },
    logLikelihood: NaN,
    converged: false,
    iterations: 0,
    aic: NaN,
    bic: NaN,
    customers: 0,
    warning: 'built from parameters, not fitted',
    kProfile: [],
    ...cnbdPredictions(family, p),
  };
}

/**
 * Fits a CNBD-k model by maximum likelihood: at the given k, or at each k = 1..maxK (stopping two
 * steps after the likelihood starts to fall), keeping the most likely. Choosing k needs litt in
 * the data; without it k must be given, and the log-likelihood lacks the timing term (said in the
 * warning). A k that the data do not support better than k = 1 (a likelihood gain below 2) is said in
 * words.
 *
 * @example
 * const m = fitCnbd('bgcnbd', summary); // summary from summarize(), which carries litt
 * m.params.k; m.kProfile;
 */
export function fitCnbd(family: CnbdFamily, data: CnbdData, options: CnbdFitOptions = {}): CnbdModel {
  const prep = prepareSummary(data, family);
  const litt = data.litt;
  if (litt && litt.length !== data.frequency.length) throw new ClvkitError(`${family}: litt has ${litt.length} values for ${data.frequency.length} customers`);
  let sumLitt = 0;
  let sumX = 0;
  for (let i = 0; i < data.frequency.length; i++) {
    const w = data.weights ? data.weights[i] : 1;
    if (litt) {
      const v = litt[i];
      if (!Number.isFinite(v)) throw new ClvkitError(`${family}: litt of customer row ${i + 1} is not a finite number (${v})`);
      sumLitt += w * v;
    }
    sumX += w * data.frequency[i];
  }
  const timing = (k: number) => (litt ? (k - 1) * sumLitt - sumX * gammaln(k) : 0);
  const fitted = options.k !== undefined;
  if (!fitted && !litt) {
    throw new ClvkitError(`${family}: choosing k needs the timing statistic litt (the sum of log inter-purchase times), which this summary lacks; give k, or a transaction file`);
  }
  const ks = fitted ? [options.k!] : Array.from({ length: Math.max(1, Math.min(options.maxK ?? 12, 100)) }, (_, i) => i + 1);
  const { k: _k, maxK: _m, ...fitOptions } = options;
  let best: FitResultBase<Record<string, number>> | undefined;
  let bestK = 0;
  const profile: { k: number; logLikelihood: number }[] = [];
  let prev: number[] | undefined;
  let falling = 0;
  const failures: string[] = [];
  for (const k of ks) {
    checkK(k);
    // warm start: the previous k's optimum with the stage rate scaled by k / (k - 1)
    const init = prev ? [prev[0], (prev[1] * (k - 1)) / k, prev[2], prev[3]] : undefined;
    let res: FitResultBase<Record<string, number>>;
    try {
      res = fitWithEngine(family, fitted ? cnbdProblem(family, k, prep, timing(k), init) : searchProblem(family, k, prep, timing(k), init), fitOptions);
    } catch (e) {
      if (fitted || !(e instanceof ClvkitError)) throw e;
      failures.push(`k = ${k}: ${e.message}`);
      continue;
    }
    profile.push({ k, logLikelihood: res.logLikelihood });
    prev = NAMES.map((n) => res.params[n]);
    if (!best || res.logLikelihood > best.logLikelihood) {
      best = res;
      bestK = k;
      falling = 0;
    } else if (++falling >= 2) break;
  }
  if (!best) throw new ClvkitError(`${family}: no k could be fitted (${failures.join('; ')})`);
  if (!fitted && bestK > 1 && prep.rows > 2 * 30000) {
    // the search's standard errors came from the subsample's Hessian: redo them on all rows (from the optimum)
    const at = NAMES.map((n) => best!.params[n]);
    best = fitWithEngine(family, cnbdProblem(family, bestK, prep, timing(bestK), at, Number.POSITIVE_INFINITY), fitOptions);
  }
  const warnings: string[] = [];
  if (best.warning) warnings.push(best.warning);
  if (!litt) warnings.push('the summary has no litt (timing statistic): the log-likelihood lacks the Erlang timing term, so it cannot be compared across k or with other models');
  if (!fitted && profile.length > 1) {
    const k1 = profile.find((p) => p.k === 1);
    if (bestK > 1 && k1 && best.logLikelihood - k1.logLikelihood < 2) {
      warnings.push(`k = ${bestK} is hardly better supported than k = 1 (log-likelihood gain ${(best.logLikelihood - k1.logLikelihood).toFixed(2)}): the data do not identify regularity`);
    }
    if (bestK === ks[ks.length - 1]) warnings.push(`k reached the largest value tried (${bestK}): purchases are at least this regular; try a larger maxK`);
  }
  if (failures.length) warnings.push(`some k could not be fitted: ${failures.join('; ')}`);
  const params = { k: bestK, r: best.params.r, alpha: best.params.alpha, a: best.params.a, b: best.params.b };
  const nPar = fitted ? 4 : 5;
  const n = prep.customers;
  const out: CnbdModel = {
    ...best,
    model: family,
    params,
    // k is a whole number chosen by likelihood: it has no standard error (the others are conditional on it)
    standardErrors: { ...(best.standardErrors as Record<string, number>) } as CnbdModel['standardErrors'],
    aic: 2 * nPar - 2 * best.logLikelihood,
    bic: nPar * Math.log(n) - 2 * best.logLikelihood,
    kProfile: profile,
    ...cnbdPredictions(family, params),
  };
  if (warnings.length) out.warning = warnings.join('; ');
  else delete out.warning;
  return out;
}

/**
 * The likelihood at one k of the search over k, built to be cheap: k = 1 is the BG/NBD (MBG/NBD) with
 * its analytic Hessian (the same likelihood: Platzer & Reutterer 2016, eq. 7 at k = 1 is Fader, Hardie
 * & Lee 2005a, eq. 6); for k > 1 on large summaries, Newton steps use the Hessian of the reweighted
 * subsample (differenced from its analytic gradient) with the gradient of all rows, so the optimum is
 * the full likelihood's while no full-data Hessian is differenced for a k that is not kept.
 */
function searchProblem(family: CnbdFamily, k: number, prep: PreparedSummary, timing: number, initial?: number[]): LikelihoodProblem {
  if (k === 1) {
    const bg = bgFamilyProblem(family === 'bgcnbd' ? 'bgnbd' : 'mbgnbd', prep);
    return initial ? { ...bg, initial } : bg;
  }
  const full = cnbdProblem(family, k, prep, timing, initial);
  const coarse = full.coarse;
  if (!coarse) return full;
  return {
    ...full,
    hessian: (p, h) => {
      const H = numericalHessian(coarse, p);
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) h[i * 4 + j] = H[i][j];
    },
  };
}

/**
 * BG/CNBD-k fit (Platzer & Reutterer 2016).
 *
 * @example
 * fitBgCnbd(summary, { k: 2 }).params; // { k: 2, r, alpha, a, b }
 */
export function fitBgCnbd(data: CnbdData, options: CnbdFitOptions = {}): CnbdModel {
  return fitCnbd('bgcnbd', data, options);
}

/**
 * MBG/CNBD-k fit (Platzer & Reutterer 2016).
 *
 * @example
 * fitMbgCnbd(summary).params.k; // chosen by likelihood over 1..12
 */
export function fitMbgCnbd(data: CnbdData, options: CnbdFitOptions = {}): CnbdModel {
  return fitCnbd('mbgcnbd', data, options);
}
