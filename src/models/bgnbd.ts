/**
 * BG/NBD model (Fader, Hardie & Lee 2005a, "Counting your customers the easy way: an alternative
 * to the Pareto/NBD model", Marketing Science 24(2), 275-284).
 *
 * Purchases follow a Poisson process with rate λ ~ Gamma(r, α) while the customer is active; after
 * each repeat purchase the customer becomes inactive with probability p ~ Beta(a, b).
 *
 * The likelihood core is shared with the MBG/NBD (`modified = true`, Batislam, Denizel &
 * Filiztekin 2007), where the customer may also drop out right after the first purchase.
 */
import { ClvkitError } from '../errors.ts';
import type { SummaryRow } from '../types.ts';
import { fitWithEngine, prepareSummary, subsamplePrepared, type LikelihoodProblem, type PreparedSummary } from './fit.ts';
import { betaExpectation, betaln, digamma, gammaln, integrateUnit, logAddExp, logBetaRatio, logGammaRatio, trigamma } from './special.ts';
import type { FitOptions, FitResultBase, ModelLimit } from './types.ts';
import type { SummaryData } from '../types.ts';
import { compressSummary, distinctDoubles } from '../summary/compress.ts';

/**
 * BG/NBD parameters: purchase rate heterogeneity Gamma(r, alpha), dropout Beta(a, b).
 *
 * @example
 * const p: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 */
