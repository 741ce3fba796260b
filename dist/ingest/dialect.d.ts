/** A delimiter option: one of these characters or `whitespace` (runs of spaces and tabs). */
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';
/** Column aliases (DESIGN.md §1), matched after normalizeHeader (lower case, accents off, `_`). */
export declare const CUSTOMER_ALIASES: string[];
export declare const DATE_ALIASES: string[];
export declare const AMOUNT_ALIASES: string[];
export declare const CHANNEL_ALIASES: string[];
/**
 * The delimiter of a file from the text of its first lines: the candidate found the same
 * number of times (outside quotes) on the most lines; `whitespace` when none splits the lines
 * but runs of blanks do (CDNOW_master.txt).
 *
 * @example
 * detectDelimiter('id;date;montant\n1;01/02/2024;12,50\n') // ';'
 * detectDelimiter(' 00001 19970101  1   11.77\n')         // 'whitespace'
 */
export declare function detectDelimiter(text: string): Delimiter;
/**
 * Whether a first record is a header: it names a known column, or none of its fields is a date.
 *
 * @example
 * looksLikeHeader(['customer_id', 'date', 'amount']) // true
 * looksLikeHeader(['00004', '0001', '19970101', '2', '29.33']) // false
 */
export declare function looksLikeHeader(fields: string[]): boolean;
/**
 * Decimal separator of amount values: `,` when values look like `12,50` (a comma then one or
 * two digits at the end, or a comma after a dotted thousands group), `.` when they look like
 * `12.50`; without evidence, `,` for `;`-delimited files and `.` otherwise.
 *
 * @example
 * detectDecimal(['12,50', '3'], ';') // ','
 * detectDecimal(['1,234.50'], ',')   // '.'
 */
export declare function detectDecimal(values: string[], delimiter: Delimiter): ',' | '.';
/** Indices (0-based, -1 when absent) of the columns the ingest reads. */
export interface ColumnMap {
    customer: number;
    date: number;
    amount: number;
    channel: number;
}
export interface ColumnOptions {
    customerCol?: string | number;
    dateCol?: string | number;
    amountCol?: string | number;
    channelCol?: string | number;
}
/**
 * Map the customer, date, amount and channel columns from names (header or `columns`), by
 * explicit name or 1-based number, else by alias. Customer and date are required.
 *
 * @example
 * resolveColumns(['id_client', 'date_commande', 'montant'], {}, 'f.csv') // { customer: 0, date: 1, amount: 2, channel: -1 }
 */
export declare function resolveColumns(names: string[] | undefined, fieldCount: number, options: ColumnOptions, file: string): ColumnMap;
//# sourceMappingURL=dialect.d.ts.map