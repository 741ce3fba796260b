import { count } from '../../plural.ts';
import { wroteNote } from '../output.ts';
import type { Command } from 'commander';
import { checkOutputFile, companionPath, writeFileAtomic } from '../../io/atomic.ts';
import { extname } from 'node:path';
import { ClvkitError, UsageError } from '../../errors.ts';
import { UNIT_DAYS, ratePerUnit, type PredictiveModel, type TimeUnit } from '../../models/discounting.ts';
import { predictColumns } from '../../value/predict-columns.ts';
import { formatPredictionTable } from '../prediction-table.ts';
import { useColor } from '../color.ts';
import { largeInput } from '../../io/parallel-rows.ts';
import { cellOf, prewarmCsvColumns, stdoutSink, writeColumnsFile, writeCsvColumns, writeJsonColumns, type OutputColumn } from '../../io/column-writer.ts';
import type { ValueModel } from '../../value/value-model.ts';
import type { GammaGammaModel } from '../../models/gammagamma.ts';
import type { RetentionCurves } from '../../models/retention-data.ts';
import type { FitResultBase } from '../../models/types.ts';
import { CSV_EN, CSV_FR, toCsv, type CsvValue } from '../../io/csv.ts';
import { addIntervalOptions, intervalSettings, intervalsForPredict, INTERVAL_COVERS, type IntervalCliOptions } from '../interval-options.ts';
import { predictiveCountInterval, purchaseDistribution } from '../../value/purchase-distribution.ts';
import { customerValue } from '../../value/customer-value.ts';
import { describeHorizon, horizonIn, horizonOption, rateOption } from '../options.ts';
import { allZeroWarning, fitWarnings, oneTimeBuyerNote } from '../../models/warnings.ts';
import { addModelOptions, fitFromFile, fitSpendModel, formatHoldout, holdoutOf, loadModelInput, modelTimeUnit, type LoadedInput, type ModelCliOptions } from './fit.ts';
import { MODELS, modelInfo } from '../../models/registry.ts';
import { readFileSync } from 'node:fs';
import { addCovariateOptions, covariatePredictCommand, type CovariateCliOptions } from '../covariate-options.ts';
import { customerIdBytesColumn } from '../../summary/summarize.ts';

export interface PredictCliOptions extends ModelCliOptions, IntervalCliOptions {
  horizon?: string;
  horizonUnit?: string;
  discount?: string;
  margin?: string;
  out?: string;
  lang?: string;
  /** Score with a saved model (clvkit fit --save) instead of fitting. */
  modelFile?: string;
  /** Add the predictive interval of the number of purchases (transactions_predictive_lower/upper). */
  predictive?: boolean;
  /** Add P(one purchase) and P(two or more) over the horizon. */
  distribution?: boolean;
  quiet?: boolean;
}

/**
 * The result of `clvkit predict`: a table (header + records) and the JSON document.
 *
 * @example
 * const r: PredictResult = await predictFromFile('donations.csv', { model: 'bgbb', horizon: '5y', freq: 'year' });
 */
export interface PredictResult {
  header: string[];
  /** The rows as records (for per-customer results, made on first use from `columns`). */
  readonly records: Record<string, CsvValue>[];
  /** The whole JSON document (for per-customer results, made on first use). */
  readonly json: Record<string, unknown>;
  notes: string[];
  /** Number of rows. */
  rows: number;
  /** Per-customer results as columns, in `header` order (the CLI streams them; undefined for survivor projections). */
  columns?: OutputColumn[];
  /** The JSON document without `customers` (which follows its other fields). */
  jsonHead?: Record<string, unknown>;
}

/** A per-customer result held as columns; records and the JSON document are made only when asked for. */
function columnsResult(header: string[], columns: OutputColumn[], rows: number, jsonHead: Record<string, unknown>, notes: string[]): PredictResult {
  let records: Record<string, CsvValue>[] | undefined;
  const recordsOf = () =>
    (records ??= Array.from({ length: rows }, (_, i) => {
      const r: Record<string, CsvValue> = {};
      for (const c of columns) r[c.name] = cellOf(c, i);
      return r;
    }));
  return {
    header,
    notes,
    rows,
    columns,
    jsonHead,
    get records() {
      return recordsOf();
    },
    get json() {
      return { ...jsonHead, customers: recordsOf() };
    },
  };
}

