/**
 * Pareto/NBD model (Schmittlein, Morrison & Colombo 1987, "Counting your customers: who are they
 * and what will they do next?", Management Science 33(1)); likelihood and expressions as derived in
 * Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions".
 *
 * While active, purchases follow a Poisson process with rate λ ~ Gamma(r, α); the lifetime is
 * exponential with rate μ ~ Gamma(s, β).
 *
 * Numerics: the likelihood's 2F1 terms are rewritten by Euler's transformation (DLMF 15.8.1) into
 * 2F1(1, b; c; z) with c > b and 0 <= z < 1, a positive series bounded by 1/(1 - z), and combined
 * in log space, so frequencies in the hundreds or thousands neither overflow nor cancel.
 */
import { ClvkitError } from '../errors.ts';
import type { SummaryRow } from '../types.ts';
import { checkHorizon, checkPositiveParams, checkSummaryRow, logNbdPmf, perUniqueRow, purchaseRateLimit, type TransactionModel } from './bgnbd.ts';
import { fitWithEngine, prepareSummary, subsamplePrepared, type LikelihoodProblem, type MaximizeOptions, type PreparedSummary } from './fit.ts';
import { digamma, gammaln, integrateUnit, log1mexp, log2F1Unit, logAddExp, softplus, tricomiU1, trigamma, type Log2F1Derivatives, type Log2F1SecondDerivatives } from './special.ts';
import type { FitOptions, FitResultBase, ModelLimit } from './types.ts';
import type { SummaryData } from '../types.ts';
import { compressSummary } from '../summary/compress.ts';

/**
 * Pareto/NBD parameters: purchase rates Gamma(r, alpha), dropout rates Gamma(s, beta).
 *
 * @example
 * const p: ParetoNbdParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
 */
export interface ParetoNbdParams extends Record<string, number> {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/**
 * A Pareto/NBD model: fit results, predictions and the discounted expected residual transactions.
 *
 * @example
 * const m: ParetoNbdModel = fitParetoNbd(summary);
 * m.discountedExpectedResidualTransactions({ frequency: 2, recency: 30.43, T: 38.86 }, 0.0018);
 */
export interface ParetoNbdModel extends FitResultBase<ParetoNbdParams>, TransactionModel {
  model: 'paretonbd';
  /**
   * DERT (Fader, Hardie & Lee 2005b, eq. 2): expected purchases after T discounted continuously
   * at rate `delta` per time unit, over an infinite horizon.
   */
  discountedExpectedResidualTransactions(row: SummaryRow, delta: number): number;
  /** DERT for every row of a summary. */
  discountedExpectedResidualTransactionsAll(data: SummaryData, delta: number): Float64Array;
}

const NAMES = ['r', 'alpha', 's', 'beta'];

/**
 * log of the Pareto/NBD "F" function at time t for frequency x (Fader & Hardie 2005 note, §3, the A_0
 * term after Euler's transformation), shifted by r log α + s log β:
 * F(t) = (α+t)^{-(r+x)} (β+t)^{-s} K_t with K_t = 2F1(1, r+x; r+s+x+1; (α-β)/(α+t)) when α >= β and
 * K_t = (α+t)/(β+t) · 2F1(1, s+1; r+s+x+1; (β-α)/(β+t)) when α < β, so that
 * ∫_{t_x}^T (α+τ)^{-(r+x)} (β+τ)^{-(s+1)} dτ = (F(t_x) - F(T)) / (r+s+x). The shift is written as
 * -r log(1 + t/α) - s log(1 + t/β), which keeps precision when α or β is huge.
 * With `g`, fills the gradient wrt (r, α, s, β).
 */
export function logF(
  r: number, alpha: number, s: number, beta: number, x: number, t: number,
  g?: Float64Array, d?: Log2F1Derivatives, H?: Float64Array, d2?: Log2F1SecondDerivatives,
): number {
  const at = alpha + t;
  const bt = beta + t;
  const la = Math.log(at);
  const l1a = Math.log1p(t / alpha);
  const l1b = Math.log1p(t / beta);
  let lk: number;
  const wantH = H !== undefined && d2 !== undefined && g !== undefined && d !== undefined;
  if (alpha >= beta) {
    const z = (alpha - beta) / at;
    lk = log2F1Unit(r + x, r + s + x + 1, z, d, wantH ? d2 : undefined);
    if (g && d) {
      g[0] = d.db + d.dc;
      g[1] = (d.dz * bt) / (at * at);
      g[2] = d.dc;
      g[3] = -d.dz / at;
    }
    if (wantH) {
      // b = r+x, c = r+s+x+1, z = (α-β)/(α+t): chain rule through J and the second derivatives of z
      const za = bt / (at * at);
      const zb = -1 / at;
      hessFromBcz(H!, d2!, d!.dz, [1, 0, 0, 0], [1, 0, 1, 0], [0, za, 0, zb], (-2 * bt) / (at * at * at), 1 / (at * at), 0);
    }
  } else {
    const z = (beta - alpha) / bt;
    lk = la - Math.log(bt) + log2F1Unit(s + 1, r + s + x + 1, z, d, wantH ? d2 : undefined);
    if (g && d) {
      g[0] = d.dc;
      g[1] = 1 / at - d.dz / bt;
      g[2] = d.db + d.dc;
      g[3] = -1 / bt + (d.dz * at) / (bt * bt);
    }
    if (wantH) {
      hessFromBcz(H!, d2!, d!.dz, [0, 0, 1, 0], [1, 0, 1, 0], [0, -1 / bt, 0, at / (bt * bt)], 0, 1 / (bt * bt), (-2 * at) / (bt * bt * bt));
      H![5] -= 1 / (at * at); // log(α+t)
      H![15] += 1 / (bt * bt); // -log(β+t)
    }
  }
  if (g && d) {
    g[0] -= l1a;
    g[1] += (r * t) / (alpha * at) - x / at;
    g[2] -= l1b;
    g[3] += (s * t) / (beta * bt);
  }
  if (wantH) addElementaryHessian(H!, r, alpha, s, beta, x, t);
  return -r * l1a - x * la - s * l1b + lk;
}

/** H = Jᵀ h J + h_z ∇²z for log K = h(b, c, z) with linear b, c and z(α, β) (indices r, α, s, β). */
function hessFromBcz(H: Float64Array, h: Log2F1SecondDerivatives, hz: number, Jb: number[], Jc: number[], Jz: number[], zaa: number, zab: number, zbb: number): void {
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      H[i * 4 + j] =
        Jb[i] * (Jb[j] * h.bb + Jc[j] * h.bc + Jz[j] * h.bz) +
        Jc[i] * (Jb[j] * h.bc + Jc[j] * h.cc + Jz[j] * h.cz) +
        Jz[i] * (Jb[j] * h.bz + Jc[j] * h.cz + Jz[j] * h.zz);
    }
  }
  H[5] += hz * zaa;
  H[7] += hz * zab;
  H[13] += hz * zab;
  H[15] += hz * zbb;
}