export interface BgNbdParams extends Record<string, number> {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * The common prediction interface of the BG/NBD-family and Pareto/NBD models (DESIGN.md §2).
 *
 * @example
 * const m: TransactionModel = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * m.expectedTransactions(39);
 */
export interface TransactionModel {
  /** E[X(t)]: expected repeat transactions in (0, t] of a customer who made a first purchase at 0. */
  expectedTransactions(t: number): number;
  /** E[Y(t) | frequency, recency, T]: expected transactions in (T, T + t]. */
  conditionalExpectedTransactions(t: number, row: SummaryRow): number;
  /** P(alive at T | frequency, recency, T). */
  probabilityAlive(row: SummaryRow): number;
  /** P(X(t) = n) for a new customer. */
  probabilityOfTransactions(n: number, t: number): number;
  /** P(Y(t) = n | frequency, recency, T): n transactions in (T, T + t]. */
  conditionalProbabilityOfTransactions(n: number, t: number, row: SummaryRow): number;
  /** probabilityAlive for every row of a summary. */
  probabilityAliveAll(data: SummaryData): Float64Array;
  /** conditionalExpectedTransactions for every row of a summary. */
  conditionalExpectedTransactionsAll(t: number, data: SummaryData): Float64Array;
}

/**
 * A BG/NBD model: fit results plus predictions.
 *
 * @example
 * const m: BgNbdModel = fitBgNbd(summary);
 * m.params.r; m.probabilityAlive({ frequency: 2, recency: 30.43, T: 38.86 });
 */
export interface BgNbdModel extends FitResultBase<BgNbdParams>, TransactionModel {
  model: 'bgnbd';
}

/**
 * Which member of the family: BG/NBD (dropout after repeat purchases) or MBG/NBD (also at time 0).
 *
 * @example
 * const family: BgFamily = 'mbgnbd';
 */
export type BgFamily = 'bgnbd' | 'mbgnbd';

const NAMES = ['r', 'alpha', 'a', 'b'];

/**
 * Per-row log-likelihood (unweighted) of BG/NBD-family models; shared by `bgNbdLogLikelihood` and
 * `mbgNbdLogLikelihood`.
 *
 * BG/NBD, FHL 2005a eq. (6): L = B(a,b+x)/B(a,b) Γ(r+x)α^r/(Γ(r)(α+T)^{r+x})
 *   + δ_{x>0} B(a+1,b+x-1)/B(a,b) Γ(r+x)α^r/(Γ(r)(α+t_x)^{r+x}).
 * MBG/NBD, Batislam et al. 2007 (likelihood): B(a,b+x+1) in the first term and B(a+1,b+x) in the second,
 * for every x. The two terms are combined as log(first) + softplus(log(second/first)).
 *
 * @example
 * bgFamilyLogLikelihood('bgnbd', { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { frequency: [0], recency: [0], T: [38.86] });
 */
export function bgFamilyLogLikelihood(family: BgFamily, params: BgNbdParams, data: SummaryData): Float64Array {
  const { r, alpha, a, b } = params;
  const m = family === 'mbgnbd' ? 1 : 0;
  const n = data.frequency.length;
  const out = new Float64Array(n);
  const base = -gammaln(r) - betaln(a, b);
  for (let i = 0; i < n; i++) {
    const x = data.frequency[i];
    const d1 = Math.log(alpha + data.T[i]);
    // r log α - (r+x) log(α+T) written as -r log(1 + T/α) - x log(α+T)
    let ll = base + gammaln(r + x) + betaln(a, b + x + m) - r * Math.log1p(data.T[i] / alpha) - x * d1;
    if (x > 0 || m === 1) {
      const u = Math.log(a / (b + (x - 1 + m))) + (r + x) * (d1 - Math.log(alpha + data.recency[i]));
      ll = logAddExp(ll, ll + u);
    }
    out[i] = ll;
  }
  return out;
}

/**
 * Per-row BG/NBD log-likelihood (FHL 2005a eq. 6), unweighted.
 *
 * @example
 * const ll = bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { frequency: [2], recency: [30.43], T: [38.86] });
 */
export function bgNbdLogLikelihood(params: BgNbdParams, data: SummaryData): Float64Array {
  return bgFamilyLogLikelihood('bgnbd', params, data);
}

/**
 * The weighted BG/NBD-family likelihood over a prepared summary, with its analytic gradient and
 * Hessian. Terms that depend only on the frequency (log-gamma, log-beta, digamma, trigamma) are
 * computed once per distinct frequency, logs of α + T and α + t_x once per distinct value. Large
 * summaries get a reweighted subsample as warm start (`coarse`).
 *
 * @example
 * const problem = bgFamilyProblem('bgnbd', prepareSummary(summary, 'bgnbd'));
 */
export function bgFamilyProblem(family: BgFamily, prep: PreparedSummary, coarseRows = 30000): LikelihoodProblem {
  const m = family === 'mbgnbd' ? 1 : 0;
  const { frequency, recency, T, weights, rows, distinctFrequencies: xs, frequencyIndex: fi } = prep;
  const K = xs.length;
  const wx = new Float64Array(K); // total weight per distinct frequency
  for (let i = 0; i < rows; i++) wx[fi[i]] += weights[i];
  const cst = new Float64Array(K);
  const lratio = new Float64Array(K);
  const hasSecond = new Uint8Array(K);
  for (let k = 0; k < K; k++) hasSecond[k] = xs[k] > 0 || m === 1 ? 1 : 0;
  const { values: tVals, index: tIdx } = distinctDoubles(T);
  const { values: rVals, index: rIdx } = distinctDoubles(recency);
  const nT = tVals.length;
  const nR = rVals.length;
  const lnT = new Float64Array(nT);
  const invT = new Float64Array(nT);
  const lnR = new Float64Array(nR);
  const invR = new Float64Array(nR);
  const l1pT = new Float64Array(nT);

  /** LL; gradient into `grad`; Hessian (row-major 4x4) into `hess` (requires grad). */
  const compute = (p: Float64Array, grad?: Float64Array, hess?: Float64Array): number => {
    const r = p[0];
    const alpha = p[1];
    const a = p[2];
    const b = p[3];
    // r log α is folded into the rows as -r log(1 + T/α), which keeps precision when α is huge
    const base = -gammaln(r) - betaln(a, b);
    let total = 0;
    // frequency-only parts: value, gradient and Hessian (FHL 2005a eq. 6 first-term constants)
    let gR = 0;
    let gAl = 0;
    let gA = 0;
    let gB = 0;
    let hRR = 0;
    let hAA = 0;
    let hAB = 0;
    let hBB = 0;
    const psiR = grad ? digamma(r) : 0;
    const psiB = grad ? digamma(b) : 0;
    const psiAB = grad ? digamma(a + b) : 0;
    const triR = hess ? trigamma(r) : 0;
    const triB = hess ? trigamma(b) : 0;
    const triAB = hess ? trigamma(a + b) : 0;
    let W = 0;
    for (let k = 0; k < K; k++) {
      const x = xs[k];
      const w = wx[k];
      cst[k] = base + gammaln(r + x) + betaln(a, b + x + m);
      lratio[k] = hasSecond[k] ? Math.log(a / (b + (x - 1 + m))) : 0;
      total += w * cst[k];
      W += w;
      if (grad) {
        const psiABx = digamma(a + b + x + m);
        gR += w * (digamma(r + x) - psiR);
        gA += w * (psiAB - psiABx);
        gB += w * (digamma(b + x + m) - psiABx - psiB + psiAB);
        if (hess) {
          const triABx = trigamma(a + b + x + m);
          hRR += w * (trigamma(r + x) - triR);
          hAA += w * (triAB - triABx);
          hAB += w * (triAB - triABx);
          hBB += w * (trigamma(b + x + m) - triABx - triB + triAB);
        }
      }
    }
    let hRAl = hess ? W / alpha : 0;
    let hAlAl = hess ? (-W * r) / (alpha * alpha) : 0;
    let hRA = 0;
    let hRB = 0;
    let hAlA = 0;
    let hAlB = 0;
    // log(α + T) and 1/(α + T) per distinct T, likewise for recency
    for (let k = 0; k < nT; k++) {
      const v = alpha + tVals[k];
      lnT[k] = Math.log(v);
      invT[k] = 1 / v;
      l1pT[k] = Math.log1p(tVals[k] / alpha);
    }
    for (let k = 0; k < nR; k++) {
      const v = alpha + rVals[k];
      lnR[k] = Math.log(v);
      invR[k] = 1 / v;
    }
    let sA = 0;
    let sB = 0;
    for (let i = 0; i < rows; i++) {
      const k = fi[i];
      const w = weights[i];
      const rx = r + frequency[i];
      const it = tIdx[i];
      const d1 = lnT[it];
      // -(r+x) log(α+T) + r log α
      let ll = -r * l1pT[it] - frequency[i] * d1;
      // d/dα of the same: r/α - (r+x)/(α+T) = (r T/α - x)/(α+T)
      const dAl = invT[it] * ((r * tVals[it]) / alpha - frequency[i]);
      if (hasSecond[k]) {
        const ir = rIdx[i];
        const d2 = lnR[ir];
        const u = lratio[k] + rx * (d1 - d2);
        // softplus(u) and its derivative sigmoid(u)
        let sig: number;
        let e: number;
        if (u > 0) {
          e = Math.exp(-u);
          ll += u + Math.log1p(e);
          sig = 1 / (1 + e);
        } else {
          e = Math.exp(u);
          ll += Math.log1p(e);
          sig = e / (1 + e);
        }
        if (grad) {
          const D = d1 - d2;
          const iT = invT[it];
          const E = iT - invR[ir];
          const bx = 1 / (b + (frequency[i] - 1 + m));
          gR += w * (sig * D - l1pT[it]);
          gAl += w * (rx * sig * E + dAl);
          sA += w * sig;
          sB += w * sig * bx;
          if (hess) {
            // second derivatives of -rx d1 + softplus(u), u_r = D, u_α = rx E, u_a = 1/a, u_b = -bx
            const sp = sig * (1 - sig);
            const ua = rx * E;
            const ir2 = invR[ir];
            hRR += w * sp * D * D;
            hRAl += w * (-iT + sig * E + sp * D * ua);
            hRA += (w * sp * D) / a;
            hRB -= w * sp * D * bx;
            hAlAl += w * (rx * iT * iT + sig * rx * (ir2 * ir2 - iT * iT) + sp * ua * ua);
            hAlA += (w * sp * ua) / a;
            hAlB -= w * sp * ua * bx;
            hAA += (w * (sp - sig)) / (a * a);
            hAB -= (w * sp * bx) / a;
            hBB += w * (sp + sig) * bx * bx;
          }
        }
      } else if (grad) {
        const iT = invT[it];
        gR -= w * l1pT[it];
        gAl += w * dAl;
        if (hess) {
          hRAl -= w * iT;
          hAlAl += w * rx * iT * iT;
        }
      }
      total += w * ll;
    }
    if (grad) {
      grad[0] = gR;
      grad[1] = gAl;
      grad[2] = gA + sA / a;
      grad[3] = gB - sB;
    }
    if (hess) {
      const H = [hRR, hRAl, hRA, hRB, hRAl, hAlAl, hAlA, hAlB, hRA, hAlA, hAA, hAB, hRB, hAlB, hAB, hBB];
      for (let q = 0; q < 16; q++) hess[q] = H[q];
    }
    return total;
  };
  const g4 = new Float64Array(4);
  return {
    names: NAMES.slice(),
    initial: defaultInitial(prep),
    observations: prep.customers,
    logLikelihood: (p) => compute(p),
    gradient: (p, g) => compute(p, g),
    hessian: (p, h, g) => compute(p, g ?? g4, h),
    coarse: prep.rows > 2 * coarseRows ? bgFamilyProblem(family, subsamplePrepared(prep, coarseRows), coarseRows) : undefined,
  };
}

/** A data-driven start: r/alpha matches the mean repeat rate; a, b moderate. */
function defaultInitial(prep: PreparedSummary): number[] {
  let sx = 0;
  let sT = 0;
  for (let i = 0; i < prep.rows; i++) {
    sx += prep.weights[i] * prep.frequency[i];
    sT += prep.weights[i] * prep.T[i];
  }
  const rate = sx / Math.max(sT, 1e-12);
  const r = 0.5;
  const alpha = Math.min(Math.max(r / Math.max(rate, 1e-12), 1e-3), 1e6);
  return [r, alpha, 1, 2];
}

// ---------------------------------------------------------------------------------------------
// Predictions

function checkT(t: number, what = 't'): void {
  if (!(t >= 0) || !Number.isFinite(t)) throw new ClvkitError(`${what} must be a finite number >= 0, got ${t}`);
}

function checkRow(row: SummaryRow): void {
  const { frequency: x, recency: tx, T } = row;
  if (!(x >= 0) || Math.floor(x) !== x || !(T >= 0) || !(tx >= 0) || tx > T * (1 + 1e-12) || !Number.isFinite(T)) {
    throw new ClvkitError(`invalid summary row (frequency ${x}, recency ${tx}, T ${T}): need whole frequency >= 0 and 0 <= recency <= T`);
  }
}

/**
 * G(r, α, a, b, t) = E_{p~Beta(a,b), λ~Gamma(r,α)} [(1 - e^{-λpt}) / p], the expected number of
 * purchases in (0, t] of an active BG/NBD customer: FHL 2005a eq. (7),
 * (a+b-1)/(a-1) [1 - (α/(α+t))^r 2F1(r, b; a+b-1; t/(α+t))],
 * evaluated after Euler's transformation (DLMF 15.8.1) as
 * C [(1 - (1-z)^{a-1})/(a-1) - (1-z)^{a-1} Σ_{n>=1} (C-r)_n (a)_{n-1} / ((C)_n n!) z^n],
 * C = a+b-1, z = t/(α+t), which has no singularity at a = 1 and no growing terms for large r, b.
 * Falls back to quadrature over p when a + b - 1 is near or below 0.
 *
 * @example
 * bgExpectedActive(0.243, 4.414, 0.793, 2.426, 39); // E[X(39)] of the CDNOW BG/NBD fit
 */
export function bgExpectedActive(r: number, alpha: number, a: number, b: number, t: number): number {
  if (t === 0) return 0;
  const C = a + b - 1;
  const z = t / (alpha + t);
  // the series needs C away from 0, z away from 1, and no large alternating terms ((C - r)_n with
  // r >> C) or growing ones ((a)_n z^n with a large): elsewhere the expectation over p is integrated
  // (or large C, whose subtraction below loses digits in proportion to C)
  if (!(C > 0.05) || z > 0.999 || C - r < -1 || a > 40 || C > 1e4) return bgExpectedActiveBeta(r, alpha, a, b, t);
  const L = -Math.log1p(t / alpha); // log(1 - z)
  const am1 = a - 1;
  const first = Math.abs(am1 * L) < 1e-10 ? -L * (1 + (am1 * L) / 2) : -Math.expm1(am1 * L) / am1;
  const A = C - r;
  let term = (A / C) * z; // n = 1: (A)_1 (a)_0 / ((C)_1 1!) z
  let S = term;
  for (let n = 1; n < 200000; n++) {
    term *= (((A + n) * (a + n - 1)) / ((C + n) * (n + 1))) * z;
    S += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(S) && n > 2) break;
    if (term === 0) break;
  }
  const val = C * (first - Math.exp(am1 * L) * S);
  return val > 0 ? val : 0;
}

