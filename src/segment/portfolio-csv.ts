import { ensureFolder } from '../io/atomic.ts';
import { join } from 'node:path';
import { CSV_EN, recordsToRows, writeCsv, type CsvFormat, type CsvValue } from '../io/csv.ts';
import { writeColumnsFile, type OutputColumn } from '../io/column-writer.ts';
import type { MigrationMatrix } from './migration.ts';
import type { PortfolioAnalysis } from './portfolio.ts';
import type { PortfolioMigration } from './portfolio-migration.ts';
import { topShareKey } from './portfolio-json.ts';
import { priorityColumnsByName } from './priority-columns.ts';

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
  const byName = priorityColumnsByName(a, share);
  writeColumnsFile(join(dir, 'priorities.csv'), pcols.map((h) => (byName.get(h) as OutputColumn | undefined) ?? { name: h, value: () => undefined }), a.priorityTable.order.length, { format });
  written.push('priorities.csv');
  if (migration) {
    const mh = ['from', 'to', 'customers', 'row_share'];
    out('migration_tiers.csv', mh, migrationRows(migration.tiers));
    out('migration_past_tiers.csv', mh, migrationRows(migration.pastTiers));
    out('migration_rfm.csv', mh, migrationRows(migration.rfmSegments));
  }
  return written;
}
