import type { TransactionTable } from '../types.ts';
import { NO_DAY, type CustomerFacts } from './customers.ts';
import { type OutcomePeriod, ordinalStart, periodLabel, periodOrdinal } from './periods.ts';

/**
 * One acquisition cohort's activity by period since acquisition (k = 0 is the acquisition period).
 *
 * @example
 * const row: CohortRow = cohortMatrix(table, facts, 'month')[0]; // row.retention[2]: share buying in month 2
 */
export interface CohortRow {
  cohort: string;
  size: number;
  /** Customers of the cohort with a purchase in their k-th period. */
  active: number[];
  /** active[k] / size: the cohort × period activity matrix. */
  retention: number[];
  /** Revenue of the cohort in its k-th period (empty without amounts). */
  revenue: number[];
  /** revenue[k] / revenue[0] (empty without amounts). */
  revenue_retention: number[];
  /** Whether the last period is cut by the observation end (so its share is not comparable). */
  last_partial: boolean;
  /** Sum of P(alive) at the end over the cohort (BG/NBD), null when no model was given. */
  expected_active: number | null;
}

/**
 * The cohort × period activity matrix: for each acquisition cohort (calendar period of the first
 * purchase), the share of its customers buying in the cohort's k-th period, the revenue by period and
 * revenue retention (revenue in period k over revenue in period 0), and, given P(alive) per customer
 * (aligned with `facts.customerIds`), the model's expected number of active customers (Σ P(alive),
 * Fader, Hardie & Lee 2005a, appendix, and their note "Computing P(alive) using the BG/NBD model", summed over the cohort).
 *
 * @example
 * const rows = cohortMatrix(table, customerFacts(table, end), 'month');
 * rows[0].retention; // [1, 0.31, 0.24, ...]
 */
export function cohortMatrix(table: TransactionTable, facts: CustomerFacts, period: OutcomePeriod, probabilityAlive?: ArrayLike<number>): CohortRow[] {
  const endOrd = periodOrdinal(facts.end, period);
  const partial = ordinalStart(endOrd + 1, period) - 1 > facts.end;
  const m = facts.first.length;
  // period ordinal of every day from the earliest first purchase to the end (a lookup, not a date conversion per transaction)
  let minDay = Infinity;
  for (let c = 0; c < m; c++) if (facts.first[c] !== NO_DAY && facts.first[c] < minDay) minDay = facts.first[c];
  const span = Number.isFinite(minDay) ? facts.end - minDay + 1 : 0;
  const useTable = span > 0 && span <= 1 << 22;
  const ordOf = new Float64Array(useTable ? span : 0);
  for (let d = 0; d < ordOf.length; d++) ordOf[d] = periodOrdinal(minDay + d, period);
  const ordinal = (d: number) => (useTable && d >= minDay && d <= facts.end ? ordOf[d - minDay] : periodOrdinal(d, period));
  const minOrd = Number.isFinite(minDay) ? ordinal(minDay) : 0;
  const K = Math.max(0, endOrd - minOrd + 1); // cohorts (and periods since acquisition) at most
  const cohortOf = new Int32Array(m).fill(-1); // cohort slot o - minOrd, -1 without a first purchase
  const slots: (CohortRow | undefined)[] = new Array(K);
  for (let c = 0; c < m; c++) {
    if (facts.first[c] === NO_DAY) continue;
    const o = ordinal(facts.first[c]);
    const q = o - minOrd;
    cohortOf[c] = q;
    let r = slots[q];
    if (!r) {
      const len = endOrd - o + 1;
      r = {
        cohort: periodLabel(o, period),
        size: 0,
        active: new Array<number>(len).fill(0),
        retention: [],
        revenue: facts.hasAmount ? new Array<number>(len).fill(0) : [],
        revenue_retention: [],
        last_partial: partial,
        expected_active: probabilityAlive ? 0 : null,
      };
      slots[q] = r;
    }
    r.size++;
    if (probabilityAlive && r.expected_active !== null) r.expected_active += probabilityAlive[c];
  }
  // One count per customer and period, whatever the order of the transactions: a bit per (customer, k)
  // (k < K); a set of keys when the bits would take more than 32 MB.
  const bits = m * K <= 2 ** 28 ? new Uint32Array(Math.ceil((m * K) / 32)) : undefined;
  const seen = bits ? undefined : new Set<number>();
  const width = endOrd + 1;
  const hasAmount = facts.hasAmount;
  // active customers and revenue per (cohort slot, k) in flat typed arrays, copied to the rows after
  // (K² cells: up to 4M, else one row at a time, in the rows themselves)
  const flat = K * K <= 1 << 22;
  const active = new Float64Array(flat ? K * K : 0);
  const revenue = new Float64Array(flat && hasAmount ? K * K : 0);
  const { day, customer, amount } = table;
  const end = facts.end;
  for (let i = 0; i < table.length; i++) {
    const d = day[i];
    if (d > end) continue;
    const c = customer[i];
    const q = cohortOf[c];
    if (q < 0) throw new TypeError(`cohortMatrix: a transaction of customer ${c} who has no first purchase`);
    const k = (useTable && d >= minDay ? ordOf[d - minDay] : ordinal(d)) - (q + minOrd);
    const cell = q * K + k;
    const row = flat ? undefined : slots[q]!;
    if (hasAmount) {
      if (row) row.revenue[k] += amount[i];
      else revenue[cell] += amount[i];
    }
    if (bits) {
      const key = c * K + k;
      const w = key >>> 5;
      const b = 1 << (key & 31);
      if ((bits[w] & b) === 0) {
        bits[w] |= b;
        if (row) row.active[k]++;
        else active[cell]++;
      }
    } else {
      const key = c * width + k;
      if (!seen!.has(key)) {
        seen!.add(key);
        if (row) row.active[k]++;
        else active[cell]++;
      }
    }
  }
  for (let q = 0; flat && q < K; q++) {
    const r = slots[q];
    if (!r) continue;
    for (let k = 0; k < r.active.length; k++) {
      r.active[k] = active[q * K + k];
      if (hasAmount) r.revenue[k] = revenue[q * K + k];
    }
  }
  const out = slots.filter((r): r is CohortRow => r !== undefined);
  for (const r of out) {
    r.retention = r.active.map((a) => a / r.size);
    if (facts.hasAmount) r.revenue_retention = r.revenue.map((v) => (r.revenue[0] !== 0 ? v / r.revenue[0] : NaN));
  }
  return out;
}
