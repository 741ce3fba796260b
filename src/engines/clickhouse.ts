/**
 * The customer summary computed by ClickHouse (a single server or a cluster through a Distributed
 * table): the statement of clickhouse-sql.ts runs in the database and only the per-customer rows
 * (or the histogram) come back, streamed over HTTP as TabSeparated text through the optional
 * `@clickhouse/client` package.
 */
import { ClvkitError, UsageError } from '../errors.ts';
import { parseDateOption } from '../ingest/dates.ts';
import { resolveColumns } from '../ingest/dialect.ts';
import type { SummaryOptions, SummaryResult } from '../summary/summarize.ts';
import { histogramFromSummary, type Histogram } from '../summary/histogram.ts';
import type { PeriodUnit } from '../types.ts';
import { SummaryCollector } from './result.ts';
import { quoteIdent, qualifiedName, type SqlSource } from './sql.ts';
import { clickhouseDaySql, clickhouseHistogramSql, clickhouseSummarySql } from './clickhouse-sql.ts';

/** Where the transactions are: a table (`db.table` allowed; a Distributed table for a cluster) or a SELECT. */
export type ClickHouseSource = { url: string } & ({ table: string; query?: undefined } | { query: string; table?: undefined });

export interface ClickHouseOptions extends SummaryOptions {
  customerCol?: string;
  dateCol?: string;
  amountCol?: string;
  skipBadRows?: boolean;
  orderByCustomer?: boolean;
  /** Extra ClickHouse settings sent with every query (e.g. max_memory_usage). */
  settings?: Record<string, string | number>;
  /**
   * The Distributed table keeps each customer on one shard, so every shard can finish its own
   * groups (ClickHouse's distributed_group_by_no_merge) instead of sending partial aggregates to be
   * merged. Default: detected from the table's sharding key (an expression of the customer column
   * alone, such as cityHash64(customer_id)); false for a --query.
   */
  shardedByCustomer?: boolean;
}

/** @internal */
type ChModule = typeof import('@clickhouse/client');
/** @internal */
type ChClient = ReturnType<ChModule['createClient']>;
let chModule: Promise<ChModule> | undefined;

/** Load @clickhouse/client lazily: only `--engine clickhouse` pays for it, and its absence is one line. @internal */
export async function loadClickHouseClient(): Promise<ChModule> {
  chModule ??= import('@clickhouse/client').catch(() => {
    chModule = undefined;
    throw new ClvkitError('the clickhouse engine needs the @clickhouse/client package: npm install @clickhouse/client');
  });
  return chModule;
}

/** The URL with its password hidden, for messages. */
export function redactClickHouseUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@').replace(/(password=)[^&\s]*/i, '$1***');
}

/**
 * Parse `--db`: `http(s)://user:password@host:8123/database` or `clickhouse://…` (taken as
 * http://, port 8123 by default). The path names the database (default: the server's).
 *
 * @example
 * parseClickHouseUrl('clickhouse://me:pw@db:8123/shop') // { url: 'http://db:8123', username: 'me', password: 'pw', database: 'shop' }
 */
