import type { TransactionTable } from '../types.ts';
import { type DateFormat } from './dates.ts';
import { type Delimiter } from './dialect.ts';
export { parseDateOption } from './dates.ts';
/** Options of readTransactions / parseTransactions (the CLI flags of `clvkit summary`). */
export interface IngestOptions {
    /** `,` `;` tab `|` or `whitespace`; detected from the first lines when absent. */
    delimiter?: Delimiter | string;
    /** Whether the first row is a header; detected when absent (a row naming a known column or holding no date). */
    header?: boolean;
    /** Column names for a headerless file (array or comma-separated string). */
    columns?: string[] | string;
    /** Column names or 1-based numbers; otherwise found by alias (DESIGN.md §1). */
    customerCol?: string | number;
    dateCol?: string | number;
    amountCol?: string | number;
    channelCol?: string | number;
    /** Forced date format; detected when absent. */
    dateFormat?: DateFormat;
    /** Decimal separator of amounts; detected when absent. */
    decimal?: ',' | '.';
    /** Keep going past bad rows, counting them per reason (default: stop at the first). */
    skipBadRows?: boolean;
    /** Called after each chunk read. */
    onProgress?: (bytesRead: number, totalBytes: number) => void;
    /** Read buffer size in bytes (default 4 MiB); small values are for tests. */
    chunkSize?: number;
}
/** Rejection reasons used in RowAccounting.rejected. */
export declare const REJECT: {
    readonly blank: 'blank line';
    readonly fields: 'wrong number of fields';
    readonly customer: 'missing customer';
    readonly missingDate: 'missing date';
    readonly date: 'bad date';
    readonly missingAmount: 'missing amount';
    readonly amount: 'bad amount';
    readonly quote: 'bad quoting';
};
/**
 * Read a transaction file (CSV or whitespace-separated) into a TransactionTable, streaming.
 * Throws a ClvkitError at `file:line:column` for the first bad row unless `skipBadRows`.
 *
 * @example
 * const table = await readTransactions('orders.csv', { skipBadRows: true });
 * table.length;              // rows used
 * table.accounting.rejected; // { 'bad date': 2 }
 */
export declare function readTransactions(path: string, options?: IngestOptions): Promise<TransactionTable>;
/**
 * Parse transactions held in memory (same rules as readTransactions).
 *
 * @example
 * const t = parseTransactions('customer_id,date,amount\nA,2024-01-02,10\nA,2024-01-09,5\n');
 * t.customerIds // ['A']
 * t.length      // 2
 */
export declare function parseTransactions(input: string | Buffer, options?: IngestOptions & {
    file?: string;
}): TransactionTable;
/**
 * Number of customers in a table (its `customerIds.length`), without building the id strings
 * when the table comes from readTransactions / parseTransactions.
 *
 * @example
 * customerCount(parseTransactions('id,date\na,2024-01-01\nb,2024-01-01\n')) // 2
 */
export declare function customerCount(table: TransactionTable): number;
/** Customer indices per block of rowsPerBlock (a power of two). */
export declare const BLOCK_SHIFT = 10;
export declare const BLOCK: number;
/**
 * Rows of each block of BLOCK customer indices (customers b·BLOCK .. (b + 1)·BLOCK − 1) as
 * counted when the table was made by readTransactions / parseTransactions, or undefined. A hint:
 * a caller that changed the table's customer column makes it stale, so users check it
 * (summarize checks it against the rows as it uses it).
 */
export declare function rowsPerBlock(table: TransactionTable): Int32Array | undefined;
//# sourceMappingURL=transactions.d.ts.map