/**
 * Covariate files (`--covariates FILE`): a customer column and covariate columns make static
 * covariates (one row per customer); a customer column, a date column (the start of each period) and
 * covariate columns make time-varying ones (one row per customer and period). Column names are found
 * by alias (`Id`, `customer_id`, …; `Cov.Date`, `date`, `period_start`, …) unless given.
 */
import { ClvkitError } from '../errors.ts';
import type { Day } from '../types.ts';
import { parseDate, type DateFormat } from './dates.ts';
import { CUSTOMER_ALIASES } from './dialect.ts';
import { columnIndex, detectDelimiter, normalizeHeader, readTable, type Table } from './table.ts';
import { readFileSync } from 'node:fs';

/** Aliases of the period-start column of a time-varying covariate file. */
export const COVARIATE_DATE_ALIASES = ['cov_date', 'period_start', 'date', 'period', 'week', 'month', 'debut_periode', 'periode', 'semaine'];

/**
 * Options of `readCovariates`.
 *
 * @example
 * const options: CovariateFileOptions = { customerCol: 'Id', covariates: ['Gender'] };
 */
export interface CovariateFileOptions {
  customerCol?: string;
  /** The period-start column; `false` reads the file as static even when a date column is present. */
  dateCol?: string | false;
  /** Covariate columns to keep (default: every other column). */
  covariates?: string[];
  dateFormat?: DateFormat;
  delimiter?: string;
}

/**
 * A covariate file read whole: `dates` (period starts, days since epoch) only when time-varying.
 * `customerIds`, `dates` and each column's `values` are per row.
 *
 * @example
 * const f = readCovariates('apparelStaticCov.csv'); // kind 'static', columns Gender, Channel
 */
export interface CovariateFile {
  kind: 'static' | 'dynamic';
  file: string;
  customerIds: string[];
  dates?: Int32Array;
  columns: { name: string; values: string[] }[];
  accounting: { read: number; used: number; rejected: Record<string, number> };
}

/**
 * Reads a covariate file; a bad date or an empty covariate cell stops with file:line:column.
 *
 * @example
 * readCovariates('apparelDynCov.csv').kind; // 'dynamic' (Id, Cov.Date, High.Season, Gender, Channel)
 */
export function readCovariates(path: string, options: CovariateFileOptions = {}): CovariateFile {
  return covariatesFromTable(readPlainTable(path, options.delimiter) ?? readTable(path, { delimiter: options.delimiter }), options);
}

/**
 * A file without quote characters split directly (a covariate panel has a row per customer and
 * period: the general CSV parser takes seconds on 200,000 rows); undefined when quoting is present.
 */
function readPlainTable(path: string, delimiter?: string): Table | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new ClvkitError(`cannot read the file: ${code}`, { file: path });
    return undefined; // not UTF-8: readTable says so
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('"') || text.trim() === '') return undefined;
  const delim = delimiter ?? detectDelimiter(text);
  if (delim === 'whitespace') return undefined;
  const lines = text.split('\n');
  const header = lines[0].replace(/\r$/, '').split(delim).map((h) => h.trim());
  const rows: string[][] = [];
  const lineNumbers: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line.trim() === '') continue;
    const fields = line.split(delim);
    if (fields.length !== header.length) throw new ClvkitError(`expected ${header.length} fields (${header.join(', ')}), found ${fields.length}`, { file: path, line: i + 1 });
    rows.push(fields);
    lineNumbers.push(i + 1);
  }
  if (rows.length === 0) throw new ClvkitError('the file has a header but no data rows', { file: path, line: 1 });
  return { file: path, header, rows, lines: lineNumbers, delimiter: delim, decimal: delim === ';' ? ',' : '.' };
}

/** Same as readCovariates from a table already read. */
export function covariatesFromTable(table: Table, options: CovariateFileOptions = {}): CovariateFile {
  const cust = columnIndex(table, CUSTOMER_ALIASES, 'customer', options.customerCol);
  let date = -1;
  if (options.dateCol !== false) {
    if (options.dateCol !== undefined) date = columnIndex(table, [], 'period start date', options.dateCol);
    else {
      const norm = table.header.map(normalizeHeader);
      for (const a of COVARIATE_DATE_ALIASES) {
        const i = norm.indexOf(a);
        if (i >= 0 && i !== cust) {
          date = i;
          break;
        }
      }
    }
  }
  let cols: number[];
  if (options.covariates) cols = options.covariates.map((c) => columnIndex(table, [], 'covariate', c));
  else cols = table.header.map((_, i) => i).filter((i) => i !== cust && i !== date);
  if (cols.length === 0) throw new ClvkitError('no covariate column (the file has only the customer and date columns)', { file: table.file, line: 1 });
  const n = table.rows.length;
  const customerIds = new Array<string>(n);
  const dates = date >= 0 ? new Int32Array(n) : undefined;
  const dateCache = new Map<string, number>(); // a panel repeats each period start for every customer
  for (let r = 0; r < n; r++) {
    const row = table.rows[r];
    const id = row[cust].trim();
    if (id === '') throw new ClvkitError('missing customer', { file: table.file, line: table.lines[r], column: cust + 1 });
    customerIds[r] = id;
    if (dates) {
      let d = dateCache.get(row[date]);
      if (d === undefined) dateCache.set(row[date], (d = parseDate(row[date], options.dateFormat)));
      if (!Number.isFinite(d)) throw new ClvkitError(`expected a period start date like 2024-01-31, got "${row[date]}"`, { file: table.file, line: table.lines[r], column: date + 1 });
      dates[r] = d as Day;
    }
    for (const c of cols) {
      if (row[c].trim() === '') throw new ClvkitError(`empty covariate "${table.header[c]}": every customer${dates ? ' and period' : ''} needs a value`, { file: table.file, line: table.lines[r], column: c + 1 });
    }
  }
  const columns = cols.map((c) => ({ name: table.header[c], values: table.rows.map((row) => row[c].trim()) }));
  return { kind: dates ? 'dynamic' : 'static', file: table.file, customerIds, dates, columns, accounting: { read: n, used: n, rejected: {} } };
}
