/**
 * `--engine node|duckdb|postgres` and its options, shared by summary, fit, predict, segment and
 * report. The commands call `summaryFromEngine` (or `transactionsFromEngine` when they need the
 * transactions themselves) instead of reading the file, and `printSqlIfAsked` first.
 */
import type { Command } from 'commander';
import { extname } from 'node:path';
import { statSync } from 'node:fs';
import { UsageError } from '../errors.ts';
import { readTransactions } from '../ingest/transactions.ts';
import { summarize, type SummaryResult } from '../summary/summarize.ts';
import type { TransactionTable } from '../types.ts';
import { histogramFromSummary, type Histogram } from '../summary/histogram.ts';
import { ingestOptionsFrom, summaryOptionsFrom, type TransactionCliOptions } from './options.ts';
import { createProgress } from './progress.ts';

export type EngineName = 'node' | 'duckdb' | 'postgres' | 'clickhouse';
export const ENGINES: readonly EngineName[] = ['node', 'duckdb', 'postgres', 'clickhouse'];
/** Engines that read a database (--db, --table or --query) instead of a file. */
const DB_ENGINES: readonly EngineName[] = ['postgres', 'clickhouse'];

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
export function addEngineOptions(cmd: Command, withPrintSql = false): Command {
  cmd
    .option('--engine <name>', 'where the summary is computed: node (in process), duckdb (embedded; CSV or .parquet files), postgres or clickhouse (--db)', 'node')
    .option('--db <url>', 'postgres engine: postgres://user:password@host:5432/database (default: $DATABASE_URL); clickhouse engine: http://user:password@host:8123/database (default: $CLICKHOUSE_URL)')
    .option('--table <name>', 'postgres / clickhouse engine: table (schema.table allowed; a Distributed table on a cluster) with the customer, date and amount columns')
    .option('--query <sql>', 'postgres / clickhouse engine: a SELECT returning the customer, date and amount columns (instead of --table)')
    .option('--memory-limit <size>', "duckdb engine: DuckDB's memory limit before it spills to disk", '1GB');
  if (withPrintSql) {
    cmd
      .option('--print-sql', 'print the summary as one SQL statement for your own warehouse, and exit')
      .option('--dialect <name>', 'SQL dialect of --print-sql: duckdb, postgres, clickhouse, bigquery, snowflake or spark (default: the engine’s, duckdb for node)');
  }
  return cmd;
}

/** The engine asked for, with its options checked. */
export function engineOf(o: EngineCliOptions): EngineName {
  const e = (o.engine ?? 'node') as EngineName;
  if (!ENGINES.includes(e)) throw new UsageError(`--engine must be node, duckdb, postgres or clickhouse, got "${o.engine}"`);
  if (!DB_ENGINES.includes(e) && (o.db !== undefined || o.table !== undefined || o.query !== undefined)) {
    throw new UsageError('--db, --table and --query go with --engine postgres or clickhouse');
  }
  if (DB_ENGINES.includes(e) && o.table !== undefined && o.query !== undefined) throw new UsageError('give --table or --query, not both');
  return e;
}

function postgresArgs(file: string | undefined, o: EngineCliOptions) {
  if (file !== undefined) throw new UsageError(`--engine postgres reads --table or --query, not a file ("${file}")`);
  const connectionString = o.db ?? process.env.DATABASE_URL;
  if (!connectionString) throw new UsageError('--engine postgres needs --db postgres://… (or DATABASE_URL)');
  if (o.table === undefined && o.query === undefined) throw new UsageError('--engine postgres needs --table name or --query "select …"');
  const cols = { customerCol: o.customerCol, dateCol: o.dateCol, amountCol: o.amountCol };
  for (const k of Object.keys(cols) as (keyof typeof cols)[]) if (cols[k] === undefined) delete cols[k];
  const source = o.table !== undefined ? { connectionString, table: o.table } : { connectionString, query: o.query! };
  return { source, cols };
}

function clickhouseArgs(file: string | undefined, o: EngineCliOptions) {
  if (file !== undefined) throw new UsageError(`--engine clickhouse reads --table or --query, not a file ("${file}")`);
  const url = o.db ?? process.env.CLICKHOUSE_URL;
  if (!url) throw new UsageError('--engine clickhouse needs --db http://user:password@host:8123/database (or CLICKHOUSE_URL)');
  if (o.table === undefined && o.query === undefined) throw new UsageError('--engine clickhouse needs --table name or --query "select …"');
  const cols = { customerCol: o.customerCol, dateCol: o.dateCol, amountCol: o.amountCol };
  for (const k of Object.keys(cols) as (keyof typeof cols)[]) if (cols[k] === undefined) delete cols[k];
  const source = o.table !== undefined ? { url, table: o.table } : { url, query: o.query! };
  return { source, cols };
}

