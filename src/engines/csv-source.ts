/**
 * A transaction CSV as a DuckDB relation with the same reading rules as the node ingest: the
 * delimiter, header, column mapping, decimal separator and date format are decided in TypeScript
 * from the first 64 KiB with the ingest's own helpers (src/ingest/dialect.ts), then DuckDB's
 * read_csv reads every field as text with those settings (no sniffing), and the SQL converts dates
 * and amounts with the chosen format, so bad values are counted per reason like the node engine.
 */
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { fileError } from '../io/atomic.ts';
import { ClvkitError, UsageError } from '../errors.ts';
import { detectDecimal, detectDelimiter, looksLikeHeader, resolveColumns, type Delimiter } from '../ingest/dialect.ts';
import { DATE_FORMATS, type DateFormat } from '../ingest/dates.ts';
import { quoteLiteral, type SqlSource } from './sql.ts';

/** The reading options shared with readTransactions (the CLI's transaction-file flags). */
export interface CsvReadOptions {
  delimiter?: Delimiter | string;
  header?: boolean;
  columns?: string[] | string;
  customerCol?: string | number;
  dateCol?: string | number;
  amountCol?: string | number;
  dateFormat?: DateFormat;
  decimal?: ',' | '.';
  /** Text encoding (see readTransactions); a file not in UTF-8 is pre-read by the node reader. */
  encoding?: string;
}

/** What was decided about the file (also returned to the caller for messages). */
export interface CsvLayout {
  delimiter: Delimiter;
  header: boolean;
  names: string[];
  customer: number;
  date: number;
  amount: number;
  decimal: ',' | '.';
  dateFormat: DateFormat;
  /** Every sampled date and amount is plain (fixed-width date, digits and one decimal separator): DuckDB may type the columns itself. */
  plain: boolean;
}

const SAMPLE = 64 * 1024;

function readSample(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw fileError(e, file, 'read');
  }
  try {
    const size = statSync(file).size;
    const buf = Buffer.alloc(Math.min(SAMPLE, size));
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    closeSync(fd);
  }
}

/** Split one line (simple quotes handling: enough for the sample's field values). */
function splitLine(line: string, d: Delimiter): string[] {
  const l = line.replace(/\r$/, '');
  if (d === 'whitespace') return l.trim().split(/\s+/);
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < l.length; i++) {
    const c = l[i];
    if (q) {
      if (c === '"' && l[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === d) out.push(cur), (cur = '');
    else cur += c;
  }
  out.push(cur);
  return out.map((f) => f.trim());
}

/**
 * Date format of the sample values, decided as the ingest does (src/ingest/transactions.ts): for
 * day/month dates, dotted ones are day-first and otherwise the first valid value with exactly one
 * part over 12 decides. Undefined when the sample has day/month dates but none decides (the
 * whole file must be looked at: see dayMonthOverFile in duckdb.ts); `example` is then the first
 * value whose two parts differ, if any.
 */
function detectDateFormat(values: string[], file: string): { format?: DateFormat; example: string } {
  let iso = 0;
  let compact = 0;
  let dm = 0;
  let dotted = false;
  let decided: DateFormat | undefined;
  let example = '';
  for (const v of values) {
    if (/^\d{4}[-/]\d{2}[-/]\d{2}/.test(v)) iso++;
    else if (/^\d{8}$/.test(v)) compact++;
    else {
      const m = /^(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4})$/.exec(v);
      if (m) {
        dm++;
        if (m[2] === '.') dotted = true;
        const a = Number(m[1]);
        const b = Number(m[3]);
        const y = Number(m[4]);
        if (decided === undefined) {
          if (a > 12 && b <= 12 && validDate(y, b, a)) decided = 'dd/mm/yyyy';
          else if (b > 12 && a <= 12 && validDate(y, a, b)) decided = 'mm/dd/yyyy';
        }
        if (a !== b && example === '') example = v;
      }
    }
  }
  if (iso >= compact && iso >= dm && iso > 0) return { format: 'iso', example };
  if (compact >= dm && compact > 0) return { format: 'yyyymmdd', example };
  if (dm > 0) return { format: dotted ? 'dd/mm/yyyy' : decided, example };
  throw new ClvkitError(`no date found in the first rows of the date column (e.g. "${values[0] ?? ''}"); give --date-format`, { file });
}

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The first 64 KiB has day/month dates and none of them tells which comes first. Holds what was
 * decided about the file, so that a caller with a database at hand can look at every date
 * (DuckDB: dayMonthOverFile); otherwise the message asks for --date-format.
 */
