import { writeJsonColumns, type ByteSink, type JsonColumn } from '../io/column-writer.ts';
import { priorityColumnsByName } from './priority-columns.ts';
import type { MigrationMatrix } from './migration.ts';
import type { PortfolioAnalysis } from './portfolio.ts';
import type { PortfolioMigration } from './portfolio-migration.ts';

/** Key of a top share in the JSON and CSV: 0.01 → 'top_1pct'. */
export function topShareKey(fraction: string): string {
  return `top_${Math.round(Number(fraction) * 1000) / 10}pct`;
}

function migrationJson(m: MigrationMatrix) {
  return { from: m.from, to: m.to, counts: m.counts, row_shares: m.rowShares };
}

/**
 * The `clvkit segment --json` document (DESIGN.md §3, **contract**):
 * `{tiers: {pyramid, deciles, abc, ...}, rfm: {segments, ...}, concentration: {gini_spend, gini_clv, top_shares,
 * lorenz, ...}, migration, priorities: [{customer_id, clv, probability_alive, tier, rfm_segment, flags, ...}]}`
 * plus `model`, `value` and `equity`. The Lorenz curve has 101 points (0%, 1%, …, 100% of customers). NaN and
 * infinite numbers become null (JSON has no NaN).
 *
 * @example
 * process.stdout.write(JSON.stringify(portfolioJson(analysis, migration)) + '\n');
 */
export function portfolioJson(a: PortfolioAnalysis, migration?: PortfolioMigration): Record<string, unknown> {
  return { ...portfolioJsonHead(a, migration), priorities: a.priorities, ...portfolioJsonTail(a) };
}

/**
 * Write the `clvkit segment --json` document (and a line end) into a sink: the bytes of
 * JSON.stringify(portfolioJson(a, migration)) + '\n', with the prioritised list streamed from its columns
 * (writeJsonColumns) instead of a row object per customer and one string of the whole document (a million
 * customers: 330 MB of JSON).
 *
 * @example
 * writePortfolioJson(stdoutSink(), analysis, migration);
 */
export function writePortfolioJson(sink: ByteSink, a: PortfolioAnalysis, migration?: PortfolioMigration): void {
  const head = JSON.stringify(portfolioJsonHead(a, migration));
  const tail = JSON.stringify(portfolioJsonTail(a));
  // {"warnings":…,"migration":…} + ,"priorities":[ rows ] + ,"referrals":… }
  // a large list's records formatted on two cores (src/io/parallel-rows.ts)
  writeJsonColumns(sink, priorityJsonColumns(a), a.priorityTable.order.length, `${head.slice(0, -1)},"priorities":[`, `]${tail === '{}' ? '' : `,${tail.slice(1, -1)}`}}\n`, {});
}

/** Keys of a prioritised-list record, in the order of PriorityRow's keys (crv and its cell after the flags, the bounds last). */
const RECORD_KEYS = [
  'rank', 'customer_id', 'clv', 'probability_alive', 'expected_transactions', 'expected_spend', 'historical_spend', 'days_since_last_purchase',
  'tier', 'past_tier', 'rfm_segment', 'rfm_score', 'flags_json', 'crv', 'clv_crv_cell', 'clv_lower', 'clv_upper',
];

/** The prioritised list's JSON columns (priority-columns.ts), flags as JSON arrays; the keys a row lacks are left out. */
function priorityJsonColumns(a: PortfolioAnalysis): JsonColumn[] {
  const byName = priorityColumnsByName(a, undefined);
  const c = a.priorityTable.inputs;
  // crv and its cell, and the bounds, come in pairs (as prioritisedList's rows hold them)
  const keys = RECORD_KEYS.filter((k) => (k === 'crv' || k === 'clv_crv_cell' ? c.crv && c.clvCrvCell : k === 'clv_lower' || k === 'clv_upper' ? c.clvLower && c.clvUpper : true));
  return keys.map((k) => byName.get(k)!);
}

/** The document's keys before the prioritised list. */
function portfolioJsonHead(a: PortfolioAnalysis, migration?: PortfolioMigration): Record<string, unknown> {
  const c = a.concentration;
  const top: Record<string, { spend: number; clv: number }> = {};
  for (const k of Object.keys(c.topShares.spend)) top[topShareKey(k)] = { spend: c.topShares.spend[k], clv: c.topShares.clv[k] };
  const b = a.equity.bootstrap;
  return {
    warnings: a.warnings,
    model: {
      name: a.modelName,
      params: a.model.params,
      log_likelihood: a.model.logLikelihood ?? null,
      spend_model: 'gammagamma',
      spend_params: a.spendModel.params,
    },
    value: {
      horizon: a.settings.horizon,
      horizon_unit: a.settings.horizonUnit,
      horizon_model_units: a.value.horizon,
      model_unit: a.settings.modelUnit,
      annual_discount: a.settings.annualDiscount,
      rate_per_model_unit: a.value.rate,
      rate_kind: a.value.rateKind,
      method: a.value.method,
    },
    equity: {
      equity: a.equity.equity,
      lower: b?.lower ?? null,
      upper: b?.upper ?? null,
      level: b?.level ?? null,
      resampled_lower: b?.resampledLower ?? null,
      resampled_upper: b?.resampledUpper ?? null,
      draws: b?.draws ?? 0,
      failed_draws: b?.failedDraws ?? 0,
    },
    tiers: {
      pyramid: a.tiers.pyramid,
      deciles: a.tiers.deciles,
      abc: a.tiers.abc,
      natural_breaks: a.tiers.naturalBreaks,
      past_pyramid: a.tiers.pastPyramid,
    },
    rfm: { segments: a.rfm.table, rules: a.rfm.rules },
    concentration: {
      gini_spend: c.giniSpend,
      gini_clv: c.giniClv,
      top_shares: top,
      lorenz: c.lorenzSpend.population.map((p, k) => ({ population: p, spend: c.lorenzSpend.value[k], clv: c.lorenzClv.value[k] })),
      whale: c.whale
        ? {
            total_profit: c.whale.totalProfit,
            peak_profit: c.whale.peakProfit,
            peak_population: c.whale.peakPopulation,
            unprofitable_customers: c.whale.unprofitableCustomers,
            curve: c.whale.population.map((p, k) => ({ population: p, cumulative_profit: c.whale!.cumulativeProfit[k], share_of_profit: c.whale!.shareOfProfit[k] })),
          }
        : null,
    },
    migration: migration
      ? { tiers: migrationJson(migration.tiers), past_tiers: migrationJson(migration.pastTiers), rfm_segments: migrationJson(migration.rfmSegments) }
      : null,
  };
}

/** The document's keys after the prioritised list. */
function portfolioJsonTail(a: PortfolioAnalysis): Record<string, unknown> {
  return {
    ...(a.referrals
      ? {
          referrals: {
            type_one_share: a.referrals.crv.typeOneShare.value,
            type_one_share_source: a.referrals.crv.typeOneShare.source,
            acquisition_cost: a.referrals.crv.acquisitionCost,
            total_crv: a.referrals.crv.total.crv,
            matrix: { cutoffs: a.referrals.matrix.cutoffs, cells: a.referrals.matrix.cells },
            warnings: a.referrals.warnings,
          },
        }
      : {}),
  };
}