const MAX_PERIODS = 100_000;
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
 * const r = await predictFromFile('cdnow_customers_summary_with_transactions.csv', { model: 'bgnbd', horizon: '52w' });
 * r.records[0].clv;
 */
export async function predictFromFile(file: string | undefined, o: PredictCliOptions): Promise<PredictResult> {
  const annual = rateOption('discount', o.discount, 0.1)!;
  const margin = rateOption('margin', o.margin, 1)!;
  const unit = modelTimeUnit(o.modelFile ? { freq: o.freq ?? savedUnitOf(o.modelFile) } : o);
  // one horizon syntax (52w, 12m, 1y, 365d, infinite), default 12m; --horizon-unit only names the unit of a bare number;
  // BG/BB, sBG and BdW count whole periods (a bare number there is a number of the model's periods);
  // the spend model predicts spend per transaction: no horizon asked, none parsed
  const parseHorizon = (need: string) =>
    need === 'spend' ? horizonOption(undefined) : horizonOption(o.horizon, o.horizonUnit ?? (need === 'bgbb' || need === 'survivors' ? unit : undefined));
  // (checked before fitting when the model is named; a saved model says its kind only once read)
  let resolved = o.modelFile ? undefined : parseHorizon(MODELS[modelInfo(o.model).name].input);
  if (resolved?.infinite && !(annual > 0)) throw new UsageError('--horizon infinite needs --discount above 0 (the discounted expected residual transactions, DERT)');
  const rate = ratePerUnit(annual, unit);
  const { info, loaded, fitted, spend: savedSpend, saved } = o.modelFile ? await fromModelFile(file, o) : { ...(await fitFromFile(file, o)), spend: undefined, saved: undefined };
  const notes = [...loaded.notes];
  resolved ??= parseHorizon(info.input);
  const infinite = resolved.infinite;
  if (infinite && !(annual > 0)) throw new UsageError('--horizon infinite needs --discount above 0 (the discounted expected residual transactions, DERT)');
  let horizon = horizonIn(resolved, unit);
  // what the user must know travels with the result: stderr and `warnings` in the JSON document
  const warnings = fitWarnings(fitted);
  const needsHorizon = info.input !== 'spend';
  // the resolved horizon: what was asked, and its length in the model's unit
  const horizonResolved = { spec: resolved.spec, value: resolved.value, unit: resolved.unit, days: resolved.days, modelUnits: horizon, modelUnit: unit };
  if (!needsHorizon && o.horizon !== undefined) notes.push(`--horizon ${o.horizon} is not used: ${info.title} predicts spend per transaction, not over time`);
  if (needsHorizon) notes.push(`horizon: ${describeHorizon(resolved, unit)}${o.horizon === undefined ? ' (the default; --horizon 52w, 12m, 1y, 365d)' : ''}`);
  const base = needsHorizon ? { model: fitted.model, params: fitted.params, horizon, horizonResolved, warnings } : { model: fitted.model, params: fitted.params, warnings };

  const intervals = intervalSettings(o);
  if (intervals && (info.input === 'survivors' || info.input === 'spend')) throw new UsageError(`--interval is for per-customer transaction models, not ${info.title}`);
  if (intervals && infinite) throw new UsageError('--interval with --horizon infinite is not supported: give a finite horizon');
  if (info.input === 'survivors') {
    if (infinite) throw new UsageError(`--horizon infinite is not a number of periods to project for ${info.title}: give a whole number (DERL is in the output)`);
    if (!Number.isInteger(horizon) && o.horizon === undefined) horizon = Math.max(1, Math.round(horizon)); // the default 12m in whole periods
    if (!Number.isInteger(horizon)) throw new UsageError(`--horizon must be a whole number of periods (${unit}s) for ${info.title}: ${resolved.spec} is ${horizon} ${unit}s`);
    // One row per cohort and period: a horizon beyond this would exhaust memory (a V8 abort, not a message).
    if (horizon > MAX_PERIODS) throw new UsageError(`--horizon: at most ${MAX_PERIODS} periods for ${info.title} (one output row per cohort and period), got ${horizon}`);
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
    return { header: RETENTION_COLUMNS, records, json, notes, rows: records.length };
  }

  const customers = loaded.customers;
  if (!customers) throw new ClvkitError('no customers to predict for');
  const idColumn = customerIdColumn(customers);
  if (info.input === 'spend') {
    const gg = fitted as GammaGammaModel;
    const n = customers.frequency.length;
    const spendCol = new Float64Array(n);
    for (let i = 0; i < n; i++) spendCol[i] = gg.conditionalExpectedAverageSpend(customers.frequency[i], customers.frequency[i] > 0 ? customers.monetaryValue![i] : 0);
    const columns: OutputColumn[] = [
      idColumn,
      { name: 'frequency', numbers: customers.frequency },
      { name: 'recency', numbers: customers.recency },
      { name: 'T', numbers: customers.T },
      { name: 'monetary_value', numbers: customers.monetaryValue! },
      { name: 'expected_spend', numbers: spendCol },
    ];
    return columnsResult(columns.map((c) => c.name), columns, n, base, notes);
  }

  let spend: GammaGammaModel | undefined;
  if (saved) spend = savedSpend;
  else {
    const s = fitSpendModel(loaded, info);
    spend = s.model;
    if (s.note) notes.push(s.note);
  }
  const model = fitted as unknown as PredictiveModel & Pick<ValueModel, 'model' | 'params'>;
  const holdout = await holdoutOf(fitted, loaded);
  if (holdout) notes.push(formatHoldout(holdout));
  const columns: OutputColumn[] = [idColumn, { name: 'frequency', numbers: customers.frequency }, { name: 'recency', numbers: customers.recency }, { name: 'T', numbers: customers.T }];
  const head: Record<string, unknown> = { ...base, unit, discountRatePerUnit: rate, margin, ...(spend ? { spendParams: spend.params } : {}), ...(holdout ? { holdout } : {}) };
  if (infinite) {
    // DERT-based CLV over the whole residual lifetime, as segment computes it (src/value/customer-value.ts)
    const v = customerValue(fitted as unknown as ValueModel, customers, { horizon: 'infinite', modelUnitDays: UNIT_DAYS[unit], annualDiscount: annual, margin, spend: spend ?? new Float64Array(customers.frequency.length).fill(NaN) });
    columns.push({ name: 'dert', numbers: v.discountedTransactions }, { name: 'probability_alive', numbers: v.probabilityAlive });
    if (spend && customers.monetaryValue) columns.push({ name: 'expected_spend', numbers: v.expectedSpend }, { name: 'clv', numbers: v.clv });
    head.horizon = 'infinite';
    head.dertMethod = v.method;
    predictionWarnings(warnings, fitted, customers.frequency, v.discountedTransactions, spend && customers.monetaryValue ? v.clv : undefined, loaded.hasSpend);
    return columnsResult(columns.map((c) => c.name), columns, customers.frequency.length, head, notes);
  }
  // Once per distinct (frequency, recency, T) row, scattered; discounting by a fixed rule (any horizon costs the same).
  const p = predictColumns(model, customers, { horizon, rate, margin, spend });
  // the row columns and the predictions by distinct row: each distinct value formatted once when written
  const { index, ...rows } = p.rows;
  columns.splice(1, 3, { name: 'frequency', numbers: rows.frequency, index }, { name: 'recency', numbers: rows.recency, index }, { name: 'T', numbers: rows.T, index });
  // P(no purchase) with --distribution (with P(1), P(2+)) or --interval (which covers it); the default columns stay those of DESIGN.md §3
  const dist = o.distribution || intervals ? purchaseDistribution(model as never, customers, horizon, o.distribution === true) : undefined;
  const iv = intervals
    ? await intervalsForPredict({
        fitted,
        ...(p.clv ? { spend } : {}),
        customers,
        input: loaded.input,
        info,
        horizon,
        rate,
        margin,
        settings: intervals,
        canRefit: !saved,
        quiet: o.quiet,
      })
    : undefined;
  const bounds = iv?.intervals;
  /** A column per customer, or per distinct row (`byRow`: numbers[index[i]] for customer i). */
  const add = (name: string, numbers: Float64Array, b?: { lower: Float64Array; upper: Float64Array }, byRow = false) => {
    columns.push(byRow ? { name, numbers, index } : { name, numbers });
    if (b) columns.push({ name: `${name}_lower`, numbers: b.lower }, { name: `${name}_upper`, numbers: b.upper });
  };
  // (every distinct row has a customer: all zero over the rows is all zero over the customers)
  predictionWarnings(warnings, fitted, customers.frequency, rows.expectedTransactions, p.clv, loaded.hasSpend);
  add('expected_transactions', rows.expectedTransactions, bounds?.expectedTransactions, true);
  if (o.predictive) {
    // the customer's own purchases: the central range of P(Y(t) = n) at the estimates (--predictive)
    const pv = predictiveCountInterval(model as never, customers, horizon, intervals?.level ?? 0.9);
    columns.push({ name: 'transactions_predictive_lower', numbers: pv.lower }, { name: 'transactions_predictive_upper', numbers: pv.upper });
  }
  add('probability_alive', rows.probabilityAlive, bounds?.probabilityAlive, true);
  if (p.clv) {
    add('expected_spend', p.expectedSpend!, bounds?.expectedSpend);
    add('clv', p.clv, bounds?.clv);
  }
  if (dist) add('probability_no_purchase', dist.noPurchase, bounds?.probabilityNoPurchase);
  if (dist?.onePurchase) add('probability_one_purchase', dist.onePurchase), add('probability_two_or_more', dist.twoOrMore!);
  if (iv && intervals) {
    notes.push(...iv.notes);
    notes.push(`${Math.round(intervals.level * 1000) / 10}% intervals from ${bounds!.draws} ${intervals.method === 'normal' ? 'draws of the parameters from their asymptotic normal (log scale)' : 'bootstrap refits'}, seed ${intervals.seed}: they cover ${INTERVAL_COVERS}`);
    head.interval = { level: intervals.level, method: intervals.method, draws: bounds!.draws, failedDraws: bounds!.failedDraws, seed: intervals.seed, covers: INTERVAL_COVERS };
  }
  return columnsResult(columns.map((c) => c.name), columns, customers.frequency.length, head, notes);
}

