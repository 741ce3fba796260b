/**
 * Intervals on per-customer predictions that carry the uncertainty of the estimated parameters: each
 * parameter set (draws from the asymptotic normal, or bootstrap refits: src/value/parameter-draws.ts) gives
 * every prediction again, and the interval is the central `level` range of those values (percentile
 * interval). Computed per distinct (frequency, recency, T) row, a block of rows at a time, so memory is
 * block × draws whatever the number of customers; spend and CLV, which also depend on the customer's mean
 * spend, per customer within the block.
 *
 * What it covers: the uncertainty of the model's expectation for this customer given the data (E[Y(t) | x,
 * t_x, T] with the parameters unknown). What it does not: the randomness of the customer's own future
 * purchases (see predictiveTransactionInterval), nor a wrong model.
 */
import { ClvkitError } from '../errors.ts';
import { compressSummary } from '../summary/compress.ts';
import { discountedConditionalExpectedTransactions, type PredictiveModel } from '../models/discounting.ts';
import { fittedFromBase } from '../models/saved-model.ts';
import { gammaGammaModel, type GammaGammaModel } from '../models/gammagamma.ts';
import type { FitResultBase } from '../models/types.ts';
import type { SummaryData } from '../types.ts';
import { factoredTransactions } from './factored.ts';
import { periodDiscountNodes } from './period-discounting.ts';
import { centralInterval } from './select-quantile.ts';
import { activePmfByKey } from './purchase-distribution.ts';
import { isDiscreteTime, type ValueModel } from './value-model.ts';

/**
 * One parameter set of the transaction model (and of the spend model when there is one).
 *
 * @example
 * const d: IntervalDraw = { params: { r: 0.25, alpha: 4.1, a: 0.8, b: 2.4 }, spendParams: { p: 6, q: 3.9, v: 15 } };
 */
export interface IntervalDraw {
  params: Record<string, number>;
  spendParams?: Record<string, number>;
}

/**
 * A lower and an upper bound per customer.
 *
 * @example
 * const b: Bounds = { lower: new Float64Array(2), upper: new Float64Array(2) };
 */
export interface Bounds {
  lower: Float64Array;
  upper: Float64Array;
}

/**
 * Per-customer intervals of the predictions of `clvkit predict`, in the input's order.
 *
 * @example
 * const iv: PredictionIntervals = predictionIntervals(model, summary, draws, { horizon: 52, rate: 0, level: 0.9 });
 * iv.expectedTransactions.lower[0];
 */
export interface PredictionIntervals {
  expectedTransactions: Bounds;
  probabilityAlive: Bounds;
  probabilityNoPurchase: Bounds;
  expectedSpend?: Bounds;
  clv?: Bounds;
  level: number;
  /** Parameter sets used (those whose predictions were all finite). */
  draws: number;
  /** Parameter sets skipped: a model could not be built from them or gave non-finite predictions. */
  failedDraws: number;
}

/**
 * Options of predictionIntervals: the prediction settings of predictColumns and the interval level.
 *
 * @example
 * const o: PredictionIntervalOptions = { horizon: 52, rate: ratePerUnit(0.1, 'week'), margin: 1, spend: gg, level: 0.9 };
 */
