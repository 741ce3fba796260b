/**
 * The customer summary computed by PostgreSQL: the statement of sql.ts runs in the database and
 * only the per-customer rows come back, through a server-side cursor in batches (bounded memory
 * on the Node side whatever the table size).
 */
import { importOptional } from '../optional.ts';
import { ClvkitError, UsageError } from '../errors.ts';
import { parseDateOption } from '../ingest/dates.ts';
import { resolveColumns } from '../ingest/dialect.ts';
import type { SummaryOptions, SummaryResult } from '../summary/summarize.ts';
import type { PeriodUnit } from '../types.ts';
import { SummaryCollector } from './result.ts';
import { qualifiedName, quoteIdent, summarySql, type SqlSource } from './sql.ts';
import { summaryHistogramSql } from './scoring.ts';
import { histogramFromSummary, type Histogram } from '../summary/histogram.ts';
import { mapFloat64 } from '../typed-map.ts';

/** Where the transactions are: a table (schema-qualified allowed) or a SELECT returning them. */
export type PostgresSource = { connectionString: string } & ({ table: string; query?: undefined } | { query: string; table?: undefined });

export interface PostgresOptions extends SummaryOptions {
  customerCol?: string;
  dateCol?: string;
  amountCol?: string;
  skipBadRows?: boolean;
  /** Rows fetched per round trip from the cursor (default 50,000). */
  batchSize?: number;
  orderByCustomer?: boolean;
}

/** @internal */
type PgModule = typeof import('pg');
/** @internal */
type PgClient = InstanceType<PgModule['Client']>;

/** The connection string with its password hidden, for messages. */
export function redactConnectionString(cs: string): string {
  return cs.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@').replace(/(password=)[^&\s]*/i, '$1***');
}

/**
 * Open a pg client, with readable errors for a bad connection string or an unreachable server.
 *
 * @example
 * const client = await connectPostgres('postgres://user@localhost:5432/shop');
 * @internal
 */
export async function connectPostgres(connectionString: string): Promise<PgClient> {
  if (!/^postgres(ql)?:\/\//.test(connectionString) && !/^\s*\w+\s*=/.test(connectionString)) {
    throw new UsageError(`--db: expected a connection string such as postgres://user:password@host:5432/database, got "${redactConnectionString(connectionString)}"`);
  }
  let pg: PgModule;
  pg = (await importOptional<{ default: PgModule }>('pg', 'the postgres engine')).default;
  let client: PgClient;
  try {
    client = new pg.Client({ connectionString, connectionTimeoutMillis: 15_000 });
  } catch (e) {
    throw new UsageError(`--db: cannot parse the connection string "${redactConnectionString(connectionString)}": ${(e as Error).message}`);
  }
  client.on('error', () => {
    /* reported by the pending query */
  });
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    throw new ClvkitError(`cannot connect to PostgreSQL (${redactConnectionString(connectionString)}): ${(e as Error).message}`);
  }
  return client;
}

async function columnNames(client: PgClient, relation: string, what: string): Promise<string[]> {
  try {
    const r = await client.query(`SELECT * FROM ${relation} LIMIT 0`);
    return r.fields.map((f) => f.name);
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code === '42P01') {
      const t = await client
        .query(`SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2 LIMIT 50`)
        .then((r) => r.rows.map((row) => (row.table_schema === 'public' ? row.table_name : `${row.table_schema}.${row.table_name}`)))
        .catch(() => [] as string[]);
      throw new ClvkitError(`PostgreSQL: ${err.message} (${what}); tables found: ${t.length ? t.join(', ') : 'none'}`);
    }
    throw new ClvkitError(`PostgreSQL: ${err.message} (${what})`);
  }
}

/** The source relation and the mapped column expressions. @internal */
export async function postgresSource(client: PgClient, source: PostgresSource, options: PostgresOptions): Promise<SqlSource> {
  let relation: string;
  let what: string;
  if (source.table !== undefined) {
    relation = qualifiedName(source.table);
    what = `table ${source.table}`;
  } else if (source.query !== undefined) {
    const q = source.query.trim().replace(/;\s*$/, '');
    if (q === '') throw new UsageError('--query is empty');
    relation = `(${q}) AS clvkit_query`;
    what = '--query';
  } else throw new UsageError('give --table or --query');
  const names = await columnNames(client, relation, what);
  const map = resolveColumns(names, names.length, options, what);
  const col = (i: number) => quoteIdent(names[i]);
  return {
    relation,
    customer: `CAST(${col(map.customer)} AS VARCHAR)`,
    date: `CAST(${col(map.date)} AS DATE)`,
    amount: map.amount >= 0 ? `CAST(${col(map.amount)} AS DOUBLE PRECISION)` : undefined,
  };
}

