/**
 * Pareto/NBD with correlated purchase and dropout rates: the Sarmanov bivariate mixing distribution
 * of Park & Fader (2004), "Modeling browsing behavior at multiple websites", Marketing Science 23(3),
 * as used for the Pareto/NBD by CLVTools (the alternative to the lognormal of Abe 2009).
 *
 * f(λ, μ) = g(λ; r, α) h(μ; s, β) [1 + ω (e^{-λ} − L1)(e^{-μ} − L2)], L1 = (α/(α+1))^r, L2 = (β/(β+1))^s
 * (e^{-λ} with λ per time unit of the data). Because e^{-λ} g(λ; r, α) = L1 g(λ; r, α+1), every
 * expectation is four Pareto/NBD ones: with P(α', β') the Pareto/NBD quantity at (r, α', s, β'),
 * L = P(α, β) + ω L1 L2 [P(α+1, β+1) − P(α+1, β) − P(α, β+1) + P(α, β)], for the likelihood and
 * likewise for P(alive)·L, E[Y(t)]·L, DERT·L and the pmf. ω = 0 is the Pareto/NBD.
 * Corr(λ, μ) = ω L1 L2 √(rs) / ((α+1)(β+1)) (Park & Fader 2004).
 */
import { ClvkitError } from '../errors.ts';
import type { SummaryData, SummaryRow } from '../types.ts';
import { checkHorizon, checkPositiveParams, checkSummaryRow, perUniqueRow, type TransactionModel } from './bgnbd.ts';
import { likelihoodRatioTest, type LikelihoodRatioTest } from './covariates/lr-test.ts';
import { invertSpd, prepareSummary, type PreparedSummary } from './fit.ts';
import { fitIndependentStart, isImprovable, searchProfile, type Edge, type Profile } from './paretonbd-correlated-search.ts';
import { QUADRATURE_Z, frequencyTimePairs, logDropoutIntegralQuad, logF, paretoNbdLogLikelihood, paretoNbdPredictions, seriesArgument, type ParetoNbdParams } from './paretonbd.ts';
import { digamma, gammaln, log1mexp, logAddExp, type Log2F1Derivatives } from './special.ts';
import type { FitOptions, FitResultBase } from './types.ts';

/**
 * Parameters: the Pareto/NBD's and the Sarmanov ω (its range depends on the others, see omegaBounds).
 *
 * @example
 * const p: CorrelatedParetoNbdParams = { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7, omega: 0 };
 */
export interface CorrelatedParetoNbdParams extends Record<string, number> {
  r: number;
  alpha: number;
  s: number;
  beta: number;
  omega: number;
}

/**
 * A fitted correlated Pareto/NBD: predictions, the correlation of the rates with its standard error,
 * and the likelihood-ratio test of zero correlation against the Pareto/NBD fitted on the same data.
 *
 * @example
 * const m = fitCorrelatedParetoNbd(summary);
 * m.correlation; m.zeroCorrelationTest.p;
 */
export interface CorrelatedParetoNbdModel extends FitResultBase<CorrelatedParetoNbdParams>, TransactionModel {
  model: 'paretonbdcor';
  /** Corr(λ, μ). */
  correlation: number;
  correlationSE: number;
  /** 2 (LL − LL of the Pareto/NBD), χ² with 1 degree of freedom (ω = 0 is inside the parameter space). */
  zeroCorrelationTest?: LikelihoodRatioTest & { independentLogLikelihood: number };
  discountedExpectedResidualTransactions(row: SummaryRow, delta: number): number;
}

const SHIFTS: [number, number][] = [[0, 0], [1, 1], [1, 0], [0, 1]];

/**
 * The admissible range of ω, where the density stays ≥ 0 for all λ, μ ≥ 0:
 * (e^{-λ} − L1) ranges over (−L1, 1 − L1], so ω ∈ [−1/max((1−L1)(1−L2), L1 L2), 1/max(L1(1−L2), L2(1−L1))].
 *
 * @example
 * omegaBounds(0.55, 10.6, 0.6, 11.7); // { lo, hi, c: L1 L2 }
 */
export function omegaBounds(r: number, alpha: number, s: number, beta: number): { lo: number; hi: number; c: number } {
  const L1 = Math.exp(-r * Math.log1p(1 / alpha));
  const L2 = Math.exp(-s * Math.log1p(1 / beta));
  return { lo: -1 / Math.max((1 - L1) * (1 - L2), L1 * L2), hi: 1 / Math.max(L1 * (1 - L2), L2 * (1 - L1)), c: L1 * L2 };
}

/**
 * Corr(λ, μ) of the Sarmanov mixing distribution (Park & Fader 2004): ω L1 L2 √(rs)/((α+1)(β+1)).
 *
 * @example
 * rateCorrelation({ r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7, omega: 0 }); // 0
 */
export function rateCorrelation(p: CorrelatedParetoNbdParams): number {
  const { c } = omegaBounds(p.r, p.alpha, p.s, p.beta);
  return (p.omega * c * Math.sqrt(p.r * p.s)) / ((p.alpha + 1) * (p.beta + 1));
}

function shifted(p: { r: number; alpha: number; s: number; beta: number }, q: number): ParetoNbdParams {
  return { r: p.r, alpha: p.alpha + SHIFTS[q][0], s: p.s, beta: p.beta + SHIFTS[q][1] };
}

/**
 * Per-row log-likelihood, unweighted (the mixture of four Pareto/NBD likelihoods above).
 *
 * @example
 * correlatedParetoNbdLogLikelihood({ r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7, omega: 5 }, { frequency: [2], recency: [30], T: [39] });
 */
export function correlatedParetoNbdLogLikelihood(params: CorrelatedParetoNbdParams, data: SummaryData): Float64Array {
  const lls = SHIFTS.map((_, q) => paretoNbdLogLikelihood(shifted(params, q), data));
  const { c } = omegaBounds(params.r, params.alpha, params.s, params.beta);
  const out = new Float64Array(data.frequency.length);
  for (let i = 0; i < out.length; i++) out[i] = mixLog(lls, i, params.omega * c).logL;
  return out;
}