/**
 * G(r, α, a, b, t) by direct quadrature of E_p[(1 - (α/(α+pt))^r)/p] over p ~ Beta(a, b)
 * (the definition behind FHL 2005a eq. 7) by tanh-sinh quadrature, which absorbs the endpoint
 * singularities of the Beta density.
 *
 * @example
 * bgExpectedActiveQuadrature(0.243, 4.414, 0.793, 2.426, 39); // same as bgExpectedActive
 */
export function bgExpectedActiveQuadrature(r: number, alpha: number, a: number, b: number, t: number): number {
  if (t === 0) return 0;
  const lnB = betaln(a, b);
  return integrateUnit((p, q) => {
    const phi = -Math.expm1(-r * Math.log1p((p * t) / alpha)) / p;
    return Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log(q) - lnB) * phi;
  });
}

/**
 * G(r, α, a, b, t) as the expectation over p ~ Beta(a, b) of (1 - (α/(α+pt))^r)/p (the definition
 * behind FHL 2005a eq. 7), by `betaExpectation`, which stays exact as a, b -> 0 or -> ∞. Its limits:
 * a, b -> ∞ at a/(a+b) = q gives (1 - (α/(α+qt))^r)/q (one dropout probability q for all);
 * a -> 0 gives r t/α (the NBD, no dropout).
 *
 * @example
 * bgExpectedActiveBeta(0.5285, 7.2304, 0.2333e6, 0.7667e6, 52); // 1.74, the common-q limit
 */
