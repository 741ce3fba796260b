import { hiddenAlias } from '../alias.ts';
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { ClvkitError, UsageError } from '../../errors.ts';
import { describeHorizon, horizonOption, rateOption } from '../options.ts';
import { parseDateOption } from '../../ingest/dates.ts';
import { summarize } from '../../summary/summarize.ts';
import { readCustomerColumns, type CustomerColumnRequest } from '../../segment/customer-columns.ts';
import { analysePortfolio, type PortfolioModelName, type PortfolioOptions } from '../../segment/portfolio.ts';
import { portfolioMigration } from '../../segment/portfolio-migration.ts';
import { writePortfolioJson } from '../../segment/portfolio-json.ts';
import { PORTFOLIO_CSV_FILES, writePortfolioCsv } from '../../segment/portfolio-csv.ts';
import { checkOutputFolder, fileError } from '../../io/atomic.ts';
import { prewarmCsvColumns, stdoutSink } from '../../io/column-writer.ts';
import { largeInput } from '../../io/parallel-rows.ts';
import { parseRfmRules } from '../../segment/rfm-segments.ts';
import { CSV_EN, CSV_FR } from '../../io/csv.ts';
import type { HorizonUnit } from '../../value/units.ts';
import { addTransactionOptions, ingestOptionsFrom, numberOption, summaryOptionsFrom, type TransactionCliOptions } from '../options.ts';
import { createProgress } from '../progress.ts';
import { count } from '../../plural.ts';
import { flagTableOf } from '../../segment/flag-table.ts';
import type { PortfolioAnalysis as Analysis } from '../../segment/portfolio.ts';
import { formatTable } from '../table.ts';
import { useColor } from '../color.ts';
import { addEngineOptions, transactionsFromEngine, type EngineCliOptions } from '../engine-options.ts';

interface SegmentCliOptions extends EngineCliOptions {
  model?: string;
  horizon?: string;
  horizonUnit?: string;
  discount?: string;
  margin?: string;
  costPerOrder?: string;
  costCol?: string;
  migrationDate?: string;
  rfmConfig?: string;
  bootstrap?: string;
  level?: string;
  seed?: string;
  outDir?: string;
  json?: boolean;
  lang?: string;
  atRisk?: string;
  lapsedDays?: string;
  referrals?: string;
  typeOneShare?: string;
  acquisitionCost?: string;
  referralProjection?: boolean;
}

const MODELS = ['bgnbd', 'mbgnbd', 'paretonbd'];

/**
 * `clvkit segment <transactions.csv>`: tiers, RFM segments, concentration, migration and the prioritised
 * list (DESIGN.md §3). Tables go to `--out-dir` as CSV files; `--json` prints them as one JSON document.
 */
