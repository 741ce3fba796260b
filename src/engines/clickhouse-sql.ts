/**
 * The customer summary as one ClickHouse statement (the definitions of sql.ts, same output
 * columns), written for what ClickHouse 18.16 accepts and distributes:
 *
 * - no CTEs and no window functions there, so the stages are nested subqueries and the
 *   "repeat purchases" sum (ROW_NUMBER k > 1 in sql.ts) is the sum over purchase periods after
 *   the first one, taken from the per-customer arrays of periods and nets;
 * - the first GROUP BY (customer, side, period) is in the SELECT that reads the table, with every
 *   row expression inlined, so over a Distributed table each shard scans and aggregates its own
 *   rows and only partial groups travel; the per-customer stage runs on the server that received
 *   the query; only the per-customer rows (or the histogram) come back to clvkit;
 * - dates are `toDate('yyyy-mm-dd')` and days since 1970 `toUInt16(date)`.
 */
import { UsageError } from '../errors.ts';
import { parseDateOption } from '../ingest/dates.ts';
import { periodTable, unitDays } from '../summary/summarize.ts';
import type { Day, PeriodUnit } from '../types.ts';
import { SIDE, qualifiedName, quoteIdent, type SqlSource, type SummarySqlSpec } from './sql.ts';

const UNITS: readonly PeriodUnit[] = ['day', 'week', 'month'];

/**
 * A ClickHouse string literal: single quotes, with backslashes and quotes escaped (ClickHouse
 * reads backslash escapes in literals).
 *
 * @example
 * clickhouseLiteral("it's") // "'it\\'s'"
 */
export function clickhouseLiteral(value: string): string {
  if (value.includes('\u0000')) throw new UsageError('a SQL string cannot contain a NUL character');
  return "'" + value.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
}

/** Days since 1970-01-01 of a ClickHouse Date expression. */
export function clickhouseDaySql(dateExpr: string): string {
  return `toInt32(toUInt16(${dateExpr}))`;
}

/** `toDate('yyyy-mm-dd')` of a Day. */
export function clickhouseDateLiteral(day: Day): string {
  return `toDate('${new Date(day * 86_400_000).toISOString().slice(0, 10)}')`;
}

/** Period number (summarize.ts periodTable): day, Monday-start week floor((day − 4) / 7), or year × 12 + month − 1. */
function periodCh(unit: PeriodUnit, dateExpr: string, dayExpr: string): string {
  if (unit === 'day') return dayExpr;
  if (unit === 'week') return `toInt32(floor((${dayExpr} - 4) / 7))`;
  return `(toInt32(toYear(${dateExpr})) * 12 + toInt32(toMonth(${dateExpr})) - 1)`;
}

/** Default expressions over a table's named columns (the printable statement and typed tables). */
export function clickhouseColumnSource(relation: string, cols: { customer: string; date: string; amount?: string }): SqlSource {
  return {
    relation,
    customer: `toString(${quoteIdent(cols.customer)})`,
    date: `toDate(${quoteIdent(cols.date)})`,
    amount: cols.amount !== undefined ? `toFloat64(${quoteIdent(cols.amount)})` : undefined,
  };
}

/**
 * The summary as one ClickHouse statement (output 'customers' or 'engine' as summarySql).
 * Without `end` and without `deferEnd`, the end is a scalar subquery over the source.
 *
 * @example
 * const sql = clickhouseSummarySql({ dialect: 'duckdb', source: 'orders', end: '1997-09-30' });
 */
