import { count } from '../../plural.ts';
import { wroteNote } from '../output.ts';
import type { Command } from 'commander';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { UsageError } from '../../errors.ts';
import { checkOutputFile, writeFileAtomic } from '../../io/atomic.ts';
import { readTransactions } from '../../ingest/transactions.ts';
import type { DateFormat } from '../../ingest/dates.ts';
import { formatAccounting } from '../../summary/export.ts';
import { COUNTING_MODELS, type CountingModelName } from '../../report/analyse.ts';
import { buildReport } from '../../report/build.ts';
import { startRenderWorkers } from '../../report/render-pool.ts';
import { reportInputsFromFiles } from '../../report/inputs.ts';
import { reportWarnings } from '../../report/sections/portfolio.ts';
import { sectionContext } from '../../report/sections/context.ts';
import { addTransactionOptions, currencyOption, horizonIn, horizonOption, ingestOptionsFrom, numberOption, periodUnit, rateOption, type TransactionCliOptions } from '../options.ts';
import { createProgress } from '../progress.ts';
import { addEngineOptions, engineOf, transactionsFromEngine, type EngineCliOptions } from '../engine-options.ts';

interface ReportCliOptions extends EngineCliOptions {
  out?: string;
  lang: string;
  model: string;
  contracts?: string;
  leads?: string;
  survey?: string;
  config?: string;
  kano?: string;
  nps?: string;
  referrals?: string;
  touchpoints?: string;
  touchpointBy?: string;
  transform?: string;
  bands?: string;
  plan?: string;
  covariates?: string;
  typeOneShare?: string;
  acquisitionCost?: string;
  npsBy?: string;
  interactive?: boolean;
  currency?: string;
  horizon?: string;
  discount: string;
  top: string;
  margin: string;
  costPerOrder?: string;
}

/**
 * `clvkit report <transactions.csv> -o report.html [--lang fr] [--model auto] [--calibration-end DATE] ...`:
 * the whole portfolio report as one self-contained HTML file.
 *
 * @example
 * // clvkit report data/sample-transactions.csv -o reports/demo.html --calibration-end 2025-06-30 --lang fr
 */
