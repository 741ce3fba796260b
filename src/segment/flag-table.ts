import type { PriorityRow, PriorityTable } from './priorities.ts';

/** The action flags of `actionFlags`, in the order they are reported. */
export const FLAG_NAMES = ['high-value-at-risk', 'rising', 'lapsed'] as const;

/** One row of the flag table (snake_case, like the other segment tables). */
export interface FlagRow {
  flag: string;
  customers: number;
  share_customers: number;
  /** Sum of CLV of the flagged customers. */
  clv: number;
  /** Sum of their past spend. */
  historical_spend: number;
  /** NaN when no customer has the flag. */
  mean_probability_alive: number;
}

/**
 * How many customers carry each action flag and what they are worth (CLV and past spend), one row per
 * flag of FLAG_NAMES (zero rows kept, so the table has the same shape for every portfolio); a customer
 * with two flags counts in both rows.
 *
 * @example
 * flagTable(analysis.priorities);
 * // [{ flag: 'high-value-at-risk', customers: 1128, share_customers: 0.048, clv: 51234.5, ... }, ...]
 */
export function flagTable(priorities: readonly Pick<PriorityRow, 'flags' | 'clv' | 'historical_spend' | 'probability_alive'>[]): FlagRow[] {
  const n = priorities.length;
  return FLAG_NAMES.map((flag) => {
    let customers = 0;
    let clv = 0;
    let spend = 0;
    let alive = 0;
    for (const p of priorities) {
      if (!p.flags.includes(flag)) continue;
      customers++;
      clv += p.clv;
      spend += p.historical_spend;
      alive += p.probability_alive;
    }
    return { flag, customers, share_customers: n > 0 ? customers / n : NaN, clv, historical_spend: spend, mean_probability_alive: customers > 0 ? alive / customers : NaN };
  });
}

/**
 * {@link flagTable} of the prioritised list held as columns: the same rows (sums in rank order), without
 * making a row per customer.
 *
 * @example
 * flagTableOf(analysis.priorityTable);
 */
export function flagTableOf(t: PriorityTable): FlagRow[] {
  const n = t.order.length;
  const c = t.inputs;
  return FLAG_NAMES.map((flag) => {
    let customers = 0;
    let clv = 0;
    let spend = 0;
    let alive = 0;
    for (let r = 0; r < n; r++) {
      const i = t.order[r];
      if (!t.flagsOf(i).includes(flag)) continue;
      customers++;
      clv += c.clv[i];
      spend += c.historicalSpend[i];
      alive += c.probabilityAlive[i];
    }
    return { flag, customers, share_customers: n > 0 ? customers / n : NaN, clv, historical_spend: spend, mean_probability_alive: customers > 0 ? alive / customers : NaN };
  });
}
