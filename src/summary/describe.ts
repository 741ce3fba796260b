import { quickselect } from 'simple-statistics';
import type { CustomerSummary } from '../types.ts';

/** Five-number summary and mean of one summary column. */
export interface ColumnDistribution {
  /** Customers the figures are over (all, or the repeat buyers for the monetary value). */
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

/** The portfolio at a glance: what `clvkit summary` prints by default. */
export interface SummaryDescription {
  customers: number;
  /** Customers with at least one repeat purchase (frequency > 0) in the calibration period. */
  repeatCustomers: number;
  /** repeatCustomers / customers (NaN for an empty summary). */
  repeatShare: number;
  /** Raw transaction rows up to the end (the `transactions` column, returns included), summed. */
  transactions: number;
  /** Total spend (NaN when the file has no amounts). */
  totalSpend: number;
  /** frequency, recency and T over every customer, in `freq` units; monetaryValue over repeat buyers (the Gamma-Gamma convention), undefined without amounts. */
  frequency: ColumnDistribution;
  recency: ColumnDistribution;
  T: ColumnDistribution;
  monetaryValue?: ColumnDistribution;
  freq: CustomerSummary['freq'];
}

/**
 * Count, repeat share and the distribution (min, quartiles, max, mean) of frequency, recency, T and the
 * monetary value of a customer summary. Quartiles interpolate between order statistics (Hyndman & Fan
 * 1996, definition 7, R's default); the monetary value is described over repeat buyers only, the
 * customers it is defined for in the spend model (Fader, Hardie & Lee 2005, "RFM and CLV", §3).
 *
 * @example
 * const d = describeSummary(summarize(table));
 * d.customers; d.repeatShare; d.frequency.median; d.monetaryValue?.q3;
 */
export function describeSummary(s: Pick<CustomerSummary, 'frequency' | 'recency' | 'T' | 'monetaryValue' | 'transactions' | 'totalSpend' | 'freq' | 'hasAmount'>): SummaryDescription {
  const n = s.frequency.length;
  let repeat = 0;
  let transactions = 0;
  let spend = 0;
  for (let i = 0; i < n; i++) {
    if (s.frequency[i] > 0) repeat++;
    transactions += s.transactions[i];
    spend += s.totalSpend[i];
  }
  const repeatMoney = new Float64Array(repeat);
  for (let i = 0, k = 0; i < n; i++) if (s.frequency[i] > 0) repeatMoney[k++] = s.monetaryValue[i];
  const hasAmount = s.hasAmount !== false && !(n > 0 && Number.isNaN(spend));
  return {
    customers: n,
    repeatCustomers: repeat,
    repeatShare: n > 0 ? repeat / n : NaN,
    transactions,
    totalSpend: hasAmount ? spend : NaN,
    frequency: distribution(s.frequency),
    recency: distribution(s.recency),
    T: distribution(s.T),
    ...(hasAmount ? { monetaryValue: distribution(repeatMoney) } : {}),
    freq: s.freq,
  };
}

/**
 * Min, quartiles (Hyndman & Fan definition 7), max and mean of a column; NaN everywhere when empty.
 * The quartiles need six order statistics, not a sorted copy: each is placed by Floyd-Rivest selection
 * (simple-statistics' `quickselect`) in the part of one copy left of the previous one (linear time).
 */
function distribution(values: ArrayLike<number>): ColumnDistribution {
  const a = Float64Array.from(values);
  const n = a.length;
  if (n === 0) return { n: 0, min: NaN, q1: NaN, median: NaN, q3: NaN, max: NaN, mean: NaN };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let nan = false;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (v !== v) nan = true;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  // NaN has no order: sort as before (NaN last), so its place in the quartiles stays what it was
  if (nan) a.sort();
  // Hyndman & Fan (1996) definition 7: h = (n - 1) p, interpolate between x[floor h] and x[floor h + 1]
  const ranks = [0.25, 0.5, 0.75].flatMap((p) => {
    const lo = Math.floor((n - 1) * p);
    return [lo, Math.min(lo + 1, n - 1)];
  });
  if (!nan) {
    let left = 0;
    for (const k of [...new Set(ranks)].sort((x, y) => x - y)) {
      quickselect(a as unknown as number[], k, left, n - 1);
      left = k + 1;
    }
  }
  const q = (p: number) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    return a[lo] + (h - lo) * (a[Math.min(lo + 1, n - 1)] - a[lo]);
  };
  return nan
    ? { n, min: a[0], q1: q(0.25), median: q(0.5), q3: q(0.75), max: a[n - 1], mean: sum / n }
    : { n, min, q1: q(0.25), median: q(0.5), q3: q(0.75), max, mean: sum / n };
}