/** Adds the Hessian of -r log(1 + t/α) - x log(α+t) - s log(1 + t/β) (indices r, α, s, β). */
function addElementaryHessian(H: Float64Array, r: number, alpha: number, s: number, beta: number, x: number, t: number): void {
  const at = alpha + t;
  const bt = beta + t;
  const ra = t / (alpha * at);
  H[1] += ra;
  H[4] += ra;
  H[5] += (-r * t * (2 * alpha + t)) / (alpha * alpha * at * at) + x / (at * at);
  const sb = t / (beta * bt);
  H[11] += sb;
  H[14] += sb;
  H[15] += (-s * t * (2 * beta + t)) / (beta * beta * bt * bt);
}

/**
 * log I + r log α + s log β, with I = ∫_{t_x}^T (α+τ)^{-(r+x)} (β+τ)^{-(s+1)} dτ, through the
 * closed form I = (F(t_x) - F(T)) / (r+s+x) (Fader & Hardie 2005 note §3, A_0 term after Euler's
 * transformation).
 *
 * @example
 * logDropoutIntegralSeries(0.553, 10.578, 0.606, 11.669, 2, 30.43, 38.86);
 */
export function logDropoutIntegralSeries(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
  const fT = logF(r, alpha, s, beta, x, T);
  const fx = logF(r, alpha, s, beta, x, tx);
  return -Math.log(r + s + x) + fx + log1mexp(Math.min(fT - fx, 0));
}

/** Above this z at t_x the 2F1 series needs thousands of terms: integrate directly instead. */
export const QUADRATURE_Z = 0.98;

/** The argument z of the 2F1 series at time t (Fader & Hardie 2005 note, §3). */
export function seriesArgument(alpha: number, beta: number, t: number): number {
  return alpha >= beta ? (alpha - beta) / (alpha + t) : (beta - alpha) / (beta + t);
}

