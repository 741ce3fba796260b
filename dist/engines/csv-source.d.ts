import { ClvkitError } from '../errors.ts';
import { type Delimiter } from '../ingest/dialect.ts';
import { type DateFormat } from '../ingest/dates.ts';
import { type SqlSource } from './sql.ts';
/** The reading options shared with readTransactions (the CLI's transaction-file flags). */
export interface CsvReadOptions {
    delimiter?: Delimiter | string;
    header?: boolean;
    columns?: string[] | string;
    customerCol?: string | number;
    dateCol?: string | number;
    amountCol?: string | number;
    dateFormat?: DateFormat;
    decimal?: ',' | '.';
}
/** What was decided about the file (also returned to the caller for messages). */
export interface CsvLayout {
    delimiter: Delimiter;
    header: boolean;
    names: string[];
    customer: number;
    date: number;
    amount: number;
    decimal: ',' | '.';
    dateFormat: DateFormat;
    /** Every sampled date and amount is plain (fixed-width date, digits and one decimal separator): DuckDB may type the columns itself. */
    plain: boolean;
}
/**
 * The first 64 KiB has day/month dates and none of them tells which comes first. Holds what was
 * decided about the file, so that a caller with a database at hand can look at every date
 * (DuckDB: dayMonthOverFile); otherwise the message asks for --date-format.
 */
export declare class UndecidedDayMonth extends ClvkitError {
    /** A date whose two parts differ ('' when every sampled one had equal parts). */
    readonly example: string;
    /** The layout, its date format aside. */
    readonly layout: Omit<CsvLayout, 'dateFormat' | 'plain'>;
    constructor(file: string, 
    /** A date whose two parts differ ('' when every sampled one had equal parts). */
    example: string, 
    /** The layout, its date format aside. */
    layout: Omit<CsvLayout, 'dateFormat' | 'plain'>);
}
/** Decide the layout of a transaction file from its first 64 KiB. */
export declare function csvLayout(file: string, options?: CsvReadOptions): CsvLayout;
/** DuckDB date conversion of a text expression in a format (NULL when not a valid date). */
export declare function duckDbDateSql(x: string, format: DateFormat): string;
/**
 * DuckDB amount conversion of a text expression, following the ingest's parseNumber for the usual
 * cases: spaces, no-break spaces and apostrophes dropped, a currency symbol or code at either end,
 * accounting parentheses and a leading or trailing minus for negatives, thousands separators only
 * in groups of three digits, the decimal separator `decimal`. NULL when not a number.
 */
export declare function duckDbAmountSql(x: string, decimal: ',' | '.'): string;
/**
 * The file as a SqlSource for DuckDB, with the layout decided here (no DuckDB sniffing).
 * `typed`: when the sample is plain, DuckDB reads the date and amount columns as DATE and DOUBLE
 * itself (about five times faster than converting text in SQL); a value it cannot convert then
 * fails the statement, and the caller reruns it with `typed` false, where every field is read as
 * text and converted in SQL with the ingest's rules, bad values counted per reason.
 */
export declare function duckDbCsvSource(file: string, options?: CsvReadOptions, typed?: boolean): {
    source: SqlSource;
    layout: CsvLayout;
    typed: boolean;
};
/**
 * The file as a DuckDB relation of text fields read with the layout's settings (no sniffing), and
 * the SQL of field i (trimmed, NULL when empty).
 */
export declare function textRelation(file: string, layout: Pick<CsvLayout, 'delimiter' | 'header' | 'names'>): {
    relation: string;
    field: (i: number) => string;
};
//# sourceMappingURL=csv-source.d.ts.map