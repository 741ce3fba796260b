import { UNMATCHED_SEGMENT } from './rfm-segments.js';
/**
 * Sizes and value per named RFM segment, in rule order (then `Other` when some customers matched no
 * rule); segments without customers are kept with zero counts so the table is the same shape for
 * every portfolio.
 *
 * @example
 * rfmSegmentTable(['Lost', 'New', 'New'], [1, 2, 3], [10, 20, 30], [0.1, 0.9, 0.8], [{ name: 'New' }, { name: 'Lost' }]);
 * // [{ segment: 'New', customers: 2, value: 5, share_value: 5/6, ... }, { segment: 'Lost', customers: 1, ... }]
 */
export function rfmSegmentTable(segments, clv, historicalSpend, probabilityAlive, rules) {
    const names = rules.map((r) => r.name);
    if (segments.includes(UNMATCHED_SEGMENT) && !names.includes(UNMATCHED_SEGMENT))
        names.push(UNMATCHED_SEGMENT);
    const index = new Map(names.map((s, k) => [s, k]));
    const K = names.length;
    const count = new Array(K).fill(0);
    const value = new Array(K).fill(0);
    const spend = new Array(K).fill(0);
    const alive = new Array(K).fill(0);
    let total = 0;
    for (let i = 0; i < segments.length; i++) {
        const k = index.get(segments[i]);
        count[k]++;
        value[k] += clv[i];
        spend[k] += historicalSpend[i];
        alive[k] += probabilityAlive[i];
        total += clv[i];
    }
    const n = segments.length;
    return names.map((segment, k) => ({
        segment,
        customers: count[k],
        share_customers: n === 0 ? NaN : count[k] / n,
        value: value[k],
        share_value: total === 0 ? NaN : value[k] / total,
        mean_clv: count[k] === 0 ? NaN : value[k] / count[k],
        historical_spend: spend[k],
        mean_probability_alive: count[k] === 0 ? NaN : alive[k] / count[k],
    }));
}
//# sourceMappingURL=rfm-table.js.map