export interface PredictionIntervalOptions {
  horizon: number;
  rate: number;
  margin?: number;
  /** The fitted spend model; its draws come in IntervalDraw.spendParams. */
  spend?: GammaGammaModel;
  level: number;
  /** Distinct rows per block (memory: block × draws × 8 bytes per quantity). */
  blockRows?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Predictions of one model on a block of distinct rows. */
interface RowPredictions {
  expected: Float64Array;
  alive: Float64Array;
  noPurchase: Float64Array;
  discounted?: Float64Array;
}

const FACTORED = new Set(['bgnbd', 'mbgnbd', 'paretonbd']);

/**
 * Expected transactions over the horizon, P(alive), P(no purchase in the horizon) and (with `nodes`) the
 * discounted expected transactions, for every row of `rows` (distinct rows). The BG/NBD family and the
 * Pareto/NBD use their factorisation (src/value/factored.ts): P(Y(t) = 0 | x, t_x, T) = 1 − P(alive)·(1 − q0),
 * with q0 = P(no purchase in t | alive, x, T) depending on (x, T) only (the posterior of an active customer;
 * FHL 2005a §5, Fader & Hardie 2005 note), found once per (x, T) from the model's own
 * conditionalProbabilityOfTransactions; other models are evaluated row by row with their own methods.
 *
 * @example
 * const p = rowPredictions(fitBgNbd(summary), compressSummary(summary), 52, undefined);
 * p.noPurchase[0];
 */
export function rowPredictions(model: PredictiveModel & Pick<ValueModel, 'model' | 'params'>, rows: SummaryData, horizon: number, nodes: { times: Float64Array; weights: Float64Array } | undefined, rate = 0): RowPredictions {
  const m = rows.frequency.length;
  const pmf = (model as { conditionalProbabilityOfTransactions?: (n: number, t: number, r: object) => number }).conditionalProbabilityOfTransactions;
  const row = (k: number) => ({ frequency: rows.frequency[k], recency: rows.recency[k], T: rows.T[k], periods: rows.T[k] });
  if (FACTORED.has(model.model) && !isDiscreteTime(model) && pmf && Number.isFinite(horizon)) {
    const f = factoredTransactions(model as ValueModel, rows, nodes ?? { times: Float64Array.of(horizon), weights: Float64Array.of(1) }, horizon);
    if (f && f.expected) {
      const noPurchase = new Float64Array(m);
      const q0 = activePmfByKey(model as never, 0, horizon)!;
      for (let k = 0; k < m; k++) noPurchase[k] = 1 - f.probabilityAlive[k] * (1 - q0(rows.frequency[k], rows.T[k]));
      return { expected: f.expected, alive: f.probabilityAlive, noPurchase, ...(nodes ? { discounted: f.values } : {}) };
    }
  }
  const expected = new Float64Array(m);
  const alive = new Float64Array(m);
  const noPurchase = new Float64Array(m);
  const discounted = nodes ? new Float64Array(m) : undefined;
  for (let k = 0; k < m; k++) {
    const r = row(k);
    expected[k] = Number.isFinite(horizon) ? model.conditionalExpectedTransactions(horizon, r) : NaN;
    alive[k] = model.probabilityAlive(r);
    noPurchase[k] = pmf && Number.isFinite(horizon) ? pmf.call(model, 0, horizon, r) : NaN;
    if (discounted) {
      if (isDiscreteTime(model)) discounted[k] = rate === 0 ? expected[k] : discountedConditionalExpectedTransactions(model, r, horizon, rate);
      else {
        let s = 0;
        for (let j = 0; j < nodes!.times.length; j++) s += nodes!.weights[j] * model.conditionalExpectedTransactions(nodes!.times[j], r);
        discounted[k] = s;
      }
    }
  }
  return { expected, alive, noPurchase, ...(discounted ? { discounted } : {}) };
}

/**
 * Per-customer intervals (see the module comment) from parameter sets `draws` of the fitted `model` (and
 * of `options.spend`). `clv` = discounted expected transactions × expected spend × margin, per draw.
 *
 * @example
 * const draws = normalParameterDraws(fitted, 200, createRng(1)).map((params) => ({ params }));
 * const iv = predictionIntervals(fitted, summary, draws, { horizon: 52, rate: 0, level: 0.9 });
 */
export function predictionIntervals(
  model: FitResultBase<Record<string, number>>,
  data: SummaryData & { monetaryValue?: ArrayLike<number> },
  draws: IntervalDraw[],
  options: PredictionIntervalOptions,
): PredictionIntervals {
  const level = options.level;
  if (!(level > 0 && level < 1)) throw new ClvkitError(`the interval level must be between 0 and 1, got ${level}`);
  const margin = options.margin ?? 1;
  const H = options.horizon;
  const n = data.frequency.length;
  const wantValue = options.spend !== undefined && data.monetaryValue !== undefined;
  if (wantValue && draws.some((d) => !d.spendParams)) throw new ClvkitError('predictionIntervals: every draw needs spendParams when a spend model is given');
  const nodes = wantValue ? periodDiscountNodes(H, options.rate) : undefined;
  // the models of every draw, built once; a set that cannot make a model is skipped and counted
  const models: (PredictiveModel & Pick<ValueModel, 'model' | 'params'>)[] = [];
  const spends: GammaGammaModel[] = [];
  let failed = 0;
  for (const d of draws) {
    try {
      const m = fittedFromBase({ ...model, params: d.params }) as unknown as PredictiveModel & Pick<ValueModel, 'model' | 'params'>;
      const s = wantValue ? gammaGammaModel(d.spendParams as { p: number; q: number; v: number }) : undefined;
      models.push(m);
      if (s) spends.push(s);
    } catch (e) {
      if (!(e instanceof ClvkitError)) throw e;
      failed++;
    }
  }
  const D = models.length;
  if (D < 2) throw new ClvkitError(`prediction intervals need at least 2 usable parameter sets, got ${D} of ${draws.length}`);
  const u = compressSummary(data);
  const m = u.frequency.length;
  // customers ordered by their distinct row (counting sort), so a block of rows is a run of customers
  const start = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) start[u.index[i] + 1]++;
  for (let k = 0; k < m; k++) start[k + 1] += start[k];
  const order = new Int32Array(n);
  const fill = start.slice(0, m);
  for (let i = 0; i < n; i++) order[fill[u.index[i]]++] = i;

