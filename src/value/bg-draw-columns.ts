/**
 * The BG/NBD-family predictions of one customer row under every parameter draw, as columns over the draws
 * (what an interval needs: src/value/prediction-intervals.ts). Rows come in (x, T) order, so the parts that
 * depend on (x, T) only are made once per run of equal keys and draw; each value is the same double as
 * rowPredictions gives for that draw.
 */
import { aliveFromLogOdds, aliveLogOddsFrom, betaDropoutOdds, bgExpectedActive, bgFamilyLimit, logNbdPmf, type BgFamily } from '../models/bgnbd.ts';
import type { DiscountNodes } from './discount-nodes.ts';

/**
 * G(r+x, α+T, a, b+x+m, t): expected purchases over t of a customer alive at T with x repeat purchases
 * (FHL 2005a eq. 10 without P(alive); m = 1 for MBG/NBD, Batislam et al. 2007).
 *
 * @example
 * activeExpected(0.243, 4.414, 0.793, 2.426, 0, 2, 38.86, 52);
 */
export function activeExpected(r: number, alpha: number, a: number, b: number, m: number, x: number, T: number, t: number): number {
  return t === 0 ? 0 : bgExpectedActive(r + x, alpha + T, a, b + x + m, t);
}

/**
 * P(no purchase in t | alive at T, x): the NBD probability of zero with the posterior (r+x, α+T) (FHL 2005a §5).
 *
 * @example
 * activeNoPurchase(0.243, 4.414, 2, 38.86, 52);
 */
export function activeNoPurchase(r: number, alpha: number, x: number, T: number, t: number): number {
  return Math.exp(logNbdPmf(0, r + x, alpha + T, t));
}

/**
 * Σ_j w_j G(r+x, α+T, a, b+x+m, t_j): the discounted expected purchases of a customer alive at T over the nodes.
 *
 * @example
 * activeDiscounted(0.243, 4.414, 0.793, 2.426, 0, 2, 38.86, { times: Float64Array.of(52), weights: Float64Array.of(1) });
 */
export function activeDiscounted(r: number, alpha: number, a: number, b: number, m: number, x: number, T: number, nodes: DiscountNodes): number {
  let s = 0;
  for (let j = 0; j < nodes.times.length; j++) s += nodes.weights[j] * (nodes.times[j] === 0 ? 0 : bgExpectedActive(r + x, alpha + T, a, b + x + m, nodes.times[j]));
  return s;
}

/**
 * Columns over the draws of E[Y(t) | x, t_x, T] = P(alive)·G (FHL 2005a eq. 10), P(alive) (FHL 2005a appendix),
 * P(Y(t) = 0 | ·) = P(alive)·q0 + 1 − P(alive) and the discounted expected purchases P(alive)·Σ w_j G(t_j), for one
 * row at a time: `key(x, T)` once per run of rows with that key, then `row(x, tx, T)` per row.
 *
 * @example
 * const cols = BgDrawColumns.of('bgnbd', [{ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, { r: 0.25, alpha: 4.5, a: 0.8, b: 2.5 }], 52);
 * cols!.key(2, 38.86);
 * cols!.row(2, 30.43, 38.86);
 * cols!.alive; // P(alive) under each draw
 */
export class BgDrawColumns {
  readonly expected: Float64Array;
  readonly alive: Float64Array;
  readonly noPurchase: Float64Array;
  readonly discounted: Float64Array | undefined;
  private readonly r: Float64Array;
  private readonly alpha: Float64Array;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly m: number;
  private readonly gH: Float64Array;
  private readonly q0: Float64Array;
  private readonly gD: Float64Array;
  private readonly odds: Float64Array;

  private constructor(
    family: BgFamily,
    params: { r: number; alpha: number; a: number; b: number }[],
    private readonly horizon: number,
    private readonly nodes: DiscountNodes | undefined,
  ) {
    const D = params.length;
    this.m = family === 'mbgnbd' ? 1 : 0;
    this.r = Float64Array.from(params, (p) => p.r);
    this.alpha = Float64Array.from(params, (p) => p.alpha);
    this.a = Float64Array.from(params, (p) => p.a);
    this.b = Float64Array.from(params, (p) => p.b);
    this.expected = new Float64Array(D);
    this.alive = new Float64Array(D);
    this.noPurchase = new Float64Array(D);
    this.discounted = nodes ? new Float64Array(D) : undefined;
    this.gH = new Float64Array(D);
    this.q0 = new Float64Array(D);
    this.gD = new Float64Array(D);
    this.odds = new Float64Array(D);
  }

  /** Columns for these draws, or undefined when a draw sits at a limit of the parameter space or the horizon is not finite (the general path then). */
  static of(family: string, params: { r: number; alpha: number; a: number; b: number }[], horizon: number, nodes?: DiscountNodes): BgDrawColumns | undefined {
    if (family !== 'bgnbd' && family !== 'mbgnbd') return undefined;
    if (!Number.isFinite(horizon) || params.some((p) => bgFamilyLimit(family, p) !== undefined)) return undefined;
    return new BgDrawColumns(family, params, horizon, nodes);
  }

  /** The (x, T) parts of every draw. */
  key(x: number, T: number): void {
    const { r, alpha, a, b, m, horizon, nodes } = this;
    for (let d = 0; d < r.length; d++) {
      this.gH[d] = horizon === 0 ? 0 : activeExpected(r[d], alpha[d], a[d], b[d], m, x, T, horizon);
      this.q0[d] = activeNoPurchase(r[d], alpha[d], x, T, horizon);
      if (nodes) this.gD[d] = activeDiscounted(r[d], alpha[d], a[d], b[d], m, x, T, nodes);
      this.odds[d] = betaDropoutOdds(a[d], b[d], x, m);
    }
  }

  /** Fill the columns for a row with the key last given to `key`. */
  row(x: number, tx: number, T: number): void {
    const { r, alpha, gH, q0, gD, odds, expected, alive, noPurchase, discounted } = this;
    // no dropout before the first repeat purchase in the BG/NBD (FHL 2005a): P(alive) = 1 (aliveLogOdds' −∞)
    const sure = x === 0 && this.m === 0;
    for (let d = 0; d < r.length; d++) {
      const pa = sure ? 1 : aliveFromLogOdds(aliveLogOddsFrom(odds[d], r[d], alpha[d], x, tx, T));
      alive[d] = pa;
      expected[d] = pa * gH[d];
      noPurchase[d] = pa * q0[d] + (1 - pa);
      if (discounted) discounted[d] = pa * gD[d];
    }
  }
}