export function register(program: Command): void {
  const cmd = program
    .command('segment')
    .description('value tiers, RFM segments, concentration, migration and the prioritised list for finance')
    .argument('[transactions]', 'transaction file with amounts (none with --engine postgres)');
  addEngineOptions(addTransactionOptions(cmd))
    .option('-m, --model <name>', 'transaction model of CLV: bgnbd, mbgnbd or paretonbd', 'bgnbd')
    .option('--horizon <t>', "CLV horizon: 52w, 12m, 1y, 365d or 'infinite' (default 12m)")
    .option('--horizon-unit <unit>', 'old form: the unit of a bare --horizon number (day, week, month or year)')
    .option('--discount <rate>', 'annual discount rate, 0.1 or 10% (converted exactly to the model time unit)', '0.1')
    .option('--margin <rate|column>', 'margin on spend: a number (0.3) or a column of per-row margin rates (mean per customer)', '1')
    .option('--cost-per-order <x>', 'cost to serve one order, in the currency of the amounts: adds the whale curve of historical profit (default: none)')
    .option('--cost-col <name>', 'column of per-row cost to serve, summed per customer, for the whale curve (default: none)')
    .option('--migration-date <date>', 'also analyse the base as of this earlier date and report tier and segment migration')
    .option('--rfm-config <file.json>', 'named RFM segments: [{"name", "r": [lo, hi], "f": [...], "m": [...]}], first match wins')
    .option('--at-risk <p>', 'P(alive) under which a top-tier customer is flagged high-value-at-risk', '0.5')
    .option('--lapsed-days <n>', 'days without a purchase after which a customer is flagged lapsed', '365')
    .option('--bootstrap <n>', 'bootstrap draws for the equity and per-customer CLV intervals (0: none)', '0')
    .option('--level <p>', 'level of the bootstrap intervals, between 0 and 1', '0.9')
    .option('--seed <n>', 'random seed of the bootstrap', '1')
    .option('--out-dir <dir>', 'write every table as a CSV file in this folder')
    .option('--lang <en|fr>', 'CSV export dialect: en (, and .) or fr (; and decimal comma)', 'en')
    .option('--referrals <log>', 'referral log (referrer, referred, date[, would_have_joined][, acquisition_cost]): CRV and the CLV x CRV cell in the prioritised list')
    .option('--type-one-share <p>', 'with --referrals: share of referred customers who would not have joined otherwise, when the log does not say')
    .option('--acquisition-cost <x>', 'with --referrals: acquisition cost saved by a type-two referral')
    .option('--no-referral-projection', 'with --referrals: value past referrals only')
    .option('--json', 'print all tables as one JSON document on stdout')
    .action(async (file: string | undefined, o: SegmentCliOptions) => {
      const options = portfolioOptions(o);
      if (o.lang !== 'en' && o.lang !== 'fr') throw new UsageError(`--lang must be en or fr, got "${o.lang}"`);
      if (o.outDir) checkOutputFolder(o.outDir, [file, o.rfmConfig, o.referrals], PORTFOLIO_CSV_FILES);
      // priorities.csv or the --json list of a large input: its row worker starts on the other core while this one reads
      if ((o.outDir || o.json) && largeInput(file)) prewarmCsvColumns();
      const table = await transactionsFromEngine(file, o);
      const summary = summarize(table, summaryOptionsFrom(o) as never);
      const extra = customerExtras(file, o, () => summary.customerIds, summary.end);
      if (o.referrals) {
        const { readReferrals } = await import('../../ingest/referrals.ts');
        const log = readReferrals(o.referrals, { skipBadRows: o.skipBadRows });
        options.referrals = {
          log,
          options: {
            typeOneShare: rateOption('type-one-share', o.typeOneShare),
            acquisitionCost: numberOption('acquisition-cost', o.acquisitionCost, (v) => v >= 0 && Number.isFinite(v)),
            projection: o.referralProjection,
          },
          table,
        };
      }
      const draws = options.bootstrap ?? 0;
      const progress = await createProgress('bootstrap', draws, o.quiet || draws === 0);
      let analysis;
      try {
        analysis = analysePortfolio(summary, { ...options, ...extra, onProgress: (d) => progress.update(d) });
      } finally {
        progress.stop();
      }
      let migration;
      if (o.migrationDate !== undefined) {
        const at = parseDateOption(o.migrationDate, '--migration-date');
        if (!(at < summary.end)) throw new UsageError('--migration-date must be before the end of observation');
        const earlier = summarize(table, { ...(summaryOptionsFrom(o) as object), end: at } as never);
        const extraEarlier = customerExtras(file, o, () => earlier.customerIds, earlier.end);
        const before = analysePortfolio(earlier, { ...options, ...extraEarlier, bootstrap: 0 });
        migration = portfolioMigration(before, analysis);
      }
      const written = o.outDir ? writePortfolioCsv(analysis, o.outDir, migration, o.lang === 'fr' ? CSV_FR : CSV_EN) : [];
      // the document streamed: the prioritised list from its columns, no row object or string per customer
      if (o.json) writePortfolioJson(stdoutSink(), analysis, migration);
      const label = file ?? o.table ?? '--query';
      for (const w of [...analysis.warnings, ...(analysis.referrals?.warnings ?? [])]) process.stderr.write(`warning: ${w}\n`);
      const wrote = `wrote ${count(written.length, 'table', 'tables')} to ${o.outDir}`;
      const horizon = describeHorizon(horizonOption(o.horizon, o.horizonUnit)) + (o.horizon === undefined ? ' (the default horizon)' : '');
      // the result makes way for --json and --out-dir: its headline then goes to stderr
      if (o.json || o.outDir) process.stderr.write(portfolioHeadline(label, analysis, horizon));
      if (o.json) {
        if (written.length) process.stderr.write(wrote + '\n');
      } else if (o.outDir) {
        process.stdout.write(wrote + '\n');
      } else {
        process.stdout.write(formatPortfolio(label, analysis, horizon, useColor(process.stdout), process.stdout.columns));
      }
    });
  hiddenAlias(cmd, '--intervals <level>', 'level');
}

