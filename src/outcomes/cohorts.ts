import type { TransactionTable } from '../types.ts';
import type { CustomerFacts } from './customers.ts';
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
  const cohortOf = new Float64Array(m).fill(NaN);
  const rows = new Map<number, CohortRow>();
  for (let c = 0; c < m; c++) {
    if (facts.first[c] < 0) continue;
    const o = periodOrdinal(facts.first[c], period);
    cohortOf[c] = o;
    let r = rows.get(o);
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
      rows.set(o, r);
    }
    r.size++;
    if (probabilityAlive && r.expected_active !== null) r.expected_active += probabilityAlive[c];
  }
  const seen = new Set<number>();
  const width = endOrd + 1;
  for (let i = 0; i < table.length; i++) {
    const d = table.day[i];
    if (d > facts.end) continue;
    const c = table.customer[i];
    const o = cohortOf[c];
    const k = periodOrdinal(d, period) - o;
    const r = rows.get(o)!;
    if (facts.hasAmount) r.revenue[k] += table.amount[i];
    // One count per customer and period, whatever the order of the transactions.
    const key = c * width + k;
    if (!seen.has(key)) {
      seen.add(key);
      r.active[k]++;
    }
  }
  const out = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  for (const r of out) {
    r.retention = r.active.map((a) => a / r.size);
    if (facts.hasAmount) r.revenue_retention = r.revenue.map((v) => (r.revenue[0] !== 0 ? v / r.revenue[0] : NaN));
  }
  return out;
}
