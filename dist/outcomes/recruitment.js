import { formatDay } from '../ingest/dates.js';
import { ordinalStart, periodLabel, periodOrdinal } from './periods.js';
/**
 * Acquisitions per calendar period (every period from the first to the last acquisition, zeros
 * included), cumulative acquisitions, acquisitions by channel, and each cohort's share of revenue.
 *
 * @example
 * const rows = recruitment(customerFacts(table, end), 'month');
 * rows[0]; // { period: '2024-01', new_customers: 12, cumulative: 12, by_channel: { web: 9, shop: 3 }, ... }
 */
export function recruitment(facts, period) {
    let lo = Infinity;
    let hi = -Infinity;
    const ord = new Float64Array(facts.first.length);
    let total = 0;
    for (let c = 0; c < facts.first.length; c++) {
        if (facts.first[c] < 0)
            continue;
        ord[c] = periodOrdinal(facts.first[c], period);
        lo = Math.min(lo, ord[c]);
        hi = Math.max(hi, ord[c]);
        if (facts.hasAmount)
            total += facts.revenue[c];
    }
    if (lo > hi)
        return [];
    const rows = [];
    for (let o = lo; o <= hi; o++) {
        rows.push({ period: periodLabel(o, period), start: formatDay(ordinalStart(o, period)), new_customers: 0, cumulative: 0, by_channel: {}, revenue: facts.hasAmount ? 0 : null, revenue_share: null });
    }
    for (let c = 0; c < facts.first.length; c++) {
        if (facts.first[c] < 0)
            continue;
        const row = rows[ord[c] - lo];
        row.new_customers++;
        if (facts.channel[c] >= 0) {
            const name = facts.channels[facts.channel[c]] ?? String(facts.channel[c]);
            row.by_channel[name] = (row.by_channel[name] ?? 0) + 1;
        }
        if (row.revenue !== null)
            row.revenue += facts.revenue[c];
    }
    let cumulative = 0;
    for (const row of rows) {
        cumulative += row.new_customers;
        row.cumulative = cumulative;
        if (row.revenue !== null)
            row.revenue_share = total !== 0 ? row.revenue / total : null;
    }
    return rows;
}
//# sourceMappingURL=recruitment.js.map