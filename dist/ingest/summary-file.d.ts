import { type Table } from './table.ts';
/**
 * A customer summary read from a file.
 *
 * @example
 * const s = readSummaryFile('cdnow_customers_summary_with_transactions.csv') as SummaryFileData;
 * s.frequency[0]; s.monetaryValue?.[0];
 */
export interface SummaryFileData {
    kind: 'summary';
    file: string;
    naming: 'lifetimes' | 'hardie';
    customerIds: string[];
    frequency: Float64Array;
    recency: Float64Array;
    T: Float64Array;
    /** Mean repeat spend, when the file has `monetary_value` (or `zbar`). */
    monetaryValue?: Float64Array;
    weights?: Float64Array;
}
/**
 * BG/BB weighted rows read from a file.
 *
 * @example
 * const d = readSummaryFile('donations.csv') as BgBbFileData; // d.weights sums to 11,104
 */
export interface BgBbFileData {
    kind: 'bgbb';
    file: string;
    frequency: Float64Array;
    recency: Float64Array;
    periods: Float64Array;
    weights: Float64Array;
}
/**
 * Survivor counts read from a file: the cohort(s) chosen and the other columns found.
 *
 * @example
 * const d = readSummaryFile('sbg_retention.csv', { column: 'regular', cohortSize: 1000 }) as SurvivorFileData;
 * d.cohorts[0].alive; // [1000, 631, 468, ...]
 */
export interface SurvivorFileData {
    kind: 'survivors';
    file: string;
    /** Name of the period column (period, year, ...). */
    periodColumn: string;
    /** Every cohort column of the file. */
    columns: string[];
    /** The chosen cohorts, survivors at the start of periods 0, 1, ... (counts). */
    cohorts: {
        name: string;
        alive: number[];
    }[];
    /** Whether the values were converted from percentages with `cohortSize`. */
    fromPercentages: boolean;
}
/**
 * @example
 * const f: ModelInputFile = readSummaryFile('donations.csv');
 */
export type ModelInputFile = SummaryFileData | BgBbFileData | SurvivorFileData;
/**
 * @example
 * const k: ModelInputKind | undefined = sniffModelInputKind('donations.csv'); // 'bgbb'
 */
export type ModelInputKind = ModelInputFile['kind'];
/**
 * Options of readSummaryFile.
 *
 * @example
 * readSummaryFile('sbg_retention.csv', { column: 'regular', cohortSize: 1000, through: 7 });
 */
export interface SummaryFileOptions {
    delimiter?: string;
    /** Survivor tables: the cohort column(s) to use (comma-separated or an array); needed when there are several. */
    column?: string | string[];
    /** Survivor tables: the values are percentages of cohorts of this size. */
    cohortSize?: number;
    /** Survivor tables: use only periods 0..through (e.g. 7 to fit years 1-7 and hold out the rest). */
    through?: number;
    /** Force the kind instead of detecting it from the header. */
    kind?: ModelInputKind;
}
/**
 * Which kind of model input a header describes, or undefined (then it is a transaction file).
 *
 * @example
 * detectModelInputKind(['frequency', 'recency', 'periods', 'weights']); // 'bgbb'
 * detectModelInputKind(['ID', 'x', 't_x', 'T', 'zbar']);                // 'summary'
 * detectModelInputKind(['year', 'regular', 'high_end']);                // 'survivors'
 */
export declare function detectModelInputKind(header: string[]): ModelInputKind | undefined;
/**
 * The kind of model input a file holds, from its first line only (so a large transaction log is not read);
 * undefined for a transaction file or a file that cannot be read (the transaction reader then reports it).
 *
 * @example
 * sniffModelInputKind('donations.csv'); // 'bgbb'
 * sniffModelInputKind('transactions.csv'); // undefined
 */
export declare function sniffModelInputKind(path: string, delimiter?: string): ModelInputKind | undefined;
/**
 * Read a summary, BG/BB or survivor file, detecting the kind from its header.
 *
 * @example
 * const input = readSummaryFile('donations.csv');
 * if (input.kind === 'bgbb') fitBgBb(input);
 */
export declare function readSummaryFile(path: string, options?: SummaryFileOptions): ModelInputFile;
/**
 * Same as readSummaryFile from a table already read (see src/ingest/table.ts).
 *
 * @example
 * summaryFromTable(parseTable('frequency,recency,T\n1,2,5\n', 'x.csv'));
 */
export declare function summaryFromTable(table: Table, options?: SummaryFileOptions): ModelInputFile;
//# sourceMappingURL=summary-file.d.ts.map