/**
 * log I + r log α + s log β, with I = ∫_{t_x}^T (α+τ)^{-(r+x)} (β+τ)^{-(s+1)} dτ (the dropout term
 * of the likelihood, Fader & Hardie 2005 note §3, before its 2F1 closed form), by tanh-sinh
 * quadrature, used where the 2F1 series converges slowly (β ≫ α or α ≫ β). The substitution
 * (α+τ)^{-(r+x)} dτ ∝ dp, p in (0, 1), leaves the smooth factor (β+τ)^{-(s+1)} to integrate.
 * With `g`, fills the gradient wrt (r, α, s, β) by differentiating under the integral.
 *
 * @example
 * logDropoutIntegralQuad(0.5, 2, 0.01, 5000, 3, 10, 40); // same value as logDropoutIntegralSeries
 */
export function logDropoutIntegralQuad(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number, g?: Float64Array, H?: Float64Array): number {
  const k = r + x - 1;
  const atx = alpha + tx;
  const btx = beta + tx;
  const vT = Math.log1p((T - tx) / atx);
  const kv = k * vT;
  // c/k = (1 - e^{-k vT})/k, with its k -> 0 limit vT
  const c = -Math.expm1(-kv);
  const ck = Math.abs(kv) < 1e-12 ? vT : c / k;
  let s0 = 0;
  let sr = 0;
  let sa = 0;
  let ss = 0;
  let sb = 0;
  const S2 = H ? new Float64Array(16) : undefined; // Σ gv (∇² log f + ∇log f ∇log fᵀ)
  const q4 = new Float64Array(4);
  // τ(p): v = -log(1 - p c)/k (v = p vT when k -> 0), τ = (α+t_x) e^v - α
  const n = 40;
  const h = 1 / 12;
  for (let j = -n; j <= n; j++) {
    const u = j * h;
    const sh = (Math.PI / 2) * Math.sinh(u);
    const e = Math.exp(-2 * Math.abs(sh));
    const small = e / (1 + e);
    const big = 1 / (1 + e);
    const p = sh >= 0 ? big : small;
    const q = sh >= 0 ? small : big;
    const wq = Math.PI * Math.cosh(u) * p * q; // dp/du
    if (wq === 0) continue;
    // 1 - p c = e^{-k vT} + q c, the second form accurate as p -> 1
    const v = Math.abs(kv) < 1e-12 ? p * vT : -(p < 0.5 ? Math.log1p(-p * c) : Math.log(Math.exp(-kv) + q * c)) / k;
    const tau = tx + atx * Math.expm1(v);
    const bt = beta + tau;
    const gv = wq * Math.exp(-(s + 1) * Math.log1p((tau - tx) / btx));
    s0 += gv;
    if (g && gv > 0) {
      const at = alpha + tau;
      // derivatives of log[(α+τ)^{-(r+x)} (β+τ)^{-(s+1)}] + r log α + s log β
      q4[0] = -Math.log1p(tau / alpha);
      q4[1] = (r * tau - x * alpha) / (alpha * at);
      q4[2] = -Math.log1p(tau / beta);
      q4[3] = (s * tau - beta) / (beta * bt);
      sr += gv * q4[0];
      sa += gv * q4[1];
      ss += gv * q4[2];
      sb += gv * q4[3];
      if (S2) {
        for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) S2[a * 4 + b] += gv * q4[a] * q4[b];
        const ra = tau / (alpha * at);
        S2[1] += gv * ra;
        S2[4] += gv * ra;
        S2[5] += gv * (-r / (alpha * alpha) + (r + x) / (at * at));
        const sbb = tau / (beta * bt);
        S2[11] += gv * sbb;
        S2[14] += gv * sbb;
        S2[15] += gv * (-s / (beta * beta) + (s + 1) / (bt * bt));
      }
    }
  }
  if (g) {
    g[0] = sr / s0;
    g[1] = sa / s0;
    g[2] = ss / s0;
    g[3] = sb / s0;
    if (H && S2) for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) H[a * 4 + b] = S2[a * 4 + b] / s0 - g[a] * g[b];
  }
  // I = (α+t_x)^{-k} (c/k) (β+t_x)^{-(s+1)} ∫ g̃ dp, g̃ = ((β+τ)/(β+t_x))^{-(s+1)}; plus r log α + s log β
  return -r * Math.log1p(tx / alpha) - (x - 1) * Math.log(atx) - s * Math.log1p(tx / beta) - Math.log(btx) + Math.log(ck) + Math.log(s0 * h);
}

/**
 * Per-row pieces of the Pareto/NBD likelihood (Fader & Hardie 2005 note, §3, with A_0):
 * L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^{-(r+x)} (β+T)^{-s} + s ∫_{t_x}^T (α+τ)^{-(r+x)} (β+τ)^{-(s+1)} dτ ].
 * Returns log L and the log of the "alive" term's share of L (log P(alive)).
 */
