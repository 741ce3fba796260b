/**
 * Discounting helpers for CLV over a finite horizon (DESIGN.md §3 `predict`).
 *
 * Convention: discrete per-period discounting at period ends, as finance expects. The expected
 * transactions of period k (from k-1 to k, in the model's time unit) are
 * E[Y(k) | row] - E[Y(k-1) | row] and are discounted by (1 + r)^k; a fractional last period
 * (horizon not a whole number) is discounted at the horizon itself. With r = 0 the result is exactly
 * conditionalExpectedTransactions(horizon, row).
 */
import { ClvkitError } from '../errors.ts';

/**
 * Anything with the common conditional-expectation method (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB).
 *
 * @example
 * const constant: ConditionalExpectationModel<object> = { conditionalExpectedTransactions: (t) => 0.2 * t };
 */
export interface ConditionalExpectationModel<R> {
  conditionalExpectedTransactions(t: number, row: R): number;
}

/**
 * Days in a time unit: a year is 365.25 days, a month 365.25/12, a week 7.
 *
 * @example
 * UNIT_DAYS.month; // 30.4375
 */
export const UNIT_DAYS = { day: 1, week: 7, month: 365.25 / 12, year: 365.25 } as const;
/**
 * @example
 * const unit: TimeUnit = 'week';
 */
export type TimeUnit = keyof typeof UNIT_DAYS;

/**
 * Convert an annual discount rate to the rate per model unit, exactly: (1 + annual)^(days / 365.25) - 1.
 *
 * @example
 * ratePerUnit(0.1, 'week'); // 1.1^(7/365.25) - 1 = 0.001828...
 * ratePerUnit(0.1, 'year'); // 0.1
 */
export function ratePerUnit(annualRate: number, unit: TimeUnit): number {
  if (!(annualRate >= 0) || !Number.isFinite(annualRate)) throw new ClvkitError(`the annual discount rate must be >= 0, got ${annualRate}`);
  if (!(unit in UNIT_DAYS)) throw new ClvkitError(`unknown time unit "${unit}" (day, week, month, year)`);
  if (unit === 'year') return annualRate;
  return Math.expm1((UNIT_DAYS[unit] / 365.25) * Math.log1p(annualRate));
}

/**
 * Discounted expected transactions of one customer over (0, horizon] in model units: the sum over
 * periods k = 1..ceil(horizon) of the period's expected transactions discounted by (1 + rate)^min(k, horizon).
 *
 * @example
 * const det = discountedConditionalExpectedTransactions(bgnbd, { frequency: 2, recency: 30.43, T: 38.86 }, 52, ratePerUnit(0.1, 'week'));
 */
export function discountedConditionalExpectedTransactions<R>(
  model: ConditionalExpectationModel<R>,
  row: R,
  horizon: number,
  rate: number,
): number {
  if (!(horizon >= 0) || !Number.isFinite(horizon)) throw new ClvkitError(`the horizon must be a number >= 0, got ${horizon}`);
  if (!(rate >= 0) || !Number.isFinite(rate)) throw new ClvkitError(`the discount rate per period must be >= 0, got ${rate}`);
  if (horizon === 0) return 0;
  if (rate === 0) return model.conditionalExpectedTransactions(horizon, row);
  const whole = Math.floor(horizon);
  const logFactor = Math.log1p(rate);
  let prev = 0;
  let sum = 0;
  for (let k = 1; k <= whole; k++) {
    const cum = model.conditionalExpectedTransactions(k, row);
    sum += (cum - prev) * Math.exp(-k * logFactor);
    prev = cum;
  }
  if (horizon > whole) {
    const cum = model.conditionalExpectedTransactions(horizon, row);
    sum += (cum - prev) * Math.exp(-horizon * logFactor);
  }
  return sum;
}

/**
 * Per-customer predictions of a transaction model (and optionally a spend model) over a horizon:
 * the rows of `clvkit predict` (DESIGN.md §3). `clv` = discounted expected transactions over the horizon
 * x expected spend x margin; with rate 0 it is expected_transactions x expected_spend x margin.
 *
 * @example
 * const row: CustomerPrediction = { customer_id: 'A', frequency: 2, recency: 30, T: 39, expected_transactions: 1.2, probability_alive: 0.7 };
 */
export interface CustomerPrediction {
  customer_id: string;
  frequency: number;
  recency: number;
  T: number;
  expected_transactions: number;
  probability_alive: number;
  expected_spend?: number;
  clv?: number;
}

/**
 * The parts of a fitted transaction model predictCustomers uses.
 *
 * @example
 * const m: PredictiveModel = fitBgNbd(summary);
 */
export interface PredictiveModel {
  conditionalExpectedTransactions(t: number, row: { frequency: number; recency: number; T: number; periods?: number }): number;
  probabilityAlive(row: { frequency: number; recency: number; T: number; periods?: number }): number;
}

/**
 * The part of a fitted Gamma-Gamma model predictCustomers uses.
 *
 * @example
 * const s: SpendModel = fitGammaGamma({ frequency, monetaryValue });
 */
export interface SpendModel {
  conditionalExpectedAverageSpend(frequency: number, monetaryValue: number): number;
}

/**
 * Predictions for every customer of a summary.
 *
 * @example
 * const rows = predictCustomers(bgnbd, summary, { horizon: 52, rate: ratePerUnit(0.1, 'week'), spend: gg });
 * rows[0].expected_transactions; rows[0].clv;
 */
export function predictCustomers(
  model: PredictiveModel,
  data: { customerIds?: string[]; frequency: ArrayLike<number>; recency: ArrayLike<number>; T: ArrayLike<number>; monetaryValue?: ArrayLike<number> },
  options: { horizon: number; rate: number; margin?: number; spend?: SpendModel },
): CustomerPrediction[] {
  const margin = options.margin ?? 1;
  const out: CustomerPrediction[] = [];
  const wantValue = options.spend !== undefined && data.monetaryValue !== undefined;
  // Customers with the same (x, t_x, T) share their transaction predictions: computed once.
  const cache = new Map<string, [number, number, number]>();
  for (let i = 0; i < data.frequency.length; i++) {
    const row = { frequency: data.frequency[i], recency: data.recency[i], T: data.T[i], periods: data.T[i] };
    const key = `${row.frequency},${row.recency},${row.T}`;
    let hit = cache.get(key);
    if (!hit) {
      const expected = model.conditionalExpectedTransactions(options.horizon, row);
      const discounted = !wantValue ? NaN : options.rate === 0 ? expected : discountedConditionalExpectedTransactions(model, row, options.horizon, options.rate);
      hit = [expected, model.probabilityAlive(row), discounted];
      cache.set(key, hit);
    }
    const p: CustomerPrediction = {
      customer_id: data.customerIds ? data.customerIds[i] : String(i + 1),
      frequency: row.frequency,
      recency: row.recency,
      T: row.T,
      expected_transactions: hit[0],
      probability_alive: hit[1],
    };
    if (wantValue) {
      const m = data.monetaryValue![i];
      p.expected_spend = options.spend!.conditionalExpectedAverageSpend(row.frequency, row.frequency > 0 && Number.isFinite(m) ? m : 0);
      p.clv = hit[2] * p.expected_spend * margin;
    }
    out.push(p);
  }
  return out;
}
