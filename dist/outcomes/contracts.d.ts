import type { DateFormat } from '../ingest/dates.ts';
import { type Table } from '../ingest/table.ts';
import type { Day } from '../types.ts';
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
export declare const CONTRACT_COLUMNS: {
    customer: string[];
    start: string[];
    end: string[];
    plan: string[];
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
export declare function readContracts(path: string, options?: ContractsReadOptions): ContractsInput;
/**
 * Same as readContracts, from a table already read.
 *
 * @example
 * contractsFromTable(parseTable('customer,start,end\nA,2024-01-01,\n', 'x.csv')).contracts[0].end; // -1
 */
export declare function contractsFromTable(table: Table, options?: ContractsReadOptions): ContractsInput;
/**
 * Empty accounting of `read` rows.
 *
 * @example
 * newAccounting('leads.csv', 10); // { file: 'leads.csv', read: 10, used: 0, rejected: {}, first_lines: {} }
 */
export declare function newAccounting(file: string, read: number): FileAccounting;
/**
 * Count one rejected row under `reason`, remembering its line (the first five per reason).
 *
 * @example
 * reject(acc, 'bad date', 12);
 */
export declare function reject(accounting: FileAccounting, reason: string, line: number): void;
//# sourceMappingURL=contracts.d.ts.map