export function bgExpectedActiveBeta(r: number, alpha: number, a: number, b: number, t: number): number {
  if (t === 0) return 0;
  const u = t / alpha;
  return betaExpectation((p) => (p === 0 ? r * u : -Math.expm1(-r * Math.log1p(p * u)) / p), a, b);
}

/**
 * log NBD pmf: P(N(t) = x) for a Poisson count with Gamma(r, α) rate (FHL 2005a, assumptions i-ii).
 *
 * @example
 * Math.exp(logNbdPmf(0, 1, 1, 1)); // (α/(α+t))^r = 0.5
 */
export function logNbdPmf(x: number, r: number, alpha: number, t: number): number {
  if (t === 0) return x === 0 ? 0 : -Infinity;
  return logGammaRatio(r, x) - gammaln(x + 1) - r * Math.log1p(t / alpha) + x * Math.log(t / (alpha + t));
}

/**
 * P(N(t) >= x) for the NBD count (sum of the pmf from x on, or one minus the head, whichever is
 * the smaller sum; both without cancellation trouble).
 *
 * @example
 * nbdTail(0, 0.5, 2, 10); // 1
 */
export function nbdTail(x: number, r: number, alpha: number, t: number): number {
  if (x <= 0) return 1;
  if (t === 0) return 0;
  let head = 0;
  for (let j = 0; j < x; j++) head += Math.exp(logNbdPmf(j, r, alpha, t));
  if (head < 0.5) return 1 - head;
  // tail directly: terms ratio (r+j)/(j+1) * t/(α+t)
  const q = t / (alpha + t);
  let term = Math.exp(logNbdPmf(x, r, alpha, t));
  let s = term;
  for (let j = x; j < x + 1e7; j++) {
    term *= ((r + j) / (j + 1)) * q;
    s += term;
    if (term < 1e-17 * s && (r + j) * q < j + 1) break;
  }
  return Math.min(s, 1);
}

