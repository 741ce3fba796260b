import { totalmem } from 'node:os';
import { ClvkitError } from '../errors.ts';
import type { SummaryData } from '../types.ts';
import { createRng } from '../random.ts';
import { customerValue, type CustomerValueOptions, type SpendModel } from './customer-value.ts';
import { quantileSorted } from './quantile.ts';
import type { ValueModel } from './value-model.ts';
import { mapFloat64 } from '../typed-map.ts';

/** Summary columns the bootstrap resamples (the full CustomerSummary fits). */
export type EquityData = SummaryData & { monetaryValue?: ArrayLike<number> };

/** Options of {@link bootstrapEquity}. */
export interface EquityBootstrapOptions {
  /** The full-sample transaction model (its CLV is the point estimate; its params start each refit). */
  model: ValueModel;
  /** Refit the transaction model on a weighted resample; `initial` holds the full-sample params. */
  fitTransactions(data: SummaryData, initial: Record<string, number>): ValueModel;
  /** The full-sample spend model, or fixed expected spend per customer (then spend is not refit). */
  spend: SpendModel | ArrayLike<number>;
  /** Refit the spend model on a weighted resample (needed when `spend` is a model). */
  fitSpend?(data: { frequency: ArrayLike<number>; monetaryValue: ArrayLike<number>; weights: ArrayLike<number> }, initial?: Record<string, number>): SpendModel;
  /** CLV options (horizon, units, discount, margin, method) without the spend. */
  value: Omit<CustomerValueOptions, 'spend'>;
  /** Bootstrap draws (default 200). */
  draws?: number;
  /** Interval level (default 0.9). */
  level?: number;
  /** Seed of the resampling (default 1). */
  seed?: number;
  /** Keep every draw of every customer's CLV for per-customer intervals (default true; B × n floats). */
  customerIntervals?: boolean;
  onProgress?(done: number, total: number): void;
}

/** Customer equity with its bootstrap intervals. */
export interface EquityEstimate {
  /** Σ CLV over the customers with the full-sample fit. */
  equity: number;
  /**
   * Percentile interval of Σ_i CLV_i(θ_b) over the original customers with the refitted parameters θ_b:
   * the parameter uncertainty of the equity of this portfolio, consistent with the per-customer intervals.
   */
  lower: number;
  upper: number;
  /**
   * Percentile interval of the resampled portfolios' own equity Σ_{i in resample b} CLV_i(θ_b): adds the
   * sampling of customers, i.e. the uncertainty about a portfolio of n customers drawn from the same base.
   */
  resampledLower: number;
  resampledUpper: number;
  level: number;
  /** Successful draws, and draws whose refit failed (skipped). */
  draws: number;
  failedDraws: number;
  /** Equity of the original customers at each successful draw. */
  equityDraws: Float64Array;
  /** Per-customer CLV and its percentile interval (when customerIntervals). */
  clv: Float64Array;
  customerLower?: Float64Array;
  customerUpper?: Float64Array;
}

/**
 * Customer equity (Σ CLV; Gupta, Lehmann & Stuart 2004, "Valuing customers", JMR 41(1)) with a
 * nonparametric bootstrap over customers (Efron & Tibshirani 1993, ch. 6 and 13, percentile interval):
 * each draw resamples n customers with replacement (as multinomial weights on the summary rows), refits
 * the transaction and spend models, and recomputes every original customer's CLV with the refitted
 * parameters; the same draws give the per-customer intervals. Seeded: the same seed gives the same draws.
 * A draw whose refit fails is skipped and counted; more than half failing is an error.
 *
 * @example
 * const eq = bootstrapEquity(summary, {
 *   model: fitBgNbd(summary), fitTransactions: (d, init) => fitBgNbd(d, { initial: init }),
 *   spend: gg, fitSpend: (d, init) => fitGammaGamma(d, { initial: init }),
 *   value: { horizon: 12, horizonUnit: 'month', modelUnitDays: 7 }, draws: 200, level: 0.9, seed: 1,
 * });
 * eq.equity; eq.lower; eq.upper;
 */