/** log L = ll00 + log(1 + ωc (R11 − R10 − R01 + 1)), Rij = P_ij / P_00, and the four shares P_ij/L. */
function mixLog(lls: Float64Array[], i: number, wc: number): { logL: number; shares: number[] } {
  const l0 = lls[0][i];
  const R = lls.map((l) => Math.exp(l[i] - l0));
  const inner = 1 + wc * (R[1] - R[2] - R[3] + R[0]);
  const logL = l0 + Math.log(inner);
  // shares of P_ij / L in L = (1 + ωc) P00 + ωc (P11 − P10 − P01)
  return { logL, shares: R.map((v) => v / inner) };
}

type Pairs = ReturnType<typeof frequencyTimePairs>;

/**
 * The pairs renumbered by (time, frequency): compressed rows come sorted by T (prepareSummary), so a row
 * pass then reads its (x, T) pair's quantities from a small block of the pair arrays instead of all over
 * them (a renumbering: every sum is over the same terms in the same order).
 *
 * @example
 * const local = inLocalOrder(frequencyTimePairs(prep));
 */
function inLocalOrder(pairs: Pairs): Pairs {
  const m = pairs.count;
  const byPair = new Int32Array(m);
  for (let j = 0; j < m; j++) byPair[j] = j;
  byPair.sort((a, b) => pairs.t[a] - pairs.t[b] || pairs.x[a] - pairs.x[b]);
  const rank = new Int32Array(m);
  const x = new Float64Array(m);
  const t = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    rank[byPair[r]] = r;
    x[r] = pairs.x[byPair[r]];
    t[r] = pairs.t[byPair[r]];
  }
  const n = pairs.atT.length;
  const atT = new Int32Array(n);
  const atRecency = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    atT[i] = rank[pairs.atT[i]];
    atRecency[i] = rank[pairs.atRecency[i]];
  }
  return { x, t, atT, atRecency, count: m };
}

/**
 * The arrays the pair and row passes read and write: per pair and shift (alive term, log F, their gradients,
 * ratios across shifts) and per row (kind, pair indices, weights, ρ, L00, D). The passes are top-level
 * functions of this one object, not closures of each likelihood, so the optimised code of their loops
 * survives from one fit to the next (closures made anew per fit were recompiled each time: at 1M
 * customers the first evaluation of each fit cost ~180 ms instead of ~50).
 */
interface LikState {
  rows: number;
  m: number;
  ptX: Float64Array;
  ptT: Float64Array;
  l1A: Float64Array;
  l1B: Float64Array;
  eG: Float64Array;
  fG: Float64Array;
  useF: Uint8Array;
  P: Float64Array;
  R: Float64Array;
  quadBits: Uint8Array;
  pairXi: Int32Array;
  fgTmp: Float64Array;
  d: Log2F1Derivatives;
  kind: Uint8Array;
  atT: Int32Array;
  atRecency: Int32Array;
  fi: Int32Array;
  w0: Float64Array;
  ef: Float64Array;
  ief: Float64Array;
  iK: Float64Array;
  PD: Float64Array;
  APD: Float64Array;
  RD: Float64Array;
  kx: Float64Array;
  lg: Float64Array;
  eV: Float64Array;
  fV: Float64Array;
  fMax: Float64Array;
  fMin: Float64Array;
  rhoRow: Float64Array;
  L0: Float64Array;
  Dm: Float64Array;
  SP: Float64Array;
  SA: Float64Array;
  SR: Float64Array;
  wP: Float64Array;
  wR: Float64Array;
}

/**
 * Per pair: the four shifts' alive terms e_q = −r log(1 + t/α') − x log(α'+t) − s log(1 + t/β') (r log α' +
 * s log β' folded in, as logF), P_q = e^{e_q − e_0}, and which shifts need the direct quadrature.
 */
function aliveTerms(S: LikState, r: number, alpha: number, s: number, beta: number): void {
  const { m, ptX, ptT, l1A, l1B, eV, P, quadBits } = S;
  for (let j = 0; j < m; j++) {
    const x = ptX[j];
    const t = ptT[j];
    const a0 = Math.log1p(t / alpha);
    const a1 = Math.log1p(t / (alpha + 1));
    const b0 = Math.log1p(t / beta);
    const b1 = Math.log1p(t / (beta + 1));
    const la0 = Math.log(alpha + t);
    const la1 = Math.log(alpha + 1 + t);
    l1A[j] = a0;
    l1A[m + j] = a1;
    l1B[j] = b0;
    l1B[m + j] = b1;
    const e0 = -r * a0 - x * la0 - s * b0;
    const e1 = -r * a1 - x * la1 - s * b1;
    const e2 = -r * a1 - x * la1 - s * b0;
    const e3 = -r * a0 - x * la0 - s * b1;
    eV[j] = e0;
    eV[m + j] = e1;
    eV[2 * m + j] = e2;
    eV[3 * m + j] = e3;
    P[3 * j] = Math.exp(e1 - e0);
    P[3 * j + 1] = Math.exp(e2 - e0);
    P[3 * j + 2] = Math.exp(e3 - e0);
    let bits = 0;
    for (let q = 0; q < 4; q++) if (seriesArgument(alpha + SHIFTS[q][0], beta + SHIFTS[q][1], t) > QUADRATURE_Z) bits |= 1 << q;
    quadBits[j] = bits;
  }
}

/** log F at every (shift, pair) some row uses and, for a gradient, its derivatives in the same series pass. */
function seriesTerms(S: LikState, r: number, alpha: number, s: number, beta: number, grad: boolean): void {
  const { m, ptX, ptT, useF, fV, fG, fgTmp, d } = S;
  for (let o = 0; o < 4 * m; o++) {
    if (!useF[o]) continue;
    const q = (o / m) | 0;
    const j = o - q * m;
    fV[o] = logF(r, alpha + SHIFTS[q][0], s, beta + SHIFTS[q][1], ptX[j], ptT[j], grad ? fgTmp : undefined, grad ? d : undefined);
    if (grad) fG.set(fgTmp, 4 * o);
  }
}

/** ∇e_q at every (shift, pair) (the elementary part of logF, paretonbd.ts), from the logs of the last aliveTerms. */
function aliveGradients(S: LikState, r: number, alpha: number, s: number, beta: number): void {
  const { m, ptX, ptT, l1A, l1B, eG } = S;
  for (let j = 0; j < m; j++) {
    const x = ptX[j];
    const t = ptT[j];
    for (let q = 0; q < 4; q++) {
      const al = alpha + SHIFTS[q][0];
      const be = beta + SHIFTS[q][1];
      const at = al + t;
      const o = 4 * (q * m + j);
      eG[o] = q === 0 || q === 3 ? -l1A[j] : -l1A[m + j];
      eG[o + 1] = (r * t) / (al * at) - x / at;
      eG[o + 2] = q === 0 || q === 2 ? -l1B[j] : -l1B[m + j];
      eG[o + 3] = (s * t) / (be * (be + t));
    }
  }
}