export function register(program: Command): void {
  const cmd = program
    .command('report')
    .description('the whole portfolio report as one self-contained HTML file (charts inline, opens offline, prints)')
    .argument('[transactions]', 'transaction file (customer, date[, amount][, channel]); none with --engine postgres');
  addEngineOptions(addTransactionOptions(cmd))
    .requiredOption('-o, --out <file.html>', 'the HTML file to write')
    .option('--lang <en|fr>', 'language of the report: every word, number and date', 'en')
    .option('--model <name>', `counting model: auto, ${COUNTING_MODELS.join(', ')} (auto: lowest holdout error when --calibration-end is given, else bgnbd)`, 'auto')
    .option('--contracts <file>', 'contracts file (customer, start, end[, plan]): contract survival section')
    .option('--leads <file>', 'leads file (lead_id, date, source, customer_id): the funnel starts at leads')
    .option('--survey <file>', 'survey responses (with --config study.json): reliability and regression section')
    .option('--config <study.json>', 'study config of --survey')
    .option('--kano <file>', 'Kano answers (respondent, feature, functional, dysfunctional): Kano section')
    .option('--nps <file>', 'NPS scores (a 0-10 score column): NPS section')
    .option('--nps-by <column>', 'NPS by the values of this column of --nps')
    .option('--referrals <log>', 'referral log (referrer, referred, date[, would_have_joined][, acquisition_cost]): referral value section')
    .option('--type-one-share <p>', 'with --referrals: share of referred customers who would not have joined otherwise, when the log does not say')
    .option('--acquisition-cost <x>', 'with --referrals: acquisition cost saved by a type-two referral')
    .option('--touchpoints <log>', 'touchpoint log (customer, date, channel[, kind, cost]): section on contacts, purchasing and attrition (as clvkit interactions)')
    .option('--touchpoint-by <channel|kind>', 'with --touchpoints: group contacts by their channel (default) or their kind')
    .option('--transform <t>', 'with --touchpoints: contacts in the model: log (log(1+n), default), count, or bands:1,2,4')
    .option('--bands <edges>', 'with --touchpoints: lower edges of the contact bands of the saturation view (default 1,2,4)')
    .option('--plan <items>', 'with --touchpoints: contact plans, e.g. email:+1,phone:+2 (contacts added per period), valued over --horizon')
    .option('--covariates <file>', 'with --touchpoints: other covariates (static or time-varying) beside the contacts')
    .option('--interactive', 'inline the Vega runtime (about 0.8 MB) for tooltips')
    .option('--currency <code>', 'ISO 4217 currency of the amounts (default: read from the amount column or its header; none: no symbol)')
    .option('--horizon <t>', 'CLV horizon: 52w, 12m, 1y or 365d (default 12m, as in predict and segment)')
    .option('--discount <rate>', 'annual discount rate of CLV, 0.1 or 10%', '0.1')
    .option('--top <n>', 'rows of the prioritised list shown', '20')
    .option('--margin <rate>', 'gross margin rate on spend, used by CLV and the whale curve: 0.3 or 30%', '1')
    .option('--cost-per-order <amount>', 'cost to serve one order: adds the whale curve of historical profit')
    .action(async (fileArg: string | undefined, o: ReportCliOptions) => {
      const file = fileArg ?? o.table ?? 'query';
      if (o.lang !== 'en' && o.lang !== 'fr') throw new UsageError(`--lang must be en or fr, got "${o.lang}"`);
      const generatedOn = sourceDateEpoch(process.env.SOURCE_DATE_EPOCH);
      if (o.model !== 'auto' && !(COUNTING_MODELS as readonly string[]).includes(o.model)) throw new UsageError(`--model must be auto, ${COUNTING_MODELS.join(', ')}; got "${o.model}"`);
      if ((o.survey === undefined) !== (o.config === undefined)) throw new UsageError('--survey and --config go together');
      const currency = currencyOption(o.currency);
      if (!o.out) throw new UsageError('-o, --out <file.html> is required');
      checkOutputFile(o.out, [fileArg, o.contracts, o.leads, o.survey, o.config, o.kano, o.nps, o.referrals, o.touchpoints, o.covariates]);
      if (o.touchpoints === undefined) {
        for (const [flag, v] of [['--touchpoint-by', o.touchpointBy], ['--transform', o.transform], ['--bands', o.bands], ['--plan', o.plan], ['--covariates', o.covariates]] as const) {
          if (v !== undefined) throw new UsageError(`${flag} goes with --touchpoints <log>`);
        }
      }
      if (o.touchpointBy !== undefined && o.touchpointBy !== 'channel' && o.touchpointBy !== 'kind') throw new UsageError(`--touchpoint-by must be channel or kind, got "${o.touchpointBy}"`);
      // one horizon syntax, default 12m (as predict and segment); the report's value sections count in months
      const resolved = horizonOption(o.horizon);
      if (resolved.infinite) throw new UsageError('--horizon infinite: the report shows value over a finite horizon (52w, 12m, 1y, 365d); clvkit segment --horizon infinite gives the discounted lifetime value');
      const horizonMonths = horizonIn(resolved, 'month');
      const annualDiscount = rateOption('discount', o.discount, 0.1)!;
      const top = numberOption('top', o.top, (v) => Number.isInteger(v) && v >= 1)!;
      const margin = rateOption('margin', o.margin, 1)!;
      if (!(margin > 0)) throw new UsageError('--margin must be above 0 for the report (0.3 or 30%)');
      const costPerOrder = numberOption('cost-per-order', o.costPerOrder, (v) => v >= 0 && Number.isFinite(v));
      const ingest = ingestOptionsFrom(o);
      // --debug: one timing line per phase on stderr (wall and CPU milliseconds)
      const phase = phaseTimer(process.argv.includes('--debug'));
      // CLVKIT_RENDER_WORKERS=1 or 2: chart workers start now, load vega while this thread reads and analyses, then
      // render charts beside this thread. Off by default: on a shared 2-core machine one worker cost 0.4-0.8 s of CPU
      // and no wall time was saved (the fits and equity workers already use the second core; docs/report.md)
      const renderer = startRenderWorkers(Math.min(2, Math.max(1, availableParallelism() - 1), Number(process.env.CLVKIT_RENDER_WORKERS ?? 0)));
      try {
        phase('read');

        let table;
        if (engineOf(o) !== 'node') table = await transactionsFromEngine(fileArg, o);
        else {
          let size = 0;
          try {
            size = statSync(file).size;
          } catch {
            /* readTransactions reports the missing file */
          }
          const reading = await createProgress('reading', size, o.quiet || size < 20_000_000);
          try {
            table = await readTransactions(file, { ...ingest, onProgress: (done: number) => reading.update(done) } as never);
          } finally {
            reading.stop();
          }
        }
        // summary, fits (three when --model auto), tracking, refit (with a calibration end), value, equity draws, tiers and segments, migration, priorities, outcomes
        const planned = 8 + (o.model === 'auto' ? 3 : 1) + (o.calibrationEnd !== undefined ? 1 : 0);
        const steps = await createProgress('analysing', planned, o.quiet || table.length < 1_000_000);
        let step = 0;
        let inputs;
        try {
          inputs = reportInputsFromFiles(
            file,
            table,
            { contracts: o.contracts, leads: o.leads, survey: o.survey, config: o.config, kano: o.kano, nps: o.nps, npsBy: o.npsBy, dateFormat: ingest.dateFormat as DateFormat | undefined, skipBadRows: o.skipBadRows },
            {
              unit: periodUnit('unit', o.unit, 'day'),
              freq: periodUnit('freq', o.freq, 'week'),
              end: o.end,
              calibrationEnd: o.calibrationEnd,
              model: o.model as 'auto' | CountingModelName,
              horizonMonths,
              annualDiscount,
              top,
              margin,
              costPerOrder,
              // with a second core: the sampled fits beside the analyses that need no model, then the equity draws
              // beside the tiers, segments and outcomes (settled by buildReport); on one core a worker only adds its start
              equityInWorker: availableParallelism() > 1,
              fitsInWorker: availableParallelism() > 1,
              onStep: (name: string) => {
                phase(name);
                step++;
                steps.update(step - 1, Math.max(planned, step));
              },
            },
          );
        } finally {
          steps.stop();
        }
        if (o.referrals) {
          phase('referrals');
          const { referralReportInput } = await import('../../report/referral-input.ts');
          inputs.referrals = referralReportInput(o.referrals, inputs.portfolio!.summary, table, o.nps, {
            model: o.model === 'auto' ? undefined : o.model,
            horizonMonths,
            annualDiscount,
            margin,
            typeOneShare: rateOption('type-one-share', o.typeOneShare),
            acquisitionCost: numberOption('acquisition-cost', o.acquisitionCost, (v) => v >= 0 && Number.isFinite(v)),
            skipBadRows: o.skipBadRows,
          });
        }
        if (o.touchpoints) {
          phase('touchpoints');
          const { interactionsReportInput } = await import('../../report/interactions-input.ts');
          const { parsePlan } = await import('./interactions.ts');
          inputs.interactions = await interactionsReportInput(o.touchpoints, table, {
            freq: periodUnit('freq', o.freq, 'week'),
            end: o.end,
            calibrationEnd: o.calibrationEnd,
            horizonMonths,
            annualDiscount,
            margin,
            transform: o.transform,
            bands: o.bands?.split(',').map(Number),
            plan: parsePlan(o.plan),
            touchpointBy: o.touchpointBy as 'channel' | 'kind' | undefined,
            covariates: o.covariates,
            dateFormat: ingest.dateFormat as DateFormat | undefined,
            skipBadRows: o.skipBadRows,
          });
        }
        phase('charts and page');
        const charts = await createProgress('charts', 1, o.quiet || table.length < 1_000_000);
        let html: string;
        try {
          html = await buildReport(inputs, { lang: o.lang, interactive: o.interactive, currency: currency ?? table.currency, generatedOn, renderer, onChart: (done, total) => charts.update(done, total) });
        } finally {
          charts.stop();
        }
        phase('write');
        writeFileAtomic(o.out, html);
        phase();
        const p = inputs.portfolio!;
        process.stderr.write(`${file}: ${formatAccounting(p.summary.accounting ?? table.accounting)}; ${count(p.summary.frequency.length, 'customer', 'customers')}\n`);
        if (table.columnsNote) process.stderr.write(table.columnsNote + '\n');
        if (p.model) {
          const ch = p.model.choice;
          const auto = ch
            ? ` (holdout errors ${ch.candidates.map((c) => `${c.name} ${c.mae.toFixed(4)}${c.name === ch.lowestError ? '' : ` +${c.difference.toFixed(4)} vs noise ${c.noise.toFixed(4)}${c.tie ? ', a tie' : ''}`}, BIC ${c.bic.toFixed(1)}`).join('; ')}: ties within the noise go to the lower BIC)`
            : p.model.auto && p.model.candidates.length > 1
              ? ' (lowest BIC: no holdout period to compare on)'
              : '';
          const sampled = p.model.sample ? `; the models compared on a random sample of ${p.model.sample.customers} of the ${p.model.sample.of} customers, the chosen one then fitted on all` : '';
          process.stderr.write(`model: ${p.model.chosen}${auto}${sampled}\n`);
          for (const w of reportWarnings(p, sectionContext('en'))) process.stderr.write(`warning: ${w}\n`);
        } else if (p.modelError) process.stderr.write(`model: not fitted (${p.modelError})\n`);
        wroteNote({}, `wrote ${o.out} (${(html.length / 1024).toFixed(0)} KB)`);
      } finally {
        // (a failed read or analysis ends the workers too, or they would keep the process alive)
        await renderer?.close();
      }
    });
}

/**
 * A phase clock: each call ends the running phase (printing `timing: <phase> <wall> ms wall, <cpu> ms CPU`
 * on stderr when on) and starts the named one; a call without a name only ends it.
 *
 * @example
 * const phase = phaseTimer(true); phase('read'); ...; phase('analyse'); ...; phase();
 */
function phaseTimer(on: boolean): (name?: string) => void {
  let current: string | undefined;
  let wall = 0;
  let cpu = 0;
  return (name) => {
    if (!on) return;
    const now = performance.now();
    const u = process.cpuUsage();
    const c = (u.user + u.system) / 1000;
    if (current !== undefined) process.stderr.write(`timing: ${current} ${(now - wall).toFixed(0)} ms wall, ${(c - cpu).toFixed(0)} ms CPU\n`);
    current = name;
    wall = now;
    cpu = c;
  };
}

/**
 * The date printed as the report's generation date: SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention) when set, so that a report made twice is the same file; else today.
 */
function sourceDateEpoch(value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, got "${value}"`);
  return new Date(Number(value) * 1000);
}
