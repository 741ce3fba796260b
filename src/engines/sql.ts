/**
 * The customer summary (DESIGN.md §1, docs/readme/ingest.md "The summary: definitions and
 * conventions") as one SQL statement, for DuckDB and PostgreSQL.
 *
 * It reproduces the node engine (src/summary/summarize.ts) exactly: rows are collapsed to one
 * group per customer, purchase period and side of the calibration split; a period is a purchase
 * when it has no return rows or its net amount is positive; end days are inclusive; recency and
 * T are whole periods converted to `freq` units as (periods × days per unit) / days per freq, the
 * same double operations in the same order as the node engine, so the values are identical.
 *
 * Only standard SQL is used (CTEs, CASE, GROUP BY, COUNT/SUM/MIN/MAX, ROW_NUMBER() OVER, CAST,
 * EXTRACT, date − date), plus one dialect switch for the double type name. See
 * docs/readme/engines.md for porting it to other engines.
 */
import { UsageError } from '../errors.ts';
import { parseDateOption } from '../ingest/dates.ts';
import { periodTable, unitDays } from '../summary/summarize.ts';
import type { Day, PeriodUnit } from '../types.ts';
import { clickhouseSummarySql } from './clickhouse-sql.ts';

/**
 * duckdb and postgres are run by the engines; clickhouse is run on a two-shard cluster in the
 * tests (its statement is clickhouse-sql.ts); bigquery, snowflake and spark are checked by their
 * dialects' parsers only (docs/engines.md).
 */
export type SqlDialect = 'duckdb' | 'postgres' | 'clickhouse' | 'bigquery' | 'snowflake' | 'spark';

export const SQL_DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres', 'clickhouse', 'bigquery', 'snowflake', 'spark'];

/**
 * Quote an identifier (table or column name) for SQL: double quotes, embedded quotes doubled.
 * A dotted name is NOT split: pass `schema.table` as `['schema', 'table']` to qualifiedName.
 *
 * @example
 * quoteIdent('order "date"') // '"order ""date"""'
 */
