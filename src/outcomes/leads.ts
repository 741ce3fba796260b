import type { DateFormat } from '../ingest/dates.ts';
import { type Table, columnIndex, optionalColumnIndex, readTable } from '../ingest/table.ts';
import type { Day } from '../types.ts';
import { type FileAccounting, newAccounting, reject } from './contracts.ts';
import { dateCell, dateInRange, tableDateFormat } from './table-dates.ts';

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
export const LEAD_COLUMNS = {
  lead: ['lead_id', 'lead', 'id_lead', 'prospect', 'prospect_id', 'id_prospect', 'id'],
  date: ['date', 'lead_date', 'created', 'created_at', 'date_lead', 'date_creation'],
  source: ['source', 'channel', 'canal', 'origine', 'origin', 'campaign', 'campagne'],
  customer: ['customer_id', 'customer', 'client', 'id_client', 'converted_customer'],
};

/**
 * Read a leads file `lead_id, date, source, customer_id` (customer_id empty until the lead converted;
 * source optional). Rows are rejected, counted by reason, for a missing lead id, a missing or bad date,
 * or a lead id seen before (the first row is kept).
 *
 * @example
 * const { leads, accounting } = readLeads('leads.csv');
 */
export function readLeads(path: string, options: LeadsReadOptions = {}): LeadsInput {
  return leadsFromTable(readTable(path), options);
}

/**
 * Same as readLeads, from a table already read.
 *
 * @example
 * leadsFromTable(parseTable('lead_id,date,source,customer_id\nL1,2024-01-02,ads,C9\n', 'leads.csv')).leads[0].customer; // 'C9'
 */
export function leadsFromTable(table: Table, options: LeadsReadOptions = {}): LeadsInput {
  const li = columnIndex(table, LEAD_COLUMNS.lead, 'lead id', options.leadCol);
  const di = columnIndex(table, LEAD_COLUMNS.date, 'lead date', options.dateCol);
  const si = optionalColumnIndex(table, LEAD_COLUMNS.source, 'source', options.sourceCol);
  const ci = columnIndex(table, LEAD_COLUMNS.customer, 'customer id', options.customerCol);
  const format = tableDateFormat(table, [di], options.dateFormat);
  const accounting = newAccounting(table.file, table.rows.length);
  const seen = new Set<string>();
  const leads: Lead[] = [];
  let latest = -Infinity;
  table.rows.forEach((row, r) => {
    const line = table.lines[r];
    const id = row[li].trim();
    if (id === '') return reject(accounting, 'missing lead id', line);
    if (row[di].trim() === '') return reject(accounting, 'missing date', line);
    const day = dateCell(row[di], format);
    if (Number.isNaN(day)) return reject(accounting, 'bad date', line);
    if (!dateInRange(day)) return reject(accounting, 'date out of range', line);
    if (seen.has(id)) return reject(accounting, 'duplicate lead id', line);
    seen.add(id);
    latest = Math.max(latest, day);
    leads.push({ id, day, source: si >= 0 ? row[si].trim() || '(none)' : '(none)', customer: row[ci].trim(), line });
    accounting.used++;
  });
  return { leads, accounting, latest };
}
