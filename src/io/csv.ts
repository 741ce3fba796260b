import { writeFileAtomic } from './atomic.ts';

/** How a CSV export is written: the international default or a French spreadsheet dialect. */
export interface CsvFormat {
  delimiter: ',' | ';';
  decimal: '.' | ',';
}

export const CSV_EN: CsvFormat = { delimiter: ',', decimal: '.' };
export const CSV_FR: CsvFormat = { delimiter: ';', decimal: ',' };

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV cell. Numbers are written at full precision in their shortest round-trip form and stay
 * numbers; text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a
 * leading `'` (OWASP CSV injection guidance); text with the delimiter, quotes or newlines is quoted.
 *
 * @example
 * csvCell('=HYPERLINK("x")') // "'=HYPERLINK(""x"")" quoted
 * csvCell(0.1 + 0.2)         // '0.30000000000000004'
 * csvCell(12.5, CSV_FR)      // '12,5'
 */
export function csvCell(value: CsvValue, format: CsvFormat = CSV_EN): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return Number.isNaN(value) ? '' : value > 0 ? 'Infinity' : '-Infinity';
    const s = String(value);
    return format.decimal === ',' ? s.replace('.', ',') : s;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  if (s.includes(format.delimiter) || /["\n\r]/.test(s)) s = '"' + s.replace(/"/g, '""') + '"';
  return s;
}

/**
 * A whole CSV document (header plus rows, LF line ends).
 *
 * @example
 * toCsv(['customer_id', 'clv'], [['C1', 12.5]]) // 'customer_id,clv\nC1,12.5\n'
 */
export function toCsv(header: string[], rows: Iterable<CsvValue[]>, format: CsvFormat = CSV_EN): string {
  const parts: string[] = [header.map((h) => csvCell(h, format)).join(format.delimiter)];
  for (const row of rows) parts.push(row.map((v) => csvCell(v, format)).join(format.delimiter));
  return parts.join('\n') + '\n';
}

/** Write a CSV file (see toCsv), atomically: the previous file stays whole until the new one is complete. */
export function writeCsv(path: string, header: string[], rows: Iterable<CsvValue[]>, format: CsvFormat = CSV_EN): void {
  writeFileAtomic(path, toCsv(header, rows, format));
}

/** Column-wise records to rows, in the header's order. */
export function recordsToRows(header: string[], records: Record<string, CsvValue>[]): CsvValue[][] {
  return records.map((r) => header.map((h) => r[h]));
}
