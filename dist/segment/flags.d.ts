/** Thresholds of the action flags (see {@link actionFlags}). */
export interface FlagOptions {
    /** Past-value tiers counted as high value: tier index < this (default 3: Platinum, Gold and Iron, the top 20%). */
    highValueTiers?: number;
    /** P(alive) under which a high-value customer is at risk (default 0.5). */
    atRiskProbability?: number;
    /** P(alive) under which a customer is lapsed (default 0.1). */
    lapsedProbability?: number;
    /** Days without a purchase after which a customer is lapsed (default 365). */
    lapsedDays?: number;
}
/** Inputs of one customer's flags. */
export interface FlagInputs {
    /** Tier by CLV (future value), 0 = top. */
    valueTier: number;
    /** Tier by historical spend (past value), 0 = top. */
    pastTier: number;
    probabilityAlive: number;
    /** Days from the last purchase to the end of observation. */
    daysSinceLastPurchase: number;
}
/**
 * Action flags of one customer:
 * - `high-value-at-risk`: in a top past-value tier (index < highValueTiers) with P(alive) < atRiskProbability;
 * - `rising`: the CLV tier is above (a smaller index than) the past-value tier;
 * - `lapsed`: P(alive) < lapsedProbability, or no purchase for more than lapsedDays days.
 *
 * @example
 * actionFlags({ valueTier: 3, pastTier: 0, probabilityAlive: 0.05, daysSinceLastPurchase: 400 });
 * // ['high-value-at-risk', 'lapsed']
 */
export declare function actionFlags(c: FlagInputs, o?: FlagOptions): string[];
//# sourceMappingURL=flags.d.ts.map