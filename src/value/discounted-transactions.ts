import { ClvkitError } from '../errors.ts';
import type { SummaryData } from '../types.ts';
import { compressSummary } from '../summary/compress.ts';
import { discountNodes } from './discount-nodes.ts';
import { factoredTransactions } from './factored.ts';
import { continuousRatePerUnit, discreteRatePerPeriod } from './units.ts';
import { conditionalAll, isDiscreteTime, rowAt, type ValueModel } from './value-model.ts';

/** How discounted expected transactions are computed. */
export type DertMethod = 'auto' | 'closed-form' | 'integral';

/** Options of {@link discountedExpectedTransactions}. */
export interface DiscountedTransactionsOptions {
  /** Horizon in the model's time unit (Infinity for the whole residual lifetime). */
  horizon: number;
  /** Annual discount rate, e.g. 0.1. */
  annualDiscount: number;
  /** Days in one model time unit (7 for weeks; for BG/BB, the length of one transaction opportunity). */
  unitDays: number;
  /**
   * 'closed-form': the model's DERT (Pareto/NBD: Fader, Hardie & Lee 2005b eq. 2; BG/BB: Fader, Hardie &
   * Shang 2010 eq. 14), infinite horizon only; 'integral': numerical (see discountNodes; for BG/BB the
   * exact sum over periods); 'auto' (default): the closed form when the horizon is infinite and the model
   * has one, the integral otherwise.
   */
  method?: DertMethod;
  /**
   * Integral path of BG/NBD, MBG/NBD and Pareto/NBD: sum the time profile once per distinct (x, T) (T for
   * Pareto/NBD) and scale by P(alive) per row (see factored.ts); default true. False evaluates E[Y(t) | row]
   * per row and node (the general path, kept as a cross-check).
   */
  factorise?: boolean;
}

/** Result of {@link discountedExpectedTransactions}. */
export interface DiscountedTransactions {
  /** One value per customer. */
  values: Float64Array;
  /** Rate per model unit: continuous delta for continuous-time models, discrete d per period for BG/BB. */
  rate: number;
  rateKind: 'continuous' | 'discrete';
  method: 'closed-form' | 'integral';
}

/**
 * Discounted expected (residual) transactions of every customer over a horizon.
 *
 * Continuous-time models (BG/NBD, MBG/NBD, Pareto/NBD): ∫_0^H e^{−δt} dE[Y(t)] with
 * δ = ln(1 + d) · unitDays / 365.25 (so e^{−δt} equals annual compounding at d exactly); with a rate of 0 this
 * is E[Y(H)] itself. BG/BB (discrete opportunities): Σ_{k=1}^{H} (E[Y(k)] − E[Y(k−1)]) / (1 + d_p)^k with
 * d_p = (1 + d)^(unitDays / 365.25) − 1 per period, the first future opportunity discounted once, as in
 * FHS 2010 eq. 14; H must then be a whole number of periods.
 *
 * @example
 * const det = discountedExpectedTransactions(paretoNbd, summary, { horizon: Infinity, annualDiscount: 0.1, unitDays: 7 });
 * det.values[0]; det.method; // 'closed-form'
 */
export function discountedExpectedTransactions(model: ValueModel, data: SummaryData, o: DiscountedTransactionsOptions): DiscountedTransactions {
  const { values, rate, rateKind, method } = discountedWithExtras(model, data, o, false);
  return { values, rate, rateKind, method };
}

/**
 * As {@link discountedExpectedTransactions}; on the factorised path also E[Y(H) | row] (when `withExpected`
 * and H is finite) and P(alive), which it computes on the way.
 */
