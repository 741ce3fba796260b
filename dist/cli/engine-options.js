import { extname } from 'node:path';
import { statSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { readTransactions } from '../ingest/transactions.js';
import { summarize } from '../summary/summarize.js';
import { histogramFromSummary } from '../summary/histogram.js';
import { ingestOptionsFrom, summaryOptionsFrom } from './options.js';
import { createProgress } from './progress.js';
export const ENGINES = ['node', 'duckdb', 'postgres'];
/** Add the engine options to a command (after addTransactionOptions). */
export function addEngineOptions(cmd, withPrintSql = false) {
    cmd
        .option('--engine <name>', 'where the summary is computed: node (in process), duckdb (embedded; CSV or .parquet files) or postgres (--db)', 'node')
        .option('--db <url>', 'postgres engine: connection string postgres://user:password@host:5432/database (default: $DATABASE_URL)')
        .option('--table <name>', 'postgres engine: table (schema.table allowed) with the customer, date and amount columns')
        .option('--query <sql>', 'postgres engine: a SELECT returning the customer, date and amount columns (instead of --table)')
        .option('--memory-limit <size>', "duckdb engine: DuckDB's memory limit before it spills to disk", '1GB');
    if (withPrintSql) {
        cmd
            .option('--print-sql', 'print the summary as one SQL statement for your own warehouse, and exit')
            .option('--dialect <name>', 'SQL dialect of --print-sql: duckdb or postgres (default: the engine’s, duckdb for node)');
    }
    return cmd;
}
/** The engine asked for, with its options checked. */
export function engineOf(o) {
    const e = (o.engine ?? 'node');
    if (!ENGINES.includes(e))
        throw new UsageError(`--engine must be node, duckdb or postgres, got "${o.engine}"`);
    if (e !== 'postgres' && (o.db !== undefined || o.table !== undefined || o.query !== undefined)) {
        throw new UsageError('--db, --table and --query go with --engine postgres');
    }
    if (e === 'postgres' && o.table !== undefined && o.query !== undefined)
        throw new UsageError('give --table or --query, not both');
    return e;
}
function postgresArgs(file, o) {
    if (file !== undefined)
        throw new UsageError(`--engine postgres reads --table or --query, not a file ("${file}")`);
    const connectionString = o.db ?? process.env.DATABASE_URL;
    if (!connectionString)
        throw new UsageError('--engine postgres needs --db postgres://… (or DATABASE_URL)');
    if (o.table === undefined && o.query === undefined)
        throw new UsageError('--engine postgres needs --table name or --query "select …"');
    const cols = { customerCol: o.customerCol, dateCol: o.dateCol, amountCol: o.amountCol };
    for (const k of Object.keys(cols))
        if (cols[k] === undefined)
            delete cols[k];
    const source = o.table !== undefined ? { connectionString, table: o.table } : { connectionString, query: o.query };
    return { source, cols };
}
function needFile(file, engine) {
    if (file === undefined)
        throw new UsageError(`--engine ${engine} needs a transaction file`);
    return file;
}
const isParquet = (file) => ['.parquet', '.pq'].includes(extname(file).toLowerCase());
/**
 * The per-customer summary from the chosen engine, with the summary options of the command line
 * (--unit, --freq, --end, --calibration-end) and the reading options (--columns, --date-format, ...).
 *
 * @example
 * const summary = await summaryFromEngine(file, o); // o from commander, with addEngineOptions
 */
export async function summaryFromEngine(file, o) {
    const engine = engineOf(o);
    const summaryOptions = summaryOptionsFrom(o);
    if (engine === 'node') {
        const path = needFile(file, engine);
        const table = await readWithProgress(path, o);
        return summarize(table, summaryOptions);
    }
    if (engine === 'duckdb') {
        const path = needFile(file, engine);
        const { summarizeWithDuckDb } = await import('../engines/duckdb.js');
        // Customers sorted by id: the same output from one run to the next (DuckDB's own order varies with its threads).
        const options = { ...ingestOptionsFrom(o), ...summaryOptions, memoryLimit: o.memoryLimit ?? '1GB', orderByCustomer: true };
        return summarizeWithDuckDb(isParquet(path) ? { parquet: path } : { file: path }, options);
    }
    const { source, cols } = postgresArgs(file, o);
    const { summarizeWithPostgres } = await import('../engines/postgres.js');
    return summarizeWithPostgres(source, { ...cols, ...summaryOptions, skipBadRows: o.skipBadRows, orderByCustomer: true });
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
export async function histogramFromEngine(file, o) {
    const engine = engineOf(o);
    const summaryOptions = summaryOptionsFrom(o);
    if (engine === 'node')
        return histogramFromSummary(await summaryFromEngine(file, o));
    if (engine === 'duckdb') {
        const path = needFile(file, engine);
        const { histogramWithDuckDb } = await import('../engines/duckdb.js');
        const options = { ...ingestOptionsFrom(o), ...summaryOptions, memoryLimit: o.memoryLimit ?? '1GB' };
        return histogramWithDuckDb(isParquet(path) ? { parquet: path } : { file: path }, options);
    }
    const { source, cols } = postgresArgs(file, o);
    const { histogramWithPostgres } = await import('../engines/postgres.js');
    return histogramWithPostgres(source, { ...cols, ...summaryOptions });
}
/**
 * The transactions from the chosen engine (for report, retention and segment's migration, which
 * need the rows): the node reader, or DuckDB / PostgreSQL doing the parsing.
 */
export async function transactionsFromEngine(file, o) {
    const engine = engineOf(o);
    if (engine === 'node')
        return readWithProgress(needFile(file, engine), o);
    const { transactionsWithDuckDb, transactionsWithPostgres } = await import('../engines/table.js');
    if (engine === 'duckdb') {
        const path = needFile(file, engine);
        const options = { ...ingestOptionsFrom(o), memoryLimit: o.memoryLimit ?? '1GB' };
        return transactionsWithDuckDb(isParquet(path) ? { parquet: path } : { file: path }, options);
    }
    const { source, cols } = postgresArgs(file, o);
    return transactionsWithPostgres(source, { ...cols, skipBadRows: o.skipBadRows });
}
async function readWithProgress(file, o) {
    let size = 0;
    try {
        size = statSync(file).size;
    }
    catch {
        /* readTransactions reports the missing file */
    }
    const progress = await createProgress('reading', size, o.quiet || size < 20_000_000);
    try {
        return await readTransactions(file, { ...ingestOptionsFrom(o), onProgress: (done) => progress.update(done) });
    }
    finally {
        progress.stop();
    }
}
/**
 * With --print-sql: write the summary statement to stdout and return true (the command then
 * exits). The source is the file (DuckDB read_csv / read_parquet), or --table / --query
 * (PostgreSQL; a table named "transactions" when neither is given).
 */
export async function printSqlIfAsked(file, o, out = process.stdout) {
    if (!o.printSql)
        return false;
    const engine = (o.engine ?? 'node');
    if (!ENGINES.includes(engine))
        throw new UsageError(`--engine must be node, duckdb or postgres, got "${o.engine}"`);
    const dialect = o.dialect ?? (engine === 'postgres' ? 'postgres' : 'duckdb');
    const { summarySql, SQL_DIALECTS, qualifiedName, quoteIdent, quoteLiteral } = await import('../engines/sql.js');
    if (!SQL_DIALECTS.includes(dialect))
        throw new UsageError(`--dialect must be duckdb or postgres, got "${dialect}"`);
    const summaryOptions = summaryOptionsFrom(o);
    const columns = { customer: o.customerCol ?? 'customer_id', date: o.dateCol ?? 'date', amount: o.amountCol ?? 'amount' };
    let source;
    if (dialect === 'duckdb' && file !== undefined && o.table === undefined && o.query === undefined) {
        if (isParquet(file)) {
            source = {
                relation: `read_parquet(${quoteLiteral(file)})`,
                customer: `CAST(${quoteIdent(columns.customer)} AS VARCHAR)`,
                date: `CAST(${quoteIdent(columns.date)} AS DATE)`,
                amount: `CAST(${quoteIdent(columns.amount)} AS DOUBLE)`,
            };
        }
        else {
            const { duckDbCsvSource } = await import('../engines/csv-source.js');
            source = duckDbCsvSource(file, ingestOptionsFrom(o)).source;
        }
    }
    else if (o.query !== undefined) {
        source = {
            relation: `(${o.query.trim().replace(/;\s*$/, '')}) AS clvkit_query`,
            customer: `CAST(${quoteIdent(columns.customer)} AS VARCHAR)`,
            date: `CAST(${quoteIdent(columns.date)} AS DATE)`,
            amount: `CAST(${quoteIdent(columns.amount)} AS ${dialect === 'postgres' ? 'DOUBLE PRECISION' : 'DOUBLE'})`,
        };
    }
    else {
        const table = o.table ?? 'transactions';
        qualifiedName(table); // checks the name
        source = table;
    }
    const sql = summarySql({ dialect: dialect, source, columns, ...summaryOptions });
    out.write(sql + ';\n');
    return true;
}
//# sourceMappingURL=engine-options.js.map