/**
 * Per-customer predictions as columns, computed once per distinct (frequency, recency, T) row and scattered
 * to the customers (a million customers hold far fewer distinct rows). Same cells as predictCustomers
 * (src/models/discounting.ts) for expected transactions, P(alive) and expected spend; the discounted expected
 * transactions of the CLV come from a fixed rule (periodDiscountNodes) instead of a loop over periods, so a
 * horizon of 1e12 periods costs what 100 does.
 */
import { compressSummary } from '../summary/compress.ts';
import type { PredictiveModel, SpendModel } from '../models/discounting.ts';
import { discountedConditionalExpectedTransactions } from '../models/discounting.ts';
import { factoredTransactions } from './factored.ts';
import { periodDiscountNodes } from './period-discounting.ts';
import { isDiscreteTime, type ValueModel } from './value-model.ts';

/**
 * Columns of `clvkit predict` (one value per customer, in the input's order).
 *
 * @example
 * const p: PredictionColumns = predictColumns(bgnbd, summary, { horizon: 52, rate: 0.0018 });
 * p.expectedTransactions[0];
 */
export interface PredictionColumns {
  /** Per customer (made from `rows` on first use). */
  readonly expectedTransactions: Float64Array;
  /** Per customer (made from `rows` on first use). */
  readonly probabilityAlive: Float64Array;
  /** With a spend model and monetary values. */
  expectedSpend?: Float64Array;
  clv?: Float64Array;
  /** Distinct (frequency, recency, T) rows the predictions were computed on. */
  distinctRows: number;
  /**
   * The same predictions per distinct row: customer i has row index[i] (for writers that format each
   * distinct value once; `frequency`, `recency`, `T` are the rows' own values).
   */
  rows: { index: Int32Array; frequency: Float64Array; recency: Float64Array; T: Float64Array; expectedTransactions: Float64Array; probabilityAlive: Float64Array };
}

/** values[index[i]] for every i. */
function scatter(values: Float64Array, index: Int32Array): Float64Array {
  const out = new Float64Array(index.length);
  for (let i = 0; i < index.length; i++) out[i] = values[index[i]];
  return out;
}

/**
 * Predictions for every customer (see the module comment). `clv` = discounted expected transactions over
 * the horizon (per-period discounting at period ends, rate per model unit) × expected spend × margin.
 *
 * @example
 * const p = predictColumns(fitBgNbd(summary), summary, { horizon: 52, rate: ratePerUnit(0.1, 'week'), spend: fitGammaGamma(summary) });
 * p.clv?.[0];
 */
export function predictColumns(
  model: PredictiveModel & Pick<ValueModel, 'model' | 'params'>,
  data: { frequency: ArrayLike<number>; recency: ArrayLike<number>; T: ArrayLike<number>; monetaryValue?: ArrayLike<number> },
  options: { horizon: number; rate: number; margin?: number; spend?: SpendModel },
): PredictionColumns {
  const n = data.frequency.length;
  const margin = options.margin ?? 1;
  const wantValue = options.spend !== undefined && data.monetaryValue !== undefined;
  const u = compressSummary(data);
  const m = u.frequency.length;
  const distinct = { frequency: u.frequency, recency: u.recency, T: u.T };
  const row = (k: number) => ({ frequency: u.frequency[k], recency: u.recency[k], T: u.T[k], periods: u.T[k] });
  const expected = new Float64Array(m);
  for (let k = 0; k < m; k++) expected[k] = model.conditionalExpectedTransactions(options.horizon, row(k));
  let alive: Float64Array | undefined;
  let discounted: Float64Array | undefined;
  if (wantValue) {
    if (options.rate === 0) discounted = expected;
    else if (isDiscreteTime(model)) {
      // BG/BB: E[Y(t)] exists at whole periods only; the per-period sum stays (not horizon-free)
      discounted = new Float64Array(m);
      for (let k = 0; k < m; k++) discounted[k] = discountedConditionalExpectedTransactions(model, row(k), options.horizon, options.rate);
    } else {
      const nodes = periodDiscountNodes(options.horizon, options.rate);
      const f = factoredTransactions(model as ValueModel, distinct, nodes);
      if (f) {
        discounted = f.values;
        alive = f.probabilityAlive;
      } else {
        discounted = new Float64Array(m);
        for (let k = 0; k < m; k++) {
          const r = row(k);
          let s = 0;
          for (let j = 0; j < nodes.times.length; j++) s += nodes.weights[j] * model.conditionalExpectedTransactions(nodes.times[j], r);
          discounted[k] = s;
        }
      }
    }
  }
  if (!alive) {
    alive = new Float64Array(m);
    for (let k = 0; k < m; k++) alive[k] = model.probabilityAlive(row(k));
  }
  const index = u.index;
  const rowAlive = alive;
  let perCustomerExpected: Float64Array | undefined;
  let perCustomerAlive: Float64Array | undefined;
  const out: PredictionColumns = {
    get expectedTransactions() {
      return (perCustomerExpected ??= scatter(expected, index));
    },
    get probabilityAlive() {
      return (perCustomerAlive ??= scatter(rowAlive, index));
    },
    distinctRows: m,
    rows: { index, frequency: u.frequency, recency: u.recency, T: u.T, expectedTransactions: expected, probabilityAlive: alive },
  };
  if (wantValue) {
    const spend = options.spend!;
    const money = data.monetaryValue!;
    const es = (out.expectedSpend = new Float64Array(n));
    const clv = (out.clv = new Float64Array(n));
    for (let i = 0; i < n; i++) {
      const x = data.frequency[i];
      const mv = money[i];
      es[i] = spend.conditionalExpectedAverageSpend(x, x > 0 && Number.isFinite(mv) ? mv : 0);
      clv[i] = discounted![index[i]] * es[i] * margin;
    }
  }
  return out;
}
