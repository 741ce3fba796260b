/**
 * Covariate design matrices: numeric columns as they are, categorical columns as 0/1 indicators of
 * every level but a reference level (stated in the result), aligned to the customers of a summary.
 */
import { ClvkitError } from '../../errors.ts';

/**
 * Raw covariate columns, one value per customer row (text as read from a file or given in code).
 *
 * @example
 * const raw: CovariateColumns = { customerIds: ['1', '2'], columns: [{ name: 'Gender', values: ['0', '1'] }] };
 */
export interface CovariateColumns {
  customerIds: string[];
  columns: { name: string; values: (string | number)[] }[];
  /** For messages: where the columns came from. */
  file?: string;
}

/**
 * A numeric design matrix: `values[i * names.length + j]` is covariate j of row i.
 * `reference` names, per categorical column, the level left out (its effect is the baseline);
 * `source` maps each design column to the input column it comes from.
 *
 * @example
 * const m: CovariateMatrix = { names: ['Gender'], rows: 2, values: Float64Array.of(0, 1), customerIds: ['1', '2'], reference: {}, source: { Gender: 'Gender' } };
 */
export interface CovariateMatrix {
  names: string[];
  rows: number;
  values: Float64Array;
  customerIds: string[];
  reference: Record<string, string>;
  source: Record<string, string>;
}

/**
 * Builds the design matrix: a column whose every value reads as a number (`.` or `,` decimals) stays
 * numeric; any other column is categorical and becomes one indicator `column=level` per level but the
 * reference (by default the first level in sorted order; `reference` chooses another).
 *
 * @example
 * covariateMatrix({ customerIds: ['a', 'b', 'c'], columns: [{ name: 'tier', values: ['gold', 'silver', 'gold'] }] });
 * // names ['tier=silver'], reference { tier: 'gold' }, values [0, 1, 0]
 */
export function covariateMatrix(raw: CovariateColumns, options: { reference?: Record<string, string> } = {}): CovariateMatrix {
  const n = raw.customerIds.length;
  const names: string[] = [];
  const cols: Float64Array[] = [];
  const reference: Record<string, string> = {};
  const source: Record<string, string> = {};
  for (const col of raw.columns) {
    if (col.values.length !== n) throw new ClvkitError(`covariate "${col.name}" has ${col.values.length} values for ${n} customers`, { file: raw.file });
    const nums = new Float64Array(n);
    let numeric = true;
    for (let i = 0; i < n && numeric; i++) {
      const v = col.values[i];
      const x = typeof v === 'number' ? v : parseLooseNumber(v);
      if (!Number.isFinite(x)) numeric = false;
      else nums[i] = x;
    }
    if (numeric) {
      names.push(col.name);
      cols.push(nums);
      source[col.name] = col.name;
      continue;
    }
    const levels = [...new Set(col.values.map((v) => String(v).trim()))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const ref = options.reference?.[col.name] ?? levels[0];
    if (!levels.includes(ref)) throw new ClvkitError(`reference level "${ref}" is not a value of covariate "${col.name}" (levels: ${levels.join(', ')})`, { file: raw.file });
    reference[col.name] = ref;
    for (const level of levels) {
      if (level === ref) continue;
      const ind = new Float64Array(n);
      for (let i = 0; i < n; i++) ind[i] = String(col.values[i]).trim() === level ? 1 : 0;
      const name = `${col.name}=${level}`;
      names.push(name);
      cols.push(ind);
      source[name] = col.name;
    }
  }
  const k = names.length;
  const values = new Float64Array(n * k);
  for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) values[i * k + j] = cols[j][i];
  return { names, rows: n, values, customerIds: raw.customerIds.slice(), reference, source };
}

/** A number in `.` or `,` decimal notation, NaN otherwise (empty cells are not numbers). */
function parseLooseNumber(s: string): number {
  const t = s.trim();
  if (t === '') return NaN;
  const v = Number(t.includes(',') && !t.includes('.') ? t.replace(',', '.') : t);
  return v;
}

/**
 * The rows of a design matrix in the order of `customerIds` (a summary's customers). A customer
 * without covariates is an error naming how many and the first one; covariate rows of customers
 * not in the summary are counted in `unused`.
 *
 * @example
 * const aligned = alignCovariates(matrix, summary.customerIds);
 * aligned.matrix.rows === summary.customerIds.length; aligned.unused; // 0
 */
export function alignCovariates(matrix: CovariateMatrix, customerIds: string[], file?: string): { matrix: CovariateMatrix; unused: number } {
  const k = matrix.names.length;
  const at = new Map<string, number>();
  matrix.customerIds.forEach((id, i) => {
    if (at.has(id)) throw new ClvkitError(`customer "${id}" has more than one row of static covariates`, { file });
    at.set(id, i);
  });
  const values = new Float64Array(customerIds.length * k);
  let missing = 0;
  let firstMissing = '';
  let used = 0;
  customerIds.forEach((id, i) => {
    const j = at.get(id);
    if (j === undefined) {
      if (missing++ === 0) firstMissing = id;
      return;
    }
    used++;
    for (let c = 0; c < k; c++) values[i * k + c] = matrix.values[j * k + c];
  });
  if (missing > 0) {
    throw new ClvkitError(`${missing} customer(s) of the transactions have no covariates (first: "${firstMissing}"); add a row for each customer`, { file });
  }
  return { matrix: { ...matrix, rows: customerIds.length, values, customerIds: customerIds.slice() }, unused: matrix.rows - used };
}

/**
 * The design restricted to chosen columns (by design name, or by input column name for a categorical
 * column's indicators), in the given order.
 *
 * @example
 * selectCovariates(matrix, ['Gender']).names; // ['Gender']
 */
export function selectCovariates(matrix: CovariateMatrix, wanted: string[]): CovariateMatrix {
  const idx: number[] = [];
  for (const w of wanted) {
    const hits = matrix.names.map((n, j) => (n === w || matrix.source[n] === w ? j : -1)).filter((j) => j >= 0);
    if (hits.length === 0) throw new ClvkitError(`unknown covariate "${w}" (covariates: ${[...new Set(matrix.names.map((n) => matrix.source[n]))].join(', ')})`);
    for (const h of hits) if (!idx.includes(h)) idx.push(h);
  }
  const k = matrix.names.length;
  const values = new Float64Array(matrix.rows * idx.length);
  for (let i = 0; i < matrix.rows; i++) idx.forEach((j, c) => (values[i * idx.length + c] = matrix.values[i * k + j]));
  const names = idx.map((j) => matrix.names[j]);
  const source: Record<string, string> = {};
  for (const nm of names) source[nm] = matrix.source[nm];
  const reference: Record<string, string> = {};
  for (const nm of names) if (matrix.reference[matrix.source[nm]] !== undefined) reference[matrix.source[nm]] = matrix.reference[matrix.source[nm]];
  return { names, rows: matrix.rows, values, customerIds: matrix.customerIds, reference, source };
}
