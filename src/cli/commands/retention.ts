import type { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { type DateFormat, parseDateOption } from '../../ingest/dates.ts';
import { RETENTION_CSV_FILES, writeRetentionCsvs } from '../../outcomes/export.ts';
import { checkOutputFolder } from '../../io/atomic.ts';
import { outcomePeriod, periodDays, type OutcomePeriod } from '../../outcomes/periods.ts';
import { retentionFromFiles } from '../../outcomes/retention-files.ts';
import type { RetentionReport } from '../../outcomes/retention.ts';
import { CSV_EN, CSV_FR } from '../../io/csv.ts';
import { count, plural } from '../../plural.ts';
import { formatTable } from '../table.ts';
import { useColor } from '../color.ts';
import { horizonOption } from '../options.ts';
import { addTransactionOptions, ingestOptionsFrom, numberOption, periodUnit, type TransactionCliOptions } from '../options.ts';

interface RetentionCliOptions extends TransactionCliOptions {
  leads?: string;
  contracts?: string;
  period?: string;
  outDir?: string;
  json?: boolean;
  lang?: string;
  model?: boolean;
  minGroupSize?: string;
  horizon?: string;
}

/**
 * `clvkit retention <transactions.csv> [--leads file] [--contracts file] [--period day|week|month|quarter]
 * [--end DATE] [--out-dir dir] [--json]` (DESIGN.md §3).
 *
 * @example
 * // clvkit retention orders.csv --contracts contracts.csv --period month --json > retention.json
 */
export function register(program: Command): void {
  const cmd = program
    .command('retention')
    .description('recruitment, conversion (Wilson intervals, time to second purchase, leads funnel), cohort retention, drivers; contractual retention with --contracts')
    .argument('<transactions>', 'transaction file (customer, date[, amount][, channel])');
  addTransactionOptions(cmd)
    .option('--leads <file>', 'leads file: lead_id, date, source, customer_id (empty until converted)')
    .option('--contracts <file>', 'contracts file: customer, start, end (empty = active)[, plan]')
    .option('--period <period>', 'reporting period: day, week (ISO, Monday), month, quarter or year', 'month')
    .option('--out-dir <dir>', 'write the tables as CSV files in this folder')
    .option('--lang <en|fr>', 'CSV dialect of --out-dir: en (, and .) or fr (; and decimal comma)', 'en')
    .option('--no-model', 'do not fit a BG/NBD for the expected active customers per cohort')
    .option('--min-group-size <n>', 'smallest plan or start cohort fitted on its own (contracts)', '30')
    .option('--horizon <t>', 'projection horizon of the contract models: 52w, 12m, 2y or 365d (rounded up to whole --period periods), or a bare number of periods (default: as far as the data go)')
    .option('--json', 'print the whole result as one JSON document on stdout')
    .action(async (file: string, o: RetentionCliOptions) => {
      if (o.lang !== 'en' && o.lang !== 'fr') throw new UsageError(`--lang must be en or fr, got "${o.lang}"`);
      if (o.calibrationEnd !== undefined) throw new UsageError('--calibration-end does not apply to retention');
      if (o.outDir) checkOutputFolder(o.outDir, [file, o.leads, o.contracts], RETENTION_CSV_FILES);
      const period = outcomePeriod(o.period);
      const minGroupSize = numberOption('min-group-size', o.minGroupSize, (v) => Number.isInteger(v) && v >= 1);
      // Projections hold one row per group and period: bounded so that a typo cannot exhaust memory.
      const horizon = contractHorizon(o.horizon, period);
      const ingest = ingestOptionsFrom(o);
      const { report, notes } = await retentionFromFiles(file, {
        ingest,
        leadsFile: o.leads,
        contractsFile: o.contracts,
        dateFormat: ingest.dateFormat as DateFormat | undefined,
        period,
        end: o.end !== undefined ? parseDateOption(o.end, '--end') : undefined,
        model: o.model,
        unit: periodUnit('unit', o.unit, 'day'),
        freq: periodUnit('freq', o.freq, 'week'),
        minGroupSize,
        horizon,
      });
      const written = o.outDir ? writeRetentionCsvs(report, o.outDir, o.lang === 'fr' ? CSV_FR : CSV_EN) : [];
      const a = report.accounting.transactions;
      process.stderr.write(`${file}: ${a.read} ${plural(a.read, 'row', 'rows')} read, ${a.used} used${a.after_end ? `, ${a.after_end} after the end ${report.end} not used` : ''}\n`);
      for (const n of notes) process.stderr.write(`note: ${n}\n`);
      const wrote = `wrote ${count(written.length, 'file', 'files')} to ${o.outDir}`;
      // the result makes way for --json and --out-dir: its summary lines then go to stderr
      if (o.json || o.outDir) process.stderr.write(formatRetention(file, report, false, undefined, false));
      if (o.json) {
        // every --json document carries its warnings; the notes are what retention has to say
        process.stdout.write(JSON.stringify({ ...report, warnings: notes }) + '\n');
        if (written.length > 0) process.stderr.write(wrote + '\n');
      } else if (o.outDir) {
        process.stdout.write(wrote + '\n');
      } else {
        process.stdout.write(formatRetention(file, report, useColor(process.stdout), process.stdout.columns));
      }
    });
}

/**
 * `--horizon` of the contract projections in whole `period`s: a bare whole number is periods (as before);
 * the common syntax (52w, 12m, 2y) is converted and rounded up, so the projection covers it. At most
 * 100,000 periods, so that a typo cannot exhaust memory (one row per group and period).
 */
function contractHorizon(value: string | undefined, period: OutcomePeriod): number | undefined {
  if (value === undefined) return undefined;
  let n: number;
  if (/^\s*\d+\s*$/.test(value)) n = Number(value);
  else {
    const h = horizonOption(value);
    if (h.infinite) throw new UsageError('--horizon of the contract projections must be finite, such as 24 (periods), 2y or 104w');
    const exact = h.days / periodDays(period);
    n = Math.abs(exact - Math.round(exact)) < 1e-9 * Math.max(1, exact) ? Math.round(exact) : Math.ceil(exact);
  }
  if (!(Number.isInteger(n) && n >= 1 && n <= 100_000)) throw new UsageError(`--horizon must be 1 to 100,000 ${period}s, got "${value}"`);
  return n;
}

/** Largest number of cohorts and of periods since acquisition printed (the whole matrix is in --json and --out-dir). */
const MAX_COHORTS = 24;
const MAX_PERIODS = 12;

/**
 * The readable result of `clvkit retention`: recruitment, conversion, the leads funnel and contracts in a
 * few lines, then the cohort retention table (share of each acquisition cohort buying in its k-th period).
 *
 * @example
 * process.stdout.write(formatRetention('orders.csv', report));
 */
export function formatRetention(file: string, r: RetentionReport, color = false, width?: number, table = true): string {
  const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');
  const periods = (n: number) => count(n, r.period, `${r.period}s`);
  const acquired = r.recruitment.reduce((s, x) => s + x.new_customers, 0);
  const lines = [
    `${file}: ${count(acquired, 'customer', 'customers', 'en', (n) => n.toLocaleString('en-US'))} acquired over ${periods(r.recruitment.length)} to ${r.end}`,
    `conversion to a second purchase: ${r.conversion.windows_days.map((w) => `${pct(r.conversion.overall.windows[`within_${w}`].rate)} within ${count(w, 'day', 'days')}`).join(', ')}`,
  ];
  if (r.conversion.leads) {
    const f = r.conversion.leads;
    lines.push(`leads (${f.accounting.file}): ${f.accounting.used} used of ${f.accounting.read}; ${count(f.overall.leads, 'lead', 'leads')} in the funnel, ${pct(f.overall.lead_to_customer.rate)} bought, ${pct(f.overall.lead_to_repeat.rate)} bought again`);
  }
  if (r.contracts) {
    const c = r.contracts;
    lines.push(`contracts (${c.accounting.file}): ${c.accounting.used} used of ${c.accounting.read}; ${c.ended} ended, ${c.censored} active at ${c.end}; median lifetime ${Number.isFinite(c.median) ? `${c.median.toFixed(2)} ${plural(c.median, c.period, `${c.period}s`)}` : 'not reached'}`);
    lines.push(c.heterogeneity_note);
  }
  const cohorts = r.cohorts.slice(0, MAX_COHORTS);
  if (table && cohorts.length > 0) {
    // as many periods as fit the terminal (7 characters each after cohort and size), at most MAX_PERIODS
    const room = width ? Math.floor((width - 22) / 7) : MAX_PERIODS;
    const k = Math.max(1, Math.min(MAX_PERIODS, room, Math.max(...cohorts.map((c) => c.retention.length - 1))));
    const columns = [{ header: r.period }, { header: 'customers' }, ...Array.from({ length: k }, (_, j) => ({ header: `+${j + 1}`, align: 'right' as const }))];
    const rows = cohorts.map((c) => [c.cohort, c.size, ...Array.from({ length: k }, (_, j) => {
      const v = c.retention[j + 1];
      if (v === undefined) return '';
      return pct(v) + (c.last_partial && j + 1 === c.retention.length - 1 ? '*' : '');
    })]);
    lines.push('', `Cohort retention: share of each ${r.period}'s new customers who buy in their ${r.period} +1, +2, ... after the first`);
    lines.push(formatTable(columns, rows, { color, width }).trimEnd());
    const notes: string[] = [];
    if (cohorts.some((c) => c.last_partial)) notes.push(`* ${r.period} cut by the end of observation (not comparable)`);
    if (r.cohorts.length > cohorts.length) notes.push(`${r.cohorts.length - cohorts.length} later ${plural(r.cohorts.length - cohorts.length, 'cohort', 'cohorts')} not shown`);
    if (Math.max(...cohorts.map((c) => c.retention.length - 1)) > k) notes.push(`${r.period}s past +${k} not shown`);
    if (notes.length) lines.push(notes.join('; ') + ' (all in --json and --out-dir)');
  }
  return lines.join('\n') + '\n';
}
