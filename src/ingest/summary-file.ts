/**
 * Reader of the model input files that are not transaction logs (DESIGN.md §3, **contract**):
 *
 * - a customer summary, `frequency,recency,T[,monetary_value]` (lifetimes naming) or `x,t_x,T,zbar`
 *   (Fader & Hardie naming), with an optional id column (`customer_id`, `ID`, ...) and optional `weights`;
 * - BG/BB rows `frequency,recency,periods[,weights]` (donations.csv);
 * - survivor counts for sBG / beta-discrete-Weibull: `period,alive`, or a period column (`period`, `year`,
 *   `month`, `week`, ...) and one column per cohort, one of them chosen with `column`; with `cohortSize`
 *   the values are percentages of a cohort of that size.
 *
 * The kind is detected from the header. Bad cells are ClvkitErrors at file:line:column.
 */
import { ClvkitError } from '../errors.ts';
import { closeSync, openSync, readSync } from 'node:fs';
import { detectDelimiter, normalizeHeader, numberCell, readTable, type Table } from './table.ts';
import { NotUtf8Summary, readSummaryBytes } from './summary-bytes.ts';

/**
 * A customer summary read from a file.
 *
 * @example
 * const s = readSummaryFile('cdnow_customers_summary_with_transactions.csv') as SummaryFileData;
 * s.frequency[0]; s.monetaryValue?.[0];
 */
export interface SummaryFileData {
  kind: 'summary';
  file: string;
  naming: 'lifetimes' | 'hardie';
  customerIds: string[];
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  /** Mean repeat spend, when the file has `monetary_value` (or `zbar`). */
  monetaryValue?: Float64Array;
  weights?: Float64Array;
}

/**
 * BG/BB weighted rows read from a file.
 *
 * @example
 * const d = readSummaryFile('donations.csv') as BgBbFileData; // d.weights sums to 11,104
 */
export interface BgBbFileData {
  kind: 'bgbb';
  file: string;
  frequency: Float64Array;
  recency: Float64Array;
  periods: Float64Array;
  weights: Float64Array;
}

/**
 * Survivor counts read from a file: the cohort(s) chosen and the other columns found.
 *
 * @example
 * const d = readSummaryFile('sbg_retention.csv', { column: 'regular', cohortSize: 1000 }) as SurvivorFileData;
 * d.cohorts[0].alive; // [1000, 631, 468, ...]
 */
export interface SurvivorFileData {
  kind: 'survivors';
  file: string;
  /** Name of the period column (period, year, ...). */
  periodColumn: string;
  /** Every cohort column of the file. */
  columns: string[];
  /** The chosen cohorts, survivors at the start of periods 0, 1, ... (counts). */
  cohorts: { name: string; alive: number[] }[];
  /** Whether the values were converted from percentages with `cohortSize`. */
  fromPercentages: boolean;
}

/**
 * @example
 * const f: ModelInputFile = readSummaryFile('donations.csv');
 */
export type ModelInputFile = SummaryFileData | BgBbFileData | SurvivorFileData;
/**
 * @example
 * const k: ModelInputKind | undefined = sniffModelInputKind('donations.csv'); // 'bgbb'
 */
export type ModelInputKind = ModelInputFile['kind'];

/**
 * Options of readSummaryFile.
 *
 * @example
 * readSummaryFile('sbg_retention.csv', { column: 'regular', cohortSize: 1000, through: 7 });
 */
export interface SummaryFileOptions {
  delimiter?: string;
  /** Survivor tables: the cohort column(s) to use (comma-separated or an array); needed when there are several. */
  column?: string | string[];
  /** Survivor tables: the values are percentages of cohorts of this size. */
  cohortSize?: number;
  /** Survivor tables: use only periods 0..through (e.g. 7 to fit years 1-7 and hold out the rest). */
  through?: number;
  /** Force the kind instead of detecting it from the header. */
  kind?: ModelInputKind;
}