/**
 * The dropout side of a BG/NBD-family model: p ~ Beta(a, b) in general, or one of its limits, which a
 * fit whose parameters run to a bound is reported as (see `bgNbdLimit`):
 * - `common-dropout`: a, b -> ∞ at a/(a+b) = q, every customer drops out with the same probability q;
 * - `nbd`: a -> 0, nobody drops out (the NBD model, P(alive) = 1).
 *
 * @example
 * const d: BgDropout = { kind: 'common-dropout', q: 0.2333 };
 */
export type BgDropout = { kind: 'beta'; a: number; b: number } | { kind: 'common-dropout'; q: number } | { kind: 'nbd' };

/** log E[p^i (1-p)^j] under the dropout distribution with b shifted by k (the posterior after k purchases). */
function dropoutLogMoment(d: BgDropout, i: number, j: number, k: number): number {
  if (d.kind === 'beta') return logBetaRatio(d.a, d.b + k, i, j); // B(a+i, b+k+j)/B(a, b+k)
  if (d.kind === 'nbd') return i > 0 ? -Infinity : 0;
  return (i > 0 ? i * Math.log(d.q) : 0) + (j > 0 ? j * Math.log1p(-d.q) : 0);
}

/** G(r, α, ·, t) of an active customer under the dropout distribution with b shifted by k (FHL 2005a eq. 7 and its limits). */
function dropoutExpectedActive(d: BgDropout, r: number, alpha: number, k: number, t: number): number {
  if (t === 0) return 0;
  if (d.kind === 'beta') return bgExpectedActive(r, alpha, d.a, d.b + k, t);
  // nbd: E[λ t] = r t / α (FHL 2005a assumption ii); common q: E_λ[(1 - e^{-λ q t})/q] = (1 - (α/(α+qt))^r)/q
  if (d.kind === 'nbd') return (r * t) / alpha;
  return -Math.expm1(-r * Math.log1p((d.q * t) / alpha)) / d.q;
}

/**
 * P(X(t) = n) under a BG/NBD-family model with parameters (r, α, a, b):
 * BG/NBD FHL 2005a eq. (8): B(a,b+n)/B(a,b) NBD(n) + δ_{n>0} B(a+1,b+n-1)/B(a,b) P(NBD >= n);
 * MBG/NBD (dropout also at time 0, Batislam et al. 2007): B(a,b+n+1)/B(a,b) NBD(n) + B(a+1,b+n)/B(a,b) P(NBD >= n).
 *
 * @example
 * bgFamilyPmf('bgnbd', 0.243, 4.414, 0.793, 2.426, 0, 39);
 */
export function bgFamilyPmf(family: BgFamily, r: number, alpha: number, a: number, b: number, n: number, t: number): number {
  return dropoutPmf(family, { kind: 'beta', a, b }, 0, r, alpha, n, t);
}