function needFile(file: string | undefined, engine: EngineName): string {
  if (file === undefined) throw new UsageError(`--engine ${engine} needs a transaction file`);
  return file;
}

const isParquet = (file: string) => ['.parquet', '.pq'].includes(extname(file).toLowerCase());

/**
 * The per-customer summary from the chosen engine, with the summary options of the command line
 * (--unit, --freq, --end, --calibration-end) and the reading options (--columns, --date-format, ...).
 *
 * @example
 * const summary = await summaryFromEngine(file, o); // o from commander, with addEngineOptions
 */
export async function summaryFromEngine(file: string | undefined, o: EngineCliOptions): Promise<SummaryResult> {
  const engine = engineOf(o);
  const summaryOptions = summaryOptionsFrom(o);
  if (engine === 'node') {
    const path = needFile(file, engine);
    const table = await readWithProgress(path, o);
    return summarize(table, summaryOptions as never);
  }
  if (engine === 'duckdb') {
    const path = needFile(file, engine);
    const { summarizeWithDuckDb } = await import('../engines/duckdb.ts');
    // Customers sorted by id: the same output from one run to the next (DuckDB's own order varies with its threads).
    const options = { ...ingestOptionsFrom(o), ...summaryOptions, memoryLimit: o.memoryLimit ?? '1GB', orderByCustomer: true };
    return summarizeWithDuckDb(isParquet(path) ? { parquet: path } : { file: path }, options as never);
  }
  if (engine === 'clickhouse') {
    const { source, cols } = clickhouseArgs(file, o);
    const { summarizeWithClickHouse } = await import('../engines/clickhouse.ts');
    return summarizeWithClickHouse(source, { ...cols, ...summaryOptions, skipBadRows: o.skipBadRows, orderByCustomer: true } as never);
  }
  const { source, cols } = postgresArgs(file, o);
  const { summarizeWithPostgres } = await import('../engines/postgres.ts');
  return summarizeWithPostgres(source, { ...cols, ...summaryOptions, skipBadRows: o.skipBadRows, orderByCustomer: true } as never);
}

/**
 * The (frequency, recency, T, count) histogram from the chosen engine: what a fit needs, computed
 * where the data is, so `fit --engine duckdb|postgres` on a very large base brings back a few
 * thousand rows instead of one per customer (no customer ids: for fits, not for predict).
 *
 * @example
 * const h = await histogramFromEngine(file, o);
 * const model = fitBgNbd(histogramToSummaryData(h));
 */
export async function histogramFromEngine(file: string | undefined, o: EngineCliOptions): Promise<Histogram> {
  const engine = engineOf(o);
  const summaryOptions = summaryOptionsFrom(o);
  if (engine === 'node') return histogramFromSummary(await summaryFromEngine(file, o));
  if (engine === 'duckdb') {
    const path = needFile(file, engine);
    const { histogramWithDuckDb } = await import('../engines/duckdb.ts');
    const options = { ...ingestOptionsFrom(o), ...summaryOptions, memoryLimit: o.memoryLimit ?? '1GB' };
    return histogramWithDuckDb(isParquet(path) ? { parquet: path } : { file: path }, options as never);
  }
  if (engine === 'clickhouse') {
    const { source, cols } = clickhouseArgs(file, o);
    const { histogramWithClickHouse } = await import('../engines/clickhouse.ts');
    return histogramWithClickHouse(source, { ...cols, ...summaryOptions } as never);
  }
  const { source, cols } = postgresArgs(file, o);
  const { histogramWithPostgres } = await import('../engines/postgres.ts');
  return histogramWithPostgres(source, { ...cols, ...summaryOptions } as never);
}

/**
 * The transactions from the chosen engine (for report, retention and segment's migration, which
 * need the rows): the node reader, or DuckDB / PostgreSQL doing the parsing.
 */