function rowLogLikelihood(p: ParetoNbdParams, x: number, tx: number, T: number): { ll: number; logAliveShare: number } {
  const { r, alpha, s, beta } = p;
  const c0 = gammaln(r + x) - gammaln(r);
  // alive term with r log α + s log β folded in
  const l1 = -r * Math.log1p(T / alpha) - x * Math.log(alpha + T) - s * Math.log1p(T / beta);
  let l2 = -Infinity;
  if (T > tx) {
    l2 = Math.log(s) + (seriesArgument(alpha, beta, tx) > QUADRATURE_Z
      ? logDropoutIntegralQuad(r, alpha, s, beta, x, tx, T)
      : logDropoutIntegralSeries(r, alpha, s, beta, x, tx, T));
  }
  const lse = logAddExp(l1, l2);
  // log P(alive) = -log(1 + e^{l2 - l1}): 1 - P(alive) keeps its relative precision when tiny
  return { ll: c0 + lse, logAliveShare: l2 === -Infinity ? 0 : -softplus(l2 - l1) };
}

/**
 * Per-row Pareto/NBD log-likelihood (Fader & Hardie 2005 note), unweighted.
 *
 * @example
 * paretoNbdLogLikelihood({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, { frequency: [2], recency: [30.43], T: [38.86] });
 */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, data: SummaryData): Float64Array {
  const n = data.frequency.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rowLogLikelihood(params, data.frequency[i], data.recency[i], data.T[i]).ll;
  return out;
}

/**
 * The distinct (frequency, time) pairs of a prepared summary, over its (x, T) and (x, t_x), and per row
 * the index of its (x, T) and (x, t_x) pair: the likelihood terms that depend on (x, t) only are
 * computed once per pair (the Pareto/NBD's F, the GGom/NBD's tails).
 *
 * @example
 * frequencyTimePairs(prepareSummary({ frequency: [1, 1], recency: [2, 2], T: [5, 6] }, 'paretonbd')).count; // 3
 */
export function frequencyTimePairs(prep: PreparedSummary): { x: Float64Array; t: Float64Array; atT: Int32Array; atRecency: Int32Array; count: number } {
  const { frequency, recency, T, rows } = prep;
  const px = new Float64Array(2 * rows);
  const pt = new Float64Array(2 * rows);
  for (let i = 0; i < rows; i++) {
    px[i] = frequency[i];
    pt[i] = T[i];
    px[rows + i] = frequency[i];
    pt[rows + i] = recency[i];
  }
  const pairs = compressSummary({ frequency: px, recency: pt, T: new Float64Array(2 * rows) });
  return { x: pairs.frequency, t: pairs.recency, atT: pairs.index.subarray(0, rows), atRecency: pairs.index.subarray(rows), count: pairs.weights.length };
}

/**
 * The weighted Pareto/NBD likelihood over a prepared summary with its analytic gradient (the
 * derivatives of the 2F1 series are summed term by term). Large summaries get a reweighted
 * subsample as warm start (`coarse`). `pairs` (frequencyTimePairs of `prep`) may be passed when known.
 *
 * @example
 * const problem = paretoNbdProblem(prepareSummary(summary, 'paretonbd'));
 */
