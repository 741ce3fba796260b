import { ensureFolder } from '../io/atomic.ts';
import { join } from 'node:path';
import { type CsvFormat, type CsvValue, CSV_EN, writeCsv } from '../io/csv.ts';
import type { KmStep } from './kaplan-meier.ts';
import type { RetentionReport } from './retention.ts';
import type { Proportion } from './wilson.ts';

const KM_HEADER = ['t', 'at_risk', 'events', 'censored', 'survival', 'se', 'lower', 'upper', 'lower_plain', 'upper_plain'];
const kmRows = (steps: KmStep[]) => steps.map((s) => KM_HEADER.map((h) => s[h as keyof KmStep] as CsvValue));
const prop = (p: Proportion): CsvValue[] => [p.n, p.successes, p.rate, p.lower, p.upper];

/** Every file name writeRetentionCsvs may write (checked against the inputs before any work). */
export const RETENTION_CSV_FILES = [
  'recruitment.csv', 'conversion.csv', 'time_to_second_purchase_km.csv', 'cohort_retention.csv', 'leads_funnel.csv', 'drivers.csv',
  'contracts_km.csv', 'contracts_retention_rates.csv', 'contracts_models.csv', 'contracts_projection.csv',
];

/**
 * Write the tables of a retention report as CSV files in `dir` (created if needed), through the
 * shared CSV writer (formula-injection guard, full-precision numbers). Returns the paths written.
 *
 * @example
 * writeRetentionCsvs(retentionOutcomes(table), 'out'); // ['out/recruitment.csv', 'out/conversion.csv', ...]
 */
export function writeRetentionCsvs(report: RetentionReport, dir: string, format: CsvFormat = CSV_EN): string[] {
  ensureFolder(dir);
  const written: string[] = [];
  const put = (name: string, header: string[], rows: CsvValue[][]) => {
    const path = join(dir, name);
    writeCsv(path, header, rows, format);
    written.push(path);
  };
  const channels = [...new Set(report.recruitment.flatMap((r) => Object.keys(r.by_channel)))].sort();
  put(
    'recruitment.csv',
    ['period', 'start', 'new_customers', 'cumulative', 'revenue', 'revenue_share', ...channels.map((c) => `channel_${c}`)],
    report.recruitment.map((r) => [r.period, r.start, r.new_customers, r.cumulative, r.revenue, r.revenue_share, ...channels.map((c) => r.by_channel[c] ?? 0)]),
  );
  const conv = report.conversion;
  const windowKeys = conv.windows_days.map((w) => `within_${w}`);
  put(
    'conversion.csv',
    ['cohort', 'customers', 'window_days', 'eligible', 'converted', 'rate', 'lower', 'upper'],
    [conv.overall, ...conv.cohorts].flatMap((g) => windowKeys.map((k, j) => [g.period, g.customers, conv.windows_days[j], ...prop(g.windows[k])])),
  );
  put('time_to_second_purchase_km.csv', KM_HEADER, kmRows(conv.time_to_second.km));
  put(
    'cohort_retention.csv',
    ['cohort', 'size', 'k', 'active', 'retention', 'revenue', 'revenue_retention', 'partial', 'expected_active'],
    report.cohorts.flatMap((c) =>
      c.active.map((a, k) => [c.cohort, c.size, k, a, c.retention[k], c.revenue[k] ?? null, c.revenue_retention[k] ?? null, c.last_partial && k === c.active.length - 1, k === 0 ? c.expected_active : null]),
    ),
  );
  if (conv.leads) {
    const f = conv.leads;
    const rows = [['all', f.overall] as const, ...f.by_source.map((r) => ['source', r] as const), ...f.by_period.map((r) => ['period', r] as const)];
    put(
      'leads_funnel.csv',
      ['by', 'group', 'leads', 'customers', 'repeaters', 'lead_to_customer', 'lead_to_customer_lower', 'lead_to_customer_upper', 'customer_to_repeat', 'customer_to_repeat_lower', 'customer_to_repeat_upper', 'median_days_to_first'],
      rows.map(([by, r]) => [by, r.group, r.leads, r.customers, r.repeaters, r.lead_to_customer.rate, r.lead_to_customer.lower, r.lead_to_customer.upper, r.customer_to_repeat.rate, r.customer_to_repeat.lower, r.customer_to_repeat.upper, r.median_days_to_first]),
    );
  }
  if (report.drivers.length > 0) {
    put(
      'drivers.csv',
      ['outcome', 'term', 'estimate', 'se', 'p', 'odds_ratio', 'or_lower', 'or_upper', 'n', 'events', 'error'],
      report.drivers.flatMap((d) =>
        d.coefficients ? d.coefficients.map((k) => [d.outcome, k.term, k.estimate, k.se, k.p, k.odds_ratio, k.or_ci[0], k.or_ci[1], d.n, d.events, null]) : [[d.outcome, null, null, null, null, null, null, null, d.n, d.events, d.error ?? null]],
      ),
    );
  }
  const k = report.contracts;
  if (k) {
    put('contracts_km.csv', KM_HEADER, kmRows(k.km));
    put('contracts_retention_rates.csv', ['t', 'at_risk', 'renewed', 'retention_rate', 'lower', 'upper'], k.retention_rates.map((r) => [r.t, r.at_risk, r.renewed, r.retention_rate, r.lower, r.upper]));
    put(
      'contracts_models.csv',
      ['group', 'name', 'contracts', 'model', 'alpha', 'beta', 'c', 'se_alpha', 'se_beta', 'se_c', 'log_likelihood', 'error'],
      k.models.groups.flatMap((g) =>
        (['sbg', 'bdw'] as const).map((m) => {
          const fit = g[m];
          if ('error' in fit) return [g.group, g.name, g.contracts, m, null, null, null, null, null, null, null, fit.error];
          const p = fit.params;
          const se = fit.standard_errors;
          return [g.group, g.name, g.contracts, m, p.alpha, p.beta, p.c ?? null, se.alpha, se.beta, se.c ?? null, fit.log_likelihood, null];
        }),
      ),
    );
    put(
      'contracts_projection.csv',
      ['group', 'name', 't', 'km', 'sbg', 'bdw', 'sbg_retention', 'bdw_retention'],
      k.models.groups.flatMap((g) => g.projection.map((p) => [g.group, g.name, p.t, p.km, p.sbg, p.bdw, p.sbg_retention, p.bdw_retention])),
    );
  }
  return written;
}
