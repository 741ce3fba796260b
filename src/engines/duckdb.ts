/**
 * The customer summary computed by DuckDB (embedded, through @duckdb/node-api) from a CSV or
 * Parquet file: one SQL statement (sql.ts), streamed back chunk by chunk into typed arrays, so
 * memory on the Node side is the summary (about 60 bytes a customer), not the transactions.
 */
import { checkInputFile } from '../io/atomic.ts';
import { importOptional } from '../optional.ts';
import { existsSync } from 'node:fs';
import { scanCsv } from './csv-scan.ts';
import { readTransactions, type IngestOptions } from '../ingest/transactions.ts';
import { summarize } from '../summary/summarize.ts';
import type { TransactionTable } from '../types.ts';
import { ClvkitError } from '../errors.ts';
import { ambiguousDatesError, parseDateOption, type DateFormat } from '../ingest/dates.ts';
import { unitDays, type SummaryOptions, type SummaryResult } from '../summary/summarize.ts';
import type { PeriodUnit } from '../types.ts';
import { duckDbCsvSource, textRelation, UndecidedDayMonth, type CsvReadOptions } from './csv-source.ts';
import { BadRowsError, SummaryCollector, type EngineCustomer } from './result.ts';
import { DUCKDB_HOLDOUT_COLUMNS, DUCKDB_SUMMARY_COLUMNS, duckDbSummarySql } from './duckdb-sql.ts';
import { quoteIdent, quoteLiteral, type SqlSource } from './sql.ts';
import { resolveColumns } from '../ingest/dialect.ts';
import { histogramFromSummary, type Histogram } from '../summary/histogram.ts';
import { summaryHistogramSql } from './scoring.ts';

/** A file for DuckDB: a delimited text file or a Parquet file (or glob). */
export type DuckDbSource = { file: string } | { parquet: string };

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

/** @internal */
type DuckDbModule = typeof import('@duckdb/node-api');
let duckdbModule: Promise<DuckDbModule> | undefined;

/** Load @duckdb/node-api lazily (the CLI's node engine never pays for it). @internal */
export async function loadDuckDb(): Promise<DuckDbModule> {
  duckdbModule ??= importOptional<DuckDbModule>('@duckdb/node-api', 'the duckdb engine').catch((e: Error) => {
    duckdbModule = undefined;
    throw e;
  });
  return duckdbModule;
}

/** An in-memory DuckDB connection with the memory and thread settings; close it with `closeSync()`. @internal */
export async function openDuckDb(options: { memoryLimit?: string; threads?: number } = {}) {
  const { DuckDBInstance } = await loadDuckDb();
  const config: Record<string, string> = { memory_limit: options.memoryLimit ?? '1GB' };
  if (options.threads !== undefined) config.threads = String(options.threads);
  const instance = await DuckDBInstance.create(':memory:', config);
  const connection = await instance.connect();
  return { instance, connection };
}

/**
 * Run `work` over the CSV as a typed DuckDB source when the sample allows it (fast), and again
 * over the all-text source when DuckDB cannot convert a value (exact row accounting). Day/month
 * dates that the first 64 KiB cannot order are ordered over the whole file first (dayMonthOverFile).
 * @internal
 */
export async function withCsvSource<T>(connection: DuckDbConnection, file: string, options: DuckDbOptions, work: (src: SqlSource) => Promise<T>): Promise<T> {
  let opts = options;
  let fast: ReturnType<typeof duckDbCsvSource>;
  try {
    fast = duckDbCsvSource(file, opts, true);
  } catch (e) {
    if (!(e instanceof UndecidedDayMonth)) throw e;
    opts = { ...options, dateFormat: await dayMonthOverFile(connection, file, e) };
    fast = duckDbCsvSource(file, opts, true);
  }
  if (fast.typed) {
    try {
      return await work(fast.source);
    } catch (e) {
      if (!(e instanceof ClvkitError) || !e.message.includes('duckdb:')) throw e;
    }
  }
  return work(duckDbCsvSource(file, opts, false).source);
}

/** @internal */
type DuckDbConnection = Awaited<ReturnType<typeof openDuckDb>>['connection'];

/**
 * Day/month order over every date of the file, by the node ingest's rule: the first valid date
 * (in file order) with exactly one part over 12 decides; if none does, dates whose parts differ
 * make the ambiguity error that names --date-format, and a file where every date has equal parts
 * is read day-first (either order gives the same days).
 * @internal
 */