export function paretoNbdProblem(prep: PreparedSummary, coarseRows = 30000, pairs = frequencyTimePairs(prep)): LikelihoodProblem {
  const { frequency, recency, T, weights, rows, distinctFrequencies: xs, frequencyIndex: fi } = prep;
  const K = xs.length;
  const wx = new Float64Array(K);
  for (let i = 0; i < rows; i++) wx[fi[i]] += weights[i];
  // F(t) depends on (x, t) only: evaluate it once per distinct (frequency, T) and (frequency, recency)
  // pair per evaluation (summaries from day-rounded dates share these pairs across many rows)
  const { x: ptX, t: ptT, atT: idxT, atRecency: idxR, count: m } = pairs;
  const fVal = new Float64Array(m); // log F (shifted), gradient, Hessian
  const fG = new Float64Array(4 * m);
  const fH = new Float64Array(16 * m);
  const eVal = new Float64Array(m); // elementary part -r log(1+t/α) - x log(α+t) - s log(1+t/β)
  const eG = new Float64Array(4 * m);
  const eH = new Float64Array(16 * m);
  const stampF = new Int32Array(m);
  const stampE = new Int32Array(m);
  let evalId = 0;
  const g2 = new Float64Array(4);
  const H2 = new Float64Array(16);
  const tg = new Float64Array(4);
  const tH = new Float64Array(16);
  const d: Log2F1Derivatives = { db: 0, dc: 0, dz: 0 };
  const d2: Log2F1SecondDerivatives = { bb: 0, bc: 0, bz: 0, cc: 0, cz: 0, zz: 0 };

  /** LL; gradient into `grad`; Hessian (row-major 4x4) into `hess` (requires grad). */
  const compute = (p: Float64Array, grad?: Float64Array, hess?: Float64Array): number => {
    const r = p[0];
    const alpha = p[1];
    const s = p[2];
    const beta = p[3];
    evalId++;
    const ensureE = (j: number) => {
      if (stampE[j] === evalId) return;
      stampE[j] = evalId;
      const x = ptX[j];
      const t = ptT[j];
      const at = alpha + t;
      const bt = beta + t;
      const l1a = Math.log1p(t / alpha);
      const l1b = Math.log1p(t / beta);
      eVal[j] = -r * l1a - x * Math.log(at) - s * l1b;
      if (grad) {
        eG[4 * j] = -l1a;
        eG[4 * j + 1] = (r * t) / (alpha * at) - x / at;
        eG[4 * j + 2] = -l1b;
        eG[4 * j + 3] = (s * t) / (beta * bt);
      }
      if (hess) {
        tH.fill(0);
        addElementaryHessian(tH, r, alpha, s, beta, x, t);
        eH.set(tH, 16 * j);
      }
    };
    const ensureF = (j: number) => {
      if (stampF[j] === evalId) return;
      stampF[j] = evalId;
      fVal[j] = logF(r, alpha, s, beta, ptX[j], ptT[j], grad ? tg : undefined, d, hess ? tH : undefined, d2);
      if (grad) fG.set(tg, 4 * j);
      if (hess) fH.set(tH, 16 * j);
    };
    let total = 0;
    const G = grad ?? tg;
    if (grad) grad.fill(0);
    if (hess) hess.fill(0);
    const psiR = grad ? digamma(r) : 0;
    const triR = hess ? trigamma(r) : 0;
    const lgR = gammaln(r);
    for (let k = 0; k < K; k++) {
      // r log α + s log β are folded into the rows (see logF)
      total += wx[k] * (gammaln(r + xs[k]) - lgR);
      if (grad) G[0] += wx[k] * (digamma(r + xs[k]) - psiR);
      if (hess) hess[0] += wx[k] * (trigamma(r + xs[k]) - triR);
    }
    for (let i = 0; i < rows; i++) {
      const w = weights[i];
      const x = frequency[i];
      const tx = recency[i];
      const t = T[i];
      // alive term (α+T)^{-(r+x)} (β+T)^{-s} α^r β^s: the elementary part at T
      const jT = idxT[i];
      ensureE(jT);
      const l1 = eVal[jT];
      const o1 = 4 * jT;
      const q1 = 16 * jT;
      if (!(t > tx)) {
        total += w * l1;
        if (grad) for (let a = 0; a < 4; a++) G[a] += w * eG[o1 + a];
        if (hess) for (let a = 0; a < 16; a++) hess[a] += w * eH[q1 + a];
        continue;
      }
      // dropout term: l2 = log s + log I (+ r log α + s log β), its gradient g2 and Hessian H2
      let l2: number;
      if (seriesArgument(alpha, beta, tx) > QUADRATURE_Z) {
        l2 = Math.log(s) + logDropoutIntegralQuad(r, alpha, s, beta, x, tx, t, grad ? g2 : undefined, hess ? H2 : undefined);
      } else {
        const jR = idxR[i];
        ensureF(jT);
        ensureF(jR);
        const fT = fVal[jT];
        const fx = fVal[jR];
        const diff = Math.min(fT - fx, 0);
        const rsx = r + s + x;
        l2 = Math.log(s / rsx) + fx + log1mexp(diff);
        if (grad) {
          // log(F(t_x) - F(T)): gradient (∇a - ρ∇b)/(1-ρ), ρ = F(T)/F(t_x)
          const rho = Math.exp(diff);
          const inv = 1 / -Math.expm1(diff);
          const oT = 4 * jT;
          const oR = 4 * jR;
          for (let a = 0; a < 4; a++) g2[a] = (fG[oR + a] - rho * fG[oT + a]) * inv;
          if (hess) {
            const hT = 16 * jT;
            const hR = 16 * jR;
            for (let a = 0; a < 4; a++) {
              for (let b = 0; b < 4; b++) {
                const q = a * 4 + b;
                H2[q] = (fH[hR + q] + fG[oR + a] * fG[oR + b] - rho * (fH[hT + q] + fG[oT + a] * fG[oT + b])) * inv - g2[a] * g2[b];
              }
            }
            const c2 = 1 / (rsx * rsx); // -log(r+s+x)
            H2[0] += c2;
            H2[2] += c2;
            H2[8] += c2;
            H2[10] += c2;
          }
          g2[0] -= 1 / rsx;
          g2[2] -= 1 / rsx;
        }
      }
      if (grad) g2[2] += 1 / s;
      if (hess) H2[10] -= 1 / (s * s);
      const lse = logAddExp(l1, l2);
      total += w * lse;
      if (grad) {
        const w1 = Math.exp(l1 - lse); // share of the "alive" term = P(alive)
        const w2 = 1 - w1;
        for (let a = 0; a < 4; a++) G[a] += w * (w1 * eG[o1 + a] + w2 * g2[a]);
        if (hess) {
          // ∇² log(e^{l1} + e^{l2}) = w1 ∇²l1 + w2 ∇²l2 + w1 w2 (∇l1 - ∇l2)(∇l1 - ∇l2)ᵀ
          const ww = w1 * w2;
          for (let a = 0; a < 4; a++) {
            const da = eG[o1 + a] - g2[a];
            for (let b = 0; b < 4; b++) {
              const q = a * 4 + b;
              hess[q] += w * (w1 * eH[q1 + q] + w2 * H2[q] + ww * da * (eG[o1 + b] - g2[b]));
            }
          }
        }
      }
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
    coarse: prep.rows > 2 * coarseRows ? paretoNbdProblem(subsamplePrepared(prep, coarseRows), coarseRows) : undefined,
  };
}

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
  const meanT = sT / prep.customers;
  return [r, alpha, 0.5, Math.max(meanT, 1e-3)];
}

