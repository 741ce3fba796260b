/**
 * Discrete discounting at period ends (the `clvkit predict` convention, src/models/discounting.ts) as a
 * fixed rule: times t_j and weights w_j such that, for any smooth cumulative expectation c(t) = E[Y(t) | row],
 *
 *   Σ_{k=1}^{K} (c(k) − c(k−1)) v^k  +  [H > K] (c(H) − c(K)) v^H  ≈  Σ_j w_j c(t_j),   K = ⌊H⌋, v = 1/(1 + d),
 *
 * with a number of nodes that does not grow with the horizon (H = 1e12 or Infinity cost what H = 100 does).
 */
import { ClvkitError } from '../errors.ts';
import { gaussLegendre } from '../models/special.ts';
import type { DiscountNodes } from './discount-nodes.ts';

/** Periods summed term by term before the tail is summed by Euler-Maclaurin. */
const EXACT_PERIODS = 32;
const NODES_PER_PANEL = 16;
const SMALLEST_U = 2 ** -40;
const GL = gaussLegendre(NODES_PER_PANEL);
/** Seven-point central differences at y − 3 .. y + 3 (y itself has weight 0): f′, f‴, f⁽⁵⁾. */
const OFFSETS = [-3, -2, -1, 1, 2, 3];
const D1 = [-1 / 60, 9 / 60, -45 / 60, 45 / 60, -9 / 60, 1 / 60];
const D3 = [1 / 8, -8 / 8, 13 / 8, -13 / 8, 8 / 8, -1 / 8];
const D5 = [-1 / 2, 4 / 2, -5 / 2, 5 / 2, -4 / 2, 1 / 2];

/**
 * The rule above. Summation by parts turns the sum into
 *   S = v^K c(K) + (1 − v) Σ_{k=1}^{K−1} v^k c(k) + [H > K] v^H (c(H) − c(K));
 * the first 32 terms of the inner sum are taken as they are, the rest, f(k) = v^k c(k) for k = 33..K−1, by
 * the midpoint Euler-Maclaurin formula (Abramowitz & Stegun 23.1.32 with the Bernoulli polynomials at 1/2):
 *   Σ_{k=a}^{b} f(k) = ∫_{a−½}^{b+½} f dt − (1/24)[f′] + (7/5760)[f‴] − …,  [g] = g(b+½) − g(a−½),
 * with f′, f‴ and f⁽⁵⁾ from seven-point central differences and the integral by 8-point Gauss-Legendre panels:
 * doubling in t up to ln 2/δ (δ = ln(1 + d)), then in u = e^{−δt} shrinking by 4 down to e^{−δ(b+½)} (or to
 * 2^−40 for an infinite horizon, the rest counted as one node). On the tail, c varies on the scale of
 * t ≥ 32, and v^t on the scale of 1/δ, so the omitted f⁽⁷⁾ terms are near 1e−12 of the sum; tested against the per-period loop.
 *
 * @example
 * const { times, weights } = periodDiscountNodes(52, ratePerUnit(0.1, 'week'));
 * // Σ weights_j · E[Y(times_j) | row] is the discounted expected transactions of predict
 */
export function periodDiscountNodes(horizon: number, rate: number): DiscountNodes {
  if (!(horizon >= 0)) throw new ClvkitError(`the horizon must be a number >= 0, got ${horizon}`);
  if (!(rate >= 0) || !Number.isFinite(rate)) throw new ClvkitError(`the discount rate per period must be >= 0, got ${rate}`);
  const acc = new Map<number, number>();
  const add = (t: number, w: number) => {
    if (w !== 0) acc.set(t, (acc.get(t) ?? 0) + w);
  };
  const infinite = !Number.isFinite(horizon);
  if (infinite && rate === 0) throw new ClvkitError('an infinite horizon needs a discount rate above 0');
  if (horizon === 0) return { times: new Float64Array(0), weights: new Float64Array(0) };
  if (rate === 0) return { times: Float64Array.of(horizon), weights: Float64Array.of(1) };
  const delta = Math.log1p(rate);
  const vPow = (t: number) => Math.exp(-delta * t);
  const K = infinite ? Infinity : Math.floor(horizon);
  const oneMinusV = -Math.expm1(-delta);
  if (!infinite) {
    add(K, vPow(K));
    if (horizon > K) {
      add(horizon, vPow(horizon));
      add(K, -vPow(horizon));
    }
  }
  // Σ_{k=1}^{K−1} v^k c(k), scaled by (1 − v)
  const last = K - 1;
  const exactTo = Math.min(last, EXACT_PERIODS);
  for (let k = 1; k <= exactTo; k++) add(k, oneMinusV * vPow(k));
  if (last > EXACT_PERIODS) {
    const alpha = EXACT_PERIODS + 0.5;
    const beta = last + 0.5; // Infinity for an infinite horizon
    const s = oneMinusV;
    // f = v^t c(t); derivative end terms at alpha (and beta when its weight is not negligible)
    const ends: [number, number][] = [[alpha, -1]];
    if (Number.isFinite(beta) && vPow(beta) > 1e-300) ends.push([beta, 1]);
    for (const [y, sign] of ends) {
      // −(1/24) f′(y) + (7/5760) f‴(y) − (31/967680) f⁽⁵⁾(y), each from seven-point central differences (h = 1)
      for (let q = 0; q < 6; q++) {
        const w = -(1 / 24) * D1[q] + (7 / 5760) * D3[q] - (31 / 967680) * D5[q];
        add(y + OFFSETS[q], s * sign * w * vPow(y + OFFSETS[q]));
      }
    }
    // ∫_alpha^beta e^{−δt} c(t) dt: doubling panels in t up to tSwitch, then panels in u = e^{−δt}
    const tSwitch = Math.min(beta, Math.max(alpha, Math.LN2 / delta));
    let lo = alpha;
    while (lo < tSwitch) {
      const hi = Math.min(2 * lo, tSwitch);
      const mid = (hi + lo) / 2;
      const half = (hi - lo) / 2;
      for (let j = 0; j < NODES_PER_PANEL; j++) {
        const t = mid + half * GL.x[j];
        add(t, s * half * GL.w[j] * vPow(t));
      }
      lo = hi;
    }
    const uEnd = Number.isFinite(beta) ? vPow(beta) : 0;
    let uHi = vPow(tSwitch);
    while (uHi > uEnd && uHi > SMALLEST_U) {
      const uLo = Math.max(uHi / 4, uEnd, SMALLEST_U);
      const mid = (uHi + uLo) / 2;
      const half = (uHi - uLo) / 2;
      for (let j = 0; j < NODES_PER_PANEL; j++) {
        const u = mid + half * GL.x[j];
        add(-Math.log(u) / delta, (s * half * GL.w[j]) / delta);
      }
      uHi = uLo;
    }
    // below 2^−40 (infinite horizon): ∫_0^{u} c(t(u)) du / δ ≈ u · c(t(u)) / δ
    if (uHi > uEnd) add(-Math.log(uHi) / delta, (s * (uHi - uEnd)) / delta);
  }
  const times = Float64Array.from(acc.keys());
  const weights = Float64Array.from(acc.values());
  return { times, weights };
}
