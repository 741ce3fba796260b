/** RFM scores per customer, 1..5 each (5 = best). */
export interface RfmScores {
    recency: Int8Array;
    frequency: Int8Array;
    monetary: Int8Array;
}
/** Per-customer inputs of {@link rfmScores}. */
export interface RfmInputs {
    /** Day of the last purchase (days since 1970-01-01): later = more recent = higher R score. */
    lastPurchase: ArrayLike<number>;
    /** Number of transactions: more = higher F score. */
    transactions: ArrayLike<number>;
    /** Historical spend (total): more = higher M score. */
    totalSpend: ArrayLike<number>;
    /** totalSpend sorted ascending, when the caller has it (spares a sort). */
    totalSpendSorted?: Float64Array;
}
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
export declare function rfmScores(inputs: RfmInputs): RfmScores;
//# sourceMappingURL=rfm.d.ts.map