/** [1 - (B/(B+t))^{s-1}] / (s-1), stable as s -> 1 (limit log(1 + t/B)). */
function powerDiff(s: number, B: number, t: number): number {
  const L = Math.log1p(t / B);
  const e = (s - 1) * L;
  return Math.abs(e) < 1e-10 ? L * (1 - e / 2) : -Math.expm1(-e) / (s - 1);
}

/**
 * P(X(t) = n) for a new Pareto/NBD customer (Fader & Hardie 2006 note "Deriving an expression for
 * P(X(t) = x) under the Pareto/NBD model"): the NBD count times the probability to be alive at t,
 * plus the dropout-time integral ∫_0^t NBD(n; τ) s β^s (β+τ)^{-(s+1)} dτ. The integral (§4
 * of the note, which evaluates it with 2F1 terms and a finite sum) is computed by tanh-sinh
 * quadrature here, which avoids the note's subtraction of nearly equal terms.
 *
 * @example
 * paretoNbdPmf({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 0, 39);
 */
export function paretoNbdPmf(p: ParetoNbdParams, n: number, t: number): number {
  if (!(n >= 0) || Math.floor(n) !== n) return 0;
  const { r, alpha, s, beta } = p;
  if (t === 0) return n === 0 ? 1 : 0;
  const logSurvive = -s * Math.log1p(t / beta); // log (β/(β+t))^s, the probability to be alive at t
  const alive = Math.exp(logNbdPmf(n, r, alpha, t) + logSurvive);
  // ∫_0^t NBD(n; τ) dF(τ) over the dropout-time distribution F(τ) = 1 - (β/(β+τ))^s, taken in F itself:
  // τ(F) = β ((1-F)^{-1/s} - 1), so the integrand is smooth however concentrated F is (s huge or tiny)
  const Ft = -Math.expm1(logSurvive);
  const dead = Ft * integrateUnit((u) => {
    const tau = beta * Math.expm1(-Math.log1p(-u * Ft) / s);
    return Math.exp(logNbdPmf(n, r, alpha, Math.min(tau, t)));
  });
  return alive + dead;
}

/**
 * Prediction methods of a Pareto/NBD model from its parameters.
 *
 * @example
 * const preds = paretoNbdPredictions({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 });
 * preds.probabilityAlive({ frequency: 500, recency: 38, T: 39 });
 */