/**
 * Per pair with F at all shifts: iK = e^{e_0 − f_0}, R_q = e^{f_q − f_0}, the signed sums 1 + P_1 − P_2 − P_3
 * (times iK) and 1 + R_1 − R_2 − R_3, and e^{f_0 − max f_0 of its frequency} with its inverse where that
 * frequency's f_0 span stays within the double range.
 */
function ratioTerms(S: LikState): void {
  const { m, useF, eV, fV, iK, R, P, PD, APD, RD, fMax, fMin, pairXi, ef, ief } = S;
  for (let j = 0; j < m; j++) {
    PD[j] = 1 + P[3 * j] - P[3 * j + 1] - P[3 * j + 2];
    if (!(useF[j] && useF[m + j] && useF[2 * m + j] && useF[3 * m + j])) continue;
    const f0 = fV[j];
    iK[j] = Math.exp(eV[j] - f0);
    for (let q = 1; q < 4; q++) R[3 * j + q - 1] = Math.exp(fV[q * m + j] - f0);
    APD[j] = iK[j] * PD[j];
    RD[j] = 1 + R[3 * j] - R[3 * j + 1] - R[3 * j + 2];
  }
  fMax.fill(-Infinity);
  fMin.fill(Infinity);
  for (let j = 0; j < m; j++) {
    if (!useF[j]) continue;
    const k = pairXi[j];
    if (fV[j] > fMax[k]) fMax[k] = fV[j];
    if (fV[j] < fMin[k]) fMin[k] = fV[j];
  }
  for (let j = 0; j < m; j++) {
    if (!useF[j]) continue;
    const k = pairXi[j];
    if (!(fMax[k] - fMin[k] < 600)) continue;
    ef[j] = Math.exp(fV[j] - fMax[k]);
    ief[j] = 1 / ef[j];
  }
}

/** Per pair: the mixtures Σ_q coef_q P_q (alive, relative to e_0; times iK) and Σ_q coef_q R_q (dropout, relative to f_0). */
function mixtureTerms(S: LikState, coef: number[]): void {
  const { m, useF, P, R, iK, SP, SA, SR } = S;
  for (let j = 0; j < m; j++) {
    SP[j] = coef[0] + coef[1] * P[3 * j] + coef[2] * P[3 * j + 1] + coef[3] * P[3 * j + 2];
    if (!(useF[j] && useF[m + j] && useF[2 * m + j] && useF[3 * m + j])) continue;
    SA[j] = iK[j] * SP[j];
    SR[j] = coef[0] + coef[1] * R[3 * j] + coef[2] * R[3 * j + 1] + coef[3] * R[3 * j + 2];
  }
}

/** Σ_j wP_j Σ_q coef_q P_q ∇e_q + wR_j Σ_q coef_q R_q ∇f_q (P_0 = R_0 = 1), added to g[0..3]. */
function mixtureGradients(S: LikState, coef: number[], g: Float64Array): void {
  const { m, P, R, eG, fG, wP, wR } = S;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let g3 = 0;
  for (let j = 0; j < m; j++) {
    const a = wP[j];
    if (a !== 0) {
      let u0 = coef[0] * eG[4 * j];
      let u1 = coef[0] * eG[4 * j + 1];
      let u2 = coef[0] * eG[4 * j + 2];
      let u3 = coef[0] * eG[4 * j + 3];
      for (let q = 1; q < 4; q++) {
        const v = coef[q] * P[3 * j + q - 1];
        const o = 4 * (q * m + j);
        u0 += v * eG[o];
        u1 += v * eG[o + 1];
        u2 += v * eG[o + 2];
        u3 += v * eG[o + 3];
      }
      g0 += a * u0;
      g1 += a * u1;
      g2 += a * u2;
      g3 += a * u3;
    }
    const b = wR[j];
    if (b !== 0) {
      let v0 = coef[0] * fG[4 * j];
      let v1 = coef[0] * fG[4 * j + 1];
      let v2 = coef[0] * fG[4 * j + 2];
      let v3 = coef[0] * fG[4 * j + 3];
      for (let q = 1; q < 4; q++) {
        const v = coef[q] * R[3 * j + q - 1];
        const o = 4 * (q * m + j);
        v0 += v * fG[o];
        v1 += v * fG[o + 1];
        v2 += v * fG[o + 2];
        v3 += v * fG[o + 3];
      }
      g0 += b * v0;
      g1 += b * v1;
      g2 += b * v2;
      g3 += b * v3;
    }
  }
  g[0] += g0;
  g[1] += g1;
  g[2] += g2;
  g[3] += g3;
}

/** Per row of kind 0 or 1: ρ, L00 and D relative to the row's reference; returns Σ w (log Γ-term + reference). */
function rowTerms(S: LikState): number {
  const { rows, kind, atT, atRecency, fi, w0, ef, ief, iK, PD, APD, RD, kx, lg, eV, fV, fMax, fMin, rhoRow, L0, Dm } = S;
  let refSum = 0;
  for (let i = 0; i < rows; i++) {
    const jT = atT[i];
    const c = fi[i];
    if (kind[i] === 0) {
      L0[i] = 1;
      Dm[i] = PD[jT];
      refSum += w0[i] * (lg[c] + eV[jT]);
    } else if (kind[i] === 1) {
      // L00 = ρ iK(T) + k (1 − ρ), D = ρ iK(T) PD(T) + k (RD(t_x) − ρ RD(T))
      const jR = atRecency[i];
      let rho: number;
      let oneMinus: number;
      if (fMax[c] - fMin[c] < 600) {
        rho = ef[jT] * ief[jR];
        oneMinus = (ef[jR] - ef[jT]) * ief[jR];
      } else {
        const e1 = Math.expm1(fV[jT] - fV[jR]);
        rho = 1 + e1;
        oneMinus = -e1;
      }
      const k = kx[c];
      rhoRow[i] = rho;
      L0[i] = rho * iK[jT] + k * oneMinus;
      Dm[i] = rho * APD[jT] + k * (RD[jR] - rho * RD[jT]);
      refSum += w0[i] * (lg[c] + fV[jR]);
    }
  }
  return refSum;
}

