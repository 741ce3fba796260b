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
  return tally(priorities.length, (r) => priorities[r].flags, (r) => priorities[r].clv, (r) => priorities[r].historical_spend, (r) => priorities[r].probability_alive);
}

/** The flag rows of n ranked customers given each rank's flags and values (summed in rank order). */
function tally(n: number, flags: (r: number) => readonly string[], clvOf: (r: number) => number, spendOf: (r: number) => number, aliveOf: (r: number) => number): FlagRow[] {
  return FLAG_NAMES.map((flag) => {
    let customers = 0;
    let clv = 0;
    let spend = 0;
    let alive = 0;
    for (let r = 0; r < n; r++) {
      if (!flags(r).includes(flag)) continue;
      customers++;
      clv += clvOf(r);
      spend += spendOf(r);
      alive += aliveOf(r);
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
  const { order, inputs: c } = t;
  return tally(order.length, (r) => t.flagsOf(order[r]), (r) => c.clv[order[r]], (r) => c.historicalSpend[order[r]], (r) => c.probabilityAlive[order[r]]);
}
