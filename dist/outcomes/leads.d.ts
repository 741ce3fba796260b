import type { DateFormat } from '../ingest/dates.ts';
import { type Table } from '../ingest/table.ts';
import type { Day } from '../types.ts';
import { type FileAccounting } from './contracts.ts';
/**
 * One lead: `customer` is empty until the lead converted.
 *
 * @example
 * const lead: Lead = { id: 'L1', day: 19723, source: 'ads', customer: '', line: 2 };
 */
export interface Lead {
    id: string;
    day: Day;
    source: string;
    customer: string;
    line: number;
}
/**
 * @example
 * const input: LeadsInput = readLeads('leads.csv'); // input.leads, input.accounting
 */
export interface LeadsInput {
    leads: Lead[];
    accounting: FileAccounting;
    latest: number;
}
/**
 * @example
 * readLeads('prospects.csv', { leadCol: 'prospect', sourceCol: 'campaign' });
 */
export interface LeadsReadOptions {
    leadCol?: string;
    dateCol?: string;
    sourceCol?: string;
    customerCol?: string;
    dateFormat?: DateFormat;
}
/**
 * @example
 * LEAD_COLUMNS.source; // ['source', 'channel', 'canal', ...]
 */
export declare const LEAD_COLUMNS: {
    lead: string[];
    date: string[];
    source: string[];
    customer: string[];
};
/**
 * Read a leads file `lead_id, date, source, customer_id` (customer_id empty until the lead converted;
 * source optional). Rows are rejected, counted by reason, for a missing lead id, a missing or bad date,
 * or a lead id seen before (the first row is kept).
 *
 * @example
 * const { leads, accounting } = readLeads('leads.csv');
 */
export declare function readLeads(path: string, options?: LeadsReadOptions): LeadsInput;
/**
 * Same as readLeads, from a table already read.
 *
 * @example
 * leadsFromTable(parseTable('lead_id,date,source,customer_id\nL1,2024-01-02,ads,C9\n', 'leads.csv')).leads[0].customer; // 'C9'
 */
export declare function leadsFromTable(table: Table, options?: LeadsReadOptions): LeadsInput;
//# sourceMappingURL=leads.d.ts.map