/** bgFamilyPmf for any dropout distribution, b shifted by k: E[(1-p)^{n+m}] NBD(n) + E[p (1-p)^{n-1+m}] P(NBD >= n). */
function dropoutPmf(family: BgFamily, d: BgDropout, k: number, r: number, alpha: number, n: number, t: number): number {
  if (!(n >= 0) || Math.floor(n) !== n) return 0;
  const m = family === 'mbgnbd' ? 1 : 0;
  let p = Math.exp(dropoutLogMoment(d, 0, n + m, k) + logNbdPmf(n, r, alpha, t));
  if (n > 0 || m === 1) p += Math.exp(dropoutLogMoment(d, 1, n - 1 + m, k)) * nbdTail(n, r, alpha, t);
  return p;
}

/**
 * Applies a per-customer function once per distinct (frequency, recency, T) row and spreads the
 * results back to every customer (the summary is compressed first when it is large).
 *
 * @example
 * perUniqueRow({ frequency: [1, 1], recency: [2, 2], T: [5, 5] }, (x, tx, T) => x + tx + T); // [8, 8]
 */
export function perUniqueRow(data: SummaryData, f: (x: number, tx: number, T: number) => number): Float64Array {
  const n = data.frequency.length;
  const out = new Float64Array(n);
  if (n < 2000) {
    for (let i = 0; i < n; i++) out[i] = f(data.frequency[i], data.recency[i], data.T[i]);
    return out;
  }
  const c = compressSummary(data);
  const m = c.weights.length;
  const u = new Float64Array(m);
  for (let j = 0; j < m; j++) u[j] = f(c.frequency[j], c.recency[j], c.T[j]);
  for (let i = 0; i < n; i++) out[i] = u[c.index[i]];
  return out;
}

/**
 * log of the odds term u = log(second/first likelihood term); P(alive) = 1/(1+e^u).
 *
 * @example
 * aliveLogOdds('bgnbd', { kind: 'beta', a: 0.793, b: 2.426 }, 0.243, 4.414, 2, 30.43, 38.86); // P(alive) = 1/(1+e^u)
 */
export function aliveLogOdds(family: BgFamily, d: BgDropout, r: number, alpha: number, x: number, tx: number, T: number): number {
  const m = family === 'mbgnbd' ? 1 : 0;
  if ((x === 0 && m === 0) || d.kind === 'nbd') return -Infinity;
  const odds = d.kind === 'beta' ? betaDropoutOdds(d.a, d.b, x, m) : Math.log(d.q) - Math.log1p(-d.q);
  return aliveLogOddsFrom(odds, r, alpha, x, tx, T);
}

/**
 * The part of aliveLogOdds that depends on x only, under a Beta(a, b) dropout (m = 1 for MBG/NBD):
 * log(a/(b+x-1+m)), since a/(b+x-1+m) = E[p (1-p)^{x-1+m}] / E[(1-p)^{x+m}] (FHL 2005a appendix; Batislam et al. 2007).
 *
 * @example
 * betaDropoutOdds(0.793, 2.426, 2, 0); // log(0.793 / 3.426)
 */
export function betaDropoutOdds(a: number, b: number, x: number, m: number): number {
  return Math.log(a / (b + (x - 1 + m)));
}

/**
 * aliveLogOdds from its x-only part `odds`: odds + (r+x) log((α+T)/(α+t_x)), the log written as log1p so that
 * it stays exact when α is huge (FHL 2005a appendix).
 *
 * @example
 * aliveLogOddsFrom(betaDropoutOdds(0.793, 2.426, 2, 0), 0.243, 4.414, 2, 30.43, 38.86); // = aliveLogOdds('bgnbd', …)
 */
export function aliveLogOddsFrom(odds: number, r: number, alpha: number, x: number, tx: number, T: number): number {
  return odds + (r + x) * Math.log1p((T - tx) / (alpha + tx));
}

/**
 * P(alive) = 1/(1 + e^u) from the log-odds u of aliveLogOdds, without overflow for either sign of u.
 *
 * @example
 * aliveFromLogOdds(-Infinity); // 1
 */
export function aliveFromLogOdds(u: number): number {
  return u === -Infinity ? 1 : u > 0 ? Math.exp(-u) / (1 + Math.exp(-u)) : 1 / (1 + Math.exp(u));
}

/**
 * Builds the prediction methods of a BG/NBD-family model from its parameters.
 *
 * @example
 * const preds = bgFamilyPredictions('bgnbd', { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * preds.probabilityAlive({ frequency: 0, recency: 0, T: 10 }); // 1
 */
