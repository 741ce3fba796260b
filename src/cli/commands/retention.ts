import type { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { type DateFormat, parseDateOption } from '../../ingest/dates.ts';
import { RETENTION_CSV_FILES, writeRetentionCsvs } from '../../outcomes/export.ts';
import { checkOutputFolder } from '../../io/atomic.ts';
import { outcomePeriod } from '../../outcomes/periods.ts';
import { retentionFromFiles } from '../../outcomes/retention-files.ts';
import type { RetentionReport } from '../../outcomes/retention.ts';
import { CSV_EN, CSV_FR } from '../../io/csv.ts';
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
    .option('--horizon <periods>', 'projection horizon of the contract models, in periods')
    .option('--json', 'print the whole result as one JSON document on stdout')
    .action(async (file: string, o: RetentionCliOptions) => {
      if (o.lang !== 'en' && o.lang !== 'fr') throw new UsageError(`--lang must be en or fr, got "${o.lang}"`);
      if (o.calibrationEnd !== undefined) throw new UsageError('--calibration-end does not apply to retention');
      if (o.outDir) checkOutputFolder(o.outDir, [file, o.leads, o.contracts], RETENTION_CSV_FILES);
      const period = outcomePeriod(o.period);
      const minGroupSize = numberOption('min-group-size', o.minGroupSize, (v) => Number.isInteger(v) && v >= 1);
      // Projections hold one row per group and period: bounded so that a typo cannot exhaust memory.
      const horizon = numberOption('horizon', o.horizon, (v) => Number.isInteger(v) && v >= 1 && v <= 100_000);
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
      if (o.json) process.stdout.write(JSON.stringify(report) + '\n');
      for (const n of notes) process.stderr.write(`note: ${n}\n`);
      process.stderr.write(humanSummary(file, report));
      if (written.length > 0) process.stderr.write(`wrote ${written.length} files to ${o.outDir}\n`);
      if (!o.json && written.length === 0) process.stderr.write('(use --json or --out-dir dir for the tables)\n');
    });
}

function humanSummary(file: string, r: RetentionReport): string {
  const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');
  const a = r.accounting.transactions;
  const lines = [
    `${file}: ${a.read} rows read, ${a.used} used${a.after_end ? `, ${a.after_end} after the end ${r.end} not used` : ''}`,
    `${r.recruitment.reduce((s, x) => s + x.new_customers, 0)} customers acquired over ${r.recruitment.length} ${r.period}s`,
    `conversion to a second purchase: ${r.conversion.windows_days.map((w) => `${pct(r.conversion.overall.windows[`within_${w}`].rate)} within ${w} days`).join(', ')}`,
  ];
  if (r.conversion.leads) {
    const f = r.conversion.leads;
    lines.push(`leads (${f.accounting.file}): ${f.accounting.used} used of ${f.accounting.read}; ${f.overall.leads} in the funnel, ${pct(f.overall.lead_to_customer.rate)} bought, ${pct(f.overall.lead_to_repeat.rate)} bought again`);
  }
  if (r.contracts) {
    const c = r.contracts;
    lines.push(`contracts (${c.accounting.file}): ${c.accounting.used} used of ${c.accounting.read}; ${c.ended} ended, ${c.censored} active at ${c.end}; median lifetime ${Number.isFinite(c.median) ? `${c.median.toFixed(2)} ${c.period}s` : 'not reached'}`);
    lines.push(c.heterogeneity_note);
  }
  return lines.join('\n') + '\n';
}