/** Σ w log(L00 + ωc D) (log L less the reference), or −Infinity where the mixture is not positive. */
function logTerms(S: LikState, wc: number): number {
  const { rows, w0, L0, Dm } = S;
  let ll = 0;
  for (let i = 0; i < rows; i++) {
    const inner = L0[i] + wc * Dm[i];
    if (!(inner > 0)) return -Infinity;
    ll += w0[i] * Math.log(inner);
  }
  return ll;
}

/** ∂LL/∂ω and ∂²LL/∂ω² at ω = om: Σ w v and −Σ w v², v = c D / (L00 + ω c D). */
function omegaTerms(S: LikState, c: number, om: number): [number, number] {
  const { rows, w0, L0, Dm } = S;
  let f1 = 0;
  let f2 = 0;
  for (let i = 0; i < rows; i++) {
    const v = (c * Dm[i]) / (L0[i] + om * c * Dm[i]);
    f1 += w0[i] * v;
    f2 -= w0[i] * v * v;
  }
  return [f1, f2];
}

/**
 * The gradient's row pass: each row's weights on its pairs' mixture gradients into wP, wR, and
 * [Σ iv ∂log k/∂r · drop · s, Σ iv drop, Σ w c D / L] (iv = w / L, drop the row's dropout part).
 */
function gradientTerms(S: LikState, c: number, wc: number): [number, number, number] {
  const { rows, kind, atT, atRecency, fi, w0, iK, kx, rhoRow, L0, Dm, SP, SA, SR, wP, wR } = S;
  wP.fill(0);
  wR.fill(0);
  let gk = 0;
  let gs = 0;
  let dOmega = 0;
  for (let i = 0; i < rows; i++) {
    const w = w0[i];
    dOmega += (w * c * Dm[i]) / (L0[i] + wc * Dm[i]);
    const jT = atT[i];
    if (kind[i] === 0) wP[jT] += w / SP[jT];
    else if (kind[i] === 1) {
      // L = ρ SA(T) + k (SR(t_x) − ρ SR(T)); ∇L = ρ iK(T) ∇P(T) + k (∇R(t_x) − ρ ∇R(T)) + (∇ log k) k (SR(t_x) − ρ SR(T)),
      // k = s/(r+s+x): ∂log k/∂r = −k/s, ∂log k/∂s = 1/s − k/s
      const jR = atRecency[i];
      const rho = rhoRow[i];
      const k = kx[fi[i]];
      const drop = k * (SR[jR] - rho * SR[jT]);
      const iv = w / (rho * SA[jT] + drop);
      wP[jT] += iv * rho * iK[jT];
      wR[jR] += iv * k;
      wR[jT] -= iv * k * rho;
      gk -= iv * k * drop;
      gs += iv * drop;
    }
  }
  return [gk, gs, dOmega];
}

/**
 * The weighted likelihood at (r, α, s, β, ω) over a prepared summary, with its analytic gradient
 * (∂/∂θ at fixed ω, then ∂/∂ω), and the maximum over ω at fixed θ.
 *
 * Per row the four shifted Pareto/NBD likelihoods (Fader & Hardie 2005 note, §3) are
 * L_q = Γ(r+x)/Γ(r) [e^{e_q(x,T)} + k (e^{f_q(x,t_x)} − e^{f_q(x,T)})], k = s/(r+s+x), with e_q the alive
 * term and f_q = logF, both functions of one (frequency, time) pair. Every transcendental that depends on
 * a pair only (e_q, f_q, their gradients, the ratios e^{f_q − f_0} across shifts) is computed once per pair
 * and shift; a row then costs one expm1 (ρ = e^{f_0(x,T) − f_0(x,t_x)}) and linear combinations:
 * L_q / (Γ-term e^{f_0(x,t_x)}) = ρ e^{e_q(T) − f_0(T)} + k (R_q(t_x) − ρ R_q(T)), R_q = e^{f_q − f_0}.
 * Rows where some shift needs the direct quadrature (z > QUADRATURE_Z) take the per-row log-space path.
 *
 * @example
 * const lik = correlatedParetoNbdLikelihood(prepareSummary(summary, 'paretonbdcor'));
 * lik.value(Float64Array.of(0.55, 10.6, 0.6, 11.7), 3);
 */
