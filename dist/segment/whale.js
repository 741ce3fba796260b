import { ClvkitError } from '../errors.js';
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
export function whaleCurve(inputs, points = 101) {
    const n = inputs.spend.length;
    const margin = inputs.margin ?? 1;
    if (inputs.costPerOrder !== undefined && inputs.orders === undefined)
        throw new ClvkitError('the whale curve needs orders per customer with a cost per order');
    const profit = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const mi = typeof margin === 'number' ? margin : margin[i];
        let cost = inputs.costToServe ? inputs.costToServe[i] : 0;
        if (inputs.costPerOrder !== undefined)
            cost += inputs.costPerOrder * inputs.orders[i];
        profit[i] = mi * inputs.spend[i] - cost;
        if (!Number.isFinite(profit[i]))
            throw new ClvkitError(`whale curve: the profit of customer ${i + 1} is not a finite number`);
    }
    const sorted = Float64Array.from(profit).sort().reverse();
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
        if (sorted[i] < 0)
            unprofitable++;
    }
    const total = cum[n];
    const population = [];
    const cumulativeProfit = [];
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
//# sourceMappingURL=whale.js.map