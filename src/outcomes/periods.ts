/**
 * Calendar periods for outcomes: days, ISO weeks (Monday to Sunday, ISO 8601), calendar months,
 * quarters and years, all on `Day` numbers (days since 1970-01-01, UTC).
 */
import { UsageError } from '../errors.ts';

/**
 * "No such day" in day columns (CustomerFacts' first, second and last purchase): below every day (days
 * before 1970 are negative, so -1 is a day, 1969-12-31).
 *
 * @example
 * facts.second[c] === NO_DAY; // customer c has no second purchase day by the end
 */
export const NO_DAY = -0x80000000;
import { civilFromDays, daysFromCivil, formatDay } from '../ingest/dates.ts';
import type { Day } from '../types.ts';

/**
 * Reporting period of the outcomes (`--period`).
 *
 * @example
 * const p: OutcomePeriod = 'quarter';
 */
export type OutcomePeriod = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * @example
 * OUTCOME_PERIODS.includes('week'); // true
 */
export const OUTCOME_PERIODS: readonly OutcomePeriod[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Months in a month-based period, 0 for day and week. */
function monthsIn(period: OutcomePeriod): number {
  return period === 'month' ? 1 : period === 'quarter' ? 3 : period === 'year' ? 12 : 0;
}

/**
 * Validate a period name (a UsageError naming the option otherwise).
 *
 * @example
 * outcomePeriod('month') // 'month'
 */
export function outcomePeriod(value: string | undefined, fallback: OutcomePeriod = 'month', option = '--period'): OutcomePeriod {
  if (value === undefined) return fallback;
  if (!(OUTCOME_PERIODS as readonly string[]).includes(value)) throw new UsageError(`${option} must be one of ${OUTCOME_PERIODS.join(', ')}, got "${value}"`);
  return value as OutcomePeriod;
}

/**
 * Ordinal of the calendar period holding `day` (consecutive periods have consecutive ordinals).
 * Weeks are ISO weeks starting on Monday; 1970-01-01 was a Thursday.
 *
 * @example
 * periodOrdinal(daysFromCivil(2024, 3, 15), 'month') // 2024 * 12 + 2
 */
export function periodOrdinal(day: Day, period: OutcomePeriod): number {
  if (period === 'day') return day;
  if (period === 'week') return Math.floor((day + 3) / 7);
  const [y, m] = civilFromDays(day);
  const k = monthsIn(period);
  return y * (12 / k) + Math.floor((m - 1) / k);
}

/**
 * periodOrdinal of every day of a column (NaN where the day is NO_DAY: no purchase), by a lookup
 * table over the days' range when it is under 2^22 days (one date conversion per day, not per entry).
 *
 * @example
 * periodOrdinals(Int32Array.of(19797, NO_DAY, 19800), 'month'); // Float64Array [24242, NaN, 24242]
 */
export function periodOrdinals(days: ArrayLike<number>, period: OutcomePeriod): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    if (d === NO_DAY) continue;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const out = new Float64Array(days.length);
  const table = hi >= lo && hi - lo < 1 << 22 ? new Float64Array(hi - lo + 1) : undefined;
  if (table) for (let d = 0; d < table.length; d++) table[d] = periodOrdinal(lo + d, period);
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    out[i] = d === NO_DAY ? NaN : table ? table[d - lo] : periodOrdinal(d, period);
  }
  return out;
}

/**
 * First day of the period with this ordinal (inverse of periodOrdinal).
 *
 * @example
 * formatDay(ordinalStart(periodOrdinal(daysFromCivil(2024, 1, 3), 'week'), 'week')) // '2024-01-01' (a Monday)
 */
export function ordinalStart(ordinal: number, period: OutcomePeriod): Day {
  if (period === 'day') return ordinal;
  if (period === 'week') return ordinal * 7 - 3;
  const k = monthsIn(period);
  const perYear = 12 / k;
  const y = Math.floor(ordinal / perYear);
  return daysFromCivil(y, (ordinal - y * perYear) * k + 1, 1);
}

/**
 * Label of a period: `2024-03-15` (day), `2024-W11` (ISO week), `2024-03`, `2024-Q1`, `2024`.
 *
 * @example
 * periodLabel(periodOrdinal(daysFromCivil(2024, 12, 30), 'week'), 'week') // '2025-W01'
 */
export function periodLabel(ordinal: number, period: OutcomePeriod): string {
  const start = ordinalStart(ordinal, period);
  if (period === 'day') return formatDay(start);
  const [y, m] = civilFromDays(start);
  if (period === 'month') return `${y}-${m < 10 ? '0' : ''}${m}`;
  if (period === 'quarter') return `${y}-Q${(m + 2) / 3}`;
  if (period === 'year') return String(y);
  // ISO 8601 week: the week belongs to the year of its Thursday; week 1 holds the year's first Thursday.
  const thursday = start + 3;
  const [wy] = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(wy, 1, 1)) / 7) + 1;
  return `${wy}-W${week < 10 ? '0' : ''}${week}`;
}

/**
 * The day `n` periods after `day`: n days, 7n days, or n calendar months (3n, 12n) with the day of
 * month clamped to the month's length (31 January + 1 month = 28 or 29 February).
 *
 * @example
 * formatDay(addPeriods(daysFromCivil(2024, 1, 31), 1, 'month')) // '2024-02-29'
 */
export function addPeriods(day: Day, n: number, period: OutcomePeriod): Day {
  if (period === 'day') return day + n;
  if (period === 'week') return day + 7 * n;
  const [y, m, d] = civilFromDays(day);
  const total = y * 12 + (m - 1) + n * monthsIn(period);
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const last = daysFromCivil(nm === 12 ? ny + 1 : ny, nm === 12 ? 1 : nm + 1, 1) - daysFromCivil(ny, nm, 1);
  return daysFromCivil(ny, nm, Math.min(d, last));
}

/**
 * Tenure from `start` to `day` in periods: whole periods k with addPeriods(start, k) <= day, plus the
 * elapsed fraction of the next one. Integer exactly on anniversaries.
 *
 * @example
 * tenure(daysFromCivil(2024, 1, 15), daysFromCivil(2024, 3, 15), 'month') // 2
 */
export function tenure(start: Day, day: Day, period: OutcomePeriod): number {
  if (period === 'day') return day - start;
  if (period === 'week') return (day - start) / 7;
  const k = monthsIn(period);
  const [y0, m0] = civilFromDays(start);
  const [y1, m1] = civilFromDays(day);
  let whole = Math.floor(((y1 - y0) * 12 + (m1 - m0)) / k) + 1;
  while (addPeriods(start, whole, period) > day) whole--;
  const a = addPeriods(start, whole, period);
  const b = addPeriods(start, whole + 1, period);
  return whole + (day - a) / (b - a);
}

/**
 * Average length of a period in days (month = 365.25/12), for windows such as "the last period".
 *
 * @example
 * periodDays('quarter') // 91.3125
 */
export function periodDays(period: OutcomePeriod): number {
  return period === 'day' ? 1 : period === 'week' ? 7 : (365.25 / 12) * monthsIn(period);
}
