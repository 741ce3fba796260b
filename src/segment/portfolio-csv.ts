import { ensureFolder } from '../io/atomic.ts';
import { join } from 'node:path';
import { CSV_EN, recordsToRows, writeCsv, type CsvFormat, type CsvValue } from '../io/csv.ts';
import { codedColumn, labelColumn, writeColumnsFile, type OutputColumn } from '../io/column-writer.ts';
import type { MigrationMatrix } from './migration.ts';
import type { PortfolioAnalysis } from './portfolio.ts';
import type { PortfolioMigration } from './portfolio-migration.ts';
import { topShareKey } from './portfolio-json.ts';
import { customerIdBytesColumn } from '../summary/summarize.ts';

const TIER_COLUMNS = ['tier', 'customers', 'share_customers', 'share_value', 'mean_clv', 'mean_probability_alive', 'historical_spend', 'share_historical_spend'];
const RFM_COLUMNS = ['segment', 'customers', 'share_customers', 'value', 'share_value', 'mean_clv', 'historical_spend', 'mean_probability_alive'];

/** Every file name writePortfolioCsv may write (checked against the inputs before any work). */
export const PORTFOLIO_CSV_FILES = [
  'tiers_pyramid.csv', 'tiers_deciles.csv', 'tiers_abc.csv', 'tiers_natural_breaks.csv', 'tiers_past_pyramid.csv', 'rfm_segments.csv',
  'concentration.csv', 'lorenz.csv', 'whale.csv', 'equity.csv', 'priorities.csv', 'migration_tiers.csv', 'migration_past_tiers.csv', 'migration_rfm.csv',
  'warnings.csv',
];

function migrationRows(m: MigrationMatrix): CsvValue[][] {
  const rows: CsvValue[][] = [];
  m.from.forEach((f, i) => m.to.forEach((t, j) => rows.push([f, t, m.counts[i][j], m.rowShares[i][j]])));
  return rows;
}

/**
 * Write every table of the analysis as its own CSV file in `dir` (created if needed) with the CSV writer's
 * formula-injection guards, and return the file names: tiers_pyramid, tiers_deciles, tiers_abc,
 * tiers_natural_breaks, tiers_past_pyramid, rfm_segments, concentration (Gini and top shares), lorenz,
 * whale (with costs), equity, priorities (one row per customer, flags joined by a space) and, with a
 * migration, migration_tiers, migration_past_tiers, migration_rfm (long form: from, to, customers, row_share).
 *
 * @example
 * writePortfolioCsv(analysis, 'out/'); // ['tiers_pyramid.csv', ...]
 */
export function writePortfolioCsv(a: PortfolioAnalysis, dir: string, migration?: PortfolioMigration, format: CsvFormat = CSV_EN): string[] {
  ensureFolder(dir);
  const written: string[] = [];
  const out = (name: string, header: string[], rows: CsvValue[][]) => {
    writeCsv(join(dir, name), header, rows, format);
    written.push(name);
  };
  const t = a.tiers;
  out('tiers_pyramid.csv', TIER_COLUMNS, recordsToRows(TIER_COLUMNS, t.pyramid as never));
  out('tiers_deciles.csv', TIER_COLUMNS, recordsToRows(TIER_COLUMNS, t.deciles as never));
  out('tiers_abc.csv', TIER_COLUMNS, recordsToRows(TIER_COLUMNS, t.abc as never));
  out('tiers_natural_breaks.csv', TIER_COLUMNS, recordsToRows(TIER_COLUMNS, t.naturalBreaks as never));
  out('tiers_past_pyramid.csv', TIER_COLUMNS, recordsToRows(TIER_COLUMNS, t.pastPyramid as never));
  out('rfm_segments.csv', RFM_COLUMNS, recordsToRows(RFM_COLUMNS, a.rfm.table as never));
  const c = a.concentration;
  const conc: CsvValue[][] = [
    ['gini', c.giniSpend, c.giniClv],
    ...Object.keys(c.topShares.spend).map((k) => [topShareKey(k), c.topShares.spend[k], c.topShares.clv[k]] as CsvValue[]),
  ];
  out('concentration.csv', ['measure', 'spend', 'clv'], conc);
  out('lorenz.csv', ['population', 'spend', 'clv'], c.lorenzSpend.population.map((p, k) => [p, c.lorenzSpend.value[k], c.lorenzClv.value[k]]));
  if (c.whale) {
    const w = c.whale;
    out('whale.csv', ['population', 'cumulative_profit', 'share_of_profit'], w.population.map((p, k) => [p, w.cumulativeProfit[k], w.shareOfProfit[k]]));
  }
  // the companion of every table: what the user must know about them (header only when nothing)
  out('warnings.csv', ['warning'], a.warnings.map((w) => [w]));
  const b = a.equity.bootstrap;
  out(
    'equity.csv',
    ['equity', 'lower', 'upper', 'level', 'resampled_lower', 'resampled_upper', 'draws', 'failed_draws', 'model', 'horizon', 'horizon_unit', 'annual_discount'],
    [[a.equity.equity, b?.lower, b?.upper, b?.level, b?.resampledLower, b?.resampledUpper, b?.draws ?? 0, b?.failedDraws ?? 0, a.modelName, String(a.settings.horizon), a.settings.horizonUnit, a.settings.annualDiscount]],
  );
  const withBounds = b?.customerLower !== undefined;
  const pcols = [
    'rank', 'customer_id', 'clv', ...(withBounds ? ['clv_lower', 'clv_upper'] : []), 'probability_alive', 'expected_transactions', 'expected_spend',
    'historical_spend', 'days_since_last_purchase', 'tier', 'past_tier', 'rfm_segment', 'rfm_score', 'flags',
    ...(a.referrals ? ['crv', 'clv_crv_cell', 'type_one_share'] : []),
  ];
  const share = a.referrals?.crv.typeOneShare.value;
  // One row per customer, in rank order: streamed cell by cell from the per-customer columns (src/io/column-writer.ts),
  // no object or string per row; the ids copied from the bytes read when the summary has them
  const byName = new Map(priorityColumns(a, share).map((c) => [c.name, c]));
  writeColumnsFile(join(dir, 'priorities.csv'), pcols.map((h): OutputColumn => byName.get(h) ?? { name: h, value: () => undefined }), a.priorityTable.order.length, { format });
  written.push('priorities.csv');
  if (migration) {
    const mh = ['from', 'to', 'customers', 'row_share'];
    out('migration_tiers.csv', mh, migrationRows(migration.tiers));
    out('migration_past_tiers.csv', mh, migrationRows(migration.pastTiers));
    out('migration_rfm.csv', mh, migrationRows(migration.rfmSegments));
  }
  return written;
}