export function clickhouseSummarySql(spec: Omit<SummarySqlSpec, 'dialect'> & { dialect?: string }): string {
  const unit = spec.unit ?? 'day';
  const freq = spec.freq ?? 'week';
  if (!UNITS.includes(unit)) throw new UsageError(`--unit: expected day, week or month, got "${unit}"`);
  if (!UNITS.includes(freq)) throw new UsageError(`--freq: expected day, week or month, got "${freq}"`);
  const src: SqlSource =
    typeof spec.source === 'string'
      ? clickhouseColumnSource(qualifiedName(spec.source), spec.columns ?? { customer: 'customer_id', date: 'date', amount: 'amount' })
      : spec.source;
  const engine = spec.output === 'engine';
  const order = spec.orderByCustomer ?? !engine;
  const end = spec.end === undefined ? undefined : parseDateOption(spec.end, '--end');
  const split = spec.calibrationEnd !== undefined;
  const cal = split ? parseDateOption(spec.calibrationEnd!, '--calibration-end') : end;
  if (split && end !== undefined && cal! >= end) throw new UsageError('--calibration-end must be before the end of observation');
  const hasAmount = src.amount !== undefined;

  const conv = (periods: string) =>
    unit === freq ? `toFloat64(${periods})` : `toFloat64(${periods}) * toFloat64(${unitDays(unit)}) / toFloat64(${unitDays(freq)})`;
  const C = src.customer;
  const D = src.date;
  const A = src.amount ?? 'CAST(NULL AS Nullable(Float64))';
  const dateFlag = src.dateFlag ?? `multiIf(isNull(${D}), 1, 0)`;
  const amountFlag = hasAmount ? (src.amountFlag ?? `multiIf(isNull(${A}), 1, 0)`) : '0';
  const day = clickhouseDaySql(D);
  const periodOfDay = (d: Day) => periodTable(d, 1, unit)[0];

  const deferred = engine && end === undefined && spec.deferEnd === true;
  let endDay: string;
  let endPeriod: string;
  let calDay: string;
  let calPeriod: string;
  let endDayOut: string | undefined;
  if (deferred) {
    endDay = '2147483647';
    endPeriod = 'NULL';
    calDay = split ? String(cal) : endDay;
    calPeriod = split ? String(periodOfDay(cal!)) : 'NULL';
  } else if (end !== undefined) {
    endDay = String(end);
    endPeriod = String(periodOfDay(end));
    calDay = String(cal);
    calPeriod = String(periodOfDay(cal!));
  } else {
    // The end is the last valid date: no row is after it, so the shards classify rows without it
    // (a scalar subquery inside the distributed part is not executable on ClickHouse 18.16); only
    // the final stage, on the receiving server, needs its period, from a scalar subquery there.
    const endDt = `(SELECT max(${D}) FROM ${src.relation} WHERE NOT (isNull(${C}) OR ${C} = '') AND ${dateFlag} = 0 AND ${amountFlag} = 0)`;
    endDay = '2147483647';
    endPeriod = periodCh(unit, endDt, clickhouseDaySql(endDt));
    endDayOut = clickhouseDaySql(endDt);
    if (split) {
      calDay = String(cal);
      calPeriod = String(periodOfDay(cal!));
    } else {
      calDay = endDay;
      calPeriod = endPeriod;
    }
  }
  // Row side, as sql.ts SIDE: missing customer, bad date / amount, after end, holdout, calibration.
  const side =
    `multiIf(isNull(${C}) OR ${C} = '', ${SIDE.missingCustomer}, ${dateFlag} = 1, ${SIDE.missingDate}, ${dateFlag} = 2, ${SIDE.badDate}, ` +
    `${amountFlag} = 1, ${SIDE.missingAmount}, ${amountFlag} = 2, ${SIDE.badAmount}, ${day} > ${endDay}, ${SIDE.afterEnd}, ` +
    `${day} > ${calDay}, ${SIDE.holdout}, ${SIDE.calibration})`;
  // Stage 1 (on the shards): one group per customer, side and purchase period.
  const periods =
    `SELECT ${C} AS clvkit_customer, ${side} AS clvkit_side,\n` +
    `    if(clvkit_side <= ${SIDE.holdout}, ${periodCh(unit, D, day)}, 0) AS clvkit_p,\n` +
    `    count() AS n_rows, sum(${A}) AS net,\n` +
    `    max(multiIf(${A} < 0, 1, 0)) AS has_return,\n` +
    `    min(CASE WHEN ${A} >= 0 THEN ${day} END) AS first_purchase_day,\n` +
    `    min(${day}) AS min_d, max(${day}) AS max_d\n` +
    `  FROM ${src.relation}\n  GROUP BY clvkit_customer, clvkit_side, clvkit_p`;
  // A period is a purchase when it has no return rows or its net amount is positive.
  const flagged =
    `SELECT clvkit_customer AS customer, clvkit_side AS side, clvkit_p AS p, n_rows, net, first_purchase_day, min_d, max_d,\n` +
    `    multiIf(clvkit_side <= ${SIDE.holdout} AND (has_return = 0 OR net > 0), 1, 0) AS purchase\n  FROM (\n  ${periods}\n  )`;
  const cp = `side = ${SIDE.calibration} AND purchase = 1`;
  const hp = `side = ${SIDE.holdout} AND purchase = 1`;
  const customers =
    `SELECT customer,\n` +
    `    sum(multiIf(${cp}, 1, 0)) AS purchases,\n` +
    `    min(CASE WHEN ${cp} THEN p END) AS first_p,\n` +
    `    max(CASE WHEN ${cp} THEN p END) AS last_p,\n` +
    `    min(CASE WHEN ${cp} THEN ifNull(first_purchase_day, min_d) END) AS first_day,\n` +
    `    max(CASE WHEN ${cp} THEN max_d END) AS last_day,\n` +
    `    groupArrayIf(p, ${cp}) AS purchase_periods,\n` +
    (hasAmount ? `    groupArrayIf(ifNull(net, 0), ${cp}) AS purchase_nets,\n` : '') +
    `    sum(multiIf(side = ${SIDE.calibration}, n_rows, 0)) AS tx_rows,\n` +
    `    sum(CASE WHEN side = ${SIDE.calibration} THEN net END) AS spend,\n` +
    `    sum(multiIf(side = ${SIDE.holdout}, n_rows, 0)) AS ho_rows,\n` +
    `    sum(multiIf(${hp}, 1, 0)) AS ho_purchases,\n` +
    `    sum(multiIf(${hp}, ifNull(net, 0), 0)) AS ho_sum,\n` +
    `    sum(multiIf(side = ${SIDE.afterEnd}, n_rows, 0)) AS after_rows,\n` +
    `    sum(multiIf(side > ${SIDE.afterEnd}, n_rows, 0)) AS bad_rows,\n` +
    `    min(CASE WHEN side = ${SIDE.missingDate} THEN n_rows END) AS missing_date_rows,\n` +
    `    min(CASE WHEN side = ${SIDE.badDate} THEN n_rows END) AS bad_date_rows,\n` +
    `    min(CASE WHEN side = ${SIDE.missingAmount} THEN n_rows END) AS missing_amount_rows,\n` +
    `    min(CASE WHEN side = ${SIDE.badAmount} THEN n_rows END) AS bad_amount_rows,\n` +
    `    min(CASE WHEN side <= ${SIDE.afterEnd} THEN min_d END) AS min_day,\n` +
    `    max(CASE WHEN side <= ${SIDE.afterEnd} THEN max_d END) AS max_day\n` +
    `  FROM (\n  ${flagged}\n  )\n  GROUP BY customer`;
  const nullF = 'CAST(NULL AS Nullable(Float64))';
  // Mean of the repeat purchases: the nets of the purchase periods after the first (sql.ts: k > 1).
  const mon = hasAmount
    ? `multiIf(purchases > 1, arraySum(arrayFilter((v, q) -> q > ifNull(first_p, 0), purchase_nets, purchase_periods)) / (purchases - 1), 0)`
    : nullF;
  const hoMon = hasAmount ? `multiIf(ho_purchases > 0, ho_sum / ho_purchases, 0)` : nullF;
  const cols = [
    `customer AS customer_id`,
    `toFloat64(purchases - 1) AS frequency`,
    `${conv('last_p - first_p')} AS recency`,
    `${conv(`${calPeriod} - first_p`)} AS "T"`,
    `${mon} AS monetary_value`,
    `first_day AS first_purchase`,
    `last_day AS last_purchase`,
    `toInt64(tx_rows) AS transactions`,
    `${hasAmount ? 'toFloat64(spend)' : nullF} AS total_spend`,
  ];
  if (split) cols.push(`toFloat64(ho_purchases) AS holdout_frequency`, `${hoMon} AS holdout_monetary_value`, `${conv(`${endPeriod} - ${calPeriod}`)} AS holdout_T`);
  let select: string;
  if (engine) {
    cols.push(
      `toInt64(purchases) AS purchases`,
      `toInt64(ho_rows) AS holdout_rows`,
      `toInt64(after_rows) AS after_rows`,
      `toInt64(bad_rows) AS bad_rows`,
      `missing_date_rows`,
      `bad_date_rows`,
      `missing_amount_rows`,
      `bad_amount_rows`,
      `min_day`,
      `max_day`,
      deferred ? 'CAST(NULL AS Nullable(Int32)) AS end_day' : `${endDayOut ?? endDay} AS end_day`,
      `first_p`,
      // Σ log inter-purchase time in freq units over the sorted purchase periods (summarize.ts litt, the CNBD-k timing statistic).
      `toFloat64(arraySum(arrayMap((a, b) -> log(${conv('a - b')}), arraySlice(arraySort(purchase_periods), 2), ` +
        `arraySlice(arraySort(purchase_periods), 1, greatest(length(purchase_periods) - 1, 0))))) AS litt`,
    );
    select = `SELECT ${cols.join(',\n  ')}\nFROM (\n  ${customers}\n)`;
  } else {
    select = `SELECT ${cols.join(',\n  ')}\nFROM (\n  ${customers}\n)\nWHERE purchases > 0 AND NOT (isNull(customer) OR customer = '')`;
  }
  if (order) select += '\nORDER BY customer_id';
  const fmt = (d: Day) => new Date(d * 864e5).toISOString().slice(0, 10);
  const header = `-- clvkit customer summary (unit ${unit}, freq ${freq}${end !== undefined ? `, end ${fmt(end)}` : ', end = last date'}${
    split ? `, calibration end ${fmt(cal!)}` : ''
  }; dialect clickhouse)\n`;
  return header + select;
}

/**
 * The (frequency, recency, T, count) histogram as one ClickHouse statement.
 *
 * @example
 * const sql = clickhouseHistogramSql({ source: 'orders', end: '1997-09-30' });
 */
export function clickhouseHistogramSql(spec: Omit<SummarySqlSpec, 'dialect'>): string {
  const inner = clickhouseSummarySql({ ...spec, output: 'customers', orderByCustomer: false });
  const body = inner.replace(/^--[^\n]*\n/, '');
  const header = inner.match(/^--[^\n]*\n/)?.[0].replace('customer summary', '(frequency, recency, T) histogram') ?? '';
  return `${header}SELECT frequency, recency, "T", count() AS n\nFROM (\n${body}\n)\nGROUP BY frequency, recency, "T"\nORDER BY frequency, recency, "T"`;
}
