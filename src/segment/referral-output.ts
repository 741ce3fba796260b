/**
 * The files and the JSON document of `clvkit referrals` (DESIGN.md §3 conventions: snake_case, full
 * precision, formula guard, atomic writes, `warnings`). The type-one share and where it comes from are in
 * every output: the JSON settings, a column of the per-customer file and of the matrix file.
 */
import { join } from 'node:path';
import { AtomicFile } from '../io/atomic.ts';
import { cellOf, writeCsvColumns, writeJsonColumns, type ByteSink, type OutputColumn } from '../io/column-writer.ts';
import { CSV_EN, toCsv, type CsvFormat, type CsvValue } from '../io/csv.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import type { ReferralLog } from '../ingest/referrals.ts';
import type { StatedVersusActual } from '../research/nps-referrals.ts';
import type { RowAccounting } from '../types.ts';
import type { ReferralAnalysis } from '../value/referrals/analyse.ts';
import { CELLS } from '../value/referrals/matrix.ts';

/**
 * Everything besides the analysis that the outputs report.
 *
 * @example
 * const extra: ReferralOutputExtras = { transactions: table.accounting, log, nps };
 */
export interface ReferralOutputExtras {
  transactions?: RowAccounting;
  log: ReferralLog;
  nps?: StatedVersusActual;
}

/**
 * The per-customer columns, in order (bounds only with a bootstrap, influencer and knowledge only with their
 * files), for the streaming column writer and the JSON records.
 *
 * @example
 * writeCsvColumns(sink, referralOutputColumns(analysis), analysis.customerIds.length);
 */
export function referralOutputColumns(a: ReferralAnalysis): OutputColumn[] {
  const c = a.crv;
  const ids = a.customerIds;
  const cols: OutputColumn[] = [
    { name: 'customer_id', text: (i) => ids[i] },
    { name: 'clv', numbers: a.value.clv },
    { name: 'crv', numbers: c.crv },
  ];
  if (c.crvLower) cols.push({ name: 'crv_lower', numbers: c.crvLower }, { name: 'crv_upper', numbers: c.crvUpper! });
  cols.push(
    { name: 'crv_type_one', numbers: c.crvTypeOne },
    { name: 'crv_type_two', numbers: c.crvTypeTwo },
    { name: 'past_type_one', numbers: c.pastTypeOne },
    { name: 'past_type_two', numbers: c.pastTypeTwo },
    { name: 'future_type_one', numbers: c.futureTypeOne },
    { name: 'future_type_two', numbers: c.futureTypeTwo },
    { name: 'referrals', numbers: c.referrals },
    { name: 'exposure', numbers: c.exposure },
    { name: 'expected_referrals', numbers: c.expectedReferrals },
    { name: 'time_unit', text: () => a.settings.timeUnit },
    { name: 'cell', text: (i) => CELLS[a.matrix.cellOf[i]] },
  );
  if (a.influencer) cols.push({ name: 'influencer_value', numbers: a.influencer.values });
  if (a.knowledge) cols.push({ name: 'knowledge_value', numbers: a.knowledge.values });
  const share = c.typeOneShare;
  cols.push({ name: 'cev', numbers: a.engagement.cev }, { name: 'type_one_share', value: () => share.value }, { name: 'type_one_share_source', text: () => share.source });
  return cols;
}

/**
 * Write the per-customer file (streamed through one reused buffer, atomic).
 *
 * @example
 * writeReferralCustomers(analysis, 'crv.csv');
 */
export function writeReferralCustomers(a: ReferralAnalysis, path: string, format: CsvFormat = CSV_EN): void {
  const out = new AtomicFile(path);
  try {
    writeCsvColumns(out, referralOutputColumns(a), a.customerIds.length, format);
    out.commit();
  } catch (e) {
    out.abort();
    throw e;
  }
}

const MATRIX_COLUMNS = ['cell', 'customers', 'share_customers', 'clv_total', 'clv_mean', 'crv_total', 'crv_mean', 'action', 'clv_cutoff', 'crv_cutoff', 'cutoff_source', 'type_one_share', 'type_one_share_source'];
const NPS_COLUMNS = ['category', 'customers', 'referrers', 'referrers_share', 'referrers_lower', 'referrers_upper', 'referral_rate', 'referral_rate_lower', 'referral_rate_upper', 'crv_mean', 'crv_lower', 'crv_upper', 'level', 'time_unit', 'type_one_share'];

/**
 * The tables of the analysis as CSV files in `dir`: referral_value.csv (per customer), referral_matrix.csv,
 * referral_unmatched.csv (ids of the log not among the customers, with their role), engagement.csv
 * (totals by component) and, with NPS scores, referral_nps.csv. Returns the file names.
 *
 * @example
 * writeReferralCsv(analysis, 'out', { log }); // ['referral_value.csv', ...]
 */