/**
 * The readable result of `clvkit segment`: customer equity with its interval, concentration, and the
 * customers and value per tier of the pyramid, per RFM segment and per action flag (the per-customer
 * list and the other tables go to --out-dir or --json).
 *
 * @example
 * process.stdout.write(formatPortfolio('orders.csv', analysis, '12 months'));
 */
export function formatPortfolio(label: string, a: Analysis, horizon: string, color = false, width?: number): string {
  const lines = [portfolioHeadline(label, a, horizon), 'Value tiers (customer pyramid on CLV):'];
  const opts = { color, width };
  const tierRows = a.tiers.pyramid.map((t) => [t.tier, t.customers, t.share_customers, t.customers > 0 ? t.mean_clv * t.customers : 0, t.share_value, t.mean_clv, t.mean_probability_alive]);
  const valueCols = [{ header: 'customers' }, { header: 'share', percent: true }, { header: 'CLV', digits: 2 }, { header: 'share of CLV', percent: true }, { header: 'mean CLV', digits: 2 }, { header: 'mean P(alive)', digits: 3 }];
  lines.push(formatTable([{ header: 'tier' }, ...valueCols], tierRows, opts));
  lines.push('RFM segments:');
  lines.push(formatTable([{ header: 'segment' }, ...valueCols], a.rfm.table.map((r) => [r.segment, r.customers, r.share_customers, r.value, r.share_value, r.mean_clv, r.mean_probability_alive]), opts));
  lines.push('Action flags (a customer can have two):');
  lines.push(
    formatTable(
      [{ header: 'flag' }, { header: 'customers' }, { header: 'share', percent: true }, { header: 'CLV', digits: 2 }, { header: 'past spend', digits: 2 }, { header: 'mean P(alive)', digits: 3 }],
      flagTableOf(a.priorityTable).map((r) => [r.flag, r.customers, r.share_customers, r.clv, r.historical_spend, r.mean_probability_alive]),
      opts,
    ),
  );
  return lines.join('\n');
}

/**
 * The first lines of the segment result: customers, customer equity with its interval, model, discount
 * and concentration (also on stderr when --json or --out-dir takes stdout).
 *
 * @example
 * process.stderr.write(portfolioHeadline('orders.csv', analysis, '12 months'));
 */
export function portfolioHeadline(label: string, a: Analysis, horizon: string): string {
  const money = (v: number) => (Number.isFinite(v) ? v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : 'n/a');
  const b = a.equity.bootstrap;
  return (
    `${label}: ${count(a.historicalSpend.length, 'customer', 'customers', 'en', (v) => v.toLocaleString('en-US'))}; customer equity over ${horizon}: ${money(a.equity.equity)}` +
    (b ? ` (${Math.round(b.level * 100)}% interval ${money(b.lower)} to ${money(b.upper)}, ${count(b.draws, 'draw', 'draws')})` : '') +
    `\nmodel ${a.modelName}, annual discount ${(100 * a.settings.annualDiscount).toFixed(1)}%; Gini of past spend ${a.concentration.giniSpend.toFixed(3)}, of CLV ${a.concentration.giniClv.toFixed(3)}\n`
  );
}