export async function transactionsFromEngine(file: string | undefined, o: EngineCliOptions): Promise<TransactionTable> {
  const engine = engineOf(o);
  if (engine === 'node') return readWithProgress(needFile(file, engine), o);
  if (engine === 'clickhouse') {
    const { source, cols } = clickhouseArgs(file, o);
    const { transactionsWithClickHouse } = await import('../engines/table.ts');
    return transactionsWithClickHouse(source, { ...cols, skipBadRows: o.skipBadRows });
  }
  const { transactionsWithDuckDb, transactionsWithPostgres } = await import('../engines/table.ts');
  if (engine === 'duckdb') {
    const path = needFile(file, engine);
    const options = { ...ingestOptionsFrom(o), memoryLimit: o.memoryLimit ?? '1GB' };
    return transactionsWithDuckDb(isParquet(path) ? { parquet: path } : { file: path }, options as never);
  }
  const { source, cols } = postgresArgs(file, o);
  return transactionsWithPostgres(source, { ...cols, skipBadRows: o.skipBadRows });
}

async function readWithProgress(file: string, o: TransactionCliOptions): Promise<TransactionTable> {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    /* readTransactions reports the missing file */
  }
  const progress = await createProgress('reading', size, o.quiet || size < 20_000_000);
  try {
    return await readTransactions(file, { ...ingestOptionsFrom(o), onProgress: (done: number) => progress.update(done) } as never);
  } finally {
    progress.stop();
  }
}

/**
 * With --print-sql: write the summary statement to stdout and return true (the command then
 * exits). The source is the file (DuckDB read_csv / read_parquet), or --table / --query
 * (PostgreSQL; a table named "transactions" when neither is given).
 */
export async function printSqlIfAsked(file: string | undefined, o: EngineCliOptions, out: NodeJS.WritableStream = process.stdout): Promise<boolean> {
  if (!o.printSql) return false;
  const engine = (o.engine ?? 'node') as EngineName;
  if (!ENGINES.includes(engine)) throw new UsageError(`--engine must be node, duckdb, postgres or clickhouse, got "${o.engine}"`);
  const dialect = o.dialect ?? (engine === 'postgres' || engine === 'clickhouse' ? engine : 'duckdb');
  const { summarySql, SQL_DIALECTS, qualifiedName, quoteIdent, quoteLiteral, quoteIdentFor } = await import('../engines/sql.ts');
  if (!(SQL_DIALECTS as readonly string[]).includes(dialect)) throw new UsageError(`--dialect must be one of ${SQL_DIALECTS.join(', ')}, got "${dialect}"`);
  const summaryOptions = summaryOptionsFrom(o) as Record<string, never>;
  const columns = { customer: o.customerCol ?? 'customer_id', date: o.dateCol ?? 'date', amount: o.amountCol ?? 'amount' };
  let source: Parameters<typeof summarySql>[0]['source'];
  if (dialect === 'duckdb' && file !== undefined && o.table === undefined && o.query === undefined) {
    if (isParquet(file)) {
      source = {
        relation: `read_parquet(${quoteLiteral(file)})`,
        customer: `CAST(${quoteIdent(columns.customer)} AS VARCHAR)`,
        date: `CAST(${quoteIdent(columns.date)} AS DATE)`,
        amount: `CAST(${quoteIdent(columns.amount)} AS DOUBLE)`,
      };
    } else {
      const { duckDbCsvSource } = await import('../engines/csv-source.ts');
      source = duckDbCsvSource(file, ingestOptionsFrom(o) as never).source;
    }
  } else if (o.query !== undefined && dialect === 'clickhouse') {
    const { clickhouseColumnSource } = await import('../engines/clickhouse-sql.ts');
    source = clickhouseColumnSource(`(${o.query.trim().replace(/;\s*$/, '')})`, columns);
  } else if (o.query !== undefined) {
    const q = (n: string) => quoteIdentFor(dialect as never, n);
    const types = { postgres: ['VARCHAR', 'DOUBLE PRECISION'], bigquery: ['STRING', 'FLOAT64'], spark: ['STRING', 'DOUBLE'] } as Record<string, [string, string]>;
    const [str, dbl] = types[dialect] ?? ['VARCHAR', 'DOUBLE'];
    source = {
      relation: `(${o.query.trim().replace(/;\s*$/, '')}) AS clvkit_query`,
      customer: `CAST(${q(columns.customer)} AS ${str})`,
      date: `CAST(${q(columns.date)} AS DATE)`,
      amount: `CAST(${q(columns.amount)} AS ${dbl})`,
    };
  } else {
    const table = o.table ?? 'transactions';
    qualifiedName(table); // checks the name
    source = table;
  }
  const sql = summarySql({ dialect: dialect as never, source, columns, ...summaryOptions });
  out.write(sql + ';\n');
  return true;
}
