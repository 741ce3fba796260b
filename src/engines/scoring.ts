/**
 * Scoring and sufficient statistics in SQL, so a very large base is scored where it lives:
 * BG/NBD P(alive) is closed-form and becomes one SQL expression; the (frequency, recency, T)
 * histogram is a GROUP BY over the summary statement.
 */
import { UsageError } from '../errors.ts';
import type { BgNbdParams } from '../models/bgnbd.ts';
import { quoteIdent, quoteIdentFor, summarySql, type SqlDialect, type SummarySqlSpec } from './sql.ts';

function num(v: number, name: string): string {
  if (!(v > 0) || !Number.isFinite(v)) throw new UsageError(`bgnbd parameter ${name} must be a positive finite number, got ${v}`);
  return String(v);
}

/**
 * BG/NBD P(alive | x, t_x, T) as an SQL expression over three columns (names quoted here):
 * 1 when x = 0, else 1 / (1 + a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x))
 * (Fader, Hardie & Lee 2005a, appendix; their note "Computing P(alive) using the BG/NBD model", eq. 2),
 * computed in log space with the log-odds clamped to ±700 so that neither engine's EXP overflows
 * (PostgreSQL raises an error on float overflow and underflow; the clamp changes P by < 1e-300).
 *
 * @example
 * const expr = bgNbdProbabilityAliveSql({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * // SELECT customer_id, <expr> AS p_alive FROM summary
 */
export function bgNbdProbabilityAliveSql(
  params: BgNbdParams,
  columns: { frequency?: string; recency?: string; T?: string } = {},
  dialect: SqlDialect = 'duckdb',
): string {
  const dbl = dialect === 'postgres' ? 'DOUBLE PRECISION' : 'DOUBLE';
  const c = (v: string) => `CAST(${v} AS ${dbl})`;
  const x = c(quoteIdent(columns.frequency ?? 'frequency'));
  const tx = c(quoteIdent(columns.recency ?? 'recency'));
  const T = c(quoteIdent(columns.T ?? 'T'));
  const r = c(num(params.r, 'r'));
  const alpha = c(num(params.alpha, 'alpha'));
  const a = c(num(params.a, 'a'));
  const b = c(num(params.b, 'b'));
  const u = `LN(${a} / (${b} + ${x} - 1)) + (${r} + ${x}) * (LN(${alpha} + ${T}) - LN(${alpha} + ${tx}))`;
  return `(CASE WHEN ${x} = 0 THEN ${c('1')} ELSE ${c('1')} / (1 + EXP(LEAST(GREATEST(${u}, -700), 700))) END)`;
}

/**
 * The (frequency, recency, T, count) histogram of the summary as one statement: what a fit needs,
 * a few thousand rows whatever the number of customers (see src/summary/histogram.ts).
 *
 * @example
 * const sql = summaryHistogramSql({ dialect: 'postgres', source: 'orders', end: '2024-12-31' });
 */
export function summaryHistogramSql(spec: SummarySqlSpec): string {
  const inner = summarySql({ ...spec, output: 'customers', orderByCustomer: false });
  const body = inner.replace(/^--[^\n]*\n/, '');
  const header = inner.match(/^--[^\n]*\n/)?.[0].replace('customer summary', '(frequency, recency, T) histogram') ?? '';
  const T = quoteIdentFor(spec.dialect, 'T'); // backticks in BigQuery and Spark, where "T" would be a string
  return `${header}SELECT frequency, recency, ${T}, COUNT(*) AS n\nFROM (\n${body}\n) AS summary\nGROUP BY frequency, recency, ${T}\nORDER BY frequency, recency, ${T}`;
}