  const bounds = (): Bounds => ({ lower: new Float64Array(n), upper: new Float64Array(n) });
  const out: PredictionIntervals = {
    expectedTransactions: bounds(),
    probabilityAlive: bounds(),
    probabilityNoPurchase: bounds(),
    ...(wantValue ? { expectedSpend: bounds(), clv: bounds() } : {}),
    level,
    draws: D,
    failedDraws: failed,
  };
  const B = Math.max(1, Math.min(m, options.blockRows ?? 8192));
  const E = new Float64Array(B * D);
  const A = new Float64Array(B * D);
  const P0 = new Float64Array(B * D);
  const DISC = wantValue ? new Float64Array(B * D) : undefined;
  const col = new Float64Array(D);
  const col2 = new Float64Array(D);
  const spendAt = wantValue ? new Float64Array(D) : undefined;
  const money = data.monetaryValue;
  for (let k0 = 0; k0 < m; k0 += B) {
    const k1 = Math.min(m, k0 + B);
    const rows = { frequency: u.frequency.subarray(k0, k1), recency: u.recency.subarray(k0, k1), T: u.T.subarray(k0, k1) };
    const b = k1 - k0;
    // draw-major storage: value of row j under draw d at d * b + j
    for (let d = 0; d < D; d++) {
      const p = rowPredictions(models[d], rows, H, nodes, options.rate);
      E.set(p.expected, d * b);
      A.set(p.alive, d * b);
      P0.set(p.noPurchase, d * b);
      if (DISC) DISC.set(p.discounted!, d * b);
    }
    for (let j = 0; j < b; j++) {
      const lo = start[k0 + j];
      const hi = start[k0 + j + 1];
      const assign = (arr: Float64Array, target: Bounds) => {
        for (let d = 0; d < D; d++) col[d] = arr[d * b + j];
        const [l, h] = centralInterval(col, D, level);
        for (let c = lo; c < hi; c++) {
          target.lower[order[c]] = l;
          target.upper[order[c]] = h;
        }
      };
      assign(E, out.expectedTransactions);
      assign(A, out.probabilityAlive);
      assign(P0, out.probabilityNoPurchase);
      if (DISC) {
        for (let c = lo; c < hi; c++) {
          const i = order[c];
          const x = data.frequency[i];
          const mv = money![i];
          const mm = x > 0 && Number.isFinite(mv) ? mv : 0;
          for (let d = 0; d < D; d++) {
            const es = spends[d].conditionalExpectedAverageSpend(x, mm);
            spendAt![d] = es;
            col2[d] = DISC[d * b + j] * es * margin;
          }
          const [sl, sh] = centralInterval(spendAt!, D, level);
          out.expectedSpend!.lower[i] = sl;
          out.expectedSpend!.upper[i] = sh;
          const [cl, ch] = centralInterval(col2, D, level);
          out.clv!.lower[i] = cl;
          out.clv!.upper[i] = ch;
        }
      }
    }
    options.onProgress?.(k1, m);
  }
  return out;
}
