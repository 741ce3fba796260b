/**
 * Calendar dates as `Day` numbers (days since 1970-01-01, proleptic Gregorian, UTC) and the
 * date formats accepted in transaction files. Parsing works on bytes so the ingest hot loop
 * never allocates a string for a date.
 *
 * Rule for date-times: the calendar date is taken as written (the part before `T` or the
 * space); the time and any UTC offset are ignored, never used to shift the day.
 */
import { ClvkitError, UsageError } from '../errors.ts';
import type { Day } from '../types.ts';

/** Date formats a user can force with `--date-format`. */
export type DateFormat = 'iso' | 'yyyymmdd' | 'dd/mm/yyyy' | 'mm/dd/yyyy';

export const DATE_FORMATS: readonly DateFormat[] = ['iso', 'yyyymmdd', 'dd/mm/yyyy', 'mm/dd/yyyy'];

/** Shape of a date value before day/month order is known. */
export enum DateShape {
  None = 0,
  Iso = 1,
  Compact = 2,
  /** d/m/y or m/d/y with `/` or `-` separators: the order must be decided. */
  DayMonth = 3,
  /** d.m.y: dotted dates are always day first. */
  Dotted = 4,
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). No validation.
 * Civil-from-days arithmetic with 400-year eras (the standard era decomposition).
 *
 * @example
 * daysFromCivil(1997, 9, 30) // 10134
 */