/** Parse the segment options (usage errors exit 2). */
function portfolioOptions(o: SegmentCliOptions): PortfolioOptions {
  const model = o.model ?? 'bgnbd';
  if (!MODELS.includes(model)) throw new UsageError(`--model must be one of ${MODELS.join(', ')}, got "${model}"`);
  // one horizon syntax (52w, 12m, 1y, 365d, infinite), default 12m as in predict and report
  const resolved = horizonOption(o.horizon, o.horizonUnit);
  const horizon = resolved.infinite ? 'infinite' : resolved.value;
  const horizonUnit = resolved.unit;
  const annualDiscount = rateOption('discount', o.discount, 0.1)!;
  if (horizon === 'infinite' && annualDiscount === 0) throw new UsageError("--horizon infinite needs --discount above 0");
  const level = numberOption('level', o.level ?? '0.9', (v) => v > 0 && v < 1)!;
  const bootstrap = numberOption('bootstrap', o.bootstrap ?? '0', (v) => Number.isInteger(v) && v >= 0)!;
  const seed = numberOption('seed', o.seed ?? '1', Number.isInteger)!;
  const costPerOrder = numberOption('cost-per-order', o.costPerOrder, (v) => v >= 0 && Number.isFinite(v));
  const atRisk = numberOption('at-risk', o.atRisk ?? '0.5', (v) => v >= 0 && v <= 1)!;
  const lapsedDays = numberOption('lapsed-days', o.lapsedDays ?? '365', (v) => v >= 0 && Number.isFinite(v))!;
  const marginNumber = marginAsNumber(o.margin ?? '1');
  const options: PortfolioOptions = {
    model: model as PortfolioModelName,
    horizon,
    horizonUnit: horizonUnit as HorizonUnit,
    annualDiscount,
    bootstrap,
    level,
    seed,
    costPerOrder,
    flags: { atRiskProbability: atRisk, lapsedDays },
  };
  if (marginNumber !== undefined) options.margin = marginNumber;
  if (o.rfmConfig !== undefined) {
    let doc: unknown;
    let text: string;
    try {
      text = readFileSync(o.rfmConfig, 'utf8');
    } catch (e) {
      throw fileError(e, o.rfmConfig, 'read');
    }
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new ClvkitError(`cannot read the RFM configuration: ${(e as Error).message}`, { file: o.rfmConfig });
    }
    options.rfmRules = parseRfmRules(doc, o.rfmConfig);
  }
  return options;
}

/** Per-customer margin (a column name in --margin) and cost to serve (--cost-col), in summary order. */
function customerExtras(file: string | undefined, o: SegmentCliOptions, idsOf: () => string[], end: number): Pick<PortfolioOptions, 'margin' | 'costToServe'> {
  const marginColumn = o.margin !== undefined && marginAsNumber(o.margin) === undefined ? o.margin : undefined;
  const requests: CustomerColumnRequest[] = [];
  if (marginColumn) requests.push({ column: marginColumn, aggregate: 'mean' });
  if (o.costCol) requests.push({ column: o.costCol, aggregate: 'sum' });
  if (requests.length === 0) return {};
  if (file === undefined) throw new UsageError('a margin column or --cost-col needs the transaction file (not --engine postgres)');
  const ingest = ingestOptionsFrom(o) as { delimiter?: string; columns?: string[]; customerCol?: string; dateCol?: string; dateFormat?: never };
  const cols = readCustomerColumns(file, requests, { ...ingest, end });
  const ids = idsOf();
  const out: Pick<PortfolioOptions, 'margin' | 'costToServe'> = {};
  let j = 0;
  if (marginColumn) {
    const k = j++;
    out.margin = ids.map((id) => {
      const v = cols.get(id)?.[k];
      if (v === undefined || !Number.isFinite(v)) throw new ClvkitError(`customer ${id} has no value in the margin column "${marginColumn}"`, { file });
      return v;
    });
  }
  if (o.costCol) {
    const k = j++;
    out.costToServe = ids.map((id) => cols.get(id)?.[k] ?? 0);
  }
  return out;
}

/** `--margin` as a number (`0.3` or `0,3`), or undefined when it names a column. */
function marginAsNumber(value: string): number | undefined {
  const t = value.trim();
  // a number or a percentage is a rate (0.3 or 30%; a bare number above 1 is refused), anything else a column name
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)\s*%?$/.test(t)) return undefined;
  return rateOption('margin', t);
}
