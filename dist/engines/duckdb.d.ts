import { type DateFormat } from '../ingest/dates.ts';
import type { SummaryOptions, SummaryResult } from '../summary/summarize.ts';
import { UndecidedDayMonth, type CsvReadOptions } from './csv-source.ts';
import { type SqlSource } from './sql.ts';
import { type Histogram } from '../summary/histogram.ts';
/** A file for DuckDB: a delimited text file or a Parquet file (or glob). */
export type DuckDbSource = {
    file: string;
} | {
    parquet: string;
};
export interface DuckDbOptions extends SummaryOptions, CsvReadOptions {
    /** Count bad rows by reason instead of failing (as readTransactions). */
    skipBadRows?: boolean;
    /** DuckDB memory_limit (default '1GB'); DuckDB spills to a temp folder beyond it. */
    memoryLimit?: string;
    /** DuckDB worker threads (default: DuckDB's own, the number of cores). */
    threads?: number;
    /** Sort customers by id (default false: the engine's order). */
    orderByCustomer?: boolean;
}
type DuckDbModule = typeof import('@duckdb/node-api');
/** Load @duckdb/node-api lazily (the CLI's node engine never pays for it). */
export declare function loadDuckDb(): Promise<DuckDbModule>;
/** An in-memory DuckDB connection with the memory and thread settings; close it with `closeSync()`. */
export declare function openDuckDb(options?: {
    memoryLimit?: string;
    threads?: number;
}): Promise<{
    instance: import("@duckdb/node-api").DuckDBInstance;
    connection: import("@duckdb/node-api").DuckDBConnection;
}>;
/**
 * Run `work` over the CSV as a typed DuckDB source when the sample allows it (fast), and again
 * over the all-text source when DuckDB cannot convert a value (exact row accounting). Day/month
 * dates that the first 64 KiB cannot order are ordered over the whole file first (dayMonthOverFile).
 */
export declare function withCsvSource<T>(connection: DuckDbConnection, file: string, options: DuckDbOptions, work: (src: SqlSource) => Promise<T>): Promise<T>;
type DuckDbConnection = Awaited<ReturnType<typeof openDuckDb>>['connection'];
/**
 * Day/month order over every date of the file, by the node ingest's rule: the first valid date
 * (in file order) with exactly one part over 12 decides; if none does, dates whose parts differ
 * make the ambiguity error that names --date-format, and a file where every date has equal parts
 * is read day-first (either order gives the same days).
 */
export declare function dayMonthOverFile(connection: DuckDbConnection, file: string, undecided: UndecidedDayMonth): Promise<DateFormat>;
/** Parquet columns by name, typed as they are; dates may be DATE, TIMESTAMP or ISO text. */
export declare function parquetSource(connection: Awaited<ReturnType<typeof openDuckDb>>['connection'], path: string, options: CsvReadOptions): Promise<SqlSource>;
/**
 * Summarise a transaction file with DuckDB. Same options and same result as
 * `summarize(await readTransactions(file, options), options)`, customers in DuckDB's order
 * unless `orderByCustomer`.
 *
 * @example
 * const s = await summarizeWithDuckDb({ file: 'orders.csv' }, { end: '2024-12-31', freq: 'week' });
 * const p = await summarizeWithDuckDb({ parquet: 'orders/*.parquet' }, { customerCol: 'client' });
 */
export declare function summarizeWithDuckDb(source: DuckDbSource, options?: DuckDbOptions): Promise<SummaryResult>;
/** Run the engine statement over a SqlSource on an open connection and collect the summary. */
export declare function runSummary(connection: Awaited<ReturnType<typeof openDuckDb>>['connection'], src: SqlSource, options: DuckDbOptions, label: string): Promise<SummaryResult>;
/**
 * The (frequency, recency, T, count) histogram computed in DuckDB: only the distinct rows come
 * back, so fitting a model on a very large log needs a few thousand rows of memory in Node.
 * The same keys as histogramFromSummary of the node engine's summary (exact doubles).
 *
 * @example
 * const h = await histogramWithDuckDb({ file: 'orders.csv' }, { end: '2024-12-31' });
 * const model = fitBgNbd(histogramToSummaryData(h));
 */
export declare function histogramWithDuckDb(source: DuckDbSource, options?: DuckDbOptions): Promise<Histogram>;
export {};
//# sourceMappingURL=duckdb.d.ts.map