export function bgFamilyPredictions(family: BgFamily, params: BgNbdParams, limit?: BgDropout): TransactionModel {
  const { r, alpha, a, b } = params;
  const m = family === 'mbgnbd' ? 1 : 0;
  const d: BgDropout = limit ?? { kind: 'beta', a, b };
  // P(alive) = 1 / (1 + e^u): BG/NBD FHL 2005a appendix / note "Computing P(alive) using the BG/NBD model";
  // MBG/NBD Batislam et al. 2007 (P(alive) with the time-0 dropout)
  const palive = (x: number, tx: number, T: number) => {
    return aliveFromLogOdds(aliveLogOdds(family, d, r, alpha, x, tx, T));
  };
  // E[Y(t) | x, t_x, T] = P(alive) · G(r+x, α+T, a, b+x+m, t): FHL 2005a eq. (10), Batislam et al. 2007 (conditional expectation)
  const condExp = (t: number, x: number, tx: number, T: number) =>
    t === 0 ? 0 : palive(x, tx, T) * dropoutExpectedActive(d, r + x, alpha + T, x + m, t);
  return {
    expectedTransactions(t: number): number {
      checkT(t);
      // BG/NBD FHL 2005a eq. (7); MBG/NBD: E[X(t)] = b/(a+b) G(r, α, a, b+1, t) (Batislam et al. 2007, mean)
      return m === 0 ? dropoutExpectedActive(d, r, alpha, 0, t) : Math.exp(dropoutLogMoment(d, 0, 1, 0)) * dropoutExpectedActive(d, r, alpha, 1, t);
    },
    conditionalExpectedTransactions(t: number, row: SummaryRow): number {
      checkT(t);
      checkRow(row);
      return condExp(t, row.frequency, row.recency, row.T);
    },
    probabilityAlive(row: SummaryRow): number {
      checkRow(row);
      return palive(row.frequency, row.recency, row.T);
    },
    probabilityOfTransactions(n: number, t: number): number {
      checkT(t);
      return dropoutPmf(family, d, 0, r, alpha, n, t);
    },
    conditionalProbabilityOfTransactions(n: number, t: number, row: SummaryRow): number {
      checkT(t);
      checkRow(row);
      // Posterior decomposition: dead -> 0 purchases; alive -> BG/NBD pmf (eq. 8) with the posterior
      // (r+x, α+T, a, b+x+m), as in the derivation of FHL 2005a eq. (10).
      const pa = palive(row.frequency, row.recency, row.T);
      const x = row.frequency;
      const pm = dropoutPmf('bgnbd', d, x + m, r + x, alpha + row.T, n, t);
      return pa * pm + (n === 0 ? 1 - pa : 0);
    },
    probabilityAliveAll(data: SummaryData): Float64Array {
      return perUniqueRow(data, palive);
    },
    conditionalExpectedTransactionsAll(t: number, data: SummaryData): Float64Array {
      checkT(t);
      return perUniqueRow(data, (x, tx, T) => condExp(t, x, tx, T));
    },
  };
}

/** A parameter beyond e^±13.5 is where the fit engine reports a drift to the edge of the parameter space (fit.ts). */
const LIMIT_LARGE = Math.exp(13.5);
const LIMIT_SMALL = Math.exp(-13.5);

/**
 * The limit a BG/NBD-family fit tends to when its dropout parameters ran to a bound, or undefined:
 * a, b -> ∞ together (or a alone, q -> 1) is one dropout probability q = a/(a+b) shared by all
 * customers; a -> 0, or b -> ∞ alone, is the NBD (nobody drops out, P(alive) = 1). The returned
 * dropout is what the predictions then use.
 *
 * @example
 * bgFamilyLimit('bgnbd', { r: 0.53, alpha: 7.2, a: 7e6, b: 2.3e7 })?.limit.name; // 'common-dropout'
 */
export function bgFamilyLimit(family: BgFamily, params: BgNbdParams): { dropout: BgDropout; limit: ModelLimit } | undefined {
  const { a, b } = params;
  const title = family === 'mbgnbd' ? 'MBG/NBD' : 'BG/NBD';
  const fmt = (v: number) => Number(v.toPrecision(4)).toString();
  if (a >= LIMIT_LARGE || (b <= LIMIT_SMALL && a > LIMIT_SMALL)) {
    // (b -> 0 at fixed a piles the dropout probability at 1, as a -> ∞ alone does)
    const q = a / (a + b);
    const after = family === 'mbgnbd' ? 'at the first purchase and after each repeat purchase' : 'after each repeat purchase';
    const which = a >= LIMIT_LARGE ? (b >= LIMIT_LARGE ? 'a, b -> infinity' : 'a -> infinity') : 'b -> 0';
    return {
      dropout: { kind: 'common-dropout', q },
      limit: {
        name: 'common-dropout',
        description: `${title} fit at its limit ${which} (a = ${fmt(a)}, b = ${fmt(b)}): every customer drops out with the same probability q = a/(a+b) = ${fmt(q)} ${after}; predictions use that limit`,
        params: { q },
      },
    };
  }
  if (a <= LIMIT_SMALL || b >= LIMIT_LARGE) {
    const which = a <= LIMIT_SMALL ? `a -> 0 (a = ${fmt(a)})` : `b -> infinity (b = ${fmt(b)})`;
    return {
      dropout: { kind: 'nbd' },
      limit: {
        name: 'nbd',
        description: `${title} fit at its limit ${which}: no customer drops out (the NBD model), so P(alive) = 1 for everyone; predictions use that limit`,
        params: {},
      },
    };
  }
  return undefined;
}