export class UndecidedDayMonth extends ClvkitError {
  constructor(
    file: string,
    /** A date whose two parts differ ('' when every sampled one had equal parts). */
    readonly example: string,
    /** The layout, its date format aside. */
    readonly layout: Omit<CsvLayout, 'dateFormat' | 'plain'>,
  ) {
    super(
      `cannot tell day from month in the first 64 KiB${example ? ` (e.g. "${example}")` : ''}: ` + 'give --date-format dd/mm/yyyy or --date-format mm/dd/yyyy (option dateFormat)',
      { file },
    );
  }
}

/** Decide the layout of a transaction file from its first 64 KiB. */
export function csvLayout(file: string, options: CsvReadOptions = {}): CsvLayout {
  const text = readSample(file);
  if (text.trim() === '') throw new ClvkitError('the file is empty', { file });
  let delimiter: Delimiter;
  if (options.delimiter === undefined) delimiter = detectDelimiter(text);
  else if ([',', ';', '\t', '|', 'whitespace'].includes(options.delimiter)) delimiter = options.delimiter as Delimiter;
  else throw new UsageError(`--delimiter must be , ; tab | or whitespace, got "${options.delimiter}"`);
  const lines = text.split('\n');
  if (text.length === SAMPLE && lines.length > 1) lines.pop(); // the last line may be cut
  const records = lines.filter((l) => l.trim() !== '').map((l) => splitLine(l, delimiter));
  const first = records[0];
  const given = typeof options.columns === 'string' ? options.columns.split(',').map((c) => c.trim()) : options.columns;
  const header = options.header ?? looksLikeHeader(first);
  const names = given ?? (header ? first : undefined);
  const map = resolveColumns(names, first.length, options, file);
  const data = header ? records.slice(1) : records;
  if (header && data.length === 0 && text.length < SAMPLE) throw new ClvkitError(`the file has a header row (${first.join(', ')}) but no data rows`, { file });
  const decimal = options.decimal ?? (map.amount >= 0 ? detectDecimal(data.map((r) => r[map.amount] ?? ''), delimiter) : '.');
  const width = Math.max(first.length, names?.length ?? 0);
  const allNames = Array.from({ length: width }, (_, i) => names?.[i] ?? `column${i + 1}`);
  let dateFormat: DateFormat;
  if (options.dateFormat !== undefined) {
    if (!DATE_FORMATS.includes(options.dateFormat)) throw new UsageError(`--date-format must be iso, yyyymmdd, dd/mm/yyyy or mm/dd/yyyy, got "${options.dateFormat}"`);
    dateFormat = options.dateFormat;
  } else {
    const detected = detectDateFormat(data.map((r) => r[map.date] ?? '').filter((v) => v !== ''), file);
    if (detected.format === undefined) {
      throw new UndecidedDayMonth(file, detected.example, { delimiter, header, names: allNames, customer: map.customer, date: map.date, amount: map.amount, decimal });
    }
    dateFormat = detected.format;
  }
  const datePattern = { iso: /^\d{4}-\d{2}-\d{2}$/, yyyymmdd: /^\d{8}$/, 'dd/mm/yyyy': /^\d{2}\/\d{2}\/\d{4}$/, 'mm/dd/yyyy': /^\d{2}\/\d{2}\/\d{4}$/ }[dateFormat];
  const amountPattern = decimal === '.' ? /^-?\d+(\.\d+)?$/ : /^-?\d+(,\d+)?$/;
  const plain =
    delimiter !== 'whitespace' &&
    data.length > 0 &&
    data.every((r) => r.length === first.length && datePattern.test(r[map.date] ?? '') && (map.amount < 0 || amountPattern.test(r[map.amount] ?? '')));
  return { delimiter, header, names: allNames, customer: map.customer, date: map.date, amount: map.amount, decimal, dateFormat, plain };
}

/** DuckDB date conversion of a text expression in a format (NULL when not a valid date). */
export function duckDbDateSql(x: string, format: DateFormat): string {
  const t = `trim(${x})`;
  switch (format) {
    case 'iso':
      // DuckDB's date cast reads yyyy-mm-dd and yyyy/mm/dd; the time part (after 10 characters) is ignored, as the ingest does.
      return `TRY_CAST(substr(${t}, 1, 10) AS DATE)`;
    case 'yyyymmdd':
      return `TRY_CAST(TRY_STRPTIME(${t}, '%Y%m%d') AS DATE)`;
    case 'dd/mm/yyyy':
      return `TRY_CAST(TRY_STRPTIME(regexp_replace(${t}, '[-.]', '/', 'g'), '%d/%m/%Y') AS DATE)`;
    case 'mm/dd/yyyy':
      return `TRY_CAST(TRY_STRPTIME(regexp_replace(${t}, '[-.]', '/', 'g'), '%m/%d/%Y') AS DATE)`;
  }
}