export function correlatedParetoNbdLikelihood(prep: PreparedSummary, givenPairs = frequencyTimePairs(prep)) {
  const pairs = inLocalOrder(givenPairs);
  const { frequency: xs, recency, T, weights: w0, rows, distinctFrequencies: dx, frequencyIndex: fi } = prep;
  const { x: ptX, t: ptT, atT, atRecency, count: m } = pairs;
  const K = dx.length;
  const wx = new Float64Array(K);
  for (let i = 0; i < rows; i++) wx[fi[i]] += w0[i];
  // per (shift, pair) at index q*m + j: alive term e_q and log F f_q, gradients at 4*(q*m + j)
  const eV = new Float64Array(4 * m);
  const eG = new Float64Array(16 * m);
  const fV = new Float64Array(4 * m);
  const fG = new Float64Array(16 * m);
  const useF = new Uint8Array(4 * m);
  // per pair: P_q = e^{e_q − e_0}, R_q = e^{f_q − f_0}, iK = e^{e_0 − f_0} (q = 1..3 at 3j + q − 1)
  const P = new Float64Array(3 * m);
  const R = new Float64Array(3 * m);
  const iK = new Float64Array(m);
  const lg = new Float64Array(K);
  const kx = new Float64Array(K);
  // per row: 0 no dropout term, 1 series for all shifts, 2 some shift by quadrature (per-row path)
  const kind = new Uint8Array(rows);
  const rhoRow = new Float64Array(rows); // ρ = e^{f_0(T) − f_0(t_x)}
  // per pair: e^{f_0 − the largest f_0 of its frequency} and its inverse, when that frequency's f_0 span
  // stays within the double range (then ρ is a product, no transcendental per row)
  const pairXi = new Int32Array(m);
  {
    const at = new Map<number, number>();
    dx.forEach((v, k) => at.set(v, k));
    for (let j = 0; j < m; j++) pairXi[j] = at.get(ptX[j])!;
  }
  const ef = new Float64Array(m);
  const ief = new Float64Array(m);
  const fMax = new Float64Array(K);
  const fMin = new Float64Array(K);
  const L0 = new Float64Array(rows); // L_00 over the row's reference
  const Dm = new Float64Array(rows); // D = L_00 (R11 − R10 − R01 + 1) over the row's reference
  // per pair: 1 + P_1 − P_2 − P_3 (times iK where F is known) and 1 + R_1 − R_2 − R_3
  const PD = new Float64Array(m);
  const APD = new Float64Array(m);
  const RD = new Float64Array(m);
  let refSum = 0; // Σ w (log Γ-term + reference)
  let slow: number[] = []; // rows of kind 2
  let slowL = new Float64Array(0); // their four log-likelihoods (without the Γ term), 4 per row
  let slowG = new Float64Array(0); // and gradients, 16 per row
  const fgTmp = new Float64Array(4);
  const qg = new Float64Array(4);
  const d: Log2F1Derivatives = { db: 0, dc: 0, dz: 0 };
  let lastTheta = '';
  let haveGrad = false;

  const SP = new Float64Array(m);
  const SA = new Float64Array(m);
  const SR = new Float64Array(m);
  const wP = new Float64Array(m);
  const wR = new Float64Array(m);
  // the rows and pairs when no row needs the quadrature: kind 1 for every row with a dropout term,
  // F at all four shifts of their pairs; isRecency marks the pairs that are some dropout row's (x, t_x)
  const seriesKind = new Uint8Array(rows);
  const seriesUseF = new Uint8Array(4 * m);
  const isRecency = new Uint8Array(m);
  for (let i = 0; i < rows; i++) {
    if (!(T[i] > recency[i])) continue;
    seriesKind[i] = 1;
    isRecency[atRecency[i]] = 1;
    for (let q = 0; q < 4; q++) seriesUseF[q * m + atT[i]] = seriesUseF[q * m + atRecency[i]] = 1;
  }
  /** The gradients of e_q and f_q at the pairs (at the θ of the last rowsAt; f_q's where the value came without them). */
  const pairGradients = (r: number, alpha: number, s: number, beta: number, withF: boolean) => {
    aliveGradients(state, r, alpha, s, beta);
    if (!withF) return;
    for (let o = 0; o < 4 * m; o++) {
      if (!useF[o]) continue;
      const q = (o / m) | 0;
      const j = o - q * m;
      logF(r, alpha + SHIFTS[q][0], s, beta + SHIFTS[q][1], ptX[j], ptT[j], fgTmp, d);
      fG.set(fgTmp, 4 * o);
    }
  };
  // log(1 + t/α), log(1 + t/(α+1)) and the same in β, per pair (the shifts share them)
  const l1A = new Float64Array(2 * m);
  const l1B = new Float64Array(2 * m);
  // per pair, bit q set when shift q integrates the dropout term directly at t_x = the pair's time
  const quadBits = new Uint8Array(m);
  const state: LikState = {
    rows, m, ptX, ptT, l1A, l1B, eG, fG, useF, P, R, quadBits, pairXi, fgTmp, d,
    kind, atT, atRecency, fi, w0, ef, ief, iK, PD, APD, RD, kx, lg, eV, fV, fMax, fMin, rhoRow, L0, Dm, SP, SA, SR, wP, wR,
  };
  /** Rows with a quadrature shift: the four log-likelihoods in log space, as paretoNbdLogLikelihood; returns their Σ w (Γ-term + log L00). */
  const slowRowsAt = (r: number, alpha: number, s: number, beta: number, grad: boolean): number => {
    let ref = 0;
    slowL = new Float64Array(4 * slow.length);
    slowG = grad ? new Float64Array(16 * slow.length) : slowG;
    for (let u = 0; u < slow.length; u++) {
      const i = slow[u];
      const x = xs[i];
      const tx = recency[i];
      const t = T[i];
      const jT = atT[i];
      const jR = atRecency[i];
      for (let q = 0; q < 4; q++) {
        const al = alpha + SHIFTS[q][0];
        const be = beta + SHIFTS[q][1];
        const l1 = eV[q * m + jT];
        let l2: number;
        if (quadBits[jR] & (1 << q)) {
          l2 = Math.log(s) + logDropoutIntegralQuad(r, al, s, be, x, tx, t, grad ? qg : undefined);
        } else {
          const fx = fV[q * m + jR];
          const diff = Math.min(fV[q * m + jT] - fx, 0);
          l2 = Math.log(s) - Math.log(r + s + x) + fx + log1mexp(diff);
          if (grad) {
            // log(F(t_x) − F(T)): gradient (∇f(t_x) − ρ∇f(T))/(1 − ρ), ρ = F(T)/F(t_x)
            const rho = Math.exp(diff);
            const inv = 1 / -Math.expm1(diff);
            for (let b = 0; b < 4; b++) qg[b] = (fG[4 * (q * m + jR) + b] - rho * fG[4 * (q * m + jT) + b]) * inv;
            qg[0] -= 1 / (r + s + x);
            qg[2] -= 1 / (r + s + x);
          }
        }
        const lse = logAddExp(l1, l2);
        slowL[4 * u + q] = lse;
        if (grad) {
          qg[2] += 1 / s;
          const w1 = Math.exp(l1 - lse);
          for (let b = 0; b < 4; b++) slowG[16 * u + 4 * q + b] = w1 * eG[4 * (q * m + jT) + b] + (1 - w1) * qg[b];
        }
      }
      const l0 = slowL[4 * u];
      L0[i] = 1;
      Dm[i] = 1 + Math.exp(slowL[4 * u + 1] - l0) - Math.exp(slowL[4 * u + 2] - l0) - Math.exp(slowL[4 * u + 3] - l0);
      ref += w0[i] * (lg[fi[i]] + l0);
    }
    return ref;
  };
  /** Pair and row quantities at θ; with `grad`, the pair gradients too (cached for the last θ). */
  const rowsAt = (th: ArrayLike<number>, grad: boolean) => {
    const key = `${th[0]},${th[1]},${th[2]},${th[3]}`;
    const r = th[0];
    const alpha = th[1];
    const s = th[2];
    const beta = th[3];
    if (key === lastTheta) {
      if (grad && !haveGrad) {
        pairGradients(r, alpha, s, beta, true);
        if (slow.length) slowRowsAt(r, alpha, s, beta, true);
      }
      haveGrad ||= grad;
      return;
    }
    lastTheta = key;
    haveGrad = grad;
    const lgr = gammaln(r);
    for (let k = 0; k < K; k++) {
      lg[k] = gammaln(r + dx[k]) - lgr;
      kx[k] = s / (r + s + dx[k]);
    }
    aliveTerms(state, r, alpha, s, beta);
    // F only where some row uses the 2F1 series at these parameters: near z = 1 the series needs
    // ~1/(1 − z) terms (millions when β ≫ α), and those rows are integrated directly
    let anyQuad = false;
    for (let j = 0; j < m && !anyQuad; j++) anyQuad = quadBits[j] !== 0 && isRecency[j] === 1;
    if (!anyQuad) {
      // the usual case: every dropout row by the series, the same rows and pairs at every θ
      kind.set(seriesKind);
      useF.set(seriesUseF);
      slow = [];
    } else {
      useF.fill(0);
      slow = [];
      for (let i = 0; i < rows; i++) {
        if (!(T[i] > recency[i])) {
          kind[i] = 0;
          continue;
        }
        const jT = atT[i];
        const jR = atRecency[i];
        const bits = quadBits[jR];
        if (bits === 0) {
          kind[i] = 1;
          useF[jT] = useF[m + jT] = useF[2 * m + jT] = useF[3 * m + jT] = 1;
          useF[jR] = useF[m + jR] = useF[2 * m + jR] = useF[3 * m + jR] = 1;
          continue;
        }
        kind[i] = 2;
        slow.push(i);
        for (let q = 0; q < 4; q++) if (!(bits & (1 << q))) useF[q * m + jT] = useF[q * m + jR] = 1;
      }
    }
    seriesTerms(state, r, alpha, s, beta, grad);
    if (grad) pairGradients(r, alpha, s, beta, false);
    ratioTerms(state);
    refSum = rowTerms(state);
    refSum += slowRowsAt(r, alpha, s, beta, grad);
  };
  const value = (th: ArrayLike<number>, omega: number): number => {
    rowsAt(th, false);
    const { c } = omegaBounds(th[0], th[1], th[2], th[3]);
    const wc = omega * c;
    return refSum + logTerms(state, wc);
  };
  // a row's gradient is a combination of its two pairs' Σ_q coef_q P_q ∇e_q and Σ_q coef_q R_q ∇f_q, so the
  // row pass (gradientTerms) only adds its weights on them per pair and the pairs are combined once after it
  const gRow = new Float64Array(4);
  /** LL with ∂/∂(r, α, s, β) at fixed ω in grad[0..3] and ∂/∂ω in grad[4]. */
  const gradient = (th: ArrayLike<number>, omega: number, grad: Float64Array): number => {
    rowsAt(th, true);
    const ll = value(th, omega);
    if (!Number.isFinite(ll)) return ll;
    const [r, alpha, s, beta] = [th[0], th[1], th[2], th[3]];
    const { c } = omegaBounds(r, alpha, s, beta);
    const wc = omega * c;
    const coef = [1 + wc, wc, -wc, -wc];
    mixtureTerms(state, coef);
    const [gk, gs, dOmega] = gradientTerms(state, c, wc);
    // ∂log k/∂r = −k/s, ∂log k/∂s = 1/s − k/s (k = s/(r+s+x)), then the pairs' mixture gradients
    gRow[0] = gk / s;
    gRow[1] = 0;
    gRow[2] = (gk + gs) / s;
    gRow[3] = 0;
    mixtureGradients(state, coef, gRow);
    grad.fill(0);
    for (let u = 0; u < slow.length; u++) {
      const i = slow[u];
      // Σ_q coef_q e^{l_q − l_0} ∇l_q / Σ_q coef_q e^{l_q − l_0}
      let lm = 0;
      const l0 = slowL[4 * u];
      for (let q = 0; q < 4; q++) {
        const v = coef[q] * Math.exp(slowL[4 * u + q] - l0);
        lm += v;
        for (let b = 0; b < 4; b++) qg[b] = (q === 0 ? 0 : qg[b]) + v * slowG[16 * u + 4 * q + b];
      }
      for (let b = 0; b < 4; b++) grad[b] += (w0[i] * qg[b]) / lm;
    }
    for (let k = 0; k < 4; k++) grad[k] += gRow[k];
    const psiR = digamma(r);
    for (let k = 0; k < K; k++) grad[0] += wx[k] * (digamma(r + dx[k]) - psiR);
    // c = L1 L2 moves with θ: ω ∂c/∂θ Σ w D / L = ω ∂log c/∂θ · dOmega
    const dlogc = [-Math.log1p(1 / alpha), r / (alpha * (alpha + 1)), -Math.log1p(1 / beta), s / (beta * (beta + 1))];
    for (let k = 0; k < 4; k++) grad[k] += omega * dlogc[k] * dOmega;
    grad[4] = dOmega;
    return ll;
  };
  /** The ω in [lo, hi] maximising the likelihood at θ (concave in ω: safeguarded Newton), and whether it sits on a bound. */
  const bestOmega = (th: ArrayLike<number>, start = 0, grad = false): { omega: number; bound: 'lo' | 'hi' | undefined } => {
    // grad: a gradient follows at θ, so the pair derivatives come from the same series pass
    rowsAt(th, grad);
    const { c, lo, hi } = omegaBounds(th[0], th[1], th[2], th[3]);
    const d1 = (om: number) => omegaTerms(state, c, om);
    // the density vanishes at the bounds for some λ, μ: stay a hair inside
    const eps = 1e-9 * (hi - lo);
    let L = lo + eps;
    let H = hi - eps;
    if (d1(H)[0] >= 0) return { omega: H, bound: 'hi' };
    if (d1(L)[0] <= 0) return { omega: L, bound: 'lo' };
    let om = Math.min(Math.max(start, L), H);
    for (let it = 0; it < 100; it++) {
      const [f1, f2] = d1(om);
      if (f1 > 0) L = om;
      else H = om;
      let next = om - f1 / f2;
      if (!(next > L && next < H)) next = 0.5 * (L + H);
      if (Math.abs(next - om) <= 1e-14 * (1 + Math.abs(om)) || H - L <= 1e-15 * (1 + Math.abs(om))) return { omega: next, bound: undefined };
      om = next;
    }
    return { omega: om, bound: undefined };
  };
  return { value, gradient, bestOmega };
}

