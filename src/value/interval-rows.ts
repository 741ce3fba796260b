/**
 * The per-row work of predictionIntervals (src/value/prediction-intervals.ts) on plain typed arrays, so that a
 * range of distinct rows can be computed in this thread or in a worker thread (interval-rows-worker.ts) that
 * writes the same customers' bounds into shared memory: each row's intervals depend on that row, its
 * customers and the draws only, so the numbers do not depend on which thread computes them.
 */
import type { BgDrawColumns } from './bg-draw-columns.ts';
import type { DiscountNodes } from './discount-nodes.ts';
import { centralInterval } from './select-quantile.ts';
import { grown } from '../typed-map.ts';

/**
 * Lower and upper bounds per customer.
 *
 * @example
 * const b: Bounds = { lower: new Float64Array(2), upper: new Float64Array(2) };
 */
export interface Bounds {
  lower: Float64Array;
  upper: Float64Array;
}

/**
 * The bounds predictionIntervals fills, per customer in input order.
 *
 * @example
 * const out: IntervalBounds = { expectedTransactions: b(), probabilityAlive: b(), probabilityNoPurchase: b() };
 */
export interface IntervalBounds {
  expectedTransactions: Bounds;
  probabilityAlive: Bounds;
  probabilityNoPurchase: Bounds;
  expectedSpend?: Bounds;
  clv?: Bounds;
}

/**
 * Everything a range of rows needs, as data a worker can receive: distinct rows in (x, T, t_x) order, their
 * customers (`order[start[k] .. start[k + 1])` are row k's), the draws, and the bounds to fill.
 *
 * @example
 * const rows: IntervalRows = { frequency, recency, T, start, order, level: 0.9, draws: 200, out };
 */
export interface IntervalRows {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  start: Int32Array;
  order: Int32Array;
  level: number;
  /** Number of parameter draws. */
  draws: number;
  out: IntervalBounds;
  /** With spend: the spend model's parameters per draw, each customer's mean spend and the margin. */
  spend?: { params: { p: number; q: number; v: number }[]; monetaryValue: ArrayLike<number>; margin: number };
}

/**
 * The BG/NBD-family draws of IntervalRows: the model, each draw's parameters, the horizon and the discount nodes
 * (with spend).
 *
 * @example
 * const bg: BgIntervalDraws = { family: 'bgnbd', params: draws.map((d) => d.params), horizon: 52 };
 */
export interface BgIntervalDraws {
  family: string;
  params: { r: number; alpha: number; a: number; b: number }[];
  horizon: number;
  nodes?: DiscountNodes;
}

/**
 * The central interval of `values` (one row under every draw) given to the customers order[lo..hi).
 *
 * @example
 * giveInterval(Float64Array.of(1, 2, 3), 3, 0.5, order, 0, 2, bounds);
 */
export function giveInterval(values: Float64Array, draws: number, level: number, order: Int32Array, lo: number, hi: number, target: Bounds): void {
  const [l, h] = centralInterval(values, draws, level);
  for (let c = lo; c < hi; c++) {
    target.lower[order[c]] = l;
    target.upper[order[c]] = h;
  }
}

/**
 * Spend and CLV intervals of a row's customers, shared where the numbers are the same: a slot per distinct mean
 * spend of the current x (rows come in x order) holds its spend interval, which depends on (x, mean spend)
 * only, and the CLV interval of the last row it was computed for, which also depends on the row. Every one-time
 * buyer's expected spend is the spend model's mean, so a row of one-time buyers takes one slot.
 *
 * @example
 * const slots = new SpendClvSlots(rows);
 * slots.row(k, discountedUnderEachDraw); // fills expectedSpend and clv for row k's customers
 */
export class SpendClvSlots {
  private x = NaN;
  private readonly slots = new Map<number, number>();
  private slotRow = new Int32Array(1024);
  private spendLo = new Float64Array(1024);
  private spendHi = new Float64Array(1024);
  private clvLo = new Float64Array(1024);
  private clvHi = new Float64Array(1024);
  private readonly spendAt: Float64Array;
  private readonly clvAt: Float64Array;

  constructor(private readonly rows: IntervalRows) {
    this.spendAt = new Float64Array(rows.draws);
    this.clvAt = new Float64Array(rows.draws);
  }

