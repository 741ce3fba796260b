/**
 * The DuckDB engine's own summary statement: the same figures as summarySql's 'engine' output, in
 * fewer operations. summarySql's engine variant is portable SQL (it runs on PostgreSQL too): two
 * hash aggregations with some twenty CASE aggregates each, a window over every purchase period and
 * twenty-six output columns, most of them NULL. On the 1M-customer log DuckDB spent 2.5 s of wall
 * time in it (4.7 s of CPU on two threads). This one, 2.1 s (docs/engines.md):
 * - bad rows leave the customer grouping at once: one group per reason (customer NULL, `bad` = the
 *   reason's side code), so no per-customer reason columns;
 * - with day periods a period is one day, so its first, last and first-purchase days are the
 *   period itself: no min/max of days per period;
 * - the window (LAG over each customer's purchase periods) stays: it gives the CNBD-k timing statistic
 *   `litt`, and its order makes the repeat and total spend sums add in period order, as the node engine
 *   adds them, so both engines give the same doubles (a window-free repeat spend, the total less the
 *   first period, saved 0.35 s at 1M but differed in the last digits: measured and not kept);
 * - frequency, recency, T and the means are computed by the collector (duckdb-collect.ts) from the
 *   counts and periods, with summarize.ts's double operations; every column is non-NULL (NaN for no
 *   amounts), so reading a value is one typed-array load.
 */
import { UsageError } from '../errors.ts';
import { parseDateOption } from '../ingest/dates.ts';
import { unitDays } from '../summary/summarize.ts';
import type { Day, PeriodUnit } from '../types.ts';
import { SIDE, daySql, periodSql, txCte, type SqlSource } from './sql.ts';

/** What duckDbSummarySql needs: a source, the periods, the end (or the last date), the calibration end. */
export interface DuckDbSummarySpec {
  source: SqlSource;
  unit?: PeriodUnit;
  freq?: PeriodUnit;
  /** End of observation; without it every valid row is in the window and the end is the last valid date (the collector's max day). */
  end?: string | Day;
  calibrationEnd?: string | Day;
  /** ORDER BY customer id (customers first, the per-reason bad-row groups last). */
  orderByCustomer?: boolean;
}

/**
 * Output columns of duckDbSummarySql, in order, then DUCKDB_HOLDOUT_COLUMNS (with a calibration end)
 * and `litt`. `repeat_sum` is the net of the calibration purchase periods after the first.
 */
export const DUCKDB_SUMMARY_COLUMNS = [
  'customer',
  'bad',
  'rows',
  'purchases',
  'first_p',
  'last_p',
  'first_day',
  'last_day',
  'repeat_sum',
  'tx_rows',
  'spend',
  'after_rows',
  'min_day',
  'max_day',
] as const;
export const DUCKDB_HOLDOUT_COLUMNS = ['ho_rows', 'ho_purchases', 'ho_sum'] as const;

const UNITS: readonly PeriodUnit[] = ['day', 'week', 'month'];

/**
 * The DuckDB engine's summary statement: one row per customer of the source (excluded ones too)
 * and one per bad-row reason (customer NULL); columns as DUCKDB_SUMMARY_COLUMNS says.
 *
 * @example
 * const sql = duckDbSummarySql({ source: duckDbCsvSource('orders.csv', {}, true).source, end: '2024-12-31' });
 */
