/**
 * `--engine node|duckdb|postgres` and its options, shared by summary, fit, predict, segment and
 * report. The commands call `summaryFromEngine` (or `transactionsFromEngine` when they need the
 * transactions themselves) instead of reading the file, and `printSqlIfAsked` first.
 */
import type { Command } from 'commander';
import { type SummaryResult } from '../summary/summarize.ts';
import type { TransactionTable } from '../types.ts';
import { type Histogram } from '../summary/histogram.ts';
import { type TransactionCliOptions } from './options.ts';
export type EngineName = 'node' | 'duckdb' | 'postgres';
export declare const ENGINES: readonly EngineName[];
export interface EngineCliOptions extends TransactionCliOptions {
    engine?: string;
    db?: string;
    table?: string;
    query?: string;
    printSql?: boolean;
    dialect?: string;
    memoryLimit?: string;
}
/** Add the engine options to a command (after addTransactionOptions). */
export declare function addEngineOptions(cmd: Command, withPrintSql?: boolean): Command;
/** The engine asked for, with its options checked. */
export declare function engineOf(o: EngineCliOptions): EngineName;
/**
 * The per-customer summary from the chosen engine, with the summary options of the command line
 * (--unit, --freq, --end, --calibration-end) and the reading options (--columns, --date-format, ...).
 *
 * @example
 * const summary = await summaryFromEngine(file, o); // o from commander, with addEngineOptions
 */
export declare function summaryFromEngine(file: string | undefined, o: EngineCliOptions): Promise<SummaryResult>;
/**
 * The (frequency, recency, T, count) histogram from the chosen engine: what a fit needs, computed
 * where the data is, so `fit --engine duckdb|postgres` on a very large base brings back a few
 * thousand rows instead of one per customer (no customer ids: for fits, not for predict).
 *
 * @example
 * const h = await histogramFromEngine(file, o);
 * const model = fitBgNbd(histogramToSummaryData(h));
 */
export declare function histogramFromEngine(file: string | undefined, o: EngineCliOptions): Promise<Histogram>;
/**
 * The transactions from the chosen engine (for report, retention and segment's migration, which
 * need the rows): the node reader, or DuckDB / PostgreSQL doing the parsing.
 */
export declare function transactionsFromEngine(file: string | undefined, o: EngineCliOptions): Promise<TransactionTable>;
/**
 * With --print-sql: write the summary statement to stdout and return true (the command then
 * exits). The source is the file (DuckDB read_csv / read_parquet), or --table / --query
 * (PostgreSQL; a table named "transactions" when neither is given).
 */
export declare function printSqlIfAsked(file: string | undefined, o: EngineCliOptions, out?: NodeJS.WritableStream): Promise<boolean>;
//# sourceMappingURL=engine-options.d.ts.map