  /** Fill expectedSpend and clv for the customers of row k, whose discounted expected purchases under draw d are disc[d]. */
  row(k: number, disc: Float64Array): void {
    const { frequency, start, order, draws: D, level, out } = this.rows;
    const { params, monetaryValue, margin } = this.rows.spend!;
    const x = frequency[k];
    if (x !== this.x) (this.x = x), this.slots.clear();
    for (let c = start[k]; c < start[k + 1]; c++) {
      const i = order[c];
      const mv = monetaryValue[i];
      const mm = x > 0 && Number.isFinite(mv) ? mv : 0;
      let slot = this.slots.get(mm);
      if (slot === undefined) {
        slot = this.slots.size;
        this.slots.set(mm, slot);
        if (slot >= this.slotRow.length) this.grow();
        this.slotRow[slot] = -1;
      }
      if (this.slotRow[slot] !== k) {
        const fresh = this.slotRow[slot] === -1;
        for (let d = 0; d < D; d++) {
          const es = spendOf(params[d], x, mm);
          this.spendAt[d] = es;
          this.clvAt[d] = disc[d] * es * margin;
        }
        if (fresh) [this.spendLo[slot], this.spendHi[slot]] = centralInterval(this.spendAt, D, level);
        [this.clvLo[slot], this.clvHi[slot]] = centralInterval(this.clvAt, D, level);
        this.slotRow[slot] = k;
      }
      out.expectedSpend!.lower[i] = this.spendLo[slot];
      out.expectedSpend!.upper[i] = this.spendHi[slot];
      out.clv!.lower[i] = this.clvLo[slot];
      out.clv!.upper[i] = this.clvHi[slot];
    }
  }

  private grow(): void {
    const size = 2 * this.slotRow.length;
    this.slotRow = grown(this.slotRow, size);
    this.spendLo = grown(this.spendLo, size);
    this.spendHi = grown(this.spendHi, size);
    this.clvLo = grown(this.clvLo, size);
    this.clvHi = grown(this.clvHi, size);
  }
}

/**
 * Gamma-Gamma E[M | x, m̄] = p (v + m̄ x)/(p x + q − 1), and E[M] = p v/(q − 1) for x = 0 (Fader & Hardie 2013
 * note; FHL 2005b), as gammagamma.ts computes it (inlined: called draws × customers times).
 *
 * @example
 * spendOf({ p: 6.25, q: 3.74, v: 15.44 }, 2, 30); // 31.3…
 */
export function spendOf(g: { p: number; q: number; v: number }, x: number, m: number): number {
  const { p, q, v } = g;
  if (x === 0) return q > 1 ? (p * v) / (q - 1) : Infinity;
  const denom = p * x + q - 1;
  return denom > 0 ? (p * (v + m * x)) / denom : Infinity;
}

/**
 * The intervals of rows k0..k1 of a BG/NBD-family model: each row's values under every draw made side by side
 * by `columns` (BgDrawColumns.of the draws, made once per thread and used for every chunk of rows), then their
 * central intervals given to the row's customers.
 *
 * @example
 * const columns = BgDrawColumns.of('bgnbd', params, 52)!;
 * bgIntervalRows(rows, columns, 0, rows.frequency.length);
 */
export function bgIntervalRows(rows: IntervalRows, columns: BgDrawColumns, k0: number, k1: number, slots?: SpendClvSlots): void {
  const { frequency, recency, T, start, order, draws, level, out } = rows;
  const spendSlots = rows.spend ? (slots ?? new SpendClvSlots(rows)) : undefined;
  // (the first row of a chunk sets its (x, T) key: the columns may come from another chunk)
  let kx = NaN;
  let kT = NaN;
  for (let k = k0; k < k1; k++) {
    const x = frequency[k];
    const t = T[k];
    if (x !== kx || t !== kT) columns.key((kx = x), (kT = t));
    columns.row(x, recency[k], t);
    const lo = start[k];
    const hi = start[k + 1];
    if (spendSlots) spendSlots.row(k, columns.discounted!);
    giveInterval(columns.expected, draws, level, order, lo, hi, out.expectedTransactions);
    giveInterval(columns.alive, draws, level, order, lo, hi, out.probabilityAlive);
    giveInterval(columns.noPurchase, draws, level, order, lo, hi, out.probabilityNoPurchase);
  }
}