export function duckDbSummarySql(spec: DuckDbSummarySpec): string {
  const unit = spec.unit ?? 'day';
  const freq = spec.freq ?? 'week';
  if (!UNITS.includes(unit)) throw new UsageError(`--unit: expected day, week or month, got "${unit}"`);
  if (!UNITS.includes(freq)) throw new UsageError(`--freq: expected day, week or month, got "${freq}"`);
  const src = spec.source;
  const end = spec.end === undefined ? undefined : parseDateOption(spec.end, '--end');
  const split = spec.calibrationEnd !== undefined;
  const cal = split ? parseDateOption(spec.calibrationEnd!, '--calibration-end') : end;
  if (split && end !== undefined && cal! >= end) throw new UsageError('--calibration-end must be before the end of observation');
  // Without an end every valid row is in the window: the end is the last valid date, known to the collector.
  const endDay = end === undefined ? '2147483647' : String(end);
  const calDay = cal === undefined ? endDay : String(cal);
  const conv = (periods: string) => (unit === freq ? `CAST(${periods} AS DOUBLE)` : `CAST(${periods} AS DOUBLE) * CAST(${unitDays(unit)} AS DOUBLE) / CAST(${unitDays(freq)} AS DOUBLE)`);

  const dateFlag = src.dateFlag ?? `CASE WHEN ${src.date} IS NULL THEN 1 ELSE 0 END`;
  const amountFlag = src.amount === undefined ? '0' : (src.amountFlag ?? `CASE WHEN ${src.amount} IS NULL THEN 1 ELSE 0 END`);
  const amount = src.amount ?? 'CAST(NULL AS DOUBLE)';
  const d = daySql('dt');
  const day = unit === 'day';
  const ctes: string[] = [];
  ctes.push(
    `src AS (\n  SELECT ${src.customer} AS customer, ${src.date} AS dt, ${amount} AS amount,\n` +
      `    ${dateFlag} AS date_flag, ${amountFlag} AS amount_flag, ${src.fieldsFlag ?? '0'} AS fields_flag\n  FROM ${src.relation}\n)`,
  );
  ctes.push(txCte(d, endDay, calDay, 'src'));
  // One group per customer, side and period; rows after the end one group per customer (per day with day periods);
  // bad rows one group per reason, without their customer.
  const p = day
    ? `CASE WHEN side <= ${SIDE.afterEnd} THEN d END`
    : `CASE WHEN side <= ${SIDE.holdout} THEN ${periodSql('duckdb', unit, 'dt', 'd')} END`;
  const dayAggregates = day ? '' : `,\n    min(d) FILTER (WHERE amount >= 0) AS first_purchase_day, min(d) AS min_d, max(d) AS max_d`;
  ctes.push(
    `periods AS (\n  SELECT CASE WHEN side <= ${SIDE.afterEnd} THEN customer END AS customer, side, ${p} AS p,\n` +
      `    count(*) AS n, sum(amount) AS net, min(amount) AS lo${dayAggregates}\n` +
      `  FROM tx\n  GROUP BY ALL\n)`,
  );
  // A period is a purchase when it has no returns or its net amount is positive (summarize.ts).
  const purchase = `(side <= ${SIDE.holdout} AND (lo >= 0 OR net > 0 OR lo IS NULL))`;
  // each purchase period's previous one (litt), the rows ordered by period within each customer (the sums' order)
  ctes.push(`numbered AS (\n  SELECT periods.*, LAG(p) OVER (PARTITION BY customer, side, ${purchase} ORDER BY p) AS prev_p\n  FROM periods\n)`);
  const from = 'numbered';
  // Within a customer's group every row is valid (bad rows have groups of their own). Without an end and a
  // calibration end every valid row is a calibration row: the side tests go away.
  const onlyCalibration = end === undefined && !split;
  const nan = `CAST('NaN' AS DOUBLE)`;
  const calOnly = (x: string) => (onlyCalibration ? x : `CASE WHEN side = ${SIDE.calibration} THEN ${x} END`);
  // The calibration purchase periods' values (NULL elsewhere): aggregates skip NULLs, cheaper than FILTER clauses.
  const inner = [
    `${from}.*`,
    `CASE WHEN side > ${SIDE.afterEnd} THEN side ELSE 0 END AS bad`,
    `CASE WHEN side = ${SIDE.calibration} AND ${purchase} THEN p END AS pc`,
    `CASE WHEN side = ${SIDE.calibration} AND ${purchase} THEN net END AS netc`,
  ];
  if (split) inner.push(`CASE WHEN side = ${SIDE.holdout} AND ${purchase} THEN net END AS neth`, `CASE WHEN side = ${SIDE.holdout} AND ${purchase} THEN 1 END AS ph`);
  if (!day) inner.push(`CASE WHEN side = ${SIDE.calibration} AND ${purchase} THEN coalesce(first_purchase_day, min_d) END AS fdc`, `CASE WHEN side = ${SIDE.calibration} AND ${purchase} THEN max_d END AS ldc`);
  const firstDay = day ? 'first_p' : 'coalesce(min(fdc), 0)';
  const lastDay = day ? 'last_p' : 'coalesce(max(ldc), 0)';
  // Repeat spend: the purchase periods after the first (the window's prev_p).
  const repeatSum = 'coalesce(sum(CASE WHEN prev_p IS NOT NULL THEN netc END), 0)';
  const cols = [
    'customer',
    'bad',
    'CAST(sum(n) AS INTEGER) AS rows',
    'CAST(count(pc) AS INTEGER) AS purchases',
    'coalesce(min(pc), 0) AS first_p',
    'coalesce(max(pc), 0) AS last_p',
    `${firstDay} AS first_day`,
    `${lastDay} AS last_day`,
    `${src.amount === undefined ? nan : repeatSum} AS repeat_sum`,
    `CAST(coalesce(sum(${calOnly('n')}), 0) AS INTEGER) AS tx_rows`,
    `coalesce(sum(${calOnly('net')}), ${nan}) AS spend`,
    `${end === undefined ? '0' : `CAST(coalesce(sum(CASE WHEN side = ${SIDE.afterEnd} THEN n END), 0) AS INTEGER)`} AS after_rows`,
    `coalesce(${day ? 'min(p)' : 'min(min_d)'}, 0) AS min_day`,
    `coalesce(${day ? 'max(p)' : 'max(max_d)'}, 0) AS max_day`,
  ];
  if (split) {
    cols.push(
      `CAST(coalesce(sum(CASE WHEN side = ${SIDE.holdout} THEN n END), 0) AS INTEGER) AS ho_rows`,
      'CAST(count(ph) AS INTEGER) AS ho_purchases',
      `coalesce(sum(neth), ${src.amount === undefined ? nan : '0'}) AS ho_sum`,
    );
  }
  // Σ log inter-purchase time in freq units (the CNBD-k timing statistic, summarize.ts litt).
  cols.push(`coalesce(sum(CASE WHEN prev_p IS NOT NULL THEN ln(${conv('pc - prev_p')}) END), 0) AS litt`);
  const select =
    `SELECT ${cols.join(',\n  ')}\nFROM (SELECT ${inner.join(',\n    ')}\n  FROM ${from})\nGROUP BY customer, bad` +
    (spec.orderByCustomer ? '\nORDER BY customer NULLS LAST, bad' : '');
  const header = `-- clvkit customer summary for the DuckDB engine (unit ${unit}, freq ${freq}${end !== undefined ? `, end ${formatDayLiteral(end)}` : ', end = last date'}${
    split ? `, calibration end ${formatDayLiteral(cal!)}` : ''
  })\n`;
  return `${header}WITH ${ctes.join(',\n')}\n${select}`;
}

function formatDayLiteral(day: Day): string {
  return new Date(day * 864e5).toISOString().slice(0, 10);
}