export function bootstrapEquity(data: EquityData, o: EquityBootstrapOptions): EquityEstimate {
  const B = o.draws ?? 200;
  const level = o.level ?? 0.9;
  if (!Number.isInteger(B) || B < 1) throw new ClvkitError(`bootstrap draws must be a whole number >= 1, got ${B}`);
  if (!(level > 0 && level < 1)) throw new ClvkitError(`the interval level must be between 0 and 1, got ${level}`);
  const spendIsModel = typeof (o.spend as SpendModel).conditionalExpectedAverageSpend === 'function';
  if (spendIsModel && !o.fitSpend) throw new ClvkitError('bootstrapEquity: a spend model needs fitSpend to be refitted');
  const n = data.frequency.length;
  if (n === 0) throw new ClvkitError('customer equity needs at least one customer');
  const point = customerValue(o.model, data, { ...o.value, spend: o.spend });
  const equity = sum(point.clv);
  const keep = o.customerIntervals ?? true;
  // The per-customer intervals keep every draw (4 bytes per customer per draw): refuse sizes no machine holds.
  const bytes = keep ? 4 * B * n : 0;
  if (bytes > Math.min(2 ** 32, totalmem() / 2)) {
    throw new ClvkitError(`${B} bootstrap draws for ${n} customers need ${(bytes / 2 ** 30).toFixed(1)} GiB for the per-customer intervals, more than this machine can hold: use fewer draws (--bootstrap 1000 is usually enough)`, {}, 2);
  }
  const store = keep ? new Float32Array(B * n) : undefined;
  const rng = createRng(o.seed ?? 1);
  const weights = new Float64Array(n);
  const equityDraws: number[] = [];
  const resampled: number[] = [];
  let failed = 0;
  const spendInitial = spendIsModel ? (o.spend as SpendModel & { params?: Record<string, number> }).params : undefined;
  for (let b = 0; b < B; b++) {
    weights.fill(0);
    for (let k = 0; k < n; k++) weights[rng.integer(n)]++;
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (weights[i] > 0) idx.push(i);
    const pick = (col: ArrayLike<number>) => mapFloat64(idx, (i) => col[i]);
    const sample = { frequency: pick(data.frequency), recency: pick(data.recency), T: pick(data.T), weights: pick(weights) };
    let clv: Float64Array;
    try {
      const model = o.fitTransactions(sample, o.model.params);
      let spend: SpendModel | ArrayLike<number> = o.spend;
      if (spendIsModel) {
        const mv = data.monetaryValue;
        if (!mv) throw new ClvkitError('bootstrapEquity: a spend model needs the monetary value of each customer');
        spend = o.fitSpend!({ frequency: sample.frequency, monetaryValue: pick(mv), weights: sample.weights }, spendInitial);
      }
      clv = customerValue(model, data, { ...o.value, spend }).clv;
      if (!clv.every(Number.isFinite)) throw new ClvkitError('a refit gave non-finite CLV');
    } catch (e) {
      if (!(e instanceof ClvkitError)) throw e;
      failed++;
      if (failed > B / 2) throw new ClvkitError(`customer equity bootstrap: ${failed} of ${b + 1} refits failed (last: ${e.detail})`);
      o.onProgress?.(b + 1, B);
      continue;
    }
    if (store) store.set(clv, equityDraws.length * n);
    equityDraws.push(sum(clv));
    let r = 0;
    for (let i = 0; i < n; i++) r += weights[i] * clv[i];
    resampled.push(r);
    o.onProgress?.(b + 1, B);
  }
  const D = equityDraws.length;
  const lo = (1 - level) / 2;
  const hi = 1 - lo;
  const sortedEq = Float64Array.from(equityDraws).sort();
  const sortedRes = Float64Array.from(resampled).sort();
  const result: EquityEstimate = {
    equity,
    lower: quantileSorted(sortedEq, lo),
    upper: quantileSorted(sortedEq, hi),
    resampledLower: quantileSorted(sortedRes, lo),
    resampledUpper: quantileSorted(sortedRes, hi),
    level,
    draws: D,
    failedDraws: failed,
    equityDraws: Float64Array.from(equityDraws),
    clv: point.clv,
  };
  if (store) {
    const customerLower = new Float64Array(n);
    const customerUpper = new Float64Array(n);
    const col = new Float64Array(D);
    for (let i = 0; i < n; i++) {
      for (let d = 0; d < D; d++) col[d] = store[d * n + i];
      col.sort();
      customerLower[i] = quantileSorted(col, lo);
      customerUpper[i] = quantileSorted(col, hi);
    }
    result.customerLower = customerLower;
    result.customerUpper = customerUpper;
  }
  return result;
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
