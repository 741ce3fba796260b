import { ClvkitError } from '../errors.ts';
import { sortedFloat64 } from '../sort-float64.ts';

/** Inputs of {@link whaleCurve}: one entry per customer. */
export interface WhaleInputs {
  /** Historical revenue per customer. */
  spend: ArrayLike<number>;
  /** Gross margin rate: one number for all or one per customer (default 1: revenue is the margin). */
  margin?: number | ArrayLike<number>;
  /** Cost to serve per customer (e.g. the sum of a cost column). */
  costToServe?: ArrayLike<number>;
  /** Cost per order, times each customer's `orders`. */
  costPerOrder?: number;
  orders?: ArrayLike<number>;
}

/** The whale curve, sampled at evenly spaced shares of customers, plus its peak. */
export interface WhaleCurve {
  /** Share of customers, most profitable first. */
  population: number[];
  /** Cumulative profit of those customers (money). */
  cumulativeProfit: number[];
  /** cumulativeProfit / total profit (NaN when the total is 0). */
  shareOfProfit: number[];
  totalProfit: number;
  /** Highest cumulative profit, and the share of customers at which it is reached. */
  peakProfit: number;
  peakPopulation: number;
  /** Customers whose profit is negative. */
  unprofitableCustomers: number;
  /** Profit of each customer, input order. */
  profit: Float64Array;
}

/**
 * The whale curve of cumulative profitability (Kaplan & Cooper 1998, "Cost and Effect", ch. 10;
 * Kumar & Reinartz, Customer Relationship Management): profit_i = margin_i · spend_i − cost_i, with
 * cost_i = cost to serve + cost per order · orders_i; customers sorted by profit descending; the
 * cumulative profit rises above the total while profitable customers accumulate and falls back as
 * the unprofitable ones are added. Sampled at `points` population shares (default 101), interpolated
 * linearly between customers.
 *
 * @example
 * const w = whaleCurve({ spend: [100, 50, 10], costPerOrder: 20, orders: [1, 1, 2] }, 4);
 * w.profit;       // Float64Array [80, 30, -30]
 * w.totalProfit;  // 80
 * w.peakProfit;   // 110 (after the two profitable customers)
 */
export function whaleCurve(inputs: WhaleInputs, points = 101): WhaleCurve {
  const n = inputs.spend.length;
  const margin = inputs.margin ?? 1;
  if (inputs.costPerOrder !== undefined && inputs.orders === undefined) throw new ClvkitError('the whale curve needs orders per customer with a cost per order');
  const profit = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mi = typeof margin === 'number' ? margin : margin[i];
    let cost = inputs.costToServe ? inputs.costToServe[i] : 0;
    if (inputs.costPerOrder !== undefined) cost += inputs.costPerOrder * inputs.orders![i];
    profit[i] = mi * inputs.spend[i] - cost;
    if (!Number.isFinite(profit[i])) throw new ClvkitError(`whale curve: the profit of customer ${i + 1} is not a finite number`);
  }
  const sorted = sortedFloat64(profit).reverse();
  const cum = new Float64Array(n + 1);
  let peakProfit = 0;
  let peakAt = 0;
  let unprofitable = 0;
  for (let i = 0; i < n; i++) {
    cum[i + 1] = cum[i] + sorted[i];
    if (cum[i + 1] > peakProfit) {
      peakProfit = cum[i + 1];
      peakAt = i + 1;
    }
    if (sorted[i] < 0) unprofitable++;
  }
  const total = cum[n];
  const population: number[] = [];
  const cumulativeProfit: number[] = [];
  for (let k = 0; k < points; k++) {
    const p = points === 1 ? 1 : k / (points - 1);
    population.push(p);
    if (n === 0) {
      cumulativeProfit.push(0);
      continue;
    }
    const x = p * n;
    const i = Math.min(n - 1, Math.floor(x));
    cumulativeProfit.push(cum[i] + (x - i) * sorted[i]);
  }
  return {
    population,
    cumulativeProfit,
    shareOfProfit: cumulativeProfit.map((c) => (total === 0 ? NaN : c / total)),
    totalProfit: total,
    peakProfit,
    peakPopulation: n === 0 ? 0 : peakAt / n,
    unprofitableCustomers: unprofitable,
    profit,
  };
}