/**
 * Summarise transactions held in PostgreSQL. Same result as the node engine on the same rows.
 *
 * @example
 * const s = await summarizeWithPostgres({ connectionString: 'postgres://localhost/shop', table: 'sales.orders' }, { end: '2024-12-31' });
 * const q = await summarizeWithPostgres({ connectionString, query: 'select client, day, total from orders where shop = 3' }, { customerCol: 'client', dateCol: 'day', amountCol: 'total' });
 */
export async function summarizeWithPostgres(source: PostgresSource, options: PostgresOptions = {}): Promise<SummaryResult> {
  const client = await connectPostgres(source.connectionString);
  try {
    const src = await postgresSource(client, source, options);
    const unit: PeriodUnit = options.unit ?? 'day';
    const freq: PeriodUnit = options.freq ?? 'week';
    const end = options.end === undefined ? undefined : parseDateOption(options.end, '--end');
    const cal = options.calibrationEnd === undefined ? undefined : parseDateOption(options.calibrationEnd, '--calibration-end');
    const sql = summarySql({ dialect: 'postgres', source: src, unit, freq, end, calibrationEnd: cal, output: 'engine', deferEnd: true, orderByCustomer: options.orderByCustomer ?? false });
    const collector = new SummaryCollector(cal !== undefined, end === undefined);
    const batch = Math.max(1, Math.floor(options.batchSize ?? 50_000));
    const label = source.table ?? '--query';
    try {
      await client.query('BEGIN READ ONLY');
      await client.query(`DECLARE clvkit_summary NO SCROLL CURSOR FOR ${sql}`);
      for (;;) {
        const r = await client.query({ text: `FETCH FORWARD ${batch} FROM clvkit_summary`, rowMode: 'array' });
        const rows = r.rows as unknown[][];
        for (const row of rows) collector.add(row);
        if (rows.length < batch) break;
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (e instanceof ClvkitError) throw e;
      throw new ClvkitError(`PostgreSQL: ${(e as Error).message} (${label})`);
    }
    return collector.finish({ unit, freq, end, calibrationEnd: cal, skipBadRows: options.skipBadRows, hasAmount: src.amount !== undefined, source: label });
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The (frequency, recency, T, count) histogram computed by PostgreSQL: only the distinct rows come
 * back (src/summary/histogram.ts), the input of any fit, whatever the number of customers.
 *
 * @example
 * const h = await histogramWithPostgres({ connectionString, table: 'sales.orders' }, { end: '2024-12-31' });
 * fitBgNbd(histogramToSummaryData(h));
 */
export async function histogramWithPostgres(source: PostgresSource, options: PostgresOptions = {}): Promise<Histogram> {
  const client = await connectPostgres(source.connectionString);
  try {
    const src = await postgresSource(client, source, options);
    const unit: PeriodUnit = options.unit ?? 'day';
    const freq: PeriodUnit = options.freq ?? 'week';
    const end = options.end === undefined ? undefined : parseDateOption(options.end, '--end');
    const cal = options.calibrationEnd === undefined ? undefined : parseDateOption(options.calibrationEnd, '--calibration-end');
    const sql = summaryHistogramSql({ dialect: 'postgres', source: src, unit, freq, end, calibrationEnd: cal });
    let rows: unknown[][];
    try {
      rows = (await client.query({ text: sql, rowMode: 'array' })).rows as unknown[][];
    } catch (e) {
      throw new ClvkitError(`PostgreSQL: ${(e as Error).message} (${source.table ?? '--query'})`);
    }
    const col = (k: number) => mapFloat64(rows, (r) => Number(r[k]));
    const lastDay = cal ?? end;
    return histogramFromSummary({ frequency: col(0), recency: col(1), T: col(2), weights: col(3) }, { freq, unit, ...(lastDay !== undefined ? { end: lastDay } : {}) });
  } finally {
    await client.end().catch(() => undefined);
  }
}
