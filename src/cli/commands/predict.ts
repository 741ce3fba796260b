import type { Command } from 'commander';
import { checkOutputFile, writeFileAtomic } from '../../io/atomic.ts';
import { extname } from 'node:path';
import { ClvkitError, UsageError } from '../../errors.ts';
import { UNIT_DAYS, predictCustomers, ratePerUnit, type PredictiveModel, type TimeUnit } from '../../models/discounting.ts';
import { fitGammaGamma, type GammaGammaModel } from '../../models/gammagamma.ts';
import type { RetentionCurves } from '../../models/retention-data.ts';
import type { FitResultBase } from '../../models/types.ts';
import { CSV_EN, CSV_FR, toCsv, type CsvValue } from '../../io/csv.ts';
import { numberOption } from '../options.ts';
import { addModelOptions, fitFromFile, modelTimeUnit, type ModelCliOptions } from './fit.ts';

interface PredictCliOptions extends ModelCliOptions {
  horizon?: string;
  horizonUnit?: string;
  discount?: string;
  margin?: string;
  out?: string;
  lang?: string;
}

/**
 * The result of `clvkit predict`: a table (header + records) and the JSON document.
 *
 * @example
 * const r: PredictResult = await predictFromFile('donations.csv', { model: 'bgbb', horizon: '5', freq: 'year' });
 */
export interface PredictResult {
  header: string[];
  records: Record<string, CsvValue>[];
  json: Record<string, unknown>;
  notes: string[];
}

const CUSTOMER_COLUMNS = ['customer_id', 'frequency', 'recency', 'T', 'expected_transactions', 'probability_alive'];
const SPEND_COLUMNS = ['expected_spend', 'clv'];
const RETENTION_COLUMNS = ['cohort', 'period', 'survival', 'retention_rate', 'churn_probability', 'expected_alive', 'observed_alive', 'derl'];

/**
 * Fit the model and predict over the horizon: the library call behind `clvkit predict` (DESIGN.md §3).
 *
 * - BG/NBD, MBG/NBD, Pareto/NBD, BG/BB: one row per customer with expected transactions over the horizon and
 *   P(alive); when spend is known, a Gamma-Gamma model is fitted on the repeat buyers for `expected_spend`
 *   and `clv` = discounted expected transactions x expected_spend x margin (discrete discounting at period ends).
 * - gammagamma: one row per customer with `monetary_value` and `expected_spend`.
 * - sbg, bdw: one row per cohort and period 0..horizon: survival, retention rate, churn probability, expected
 *   and observed survivors, and DERL (discounted expected residual lifetime of a customer active at that period).
 *
 * @example
 * const r = await predictFromFile('cdnow_customers_summary_with_transactions.csv', { model: 'bgnbd', horizon: '52' });
 * r.records[0].clv;
 */
