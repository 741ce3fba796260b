import type { TransactionTable } from '../types.ts';
import type { CustomerFacts } from './customers.ts';
import { type OutcomePeriod } from './periods.ts';
/**
 * One acquisition cohort's activity by period since acquisition (k = 0 is the acquisition period).
 *
 * @example
 * const row: CohortRow = cohortMatrix(table, facts, 'month')[0]; // row.retention[2]: share buying in month 2
 */
export interface CohortRow {
    cohort: string;
    size: number;
    /** Customers of the cohort with a purchase in their k-th period. */
    active: number[];
    /** active[k] / size: the cohort × period activity matrix. */
    retention: number[];
    /** Revenue of the cohort in its k-th period (empty without amounts). */
    revenue: number[];
    /** revenue[k] / revenue[0] (empty without amounts). */
    revenue_retention: number[];
    /** Whether the last period is cut by the observation end (so its share is not comparable). */
    last_partial: boolean;
    /** Sum of P(alive) at the end over the cohort (BG/NBD), null when no model was given. */
    expected_active: number | null;
}
/**
 * The cohort × period activity matrix: for each acquisition cohort (calendar period of the first
 * purchase), the share of its customers buying in the cohort's k-th period, the revenue by period and
 * revenue retention (revenue in period k over revenue in period 0), and, given P(alive) per customer
 * (aligned with `facts.customerIds`), the model's expected number of active customers (Σ P(alive),
 * Fader, Hardie & Lee 2005a, appendix, and their note "Computing P(alive) using the BG/NBD model", summed over the cohort).
 *
 * @example
 * const rows = cohortMatrix(table, customerFacts(table, end), 'month');
 * rows[0].retention; // [1, 0.31, 0.24, ...]
 */
export declare function cohortMatrix(table: TransactionTable, facts: CustomerFacts, period: OutcomePeriod, probabilityAlive?: ArrayLike<number>): CohortRow[];
//# sourceMappingURL=cohorts.d.ts.map