import { actionFlags, type FlagOptions } from './flags.ts';
import { descendingOrder } from './rank-order.ts';

/** One line of the prioritised list (snake_case: written as CSV and JSON as is). */
export interface PriorityRow {
  rank: number;
  customer_id: string;
  clv: number;
  clv_lower?: number;
  clv_upper?: number;
  probability_alive: number;
  expected_transactions: number;
  expected_spend: number;
  historical_spend: number;
  days_since_last_purchase: number;
  /** Tier by CLV (the customer pyramid on future value). */
  tier: string;
  /** Tier by historical spend. */
  past_tier: string;
  rfm_segment: string;
  rfm_score: string;
  flags: string[];
  /** Customer referral value and the CLV × CRV cell, with `segment --referrals` (Kumar, Petersen & Leone 2007). */
  crv?: number;
  clv_crv_cell?: string;
}

/** Per-customer columns of the prioritised list, in the summary's order. */
export interface PriorityInputs {
  customerIds: readonly string[];
  clv: ArrayLike<number>;
  clvLower?: ArrayLike<number>;
  clvUpper?: ArrayLike<number>;
  probabilityAlive: ArrayLike<number>;
  expectedTransactions: ArrayLike<number>;
  expectedSpend: ArrayLike<number>;
  historicalSpend: ArrayLike<number>;
  daysSinceLastPurchase: ArrayLike<number>;
  valueTier: { tier: Int32Array; names: string[] };
  pastTier: { tier: Int32Array; names: string[] };
  rfmSegment: readonly string[];
  rfm: { recency: Int8Array; frequency: Int8Array; monetary: Int8Array };
  crv?: ArrayLike<number>;
  clvCrvCell?: readonly string[];
}

/**
 * The prioritised list as columns: the rank order and each customer's text cells on demand, without an object
 * per customer (a writer reads the inputs in rank order); `rows()` makes prioritisedList's rows when asked.
 *
 * @example
 * const t = priorityTable(inputs);
 * t.order[0]; // the customer with the highest CLV
 * t.flagsOf(t.order[0]); // e.g. ['high-value-at-risk']
 */
export interface PriorityTable {
  readonly inputs: PriorityInputs;
  /** Customers from the highest CLV down, equal CLV in input order: rank r + 1 is customer order[r]. */
  readonly order: Int32Array;
  /** Customer i's action flags (one shared array per distinct set of flags). */
  flagsOf(i: number): string[];
  /** Every customer's set of flags as a code (customer i has sets[codes[i]]), made once on first use. */
  flagCodes(): { codes: Int32Array; sets: readonly string[][] };
  /** Customer i's RFM score as text ('555'), one string per distinct score. */
  scoreOf(i: number): string;
  /** The rows of prioritisedList, made on first use. */
  rows(): PriorityRow[];
}

/**
 * Every customer ranked by CLV (highest first; equal CLV keeps the input order), as columns (PriorityTable);
 * the flags are those of `actionFlags`, where the high-value past tiers are all but the last one unless
 * `flagOptions.highValueTiers` says otherwise. `clvOrder` is descendingOrder(c.clv) when the caller has it.
 *
 * @example
 * const t = priorityTable(inputs); // inputs from analysePortfolio
 * t.rows()[0].rank; // 1
 */
export function priorityTable(c: PriorityInputs, flagOptions: FlagOptions = {}, clvOrder?: Int32Array): PriorityTable {
  // high value = every past-value tier but the last unless told otherwise (the top 20% with the default pyramid)
  const options = { highValueTiers: Math.max(1, c.pastTier.names.length - 1), ...flagOptions };
  const order = clvOrder ?? descendingOrder(c.clv);
  // a million rows share a few dozen RFM scores and flag sets: one string and one array each, not one per row
  const scores = new Map<number, string>();
  const scoreOf = (i: number) => {
    const key = (c.rfm.recency[i] * 256 + c.rfm.frequency[i]) * 256 + c.rfm.monetary[i];
    let s = scores.get(key);
    if (s === undefined) scores.set(key, (s = `${c.rfm.recency[i]}${c.rfm.frequency[i]}${c.rfm.monetary[i]}`));
    return s;
  };
  // every customer's flags worked out once (the flag table, priorities.csv and the rows all read them)
  let coded: { codes: Int32Array; sets: string[][] } | undefined;
  const flagCodes = () => {
    if (coded) return coded;
    const n = order.length;
    const codes = new Int32Array(n);
    const sets: string[][] = [];
    const codeOf = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const flags = actionFlags(
        { valueTier: c.valueTier.tier[i], pastTier: c.pastTier.tier[i], probabilityAlive: c.probabilityAlive[i], daysSinceLastPurchase: c.daysSinceLastPurchase[i] },
        options,
      );
      const key = flags.join(' ');
      let k = codeOf.get(key);
      if (k === undefined) codeOf.set(key, (k = sets.push(flags) - 1));
      codes[i] = k;
    }
    return (coded = { codes, sets });
  };
  const flagsOf = (i: number) => {
    const { codes, sets } = flagCodes();
    return sets[codes[i]];
  };
  let rows: PriorityRow[] | undefined;
  const makeRows = () =>
    Array.from(order, (i, r) => {
      const row: PriorityRow = {
        rank: r + 1,
        customer_id: c.customerIds[i],
        clv: c.clv[i],
        probability_alive: c.probabilityAlive[i],
        expected_transactions: c.expectedTransactions[i],
        expected_spend: c.expectedSpend[i],
        historical_spend: c.historicalSpend[i],
        days_since_last_purchase: c.daysSinceLastPurchase[i],
        tier: c.valueTier.names[c.valueTier.tier[i]],
        past_tier: c.pastTier.names[c.pastTier.tier[i]],
        rfm_segment: c.rfmSegment[i],
        rfm_score: scoreOf(i),
        flags: flagsOf(i),
      };
      if (c.crv && c.clvCrvCell) {
        row.crv = c.crv[i];
        row.clv_crv_cell = c.clvCrvCell[i];
      }
      if (c.clvLower && c.clvUpper) {
        row.clv_lower = c.clvLower[i];
        row.clv_upper = c.clvUpper[i];
      }
      return row;
    });
  return { inputs: c, order, flagsOf, flagCodes, scoreOf, rows: () => (rows ??= makeRows()) };
}

/**
 * Every customer ranked by CLV (highest first; equal CLV keeps the input order), with P(alive),
 * expected transactions and spend, tiers, RFM segment and the action flags of `actionFlags` (the rows of
 * priorityTable).
 *
 * @example
 * const rows = prioritisedList(inputs); // inputs from analysePortfolio
 * rows[0].rank; // 1, the customer with the highest CLV
 */
export function prioritisedList(c: PriorityInputs, flagOptions: FlagOptions = {}): PriorityRow[] {
  return priorityTable(c, flagOptions).rows();
}
