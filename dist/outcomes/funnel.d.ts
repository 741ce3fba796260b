import type { CustomerFacts } from './customers.ts';
import { type FileAccounting } from './contracts.ts';
import { type KmStep } from './kaplan-meier.ts';
import type { LeadsInput } from './leads.ts';
import { type OutcomePeriod } from './periods.ts';
import { type Proportion } from './wilson.ts';
/**
 * The funnel lead -> first purchase -> repeat purchase of one group of leads.
 *
 * @example
 * const row: FunnelRow = leadFunnel(leads, facts, 'month').by_source[0]; // row.lead_to_customer.rate
 */
export interface FunnelRow {
    group: string;
    leads: number;
    customers: number;
    repeaters: number;
    /** customers / leads. */
    lead_to_customer: Proportion;
    /** repeaters / customers. */
    customer_to_repeat: Proportion;
    /** repeaters / leads. */
    lead_to_repeat: Proportion;
    /** Median days from lead to first purchase among those who bought (null when none). */
    median_days_to_first: number | null;
}
/**
 * Leads funnel (the `conversion.leads` part of `retention --json`).
 *
 * @example
 * const f: LeadFunnel = leadFunnel(readLeads('leads.csv'), facts, 'month'); // f.overall, f.time_to_first
 */
export interface LeadFunnel {
    accounting: FileAccounting;
    note: string;
    /** Leads whose customer had bought before the lead date: not counted in the funnel. */
    existing_customers: number;
    /** Leads naming a customer id with no purchase in the transactions (up to the end): counted as not converted. */
    unmatched_customer_ids: number;
    overall: FunnelRow;
    by_source: FunnelRow[];
    by_period: FunnelRow[];
    /** Days from lead to first purchase, Kaplan-Meier, censored at the observation end. */
    time_to_first: {
        unit: 'day';
        median: number;
        median_lower: number;
        median_upper: number;
        km: KmStep[];
    };
}
/**
 * The funnel lead -> first purchase -> repeat purchase, overall, per source and per calendar period of
 * the lead, with Wilson intervals, and the time from lead to first purchase (Kaplan-Meier in days,
 * censored at the observation end). A lead converts when its customer id has a first purchase on or
 * after the lead date; a customer who bought before the lead date is an existing customer, left out of
 * the funnel; a repeat is a second purchase day up to the end. Leads dated after the end are rejected.
 *
 * @example
 * const f = leadFunnel(readLeads('leads.csv'), customerFacts(table, end), 'month');
 * f.by_source; // [{ group: 'ads', leads: 120, customers: 30, repeaters: 9, ... }]
 */
export declare function leadFunnel(input: LeadsInput, facts: CustomerFacts, period: OutcomePeriod, level?: number): LeadFunnel;
//# sourceMappingURL=funnel.d.ts.map