/**
 * The profile likelihood max_ω LL(r, α, s, β, ω) as a problem in (r, α, s, β); its gradient is the
 * partial one at the best ω (envelope theorem), plus ∂LL/∂ω times the bound's slope when ω sits on
 * a bound of the Sarmanov family.
 *
 * @example
 * const problem = correlatedParetoNbdProfile(prepareSummary(summary, 'paretonbdcor'), [0.55, 10.6, 0.6, 11.7]);
 */
export function correlatedParetoNbdProfile(prep: PreparedSummary, initial: number[], pairs = frequencyTimePairs(prep)): Profile {
  const lik = correlatedParetoNbdLikelihood(prep, pairs);
  let warm = 0;
  let last: { omega: number; bound: Edge | undefined } = { omega: 0, bound: undefined };
  let lastGradient = false;
  const omegaAt = (p: ArrayLike<number>, grad = false) => {
    const o = lik.bestOmega(p, warm, grad);
    warm = o.omega;
    last = o;
    lastGradient = false;
    return o;
  };
  const g5 = new Float64Array(5);
  return {
    names: ['r', 'alpha', 's', 'beta'],
    initial,
    observations: prep.customers,
    omegaAt,
    last: () => ({ ...last, g5: lastGradient ? g5 : undefined }),
    logLikelihood: (p) => lik.value(p, omegaAt(p).omega),
    gradient: (p, g) => {
      const o = omegaAt(p, true);
      const ll = lik.gradient(p, o.omega, g5);
      lastGradient = Number.isFinite(ll);
      for (let k = 0; k < 4; k++) g[k] = g5[k];
      if (o.bound) {
        // ω = bound(θ): add ∂LL/∂ω · ∂bound/∂θ (central differences of the closed form)
        for (let k = 0; k < 4; k++) {
          const h = 1e-6 * p[k];
          const up = Array.from(p);
          const dn = Array.from(p);
          up[k] += h;
          dn[k] -= h;
          const bu = omegaBounds(up[0], up[1], up[2], up[3]);
          const bd = omegaBounds(dn[0], dn[1], dn[2], dn[3]);
          g[k] += g5[4] * ((o.bound === 'hi' ? bu.hi - bd.hi : bu.lo - bd.lo) / (2 * h));
        }
      }
      return ll;
    },
  };
}