/**
 * DuckDB amount conversion of a text expression, following the ingest's parseNumber for the usual
 * cases: spaces, no-break spaces and apostrophes dropped, a currency symbol or code at either end,
 * accounting parentheses and a leading or trailing minus for negatives, thousands separators only
 * in groups of three digits, the decimal separator `decimal`. NULL when not a number.
 */
export function duckDbAmountSql(x: string, decimal: ',' | '.'): string {
  return amountParts(x, decimal).value;
}

/** The amount as a double and whether its text is a number (a number whose cast fails is out of range, as 1e309). */
function amountParts(x: string, decimal: ',' | '.'): { value: string; isNumber: string } {
  const cleaned = `regexp_replace(regexp_replace(trim(${x}), '[\\s\u00a0\u202f'']', '', 'g'), '^[(]?([€$£¥]|EUR|USD|GBP|CHF)|([€$£¥]|EUR|USD|GBP|CHF)[)]?$', '', 'gi')`;
  // Sign: "(12.50)", "-12.50", "12.50-" are negative.
  const body = `regexp_replace(${cleaned}, '^[(](.*)[)]$|^[-+](.*)$|^(.*)-$', '\\1\\2\\3')`;
  const negative = `(regexp_matches(${cleaned}, '^[(].*[)]$') <> (regexp_matches(${cleaned}, '^-|-$')))`;
  const t = decimal === '.' ? ',' : '\\.';
  // A thousands separator is only valid grouping three digits; otherwise the value is not a number.
  const grouped = `CASE WHEN regexp_matches(${body}, '^\\d{1,3}(${t}\\d{3})+(${decimal === '.' ? '\\.' : ','}\\d*)?$') THEN replace(${body}, '${decimal === '.' ? ',' : '.'}', '') WHEN strpos(${body}, '${decimal === '.' ? ',' : '.'}') > 0 THEN NULL ELSE ${body} END`;
  const normal = decimal === ',' ? `replace(${grouped}, ',', '.')` : grouped;
  const isNumber = `regexp_matches(${normal}, '^(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$')`;
  const value = `CASE WHEN ${isNumber} THEN TRY_CAST(${normal} AS DOUBLE) END`;
  return { value: `(CASE WHEN ${negative} THEN -${value} ELSE ${value} END)`, isNumber: `COALESCE(${isNumber}, false)` };
}

/** The node ingest's range rules (src/ingest/transactions.ts FIRST_DAY, LAST_DAY, AMOUNT_LIMIT) as SQL conditions. */
const DATE_OUT_OF_RANGE = (d: string) => `(${d} < DATE '1900-01-01' OR ${d} > DATE '2099-12-31')`;
const AMOUNT_OUT_OF_RANGE = (a: string) => `(NOT isfinite(${a}) OR abs(${a}) >= 1e15)`;
/** Years before 1000 are no date at all for the node ingest (validDay), later ones before 1900 out of range. */
const NOT_A_DATE = (d: string) => `year(${d}) < 1000`;

const DUCKDB_DATE_FORMAT: Record<DateFormat, string> = { iso: '%Y-%m-%d', yyyymmdd: '%Y%m%d', 'dd/mm/yyyy': '%d/%m/%Y', 'mm/dd/yyyy': '%m/%d/%Y' };

/**
 * The file as a SqlSource for DuckDB, with the layout decided here (no DuckDB sniffing).
 * `typed`: when the sample is plain, DuckDB reads the date and amount columns as DATE and DOUBLE
 * itself (about five times faster than converting text in SQL); a value it cannot convert then
 * fails the statement, and the caller reruns it with `typed` false, where every field is read as
 * text and converted in SQL with the ingest's rules, bad values counted per reason.
 */