const ID = ['customer_id', 'id', 'customer', 'client', 'id_client', 'customerid'];
const FREQ = ['frequency', 'x', 'frequence'];
const REC = ['recency', 't_x', 'tx', 'recence'];
const TCOL = ['t'];
const MONEY = ['monetary_value', 'zbar', 'm', 'mbar', 'monetary', 'valeur_monetaire'];
const WEIGHTS = ['weights', 'weight', 'count', 'n_customers', 'poids'];
const PERIODS = ['periods', 'n', 'opportunities'];
const PERIOD = ['period', 'year', 'month', 'week', 'day', 'periode', 'annee', 'mois', 'semaine', 'jour', 'age', 'tenure'];
const ALIVE = ['alive', 'survivors', 'active', 'actifs', 'survivants'];
const COHORT = ['cohort', 'group', 'segment', 'cohorte', 'groupe'];

function find(norm: string[], aliases: string[]): number {
  for (const a of aliases) {
    const i = norm.indexOf(a);
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Which kind of model input a header describes, or undefined (then it is a transaction file).
 *
 * @example
 * detectModelInputKind(['frequency', 'recency', 'periods', 'weights']); // 'bgbb'
 * detectModelInputKind(['ID', 'x', 't_x', 'T', 'zbar']);                // 'summary'
 * detectModelInputKind(['year', 'regular', 'high_end']);                // 'survivors'
 */
export function detectModelInputKind(header: string[]): ModelInputKind | undefined {
  const norm = header.map(normalizeHeader);
  const f = find(norm, FREQ);
  const r = find(norm, REC);
  if (f >= 0 && r >= 0 && find(norm, PERIODS) >= 0) return 'bgbb';
  if (f >= 0 && r >= 0 && find(norm, TCOL) >= 0) return 'summary';
  const p = find(norm, PERIOD);
  if (p >= 0 && norm.length >= 2 && f < 0) return 'survivors';
  if (find(norm, ALIVE) >= 0 && f < 0) return 'survivors';
  return undefined;
}

/**
 * The kind of model input a file holds, from its first line only (so a large transaction log is not read);
 * undefined for a transaction file or a file that cannot be read (the transaction reader then reports it).
 *
 * @example
 * sniffModelInputKind('donations.csv'); // 'bgbb'
 * sniffModelInputKind('transactions.csv'); // undefined
 */
export function sniffModelInputKind(path: string, delimiter?: string): ModelInputKind | undefined {
  let text: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(65536);
      const n = readSync(fd, buf, 0, buf.length, 0);
      text = buf.subarray(0, n).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  if (lines.length === 0) return undefined;
  const d = delimiter ?? detectDelimiter(lines.slice(0, 20).join('\n'));
  const cells = d === 'whitespace' ? lines[0].trim().split(/\s+/) : lines[0].split(d);
  const kind = detectModelInputKind(cells.map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
  if (kind === 'survivors' && lines.length > 1) {
    // A transaction file may have a "week" or "month" column: survivor tables hold numbers only.
    const data = d === 'whitespace' ? lines[1].trim().split(/\s+/) : lines[1].split(d);
    const cohortCol = find(cells.map((c) => normalizeHeader(c.replace(/^"(.*)"$/, '$1'))), COHORT);
    const numeric = (c: string) => c.trim() === '' || /^-?[\d.,\s]+%?$/.test(c.trim().replace(/^"(.*)"$/, '$1'));
    if (!data.every((c, i) => i === cohortCol || numeric(c))) return undefined;
  }
  return kind;
}

/**
 * Read a summary, BG/BB or survivor file, detecting the kind from its header.
 *
 * @example
 * const input = readSummaryFile('donations.csv');
 * if (input.kind === 'bgbb') fitBgBb(input);
 */
export function readSummaryFile(path: string, options: SummaryFileOptions = {}): ModelInputFile {
  // Customer summaries (up to millions of rows) are scanned as bytes into typed columns (summary-bytes.ts);
  // whitespace-separated ones and the small BG/BB and survivor tables go through the table reader.
  if ((options.kind ?? sniffModelInputKind(path, options.delimiter)) === 'summary') {
    try {
      const cols = readSummaryBytes(path, { id: ID, frequency: FREQ, recency: REC, T: TCOL, money: MONEY, weights: WEIGHTS }, options.delimiter);
      if (cols) return cols;
    } catch (e) {
      // not UTF-8: the table reader below reads Windows-1252 (Excel's CSV in Western Europe) or says it is neither
      if (!(e instanceof NotUtf8Summary)) throw e;
    }
  }
  const table = readTable(path, options.delimiter ? { delimiter: options.delimiter } : {});
  return summaryFromTable(table, options);
}

/**
 * Same as readSummaryFile from a table already read (see src/ingest/table.ts).
 *
 * @example
 * summaryFromTable(parseTable('frequency,recency,T\n1,2,5\n', 'x.csv'));
 */
export function summaryFromTable(table: Table, options: SummaryFileOptions = {}): ModelInputFile {
  const kind = options.kind ?? detectModelInputKind(table.header);
  if (kind === undefined) {
    throw new ClvkitError(
      `not a summary file: expected columns frequency,recency,T[,monetary_value] (or x,t_x,T,zbar), frequency,recency,periods[,weights] or period,alive; columns found: ${table.header.join(', ')}`,
      { file: table.file, line: 1 },
    );
  }
  if (kind === 'summary') return readCustomerSummary(table);
  if (kind === 'bgbb') return readBgBb(table);
  return readSurvivors(table, options);
}

function required(table: Table, norm: string[], aliases: string[], what: string): number {
  const i = find(norm, aliases);
  if (i < 0) throw new ClvkitError(`no ${what} column (looked for ${aliases.join(', ')}); columns found: ${table.header.join(', ')}`, { file: table.file, line: 1 });
  return i;
}

function cellError(table: Table, row: number, col: number, detail: string): ClvkitError {
  return new ClvkitError(detail, { file: table.file, line: table.lines[row], column: col + 1 });
}

function readCustomerSummary(table: Table): SummaryFileData {
  const norm = table.header.map(normalizeHeader);
  const fc = required(table, norm, FREQ, 'frequency');
  const rc = required(table, norm, REC, 'recency');
  const tc = required(table, norm, TCOL, 'T');
  let mc = find(norm, MONEY);
  // A summary written without amounts (clvkit summary on a file with no amount column) has an empty spend column.
  if (mc >= 0 && table.rows.every((r) => r[mc].trim() === '')) mc = -1;
  const wc = find(norm, WEIGHTS);
  const ic = find(norm, ID);
  const n = table.rows.length;
  const out: SummaryFileData = {
    kind: 'summary',
    file: table.file,
    naming: norm[fc] === 'x' ? 'hardie' : 'lifetimes',
    customerIds: new Array(n),
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: new Float64Array(n),
    ...(mc >= 0 ? { monetaryValue: new Float64Array(n) } : {}),
    ...(wc >= 0 ? { weights: new Float64Array(n) } : {}),
  };
  for (let i = 0; i < n; i++) {
    const x = numberCell(table, i, fc, 'a number of repeat purchases');
    if (!(x >= 0) || !Number.isInteger(x)) throw cellError(table, i, fc, `frequency must be a whole number >= 0, got "${table.rows[i][fc]}"`);
    const r = numberCell(table, i, rc, 'a recency');
    if (!(r >= 0)) throw cellError(table, i, rc, `recency must be >= 0, got "${table.rows[i][rc]}"`);
    const T = numberCell(table, i, tc, 'a customer age T');
    if (!(T >= 0)) throw cellError(table, i, tc, `T must be >= 0, got "${table.rows[i][tc]}"`);
    if (r > T * (1 + 1e-12) + 1e-12) throw cellError(table, i, rc, `recency (${r}) cannot exceed T (${T})`);
    if (x === 0 && r !== 0) throw cellError(table, i, rc, `recency must be 0 when frequency is 0, got "${table.rows[i][rc]}"`);
    out.frequency[i] = x;
    out.recency[i] = r;
    out.T[i] = T;
    out.customerIds[i] = ic >= 0 ? table.rows[i][ic] : String(i + 1);
    if (out.monetaryValue) {
      const raw = table.rows[i][mc].trim();
      const m = raw === '' && x === 0 ? 0 : numberCell(table, i, mc, 'a mean spend');
      if (!(m >= 0) && x > 0) throw cellError(table, i, mc, `monetary value must be >= 0, got "${raw}"`);
      out.monetaryValue[i] = x === 0 ? 0 : m;
    }
    if (out.weights) {
      const w = numberCell(table, i, wc, 'a weight (number of customers)');
      if (!(w >= 0)) throw cellError(table, i, wc, `weights must be >= 0, got "${table.rows[i][wc]}"`);
      out.weights[i] = w;
    }
  }
  return out;
}

function readBgBb(table: Table): BgBbFileData {
  const norm = table.header.map(normalizeHeader);
  const fc = required(table, norm, FREQ, 'frequency');
  const rc = required(table, norm, REC, 'recency');
  const pc = required(table, norm, PERIODS, 'periods');
  const wc = find(norm, WEIGHTS);
  const n = table.rows.length;
  const out: BgBbFileData = {
    kind: 'bgbb',
    file: table.file,
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    periods: new Float64Array(n),
    weights: new Float64Array(n).fill(1),
  };
  const whole = (i: number, c: number, what: string) => {
    const v = numberCell(table, i, c, what);
    if (!(v >= 0) || !Number.isInteger(v)) throw cellError(table, i, c, `${table.header[c]} must be a whole number >= 0, got "${table.rows[i][c]}"`);
    return v;
  };
  for (let i = 0; i < n; i++) {
    const x = whole(i, fc, 'a number of transactions');
    const tx = whole(i, rc, 'the period of the last transaction');
    const p = whole(i, pc, 'a number of periods');
    if (tx > p) throw cellError(table, i, rc, `recency (${tx}) cannot exceed periods (${p})`);
    if (x > tx) throw cellError(table, i, fc, `frequency (${x}) cannot exceed recency (${tx})`);
    if (x === 0 && tx !== 0) throw cellError(table, i, rc, `recency must be 0 when frequency is 0, got ${tx}`);
    if (x > 0 && tx === 0) throw cellError(table, i, rc, 'recency must be >= 1 when frequency > 0');
    out.frequency[i] = x;
    out.recency[i] = tx;
    out.periods[i] = p;
    if (wc >= 0) {
      const w = numberCell(table, i, wc, 'a weight (number of customers)');
      if (!(w >= 0)) throw cellError(table, i, wc, `weights must be >= 0, got "${table.rows[i][wc]}"`);
      out.weights[i] = w;
    }
  }
  return out;
}

function readSurvivors(table: Table, options: SummaryFileOptions): SurvivorFileData {
  const norm = table.header.map(normalizeHeader);
  const pc = find(norm, PERIOD);
  const lc = find(norm, COHORT);
  if (lc >= 0 && pc >= 0 && find(norm, ALIVE) >= 0) return readLongSurvivors(table, options, lc, pc, find(norm, ALIVE));
  const cohortCols = table.header.map((_, i) => i).filter((i) => i !== pc);
  const columns = cohortCols.map((i) => table.header[i]);
  let chosen: number[];
  const asked = options.column === undefined ? undefined : Array.isArray(options.column) ? options.column : options.column.split(',').map((s) => s.trim());
  if (asked && asked.length > 0) {
    chosen = asked.map((name) => {
      const i = norm.indexOf(normalizeHeader(name));
      if (i < 0 || i === pc) throw new ClvkitError(`no cohort column "${name}"; cohort columns found: ${columns.join(', ')}`, { file: table.file, line: 1 }, 2);
      return i;
    });
  } else if (cohortCols.length === 1) chosen = cohortCols;
  else {
    throw new ClvkitError(`several cohort columns (${columns.join(', ')}): choose one (or several, comma-separated) with --column`, { file: table.file, line: 1 }, 2);
  }
  // Periods must be 0, 1, 2, ... in order.
  if (pc >= 0) {
    for (let i = 0; i < table.rows.length; i++) {
      const p = numberCell(table, i, pc, 'a period number');
      if (p !== i) throw cellError(table, i, pc, `periods must be 0, 1, 2, ... in order (survivors at the start of each period, period 0 first); expected ${i}, got "${table.rows[i][pc]}"`);
    }
  }
  const size = options.cohortSize;
  if (size !== undefined && (!(size > 0) || !Number.isFinite(size))) throw new ClvkitError(`the cohort size must be a positive number, got ${size}`);
  const cohorts = chosen.map((c) => {
    const alive: number[] = [];
    let ended = false;
    for (let i = 0; i < table.rows.length; i++) {
      const raw = table.rows[i][c].trim();
      if (raw === '') {
        ended = true; // a younger cohort observed for fewer periods
        continue;
      }
      if (ended) throw cellError(table, i, c, 'a value follows an empty cell: a cohort must be observed over consecutive periods from period 0');
      const v = numberCell(table, i, c, 'a number of survivors');
      if (!(v >= 0)) throw cellError(table, i, c, `survivors must be >= 0, got "${raw}"`);
      if (alive.length > 0 && v > alive[alive.length - 1] * (1 + 1e-12)) {
        throw cellError(table, i, c, `survivors cannot increase from one period to the next (${alive[alive.length - 1] * (size ? 100 / size : 1)} then ${v})`);
      }
      if (size !== undefined && v > 100) throw cellError(table, i, c, `with a cohort size the values are percentages (0-100), got ${v}`);
      alive.push(size !== undefined ? (v / 100) * size : v);
    }
    if (options.through !== undefined) alive.splice(options.through + 1);
    if (alive.length < 2) throw new ClvkitError(`cohort "${table.header[c]}" needs survivors for at least periods 0 and 1`, { file: table.file });
    if (!(alive[0] > 0)) throw cellError(table, 0, c, 'the cohort size at period 0 must be positive');
    return { name: table.header[c], alive };
  });
  return {
    kind: 'survivors',
    file: table.file,
    periodColumn: pc >= 0 ? table.header[pc] : '',
    columns,
    cohorts,
    fromPercentages: size !== undefined,
  };
}

/** Long survivor tables: `cohort, period, alive` rows, periods 0, 1, ... in order within each cohort. */
function readLongSurvivors(table: Table, options: SummaryFileOptions, lc: number, pc: number, ac: number): SurvivorFileData {
  const size = options.cohortSize;
  if (size !== undefined && (!(size > 0) || !Number.isFinite(size))) throw new ClvkitError(`the cohort size must be a positive number, got ${size}`);
  const byName = new Map<string, number[]>();
  for (let i = 0; i < table.rows.length; i++) {
    const name = table.rows[i][lc].trim();
    const alive = byName.get(name) ?? [];
    const p = numberCell(table, i, pc, 'a period number');
    if (p !== alive.length) {
      throw cellError(table, i, pc, `periods of cohort "${name}" must be 0, 1, 2, ... in order; expected ${alive.length}, got "${table.rows[i][pc]}"`);
    }
    const v = numberCell(table, i, ac, 'a number of survivors');
    if (!(v >= 0)) throw cellError(table, i, ac, `survivors must be >= 0, got "${table.rows[i][ac]}"`);
    if (size !== undefined && v > 100) throw cellError(table, i, ac, `with a cohort size the values are percentages (0-100), got ${v}`);
    const count = size !== undefined ? (v / 100) * size : v;
    if (alive.length > 0 && count > alive[alive.length - 1] * (1 + 1e-12)) {
      throw cellError(table, i, ac, `survivors of cohort "${name}" cannot increase from one period to the next`);
    }
    alive.push(count);
    byName.set(name, alive);
  }
  const columns = [...byName.keys()];
  const asked = options.column === undefined ? columns : Array.isArray(options.column) ? options.column : options.column.split(',').map((s) => s.trim());
  const cohorts = asked.map((name) => {
    const alive = byName.get(name);
    if (!alive) throw new ClvkitError(`no cohort "${name}"; cohorts found: ${columns.join(', ')}`, { file: table.file }, 2);
    if (options.through !== undefined) alive.splice(options.through + 1);
    if (alive.length < 2) throw new ClvkitError(`cohort "${name}" needs survivors for at least periods 0 and 1`, { file: table.file });
    if (!(alive[0] > 0)) throw new ClvkitError(`cohort "${name}": the cohort size at period 0 must be positive`, { file: table.file });
    return { name, alive };
  });
  return { kind: 'survivors', file: table.file, periodColumn: table.header[pc], columns, cohorts, fromPercentages: size !== undefined };
}
