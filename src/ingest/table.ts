import { readFileSync } from 'node:fs';
import { decodeSingleByte, isWindows1252, utf16Bom } from './encoding.ts';
import { fileError } from '../io/atomic.ts';
import { parse } from 'csv-parse/sync';
import { ClvkitError } from '../errors.ts';
import { parseNumber } from './number.ts';

/** A small CSV table read whole into memory (summary files, surveys, Kano, NPS, contracts). */
export interface Table {
  file: string;
  header: string[];
  rows: string[][];
  /** 1-based line in the file where each row starts. */
  lines: number[];
  delimiter: string;
  decimal: ',' | '.';
}

export interface TableOptions {
  /** ',' ';' '\t' '|' or 'whitespace'; detected from the first lines when absent. */
  delimiter?: string;
  /** Whether the first row is a header (default true unless `columns` is given). */
  header?: boolean;
  /** Column names for a headerless file. */
  columns?: string[];
}

/**
 * Read a small delimited file: UTF-8 (BOM allowed), CRLF or LF, quoted fields, delimiter detection.
 *
 * @example
 * const t = readTable('scores.csv');
 * const col = columnIndex(t, ['score', 'note'], 'score');
 * const first = numberCell(t, 0, col, 'a score from 0 to 10');
 */
export function readTable(path: string, options: TableOptions = {}): Table {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw fileError(e, path, 'read');
  }
  let text: string;
  const bom = utf16Bom(buf);
  try {
    // UTF-16 with its byte-order mark; else UTF-8; else Windows-1252 when every byte fits it (as the transaction reader).
    text = bom ? new TextDecoder(bom === 'utf16be' ? 'utf-16be' : 'utf-16le', { fatal: true }).decode(buf) : new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    if (bom || !isWindows1252(buf)) throw new ClvkitError(`the file is not valid ${bom ? 'UTF-16' : 'UTF-8 nor Windows-1252'}: convert it to UTF-8 and try again`, { file: path });
    // (not TextDecoder('windows-1252'): Node 20's decodes a whole buffer as Latin-1, ’ € “ ” as C1 controls)
    text = decodeSingleByte(buf, 'cp1252');
  }
  // Lone CRs (classic Mac, mixed line ends) end lines too.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  return parseTable(text, path, options);
}

/** Same as readTable, from text already in memory. */
export function parseTable(text: string, file: string, options: TableOptions = {}): Table {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim().length === 0) throw new ClvkitError('the file is empty', { file });
  const delimiter = options.delimiter ?? detectDelimiter(text);
  let records: { record: string[]; info: { lines: number; bytes: number } }[];
  const source = Buffer.from(delimiter === 'whitespace' ? text.replace(/[ \t]+/g, '\t').replace(/^\t|\t$/gm, '') : text, 'utf8');
  try {
    records = parse(source, {
      delimiter: delimiter === 'whitespace' ? '\t' : delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: delimiter !== '\t',
    }) as unknown as { record: string[]; info: { lines: number; bytes: number } }[];
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new ClvkitError(`cannot parse as CSV: ${err.message.replace(/^Invalid.*?: /, '')}`, { file, line: err.lines });
  }
  const hasHeader = options.header ?? options.columns === undefined;
  let header: string[];
  let body = records;
  if (hasHeader) {
    if (records.length === 0) throw new ClvkitError('the file is empty', { file });
    header = records[0].record.map((h) => h.trim());
    body = records.slice(1);
  } else {
    header = options.columns ?? records[0].record.map((_, i) => `column${i + 1}`);
  }
  if (body.length === 0) throw new ClvkitError('the file has a header but no data rows', { file, line: 1 });
  const rows: string[][] = [];
  const lines: number[] = [];
  // A record starts where the previous one ended (info.bytes); its line is 1 + newlines before it.
  const lineAt = lineLocator(source);
  for (let k = hasHeader ? 1 : 0; k < records.length; k++) {
    const r = records[k];
    const line = lineAt(k === 0 ? 0 : records[k - 1].info.bytes);
    if (r.record.length !== header.length) {
      throw new ClvkitError(`expected ${header.length} fields (${header.join(', ')}), found ${r.record.length}`, { file, line });
    }
    rows.push(r.record);
    lines.push(line);
  }
  const decimal = detectDecimal(delimiter, rows);
  return { file, header, rows, lines, delimiter, decimal };
}

