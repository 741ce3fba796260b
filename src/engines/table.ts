/**
 * A TransactionTable read through an SQL engine (DuckDB from CSV or Parquet, PostgreSQL from a
 * table or query), for the analyses that need the transactions themselves (cohort matrices,
 * retention, the report). The engine parses and converts; rows arrive in the source's order and
 * customers are numbered in first-seen order, as readTransactions does, so every analysis gives
 * the same result as on the node engine's table. Memory is the table's (16 bytes a row).
 */
import { count } from '../plural.ts';
import { checkInputFile } from '../io/atomic.ts';
import { BadRowsError } from './result.ts';
import { ClvkitError } from '../errors.ts';
import { REJECT } from '../ingest/transactions.ts';
import type { TransactionTable } from '../types.ts';
import { firstBadRow, nodeReadIfNeeded, openDuckDb, parquetSource, withCsvSource, type DuckDbOptions, type DuckDbSource } from './duckdb.ts';
import { connectPostgres, postgresSource, type PostgresOptions, type PostgresSource } from './postgres.ts';
import { daySql, type SqlSource } from './sql.ts';
import { streamClickHouseTransactions, type ClickHouseOptions, type ClickHouseSource } from './clickhouse.ts';

/** Rows of the source with their reject reason (0 valid). */
function tableSql(src: SqlSource, dbl: string): string {
  const dateFlag = src.dateFlag ?? `CASE WHEN ${src.date} IS NULL THEN 1 ELSE 0 END`;
  const amountFlag = src.amount === undefined ? '0' : (src.amountFlag ?? `CASE WHEN ${src.amount} IS NULL THEN 1 ELSE 0 END`);
  return (
    `SELECT customer, CASE WHEN reason = 0 THEN ${daySql('dt')} END AS d, CAST(amount AS ${dbl}) AS amount, reason FROM (\n` +
    `  SELECT ${src.customer} AS customer, ${src.date} AS dt, ${src.amount ?? 'NULL'} AS amount,\n` +
    // The node ingest's order of checks: fields, date, amount, customer.
    `    CASE WHEN (${src.fieldsFlag ?? '0'}) = 1 THEN 6 WHEN (${dateFlag}) = 1 THEN 2 WHEN (${dateFlag}) = 2 THEN 3 WHEN (${dateFlag}) = 3 THEN 7\n` +
    `      WHEN (${amountFlag}) = 1 THEN 4 WHEN (${amountFlag}) = 2 THEN 5 WHEN (${amountFlag}) = 3 THEN 8\n` +
    `      WHEN ${src.customer} IS NULL OR ${src.customer} = '' THEN 1 ELSE 0 END AS reason\n` +
    `  FROM ${src.relation}\n) AS rows_`
  );
}

const REASONS = ['', REJECT.customer, REJECT.missingDate, REJECT.date, REJECT.missingAmount, REJECT.amount, REJECT.fields, REJECT.dateRange, REJECT.amountRange];

/** Builds the columnar table row by row. */
class TableBuilder {
  private cap = 1 << 16;
  n = 0;
  read = 0;
  ids: string[] = [];
  private index = new Map<string, number>();
  customer = new Int32Array(this.cap);
  day = new Int32Array(this.cap);
  amount = new Float64Array(this.cap);
  rejected: Record<string, number> = {};
  constructor(readonly hasAmount: boolean) {}
  add(id: unknown, d: unknown, a: unknown, reason: unknown): void {
    this.read++;
    const r = Number(reason);
    if (r !== 0) {
      this.rejected[REASONS[r]] = (this.rejected[REASONS[r]] ?? 0) + 1;
      return;
    }
    if (this.n === this.cap) {
      this.cap *= 2;
      const c = new Int32Array(this.cap);
      c.set(this.customer);
      this.customer = c;
      const dd = new Int32Array(this.cap);
      dd.set(this.day);
      this.day = dd;
      const aa = new Float64Array(this.cap);
      aa.set(this.amount);
      this.amount = aa;
    }
    const key = String(id);
    let c = this.index.get(key);
    if (c === undefined) {
      c = this.ids.length;
      this.index.set(key, c);
      this.ids.push(key);
    }
    const i = this.n++;
    this.customer[i] = c;
    this.day[i] = Number(d);
    this.amount[i] = this.hasAmount ? Number(a) : NaN;
  }
  finish(skipBadRows: boolean | undefined, label: string): TransactionTable {
    const bad = Object.values(this.rejected).reduce((x, y) => x + y, 0);
    if (bad > 0 && !skipBadRows) {
      throw new BadRowsError(`${label}: ${Object.entries(this.rejected).map(([k, v]) => `${count(v, 'row', 'rows')} with a ${k}`).join(', ')}; fix them or pass --skip-bad-rows to count them and keep going`);
    }
    const n = this.n;
    return {
      customerIds: this.ids,
      customer: this.customer.slice(0, n),
      day: this.day.slice(0, n),
      amount: this.amount.slice(0, n),
      hasAmount: this.hasAmount,
      length: n,
      accounting: { read: this.read, used: n, rejected: { ...this.rejected } },
    };
  }
}