export function discountedWithExtras(
  model: ValueModel, data: SummaryData, o: DiscountedTransactionsOptions, withExpected: boolean,
): DiscountedTransactions & { expected?: Float64Array; probabilityAlive?: Float64Array } {
  // Once per distinct (x, t_x, T) row, then scattered: every value is a function of the row alone, so the
  // customers get the same doubles (a million customers hold a few hundred thousand distinct rows).
  const n = data.frequency.length;
  if (n > 1 && data.weights === undefined) {
    const u = compressSummary(data);
    const m = u.frequency.length;
    if (m < n) {
      const r = discountedOnRows(model, { frequency: u.frequency, recency: u.recency, T: u.T }, o, withExpected);
      const scatter = (a: Float64Array | undefined) => {
        if (!a) return undefined;
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = a[u.index[i]];
        return out;
      };
      return { ...r, values: scatter(r.values)!, expected: scatter(r.expected), probabilityAlive: scatter(r.probabilityAlive) };
    }
  }
  return discountedOnRows(model, data, o, withExpected);
}

function discountedOnRows(
  model: ValueModel, data: SummaryData, o: DiscountedTransactionsOptions, withExpected: boolean,
): DiscountedTransactions & { expected?: Float64Array; probabilityAlive?: Float64Array } {
  const discrete = isDiscreteTime(model);
  const rate = discrete ? discreteRatePerPeriod(o.annualDiscount, o.unitDays) : continuousRatePerUnit(o.annualDiscount, o.unitDays);
  const rateKind = discrete ? 'discrete' : 'continuous';
  const method = o.method ?? 'auto';
  const n = data.frequency.length;
  const infinite = !Number.isFinite(o.horizon);
  const hasClosed = typeof model.discountedExpectedResidualTransactions === 'function';
  if (method === 'closed-form' && (!infinite || !hasClosed)) {
    throw new ClvkitError(
      !hasClosed
        ? `the ${model.model} model has no closed-form discounted expected residual transactions; use the integral`
        : 'the closed-form DERT is for an infinite horizon; use the integral for a finite one',
    );
  }
  if (infinite && !(rate > 0)) throw new ClvkitError('an infinite horizon needs an annual discount rate above 0');
  if (method !== 'integral' && infinite && hasClosed) {
    const values = new Float64Array(n);
    // Pareto/NBD: FHL 2005b eq. 2 in delta; BG/BB: FHS 2010 eq. 14 in d per period
    for (let i = 0; i < n; i++) values[i] = model.discountedExpectedResidualTransactions!(rowAt(data, i), rate);
    return { values, rate, rateKind, method: 'closed-form' };
  }
  if (!discrete && o.factorise !== false) {
    const f = factoredTransactions(model, data, discountNodes(o.horizon, rate), withExpected ? o.horizon : undefined);
    if (f) return { values: f.values, rate, rateKind, method: 'integral', expected: f.expected, probabilityAlive: f.probabilityAlive };
  }
  const values = discrete ? discreteSum(model, data, o.horizon, rate) : continuousIntegral(model, data, o.horizon, rate);
  return { values, rate, rateKind, method: 'integral' };
}

function continuousIntegral(model: ValueModel, data: SummaryData, horizon: number, delta: number): Float64Array {
  const { times, weights } = discountNodes(horizon, delta);
  const out = new Float64Array(data.frequency.length);
  for (let j = 0; j < times.length; j++) {
    const ey = conditionalAll(model, data, times[j]);
    const w = weights[j];
    for (let i = 0; i < out.length; i++) out[i] += w * ey[i];
  }
  return out;
}

const MAX_PERIODS = 100_000;

function discreteSum(model: ValueModel, data: SummaryData, horizon: number, d: number): Float64Array {
  let H = horizon;
  if (!Number.isFinite(H)) {
    // stop where (1 + d)^−k < 1e−13: the remaining terms are below that share of the total
    H = Math.min(MAX_PERIODS, Math.ceil(Math.log(1e13) / Math.log1p(d)));
  } else if (!Number.isInteger(H)) {
    throw new ClvkitError(`the BG/BB horizon must be a whole number of periods, got ${H}`);
  }
  const out = new Float64Array(data.frequency.length);
  let prev: Float64Array = new Float64Array(out.length);
  for (let k = 1; k <= H; k++) {
    const cum = conditionalAll(model, data, k);
    const f = Math.pow(1 + d, -k);
    for (let i = 0; i < out.length; i++) out[i] += (cum[i] - prev[i]) * f;
    prev = cum;
  }
  return out;
}
