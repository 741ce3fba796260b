import { ClvkitError } from '../errors.ts';
import { type DateFormat, ambiguousDatesError, parseDate } from './dates.ts';
import type { Table } from './table.ts';
import { FIRST_DAY, LAST_DAY } from './transactions.ts';

/**
 * The date format of some columns of a small table: the forced one, or the day/month order decided
 * over the whole file (a first number over 12 means day first, a second over 12 month first);
 * ISO and yyyymmdd need no decision. A file whose a/b/yyyy dates all have both parts <= 12 (and
 * differ) is ambiguous: a ClvkitError asking for --date-format.
 *
 * @example
 * const fmt = tableDateFormat(readTable('contracts.csv'), [1, 2]); // undefined, 'dd/mm/yyyy' or 'mm/dd/yyyy'
 */
export function tableDateFormat(table: Table, columns: number[], forced?: DateFormat): DateFormat | undefined {
  if (forced !== undefined) return forced;
  let dayFirst = false;
  let monthFirst = false;
  let ambiguous: string | undefined;
  for (const row of table.rows) {
    for (const col of columns) {
      const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}\s*$/.exec(row[col] ?? '');
      if (!m) continue;
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (row[col].includes('.') || a > 12) dayFirst = true;
      else if (b > 12) monthFirst = true;
      else if (a !== b) ambiguous ??= row[col].trim();
    }
  }
  if (dayFirst && monthFirst) throw new ClvkitError('the dates mix day-first and month-first forms: give --date-format', { file: table.file });
  if (dayFirst) return 'dd/mm/yyyy';
  if (monthFirst) return 'mm/dd/yyyy';
  if (ambiguous !== undefined) throw ambiguousDatesError(table.file, ambiguous);
  return undefined;
}

/**
 * Parse a date cell in a decided format: the Day, or NaN when it is not a date.
 *
 * @example
 * dateCell('2024-02-30') // NaN
 */
export function dateCell(text: string, format: DateFormat | undefined): number {
  const t = text.trim();
  if (t === '') return NaN;
  if (format === undefined || /^\d{4}[-/]\d\d[-/]\d\d/.test(t) || /^\d{8}$/.test(t)) return parseDate(t);
  return parseDate(t, format);
}

/**
 * Whether a parsed date is one the transactions would accept too (1900-01-01 to 2099-12-31): side
 * inputs (contracts, leads) reject the others with the reason "date out of range", as transactions do.
 *
 * @example
 * dateInRange(dateCell('1850-01-01', undefined)) // false
 */
export function dateInRange(day: number): boolean {
  return day >= FIRST_DAY && day <= LAST_DAY;
}
