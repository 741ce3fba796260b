/**
 * The distribution of a customer's number of purchases over the horizon, P(Y(t) = 0), P(Y(t) = 1) and
 * P(Y(t) ≥ 2), per customer, computed per distinct (frequency, recency, T) row. For the BG/NBD family and the
 * Pareto/NBD, P(Y(t) = n | x, t_x, T) = P(alive)·q_n(x, T) + [n = 0](1 − P(alive)): a dead customer buys
 * nothing, an active one buys by the posterior of an active customer, which depends on (x, T) only (FHL 2005a
 * §5; Fader & Hardie 2005 note §5), so q_n is found once per (x, T) from the model's own pmf; other models
 * call their pmf row by row.
 */
import { compressSummary } from '../summary/compress.ts';
import type { SummaryData } from '../types.ts';
import { isDiscreteTime } from './value-model.ts';

type PmfModel = {
  model: string;
  probabilityAlive(row: { frequency: number; recency: number; T: number; periods?: number }): number;
  conditionalProbabilityOfTransactions(n: number, t: number, row: { frequency: number; recency: number; T: number; periods?: number }): number;
};

const FACTORED = new Set(['bgnbd', 'mbgnbd', 'paretonbd']);

/**
 * P(n purchases in t | alive, x, T) of a factorised model, by (x, T): from the row of that (x, T) where
 * P(alive) is largest (last purchase at T), q_n = (P_n − [n = 0](1 − P(alive)))/P(alive). Undefined for models
 * without the factorisation.
 *
 * @example
 * const q0 = activePmfByKey(fitBgNbd(summary), 0, 52)!;
 * q0(2, 38.86); // P(no purchase in 52 weeks | active after 2 repeat purchases by T = 38.86)
 */
export function activePmfByKey(model: PmfModel, n: number, t: number): ((x: number, T: number) => number) | undefined {
  if (!FACTORED.has(model.model) || isDiscreteTime(model)) return undefined;
  const cache = new Map<number, Map<number, number>>();
  return (x, T) => {
    let inner = cache.get(x);
    if (!inner) cache.set(x, (inner = new Map()));
    let q = inner.get(T);
    if (q === undefined) {
      const syn = { frequency: x, recency: x > 0 ? T : 0, T, periods: T };
      const pa = model.probabilityAlive(syn);
      const p = model.conditionalProbabilityOfTransactions(n, t, syn);
      q = n === 0 ? 1 - (1 - p) / pa : p / pa;
      inner.set(T, q);
    }
    return q;
  };
}

/**
 * Per-customer P(no purchase), and with `full` P(one purchase) and P(two or more), over horizon t.
 * `alive` (per customer) may be passed when already known.
 *
 * @example
 * const d = purchaseDistribution(fitBgNbd(summary), summary, 52, true);
 * d.noPurchase[0] + d.onePurchase![0] + d.twoOrMore![0]; // 1
 */
export function purchaseDistribution(
  model: PmfModel,
  data: SummaryData,
  t: number,
  full = false,
): { noPurchase: Float64Array; onePurchase?: Float64Array; twoOrMore?: Float64Array } {
  const u = compressSummary(data);
  const m = u.frequency.length;
  const p0 = new Float64Array(m);
  const p1 = full ? new Float64Array(m) : undefined;
  const q0 = activePmfByKey(model, 0, t);
  const q1 = full ? activePmfByKey(model, 1, t) : undefined;
  for (let k = 0; k < m; k++) {
    const row = { frequency: u.frequency[k], recency: u.recency[k], T: u.T[k], periods: u.T[k] };
    if (q0) {
      const pa = model.probabilityAlive(row);
      p0[k] = 1 - pa * (1 - q0(row.frequency, row.T));
      if (p1) p1[k] = pa * q1!(row.frequency, row.T);
    } else {
      p0[k] = model.conditionalProbabilityOfTransactions(0, t, row);
      if (p1) p1[k] = model.conditionalProbabilityOfTransactions(1, t, row);
    }
  }
  const n = data.frequency.length;
  const noPurchase = new Float64Array(n);
  const onePurchase = p1 ? new Float64Array(n) : undefined;
  const twoOrMore = p1 ? new Float64Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const k = u.index[i];
    noPurchase[i] = p0[k];
    if (p1) {
      onePurchase![i] = p1[k];
      // 1 − P0 − P1, floored at 0 against rounding
      twoOrMore![i] = Math.max(0, 1 - p0[k] - p1[k]);
    }
  }
  return { noPurchase, ...(p1 ? { onePurchase, twoOrMore } : {}) };
}

/**
 * The predictive interval of a customer's number of purchases over horizon t: the central `level` range of
 * the model's P(Y(t) = n | x, t_x, T) (the randomness of the customer's own purchases, at the estimated
 * parameters): lower = the smallest n with P(Y ≤ n) ≥ (1 − level)/2, upper = the smallest n with
 * P(Y ≤ n) ≥ (1 + level)/2. Wider than the parameter-uncertainty interval of the expectation. Counts beyond
 * 10,000 are reported as 10,000.
 *
 * @example
 * const p = predictiveCountInterval(fitBgNbd(summary), summary, 52, 0.9);
 * [p.lower[0], p.upper[0]]; // e.g. [0, 4]
 */
export function predictiveCountInterval(model: PmfModel, data: SummaryData, t: number, level: number): { lower: Float64Array; upper: Float64Array } {
  const lo = (1 - level) / 2;
  const hi = 1 - lo;
  const u = compressSummary(data);
  const m = u.frequency.length;
  const low = new Float64Array(m);
  const up = new Float64Array(m);
  const factored = activePmfByKey(model, 0, t) !== undefined;
  const q: ((x: number, T: number) => number)[] = [];
  const qn = (n: number) => (q[n] ??= activePmfByKey(model, n, t)!);
  for (let k = 0; k < m; k++) {
    const row = { frequency: u.frequency[k], recency: u.recency[k], T: u.T[k], periods: u.T[k] };
    const pa = factored ? model.probabilityAlive(row) : NaN;
    let cdf = 0;
    let n = 0;
    let gotLow = false;
    for (; n < 10000; n++) {
      const p = factored ? (n === 0 ? 1 - pa * (1 - qn(0)(row.frequency, row.T)) : pa * qn(n)(row.frequency, row.T)) : model.conditionalProbabilityOfTransactions(n, t, row);
      cdf += p;
      if (!gotLow && cdf >= lo) {
        low[k] = n;
        gotLow = true;
      }
      if (cdf >= hi - 1e-12) break;
    }
    if (!gotLow) low[k] = n;
    up[k] = n;
  }
  const n = data.frequency.length;
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lower[i] = low[u.index[i]];
    upper[i] = up[u.index[i]];
  }
  return { lower, upper };
}
