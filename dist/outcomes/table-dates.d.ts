import { type DateFormat } from '../ingest/dates.ts';
import type { Table } from '../ingest/table.ts';
/**
 * The date format of some columns of a small table: the forced one, or the day/month order decided
 * over the whole file (a first number over 12 means day first, a second over 12 month first);
 * ISO and yyyymmdd need no decision. A file whose a/b/yyyy dates all have both parts <= 12 (and
 * differ) is ambiguous: a ClvkitError asking for --date-format.
 *
 * @example
 * const fmt = tableDateFormat(readTable('contracts.csv'), [1, 2]); // undefined, 'dd/mm/yyyy' or 'mm/dd/yyyy'
 */
export declare function tableDateFormat(table: Table, columns: number[], forced?: DateFormat): DateFormat | undefined;
/**
 * Parse a date cell in a decided format: the Day, or NaN when it is not a date.
 *
 * @example
 * dateCell('2024-02-30') // NaN
 */
export declare function dateCell(text: string, format: DateFormat | undefined): number;
//# sourceMappingURL=table-dates.d.ts.map