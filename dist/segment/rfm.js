import { quantileScores } from './rfm-scores.js';
/**
 * Recency, frequency and monetary quintile scores (Hughes 1994, "Strategic Database Marketing"),
 * each by `quantileScores` with its tie rule: equal values share a score and no score bin overlaps
 * another. Recency ranks the day of the last purchase, so the most recent buyers score 5.
 *
 * @example
 * const s = rfmScores({ lastPurchase: [100, 200, 300, 400, 500], transactions: [5, 4, 3, 2, 1], totalSpend: [1, 2, 3, 4, 5] });
 * s.recency;   // Int8Array [1, 2, 3, 4, 5]
 * s.frequency; // Int8Array [5, 4, 3, 2, 1]
 */
export function rfmScores(inputs) {
    return {
        recency: quantileScores(inputs.lastPurchase),
        frequency: quantileScores(inputs.transactions),
        monetary: quantileScores(inputs.totalSpend, 5, inputs.totalSpendSorted),
    };
}
//# sourceMappingURL=rfm.js.map