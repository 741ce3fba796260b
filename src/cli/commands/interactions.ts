import { pValueText } from '../../p-value-text.ts';
import { count, plural } from '../../plural.ts';
import { wroteNote } from '../output.ts';
import type { Command } from 'commander';
import { join } from 'node:path';
import { UsageError } from '../../errors.ts';
import { readTransactions } from '../../ingest/transactions.ts';
import { readTouchpoints } from '../../ingest/touchpoints.ts';
import { checkInputFile, checkOutputFolder, ensureFolder, writeFileAtomic } from '../../io/atomic.ts';
import { CSV_EN, CSV_FR, recordsToRows, toCsv, type CsvValue } from '../../io/csv.ts';
import { effectIdentified, interactionAnalysis, type ChannelEffect, type InteractionAnalysis, type InteractionOptions } from '../../outcomes/interactions.ts';
import { formatAccounting } from '../../summary/export.ts';
import { addTransactionOptions, horizonIn, horizonOption, ingestOptionsFrom, periodUnit, rateOption, type TransactionCliOptions } from '../options.ts';
import { readCovariateFiles, type CovariateCliOptions } from '../covariate-options.ts';

interface InteractionsCliOptions extends TransactionCliOptions, CovariateCliOptions {
  touchpoints?: string;
  touchpointChannelCol?: string;
  touchpointCostCol?: string;
  touchpointBy?: string;
  transform?: string;
  bands?: string;
  plan?: string;
  horizon?: string;
  discount?: string;
  margin?: string;
  outDir?: string;
  json?: boolean;
  lang?: string;
}

/** The CSV files of `--out-dir`. */
export const INTERACTION_FILES = ['effects.csv', 'saturation.csv', 'plan.csv', 'contacts_per_period.csv', 'followed_by_purchase.csv'];

/**
 * Parses `--plan email:+1,phone:+2` into contact plans.
 *
 * @example
 * parsePlan('email:+1,phone:2'); // [{ channel: 'email', contacts: 1 }, { channel: 'phone', contacts: 2 }]
 */
export function parsePlan(text: string | undefined): { channel: string; contacts: number }[] {
  if (!text) return [];
  return text.split(',').map((part) => {
    const m = /^\s*(.+?)\s*:\s*\+?\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!m) throw new UsageError(`--plan takes channel:+n items separated by commas (e.g. email:+1,phone:+2), got "${part}"`);
    return { channel: m[1], contacts: Number(m[2]) };
  });
}

/**
 * Runs `clvkit interactions` as a library call: reads both logs (and covariates), then the analysis.
 *
 * @example
 * const { analysis } = await interactionsFromFiles('tx.csv', { touchpoints: 'contacts.csv', calibrationEnd: '2025-06-30' });
 */
export async function interactionsFromFiles(file: string | undefined, o: InteractionsCliOptions): Promise<{ analysis: InteractionAnalysis; notes: string[] }> {
  if (!file) throw new UsageError('missing the transaction file');
  if (!o.touchpoints) throw new UsageError('--touchpoints <file> is required (customer, date, channel[, kind, cost])');
  checkInputFile(file);
  checkInputFile(o.touchpoints);
  if (o.touchpointBy !== undefined && o.touchpointBy !== 'channel' && o.touchpointBy !== 'kind') throw new UsageError(`--touchpoint-by must be channel or kind, got "${o.touchpointBy}"`);
  const ingest = ingestOptionsFrom(o);
  const table = await readTransactions(file, ingest as never);
  const { customerCol: _c, dateCol: _d, amountCol: _a, channelCol: _ch, columns: _co, ...shared } = ingest as Record<string, unknown>;
  const touchpoints = await readTouchpoints(o.touchpoints, {
    ...(shared as object),
    channelCol: o.touchpointChannelCol,
    costCol: o.touchpointCostCol,
    by: (o.touchpointBy as 'channel' | 'kind' | undefined) ?? 'channel',
  });
  const notes = [`${file}: ${formatAccounting(table.accounting)}`, `${o.touchpoints}: ${formatAccounting(touchpoints.accounting)}; channels ${touchpoints.channels.join(', ')}`];
  const bands = o.bands?.split(',').map(Number);
  const options: InteractionOptions = {
    freq: periodUnit('freq', o.freq, 'week'),
    end: o.end,
    calibrationEnd: o.calibrationEnd,
    transform: o.transform ?? 'log',
    bands,
    plan: parsePlan(o.plan),
    horizon: planHorizon(o.horizon, o.freq),
    discount: rateOption('discount', o.discount, 0.1),
    margin: rateOption('margin', o.margin, 1),
    covariates: o.covariates ? readCovariateFiles(o) : undefined,
  };
  return { analysis: interactionAnalysis(table, touchpoints, options), notes };
}

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v);
}

