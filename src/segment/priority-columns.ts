/**
 * The prioritised list as output columns in rank order, shared by priorities.csv (portfolio-csv.ts) and
 * `segment --json` (portfolio-json.ts): numbers read through the rank order, text dictionary-coded (each
 * distinct text once, a code per row), so that a large list is formatted on two cores (src/io/parallel-rows.ts).
 */
import { codedColumn, labelColumn, type JsonColumn } from '../io/column-writer.ts';
import { customerIdBytesColumn } from '../summary/summarize.ts';
import type { PortfolioAnalysis } from './portfolio.ts';

/**
 * Every column of the list by name: rank, customer_id, the numbers, tier, past_tier, rfm_segment, rfm_score,
 * flags (`flags` as text, joined by spaces, for CSV; `flags_json` as JSON arrays), and with their inputs
 * clv_lower, clv_upper, crv, clv_crv_cell; `share` (the type-one share of `--referrals`) as type_one_share.
 *
 * @example
 * const byName = priorityColumnsByName(analysis, undefined);
 * writeColumnsFile('priorities.csv', ['rank', 'customer_id', 'clv'].map((h) => byName.get(h)!), n);
 */
export function priorityColumnsByName(a: PortfolioAnalysis, share: number | undefined): Map<string, JsonColumn> {
  const t = a.priorityTable;
  const c = t.inputs;
  const order = t.order;
  const n = order.length;
  const columns = new Map<string, JsonColumn>();
  const put = (col: JsonColumn) => columns.set(col.name, col);
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[r] = r + 1;
  put({ name: 'rank', numbers: rank });
  put(customerIdBytesColumn(a.customerIdBytes(), n, order) ?? { name: 'customer_id', text: (r) => c.customerIds[order[r]] });
  // each number column read through the rank order (the writers and the row worker's packing gather it)
  const numbers: Array<[string, ArrayLike<number> | undefined]> = [
    ['clv', c.clv], ['clv_lower', c.clvLower], ['clv_upper', c.clvUpper], ['probability_alive', c.probabilityAlive],
    ['expected_transactions', c.expectedTransactions], ['expected_spend', c.expectedSpend], ['historical_spend', c.historicalSpend],
    ['days_since_last_purchase', c.daysSinceLastPurchase], ['crv', c.crv],
  ];
  for (const [name, values] of numbers) if (values) put({ name, numbers: values, index: order });
  put(codedColumn('tier', c.valueTier.names, gatherCodes(c.valueTier.tier, order)));
  put(codedColumn('past_tier', c.pastTier.names, gatherCodes(c.pastTier.tier, order)));
  put(labelColumn('rfm_segment', n, (r) => c.rfmSegment[order[r]]));
  put(labelColumn('rfm_score', n, (r) => t.scoreOf(order[r])));
  // each customer's set of flags is a code (PriorityTable.flagCodes): one text per distinct set
  const flags = t.flagCodes();
  const flagRows = gatherCodes(flags.codes, order);
  put(codedColumn('flags', flags.sets.map((f) => f.join(' ')), flagRows));
  columns.set('flags_json', { name: 'flags', json: flags.sets.map((f) => JSON.stringify(f)), rows: flagRows });
  if (c.clvCrvCell) put(labelColumn('clv_crv_cell', n, (r) => c.clvCrvCell![order[r]]));
  put({ name: 'type_one_share', numbers: [share ?? NaN], index: new Int32Array(n) });
  return columns;
}

/** codes[order[r]] for every r. */
function gatherCodes(codes: Int32Array, order: Int32Array): Int32Array {
  const out = new Int32Array(order.length);
  for (let r = 0; r < order.length; r++) out[r] = codes[order[r]];
  return out;
}
