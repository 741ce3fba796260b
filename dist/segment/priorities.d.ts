import { type FlagOptions } from './flags.ts';
/** One line of the prioritised list (snake_case: written as CSV and JSON as is). */
export interface PriorityRow {
    rank: number;
    customer_id: string;
    clv: number;
    clv_lower?: number;
    clv_upper?: number;
    probability_alive: number;
    expected_transactions: number;
    expected_spend: number;
    historical_spend: number;
    days_since_last_purchase: number;
    /** Tier by CLV (the customer pyramid on future value). */
    tier: string;
    /** Tier by historical spend. */
    past_tier: string;
    rfm_segment: string;
    rfm_score: string;
    flags: string[];
}
/** Per-customer columns of the prioritised list, in the summary's order. */
export interface PriorityInputs {
    customerIds: readonly string[];
    clv: ArrayLike<number>;
    clvLower?: ArrayLike<number>;
    clvUpper?: ArrayLike<number>;
    probabilityAlive: ArrayLike<number>;
    expectedTransactions: ArrayLike<number>;
    expectedSpend: ArrayLike<number>;
    historicalSpend: ArrayLike<number>;
    daysSinceLastPurchase: ArrayLike<number>;
    valueTier: {
        tier: Int32Array;
        names: string[];
    };
    pastTier: {
        tier: Int32Array;
        names: string[];
    };
    rfmSegment: readonly string[];
    rfm: {
        recency: Int8Array;
        frequency: Int8Array;
        monetary: Int8Array;
    };
}
/**
 * Every customer ranked by CLV (highest first; equal CLV keeps the input order), with P(alive),
 * expected transactions and spend, tiers, RFM segment and the action flags of `actionFlags`, where the
 * high-value past tiers are all but the last one unless `flagOptions.highValueTiers` says otherwise.
 *
 * @example
 * const rows = prioritisedList(inputs); // inputs from analysePortfolio
 * rows[0].rank; // 1, the customer with the highest CLV
 */
export declare function prioritisedList(c: PriorityInputs, flagOptions?: FlagOptions): PriorityRow[];
//# sourceMappingURL=priorities.d.ts.map