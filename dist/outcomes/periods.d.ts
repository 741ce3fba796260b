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
export declare const OUTCOME_PERIODS: readonly OutcomePeriod[];
/**
 * Validate a period name (a UsageError naming the option otherwise).
 *
 * @example
 * outcomePeriod('month') // 'month'
 */
export declare function outcomePeriod(value: string | undefined, fallback?: OutcomePeriod, option?: string): OutcomePeriod;
/**
 * Ordinal of the calendar period holding `day` (consecutive periods have consecutive ordinals).
 * Weeks are ISO weeks starting on Monday; 1970-01-01 was a Thursday.
 *
 * @example
 * periodOrdinal(daysFromCivil(2024, 3, 15), 'month') // 2024 * 12 + 2
 */
export declare function periodOrdinal(day: Day, period: OutcomePeriod): number;
/**
 * First day of the period with this ordinal (inverse of periodOrdinal).
 *
 * @example
 * formatDay(ordinalStart(periodOrdinal(daysFromCivil(2024, 1, 3), 'week'), 'week')) // '2024-01-01' (a Monday)
 */
export declare function ordinalStart(ordinal: number, period: OutcomePeriod): Day;
/**
 * Label of a period: `2024-03-15` (day), `2024-W11` (ISO week), `2024-03`, `2024-Q1`, `2024`.
 *
 * @example
 * periodLabel(periodOrdinal(daysFromCivil(2024, 12, 30), 'week'), 'week') // '2025-W01'
 */
export declare function periodLabel(ordinal: number, period: OutcomePeriod): string;
/**
 * The day `n` periods after `day`: n days, 7n days, or n calendar months (3n, 12n) with the day of
 * month clamped to the month's length (31 January + 1 month = 28 or 29 February).
 *
 * @example
 * formatDay(addPeriods(daysFromCivil(2024, 1, 31), 1, 'month')) // '2024-02-29'
 */
export declare function addPeriods(day: Day, n: number, period: OutcomePeriod): Day;
/**
 * Tenure from `start` to `day` in periods: whole periods k with addPeriods(start, k) <= day, plus the
 * elapsed fraction of the next one. Integer exactly on anniversaries.
 *
 * @example
 * tenure(daysFromCivil(2024, 1, 15), daysFromCivil(2024, 3, 15), 'month') // 2
 */
export declare function tenure(start: Day, day: Day, period: OutcomePeriod): number;
/**
 * Average length of a period in days (month = 365.25/12), for windows such as "the last period".
 *
 * @example
 * periodDays('quarter') // 91.3125
 */
export declare function periodDays(period: OutcomePeriod): number;
//# sourceMappingURL=periods.d.ts.map