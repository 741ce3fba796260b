import type { TierAssignment } from './tiers-types.ts';
/** One row of a tier table (snake_case: it is written as CSV and JSON as is). */
export interface TierRow {
    tier: string;
    customers: number;
    /** customers / all customers */
    share_customers: number;
    /** sum of CLV in the tier / total CLV (NaN when the total is 0) */
    share_value: number;
    mean_clv: number;
    mean_probability_alive: number;
    /** Sum of past spend of the tier's customers. */
    historical_spend: number;
    share_historical_spend: number;
}
/** Per-customer measures a tier table aggregates. */
export interface TierMeasures {
    clv: ArrayLike<number>;
    probabilityAlive: ArrayLike<number>;
    historicalSpend: ArrayLike<number>;
}
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
export declare function tierTable(assignment: TierAssignment, m: TierMeasures): TierRow[];
//# sourceMappingURL=tier-table.d.ts.map