/**
 * The prioritised list's CSV columns in rank order (the cells prioritisedList's rows give), read from the
 * analysis' per-customer columns through the rank order; `share` is the type-one share of `--referrals`.
 *
 * @example
 * writeColumnsFile('priorities.csv', priorityColumns(analysis, undefined), analysis.priorityTable.order.length);
 */
export function priorityColumns(a: PortfolioAnalysis, share: number | undefined): OutputColumn[] {
  const t = a.priorityTable;
  const c = t.inputs;
  const order = t.order;
  const n = order.length;
  // each column gathered into rank order once (a tight loop of independent loads), then written in sequence;
  // the text columns dictionary-coded (labelColumn), so that every column is numbers or bytes and a large
  // list is formatted on two cores (src/io/parallel-rows.ts)
  const ranked = (name: string, numbers: ArrayLike<number> | undefined): OutputColumn[] => (numbers ? [{ name, numbers: gather(numbers, order) }] : []);
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[r] = r + 1;
  const flags = t.flagCodes();
  const ids: OutputColumn = customerIdBytesColumn(a.customerIdBytes(), n, order) ?? { name: 'customer_id', text: (r) => c.customerIds[order[r]] };
  return [
    { name: 'rank', numbers: rank },
    ids,
    ...ranked('clv', c.clv),
    ...(c.clvLower && c.clvUpper ? [...ranked('clv_lower', c.clvLower), ...ranked('clv_upper', c.clvUpper)] : []),
    ...ranked('probability_alive', c.probabilityAlive),
    ...ranked('expected_transactions', c.expectedTransactions),
    ...ranked('expected_spend', c.expectedSpend),
    ...ranked('historical_spend', c.historicalSpend),
    ...ranked('days_since_last_purchase', c.daysSinceLastPurchase),
    codedColumn('tier', c.valueTier.names, gatherCodes(c.valueTier.tier, order)),
    codedColumn('past_tier', c.pastTier.names, gatherCodes(c.pastTier.tier, order)),
    labelColumn('rfm_segment', n, (r) => c.rfmSegment[order[r]]),
    labelColumn('rfm_score', n, (r) => t.scoreOf(order[r])),
    codedColumn('flags', flags.sets.map((f) => f.join(' ')), gatherCodes(flags.codes, order)),
    ...(c.crv && c.clvCrvCell ? [...ranked('crv', c.crv), labelColumn('clv_crv_cell', n, (r) => c.clvCrvCell![order[r]])] : []),
    { name: 'type_one_share', numbers: [share ?? NaN], index: new Int32Array(n) },
  ];
}

/** codes[order[r]] for every r. */
function gatherCodes(codes: Int32Array, order: Int32Array): Int32Array {
  const out = new Int32Array(order.length);
  for (let r = 0; r < order.length; r++) out[r] = codes[order[r]];
  return out;
}

/** values[order[r]] for every r, as a Float64Array. */
function gather(values: ArrayLike<number>, order: Int32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let r = 0; r < order.length; r++) out[r] = values[order[r]];
  return out;
}
