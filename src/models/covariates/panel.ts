/**
 * Time-varying covariates as a panel (one value per customer and period) and, per customer, the
 * pieces of their observation window over which the covariates are constant: the data of the
 * Pareto/NBD with time-varying covariates (Bachmann, Meierer & Näf 2021, §3: covariates constant
 * within each period, the periods' boundaries in calendar time).
 */
import { ClvkitError } from '../../errors.ts';
import type { Day } from '../../types.ts';
import { formatDay } from '../../ingest/dates.ts';
import { covariateMatrix, type CovariateColumns } from './design.ts';

/**
 * `values[(c * periods + p) * names.length + j]` is covariate j of customer c in period p, which
 * covers the days [periodStarts[p], periodStarts[p + 1]) (the last one holds on). NaN: no row.
 *
 * @example
 * const panel = covariatePanel({ customerIds: ['1', '1'], dates: Int32Array.of(12785, 12792), columns: [{ name: 'High.Season', values: ['0', '1'] }] });
 * panel.periodStarts; // [12785, 12792]
 */
export interface CovariatePanel {
  names: string[];
  periodStarts: Int32Array;
  customerIds: string[];
  values: Float64Array;
  reference: Record<string, string>;
  source: Record<string, string>;
  file?: string;
}

/**
 * Builds the panel from the rows of a time-varying covariate file (categorical columns become
 * indicators, as for static covariates). A customer with two rows for one period is an error.
 *
 * @example
 * covariatePanel(readCovariates('apparelDynCov.csv') as CovariateColumns & { dates: Int32Array }).periodStarts.length; // 313 weeks
 */
export function covariatePanel(raw: CovariateColumns & { dates: Int32Array }, options: { reference?: Record<string, string> } = {}): CovariatePanel {
  const rowsDesign = covariateMatrix({ customerIds: raw.customerIds, columns: raw.columns, file: raw.file }, options);
  const k = rowsDesign.names.length;
  const starts = Int32Array.from(new Set(raw.dates)).sort();
  const periodIndex = new Map<number, number>();
  starts.forEach((d, p) => periodIndex.set(d, p));
  const ids: string[] = [];
  const customerIndex = new Map<string, number>();
  for (const id of raw.customerIds) if (!customerIndex.has(id)) customerIndex.set(id, ids.push(id) - 1);
  const P = starts.length;
  const values = new Float64Array(ids.length * P * k).fill(NaN);
  for (let r = 0; r < raw.customerIds.length; r++) {
    const c = customerIndex.get(raw.customerIds[r])!;
    const p = periodIndex.get(raw.dates[r])!;
    const o = (c * P + p) * k;
    if (!Number.isNaN(values[o] ?? NaN) && k > 0) {
      throw new ClvkitError(`customer "${raw.customerIds[r]}" has two rows for the period starting ${formatDay(raw.dates[r])}`, { file: raw.file });
    }
    for (let j = 0; j < k; j++) values[o + j] = rowsDesign.values[r * k + j];
  }
  return { names: rowsDesign.names, periodStarts: starts, customerIds: ids, values, reference: rowsDesign.reference, source: rowsDesign.source, file: raw.file };
}

/**
 * Per customer, the pieces of [0, T] (model time units from the first purchase) over which the
 * covariates are constant (consecutive periods with equal covariates merged), the sum of the
 * covariates at the repeat purchases (the Π e^{γ_p'z(t_j)} factor of the likelihood), and the pieces
 * after T for predictions (the last one open-ended).
 *
 * @example
 * const d: DynamicCovariateData = dynamicCovariateData(panel, customers, 7);
 * d.offsets[1] - d.offsets[0]; // pieces of the first customer
 */
export interface DynamicCovariateData {
  names: string[];
  reference: Record<string, string>;
  source: Record<string, string>;
  customerIds: string[];
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  /** Pieces of customer i: offsets[i] .. offsets[i+1]-1; `length` in model units, `z` k per piece. */
  offsets: Int32Array;
  length: Float64Array;
  z: Float64Array;
  /** n × k: Σ z over the customer's repeat purchases. */
  purchaseSums: Float64Array;
  /** Pieces after T: futureOffsets[i] .. futureOffsets[i+1]-1; the last has length Infinity. */
  futureOffsets: Int32Array;
  futureLength: Float64Array;
  futureZ: Float64Array;
  /** Customers whose covariates are held at their last value beyond the panel. */
  heldCustomers: number;
  /** First day beyond the panel's last period start (the last period's value is held from there on). */
  panelEnd: Day;
}

/**
 * What a customer brings to the dynamic data: their summary, first purchase day, and the days of
 * their repeat purchases (up to the end of calibration).
 *
 * @example
 * const c: DynamicCustomers = { customerIds: ['1'], frequency: [1], recency: [2], T: [104], firstPurchase: [12785], repeatPurchaseDays: [[12799]], end: 13513 };
 */
export interface DynamicCustomers {
  customerIds: string[];
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
  firstPurchase: ArrayLike<number>;
  repeatPurchaseDays: ArrayLike<number>[];
  /** Last day of calibration (inclusive). */
  end: Day;
}