export function daysFromCivil(y: number, m: number, d: number): Day {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Inverse of daysFromCivil: `[year, month (1..12), day]`.
 *
 * @example
 * civilFromDays(10134) // [1997, 9, 30]
 */
export function civilFromDays(z: Day): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/**
 * `YYYY-MM-DD` of a Day.
 *
 * @example
 * formatDay(10134) // '1997-09-30'
 */
export function formatDay(day: Day): string {
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Day of a validated y/m/d, NaN when the date does not exist. Years 1000..9999. */
export function validDay(y: number, m: number, d: number): number {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}

const D0 = 48;

function digit(b: number): number {
  const v = b - D0;
  return v >= 0 && v <= 9 ? v : -1;
}

/** Two ASCII digits at i, or -1. */
function two(buf: Uint8Array, i: number): number {
  const a = digit(buf[i]);
  const b = digit(buf[i + 1]);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

function four(buf: Uint8Array, i: number): number {
  const a = two(buf, i);
  const b = two(buf, i + 2);
  return a < 0 || b < 0 ? -1 : a * 100 + b;
}

/**
 * Which kind of date the bytes [s, e) look like (no validation of the values).
 *
 * @example
 * dateShape(Buffer.from('31/01/2024'), 0, 10) // DateShape.DayMonth
 */
export function dateShape(buf: Uint8Array, s: number, e: number): DateShape {
  // a day-month date with a time after it (`31/01/2024 14:26`): the shape of the date
  const daySep = (b: number) => b === 47 || b === 45 || b === 46;
  // (a separator in the second or third byte: never an ISO date, whose year comes first)
  if (e - s > 10 && (daySep(buf[s + 1]) || daySep(buf[s + 2]))) e = dayMonthEnd(buf, s, e);
  const n = e - s;
  if (n >= 10 && (buf[s + 4] === 45 || buf[s + 4] === 47) && digit(buf[s]) >= 0 && digit(buf[s + 3]) >= 0) return DateShape.Iso;
  if (n === 8 && four(buf, s) >= 0 && four(buf, s + 4) >= 0) return DateShape.Compact;
  if (n >= 8 && n <= 10) {
    for (let i = s + 1; i < s + 3; i++) {
      const b = buf[i];
      if (b === 47 || b === 45) return DateShape.DayMonth;
      if (b === 46) return DateShape.Dotted;
    }
  }
  return DateShape.None;
}

/**
 * ISO 8601 date `yyyy-mm-dd` (or `yyyy/mm/dd`), optionally followed by `T` or a space and a
 * time `hh:mm[:ss[.fff]][Z|±hh[:mm]]`, which is ignored. NaN when invalid.
 *
 * @example
 * parseIsoBytes(Buffer.from('2024-03-31T23:30:00-05:00'), 0, 25) // daysFromCivil(2024, 3, 31)
 */
export function parseIsoBytes(buf: Uint8Array, s: number, e: number): number {
  if (e - s < 10) return NaN;
  const sep = buf[s + 4];
  if ((sep !== 45 && sep !== 47) || buf[s + 7] !== sep) return NaN;
  const y = four(buf, s);
  const m = two(buf, s + 5);
  const d = two(buf, s + 8);
  if (y < 0 || m < 0 || d < 0) return NaN;
  if (e - s > 10 && !validTime(buf, s + 10, e)) return NaN;
  return validDay(y, m, d);
}

/**
 * `T` or space, hh:mm, then only time/offset characters: the part after an ISO date that parseIsoBytes accepts
 * (and ignores).
 *
 * @example
 * validTime(Buffer.from('2024-03-31T23:30:00-05:00'), 10, 25) // true
 */
export function validTime(buf: Uint8Array, i: number, e: number): boolean {
  const t = buf[i];
  if ((t !== 84 && t !== 32) || e - i < 6) return false;
  if (two(buf, i + 1) < 0 || buf[i + 3] !== 58 || two(buf, i + 4) < 0) return false;
  for (let k = i + 6; k < e; k++) {
    const b = buf[k];
    // digits : . , + - Z z
    if (!((b >= 48 && b <= 58) || b === 46 || b === 44 || b === 43 || b === 45 || b === 90 || b === 122)) return false;
  }
  return true;
}

/**
 * `yyyymmdd` (8 digits). NaN when invalid.
 *
 * @example
 * parseCompactBytes(Buffer.from('19970101'), 0, 8) // 9862
 */
export function parseCompactBytes(buf: Uint8Array, s: number, e: number): number {
  if (e - s !== 8) return NaN;
  const y = four(buf, s);
  const m = two(buf, s + 4);
  const d = two(buf, s + 6);
  if (y < 0 || m < 0 || d < 0) return NaN;
  return validDay(y, m, d);
}

/**
 * Splits `a/b/yyyy` (separator `/`, `-` or `.`, one or two digits for a and b; a time may follow, as after an ISO
 * date, and is ignored) into `a * 100 + b` and the year: returns `year * 10000 + a * 100 + b`, or -1.
 */
export function splitDayMonthBytes(buf: Uint8Array, s: number, e: number): number {
  let i = s;
  let a = 0;
  let n = 0;
  while (i < e && digit(buf[i]) >= 0 && n < 3) (a = a * 10 + digit(buf[i])), i++, n++;
  if (n < 1 || n > 2 || i >= e) return -1;
  const sep = buf[i];
  if (sep !== 47 && sep !== 45 && sep !== 46) return -1;
  i++;
  let b = 0;
  n = 0;
  while (i < e && digit(buf[i]) >= 0 && n < 3) (b = b * 10 + digit(buf[i])), i++, n++;
  if (n < 1 || n > 2 || i >= e || buf[i] !== sep) return -1;
  i++;
  // the year, then nothing or a time (` 14:26[:05]`, checked as after an ISO date and ignored)
  if (e - i !== 4 && !(e - i > 4 && validTime(buf, i + 4, e))) return -1;
  const y = four(buf, i);
  if (y < 0) return -1;
  return y * 10000 + a * 100 + b;
}

/**
 * Where a day-month date with a time after it ends: at the space or `T` (from the 8th to the 11th byte) that starts a
 * valid time; e when there is none.
 *
 * @example
 * dayMonthEnd(Buffer.from('31/01/2024 14:26'), 0, 16) // 10
 */
export function dayMonthEnd(buf: Uint8Array, s: number, e: number): number {
  for (let t = s + 8; t <= s + 10 && t < e; t++) {
    if ((buf[t] === 32 || buf[t] === 84) && validTime(buf, t, e)) return t;
  }
  return e;
}

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
export function parseDate(text: string, format?: DateFormat): number {
  const buf = Buffer.from(text.trim(), 'utf8');
  const e = buf.length;
  const shape = format === undefined ? dateShape(buf, 0, e) : formatShape(format);
  switch (shape) {
    case DateShape.Iso:
      return parseIsoBytes(buf, 0, e);
    case DateShape.Compact:
      return parseCompactBytes(buf, 0, e);
    default: {
      const v = splitDayMonthBytes(buf, 0, e);
      if (v < 0) return NaN;
      const y = Math.floor(v / 10000);
      const a = Math.floor(v / 100) % 100;
      const b = v % 100;
      let dayFirst: boolean;
      if (format === 'dd/mm/yyyy' || shape === DateShape.Dotted) dayFirst = true;
      else if (format === 'mm/dd/yyyy') dayFirst = false;
      else if (a > 12) dayFirst = true;
      else if (b > 12) dayFirst = false;
      else if (a === b) dayFirst = true;
      else return NaN;
      return dayFirst ? validDay(y, b, a) : validDay(y, a, b);
    }
  }
}

/** The shape parsed for a forced format. */
export function formatShape(format: DateFormat): DateShape {
  switch (format) {
    case 'iso':
      return DateShape.Iso;
    case 'yyyymmdd':
      return DateShape.Compact;
    default:
      return DateShape.DayMonth;
  }
}

/**
 * A date given on the command line or in options: `YYYY-MM-DD` (or any format parseDate
 * accepts unambiguously), or a Day number. Throws a UsageError naming the option.
 *
 * @example
 * parseDateOption('1997-09-30') // 10134
 * parseDateOption(10134)        // 10134
 */
export function parseDateOption(value: string | number, option = 'date'): Day {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new UsageError(`${option}: expected a date like 1997-09-30 or a whole day number, got ${value}`);
    return value;
  }
  const day = parseDate(value);
  if (Number.isNaN(day)) throw new UsageError(`${option}: expected a date like 1997-09-30, got "${value}"`);
  return day;
}

/** Human description of a format for error messages. */
export function describeFormat(shape: DateShape, dayFirst: boolean | undefined): string {
  switch (shape) {
    case DateShape.Iso:
      return 'a date like 1997-01-31 (yyyy-mm-dd)';
    case DateShape.Compact:
      return 'a date like 19970131 (yyyymmdd)';
    case DateShape.Dotted:
      return 'a date like 31.01.1997 (dd.mm.yyyy)';
    default:
      if (dayFirst === true) return 'a date like 31/01/1997 (dd/mm/yyyy)';
      if (dayFirst === false) return 'a date like 01/31/1997 (mm/dd/yyyy)';
      return 'a date like 31/01/1997 (dd/mm/yyyy or mm/dd/yyyy)';
  }
}

/** Throws the ambiguity error that names `--date-format`. */
export function ambiguousDatesError(file: string | undefined, example: string): ClvkitError {
  return new ClvkitError(
    `cannot tell day from month: every date (e.g. "${example}") has both day and month at most 12; ` +
      'give --date-format dd/mm/yyyy or --date-format mm/dd/yyyy (option dateFormat)',
    { file },
  );
}