export function writeReferralCsv(a: ReferralAnalysis, dir: string, extra: ReferralOutputExtras, format: CsvFormat = CSV_EN): string[] {
  const written: string[] = [];
  const out = (name: string, header: string[], rows: CsvValue[][]) => {
    writeFileAtomic(join(dir, name), toCsv(header, rows, format));
    written.push(name);
  };
  writeReferralCustomers(a, join(dir, 'referral_value.csv'), format);
  written.push('referral_value.csv');
  const s = a.crv.typeOneShare;
  const m = a.matrix;
  out('referral_matrix.csv', MATRIX_COLUMNS, m.cells.map((c) => [c.cell, c.customers, c.share_customers, c.clv_total, c.clv_mean, c.crv_total, c.crv_mean, c.action, m.cutoffs.clv, m.cutoffs.crv, m.cutoffs.source, s.value, s.source]));
  out('referral_unmatched.csv', ['id', 'role'], [...a.matched.unmatchedReferrers.map((id) => [id, 'referrer']), ...a.matched.unmatchedReferred.map((id) => [id, 'referred'])]);
  const e = a.engagement.totals;
  out('engagement.csv', ['component', 'total'], [['clv', e.clv], ['crv', e.crv], ['influencer', e.influencer], ['knowledge', e.knowledge], ['cev', e.cev]]);
  if (extra.nps) {
    const level = extra.nps.level;
    out('referral_nps.csv', NPS_COLUMNS, extra.nps.groups.map((g) => [g.category, g.customers, g.referrers.successes, g.referrers.rate, g.referrers.lower, g.referrers.upper, g.referral_rate, g.referral_rate_lower, g.referral_rate_upper, g.crv_mean, g.crv_lower, g.crv_upper, level, a.settings.timeUnit, s.value]));
  }
  return written;
}

/**
 * The `--json` document: settings (with the type-one share and its source), row accounting of both files,
 * matching, the referral model, totals, the matrix, engagement value, NPS when given, the customers, and
 * `warnings`.
 *
 * @example
 * JSON.stringify(referralJson(analysis, { log }, true));
 */
export function referralJson(a: ReferralAnalysis, extra: ReferralOutputExtras, withCustomers = true): Record<string, unknown> {
  const c = a.crv;
  const fit = c.model?.fit;
  const acc = (r: RowAccounting) => ({ read: r.read, used: r.used, rejected: r.rejected, first_lines: r.firstLines ?? {} });
  return {
    settings: {
      model: a.settings.model,
      horizon: a.settings.horizon,
      horizon_unit: a.settings.horizonUnit,
      time_unit: a.settings.timeUnit,
      annual_discount: a.settings.annualDiscount,
      margin: a.settings.margin,
      projection: a.settings.projection,
      type_one_share: c.typeOneShare.value,
      type_one_share_source: c.typeOneShare.source,
      type_one_share_se: c.typeOneShare.se ?? null,
      referrals_of_known_type: c.typeOneShare.known,
      acquisition_cost: c.acquisitionCost,
      acquisition_cost_source: c.acquisitionCostSource,
      new_customer_value: a.newCustomerValue,
    },
    accounting: { ...(extra.transactions ? { transactions: acc(extra.transactions) } : {}), referrals: acc(extra.log.accounting) },
    matching: {
      referrals: a.matched.length,
      unmatched_referred: { count: a.matched.unmatchedReferred.length, ids: a.matched.unmatchedReferred },
      unmatched_referrers: { count: a.matched.unmatchedReferrers.length, referrals: a.matched.unmatchedReferrerRows, ids: a.matched.unmatchedReferrers },
      after_end: { count: a.matched.afterEnd.count, first_lines: a.matched.afterEnd.firstLines },
    },
    referral_model: fit
      ? {
          family: 'nbd',
          r: fit.params.r,
          alpha: fit.params.alpha,
          mean_rate_per_unit: fit.params.r / fit.params.alpha,
          effects: Object.fromEntries(c.model!.covariateNames.map((name, j) => [name, fit.effects[j]])),
          standard_errors: { r: fit.standardErrors.r, alpha: fit.standardErrors.alpha, effects: fit.standardErrors.effects },
          log_likelihood: fit.logLikelihood,
          converged: fit.converged,
          covariates: c.model!.covariates,
          holdout: c.model!.holdout
            ? { calibration_end: isoDay(c.model!.holdout.calibrationEnd), customers: c.model!.holdout.customers, log_likelihood_without_covariates: c.model!.holdout.withoutCovariates, log_likelihood_with_covariates: c.model!.holdout.withCovariates ?? null }
            : null,
          value_per_referral: c.model!.valuePerReferral,
        }
      : null,
    totals: {
      clv: a.engagement.totals.clv,
      crv: c.total.crv,
      crv_lower: c.total.lower ?? null,
      crv_upper: c.total.upper ?? null,
      level: c.total.level ?? null,
      draws: c.total.draws ?? 0,
      crv_type_one: c.total.typeOne,
      crv_type_two: c.total.typeTwo,
      crv_past: c.total.past,
      crv_future: c.total.future,
    },
    matrix: { cutoffs: { clv: a.matrix.cutoffs.clv, crv: a.matrix.cutoffs.crv, source: a.matrix.cutoffs.source }, cells: a.matrix.cells },
    engagement: a.engagement.totals,
    ...(extra.nps ? { nps: extra.nps } : {}),
    warnings: a.warnings,
    ...(withCustomers ? { customers: customerRecords(a) } : {}),
  };
}

function customerRecords(a: ReferralAnalysis): Record<string, CsvValue>[] {
  const cols = referralOutputColumns(a);
  const cell = (c: OutputColumn, i: number): CsvValue => cellOf(c, i);
  return a.customerIds.map((_, i) => Object.fromEntries(cols.map((c) => [c.name, cell(c, i)])));
}

/**
 * Write the `--json` document to a sink with the customers streamed through the column writer (the same
 * bytes as JSON.stringify(referralJson(a, extra)) + newline, without a million objects in memory).
 *
 * @example
 * writeReferralJson(stdoutSink(), analysis, { log });
 */
export function writeReferralJson(sink: ByteSink, a: ReferralAnalysis, extra: ReferralOutputExtras): void {
  const head = JSON.stringify(referralJson(a, extra, false));
  writeJsonColumns(sink, referralOutputColumns(a), a.customerIds.length, head.slice(0, -1) + ',"customers":[', ']}\n');
}

function isoDay(d: number): string {
  return new Date(d * 86400000).toISOString().slice(0, 10);
}