export async function dayMonthOverFile(connection: DuckDbConnection, file: string, undecided: UndecidedDayMonth): Promise<DateFormat> {
  const { relation, field } = textRelation(file, undecided.layout);
  const pattern = "'^(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})$'";
  const dates =
    `(SELECT d, TRY_CAST(regexp_extract(d, ${pattern}, 1) AS INTEGER) AS a, TRY_CAST(regexp_extract(d, ${pattern}, 2) AS INTEGER) AS b, ` +
    `replace(d, '-', '/') AS s FROM (SELECT ${field(undecided.layout.date)} AS d FROM ${relation}) WHERE regexp_matches(d, ${pattern})) AS v`;
  const first = async (sql: string): Promise<string | undefined> => {
    try {
      // File order: the first deciding value wins, as in the node ingest.
      await connection.run('SET preserve_insertion_order = true');
      const rows = (await connection.runAndReadAll(sql)).getRowsJS() as unknown[][];
      return rows.length > 0 ? String(rows[0][0]) : undefined;
    } catch (e) {
      throw new ClvkitError(`duckdb: ${(e as Error).message.split('\n')[0]}`, { file });
    }
  };
  const decided = await first(
    `SELECT CASE WHEN a > 12 THEN 'dd/mm/yyyy' ELSE 'mm/dd/yyyy' END FROM ${dates} ` +
      `WHERE (a > 12 AND b <= 12 AND TRY_STRPTIME(s, '%d/%m/%Y') IS NOT NULL) OR (b > 12 AND a <= 12 AND TRY_STRPTIME(s, '%m/%d/%Y') IS NOT NULL) LIMIT 1`,
  );
  if (decided === 'dd/mm/yyyy' || decided === 'mm/dd/yyyy') return decided;
  const example = undecided.example || (await first(`SELECT d FROM ${dates} WHERE a <> b LIMIT 1`));
  if (example) throw ambiguousDatesError(file, example);
  return 'dd/mm/yyyy';
}