/**
 * The readable report of the analysis.
 *
 * @example
 * process.stdout.write(formatInteractions(analysis));
 */
export function formatInteractions(a: InteractionAnalysis): string {
  const lines = [`Contacts and the purchase and attrition models: ${count(a.customers, 'customer', 'customers', 'en', (n) => n.toLocaleString('en-US'))}, channels ${a.channels.join(', ')}, contacts as ${a.transform} per ${a.periodDays}-day period`];
  lines.push(`Pareto/NBD without contacts LL ${fmt(a.models.without.logLikelihood)}; with contacts LL ${fmt(a.models.with.logLikelihood)}; likelihood-ratio ${fmt(a.lrTest.statistic)} on ${a.lrTest.df} df, ${pValueText(a.lrTest.p)}`);
  lines.push('', 'Effects (multiplier of the mean rate per unit of the covariate, 95% interval):');
  // an effect the data do not identify is said in words, not as a multiplier with a NaN interval
  const effect = (e: ChannelEffect) => (effectIdentified(e) ? `×${fmt(e.multiplier).padEnd(8)} [${fmt(e.lower)}, ${fmt(e.upper)}]` : 'not identified by the data (the likelihood is flat in that direction)');
  for (const e of a.effects) lines.push(`  ${e.covariate.padEnd(22)} ${e.process.padEnd(9)} ${effect(e)}`);
  if (a.holdout) {
    const h = a.holdout;
    lines.push('', `Holdout (${fmt(h.periods)} ${plural(h.periods, 'period', 'periods')}): actual ${fmt(h.actual)} ${plural(h.actual, 'transaction', 'transactions')}; predicted ${fmt(h.predictedWithout)} without contacts, ${fmt(h.predictedWith)} with; mean absolute error ${fmt(h.maeWithout)} → ${fmt(h.maeWith)} (${fmt(100 * h.improvement)}% better)`);
  }
  lines.push('', 'Saturation (effect of a contact band against no contact in the period):');
  for (const e of a.saturation) lines.push(`  ${e.channel.padEnd(10)} ${e.band.padEnd(6)} ${e.process.padEnd(9)} ${effect(e)}`);
  if (a.plan.length > 0) {
    lines.push('', 'Contact plans: expected CLV change per customer by value tier:');
    for (const p of a.plan) lines.push(`  ${`${p.channel} +${p.contacts}`.padEnd(14)} ${p.tier.padEnd(9)} ${String(p.customers).padStart(7)} ${plural(p.customers, 'customer ', 'customers')}  ${fmt(p.change_per_customer)} each, ${fmt(p.change_total)} in all`);
  }
  lines.push('', 'Contacts followed by a purchase (share, 95% Wilson interval):');
  for (const r of a.tables.followedByPurchase) lines.push(`  ${r.channel.padEnd(10)} ${String(r.window_days).padStart(2)} days  ${fmt(100 * r.share)}% [${fmt(100 * r.lower)}, ${fmt(100 * r.upper)}] of ${count(r.contacts, 'contact', 'contacts', 'en', (n) => n.toLocaleString('en-US'))}`);
  for (const w of a.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n') + '\n';
}

/**
 * The CSV tables of the analysis, by file name.
 *
 * @example
 * interactionCsvs(analysis, CSV_EN)['effects.csv'];
 */
export function interactionCsvs(a: InteractionAnalysis, format = CSV_EN): Record<string, string> {
  const table = (records: Record<string, CsvValue>[], header: string[]) => toCsv(header, recordsToRows(header, records), format);
  const effectHeader = ['channel', 'covariate', 'process', 'estimate', 'se', 'multiplier', 'lower', 'upper', 'p'];
  return {
    'effects.csv': table(a.effects as unknown as Record<string, CsvValue>[], effectHeader),
    'saturation.csv': table(a.saturation as unknown as Record<string, CsvValue>[], ['channel', 'band', ...effectHeader.slice(2)]),
    'plan.csv': table(a.plan as unknown as Record<string, CsvValue>[], ['channel', 'contacts', 'tier', 'customers', 'clv_base', 'clv_plan', 'change_per_customer', 'change_total']),
    'contacts_per_period.csv': table(a.tables.contactsPerPeriod as unknown as Record<string, CsvValue>[], ['group', 'channel', 'customers', 'customer_periods', 'contacts', 'per_customer_period']),
    'followed_by_purchase.csv': table(a.tables.followedByPurchase as unknown as Record<string, CsvValue>[], ['channel', 'window_days', 'contacts', 'followed', 'share', 'lower', 'upper']),
  };
}

/**
 * @example
 * register(program); // adds `clvkit interactions <transactions> --touchpoints <contacts>`
 */
export function register(program: Command): void {
  const cmd = program
    .command('interactions')
    .description('which contacts, through which channel, change how often customers buy and how long they stay (Pareto/NBD with contacts as time-varying covariates)')
    .argument('[transactions]', 'transaction file');
  addTransactionOptions(cmd)
    .option('--touchpoints <file>', 'touchpoint log: customer, date, channel[, kind, cost]')
    .option('--touchpoint-channel-col <name>', 'channel column of the touchpoint log (default: channel, canal, source)')
    .option('--touchpoint-cost-col <name>', 'cost column of the touchpoint log (default: cost, cout)')
    .option('--touchpoint-by <channel|kind>', 'group contacts by their channel (default) or their kind')
    .option('--transform <t>', 'contacts in the model: log (log(1+n), default), count, or bands:1,2,4', 'log')
    .option('--bands <edges>', 'lower edges of the contact bands of the saturation view', '1,2,4')
    .option('--plan <items>', 'contact plans, e.g. email:+1,phone:+2 (contacts added per period)')
    .option('--horizon <t>', 'CLV horizon of the plans: 52w, 12m, 1y or 365d, or a bare number of --freq units (default 52, a year in weeks)')
    .option('--discount <rate>', 'annual discount rate of the plans\' CLV, 0.1 or 10% (default 0.1)')
    .option('--margin <rate>', 'margin applied to spend in the plans\' CLV, 0.3 or 30% (default 1)')
    .option('--covariates <file>', 'other covariates (static or time-varying) entering both processes beside the contacts')
    .option('--out-dir <dir>', `write ${INTERACTION_FILES.join(', ')}`)
    .option('--lang <en|fr>', 'CSV dialect: en (, and .) or fr (; and decimal comma)', 'en')
    .option('--json', 'print the analysis as one JSON document on stdout')
    .action(async (file: string | undefined, o: InteractionsCliOptions) => {
      if (o.lang !== 'en' && o.lang !== 'fr') throw new UsageError(`--lang must be en or fr, got "${o.lang}"`);
      if (o.outDir) checkOutputFolder(o.outDir, [file, o.touchpoints, o.covariates], INTERACTION_FILES);
      const { analysis, notes } = await interactionsFromFiles(file, o);
      for (const n of notes) process.stderr.write(n + '\n');
      if (o.outDir) {
        ensureFolder(o.outDir);
        const csvs = interactionCsvs(analysis, o.lang === 'fr' ? CSV_FR : CSV_EN);
        for (const [name, text] of Object.entries(csvs)) writeFileAtomic(join(o.outDir, name), text);
        wroteNote(o, `wrote ${INTERACTION_FILES.join(', ')} to ${o.outDir}`);
      }
      if (o.json) process.stdout.write(JSON.stringify(analysis) + '\n');
      // with --out-dir the readable result makes way for the one line saying what was written: it goes to stderr
      else (o.outDir ? process.stderr : process.stdout).write(formatInteractions(analysis));
    });
}

/** `--horizon` of the plans in the model's unit (--freq): the common syntax (52w, 12m, 1y), a bare number being --freq units as before. */
function planHorizon(value: string | undefined, freq: string | undefined): number {
  const unit = periodUnit('freq', freq, 'week');
  const h = horizonOption(value ?? '52', unit);
  if (h.infinite) throw new UsageError('--horizon of the contact plans must be finite, such as 52w or 1y');
  return horizonIn(h, unit);
}