/**
 * The customer_id column: copied from the bytes read when the summary has them as valid UTF-8 (no string
 * per customer; the same cells), else from customerIds.
 */
function customerIdColumn(customers: NonNullable<LoadedInput['customers']>): OutputColumn {
  return customerIdBytesColumn(customers.idBytes?.(), customers.frequency.length) ?? { name: 'customer_id', text: (i) => customers.customerIds[i] };
}

/** Adds the per-customer warnings: one-time buyers forced alive (BG/NBD), all-zero predictions, value without amounts. */
function predictionWarnings(warnings: string[], fitted: FitResultBase<Record<string, number>>, frequency: ArrayLike<number>, expected: ArrayLike<number>, clv: ArrayLike<number> | undefined, hasSpend: boolean): void {
  const oneTime = oneTimeBuyerNote(fitted.model, frequency, fitted.limit?.name);
  if (oneTime) warnings.push(oneTime);
  const zero = allZeroWarning('expected transactions', expected);
  if (zero) warnings.push(zero);
  const zeroClv = clv ? allZeroWarning('CLV', clv) : undefined;
  if (zeroClv) warnings.push(zeroClv);
  if (!hasSpend) warnings.push('no amounts in the input: expected_spend and clv are not available (not 0)');
}

/** The JSON document around its `customers` records: what JSON.stringify({ ...head, customers }) writes. */
function jsonFrame(head: Record<string, unknown>): { head: string; tail: string } {
  const h = JSON.stringify(head);
  return { head: (h === '{}' ? '{' : h.slice(0, -1) + ',') + '"customers":[', tail: ']}\n' };
}