export function parseClickHouseUrl(db: string): { url: string; username?: string; password?: string; database?: string } {
  let u: URL;
  try {
    u = new URL(db.replace(/^clickhouse:\/\//, 'http://'));
  } catch {
    throw new UsageError(`--db: expected a URL such as http://user:password@host:8123/database, got "${redactClickHouseUrl(db)}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new UsageError(`--db: expected a URL such as http://user:password@host:8123/database, got "${redactClickHouseUrl(db)}"`);
  }
  const port = u.port || (/^clickhouse:/.test(db) ? '8123' : '');
  const database = decodeURIComponent(u.pathname.replace(/^\/+|\/+$/g, ''));
  return {
    url: `${u.protocol}//${u.hostname}${port ? `:${port}` : ''}`,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(database ? { database } : {}),
  };
}

/** A connected client (checked with a ping), with readable errors. @internal */
export async function connectClickHouse(db: string): Promise<ChClient> {
  const conn = parseClickHouseUrl(db);
  const { createClient, ClickHouseLogLevel } = await loadClickHouseClient();
  // Errors reach the user as one line through ClvkitError; the client's own log stays quiet.
  const client = createClient({ ...conn, request_timeout: 3_600_000, application: 'clvkit', log: { level: ClickHouseLogLevel.OFF } });
  const ping = await client.ping();
  if (!ping.success) {
    await client.close().catch(() => undefined);
    throw new ClvkitError(`cannot connect to ClickHouse (${redactClickHouseUrl(db)}): ${(ping as { error?: Error }).error?.message ?? 'no answer'}`);
  }
  return client;
}

/** First line of a ClickHouse error, without the stack ClickHouse appends. */
function chMessage(e: unknown): string {
  return ((e as Error).message ?? String(e)).split('\n')[0].replace(/,? e\.what\(\) = DB::Exception.*$/, '').trim();
}

/** Unescape one TabSeparated field (ClickHouse escapes \\ \t \n \r \0 \b \f \' and writes NULL as \N). */
function unescapeTsv(s: string): string | null {
  if (s === '\\N') return null;
  if (!s.includes('\\')) return s;
  return s.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', '0': '\0', b: '\b', f: '\f' })[c] ?? c);
}

/** Run a statement and hand each row (TabSeparated fields, NULL as null) to `onRow`. */
async function streamRows(client: ChClient, sql: string, settings: Record<string, string | number>, onRow: (fields: (string | null)[]) => void): Promise<void> {
  const rs = await client.query({ query: sql, format: 'TabSeparated', clickhouse_settings: settings as never });
  const stream = rs.stream();
  for await (const rows of stream as AsyncIterable<{ text: string }[]>) {
    for (const row of rows) onRow(row.text.split('\t').map(unescapeTsv));
  }
}

/** Column names and types of a relation (a table or a parenthesised query). */
async function describe(client: ChClient, relation: string): Promise<{ names: string[]; types: string[] }> {
  const rs = await client.query({ query: `SELECT * FROM ${relation} LIMIT 0`, format: 'TabSeparatedWithNamesAndTypes' });
  const lines = (await rs.text()).split('\n');
  const names = (lines[0] ?? '').split('\t').map((s) => unescapeTsv(s) ?? '');
  const types = (lines[1] ?? '').split('\t');
  return { names, types };
}

const baseType = (t: string) => t.replace(/^(Nullable|LowCardinality)\((.*)\)$/, '$2').replace(/^(Nullable|LowCardinality)\((.*)\)$/, '$2');

/**
 * The mapped columns as row expressions, by their ClickHouse types. Typed Date / DateTime and
 * numeric columns cannot hold a bad value: NULL is a missing value. A String date column is read
 * as ISO yyyy-mm-dd (anything else is a bad date) and a String amount column with toFloat64OrNull
 * (anything unparseable is a bad amount); the node engine's other date and number formats are not
 * recognised there.
 */
export function clickhouseSource(relation: string, names: string[], types: string[], options: ClickHouseOptions, what: string): SqlSource {
  const map = resolveColumns(names, names.length, options, what);
  const col = (i: number) => quoteIdent(names[i]);
  const dt = baseType(types[map.date] ?? '');
  const dc = col(map.date);
  let date: string;
  let dateFlag: string | undefined;
  if (/^Date$/.test(dt)) date = dc;
  else if (/^DateTime/.test(dt)) date = `toDate(${dc})`;
  else if (/^(String|FixedString)/.test(dt)) {
    date = `toDateOrZero(substring(toString(${dc}), 1, 10))`;
    // Bad unless ISO and a real calendar day (the date read back gives the same text: no 2024-02-30).
    dateFlag = `multiIf(isNull(${dc}) OR toString(${dc}) = '', 1, NOT match(toString(${dc}), '^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T].*)?$') OR toString(toDateOrZero(substring(toString(${dc}), 1, 10))) != substring(toString(${dc}), 1, 10), 2, 0)`;
  } else throw new ClvkitError(`${what}: the date column "${names[map.date]}" is of type ${types[map.date]}; expected Date, DateTime or String`);
  let amount: string | undefined;
  let amountFlag: string | undefined;
  if (map.amount >= 0) {
    const ac = col(map.amount);
    const at = baseType(types[map.amount] ?? '');
    if (/^(String|FixedString)/.test(at)) {
      amount = `toFloat64OrNull(replaceRegexpAll(toString(${ac}), '^ +| +$', ''))`;
      amountFlag = `multiIf(isNull(${ac}) OR replaceRegexpAll(toString(${ac}), '^ +| +$', '') = '', 1, isNull(toFloat64OrNull(replaceRegexpAll(toString(${ac}), '^ +| +$', ''))), 2, 0)`;
    } else amount = `toFloat64(${ac})`;
  }
  return {
    relation,
    customer: `toString(${col(map.customer)})`,
    date,
    ...(dateFlag ? { dateFlag } : {}),
    ...(amount ? { amount } : {}),
    ...(amountFlag ? { amountFlag } : {}),
  };
}

/**
 * Whether a Distributed table's sharding key is an expression of one column only, `column`
 * (cityHash64(customer_id), sipHash64(toString(customer_id)), …): then a customer's rows are all
 * on one shard. Any other key (rand(), a date, two columns) or another engine gives false.
 *
 * @example
 * shardingKeyIsOnly('Distributed(c, default, tx_local, cityHash64(customer_id))', 'customer_id') // true
 */
export function shardingKeyIsOnly(engineFull: string, column: string): boolean {
  const m = /^\s*Distributed\s*\((.*)\)\s*(SETTINGS.*)?$/s.exec(engineFull);
  if (!m) return false;
  // Split the arguments at top-level commas (quotes and brackets respected).
  const args: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (const ch of m[1]) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      args.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  args.push(cur.trim());
  if (args.length < 4) return false;
  const names = new Set<string>();
  for (const t of args[3].matchAll(/`((?:[^`\\]|\\.)*)`|"((?:[^"\\]|\\.)*)"|'(?:[^'\\]|\\.)*'|([A-Za-z_][A-Za-z0-9_]*)(\s*\()?/g)) {
    if (t[4]) continue; // a function name
    const name = t[1] ?? t[2] ?? t[3];
    if (name !== undefined) names.add(name);
  }
  return names.size === 1 && names.has(column);
}

async function detectShardedByCustomer(client: ChClient, table: string, customerColumn: string): Promise<boolean> {
  const parts = (qualifiedName(table).match(/"(?:[^"]|"")*"/g) ?? []).map((p) => p.slice(1, -1).replace(/""/g, '"'));
  const name = parts[parts.length - 1];
  const db = parts.length > 1 ? clickhouseLiteralOf(parts[parts.length - 2]) : 'currentDatabase()';
  try {
    const rs = await client.query({ query: `SELECT engine_full FROM system.tables WHERE database = ${db} AND name = ${clickhouseLiteralOf(name)}`, format: 'TabSeparated' });
    const text = (await rs.text()).trim();
    return text !== '' && shardingKeyIsOnly(unescapeTsv(text) ?? '', customerColumn);
  } catch {
    return false; // no system.tables access: the always-correct merge
  }
}

function clickhouseLiteralOf(v: string): string {
  return "'" + v.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
}

async function openSource(client: ChClient, source: ClickHouseSource, options: ClickHouseOptions): Promise<{ src: SqlSource; label: string; settings: Record<string, string | number> }> {
  let relation: string;
  let label: string;
  if (source.table !== undefined) {
    relation = qualifiedName(source.table);
    label = source.table;
  } else if (source.query !== undefined) {
    const q = source.query.trim().replace(/;\s*$/, '');
    if (q === '') throw new UsageError('--query is empty');
    relation = `(${q})`;
    label = '--query';
  } else throw new UsageError('give --table or --query');
  let cols: { names: string[]; types: string[] };
  try {
    cols = await describe(client, relation);
  } catch (e) {
    const msg = chMessage(e);
    if (/Code: 60\b|doesn't exist|does not exist/.test(msg)) {
      const tables = await client
        .query({ query: 'SHOW TABLES', format: 'TabSeparated' })
        .then((r) => r.text())
        .then((t) => t.split('\n').filter(Boolean).map((s) => unescapeTsv(s) ?? ''))
        .catch(() => [] as string[]);
      throw new ClvkitError(`ClickHouse: ${msg} (${label}); tables found: ${tables.length ? tables.join(', ') : 'none'}`);
    }
    throw new ClvkitError(`ClickHouse: ${msg} (${label})`);
  }
  const src = clickhouseSource(relation, cols.names, cols.types, options, label);
  const settings: Record<string, string | number> = { ...(options.settings ?? {}) };
  if (source.table !== undefined && options.shardedByCustomer !== false) {
    const customerColumn = cols.names[resolveColumns(cols.names, cols.names.length, options, label).customer];
    if (options.shardedByCustomer === true || (await detectShardedByCustomer(client, source.table, customerColumn))) settings.distributed_group_by_no_merge = 1;
  }
  return { src, label, settings };
}

function dates(options: ClickHouseOptions) {
  const unit: PeriodUnit = options.unit ?? 'day';
  const freq: PeriodUnit = options.freq ?? 'week';
  const end = options.end === undefined ? undefined : parseDateOption(options.end, '--end');
  const cal = options.calibrationEnd === undefined ? undefined : parseDateOption(options.calibrationEnd, '--calibration-end');
  return { unit, freq, end, cal };
}

/**
 * Summarise transactions held in ClickHouse. Same result and row accounting as the node engine on
 * the same rows (see clickhouseSource for what a String column changes).
 *
 * @example
 * const s = await summarizeWithClickHouse({ url: 'http://localhost:8123/shop', table: 'orders' }, { end: '2024-12-31' });
 */
export async function summarizeWithClickHouse(source: ClickHouseSource, options: ClickHouseOptions = {}): Promise<SummaryResult> {
  const client = await connectClickHouse(source.url);
  try {
    const { src, label, settings } = await openSource(client, source, options);
    const { unit, freq, end, cal } = dates(options);
    const sql = clickhouseSummarySql({ source: src, unit, freq, end, calibrationEnd: cal, output: 'engine', deferEnd: true, orderByCustomer: options.orderByCustomer ?? false });
    const collector = new SummaryCollector(cal !== undefined, end === undefined);
    try {
      await streamRows(client, sql, settings, (row) => collector.add(row));
    } catch (e) {
      throw new ClvkitError(`ClickHouse: ${chMessage(e)} (${label})`);
    }
    return collector.finish({ unit, freq, end, calibrationEnd: cal, skipBadRows: options.skipBadRows, hasAmount: src.amount !== undefined, source: label });
  } finally {
    await client.close().catch(() => undefined);
  }
}

/**
 * The (frequency, recency, T, count) histogram computed by ClickHouse: only the distinct rows come
 * back. Without `end`, a first small query finds the last valid date.
 *
 * @example
 * const h = await histogramWithClickHouse({ url, table: 'orders' }, { end: '2024-12-31' });
 * fitBgNbd(histogramToSummaryData(h));
 */
export async function histogramWithClickHouse(source: ClickHouseSource, options: ClickHouseOptions = {}): Promise<Histogram> {
  const client = await connectClickHouse(source.url);
  try {
    const { src, label, settings } = await openSource(client, source, options);
    const { unit, freq, cal } = dates(options);
    let { end } = dates(options);
    try {
      if (end === undefined) {
        const valid = `NOT (isNull(${src.customer}) OR ${src.customer} = '') AND ${src.dateFlag ?? `multiIf(isNull(${src.date}), 1, 0)`} = 0` +
          (src.amount !== undefined ? ` AND ${src.amountFlag ?? `multiIf(isNull(${src.amount}), 1, 0)`} = 0` : '');
        let last: string | null = null;
        // Merged over the shards (one maximum, not one per shard).
        await streamRows(client, `SELECT ${clickhouseDaySql(`max(${src.date})`)} FROM ${src.relation} WHERE ${valid} HAVING count() > 0`, options.settings ?? {}, (r) => (last = r[0]));
        if (last === null) throw new ClvkitError(`${label}: no transactions to summarise`);
        end = Number(last);
      }
      const sql = clickhouseHistogramSql({ source: src, unit, freq, end, calibrationEnd: cal });
      const f: number[] = [];
      const r: number[] = [];
      const t: number[] = [];
      const w: number[] = [];
      await streamRows(client, sql, settings, (row) => {
        f.push(Number(row[0]));
        r.push(Number(row[1]));
        t.push(Number(row[2]));
        w.push(Number(row[3]));
      });
      const lastDay = cal ?? end;
      return histogramFromSummary({ frequency: Float64Array.from(f), recency: Float64Array.from(r), T: Float64Array.from(t), weights: Float64Array.from(w) }, { freq, unit, end: lastDay });
    } catch (e) {
      if (e instanceof ClvkitError) throw e;
      throw new ClvkitError(`ClickHouse: ${chMessage(e)} (${label})`);
    }
  } finally {
    await client.close().catch(() => undefined);
  }
}

/**
 * Rows of the source with their reject reason (0 valid), for transactionsWithClickHouse: the
 * customer, the day number and the amount. `ORDER BY` is the caller's (in --query).
 */
export function clickhouseTableSql(src: SqlSource): string {
  const dateFlag = src.dateFlag ?? `multiIf(isNull(${src.date}), 1, 0)`;
  const amountFlag = src.amount === undefined ? '0' : (src.amountFlag ?? `multiIf(isNull(${src.amount}), 1, 0)`);
  const reason = `multiIf(isNull(${src.customer}) OR ${src.customer} = '', 1, ${dateFlag} = 1, 2, ${dateFlag} = 2, 3, ${amountFlag} = 1, 4, ${amountFlag} = 2, 5, 0)`;
  return `SELECT ${src.customer}, if(${reason} = 0, ${clickhouseDaySql(src.date)}, NULL), ${src.amount ?? 'NULL'}, ${reason}\nFROM ${src.relation}`;
}

/**
 * Stream the transactions of a ClickHouse table or query row by row (used by table.ts to build a
 * TransactionTable for report, retention and segment).
 */
export async function streamClickHouseTransactions(
  source: ClickHouseSource,
  options: ClickHouseOptions,
  onRow: (customer: string | null, day: string | null, amount: string | null, reason: string | null) => void,
  onStart?: (hasAmount: boolean) => void,
): Promise<{ hasAmount: boolean; label: string }> {
  const client = await connectClickHouse(source.url);
  try {
    const { src, label } = await openSource(client, source, { ...options, shardedByCustomer: false });
    onStart?.(src.amount !== undefined);
    try {
      await streamRows(client, clickhouseTableSql(src), options.settings ?? {}, (r) => onRow(r[0], r[1], r[2], r[3]));
    } catch (e) {
      throw new ClvkitError(`ClickHouse: ${chMessage(e)} (${label})`);
    }
    return { hasAmount: src.amount !== undefined, label };
  } finally {
    await client.close().catch(() => undefined);
  }
}
