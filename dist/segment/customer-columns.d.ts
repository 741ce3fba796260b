import { type DateFormat } from '../ingest/dates.ts';
/** Options of {@link readCustomerColumns}: how to find the rows (as for the transaction file). */
export interface CustomerColumnOptions {
    customerCol?: string;
    dateCol?: string;
    dateFormat?: DateFormat;
    delimiter?: string;
    /** Column names of a headerless file. */
    columns?: string[];
    /** Rows dated after this day (days since 1970-01-01) are left out, like the summary's `end`. */
    end?: number;
}
/** A per-row numeric column aggregated per customer. */
export interface CustomerColumnRequest {
    column: string;
    /** 'sum' (e.g. cost to serve) or 'mean' (e.g. a margin rate). */
    aggregate: 'sum' | 'mean';
}
/**
 * Extra numeric columns of a transaction file aggregated per customer id (sum or mean of the rows with a
 * value; empty cells are skipped). Rows dated after `end` are left out when the date column can be read.
 * The file is read whole (the small-table reader): fine for the margin and cost columns of `clvkit segment`.
 *
 * @example
 * const cols = readCustomerColumns('orders.csv', [{ column: 'cost', aggregate: 'sum' }], {});
 * cols.get('C1'); // [12.5]
 */
export declare function readCustomerColumns(path: string, requests: CustomerColumnRequest[], o?: CustomerColumnOptions): Map<string, number[]>;
//# sourceMappingURL=customer-columns.d.ts.map