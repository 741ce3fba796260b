import { ClvkitError } from '../errors.ts';
import { readFileSync } from 'node:fs';
import { detectDecimal, detectDelimiter, parseTable, type Table, type TableOptions } from './table.ts';

/**
 * parseTable for large side inputs (a referral log of 200,000 rows): a file without any quote character
 * is split on newlines and the delimiter directly, which gives the same table as the CSV parser (fields
 * trimmed unless tab-delimited, blank lines skipped, 1-based lines kept, a row with the wrong number of
 * fields an error at its line); a file with quotes, or whitespace-delimited, goes to parseTable.
 *
 * @example
 * parsePlainTable('referrer,referred,date\nA,B,2024-01-02\n', 'r.csv').rows; // [['A', 'B', '2024-01-02']]
 */
export function parsePlainTable(text: string, file: string, options: TableOptions = {}): Table {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('"')) return parseTable(text, file, options);
  if (text.trim().length === 0) throw new ClvkitError('the file is empty', { file });
  const delimiter = options.delimiter ?? detectDelimiter(text);
  if (delimiter === 'whitespace') return parseTable(text, file, options);
  const trim = delimiter !== '\t';
  const lines = text.split('\n');
  const hasHeader = options.header ?? options.columns === undefined;
  let header: string[] | undefined = hasHeader ? undefined : options.columns;
  const rows: string[][] = [];
  const at: number[] = [];
  for (let k = 0; k < lines.length; k++) {
    let line = lines[k];
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') continue;
    const fields = line.split(delimiter);
    if (trim) for (let j = 0; j < fields.length; j++) fields[j] = fields[j].trim();
    if (header === undefined) {
      if (hasHeader) {
        header = fields.map((h) => h.trim());
        continue;
      }
      header = fields.map((_, i) => `column${i + 1}`);
    }
    if (fields.length !== header.length) {
      throw new ClvkitError(`expected ${header.length} fields (${header.join(', ')}), found ${fields.length}`, { file, line: k + 1 });
    }
    rows.push(fields);
    at.push(k + 1);
  }
  if (header === undefined) throw new ClvkitError('the file is empty', { file });
  if (rows.length === 0) throw new ClvkitError('the file has a header but no data rows', { file, line: 1 });
  return { file, header, rows, lines: at, delimiter, decimal: detectDecimal(delimiter, rows) };
}

/**
 * Read a side input with parsePlainTable (UTF-8, BOM allowed; readTable's errors for a missing file or
 * another encoding).
 *
 * @example
 * readPlainTable('referrals.csv').rows.length;
 */
export function readPlainTable(path: string, options: TableOptions = {}): Table {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new ClvkitError(`cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file: path });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new ClvkitError('the file is not valid UTF-8 (perhaps Latin-1 or Windows-1252): save it as UTF-8 and try again', { file: path });
  }
  return parsePlainTable(text, path, options);
}
