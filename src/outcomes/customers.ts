import type { Day, TransactionTable } from '../types.ts';
import { customerCount } from '../ingest/transactions.ts';

import { NO_DAY } from './periods.ts';

export { NO_DAY };

/**
 * What the outcomes need to know about each customer, columnar, in `customerIds` order.
 *
 * @example
 * const f: CustomerFacts = customerFacts(table, end); // f.second[c] - f.first[c]: days to the second purchase
 */
export interface CustomerFacts {
  customerIds: string[];
  /** Day of the first purchase (NO_DAY when every transaction of the customer is after the end). */
  first: Int32Array;
  /** Day of the second distinct purchase day, NO_DAY when none before the end. */
  second: Int32Array;
  /** Last purchase day on or before the end (NO_DAY when none). */
  last: Int32Array;
  /** Value of the first purchase day (sum of its transactions; NaN without amounts). */
  firstValue: Float64Array;
  /** Total value on or before the end (NaN without amounts). */
  revenue: Float64Array;
  /** Acquisition channel: the channel of the customer's first transaction on the first day (first in file order), -1 when none. */
  channel: Int32Array;
  channels: string[];
  hasAmount: boolean;
  /** Observation end used. */
  end: Day;
  /** Transactions after the end, not used. */
  afterEnd: number;
}

/**
 * One pass over the transactions (in any order) to each customer's first and second purchase days,
 * last day, first-order value, revenue and acquisition channel, ignoring transactions after `end`.
 * Several transactions on the same day are one purchase day.
 *
 * @example
 * const facts = customerFacts(table, table.day.reduce((a, b) => Math.max(a, b)));
 * facts.second[0] - facts.first[0]; // days from first to second purchase of the first customer
 */
export function customerFacts(table: TransactionTable, end: Day): CustomerFacts {
  const m = customerCount(table);
  const n = table.length;
  const dayCol = table.day;
  const customerCol = table.customer;
  const amountCol = table.amount;
  const channelCol = table.channel;
  const hasAmount = table.hasAmount;
  // Each customer's running facts in one 32-byte record (a row touches one cache line, not six
  // arrays): int32 first, second, last, channel at si[8c ..]; float64 first value, revenue at sf[4c + 2 ..].
  const state = new ArrayBuffer(32 * m);
  const si = new Int32Array(state);
  const sf = new Float64Array(state);
  for (let c = 0; c < m; c++) {
    const o = c << 3;
    si[o] = NO_DAY;
    si[o + 1] = NO_DAY;
    si[o + 2] = NO_DAY;
    si[o + 3] = -1;
  }
  let afterEnd = 0;
  for (let i = 0; i < n; i++) {
    const d = dayCol[i];
    if (d > end) {
      afterEnd++;
      continue;
    }
    const c = customerCol[i];
    const o = c << 3;
    const of = (c << 2) + 2;
    const a = amountCol[i];
    if (hasAmount) sf[of + 1] += a;
    const f = si[o];
    if (f === NO_DAY || d < f) {
      if (f !== NO_DAY) si[o + 1] = f;
      si[o] = d;
      sf[of] = hasAmount ? a : NaN;
      si[o + 3] = channelCol ? channelCol[i] : -1;
    } else if (d === f) {
      if (hasAmount) sf[of] += a;
    } else if (si[o + 1] === NO_DAY || d < si[o + 1]) {
      si[o + 1] = d;
    }
    if (d > si[o + 2]) si[o + 2] = d;
  }
  const first = new Int32Array(m);
  const second = new Int32Array(m);
  const last = new Int32Array(m);
  const channel = new Int32Array(m);
  const firstValue = new Float64Array(m);
  const revenue = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    const o = c << 3;
    const of = (c << 2) + 2;
    first[c] = si[o];
    second[c] = si[o + 1];
    last[c] = si[o + 2];
    channel[c] = si[o + 3];
    firstValue[c] = sf[of];
    revenue[c] = hasAmount ? sf[of + 1] : NaN;
  }
  return {
    // The id strings are made on first use (as the table's): most outcomes never need them.
    get customerIds(): string[] {
      return table.customerIds;
    },
    first,
    second,
    last,
    firstValue,
    revenue,
    channel,
    channels: table.channels ?? [],
    hasAmount,
    end,
    afterEnd,
  };
}