/**
 * Prediction methods: each one the mixture of the four Pareto/NBD predictions, weighted by P_ij / L.
 *
 * @example
 * correlatedParetoNbdPredictions({ r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7, omega: 0 }).expectedTransactions(39); // the Pareto/NBD value
 */
export function correlatedParetoNbdPredictions(params: CorrelatedParetoNbdParams): TransactionModel & Pick<CorrelatedParetoNbdModel, 'discountedExpectedResidualTransactions'> {
  const parts = SHIFTS.map((_, q) => paretoNbdPredictions(shifted(params, q)));
  const pars = SHIFTS.map((_, q) => shifted(params, q));
  const { c } = omegaBounds(params.r, params.alpha, params.s, params.beta);
  const wc = params.omega * c;
  const coefs = [1 + wc, wc, -wc, -wc];
  const sharesOf = (x: number, tx: number, T: number) => {
    const row = { frequency: [x], recency: [tx], T: [T] };
    const lls = pars.map((p) => paretoNbdLogLikelihood(p, row));
    return mixLog(lls, 0, wc).shares;
  };
  // E_cor[f · ℓ] / L = Σ_q coef_q (P_q / L) f_q: f_q the Pareto/NBD conditional quantity at shift q
  const conditional = (x: number, tx: number, T: number, f: (q: number) => number) => {
    const sh = sharesOf(x, tx, T);
    let v = 0;
    for (let q = 0; q < 4; q++) v += coefs[q] * sh[q] * f(q);
    return v;
  };
  const unconditional = (f: (q: number) => number) => coefs.reduce((acc, k, q) => acc + k * f(q), 0);
  const palive = (x: number, tx: number, T: number) => Math.min(1, Math.max(0, conditional(x, tx, T, (q) => parts[q].probabilityAlive({ frequency: x, recency: tx, T }))));
  const condExp = (t: number, x: number, tx: number, T: number) => conditional(x, tx, T, (q) => parts[q].conditionalExpectedTransactions(t, { frequency: x, recency: tx, T }));
  return {
    expectedTransactions: (t) => (checkHorizon(t), unconditional((q) => parts[q].expectedTransactions(t))),
    conditionalExpectedTransactions(t, row) {
      checkHorizon(t);
      checkSummaryRow(row);
      return condExp(t, row.frequency, row.recency, row.T);
    },
    probabilityAlive: (row) => (checkSummaryRow(row), palive(row.frequency, row.recency, row.T)),
    probabilityOfTransactions: (n, t) => (checkHorizon(t), unconditional((q) => parts[q].probabilityOfTransactions(n, t))),
    conditionalProbabilityOfTransactions(n, t, row) {
      checkHorizon(t);
      checkSummaryRow(row);
      return conditional(row.frequency, row.recency, row.T, (q) => parts[q].conditionalProbabilityOfTransactions(n, t, row));
    },
    probabilityAliveAll: (data) => perUniqueRow(data, palive),
    conditionalExpectedTransactionsAll: (t, data) => (checkHorizon(t), perUniqueRow(data, (x, tx, T) => condExp(t, x, tx, T))),
    discountedExpectedResidualTransactions(row, delta) {
      checkSummaryRow(row);
      if (!(delta > 0) || !Number.isFinite(delta)) throw new ClvkitError(`discount rate delta must be a positive number, got ${delta}`);
      return conditional(row.frequency, row.recency, row.T, (q) => parts[q].discountedExpectedResidualTransactions(row, delta));
    },
  };
}

/**
 * A correlated Pareto/NBD from known parameters (no fitting).
 *
 * @example
 * correlatedParetoNbdModel({ r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7, omega: 10 }).probabilityAlive({ frequency: 2, recency: 30, T: 39 });
 */
export function correlatedParetoNbdModel(params: CorrelatedParetoNbdParams): CorrelatedParetoNbdModel {
  checkPositiveParams('paretonbdcor', params, ['r', 'alpha', 's', 'beta']);
  const b = omegaBounds(params.r, params.alpha, params.s, params.beta);
  if (!(params.omega >= b.lo && params.omega <= b.hi)) throw new ClvkitError(`paretonbdcor: omega must lie in [${b.lo}, ${b.hi}] for these r, alpha, s, beta (the density must stay >= 0), got ${params.omega}`);
  const p = { r: params.r, alpha: params.alpha, s: params.s, beta: params.beta, omega: params.omega };
  return {
    model: 'paretonbdcor',
    params: p,
    standardErrors: { r: NaN, alpha: NaN, s: NaN, beta: NaN, omega: NaN },
    logLikelihood: NaN,
    converged: false,
    iterations: 0,
    aic: NaN,
    bic: NaN,
    customers: 0,
    warning: 'built from parameters, not fitted',
    correlation: rateCorrelation(p),
    correlationSE: NaN,
    ...correlatedParetoNbdPredictions(p),
  };
}

