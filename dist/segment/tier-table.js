/**
 * Aggregate a tier assignment: customers, share of customers, share of value (CLV), mean CLV,
 * mean P(alive) and historical spend per tier, top tier first. Empty tiers are kept (with NaN means)
 * so the table always has one row per tier; the shares of customers and of value each add up to 1.
 *
 * @example
 * const rows = tierTable({ tier: Int32Array.from([0, 1, 1]), names: ['Top', 'Rest'] },
 *   { clv: [10, 5, 5], probabilityAlive: [0.9, 0.5, 0.7], historicalSpend: [100, 20, 30] });
 * rows[1]; // { tier: 'Rest', customers: 2, share_customers: 2/3, share_value: 0.5, mean_clv: 5, mean_probability_alive: 0.6, historical_spend: 50, ... }
 */
export function tierTable(assignment, m) {
    const K = assignment.names.length;
    const n = assignment.tier.length;
    const count = new Array(K).fill(0);
    const clv = new Array(K).fill(0);
    const alive = new Array(K).fill(0);
    const spend = new Array(K).fill(0);
    let totalClv = 0;
    let totalSpend = 0;
    for (let i = 0; i < n; i++) {
        const k = assignment.tier[i];
        count[k]++;
        clv[k] += m.clv[i];
        alive[k] += m.probabilityAlive[i];
        spend[k] += m.historicalSpend[i];
        totalClv += m.clv[i];
        totalSpend += m.historicalSpend[i];
    }
    return assignment.names.map((name, k) => ({
        tier: name,
        customers: count[k],
        share_customers: n === 0 ? NaN : count[k] / n,
        share_value: totalClv === 0 ? NaN : clv[k] / totalClv,
        mean_clv: count[k] === 0 ? NaN : clv[k] / count[k],
        mean_probability_alive: count[k] === 0 ? NaN : alive[k] / count[k],
        historical_spend: spend[k],
        share_historical_spend: totalSpend === 0 ? NaN : spend[k] / totalSpend,
    }));
}
//# sourceMappingURL=tier-table.js.map