export function paretoNbdPredictions(params: ParetoNbdParams): TransactionModel & Pick<ParetoNbdModel, 'discountedExpectedResidualTransactions' | 'discountedExpectedResidualTransactionsAll'> {
  const { r, alpha, s, beta } = params;
  // P(alive | x, t_x, T) = (α+T)^{-(r+x)} (β+T)^{-s} Γ(r+x)α^rβ^s/Γ(r) / L (Fader & Hardie 2005 note, §5)
  const palive = (x: number, tx: number, T: number) => Math.exp(rowLogLikelihood(params, x, tx, T).logAliveShare);
  // E[Y(t) | x, t_x, T] = P(alive) (r+x)(β+T)/((α+T)(s-1)) [1 - ((β+T)/(β+T+t))^{s-1}] (Fader & Hardie 2005 note, §6)
  const condExp = (t: number, x: number, tx: number, T: number) =>
    t === 0 ? 0 : palive(x, tx, T) * ((r + x) / (alpha + T)) * (beta + T) * powerDiff(s, beta + T, t);
  // FHL 2005b eq. (2): DERT = α^r β^s δ^{s-1} Γ(r+x+1) Ψ(s, s; δ(β+T)) / (Γ(r) (α+T)^{r+x+1} L),
  // written as P(alive) (r+x)/(α+T) (β+T) U(1, 2-s, δ(β+T)) since Ψ(s, s; y) = y^{1-s} U(1, 2-s, y).
  const dert = (x: number, tx: number, T: number, delta: number) =>
    palive(x, tx, T) * ((r + x) / (alpha + T)) * (beta + T) * tricomiU1(delta * (beta + T), s);
  return rowPredictions({
    // E[X(t)] = rβ/(α(s-1)) [1 - (β/(β+t))^{s-1}] (Fader & Hardie 2005 note, §4)
    expected: (t) => (t === 0 ? 0 : ((r * beta) / alpha) * powerDiff(s, beta, t)),
    palive,
    condExp,
    pmf: (n, t) => paretoNbdPmf(params, n, t),
    // Fader & Hardie, "Deriving the conditional PMF of the Pareto/NBD model" (note 028): dead -> 0 purchases;
    // alive -> the new-customer pmf with the posterior (r+x, α+T, s, β+T).
    condPmf: (n, t, x, tx, T) => {
      const pa = palive(x, tx, T);
      return pa * paretoNbdPmf({ r: r + x, alpha: alpha + T, s, beta: beta + T }, n, t) + (n === 0 ? 1 - pa : 0);
    },
    dert,
  });
}

/**
 * The per-customer quantities of a model with a dropout process, as functions of (x, t_x, T).
 *
 * @example
 * const parts: RowPredictionParts = { expected: (t) => t, palive: () => 1, condExp: (t) => t, pmf: () => 0, condPmf: () => 0, dert: () => 1 };
 */
export interface RowPredictionParts {
  expected(t: number): number;
  palive(x: number, tx: number, T: number): number;
  condExp(t: number, x: number, tx: number, T: number): number;
  pmf(n: number, t: number): number;
  condPmf(n: number, t: number, x: number, tx: number, T: number): number;
  dert(x: number, tx: number, T: number, delta: number): number;
}

/**
 * The prediction methods (argument checks, one value per distinct row for whole summaries) of a model
 * given its per-customer quantities: shared by the Pareto/NBD and the GGom/NBD.
 *
 * @example
 * rowPredictions(parts).probabilityAlive({ frequency: 2, recency: 30.43, T: 38.86 });
 */
export function rowPredictions(parts: RowPredictionParts): TransactionModel & Pick<ParetoNbdModel, 'discountedExpectedResidualTransactions' | 'discountedExpectedResidualTransactionsAll'> {
  const { expected, palive, condExp, pmf, condPmf, dert } = parts;
  const checkDelta = (delta: number) => {
    if (!(delta > 0) || !Number.isFinite(delta)) throw new ClvkitError(`discount rate delta must be a positive number, got ${delta}`);
  };
  return {
    expectedTransactions: (t) => (checkHorizon(t), expected(t)),
    conditionalExpectedTransactions(t, row) {
      checkHorizon(t);
      checkSummaryRow(row);
      return condExp(t, row.frequency, row.recency, row.T);
    },
    probabilityAlive: (row) => (checkSummaryRow(row), palive(row.frequency, row.recency, row.T)),
    probabilityOfTransactions: (n, t) => (checkHorizon(t), pmf(n, t)),
    conditionalProbabilityOfTransactions(n, t, row) {
      checkHorizon(t);
      checkSummaryRow(row);
      return condPmf(n, t, row.frequency, row.recency, row.T);
    },
    probabilityAliveAll: (data) => perUniqueRow(data, palive),
    conditionalExpectedTransactionsAll: (t, data) => (checkHorizon(t), perUniqueRow(data, (x, tx, T) => condExp(t, x, tx, T))),
    discountedExpectedResidualTransactionsAll(data, delta) {
      checkDelta(delta);
      return perUniqueRow(data, (x, tx, T) => dert(x, tx, T, delta));
    },
    discountedExpectedResidualTransactions(row, delta) {
      checkSummaryRow(row);
      checkDelta(delta);
      return dert(row.frequency, row.recency, row.T, delta);
    },
  };
}

/**
 * A Pareto/NBD model from known parameters (no fitting): predictions only.
 *
 * @example
 * const m = paretoNbdModel({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 });
 * m.expectedTransactions(39);
 */