/**
 * Fits the correlated Pareto/NBD by maximising the profile likelihood over (r, α, s, β), the best ω
 * found at each point (the likelihood is concave in ω), starting from the Pareto/NBD fit, so its
 * likelihood is never below the independent model's. Reports Corr(λ, μ) with a delta-method
 * standard error (from the observed information in (r, α, s, β, ω)) and the LR test of zero
 * correlation. A correlation at the edge of what the Sarmanov family allows is said in words.
 * Convergence is a first-order certificate at the point found (certifyProfileMaximum: a zero gradient
 * inside or on a branch of the bound, a zero gradient along the kink and no ascent off it); only where
 * that fails is the point checked by perturbation (isImprovable).
 *
 * @example
 * const m = fitCorrelatedParetoNbd(apparelSummary);
 * m.logLikelihood >= m.zeroCorrelationTest.independentLogLikelihood; // true
 */
export function fitCorrelatedParetoNbd(data: SummaryData, options: FitOptions = {}): CorrelatedParetoNbdModel {
  const prep = prepareSummary(data, 'paretonbdcor');
  const pairs = frequencyTimePairs(prep);
  const { ind, curvature } = fitIndependentStart(prep, pairs, options);
  const { r, alpha, s, beta } = ind.params;
  const profile = correlatedParetoNbdProfile(prep, [r, alpha, s, beta], pairs);
  profile.curvature = curvature;
  const budget = options.maxIterations ?? 300;
  const search = searchProfile(profile, options, budget);
  const { th, ll, omega, bound } = search.best;
  // the perturbation check only where the first-order certificate fails (e.g. the budget ran out)
  const improvable = !search.certified && isImprovable(profile, th, ll);
  if (improvable && !options.acceptNonConverged) {
    throw new ClvkitError(`paretonbdcor: the fit did not converge within ${budget} likelihood evaluations (best log-likelihood ${ll}); pass acceptNonConverged to keep the best point`);
  }
  const base: FitResultBase<Record<string, number>> = {
    model: 'paretonbdcor',
    params: {},
    logLikelihood: ll,
    standardErrors: {},
    converged: !improvable,
    iterations: search.evaluations,
    aic: NaN,
    bic: NaN,
    customers: prep.customers,
    warning: improvable ? 'the optimiser did not converge (a small move still improves the likelihood)' : undefined,
  };
  const params = { r: th[0], alpha: th[1], s: th[2], beta: th[3], omega };
  const warnings = [base.warning, ind.warning ? `independent Pareto/NBD: ${ind.warning}` : undefined].filter(Boolean) as string[];
  const b = omegaBounds(th[0], th[1], th[2], th[3]);
  const rhoAt = (v: number[]) => rateCorrelation({ r: v[0], alpha: v[1], s: v[2], beta: v[3], omega: v[4] });
  let ses: number[] = [NaN, NaN, NaN, NaN, NaN];
  let correlationSE = NaN;
  if (bound) {
    const limit = rateCorrelation({ ...params, omega: bound === 'hi' ? b.hi : b.lo });
    warnings.push(
      `the correlation of purchase and dropout rates sits at the ${bound === 'hi' ? 'largest' : 'smallest'} value the Sarmanov family allows for these rates (${Number(limit.toPrecision(3))}): ` +
        'the data may ask for a stronger correlation than this model can express; standard errors are not given at that bound (the likelihood is not smooth there)',
    );
    ses = [NaN, NaN, NaN, NaN, NaN];
  } else {
    // observed information in (r, α, s, β, ω): central differences of the analytic gradient
    const lik = correlatedParetoNbdLikelihood(prep, pairs);
    const v = [...th, omega];
    const H: number[][] = [];
    const gp = new Float64Array(5);
    const gm = new Float64Array(5);
    for (let k = 0; k < 5; k++) {
      const h = 1e-5 * Math.max(Math.abs(v[k]), k === 4 ? 1e-3 * (b.hi - b.lo) : 1e-8);
      const up = v.slice();
      const dn = v.slice();
      up[k] += h;
      dn[k] -= h;
      lik.gradient(up, up[4], gp);
      lik.gradient(dn, dn[4], gm);
      H.push(Array.from(gp, (x, j) => -(x - gm[j]) / (2 * h)));
    }
    for (let i = 0; i < 5; i++) for (let j = 0; j < i; j++) H[i][j] = H[j][i] = 0.5 * (H[i][j] + H[j][i]);
    const cov = invertSpd(H);
    if (cov) {
      ses = cov.map((row, i) => Math.sqrt(row[i]));
      const J = v.map((_, k) => {
        const h = 1e-6 * Math.max(Math.abs(v[k]), 1e-8);
        const up = v.slice();
        const dn = v.slice();
        up[k] += h;
        dn[k] -= h;
        return (rhoAt(up) - rhoAt(dn)) / (2 * h);
      });
      let q = 0;
      for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) q += J[i] * cov[i][j] * J[j];
      correlationSE = Math.sqrt(Math.max(q, 0));
    } else warnings.push('standard errors unavailable: the observed information in (r, alpha, s, beta, omega) is not positive definite');
  }
  const test = likelihoodRatioTest({ logLikelihood: base.logLikelihood, parameters: 5 }, { logLikelihood: ind.logLikelihood, parameters: 4 });
  const n = prep.customers;
  const out: CorrelatedParetoNbdModel = {
    ...base,
    model: 'paretonbdcor',
    params,
    standardErrors: { r: ses[0], alpha: ses[1], s: ses[2], beta: ses[3], omega: ses[4] },
    aic: 10 - 2 * base.logLikelihood,
    bic: 5 * Math.log(n) - 2 * base.logLikelihood,
    correlation: rateCorrelation(params),
    correlationSE,
    zeroCorrelationTest: { ...test, independentLogLikelihood: ind.logLikelihood },
    ...correlatedParetoNbdPredictions(params),
  };
  delete out.covariance;
  if (warnings.length) out.warning = warnings.join('; ');
  else delete out.warning;
  return out;
}