/**
 * The transactions of a CSV or Parquet file, read and converted by DuckDB.
 *
 * @example
 * const table = await transactionsWithDuckDb({ parquet: 'orders.parquet' });
 * retentionOutcomes(table, { period: 'month' });
 */
export async function transactionsWithDuckDb(source: DuckDbSource, options: DuckDbOptions = {}): Promise<TransactionTable> {
  const path = 'file' in source ? source.file : source.parquet;
  if (!/[*?[]/.test(path)) checkInputFile(path);
  const preRead = 'file' in source ? await nodeReadIfNeeded(source.file, options) : undefined;
  if (preRead) return preRead;
  const { instance, connection } = await openDuckDb(options);
  try {
    await connection.run('SET preserve_insertion_order = true');
    const run = async (src: SqlSource) => {
      const b = new TableBuilder(src.amount !== undefined);
      let result;
      try {
        result = await connection.stream(tableSql(src, 'DOUBLE'));
      } catch (e) {
        throw new ClvkitError(`duckdb: ${(e as Error).message.split('\n')[0]}`, { file: path });
      }
      for (;;) {
        let chunk: Awaited<ReturnType<typeof result.fetchChunk>>;
        try {
          chunk = await result.fetchChunk();
        } catch (e) {
          throw new ClvkitError(`duckdb: ${(e as Error).message.split('\n')[0]}`, { file: path });
        }
        if (!chunk || chunk.rowCount === 0) break;
        const c = chunk;
        const v = [0, 1, 2, 3].map((k) => c.getColumnVector(k));
        for (let i = 0; i < chunk.rowCount; i++) b.add(v[0].getItem(i), v[1].getItem(i), v[2].getItem(i), v[3].getItem(i));
      }
      return b.finish(options.skipBadRows, path);
    };
    if ('file' in source) return await firstBadRow(source.file, options, () => withCsvSource(connection, source.file, options, run));
    return await run(await parquetSource(connection, source.parquet, options));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * The transactions of a PostgreSQL table or query (in the order the server returns them; give an
 * ORDER BY in --query for a reproducible customer order).
 *
 * @example
 * const table = await transactionsWithPostgres({ connectionString, table: 'orders' });
 */
export async function transactionsWithPostgres(source: PostgresSource, options: PostgresOptions = {}): Promise<TransactionTable> {
  const client = await connectPostgres(source.connectionString);
  const label = source.table ?? '--query';
  try {
    const src = await postgresSource(client, source, options);
    const b = new TableBuilder(src.amount !== undefined);
    const batch = Math.max(1, Math.floor(options.batchSize ?? 50_000));
    try {
      await client.query('BEGIN READ ONLY');
      await client.query(`DECLARE clvkit_rows NO SCROLL CURSOR FOR ${tableSql(src, 'DOUBLE PRECISION')}`);
      for (;;) {
        const r = await client.query({ text: `FETCH FORWARD ${batch} FROM clvkit_rows`, rowMode: 'array' });
        for (const row of r.rows as unknown[][]) b.add(row[0], row[1], row[2], row[3]);
        if (r.rows.length < batch) break;
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new ClvkitError(`PostgreSQL: ${(e as Error).message} (${label})`);
    }
    return b.finish(options.skipBadRows, label);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The transactions of a ClickHouse table or query (a Distributed table reads every shard; rows in
 * the order the server returns them: give an ORDER BY in --query for a reproducible customer order).
 *
 * @example
 * const table = await transactionsWithClickHouse({ url: 'http://localhost:8123', table: 'orders' });
 */
export async function transactionsWithClickHouse(source: ClickHouseSource, options: ClickHouseOptions = {}): Promise<TransactionTable> {
  let b: TableBuilder | undefined;
  // onStart runs once the columns are known, before the first row.
  const { label } = await streamClickHouseTransactions(source, options, (c, d, a, r) => b!.add(c, d, a, r), (hasAmount) => (b = new TableBuilder(hasAmount)));
  return b!.finish(options.skipBadRows, label);
}