export async function predictFromFile(file: string | undefined, o: PredictCliOptions): Promise<PredictResult> {
  const horizonIn = numberOption('horizon', o.horizon, (v) => v >= 0 && Number.isFinite(v));
  if (horizonIn === undefined) throw new UsageError('--horizon is required (in the model time unit, see --freq and --horizon-unit)');
  const annual = numberOption('discount', o.discount ?? '0.1', (v) => v >= 0 && Number.isFinite(v))!;
  const margin = numberOption('margin', o.margin ?? '1', Number.isFinite)!;
  const unit = modelTimeUnit(o);
  let horizon = horizonIn;
  if (o.horizonUnit !== undefined) {
    if (!(o.horizonUnit in UNIT_DAYS)) throw new UsageError(`--horizon-unit must be day, week, month or year, got "${o.horizonUnit}"`);
    horizon = (horizonIn * UNIT_DAYS[o.horizonUnit as TimeUnit]) / UNIT_DAYS[unit];
    const rounded = Math.round(horizon);
    if (Math.abs(horizon - rounded) < 1e-9 * Math.max(1, rounded)) horizon = rounded;
  }
  const rate = ratePerUnit(annual, unit);
  const { info, loaded, fitted } = await fitFromFile(file, o);
  const notes = [...loaded.notes];
  const base = { model: fitted.model, params: fitted.params, horizon };

  if (info.input === 'survivors') {
    if (!Number.isInteger(horizon)) throw new UsageError(`--horizon must be a whole number of periods for ${info.title}, got ${horizon}`);
    const curves = fitted as FitResultBase<Record<string, number>> & RetentionCurves;
    const records: Record<string, CsvValue>[] = [];
    for (const c of loaded.cohorts ?? []) {
      const size = c.alive[0];
      for (let t = 0; t <= horizon; t++) {
        records.push({
          cohort: c.name,
          period: t,
          survival: curves.survival(t),
          retention_rate: t >= 1 ? curves.retentionRate(t) : undefined,
          churn_probability: t >= 1 ? curves.churnProbability(t) : undefined,
          expected_alive: size * curves.survival(t),
          observed_alive: t < c.alive.length ? c.alive[t] : undefined,
          derl: residualLifetime(curves, rate, t),
        });
      }
    }
    const json = { ...base, unit, discountRatePerPeriod: rate, periods: records };
    return { header: RETENTION_COLUMNS, records, json, notes };
  }

  const customers = loaded.customers;
  if (!customers) throw new ClvkitError('no customers to predict for');
  if (info.input === 'spend') {
    const gg = fitted as GammaGammaModel;
    const records = Array.from({ length: customers.frequency.length }, (_, i) => ({
      customer_id: customers.customerIds[i],
      frequency: customers.frequency[i],
      recency: customers.recency[i],
      T: customers.T[i],
      monetary_value: customers.monetaryValue![i],
      expected_spend: gg.conditionalExpectedAverageSpend(customers.frequency[i], customers.frequency[i] > 0 ? customers.monetaryValue![i] : 0),
    }));
    return { header: ['customer_id', 'frequency', 'recency', 'T', 'monetary_value', 'expected_spend'], records, json: { ...base, customers: records }, notes };
  }

  let spend: GammaGammaModel | undefined;
  if (loaded.hasSpend && customers.monetaryValue) {
    try {
      spend = fitGammaGamma({ frequency: customers.frequency, monetaryValue: customers.monetaryValue });
      notes.push(
        `spend: Gamma-Gamma fitted on ${spend.customers} repeat buyers, p=${fmt(spend.params.p)}, q=${fmt(spend.params.q)}, v=${fmt(spend.params.v)}; ` +
          `population mean spend ${fmt(spend.expectedAverageSpend())}; frequency-spend correlation ${fmt(spend.frequencySpendCorrelation)}`,
      );
    } catch (e) {
      if (!(e instanceof ClvkitError)) throw e;
      notes.push(`spend not predicted: ${e.message}`);
    }
  }
  const rows = predictCustomers(fitted as unknown as PredictiveModel, customers, { horizon, rate, margin, spend });
  const header = spend ? [...CUSTOMER_COLUMNS, ...SPEND_COLUMNS] : CUSTOMER_COLUMNS;
  const records = rows as unknown as Record<string, CsvValue>[];
  const json: Record<string, unknown> = { ...base, unit, discountRatePerUnit: rate, margin, ...(spend ? { spendParams: spend.params } : {}), customers: records };
  return { header, records, json, notes };
}

/** DERL at period t, or undefined when it diverges (no discounting and a heavy tail). */
function residualLifetime(curves: RetentionCurves, rate: number, t: number): number | undefined {
  try {
    const v = curves.discountedExpectedResidualLifetime(rate, t);
    return Number.isFinite(v) ? v : undefined;
  } catch (e) {
    if (e instanceof ClvkitError) return undefined;
    throw e;
  }
}

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(5))) : String(v);
}

/**
 * @example
 * register(program); // adds `clvkit predict <input> --model <name> --horizon <t>`
 */
export function register(program: Command): void {
  const cmd = program
    .command('predict')
    .description('per-customer predictions over a horizon: expected transactions, P(alive), expected spend and CLV (sbg/bdw: survival projections)')
    .argument('[input]', 'transaction file, summary file, BG/BB rows or survivor counts (as for clvkit fit)');
  addModelOptions(cmd)
    .option('--horizon <t>', 'prediction horizon in the model time unit (--freq; BG/BB and sBG/BdW: periods)')
    .option('--horizon-unit <unit>', 'unit of --horizon when not the model unit: day, week, month or year')
    .option('--discount <rate>', 'annual discount rate, converted exactly to the model unit', '0.1')
    .option('--margin <m>', 'margin applied to spend in the CLV', '1')
    .option('-o, --out <file>', 'write file.csv or file.json (default: CSV on stdout unless --json)')
    .option('--lang <en|fr>', 'CSV dialect: en (, and .) or fr (; and decimal comma)', 'en')
    .action(async (file: string | undefined, o: PredictCliOptions) => {
      if (o.lang !== 'en' && o.lang !== 'fr') throw new UsageError(`--lang must be en or fr, got "${o.lang}"`);
      if (o.out) checkOutputFile(o.out, [file]);
      const result = await predictFromFile(file, o);
      for (const n of result.notes) process.stderr.write(n + '\n');
      const csv = () => toCsv(result.header, result.records.map((r) => result.header.map((h) => r[h])), o.lang === 'fr' ? CSV_FR : CSV_EN);
      if (o.out) {
        if (extname(o.out).toLowerCase() === '.json') writeFileAtomic(o.out, JSON.stringify(result.json) + '\n');
        else writeFileAtomic(o.out, csv());
        process.stderr.write(`${result.records.length} rows written to ${o.out}\n`);
      }
      if (o.json) process.stdout.write(JSON.stringify(result.json) + '\n');
      else if (!o.out) process.stdout.write(csv());
    });
}
