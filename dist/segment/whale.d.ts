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
export declare function whaleCurve(inputs: WhaleInputs, points?: number): WhaleCurve;
//# sourceMappingURL=whale.d.ts.map