/**
 * Calendar dates as `Day` numbers (days since 1970-01-01, proleptic Gregorian, UTC) and the
 * date formats accepted in transaction files. Parsing works on bytes so the ingest hot loop
 * never allocates a string for a date.
 *
 * Rule for date-times: the calendar date is taken as written (the part before `T` or the
 * space); the time and any UTC offset are ignored, never used to shift the day.
 */
import { ClvkitError } from '../errors.ts';
import type { Day } from '../types.ts';
/** Date formats a user can force with `--date-format`. */
export type DateFormat = 'iso' | 'yyyymmdd' | 'dd/mm/yyyy' | 'mm/dd/yyyy';
export declare const DATE_FORMATS: readonly DateFormat[];
/** Shape of a date value before day/month order is known. */
export declare enum DateShape {
    None = 0,
    Iso = 1,
    Compact = 2,
    /** d/m/y or m/d/y with `/` or `-` separators: the order must be decided. */
    DayMonth = 3,
    /** d.m.y: dotted dates are always day first. */
    Dotted = 4
}
/**
 * Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). No validation.
 * Civil-from-days arithmetic with 400-year eras (the standard era decomposition).
 *
 * @example
 * daysFromCivil(1997, 9, 30) // 10134
 */
export declare function daysFromCivil(y: number, m: number, d: number): Day;
/**
 * Inverse of daysFromCivil: `[year, month (1..12), day]`.
 *
 * @example
 * civilFromDays(10134) // [1997, 9, 30]
 */
export declare function civilFromDays(z: Day): [number, number, number];
/**
 * `YYYY-MM-DD` of a Day.
 *
 * @example
 * formatDay(10134) // '1997-09-30'
 */
export declare function formatDay(day: Day): string;
/** Day of a validated y/m/d, NaN when the date does not exist. Years 1000..9999. */
export declare function validDay(y: number, m: number, d: number): number;
/**
 * Which kind of date the bytes [s, e) look like (no validation of the values).
 *
 * @example
 * dateShape(Buffer.from('31/01/2024'), 0, 10) // DateShape.DayMonth
 */
export declare function dateShape(buf: Uint8Array, s: number, e: number): DateShape;
/**
 * ISO 8601 date `yyyy-mm-dd` (or `yyyy/mm/dd`), optionally followed by `T` or a space and a
 * time `hh:mm[:ss[.fff]][Z|±hh[:mm]]`, which is ignored. NaN when invalid.
 *
 * @example
 * parseIsoBytes(Buffer.from('2024-03-31T23:30:00-05:00'), 0, 25) // daysFromCivil(2024, 3, 31)
 */
export declare function parseIsoBytes(buf: Uint8Array, s: number, e: number): number;
/**
 * `yyyymmdd` (8 digits). NaN when invalid.
 *
 * @example
 * parseCompactBytes(Buffer.from('19970101'), 0, 8) // 9862
 */
export declare function parseCompactBytes(buf: Uint8Array, s: number, e: number): number;
/**
 * Splits `a/b/yyyy` (separator `/`, `-` or `.`, one or two digits for a and b) into
 * `a * 100 + b` and the year: returns `year * 10000 + a * 100 + b`, or -1.
 */
export declare function splitDayMonthBytes(buf: Uint8Array, s: number, e: number): number;
/**
 * Parse one date string in a given format (or any unambiguous format when absent).
 * NaN when it is not a valid date. For files, the ingest decides the day/month order over the
 * whole file; this helper treats `a/b/yyyy` as ambiguous unless a or b is over 12.
 *
 * @example
 * parseDate('1997-01-01') // 9862
 * parseDate('31/01/1997') // 9892
 * parseDate('01/31/1997', 'mm/dd/yyyy') // 9892
 */
export declare function parseDate(text: string, format?: DateFormat): number;
/** The shape parsed for a forced format. */
export declare function formatShape(format: DateFormat): DateShape;
/**
 * A date given on the command line or in options: `YYYY-MM-DD` (or any format parseDate
 * accepts unambiguously), or a Day number. Throws a UsageError naming the option.
 *
 * @example
 * parseDateOption('1997-09-30') // 10134
 * parseDateOption(10134)        // 10134
 */
export declare function parseDateOption(value: string | number, option?: string): Day;
/** Human description of a format for error messages. */
export declare function describeFormat(shape: DateShape, dayFirst: boolean | undefined): string;
/** Throws the ambiguity error that names `--date-format`. */
export declare function ambiguousDatesError(file: string | undefined, example: string): ClvkitError;
//# sourceMappingURL=dates.d.ts.map