function csvOf(result: PredictResult, format: typeof CSV_EN): string {
  return toCsv(result.header, result.records.map((r) => result.header.map((h) => r[h])), format);
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
  addIntervalOptions(addCovariateOptions(addModelOptions(cmd)))
    .option('--horizon <t>', "prediction horizon: 52w, 12m, 1y or 365d (default 12m; converted to the model unit, --freq), or 'infinite' (DERT-based CLV, needs --discount above 0); not used by gammagamma")
    .option('--horizon-unit <unit>', 'old form: the unit of a bare --horizon number (day, week, month or year)')
    .option('--discount <rate>', 'annual discount rate, 0.1 or 10% (converted exactly to the model unit)', '0.1')
    .option('--margin <rate>', 'margin applied to spend in the CLV, 0.3 or 30%', '1')
    .option('-o, --out <file>', 'write file.csv or file.json (default: on a terminal, the totals and the top 10 customers; piped or redirected, every row as CSV on stdout)')
    .option('--lang <en|fr>', 'CSV dialect: en (, and .) or fr (; and decimal comma)', 'en')
    .option('--predictive', "add transactions_predictive_lower/upper: the central --interval range (default 0.9) of the customer's own number of purchases, from the model's P(Y(t) = n)")
    .option('--distribution', 'add probability_no_purchase, probability_one_purchase and probability_two_or_more over the horizon (--interval adds probability_no_purchase too)')
    .option('--model-file <model.json>', 'score with a model saved by clvkit fit --save (no refitting; --model, --freq and --unit default to the saved ones)')
    .action(async (file: string | undefined, o: PredictCliOptions & CovariateCliOptions, command: Command) => {
      if (o.lang !== 'en' && o.lang !== 'fr') throw new UsageError(`--lang must be en or fr, got "${o.lang}"`);
      if (o.modelFile) {
        if (o.covariates) throw new UsageError('--model-file with --covariates is not supported yet: score covariate models with clvkit predict --covariates');
        // the saved units apply unless given on the command line
        for (const k of ['freq', 'unit'] as const) if (command.getOptionValueSource(k) === 'default') delete o[k];
      }
      if (o.covariates) return covariatePredictCommand(file, o);
      if (o.out) checkOutputFile(o.out, [file, ...(o.modelFile ? [o.modelFile] : [])]);
      const json = extname(o.out ?? '').toLowerCase() === '.json';
      // the CSV's rows are formatted on two cores: the second one's worker starts while the input is read
      if ((o.out || o.json) && largeInput(file)) prewarmCsvColumns();
      // a CSV cannot hold the warnings and the accounting: they go beside it, in its companion file
      const companion = o.out && !json ? companionPath(o.out) : undefined;
      if (companion) checkOutputFile(companion, [file, ...(o.modelFile ? [o.modelFile] : [])]);
      const result = await predictFromFile(file, o);
      for (const n of result.notes) process.stderr.write(n + '\n');
      for (const w of ((result.jsonHead ?? result.json) as { warnings?: string[] }).warnings ?? []) process.stderr.write(`warning: ${w}\n`);
      const format = o.lang === 'fr' ? CSV_FR : CSV_EN;
      const cols = result.columns;
      if (o.out) {
        // Per-customer results stream from their columns into an atomic file; projections are a few rows.
        if (cols) writeColumnsFile(o.out, cols, result.rows, json ? { json: jsonFrame(result.jsonHead!) } : { format });
        else if (json) writeFileAtomic(o.out, JSON.stringify(result.json) + '\n');
        else writeFileAtomic(o.out, csvOf(result, format));
        if (companion) {
          const { customers: _rows, ...head } = (result.jsonHead ?? result.json) as Record<string, unknown>;
          writeFileAtomic(companion, JSON.stringify({ file: o.out, input: file ?? null, rows: result.rows, notes: result.notes, ...head }, null, 2) + '\n');
        }
        wroteNote(o, `wrote ${count(result.rows, 'row', 'rows')} to ${o.out}${companion ? ` (warnings and accounting in ${companion})` : ''}`);
      }
      if (o.json) {
        if (cols) writeJsonColumns(stdoutSink(), cols, result.rows, jsonFrame(result.jsonHead!).head, jsonFrame(result.jsonHead!).tail, {});
        else process.stdout.write(JSON.stringify(result.json) + '\n');
      } else if (!o.out) {
        // a terminal gets the totals and the top customers; a pipe or a file gets every row as CSV
        if (cols && process.stdout.isTTY) process.stdout.write(formatPredictionTable(cols, result.rows, { color: useColor(process.stdout), width: process.stdout.columns }));
        else if (cols) writeCsvColumns(stdoutSink(), cols, result.rows, format);
        else process.stdout.write(csvOf(result, format));
      }
    });
}

function readModelFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new ClvkitError(`cannot read the model file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file: path });
  }
}

/** The saved model's time unit (for --horizon before the model is loaded). */
function savedUnitOf(path: string): string | undefined {
  try {
    return (JSON.parse(readModelFile(path)) as { data?: { unit?: string } }).data?.unit;
  } catch {
    return undefined; // loadModel says what is wrong with the file
  }
}

/**
 * The model of `--model-file` and the input read to agree with it: the model name, the time units and the
 * spend columns must match what it was fitted with (one-line errors naming the file and what to do).
 */
export async function fromModelFile(file: string | undefined, o: PredictCliOptions) {
  const path = o.modelFile!;
  const { loadModel } = await import('../../models/saved-model.ts');
  let restored;
  try {
    restored = loadModel(readModelFile(path));
  } catch (e) {
    if (e instanceof ClvkitError && !(e instanceof UsageError) && !e.location?.file) throw new ClvkitError(e.message, { file: path });
    throw e;
  }
  const { model, spend, saved } = restored;
  const info = modelInfo(saved.model);
  if (o.model !== undefined && modelInfo(o.model).name !== info.name) {
    throw new UsageError(`${path} holds a ${info.title} model (${info.name}), not ${o.model}: drop --model or give --model ${info.name}`);
  }
  const d = saved.data ?? {};
  if (o.freq !== undefined && d.unit !== undefined && o.freq !== d.unit) {
    throw new UsageError(`${path} was fitted with time unit ${d.unit} (--freq ${d.unit}), not ${o.freq}: its parameters are per ${d.unit}; drop --freq or refit`);
  }
  const opts: PredictCliOptions = { ...o, model: info.name, ...(d.unit !== undefined ? { freq: o.freq ?? d.unit } : {}) };
  if (d.periodUnit !== undefined) {
    if (o.unit !== undefined && o.unit !== d.periodUnit) {
      throw new UsageError(`${path} was fitted on purchases collapsed per ${d.periodUnit} (--unit ${d.periodUnit}), not ${o.unit}: drop --unit or refit`);
    }
    opts.unit = o.unit ?? d.periodUnit;
  }
  const loaded = await loadModelInput(file, info, opts);
  if (spend && !loaded.hasSpend && info.input === 'summary') {
    throw new UsageError(`${path} has a spend model but ${file ?? 'the input'} has no spend (monetary_value column or amounts): give a file with spend, or --amount-col`);
  }
  if (!spend && loaded.hasSpend && info.input === 'summary') {
    loaded.notes.push(`${path} has no spend model (it was fitted without spend): expected_spend and clv not computed`);
  }
  loaded.notes.push(`scoring with ${path}: ${info.title} fitted on ${count(saved.customers, 'customer', 'customers')}${d.calibrationEnd ? `, calibration end ${d.calibrationEnd}` : ''} (not refitted)`);
  return { info, loaded, fitted: model, spend, saved };
}
