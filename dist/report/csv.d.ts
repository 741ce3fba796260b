/** How a CSV export is written: the international default or a French spreadsheet dialect. */
export interface CsvFormat {
    delimiter: ',' | ';';
    decimal: '.' | ',';
}
export declare const CSV_EN: CsvFormat;
export declare const CSV_FR: CsvFormat;
export type CsvValue = string | number | boolean | null | undefined;
/**
 * One CSV cell. Numbers are written at full precision in their shortest round-trip form and stay
 * numbers; text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a
 * leading `'` (OWASP CSV injection guidance); text with the delimiter, quotes or newlines is quoted.
 *
 * @example
 * csvCell('=HYPERLINK("x")') // "'=HYPERLINK(""x"")" quoted
 * csvCell(0.1 + 0.2)         // '0.30000000000000004'
 * csvCell(12.5, CSV_FR)      // '12,5'
 */
export declare function csvCell(value: CsvValue, format?: CsvFormat): string;
/**
 * A whole CSV document (header plus rows, LF line ends).
 *
 * @example
 * toCsv(['customer_id', 'clv'], [['C1', 12.5]]) // 'customer_id,clv\nC1,12.5\n'
 */
export declare function toCsv(header: string[], rows: Iterable<CsvValue[]>, format?: CsvFormat): string;
/** Write a CSV file (see toCsv). */
export declare function writeCsv(path: string, header: string[], rows: Iterable<CsvValue[]>, format?: CsvFormat): void;
/** Column-wise records to rows, in the header's order. */
export declare function recordsToRows(header: string[], records: Record<string, CsvValue>[]): CsvValue[][];
//# sourceMappingURL=csv.d.ts.map