/**
 * Aligns a panel to customers (days to model units with `unitDays` days a unit). A customer without
 * covariates, or whose first purchase precedes the panel, is an error naming them.
 *
 * @example
 * const data = dynamicCovariateData(panel, customers, 7);
 */
export function dynamicCovariateData(panel: CovariatePanel, customers: DynamicCustomers, unitDays: number): DynamicCovariateData {
  const k = panel.names.length;
  const P = panel.periodStarts.length;
  const n = customers.customerIds.length;
  const at = new Map<string, number>();
  panel.customerIds.forEach((id, i) => at.set(id, i));
  const offsets = new Int32Array(n + 1);
  const futureOffsets = new Int32Array(n + 1);
  const len: number[] = [];
  const zs: number[] = [];
  const flen: number[] = [];
  const fz: number[] = [];
  const purchaseSums = new Float64Array(n * k);
  const starts = panel.periodStarts;
  const periodOfDay = (d: number): number => {
    // last p with starts[p] <= d
    let lo = 0;
    let hi = P - 1;
    if (d < starts[0]) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= d) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let held = 0;
  const end = customers.end;
  for (let i = 0; i < n; i++) {
    const id = customers.customerIds[i];
    const c = at.get(id);
    if (c === undefined) throw new ClvkitError(`customer "${id}" has no time-varying covariates; the panel needs a row for every customer and period`, { file: panel.file });
    const d0 = customers.firstPurchase[i];
    const p0 = periodOfDay(d0);
    if (p0 < 0) throw new ClvkitError(`customer "${id}" first purchased on ${formatDay(d0)}, before the first period of the covariates (${formatDay(starts[0])})`, { file: panel.file });
    const zAt = (p: number, out: number[]) => {
      const o = (c * P + p) * k;
      for (let j = 0; j < k; j++) {
        const v = panel.values[o + j];
        if (Number.isNaN(v)) throw new ClvkitError(`customer "${id}" has no covariates for the period starting ${formatDay(starts[p])}`, { file: panel.file });
        out.push(v);
      }
    };
    const same = (a: number[], oa: number, b: number[], ob: number) => {
      for (let j = 0; j < k; j++) if (a[oa + j] !== b[ob + j]) return false;
      return true;
    };
    // pieces over [d0, end] in days, then in model units
    offsets[i] = len.length;
    const Ti = customers.T[i];
    let p = p0;
    let from = d0;
    const tmp: number[] = [];
    for (;;) {
      const to = p + 1 < P ? Math.min(starts[p + 1], end) : end;
      const span = (Math.max(to, from) - from) / unitDays;
      tmp.length = 0;
      zAt(p, tmp);
      const last = len.length - 1;
      if (last >= offsets[i] && same(zs, last * k, tmp, 0)) len[last] += span;
      else {
        len.push(span);
        zs.push(...tmp);
      }
      if (p + 1 >= P || starts[p + 1] >= end) break;
      from = starts[p + 1];
      p++;
    }
    // the pieces sum to T up to rounding: make the total exact
    let total = 0;
    for (let q = offsets[i]; q < len.length; q++) total += len[q];
    len[len.length - 1] += Ti - total;
    // repeat purchases: Σ z at their periods
    const days = customers.repeatPurchaseDays[i];
    if (days.length !== customers.frequency[i]) throw new ClvkitError(`customer "${id}": ${days.length} repeat purchase days for frequency ${customers.frequency[i]}`);
    for (let q = 0; q < days.length; q++) {
      tmp.length = 0;
      zAt(periodOfDay(days[q]), tmp);
      for (let j = 0; j < k; j++) purchaseSums[i * k + j] += tmp[j];
    }
    // future pieces from end onwards: the periods after the end, then the last period held
    futureOffsets[i] = flen.length;
    let pf = periodOfDay(end);
    let fromF = end;
    for (;;) {
      tmp.length = 0;
      zAt(pf, tmp);
      const next = pf + 1 < P ? starts[pf + 1] : Infinity;
      const span = (next - fromF) / unitDays;
      const last = flen.length - 1;
      if (last >= futureOffsets[i] && same(fz, last * k, tmp, 0)) flen[last] += span;
      else {
        flen.push(span);
        fz.push(...tmp);
      }
      if (next === Infinity) break;
      fromF = next;
      pf++;
    }
    if (P > 0) held++;
  }
  offsets[n] = len.length;
  futureOffsets[n] = flen.length;
  const lastStart = starts[P - 1];
  return {
    names: panel.names,
    reference: panel.reference,
    source: panel.source,
    customerIds: customers.customerIds.slice(),
    frequency: Float64Array.from(customers.frequency),
    recency: Float64Array.from(customers.recency),
    T: Float64Array.from(customers.T),
    offsets,
    length: Float64Array.from(len),
    z: Float64Array.from(zs),
    purchaseSums,
    futureOffsets,
    futureLength: Float64Array.from(flen),
    futureZ: Float64Array.from(fz),
    heldCustomers: held,
    panelEnd: lastStart + Math.round(P > 1 ? starts[P - 1] - starts[P - 2] : unitDays),
  };
}