/**
 * The note for a fit whose purchase-rate parameters r, α ran to infinity together: the Gamma(r, α) rates
 * collapse to one rate λ = r/α for every customer (Poisson purchases, no heterogeneity), or undefined.
 *
 * @example
 * purchaseRateLimit('BG/NBD', 4e6, 2e7); // '... the same purchase rate r/alpha = 0.2 ...'
 */
export function purchaseRateLimit(title: string, r: number, alpha: number): string | undefined {
  if (!(r >= LIMIT_LARGE && alpha >= LIMIT_LARGE)) return undefined;
  const lambda = Number((r / alpha).toPrecision(4));
  return `${title} fit at its limit r, alpha -> infinity (r = ${Number(r.toPrecision(4))}): every active customer buys at the same rate r/alpha = ${lambda} per time unit (Poisson purchases, no difference between customers); predictions use that limit`;
}

/**
 * Predictions of a fitted BG/NBD-family model, with its limit and warnings when the parameters ran to a bound.
 *
 * @example
 * const { limit, warnings, ...preds } = bgFamilyFitted('bgnbd', fitted);
 */
export function bgFamilyFitted<P extends FitResultBase<BgNbdParams>>(family: BgFamily, base: P): P & TransactionModel {
  const lim = bgFamilyLimit(family, base.params);
  const rate = purchaseRateLimit(family === 'mbgnbd' ? 'MBG/NBD' : 'BG/NBD', base.params.r, base.params.alpha);
  const warnings = [...(lim ? [lim.limit.description] : []), ...(rate ? [rate] : []), ...(base.warning ? [base.warning] : [])];
  return { ...base, ...(lim ? { limit: lim.limit } : {}), warnings, ...bgFamilyPredictions(family, base.params, lim?.dropout) };
}

function notFitted(): Pick<FitResultBase<BgNbdParams>, 'logLikelihood' | 'converged' | 'iterations' | 'aic' | 'bic' | 'customers' | 'warning'> {
  return { logLikelihood: NaN, converged: false, iterations: 0, aic: NaN, bic: NaN, customers: 0, warning: 'built from parameters, not fitted' };
}

function checkParams(model: string, p: Record<string, number>, names: string[]): void {
  for (const n of names) {
    if (!(p[n] > 0) || !Number.isFinite(p[n])) throw new ClvkitError(`${model}: parameter ${n} must be a positive finite number, got ${p[n]}`);
  }
}

/**
 * A BG/NBD model from known parameters (no fitting): predictions only.
 *
 * @example
 * const m = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * m.conditionalExpectedTransactions(39, { frequency: 2, recency: 30.43, T: 38.86 }); // 1.226
 */
export function bgNbdModel(params: BgNbdParams): BgNbdModel {
  checkParams('bgnbd', params, NAMES);
  const p = { r: params.r, alpha: params.alpha, a: params.a, b: params.b };
  return {
    model: 'bgnbd',
    params: p,
    standardErrors: { r: NaN, alpha: NaN, a: NaN, b: NaN },
    ...notFitted(),
    ...bgFamilyPredictions('bgnbd', p),
  };
}

/**
 * Fits the BG/NBD model by maximum likelihood (FHL 2005a eq. 6) on the compressed summary.
 * Throws a ClvkitError when no customer made a repeat purchase or the fit does not converge.
 *
 * @example
 * const m = fitBgNbd({ frequency, recency, T });
 * m.params; // { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } on CDNOW
 * m.logLikelihood; // -9582.4
 */
export function fitBgNbd(data: SummaryData, options: FitOptions = {}): BgNbdModel {
  const prep = prepareSummary(data, 'bgnbd');
  const base = fitWithEngine<BgNbdParams>('bgnbd', bgFamilyProblem('bgnbd', prep), options);
  return bgFamilyFitted('bgnbd', { ...base, model: 'bgnbd' as const });
}

export { checkParams as checkPositiveParams, checkRow as checkSummaryRow, checkT as checkHorizon };
