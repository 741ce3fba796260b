import type { CsvValue } from '../report/csv.ts';
import type { CustomerSummary, RowAccounting } from '../types.ts';
/** Column names of `clvkit summary --out` (DESIGN.md §3, a contract). */
export declare function summaryColumns(summary: CustomerSummary): string[];
/**
 * The summary as rows of plain values in summaryColumns order (dates as YYYY-MM-DD).
 *
 * @example
 * const rows = summaryRows(summary); // [['C000001', 2, 30.43, 38.86, 22.5, '1997-01-01', ...], ...]
 */
export declare function summaryRows(summary: CustomerSummary): CsvValue[][];
/** The summary as JSON records (DESIGN.md §3 `summary --json`). */
export declare function summaryJson(summary: CustomerSummary, accounting: RowAccounting): {
    accounting: RowAccounting;
    customers: Record<string, CsvValue>[];
};
/** One line per reason, for stderr and reports. */
export declare function formatAccounting(acc: RowAccounting): string;
//# sourceMappingURL=export.d.ts.map