import type { CustomerFacts } from './customers.ts';
import { type OutcomePeriod } from './periods.ts';
/**
 * New customers of one calendar period (one acquisition cohort).
 *
 * @example
 * const row: RecruitmentRow = recruitment(facts, 'month')[0]; // row.new_customers, row.by_channel
 */
export interface RecruitmentRow {
    period: string;
    start: string;
    new_customers: number;
    cumulative: number;
    /** New customers by acquisition channel (the channel of the first purchase); empty without a channel column. */
    by_channel: Record<string, number>;
    /** Revenue, up to the observation end, of the customers acquired in this period (null without amounts). */
    revenue: number | null;
    /** That revenue as a share of all revenue (null without amounts). */
    revenue_share: number | null;
}
/**
 * Acquisitions per calendar period (every period from the first to the last acquisition, zeros
 * included), cumulative acquisitions, acquisitions by channel, and each cohort's share of revenue.
 *
 * @example
 * const rows = recruitment(customerFacts(table, end), 'month');
 * rows[0]; // { period: '2024-01', new_customers: 12, cumulative: 12, by_channel: { web: 9, shop: 3 }, ... }
 */
export declare function recruitment(facts: CustomerFacts, period: OutcomePeriod): RecruitmentRow[];
//# sourceMappingURL=recruitment.d.ts.map