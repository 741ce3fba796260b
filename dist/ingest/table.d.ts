/** A small CSV table read whole into memory (summary files, surveys, Kano, NPS, contracts). */
export interface Table {
    file: string;
    header: string[];
    rows: string[][];
    /** 1-based line in the file where each row starts. */
    lines: number[];
    delimiter: string;
    decimal: ',' | '.';
}
export interface TableOptions {
    /** ',' ';' '\t' '|' or 'whitespace'; detected from the first lines when absent. */
    delimiter?: string;
    /** Whether the first row is a header (default true unless `columns` is given). */
    header?: boolean;
    /** Column names for a headerless file. */
    columns?: string[];
}
/**
 * Read a small delimited file: UTF-8 (BOM allowed), CRLF or LF, quoted fields, delimiter detection.
 *
 * @example
 * const t = readTable('scores.csv');
 * const col = columnIndex(t, ['score', 'note'], 'score');
 * const first = numberCell(t, 0, col, 'a score from 0 to 10');
 */
export declare function readTable(path: string, options?: TableOptions): Table;
/** Same as readTable, from text already in memory. */
export declare function parseTable(text: string, file: string, options?: TableOptions): Table;
/** Most frequent candidate delimiter that splits the first lines consistently. */
export declare function detectDelimiter(text: string): string;
/** Normalise a header for alias matching: lower case, accents removed, spaces and dashes to `_`. */
export declare function normalizeHeader(h: string): string;
/**
 * Index of a column: the explicit name (or 1-based number) when given, otherwise the first alias found.
 * Throws a ClvkitError listing the columns found.
 */
export declare function columnIndex(table: Pick<Table, 'file' | 'header'>, aliases: string[], what: string, explicit?: string): number;
/** Optional column: like columnIndex but -1 when absent and not explicitly asked for. */
export declare function optionalColumnIndex(table: Pick<Table, 'file' | 'header'>, aliases: string[], what: string, explicit?: string): number;
/** A numeric cell, or a ClvkitError at file:line:column saying what was expected. */
export declare function numberCell(table: Table, rowIndex: number, col: number, what: string): number;
//# sourceMappingURL=table.d.ts.map