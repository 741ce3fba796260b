import { actionFlags } from './flags.js';
/**
 * Every customer ranked by CLV (highest first; equal CLV keeps the input order), with P(alive),
 * expected transactions and spend, tiers, RFM segment and the action flags of `actionFlags`, where the
 * high-value past tiers are all but the last one unless `flagOptions.highValueTiers` says otherwise.
 *
 * @example
 * const rows = prioritisedList(inputs); // inputs from analysePortfolio
 * rows[0].rank; // 1, the customer with the highest CLV
 */
export function prioritisedList(c, flagOptions = {}) {
    const n = c.customerIds.length;
    // high value = every past-value tier but the last unless told otherwise (the top 20% with the default pyramid)
    const options = { highValueTiers: Math.max(1, c.pastTier.names.length - 1), ...flagOptions };
    const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => c.clv[j] - c.clv[i] || i - j);
    return order.map((i, r) => {
        const row = {
            rank: r + 1,
            customer_id: c.customerIds[i],
            clv: c.clv[i],
            probability_alive: c.probabilityAlive[i],
            expected_transactions: c.expectedTransactions[i],
            expected_spend: c.expectedSpend[i],
            historical_spend: c.historicalSpend[i],
            days_since_last_purchase: c.daysSinceLastPurchase[i],
            tier: c.valueTier.names[c.valueTier.tier[i]],
            past_tier: c.pastTier.names[c.pastTier.tier[i]],
            rfm_segment: c.rfmSegment[i],
            rfm_score: `${c.rfm.recency[i]}${c.rfm.frequency[i]}${c.rfm.monetary[i]}`,
            flags: actionFlags({ valueTier: c.valueTier.tier[i], pastTier: c.pastTier.tier[i], probabilityAlive: c.probabilityAlive[i], daysSinceLastPurchase: c.daysSinceLastPurchase[i] }, options),
        };
        if (c.clvLower && c.clvUpper) {
            row.clv_lower = c.clvLower[i];
            row.clv_upper = c.clvUpper[i];
        }
        return row;
    });
}
//# sourceMappingURL=priorities.js.map