export function duckDbCsvSource(file: string, options: CsvReadOptions = {}, typed = false): { source: SqlSource; layout: CsvLayout; typed: boolean } {
  const layout = csvLayout(file, options);
  if (typed && layout.plain) {
    const types = layout.names.map((_, i) => `'c${i + 1}': '${i === layout.date ? 'DATE' : i === layout.amount ? 'DOUBLE' : 'VARCHAR'}'`).join(', ');
    const relation =
      `read_csv(${quoteLiteral(file)}, columns = {${types}}, delim = ${quoteLiteral(layout.delimiter)}, quote = '"', escape = '"', ` +
      `header = ${layout.header}, auto_detect = false, dateformat = ${quoteLiteral(DUCKDB_DATE_FORMAT[layout.dateFormat])}, ` +
      `decimal_separator = ${quoteLiteral(layout.decimal)}) AS raw`;
    const source: SqlSource = {
      relation,
      customer: `NULLIF(trim(raw.c${layout.customer + 1}), '')`,
      date: `raw.c${layout.date + 1}`,
      dateFlag: `CASE WHEN raw.c${layout.date + 1} IS NULL THEN 1 WHEN ${NOT_A_DATE(`raw.c${layout.date + 1}`)} THEN 2 WHEN ${DATE_OUT_OF_RANGE(`raw.c${layout.date + 1}`)} THEN 3 ELSE 0 END`,
    };
    if (layout.amount >= 0) {
      source.amount = `raw.c${layout.amount + 1}`;
      source.amountFlag = `CASE WHEN raw.c${layout.amount + 1} IS NULL THEN 1 WHEN ${AMOUNT_OUT_OF_RANGE(`raw.c${layout.amount + 1}`)} THEN 3 ELSE 0 END`;
    }
    return { source, layout, typed: true };
  }
  const { relation, field, fieldsFlag } = textRelation(file, layout);
  // Fields are converted once in an inner SELECT; the flags then only test the results for NULL.
  const cols = [`${field(layout.customer)} AS customer_raw`, `${field(layout.date)} AS date_raw`, `${fieldsFlag} AS fields_flag`];
  cols.push(`${duckDbDateSql(field(layout.date), layout.dateFormat)} AS date_value`);
  if (layout.amount >= 0) {
    const a = amountParts(field(layout.amount), layout.decimal);
    cols.push(`${field(layout.amount)} AS amount_raw`, `${a.value} AS amount_value`, `${a.isNumber} AS amount_is_number`);
  }
  const source: SqlSource = {
    relation: `(SELECT ${cols.join(', ')} FROM ${relation}) AS parsed`,
    customer: 'customer_raw',
    date: 'date_value',
    dateFlag: `CASE WHEN date_raw IS NULL THEN 1 WHEN date_value IS NULL OR ${NOT_A_DATE('date_value')} THEN 2 WHEN ${DATE_OUT_OF_RANGE('date_value')} THEN 3 ELSE 0 END`,
    fieldsFlag: 'fields_flag',
  };
  if (layout.amount >= 0) {
    source.amount = 'amount_value';
    source.amountFlag = `CASE WHEN amount_raw IS NULL THEN 1 WHEN amount_value IS NULL THEN (CASE WHEN amount_is_number THEN 3 ELSE 2 END) WHEN ${AMOUNT_OUT_OF_RANGE('amount_value')} THEN 3 ELSE 0 END`;
  }
  return { source, layout, typed: false };
}

/**
 * The file as a DuckDB relation of text fields read with the layout's settings (no sniffing), and
 * the SQL of field i (trimmed, NULL when empty).
 */
export function textRelation(file: string, layout: Pick<CsvLayout, 'delimiter' | 'header' | 'names'>): { relation: string; field: (i: number) => string; fieldsFlag: string } {
  if (layout.delimiter === 'whitespace') {
    // One text column per line (a delimiter that cannot occur), split on runs of blanks.
    const relation =
      `(SELECT string_split_regex(regexp_replace(line, '^\\s+|\\s+$', '', 'g'), '\\s+') AS f FROM read_csv(${quoteLiteral(file)}, ` +
      `columns = {'line': 'VARCHAR'}, delim = '\u0001', quote = '', escape = '', header = ${layout.header}, auto_detect = false) ` +
      `WHERE regexp_matches(line, '\\S')) AS raw`;
    return { relation, field: (i) => `NULLIF(f[${i + 1}], '')`, fieldsFlag: `CASE WHEN len(f) <> ${layout.names.length} THEN 1 ELSE 0 END` };
  }
  // Line by line, split on the delimiter: exact for files without quotes (the engines send files with
  // quotes to the node reader, see csv-scan.ts), and rows with the wrong number of fields are seen.
  const relation =
    `(SELECT string_split(line, ${quoteLiteral(layout.delimiter)}) AS f FROM read_csv(${quoteLiteral(file)}, columns = {'line': 'VARCHAR'}, ` +
    `delim = '\u0001', quote = '', escape = '', header = ${layout.header}, auto_detect = false)) AS raw`;
  return { relation, field: (i) => `NULLIF(trim(f[${i + 1}], ' \t'), '')`, fieldsFlag: `CASE WHEN len(f) <> ${layout.names.length} THEN 1 ELSE 0 END` };
}