export function paretoNbdModel(params: ParetoNbdParams): ParetoNbdModel {
  checkPositiveParams('paretonbd', params, NAMES);
  const p = { r: params.r, alpha: params.alpha, s: params.s, beta: params.beta };
  return {
    model: 'paretonbd',
    params: p,
    standardErrors: { r: NaN, alpha: NaN, s: NaN, beta: NaN },
    logLikelihood: NaN,
    converged: false,
    iterations: 0,
    aic: NaN,
    bic: NaN,
    customers: 0,
    warning: 'built from parameters, not fitted',
    ...paretoNbdPredictions(p),
  };
}

/**
 * Fits the Pareto/NBD model by maximum likelihood on the compressed summary, with the analytic
 * gradient. Throws a ClvkitError when no customer made a repeat purchase or the fit does not converge.
 *
 * @example
 * const m = fitParetoNbd({ frequency, recency, T });
 * m.params; // CDNOW: r 0.553, alpha 10.578, s 0.606, beta 11.669; LL -9595.0
 */
export function fitParetoNbd(data: SummaryData, options: FitOptions = {}): ParetoNbdModel {
  return fitParetoNbdPrepared(prepareSummary(data, 'paretonbd'), options);
}

/**
 * `fitParetoNbd` on a summary already prepared (and its frequency-time pairs, when known), for the
 * models that start from the Pareto/NBD they contain (GGom/NBD); the caller may pass the problem to
 * reuse it after the fit (the correlated Pareto/NBD takes its Hessian there).
 *
 * @example
 * const m = fitParetoNbdPrepared(prepareSummary(summary, 'ggomnbd'));
 */
export function fitParetoNbdPrepared(prep: PreparedSummary, options: FitOptions = {}, pairs = frequencyTimePairs(prep), engine: Pick<MaximizeOptions, 'standardErrors'> = {}, problem = paretoNbdProblem(prep, 30000, pairs)): ParetoNbdModel {
  const base = fitWithEngine<ParetoNbdParams>('paretonbd', problem, options, engine);
  return paretoNbdFitted(base);
}

/**
 * The Pareto/NBD predictions of a fit result (from the optimiser, or restored from a saved model), with its
 * limit and warnings when the parameters ran to a bound.
 *
 * @example
 * const m = paretoNbdFitted({ ...savedFit, model: 'paretonbd' });
 */
export function paretoNbdFitted(base: FitResultBase<ParetoNbdParams>): ParetoNbdModel {
  const limit = paretoNbdLimit(base.params);
  const rate = purchaseRateLimit('Pareto/NBD', base.params.r, base.params.alpha);
  const warnings = [...(limit ? [limit.description] : []), ...(rate ? [rate] : []), ...(base.warning ? [base.warning] : [])];
  return { ...base, model: 'paretonbd', ...(limit ? { limit } : {}), warnings, ...paretoNbdPredictions(base.params) };
}

/**
 * The limit a Pareto/NBD fit tends to when its dropout parameters ran to a bound, or undefined:
 * s, β -> ∞ at s/β = μ is one exponential lifetime rate μ for all customers; s -> 0 is the NBD
 * (nobody drops out). The formulas of Fader & Hardie (2005 note) are continuous into both limits
 * (tested against the limits' closed forms), so the predictions need no separate branch.
 *
 * @example
 * paretoNbdLimit({ r: 0.55, alpha: 10.6, s: 3e6, beta: 5e7 })?.name; // 'common-dropout'
 */
export function paretoNbdLimit(params: ParetoNbdParams): ModelLimit | undefined {
  const { s, beta } = params;
  const fmt = (v: number) => Number(v.toPrecision(4)).toString();
  const edge = Math.exp(13.5); // where the fit engine reports a drift to the edge (fit.ts)
  if (s >= edge && beta >= edge) {
    const mu = s / beta;
    return { name: 'common-dropout', description: `Pareto/NBD fit at its limit s, beta -> infinity (s = ${fmt(s)}, beta = ${fmt(beta)}): every customer has the same dropout rate s/beta = ${fmt(mu)} per time unit (mean lifetime ${fmt(1 / mu)}); predictions use that limit`, params: { mu } };
  }
  if (s <= 1 / edge || beta >= edge) {
    return { name: 'nbd', description: `Pareto/NBD fit at its limit ${s <= 1 / edge ? `s -> 0 (s = ${fmt(s)})` : `beta -> infinity (beta = ${fmt(beta)})`}: no customer drops out (the NBD model), so P(alive) = 1 for everyone; predictions use that limit`, params: {} };
  }
  return undefined;
}
