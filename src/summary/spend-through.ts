/**
 * Each customer's net spend up to a day, without a second summary: what `summarize(table, { end: day })`
 * gives as `totalSpend` (day periods), for the past-value tiers at an earlier date (the report's tier
 * migration). One pass over the rows up to that day, for a table in day order (as the ingest makes it).
 */
import { customerCount } from '../ingest/transactions.ts';
import type { Day, TransactionTable } from '../types.ts';

/** The customers with a purchase up to the day (table customer indices, ascending) and their net spend. */
export interface SpendThrough {
  customers: Int32Array;
  spend: Float64Array;
}

/**
 * The customers of `summarize(table, { unit: 'day', end: day })` (as table customer indices, in its order)
 * and its `totalSpend` column, to the last bit: the same sums in the same order (each day's rows from +0 in
 * row order, then the days in order; a day is a purchase when it has no return or nets above 0, and only
 * customers with a purchase count). Undefined when the table has no amounts or its rows are not in day
 * order (then call summarize).
 *
 * @example
 * const at = spendThrough(table, 20089); // at.spend[k]: spend of table customer at.customers[k] through 2025-01-01
 */
export function spendThrough(table: TransactionTable, day: Day): SpendThrough | undefined {
  if (!table.hasAmount) return undefined;
  const { customer, day: dayCol, amount } = table;
  const n = table.length;
  const m = customerCount(table);
  // per customer in 24 bytes: open day and its flags (int32 at si[6c], si[6c + 1]: 1 a return, 2 a purchase
  // so far), the open day's net and the spend of closed days (float64 at sf[3c + 1], sf[3c + 2])
  const NONE = -0x80000000;
  const state = new ArrayBuffer(24 * m);
  const si = new Int32Array(state);
  const sf = new Float64Array(state);
  for (let c = 0; c < m; c++) si[6 * c] = NONE;
  let prev = NONE;
  for (let i = 0; i < n; i++) {
    const d = dayCol[i];
    if (d < prev) return undefined;
    if (d > day) break; // every later row is later still
    prev = d;
    const c = customer[i];
    const o = 6 * c;
    const of = 3 * c + 1;
    const v = amount[i];
    const open = si[o];
    if (open !== d) {
      if (open !== NONE) {
        // close the open day: its net joins the spend; a purchase unless it has a return and nets to <= 0
        const net = sf[of];
        sf[of + 1] += net;
        if ((si[o + 1] & 1) === 0 || net > 0) si[o + 1] |= 2;
      }
      si[o] = d;
      sf[of] = 0 + v; // as summarize: the day's sum starts at +0
      si[o + 1] = (si[o + 1] & 2) | (v < 0 ? 1 : 0);
    } else {
      sf[of] += v;
      if (v < 0) si[o + 1] |= 1;
    }
  }
  let kept = 0;
  for (let c = 0; c < m; c++) {
    const o = 6 * c;
    if (si[o] === NONE) continue;
    const of = 3 * c + 1;
    const net = sf[of];
    sf[of + 1] += net;
    if ((si[o + 1] & 1) === 0 || net > 0) si[o + 1] |= 2;
    if (si[o + 1] & 2) kept++;
  }
  const customers = new Int32Array(kept);
  const spend = new Float64Array(kept);
  for (let c = 0, k = 0; c < m; c++) {
    if (si[6 * c] === NONE || (si[6 * c + 1] & 2) === 0) continue;
    customers[k] = c;
    spend[k++] = sf[3 * c + 2];
  }
  return { customers, spend };
}
