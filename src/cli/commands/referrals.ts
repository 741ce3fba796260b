import { hiddenAlias } from '../alias.ts';
import type { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { readCustomerValues } from '../../ingest/customer-values.ts';
import { readReferrals } from '../../ingest/referrals.ts';
import { readTransactions } from '../../ingest/transactions.ts';
import type { DateFormat } from '../../ingest/dates.ts';
import { checkOutputFile, checkOutputFolder } from '../../io/atomic.ts';
import { CSV_EN, CSV_FR } from '../../io/csv.ts';
import { statedVersusActual } from '../../research/nps-referrals.ts';
import { readNpsScores } from '../../research/nps-read.ts';
import { stdoutSink } from '../../io/column-writer.ts';
import { count } from '../../plural.ts';
import { formatTable } from '../table.ts';
import { useColor } from '../color.ts';
import { writeReferralCsv, writeReferralCustomers, writeReferralJson } from '../../segment/referral-output.ts';
import { formatAccounting } from '../../summary/export.ts';
import { summarize } from '../../summary/summarize.ts';
import { analyseReferrals, type ReferralAnalysisOptions, type ReferralClvModel } from '../../value/referrals/analyse.ts';
import type { HorizonUnit } from '../../value/units.ts';
import { addTransactionOptions, describeHorizon, horizonOption, ingestOptionsFrom, numberOption, rateOption, summaryOptionsFrom, type TransactionCliOptions } from '../options.ts';

interface ReferralsCliOptions extends TransactionCliOptions {
  referrals: string;
  referrerCol?: string;
  referredCol?: string;
  referralDateCol?: string;
  wouldHaveJoinedCol?: string;
  acquisitionCostCol?: string;
  referralsDateFormat?: string;
  typeOneShare?: string;
  acquisitionCost?: string;
  referralProjection: boolean;
  covariates: string;
  model: string;
  horizon?: string;
  horizonUnit?: string;
  discount: string;
  margin: string;
  bootstrap: string;
  level: string;
  seed: string;
  clvCutoff?: string;
  crvCutoff?: string;
  nps?: string;
  npsIdCol?: string;
  npsScoreCol?: string;
  influence?: string;
  knowledge?: string;
  out?: string;
  outDir?: string;
  json?: boolean;
  lang: string;
}

const OUT_FILES = ['referral_value.csv', 'referral_matrix.csv', 'referral_unmatched.csv', 'engagement.csv', 'referral_nps.csv'];

/**
 * `clvkit referrals <transactions> --referrals <log>`: customer referral value (Kumar, Petersen & Leone
 * 2010), the CLV × CRV matrix, stated versus actual recommendation with NPS scores, and customer
 * engagement value.
 */
export function register(program: Command): void {
  const cmd = program
    .command('referrals')
    .description('customer referral value (CRV), the CLV x CRV matrix, NPS stated vs actual, customer engagement value')
    .argument('<transactions>', 'transaction file with amounts');
  addTransactionOptions(cmd)
    .requiredOption('--referrals <log>', 'referral log: referrer, referred, date[, would_have_joined][, acquisition_cost]')
    .option('--referrer-col <name>', 'referrer column of the log (default: referrer, sponsor, parrain, ...)')
    .option('--referred-col <name>', 'referred customer column of the log (default: referred, referee, filleul, ...)')
    .option('--referral-date-col <name>', 'date column of the log (default: date, referral_date, ...)')
    .option('--would-have-joined-col <name>', 'yes/no column: would the referred customer have joined anyway (type two)')
    .option('--acquisition-cost-col <name>', 'acquisition cost saved by each referral (default: acquisition_cost, ...)')
    .option('--referrals-date-format <fmt>', 'date format of the log: iso, yyyymmdd, dd/mm/yyyy or mm/dd/yyyy (default: detected)')
    .option('--type-one-share <p>', 'share of referred customers who would not have joined without the referral, 0.6 or 60% (needed when the log does not say)')
    .option('--acquisition-cost <x>', 'acquisition cost saved by a type-two referral, for rows without their own')
    .option('--no-referral-projection', 'value past referrals only (no referral model, no future referrals)')
    .option('--covariates <mode>', 'purchase behaviour in the referral model: auto (when it improves the holdout fit), none, always', 'auto')
    .option('-m, --model <name>', 'transaction model of CLV: bgnbd, mbgnbd or paretonbd', 'bgnbd')
    .option('--horizon <t>', "CLV and projection horizon: 52w, 12m, 1y, 365d or 'infinite' (default 12m)")
    .option('--horizon-unit <unit>', 'old form: the unit of a bare --horizon number (day, week, month or year)')
    .option('--discount <rate>', 'annual discount rate, 0.1 or 10% (converted exactly to the model time unit)', '0.1')
    .option('--margin <rate>', 'margin on spend, 0.3 or 30%', '1')
    .option('--bootstrap <n>', 'bootstrap draws over customers for the CRV intervals (0: none)', '0')
    .option('--level <p>', 'level of the bootstrap intervals, between 0 and 1', '0.9')
    .option('--seed <n>', 'seed of the bootstrap', '1')
    .option('--clv-cutoff <x>', 'CLV cut-off of the matrix (default: the median)')
    .option('--crv-cutoff <x>', 'CRV cut-off of the matrix (default: the median)')
    .option('--nps <scores.csv>', 'NPS scores of the same customers: referral rate and CRV of promoters, passives, detractors')
    .option('--nps-id-col <name>', 'customer id column of the NPS file')
    .option('--nps-score-col <name>', 'score column of the NPS file')
    .option('--influence <file>', 'customer_id, value: influencer value (acquisitions attributed to reviews or posts)')
    .option('--knowledge <file>', 'customer_id, value: knowledge value (value of adopted suggestions)')
    .option('-o, --out <file.csv>', 'write the per-customer table')
    .option('--out-dir <dir>', 'write every table as a CSV file in this folder')
    .option('--lang <en|fr>', 'CSV export dialect: en (, and .) or fr (; and decimal comma)', 'en')
    .option('--json', 'print the whole result as one JSON document on stdout')
    .action(async (file: string, o: ReferralsCliOptions) => {
      const options = analysisOptions(o);
      if (o.lang !== 'en' && o.lang !== 'fr') throw new UsageError(`--lang must be en or fr, got "${o.lang}"`);
      const inputs = [file, o.referrals, o.nps, o.influence, o.knowledge];
      if (o.out) checkOutputFile(o.out, inputs);
      if (o.outDir) checkOutputFolder(o.outDir, inputs, OUT_FILES);
      const table = await readTransactions(file, ingestOptionsFrom(o));
      const summary = summarize(table, summaryOptionsFrom(o) as never);
      const log = readReferrals(o.referrals, {
        referrerCol: o.referrerCol,
        referredCol: o.referredCol,
        dateCol: o.referralDateCol,
        typeCol: o.wouldHaveJoinedCol,
        costCol: o.acquisitionCostCol,
        dateFormat: o.referralsDateFormat as DateFormat | undefined,
        skipBadRows: o.skipBadRows,
      });
      process.stderr.write(`${o.referrals}: ${formatAccounting(log.accounting)}\n`);
      if (o.influence) options.influencer = readCustomerValues(o.influence, { what: 'influencer value', skipBadRows: o.skipBadRows });
      if (o.knowledge) options.knowledge = readCustomerValues(o.knowledge, { what: 'knowledge value', skipBadRows: o.skipBadRows });
      const a = analyseReferrals(summary, log, options, table);
      let nps;
      if (o.nps) {
        const scores = readNpsScores(o.nps, { ids: true, idCol: o.npsIdCol, scoreCol: o.npsScoreCol, skipBadRows: o.skipBadRows });
        nps = statedVersusActual(scores.ids!, scores.scores, { customerIds: a.customerIds, referrals: a.crv.referrals, exposure: a.crv.exposure, crv: a.crv.crv });
        if (nps.unmatched.length) a.warnings.push(`${nps.unmatched.length} NPS respondents are not customers of the transaction file: left out`);
      }
      const format = o.lang === 'fr' ? CSV_FR : CSV_EN;
      const extra = { transactions: table.accounting, log, nps };
      if (o.out) writeReferralCustomers(a, o.out, format);
      const written = o.outDir ? writeReferralCsv(a, o.outDir, extra, format) : [];
      if (o.json) writeReferralJson(stdoutSink(), a, extra);
      const c = a.crv;
      const s = c.typeOneShare;
      const int = (n: number) => n.toLocaleString('en-US');
      const money = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      const headline =
        `${count(summary.customerIds.length, 'customer', 'customers', 'en', int)}, ${count(a.matched.length, 'referral', 'referrals', 'en', int)}; CLV and CRV over ${describeHorizon(horizonOption(o.horizon, o.horizonUnit), a.settings.timeUnit as HorizonUnit)}; total CRV ${money(c.total.crv)}` +
        (c.total.lower !== undefined ? ` (${Math.round(c.total.level! * 100)}% interval ${money(c.total.lower)} to ${money(c.total.upper!)})` : '') +
        ` (type one ${money(c.total.typeOne)}, type two ${money(c.total.typeTwo)}); type-one share ${(100 * s.value).toFixed(1)}% (${s.source === 'data' ? `from ${count(s.known, 'referral', 'referrals', 'en', int)} of known type` : 'assumed: --type-one-share'})\n`;
      for (const w of a.warnings) process.stderr.write(`warning: ${w}\n`);
      const files = [...(o.out ? [o.out] : []), ...(written.length ? [`${count(written.length, 'table', 'tables')} to ${o.outDir}`] : [])];
      if (o.json) {
        if (files.length) process.stderr.write(`wrote ${files.join(' and ')}\n`);
      } else if (files.length) {
        process.stderr.write(headline);
        process.stdout.write(`wrote ${files.join(' and ')}\n`);
      } else {
        const table = formatTable(
          [{ header: 'cell' }, { header: 'customers' }, { header: 'share', percent: true }, { header: 'CLV', digits: 2 }, { header: 'mean CLV', digits: 2 }, { header: 'CRV', digits: 2 }, { header: 'mean CRV', digits: 2 }, { header: 'action', maxWidth: 60 }],
          a.matrix.cells.map((x) => [x.cell, x.customers, x.share_customers, x.clv_total, x.clv_mean, x.crv_total, x.crv_mean, x.action]),
          { color: useColor(process.stdout), width: process.stdout.columns },
        );
        process.stdout.write(`${file}: ${headline}\nCLV x CRV matrix (Kumar, Petersen & Leone 2007):\n${table}`);
      }
    });
  hiddenAlias(cmd, '--intervals <level>', 'level');
  hiddenAlias(cmd, '--no-projection', 'referralProjection');
}

function analysisOptions(o: ReferralsCliOptions): ReferralAnalysisOptions {
  if (!['bgnbd', 'mbgnbd', 'paretonbd'].includes(o.model)) throw new UsageError(`--model must be bgnbd, mbgnbd or paretonbd, got "${o.model}"`);
  if (!['auto', 'none', 'always'].includes(o.covariates)) throw new UsageError(`--covariates must be auto, none or always, got "${o.covariates}"`);
  // one horizon syntax (52w, 12m, 1y, 365d, infinite), default 12m as in predict, segment and report
  const resolved = horizonOption(o.horizon, o.horizonUnit);
  const horizon = resolved.infinite ? 'infinite' : resolved.value;
  const annualDiscount = rateOption('discount', o.discount, 0.1)!;
  if (horizon === 'infinite' && annualDiscount === 0) throw new UsageError('--horizon infinite needs --discount above 0');
  return {
    model: o.model as ReferralClvModel,
    horizon,
    horizonUnit: resolved.unit as HorizonUnit,
    annualDiscount,
    margin: rateOption('margin', o.margin, 1),
    typeOneShare: rateOption('type-one-share', o.typeOneShare),
    acquisitionCost: numberOption('acquisition-cost', o.acquisitionCost, (v) => v >= 0 && Number.isFinite(v)),
    projection: o.referralProjection,
    covariates: o.covariates as 'auto' | 'none' | 'always',
    bootstrap: numberOption('bootstrap', o.bootstrap, (v) => Number.isInteger(v) && v >= 0),
    level: numberOption('level', o.level, (v) => v > 0 && v < 1),
    seed: numberOption('seed', o.seed, Number.isInteger),
    cutoffs: { clv: numberOption('clv-cutoff', o.clvCutoff), crv: numberOption('crv-cutoff', o.crvCutoff) },
  };
}
