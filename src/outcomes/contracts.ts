import type { DateFormat } from '../ingest/dates.ts';
import { type Table, columnIndex, optionalColumnIndex, readTable } from '../ingest/table.ts';
import type { Day } from '../types.ts';
import { dateCell, dateInRange, tableDateFormat } from './table-dates.ts';

/**
 * One subscription: `end` is -1 while still active.
 *
 * @example
 * const c: Contract = { customer: 'S1', start: 19723, end: -1, plan: 'basic', line: 2 };
 */
export interface Contract {
  customer: string;
  start: Day;
  end: Day;
  plan: string;
  /** 1-based line in the file. */
  line: number;
}

/**
 * Row accounting of a small input file: every data row is used or rejected with a reason.
 *
 * @example
 * const a: FileAccounting = readContracts('contracts.csv').accounting; // a.used + Σ a.rejected = a.read
 */
export interface FileAccounting {
  file: string;
  read: number;
  used: number;
  rejected: Record<string, number>;
  /** First lines of each rejection reason (up to 5). */
  first_lines: Record<string, number[]>;
}

/**
 * A contracts file read and checked.
 *
 * @example
 * const input: ContractsInput = readContracts('contracts.csv'); // input.contracts, input.hasPlan
 */
export interface ContractsInput {
  contracts: Contract[];
  hasPlan: boolean;
  accounting: FileAccounting;
  /** Latest start or end date in the file (-Infinity when none). */
  latest: number;
}

/**
 * @example
 * readContracts('subs.csv', { startCol: 'signup', endCol: 'cancel', dateFormat: 'dd/mm/yyyy' });
 */
export interface ContractsReadOptions {
  customerCol?: string;
  startCol?: string;
  endCol?: string;
  planCol?: string;
  dateFormat?: DateFormat;
}

/**
 * @example
 * CONTRACT_COLUMNS.end; // ['end', 'end_date', ...]: accepted names of the end column
 */
export const CONTRACT_COLUMNS = {
  customer: ['customer_id', 'customer', 'client', 'id_client', 'subscriber', 'abonne', 'account', 'id'],
  start: ['start', 'start_date', 'started', 'debut', 'date_debut', 'subscription_start', 'begin'],
  end: ['end', 'end_date', 'ended', 'fin', 'date_fin', 'cancel_date', 'cancelled', 'churn_date', 'date_resiliation'],
  plan: ['plan', 'offer', 'offre', 'formule', 'product', 'produit', 'tier'],
};

/**
 * Read a contracts file `customer, start, end[, plan]` (DESIGN.md §3): an empty end means still active.
 * Rows are rejected, with a reason and counted, for a missing customer, a missing or bad start, a bad
 * end, or an end before the start; dates are ISO, yyyymmdd or day/month forms decided over the file.
 *
 * @example
 * const { contracts, accounting } = readContracts('contracts.csv');
 * accounting.rejected; // { 'end before start': 1 }
 */
export function readContracts(path: string, options: ContractsReadOptions = {}): ContractsInput {
  return contractsFromTable(readTable(path), options);
}

/**
 * Same as readContracts, from a table already read.
 *
 * @example
 * contractsFromTable(parseTable('customer,start,end\nA,2024-01-01,\n', 'x.csv')).contracts[0].end; // -1
 */
export function contractsFromTable(table: Table, options: ContractsReadOptions = {}): ContractsInput {
  const ci = columnIndex(table, CONTRACT_COLUMNS.customer, 'customer', options.customerCol);
  const si = columnIndex(table, CONTRACT_COLUMNS.start, 'start date', options.startCol);
  const ei = columnIndex(table, CONTRACT_COLUMNS.end, 'end date', options.endCol);
  const pi = optionalColumnIndex(table, CONTRACT_COLUMNS.plan, 'plan', options.planCol);
  const format = tableDateFormat(table, [si, ei], options.dateFormat);
  const accounting = newAccounting(table.file, table.rows.length);
  const contracts: Contract[] = [];
  let latest = -Infinity;
  table.rows.forEach((row, r) => {
    const line = table.lines[r];
    const customer = row[ci].trim();
    if (customer === '') return reject(accounting, 'missing customer', line);
    if (row[si].trim() === '') return reject(accounting, 'missing start date', line);
    const start = dateCell(row[si], format);
    if (Number.isNaN(start)) return reject(accounting, 'bad start date', line);
    if (!dateInRange(start)) return reject(accounting, 'date out of range', line);
    let end = -1;
    if (row[ei].trim() !== '') {
      end = dateCell(row[ei], format);
      if (Number.isNaN(end)) return reject(accounting, 'bad end date', line);
      if (!dateInRange(end)) return reject(accounting, 'date out of range', line);
      if (end < start) return reject(accounting, 'end before start', line);
    }
    latest = Math.max(latest, start, end);
    contracts.push({ customer, start, end, plan: pi >= 0 ? row[pi].trim() || '(none)' : '', line });
    accounting.used++;
  });
  return { contracts, hasPlan: pi >= 0, accounting, latest };
}

/**
 * Empty accounting of `read` rows.
 *
 * @example
 * newAccounting('leads.csv', 10); // { file: 'leads.csv', read: 10, used: 0, rejected: {}, first_lines: {} }
 */
export function newAccounting(file: string, read: number): FileAccounting {
  return { file, read, used: 0, rejected: {}, first_lines: {} };
}

/**
 * Count one rejected row under `reason`, remembering its line (the first five per reason).
 *
 * @example
 * reject(acc, 'bad date', 12);
 */
export function reject(accounting: FileAccounting, reason: string, line: number): void {
  accounting.rejected[reason] = (accounting.rejected[reason] ?? 0) + 1;
  const lines = (accounting.first_lines[reason] ??= []);
  if (lines.length < 5) lines.push(line);
}