/** Maps a byte offset (skipping blank lines after it) to its 1-based line number. */
function lineLocator(buf: Buffer): (offset: number) => number {
  const newlines: number[] = [];
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) newlines.push(i);
  return (offset) => {
    while (offset < buf.length && (buf[offset] === 10 || buf[offset] === 13)) offset++;
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

/** Most frequent candidate delimiter that splits the first lines consistently. */
export function detectDelimiter(text: string): string {
  const sample = text.split(/\r?\n/, 20).filter((l) => l.trim().length > 0);
  let best = ',';
  let bestScore = 0;
  for (const d of [',', ';', '\t', '|']) {
    const counts = sample.map((l) => countOutsideQuotes(l, d));
    const first = counts[0];
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 100 + first;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  if (bestScore === 0 && sample.length > 0 && /\S\s+\S/.test(sample[0])) return 'whitespace';
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/** Decimal comma when the delimiter is not a comma and some cell looks like `12,5`. */
export function detectDecimal(delimiter: string, rows: string[][]): ',' | '.' {
  if (delimiter === ',') return '.';
  const limit = Math.min(rows.length, 200);
  for (let i = 0; i < limit; i++) for (const c of rows[i]) if (/^-?[\d\s\u00a0\u202f.]*\d,\d+$/.test(c.trim())) return ',';
  return '.';
}

/** Normalise a header for alias matching: lower case, accents removed, spaces and dashes to `_`. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}

/**
 * Index of a column: the explicit name (or 1-based number) when given, otherwise the first alias found.
 * Throws a ClvkitError listing the columns found.
 */
export function columnIndex(table: Pick<Table, 'file' | 'header'>, aliases: string[], what: string, explicit?: string): number {
  const norm = table.header.map(normalizeHeader);
  if (explicit !== undefined) {
    const i = norm.indexOf(normalizeHeader(explicit));
    if (i >= 0) return i;
    if (/^\d+$/.test(explicit) && Number(explicit) >= 1 && Number(explicit) <= norm.length) return Number(explicit) - 1;
    throw new ClvkitError(`no column "${explicit}" for the ${what}; columns found: ${table.header.join(', ')}`, { file: table.file, line: 1 });
  }
  for (const a of aliases) {
    const i = norm.indexOf(normalizeHeader(a));
    if (i >= 0) return i;
  }
  throw new ClvkitError(`no ${what} column (looked for ${aliases.join(', ')}); columns found: ${table.header.join(', ')}`, { file: table.file, line: 1 });
}

/** Optional column: like columnIndex but -1 when absent and not explicitly asked for. */
export function optionalColumnIndex(table: Pick<Table, 'file' | 'header'>, aliases: string[], what: string, explicit?: string): number {
  if (explicit !== undefined) return columnIndex(table, aliases, what, explicit);
  const norm = table.header.map(normalizeHeader);
  for (const a of aliases) {
    const i = norm.indexOf(normalizeHeader(a));
    if (i >= 0) return i;
  }
  return -1;
}

/** A numeric cell, or a ClvkitError at file:line:column saying what was expected. */
export function numberCell(table: Table, rowIndex: number, col: number, what: string): number {
  const raw = table.rows[rowIndex][col];
  const v = parseNumber(raw, table.decimal);
  if (Number.isNaN(v)) {
    throw new ClvkitError(`expected ${what} in column "${table.header[col]}", got "${raw}"`, {
      file: table.file,
      line: table.lines[rowIndex],
      column: col + 1,
    });
  }
  return v;
}