/** Parquet columns by name, typed as they are; dates may be DATE, TIMESTAMP or ISO text. @internal */
export async function parquetSource(connection: Awaited<ReturnType<typeof openDuckDb>>['connection'], path: string, options: CsvReadOptions): Promise<SqlSource> {
  const rel = `read_parquet(${quoteLiteral(path)})`;
  let names: string[];
  try {
    const r = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${rel}`);
    names = r.getRowObjectsJS().map((row) => String(row.column_name));
  } catch (e) {
    throw new ClvkitError(`cannot read the Parquet file: ${(e as Error).message.split('\n')[0]}`, { file: path });
  }
  const map = resolveColumns(names, names.length, options, path);
  const col = (i: number) => quoteIdent(names[i]);
  return {
    relation: rel,
    customer: `CAST(${col(map.customer)} AS VARCHAR)`,
    date: `TRY_CAST(${col(map.date)} AS DATE)`,
    dateFlag: `CASE WHEN ${col(map.date)} IS NULL THEN 1 WHEN TRY_CAST(${col(map.date)} AS DATE) IS NULL THEN 2 ELSE 0 END`,
    ...(map.amount >= 0
      ? {
          amount: `TRY_CAST(${col(map.amount)} AS DOUBLE)`,
          amountFlag: `CASE WHEN ${col(map.amount)} IS NULL THEN 1 WHEN TRY_CAST(${col(map.amount)} AS DOUBLE) IS NULL THEN 2 ELSE 0 END`,
        }
      : {}),
  };
}

/**
 * Summarise a transaction file with DuckDB. Same options and same result as
 * `summarize(await readTransactions(file, options), options)`, customers in DuckDB's order
 * unless `orderByCustomer`.
 *
 * @example
 * const s = await summarizeWithDuckDb({ file: 'orders.csv' }, { end: '2024-12-31', freq: 'week' });
 * const p = await summarizeWithDuckDb({ parquet: 'orders/*.parquet' }, { customerCol: 'client' });
 */
export async function summarizeWithDuckDb(source: DuckDbSource, options: DuckDbOptions = {}): Promise<SummaryResult> {
  const path = 'file' in source ? source.file : source.parquet;
  if (!/[*?[]/.test(path)) checkInputFile(path);
  const preRead = 'file' in source ? await nodeReadIfNeeded(source.file, options) : undefined;
  if (preRead) return byCustomerId(summarize(preRead, options), options.orderByCustomer ?? false);
  const { instance, connection } = await openDuckDb(options);
  try {
    if ('file' in source) return await firstBadRow(source.file, options, () => withCsvSource(connection, source.file, options, (src) => runSummary(connection, src, options, path)));
    return await runSummary(connection, await parquetSource(connection, source.parquet, options), options, path);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * A CSV that DuckDB would read differently from the node ingest (another encoding, NUL bytes, lone
 * CR line ends, blank lines, quoted fields: see csv-scan.ts) is read by the node ingest instead,
 * so that both engines give the same summary and accounting; the accounting says so. Undefined
 * when DuckDB reads the file itself.
 *
 * @example
 * const table = await nodeReadIfNeeded('export.csv', {}); // a TransactionTable when the file has quoted fields
 */
export async function nodeReadIfNeeded(file: string, options: DuckDbOptions): Promise<TransactionTable | undefined> {
  // A glob names many files for DuckDB: none of them is pre-read (the node reader reads one file).
  if (/[*?[]/.test(file)) return undefined;
  const reasons = options.encoding !== undefined && options.encoding !== 'utf8' ? [`--encoding ${options.encoding}`] : (await scanCsv(file)).reasons;
  if (reasons.length === 0) return undefined;
  const table = await readTransactions(file, options as IngestOptions);
  (table.accounting.notes ??= []).push(`read by the node reader, as DuckDB would read this file differently (${reasons.join(', ')})`);
  return table;
}

/**
 * Without --skip-bad-rows the node engine stops at the first bad row with its file:line:column;
 * DuckDB only counts them. On such a count the node reader finds that first row (it stops there).
 */
export async function firstBadRow<T>(file: string, options: DuckDbOptions, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof BadRowsError) || options.skipBadRows) throw e;
    await readTransactions(file, { ...(options as IngestOptions), skipBadRows: false });
    throw e;
  }
}

/** The summary's customers sorted by id (DuckDB's ORDER BY customer_id), or as they are. */
function byCustomerId(s: SummaryResult, sort: boolean): SummaryResult {
  if (!sort) return s;
  const ids = s.customerIds;
  const n = ids.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  const out = { ...s } as Record<string, unknown>;
  for (const [k, v] of Object.entries(s)) {
    if (k === 'customerIds') out[k] = order.map((i) => ids[i]);
    else if ((ArrayBuffer.isView(v) || Array.isArray(v)) && (v as ArrayLike<unknown>).length === n) {
      const src = v as unknown as ArrayLike<unknown> & { constructor: new (n: number) => unknown[] };
      const dst = Array.isArray(v) ? new Array(n) : new src.constructor(n);
      for (let j = 0; j < n; j++) dst[j] = src[order[j]];
      out[k] = dst;
    }
  }
  return out as unknown as SummaryResult;
}

/** Run the engine statement (duckdb-sql.ts) over a SqlSource on an open connection and collect the summary. @internal */
export async function runSummary(connection: DuckDbConnection, src: SqlSource, options: DuckDbOptions, label: string): Promise<SummaryResult> {
  const unit: PeriodUnit = options.unit ?? 'day';
  const freq: PeriodUnit = options.freq ?? 'week';
  const end = options.end === undefined ? undefined : parseDateOption(options.end, '--end');
  const cal = options.calibrationEnd === undefined ? undefined : parseDateOption(options.calibrationEnd, '--calibration-end');
  const sql = duckDbSummarySql({ source: src, unit, freq, end, calibrationEnd: cal, orderByCustomer: options.orderByCustomer ?? false });
  // T is computed in finish() from the first purchase period (deferEnd), with or without --end.
  const collector = new SummaryCollector(cal !== undefined, true);
  let result;
  try {
    // Customers come back in any order (or sorted by ORDER BY): DuckDB need not keep the scan order, which lets it stream in parallel.
    await connection.run('SET preserve_insertion_order = false');
    result = await connection.stream(sql);
  } catch (e) {
    throw new ClvkitError(`duckdb: ${(e as Error).message.split('\n')[0]}`, { file: label });
  }
  const same = unit === freq;
  const u = same ? 1 : unitDays(unit);
  const f = same ? 1 : unitDays(freq);
  const c: EngineCustomer = { purchases: 0, firstP: 0, lastP: 0, firstDay: 0, lastDay: 0, repeatSum: 0, txRows: 0, spend: 0, afterRows: 0, minDay: 0, maxDay: 0, hoRows: 0, hoPurchases: 0, hoSum: 0, litt: 0 };
  const split = cal !== undefined;
  const holdoutAt = DUCKDB_SUMMARY_COLUMNS.length;
  const littAt = holdoutAt + (split ? DUCKDB_HOLDOUT_COLUMNS.length : 0);
  for (;;) {
    let chunk: Awaited<ReturnType<typeof result.fetchChunk>>;
    try {
      chunk = await result.fetchChunk();
    } catch (e) {
      throw new ClvkitError(`duckdb: ${(e as Error).message.split('\n')[0]}`, { file: label });
    }
    if (!chunk || chunk.rowCount === 0) break;
    const v = Array.from({ length: chunk.columnCount }, (_, k) => chunk.getColumnVector(k));
    const rows = chunk.rowCount;
    for (let i = 0; i < rows; i++) {
      const bad = v[1].getItem(i) as number;
      if (bad !== 0) {
        collector.rejectRows(bad, v[2].getItem(i) as number);
        continue;
      }
      c.purchases = v[3].getItem(i) as number;
      c.firstP = v[4].getItem(i) as number;
      c.lastP = v[5].getItem(i) as number;
      c.firstDay = v[6].getItem(i) as number;
      c.lastDay = v[7].getItem(i) as number;
      c.repeatSum = v[8].getItem(i) as number;
      c.txRows = v[9].getItem(i) as number;
      c.spend = v[10].getItem(i) as number;
      c.afterRows = v[11].getItem(i) as number;
      c.minDay = v[12].getItem(i) as number;
      c.maxDay = v[13].getItem(i) as number;
      if (split) {
        c.hoRows = v[holdoutAt].getItem(i) as number;
        c.hoPurchases = v[holdoutAt + 1].getItem(i) as number;
        c.hoSum = v[holdoutAt + 2].getItem(i) as number;
      }
      c.litt = v[littAt].getItem(i) as number;
      collector.addCustomer(v[0].getItem(i) as string, c, u, f);
    }
  }
  return collector.finish({ unit, freq, end, calibrationEnd: cal, skipBadRows: options.skipBadRows, hasAmount: src.amount !== undefined, source: label });
}

/**
 * The (frequency, recency, T, count) histogram computed in DuckDB: only the distinct rows come
 * back, so fitting a model on a very large log needs a few thousand rows of memory in Node.
 * The same keys as histogramFromSummary of the node engine's summary (exact doubles).
 *
 * @example
 * const h = await histogramWithDuckDb({ file: 'orders.csv' }, { end: '2024-12-31' });
 * const model = fitBgNbd(histogramToSummaryData(h));
 */
export async function histogramWithDuckDb(source: DuckDbSource, options: DuckDbOptions = {}): Promise<Histogram> {
  const path = 'file' in source ? source.file : source.parquet;
  if (!/[*?[]/.test(path)) checkInputFile(path);
  const preRead = 'file' in source ? await nodeReadIfNeeded(source.file, options) : undefined;
  if (preRead) return histogramFromSummary(summarize(preRead, options));
  const { instance, connection } = await openDuckDb(options);
  try {
    const run = async (src: SqlSource) => {
      const unit: PeriodUnit = options.unit ?? 'day';
      const freq: PeriodUnit = options.freq ?? 'week';
      const end = options.end === undefined ? undefined : parseDateOption(options.end, '--end');
      const cal = options.calibrationEnd === undefined ? undefined : parseDateOption(options.calibrationEnd, '--calibration-end');
      const sql = summaryHistogramSql({ dialect: 'duckdb', source: src, unit, freq, end, calibrationEnd: cal });
      let rows: unknown[][];
      try {
        rows = (await connection.runAndReadAll(sql)).getRowsJS() as unknown[][];
      } catch (e) {
        throw new ClvkitError(`duckdb: ${(e as Error).message.split('\n')[0]}`, { file: path });
      }
      const n = rows.length;
      const f = new Float64Array(n);
      const r = new Float64Array(n);
      const t = new Float64Array(n);
      const w = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        f[i] = Number(rows[i][0]);
        r[i] = Number(rows[i][1]);
        t[i] = Number(rows[i][2]);
        w[i] = Number(rows[i][3]);
      }
      const lastDay = cal ?? end;
      return histogramFromSummary({ frequency: f, recency: r, T: t, weights: w }, { freq, unit, ...(lastDay !== undefined ? { end: lastDay } : {}) });
    };
    if ('file' in source) return await firstBadRow(source.file, options, () => withCsvSource(connection, source.file, options, run));
    return await run(await parquetSource(connection, source.parquet, options));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