export function quoteIdent(name: string): string {
  if (name.includes('\u0000')) throw new UsageError('a SQL name cannot contain a NUL character');
  return '"' + name.replace(/"/g, '""') + '"';
}

/**
 * A possibly schema-qualified table name: `sales.orders` → `"sales"."orders"`. A part already in
 * double quotes is kept as one part (`"my.table"` stays one name).
 *
 * @example
 * qualifiedName('sales.orders') // '"sales"."orders"'
 */
export function qualifiedName(name: string): string {
  const parts: string[] = [];
  let i = 0;
  while (i < name.length) {
    if (name[i] === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= name.length) throw new UsageError(`unterminated quoted name in "${name}"`);
        if (name[j] === '"') {
          if (name[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += name[j++];
      }
      parts.push(s);
      i = j + 1;
      if (i < name.length && name[i] !== '.') throw new UsageError(`bad table name "${name}"`);
      i++;
    } else {
      const j = name.indexOf('.', i);
      const part = j < 0 ? name.slice(i) : name.slice(i, j);
      parts.push(part);
      i = j < 0 ? name.length : j + 1;
    }
  }
  if (parts.length === 0 || parts.some((p) => p === '')) throw new UsageError(`bad table name "${name}"`);
  return parts.map(quoteIdent).join('.');
}

/**
 * An identifier quoted for a dialect: backticks in BigQuery (backslash escapes) and Spark SQL
 * (doubled backticks), double quotes elsewhere.
 *
 * @example
 * quoteIdentFor('bigquery', 'T') // '`T`'
 */
export function quoteIdentFor(dialect: SqlDialect, name: string): string {
  if (dialect === 'bigquery') return '`' + quoteIdent(name).slice(1, -1).replace(/""/g, '"').replace(/[\\`]/g, '\\$&') + '`';
  if (dialect === 'spark') return '`' + quoteIdent(name).slice(1, -1).replace(/""/g, '"').replace(/`/g, '``') + '`';
  return quoteIdent(name);
}

/** qualifiedName with each part quoted for a dialect. */
export function qualifiedNameFor(dialect: SqlDialect, name: string): string {
  const q = qualifiedName(name);
  if (dialect !== 'bigquery' && dialect !== 'spark') return q;
  // Re-split the standard form ("a"."b""c") into its parts, then quote each for the dialect.
  const parts = q.match(/"(?:[^"]|"")*"/g)!.map((p) => p.slice(1, -1).replace(/""/g, '"'));
  return parts.map((p) => quoteIdentFor(dialect, p)).join('.');
}

/**
 * A string literal: single quotes, embedded quotes doubled (standard SQL; PostgreSQL with
 * standard_conforming_strings on, its default since 9.1, and DuckDB treat backslashes literally).
 *
 * @example
 * quoteLiteral("it's") // "'it''s'"
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new UsageError('a SQL string cannot contain a NUL character');
  return "'" + value.replace(/'/g, "''") + "'";
}

/** `DATE 'yyyy-mm-dd'` of a Day. */
export function dateLiteral(day: Day): string {
  const d = new Date(day * 86_400_000).toISOString().slice(0, 10);
  return `DATE '${d}'`;
}

/**
 * The three mapped columns as a relation. `relation` is a FROM item (a quoted table name, a
 * parenthesised query with an alias, a read_csv(...) call); the expressions are evaluated over it.
 * `dateFlag` / `amountFlag` classify rows: 0 valid, 1 missing, 2 unparseable, 3 out of range (row accounting);
 * by default a NULL date or amount is "missing" and any non-NULL value is valid.
 */
export interface SqlSource {
  relation: string;
  /** Customer id expression, of a text type. */
  customer: string;
  /** Date expression, of type DATE. */
  date: string;
  /** Amount expression (double), or undefined when the data has no amounts. */
  amount?: string;
  dateFlag?: string;
  amountFlag?: string;
  /** 1 when the row has the wrong number of fields (text sources read line by line), else 0. */
  fieldsFlag?: string;
}

/**
 * What `summarySql` needs. `end` / `calibrationEnd` are 'YYYY-MM-DD' or Days; without `end` the
 * statement takes the last valid date of the data (a second read of the source).
 */
export interface SummarySqlSpec {
  dialect: SqlDialect;
  /** A SqlSource, or a table name (schema-qualified allowed) holding `columns`. */
  source: SqlSource | string;
  /** Column names in a table source: customer, date (DATE or timestamp), amount (optional). */
  columns?: { customer: string; date: string; amount?: string };
  unit?: PeriodUnit;
  freq?: PeriodUnit;
  end?: string | Day;
  calibrationEnd?: string | Day;
  /**
   * 'customers' (default): one row per summarised customer, the columns of `summary --out`.
   * 'engine': one row per customer of the source, excluded ones too, with the counts the engines
   * need for the row accounting (status decided in TypeScript).
   */
  output?: 'customers' | 'engine';
  /**
   * Engine output without `end`: no bounds pass over the source; every valid row is in the window
   * (the end is the last date), T and holdout_T come back NULL and the engine computes them from
   * `first_p` and the largest `max_day` (SummaryCollector), with the same double operations.
   */
  deferEnd?: boolean;
  /** ORDER BY customer id (default true for 'customers', false for 'engine'). */
  orderByCustomer?: boolean;
}

/** Row-side codes of the `side` column: where a source row goes. */
export const SIDE = {
  calibration: 0,
  holdout: 1,
  afterEnd: 2,
  missingCustomer: 3,
  missingDate: 4,
  badDate: 5,
  missingAmount: 6,
  badAmount: 7,
  fields: 8,
  dateRange: 9,
  amountRange: 10,
} as const;

function doubleType(dialect: SqlDialect): string {
  return dialect === 'postgres' ? 'DOUBLE PRECISION' : dialect === 'bigquery' ? 'FLOAT64' : 'DOUBLE';
}

function stringType(dialect: SqlDialect): string {
  return dialect === 'bigquery' || dialect === 'spark' ? 'STRING' : 'VARCHAR';
}

/**
 * Period number of a date (same numbering as summarize.ts periodTable): the day number, the
 * Monday-start week floor((day − 4) / 7) (1970-01-05 was a Monday), or year × 12 + month − 1.
 */
export function periodSql(dialect: SqlDialect, unit: PeriodUnit, dateExpr: string, dayExpr: string): string {
  if (unit === 'day') return dayExpr;
  if (unit === 'week') return `CAST(FLOOR(CAST(${dayExpr} - 4 AS ${doubleType(dialect)}) / 7) AS INTEGER)`;
  return `(CAST(EXTRACT(YEAR FROM ${dateExpr}) AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM ${dateExpr}) AS INTEGER) - 1)`;
}

/** Days since 1970-01-01 of a DATE expression (date − date is a whole number of days in DuckDB and PostgreSQL). */
export function daySql(dateExpr: string, dialect: SqlDialect = 'duckdb'): string {
  if (dialect === 'bigquery') return `DATE_DIFF(${dateExpr}, DATE '1970-01-01', DAY)`;
  if (dialect === 'snowflake') return `DATEDIFF(day, DATE '1970-01-01', ${dateExpr})`;
  if (dialect === 'spark') return `DATEDIFF(${dateExpr}, DATE '1970-01-01')`;
  return `CAST(${dateExpr} - DATE '1970-01-01' AS INTEGER)`;
}

function periodOfDay(day: Day, unit: PeriodUnit): number {
  return periodTable(day, 1, unit)[0];
}

const UNITS: readonly PeriodUnit[] = ['day', 'week', 'month'];

/** Source relation and expressions of a spec. */
export function resolveSource(spec: Pick<SummarySqlSpec, 'source' | 'columns' | 'dialect'>): SqlSource {
  if (typeof spec.source !== 'string') return spec.source;
  const cols = spec.columns ?? { customer: 'customer_id', date: 'date', amount: 'amount' };
  const q = (n: string) => quoteIdentFor(spec.dialect, n);
  return {
    relation: qualifiedNameFor(spec.dialect, spec.source),
    customer: `CAST(${q(cols.customer)} AS ${stringType(spec.dialect)})`,
    date: `CAST(${q(cols.date)} AS DATE)`,
    amount: cols.amount !== undefined ? `CAST(${q(cols.amount)} AS ${doubleType(spec.dialect)})` : undefined,
  };
}

/**
 * The `tx` CTE: each source row with its day number `d` and its `side` (SIDE: calibration, holdout, after the
 * end, or the reason it is rejected), from the `src` CTE's flags. @internal
 *
 * @example
 * txCte(daySql('src.dt'), '20088', '20088', 'src'); // "tx AS (\n  SELECT customer, dt, amount, … AS side\n  FROM src\n)"
 */
export function txCte(d: string, endDay: string, calDay: string, from: string): string {
  return (
    `tx AS (\n  SELECT customer, dt, amount, ${d} AS d,\n` +
    // The node ingest's order of checks: fields, date, amount, customer (the first failing one is the reason).
    `    CASE WHEN fields_flag = 1 THEN ${SIDE.fields}\n` +
    `      WHEN date_flag = 1 THEN ${SIDE.missingDate} WHEN date_flag = 2 THEN ${SIDE.badDate} WHEN date_flag = 3 THEN ${SIDE.dateRange}\n` +
    `      WHEN amount_flag = 1 THEN ${SIDE.missingAmount} WHEN amount_flag = 2 THEN ${SIDE.badAmount} WHEN amount_flag = 3 THEN ${SIDE.amountRange}\n` +
    `      WHEN customer IS NULL OR customer = '' THEN ${SIDE.missingCustomer}\n` +
    `      WHEN ${d} > ${endDay} THEN ${SIDE.afterEnd} WHEN ${d} > ${calDay} THEN ${SIDE.holdout} ELSE ${SIDE.calibration} END AS side\n` +
    `  FROM ${from}\n)`
  );
}

/**
 * The summary as one SQL statement.
 *
 * @example
 * const sql = summarySql({ dialect: 'postgres', source: 'orders', columns: { customer: 'customer_id', date: 'order_date', amount: 'amount' }, end: '1997-09-30' });
 * // WITH src AS (...), tx AS (...), ... SELECT customer_id, frequency, recency, "T", ... ORDER BY customer_id
 */
export function summarySql(spec: SummarySqlSpec): string {
  const dialect = spec.dialect;
  if (!SQL_DIALECTS.includes(dialect)) throw new UsageError(`--dialect must be one of ${SQL_DIALECTS.join(', ')}, got "${dialect}"`);
  // ClickHouse (18.16) has no CTEs and no window functions: its own statement.
  if (dialect === 'clickhouse') return clickhouseSummarySql(spec);
  const unit = spec.unit ?? 'day';
  const freq = spec.freq ?? 'week';
  if (!UNITS.includes(unit)) throw new UsageError(`--unit: expected day, week or month, got "${unit}"`);
  if (!UNITS.includes(freq)) throw new UsageError(`--freq: expected day, week or month, got "${freq}"`);
  const dbl = doubleType(dialect);
  const src = resolveSource(spec);
  const engine = spec.output === 'engine';
  const order = spec.orderByCustomer ?? !engine;
  const end = spec.end === undefined ? undefined : parseDateOption(spec.end, '--end');
  const split = spec.calibrationEnd !== undefined;
  const cal = split ? parseDateOption(spec.calibrationEnd!, '--calibration-end') : end;
  if (split && end !== undefined && cal! >= end) throw new UsageError('--calibration-end must be before the end of observation');

  // Periods → freq units exactly as summarize.ts: (periods × days per unit) / days per freq, in doubles.
  const conv = (periods: string) => {
    if (unit === freq) return `CAST(${periods} AS ${dbl})`;
    return `CAST(${periods} AS ${dbl}) * CAST(${unitDays(unit)} AS ${dbl}) / CAST(${unitDays(freq)} AS ${dbl})`;
  };

  const dateFlag = src.dateFlag ?? `CASE WHEN ${src.date} IS NULL THEN 1 ELSE 0 END`;
  const amountFlag = src.amount === undefined ? '0' : (src.amountFlag ?? `CASE WHEN ${src.amount} IS NULL THEN 1 ELSE 0 END`);
  const ctes: string[] = [];
  ctes.push(
    `src AS (\n  SELECT ${src.customer} AS customer, ${src.date} AS dt, ${src.amount ?? `CAST(NULL AS ${dbl})`} AS amount,\n` +
      `    ${dateFlag} AS date_flag, ${amountFlag} AS amount_flag, ${src.fieldsFlag ?? '0'} AS fields_flag\n  FROM ${src.relation}\n)`,
  );
  // End of observation and calibration end: literals, or the last valid date of the data.
  let endDay: string;
  let endPeriod: string;
  let calDay: string;
  let calPeriod: string;
  let boundsJoin = '';
  const deferred = engine && end === undefined && spec.deferEnd === true;
  if (deferred) {
    endDay = '2147483647';
    endPeriod = 'NULL';
    calDay = split ? String(cal) : endDay;
    calPeriod = split ? String(periodOfDay(cal!, unit)) : 'NULL';
  } else if (end !== undefined) {
    endDay = String(end);
    endPeriod = String(periodOfDay(end, unit));
    calDay = String(cal);
    calPeriod = String(periodOfDay(cal!, unit));
  } else {
    ctes.push(
      `bounds AS (\n  SELECT MAX(dt) AS end_dt\n  FROM src\n  WHERE customer IS NOT NULL AND customer <> '' AND date_flag = 0 AND amount_flag = 0 AND fields_flag = 0\n)`,
    );
    boundsJoin = ' CROSS JOIN bounds';
    endDay = daySql('bounds.end_dt', dialect);
    endPeriod = periodSql(dialect, unit, 'bounds.end_dt', endDay);
    if (split) {
      calDay = String(cal);
      calPeriod = String(periodOfDay(cal!, unit));
    } else {
      calDay = endDay;
      calPeriod = endPeriod;
    }
  }
  const d = daySql('src.dt', dialect);
  ctes.push(txCte(d, endDay, calDay, `src${boundsJoin}`));
  // One group per customer, purchase period and side (calibration / holdout); other rows one group per side.
  ctes.push(
    `periods AS (\n  SELECT customer, side,\n` +
      `    CASE WHEN side <= ${SIDE.holdout} THEN ${periodSql(dialect, unit, 'dt', 'd')} END AS p,\n` +
      `    COUNT(*) AS n_rows, SUM(amount) AS net,\n` +
      `    MAX(CASE WHEN amount < 0 THEN 1 ELSE 0 END) AS has_return,\n` +
      `    MIN(CASE WHEN amount >= 0 THEN d END) AS first_purchase_day,\n` +
      `    MIN(d) AS min_d, MAX(d) AS max_d\n` +
      `  FROM tx\n  GROUP BY customer, side, CASE WHEN side <= ${SIDE.holdout} THEN ${periodSql(dialect, unit, 'dt', 'd')} END\n)`,
  );
  // A period is a purchase when it has no returns or its net amount is positive; k numbers the calibration purchases.
  ctes.push(
    `flagged AS (\n  SELECT customer, side, p, n_rows, net, first_purchase_day, min_d, max_d,\n` +
      `    CASE WHEN side <= ${SIDE.holdout} AND (has_return = 0 OR net > 0) THEN 1 ELSE 0 END AS purchase\n  FROM periods\n)`,
  );
  ctes.push(
    `numbered AS (\n  SELECT flagged.*,\n` +
      `    ROW_NUMBER() OVER (PARTITION BY customer, side, purchase ORDER BY p) AS k,\n` +
      `    LAG(p) OVER (PARTITION BY customer, side, purchase ORDER BY p) AS prev_p\n  FROM flagged\n)`,
  );
  const cp = `side = ${SIDE.calibration} AND purchase = 1`;
  const hp = `side = ${SIDE.holdout} AND purchase = 1`;
  ctes.push(
    `customers AS (\n  SELECT customer,\n` +
      `    SUM(CASE WHEN ${cp} THEN 1 ELSE 0 END) AS purchases,\n` +
      `    MIN(CASE WHEN ${cp} THEN p END) AS first_p,\n` +
      `    MAX(CASE WHEN ${cp} THEN p END) AS last_p,\n` +
      `    MIN(CASE WHEN ${cp} THEN COALESCE(first_purchase_day, min_d) END) AS first_day,\n` +
      `    MAX(CASE WHEN ${cp} THEN max_d END) AS last_day,\n` +
      `    SUM(CASE WHEN ${cp} AND k > 1 THEN net ELSE 0 END) AS repeat_sum,\n` +
      // Σ log inter-purchase time in freq units (the CNBD-k timing statistic, summarize.ts litt)
      `    SUM(CASE WHEN ${cp} AND k > 1 THEN LN(${conv('p - prev_p')}) ELSE 0 END) AS litt,\n` +
      `    SUM(CASE WHEN side = ${SIDE.calibration} THEN n_rows ELSE 0 END) AS tx_rows,\n` +
      `    SUM(CASE WHEN side = ${SIDE.calibration} THEN net END) AS spend,\n` +
      `    SUM(CASE WHEN side = ${SIDE.holdout} THEN n_rows ELSE 0 END) AS ho_rows,\n` +
      `    SUM(CASE WHEN ${hp} THEN 1 ELSE 0 END) AS ho_purchases,\n` +
      `    SUM(CASE WHEN ${hp} THEN net ELSE 0 END) AS ho_sum,\n` +
      `    SUM(CASE WHEN side = ${SIDE.afterEnd} THEN n_rows ELSE 0 END) AS after_rows,\n` +
      `    SUM(CASE WHEN side > ${SIDE.afterEnd} THEN n_rows ELSE 0 END) AS bad_rows,\n` +
      `    MIN(CASE WHEN side = ${SIDE.missingDate} THEN n_rows END) AS missing_date_rows,\n` +
      `    MIN(CASE WHEN side = ${SIDE.badDate} THEN n_rows END) AS bad_date_rows,\n` +
      `    MIN(CASE WHEN side = ${SIDE.missingAmount} THEN n_rows END) AS missing_amount_rows,\n` +
      `    MIN(CASE WHEN side = ${SIDE.badAmount} THEN n_rows END) AS bad_amount_rows,\n` +
      `    MIN(CASE WHEN side = ${SIDE.fields} THEN n_rows END) AS fields_rows,\n` +
      `    MIN(CASE WHEN side = ${SIDE.dateRange} THEN n_rows END) AS date_range_rows,\n` +
      `    MIN(CASE WHEN side = ${SIDE.amountRange} THEN n_rows END) AS amount_range_rows,\n` +
      `    MIN(CASE WHEN side = ${SIDE.missingCustomer} THEN n_rows END) AS missing_customer_rows,\n` +
      `    MIN(CASE WHEN side <= ${SIDE.afterEnd} THEN min_d END) AS min_day,\n` +
      `    MAX(CASE WHEN side <= ${SIDE.afterEnd} THEN max_d END) AS max_day\n` +
      `  FROM numbered\n  GROUP BY customer\n)`,
  );
  const noAmount = src.amount === undefined;
  const mon = noAmount
    ? `CAST(NULL AS ${dbl})`
    : `CASE WHEN purchases > 1 THEN repeat_sum / (purchases - 1) ELSE CAST(0 AS ${dbl}) END`;
  const hoMon = noAmount
    ? `CAST(NULL AS ${dbl})`
    : `CASE WHEN ho_purchases > 0 THEN ho_sum / ho_purchases ELSE CAST(0 AS ${dbl}) END`;
  const cols = [
    `customer AS customer_id`,
    `CAST(purchases - 1 AS ${dbl}) AS frequency`,
    `${conv('last_p - first_p')} AS recency`,
    `${conv(`${calPeriod} - first_p`)} AS ${quoteIdentFor(dialect, 'T')}`,
    `${mon} AS monetary_value`,
    `first_day AS first_purchase`,
    `last_day AS last_purchase`,
    `CAST(tx_rows AS INTEGER) AS transactions`,
    `CAST(spend AS ${dbl}) AS total_spend`,
  ];
  if (split) {
    cols.push(`CAST(ho_purchases AS ${dbl}) AS holdout_frequency`, `${hoMon} AS holdout_monetary_value`, `${conv(`${endPeriod} - ${calPeriod}`)} AS holdout_T`);
  }
  const from = `customers${boundsJoin ? ' CROSS JOIN bounds' : ''}`;
  let select: string;
  if (engine) {
    cols.push(
      `CAST(purchases AS INTEGER) AS purchases`,
      `CAST(ho_rows AS INTEGER) AS holdout_rows`,
      `CAST(after_rows AS INTEGER) AS after_rows`,
      `CAST(bad_rows AS INTEGER) AS bad_rows`,
      `CAST(missing_date_rows AS INTEGER) AS missing_date_rows`,
      `CAST(bad_date_rows AS INTEGER) AS bad_date_rows`,
      `CAST(missing_amount_rows AS INTEGER) AS missing_amount_rows`,
      `CAST(bad_amount_rows AS INTEGER) AS bad_amount_rows`,
      `min_day`,
      `max_day`,
      deferred ? 'CAST(NULL AS INTEGER) AS end_day' : `${endDay} AS end_day`,
      `CAST(first_p AS INTEGER) AS first_p`,
      `CAST(litt AS ${dbl}) AS litt`,
      `CAST(fields_rows AS INTEGER) AS fields_rows`,
      `CAST(date_range_rows AS INTEGER) AS date_range_rows`,
      `CAST(amount_range_rows AS INTEGER) AS amount_range_rows`,
      `CAST(missing_customer_rows AS INTEGER) AS missing_customer_rows`,
    );
    select = `SELECT ${cols.join(',\n  ')}\nFROM ${from}`;
  } else {
    select = `SELECT ${cols.join(',\n  ')}\nFROM ${from}\nWHERE purchases > 0 AND customer IS NOT NULL AND customer <> ''`;
  }
  if (order) select += '\nORDER BY customer_id';
  const header = `-- clvkit customer summary (unit ${unit}, freq ${freq}${end !== undefined ? `, end ${new Date(end * 864e5).toISOString().slice(0, 10)}` : ', end = last date'}${
    split ? `, calibration end ${new Date(cal! * 864e5).toISOString().slice(0, 10)}` : ''
  }; dialect ${dialect})\n`;
  return `${header}WITH ${ctes.join(',\n')}\n${select}`;
}
