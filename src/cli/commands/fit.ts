import { pValueText } from '../../p-value-text.ts';
import { count, plural } from '../../plural.ts';
import type { Command } from 'commander';
import { basename } from 'node:path';
import { ClvkitError, UsageError } from '../../errors.ts';
import { readSummaryFile, sniffModelInputKind, type ModelInputFile } from '../../ingest/summary-file.ts';
import { MODELS, fitModel, modelInfo, type FitInput, type ModelInfo } from '../../models/registry.ts';
import { fitWarnings } from '../../models/warnings.ts';
import type { FitResultBase } from '../../models/types.ts';
import { summaryIdBytes, type SummaryIdBytes } from '../../summary/summarize.ts';
import { fitGammaGamma } from '../../models/gammagamma.ts';
import { normalQuantile } from '../../stdlib.ts';
import type { TimeUnit } from '../../models/discounting.ts';
import { addTransactionOptions, numberOption, type TransactionCliOptions } from '../options.ts';
import { formatAccounting } from '../../summary/export.ts';
import { addEngineOptions, engineOf, summaryFromEngine, type EngineCliOptions } from '../engine-options.ts';
import { addCovariateOptions, covariateFitCommand, type CovariateCliOptions } from '../covariate-options.ts';
import { checkOutputFile, writeFileAtomic } from '../../io/atomic.ts';
import type { GammaGammaModel } from '../../models/gammagamma.ts';
import type { SavedData } from '../../models/saved-model.ts';
import type { HoldoutMetrics } from '../../models/compare.ts';
import type { TransactionModel } from '../../models/bgnbd.ts';

/**
 * Options shared by `fit` and `predict`.
 *
 * @example
 * const o: ModelCliOptions = { model: 'sbg', column: 'regular', cohortSize: '1000' };
 */
export interface ModelCliOptions extends EngineCliOptions {
  model?: string;
  json?: boolean;
  penalizer?: string;
  column?: string;
  cohortSize?: string;
  through?: string;
  k?: string;
  maxK?: string;
  correlation?: boolean;
}

/**
 * What a model is fitted on, read from the command's input file: a summary file, BG/BB rows, survivor
 * counts, or a transaction file summarised with the summary options.
 *
 * @example
 * const loaded: LoadedInput = await loadModelInput('donations.csv', modelInfo('bgbb'), {});
 */
export interface LoadedInput {
  input: FitInput;
  /** Per-customer rows for predictions (absent for survivor counts). */
  customers?: {
    customerIds: string[];
    /** The ids as the bytes read, when the summary was made from a file read here (summaryIdBytes). */
    idBytes?: () => SummaryIdBytes | undefined;
    frequency: ArrayLike<number>;
    recency: ArrayLike<number>;
    T: ArrayLike<number>;
    monetaryValue?: ArrayLike<number>;
  };
  /** Whether spend is known (monetary values present). */
  hasSpend: boolean;
  /** Where it came from. */
  source: 'transactions' | ModelInputFile['kind'];
  /** Survivor counts: the cohorts as observed, all periods (the fit may use fewer, see --through). */
  cohorts?: { name: string; alive: number[] }[];
  /** Notes for stderr. */
  notes: string[];
  /** With --calibration-end on a transaction file: each customer's holdout transactions and the holdout length (model units). */
  holdout?: { frequency: ArrayLike<number>; t: number };
}

/**
 * Add the options of `fit` and `predict` to a command.
 *
 * @example
 * addModelOptions(program.command('fit').argument('<input>'));
 */
export function addModelOptions(cmd: Command): Command {
  return addEngineOptions(addTransactionOptions(cmd))
    .option('-m, --model <name>', `model: ${Object.keys(MODELS).join(', ')}`)
    .option('--penalizer <x>', 'L2 penalizer on the parameters (as lifetimes), default 0')
    .option('--column <names>', 'survivor tables: the cohort column(s) to fit, comma-separated (several are fitted jointly)')
    .option('--cohort-size <n>', 'survivor tables: the values are percentages of cohorts of n customers')
    .option('--through <period>', 'survivor tables: fit on periods 0..period only (hold out the later ones)')
    .option('--k <k>', 'bgcnbd, mbgcnbd: the Erlang order k (default: chosen by likelihood over 1..--max-k)')
    .option('--max-k <K>', 'bgcnbd, mbgcnbd: the largest k tried when choosing k (default 12)')
    .option('--correlation', 'paretonbd: correlated purchase and dropout rates (Sarmanov mixing), with the LR test of zero correlation')
    .option('--json', 'print the result as one JSON document on stdout');
}

/**
 * Read the input of `fit`/`predict` for a model: detects a summary / BG/BB / survivor file from its header,
 * otherwise reads it as a transaction file and summarises it (--unit, --freq, --end, --calibration-end, ...).
 *
 * @example
 * const loaded = await loadModelInput('donations.csv', modelInfo('bgbb'), {});
 * await fitModel('bgbb', loaded.input);
 */
export async function loadModelInput(input: string | undefined, info: ModelInfo, o: ModelCliOptions): Promise<LoadedInput> {
  const cohortSize = numberOption('cohort-size', o.cohortSize, (v) => v > 0 && Number.isFinite(v));
  const through = numberOption('through', o.through, (v) => Number.isInteger(v) && v >= 1);
  // Another engine reads transactions only (a file for duckdb, --table/--query for postgres).
  const engine = engineOf(o);
  if (engine === 'node' && input === undefined) throw new UsageError('missing the input file');
  const file = input ?? '';
  const kind = engine !== 'node' ? 'transactions' : sniffModelInputKind(file, o.delimiter === 'tab' ? '\t' : o.delimiter);
  const notes: string[] = [];
  if (kind === 'survivors' || info.input === 'survivors') {
    if (kind !== 'survivors') {
      throw new UsageError(`${info.title} needs survivor counts: a file with columns period,alive (or a period column and cohort columns chosen with --column)`);
    }
    const data = readSummaryFile(file, { delimiter: delimiterOf(o), column: o.column, cohortSize, through });
    if (data.kind !== 'survivors') throw new ClvkitError('expected survivor counts', { file });
    if (!data.fromPercentages && data.cohorts.some((c) => c.alive.some((v) => !Number.isInteger(v)))) {
      notes.push('the survivor values are not whole numbers: if they are percentages, give --cohort-size N so that standard errors are right');
    }
    // Observed survivors of every period, including those held out by --through (for comparison with the projection).
    const observed = through === undefined ? data.cohorts : (readSummaryFile(file, { delimiter: delimiterOf(o), column: o.column, cohortSize }) as typeof data).cohorts;
    return { input: { kind: 'survivors', cohorts: data.cohorts }, hasSpend: false, source: 'survivors', cohorts: observed, notes };
  }
  if (kind === 'bgbb') {
    const data = readSummaryFile(file, { delimiter: delimiterOf(o), kind: 'bgbb' });
    if (data.kind !== 'bgbb') throw new ClvkitError('expected BG/BB rows', { file });
    if (info.input !== 'bgbb') throw new UsageError(`${info.title} needs a customer summary, not BG/BB rows (frequency,recency,periods): use --model bgbb`);
    const ids = Array.from({ length: data.frequency.length }, (_, i) => String(i + 1));
    return {
      input: { kind: 'bgbb', data },
      customers: { customerIds: ids, frequency: data.frequency, recency: data.recency, T: data.periods },
      hasSpend: false,
      source: 'bgbb',
      notes,
    };
  }
  let customers: NonNullable<LoadedInput['customers']> & { weights?: ArrayLike<number>; litt?: ArrayLike<number> };
  let holdout: LoadedInput['holdout'];
  let source: LoadedInput['source'];
  if (kind === 'summary') {
    const data = readSummaryFile(file, { delimiter: delimiterOf(o), kind: 'summary' });
    if (data.kind !== 'summary') throw new ClvkitError('expected a customer summary', { file });
    customers = data;
    source = 'summary';
  } else {
    const s = await summaryFromEngine(input, o);
    const hasAmount = s.monetaryValue.some((v, i) => s.frequency[i] > 0 && Number.isFinite(v));
    // the id strings only when asked for (a million strings a CSV writer can copy from the bytes read)
    customers = { get customerIds() { return s.customerIds; }, idBytes: () => summaryIdBytes(s), frequency: s.frequency, recency: s.recency, T: s.T, ...(hasAmount ? { monetaryValue: s.monetaryValue } : {}), ...(s.litt ? { litt: s.litt } : {}) };
    source = 'transactions';
    if (s.holdoutFrequency && s.holdoutT && s.holdoutT.length > 0) holdout = { frequency: s.holdoutFrequency, t: s.holdoutT[0] };
    notes.push(`${input !== undefined ? basename(input) : (o.table ?? '--query')}: ${s.accounting ? formatAccounting(s.accounting) + '; ' : ''}${count(s.frequency.length, 'customer', 'customers')}`);
    if (s.columnsNote) notes.push(s.columnsNote);
  }
  const hasSpend = customers.monetaryValue !== undefined;
  if (info.input === 'bgbb') {
    for (let i = 0; i < customers.frequency.length; i++) {
      if (!Number.isInteger(customers.recency[i]) || !Number.isInteger(customers.T[i])) {
        throw new UsageError(
          'BG/BB needs whole periods: summarise with the same --unit and --freq (e.g. --unit month --freq month), or give a frequency,recency,periods[,weights] file',
        );
      }
    }
    return {
      input: { kind: 'bgbb', data: { frequency: customers.frequency, recency: customers.recency, periods: customers.T, ...(customers.weights ? { weights: customers.weights } : {}) } },
      customers,
      hasSpend,
      source,
      notes,
    };
  }
  if (info.input === 'spend') {
    if (!customers.monetaryValue) {
      throw new UsageError('the Gamma-Gamma model needs spend: a summary with monetary_value (or zbar), or a transaction file with an amount column');
    }
    return { input: { kind: 'spend', data: { frequency: customers.frequency, monetaryValue: customers.monetaryValue, ...(customers.weights ? { weights: customers.weights } : {}) } }, customers, hasSpend, source, notes };
  }
  return {
    input: { kind: 'summary', data: { frequency: customers.frequency, recency: customers.recency, T: customers.T, ...(customers.weights ? { weights: customers.weights } : {}), ...(customers.litt ? { litt: customers.litt } : {}) } },
    customers,
    hasSpend,
    source,
    notes,
    ...(holdout ? { holdout } : {}),
  };
}

function delimiterOf(o: ModelCliOptions): string | undefined {
  if (o.delimiter === undefined) return undefined;
  const aliases: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|', space: 'whitespace' };
  return aliases[o.delimiter] ?? o.delimiter;
}

/**
 * The model's time unit for discounting: --freq (day, week, month, or year for summary files whose unit is a year).
 *
 * @example
 * modelTimeUnit({ freq: 'week' }); // 'week'
 */
export function modelTimeUnit(o: { freq?: string }): TimeUnit {
  const f = o.freq ?? 'week';
  if (!['day', 'week', 'month', 'year'].includes(f)) throw new UsageError(`--freq must be day, week, month or year, got "${f}"`);
  return f as TimeUnit;
}

/**
 * The JSON document of `fit --json` (DESIGN.md §3 **contract**), plus aic, bic, iterations, and for
 * the Gamma-Gamma model the frequency-spend correlation.
 *
 * @example
 * fitJson(fitted); // { model: 'bgbb', params: {...}, logLikelihood, standardErrors, converged, customers, aic, bic, iterations }
 */
export function fitJson(fitted: FitResultBase<Record<string, number>>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    model: fitted.model,
    params: fitted.params,
    logLikelihood: fitted.logLikelihood,
    standardErrors: fitted.standardErrors,
    converged: fitted.converged,
    customers: fitted.customers,
    aic: fitted.aic,
    bic: fitted.bic,
    iterations: fitted.iterations,
  };
  const corr = (fitted as { frequencySpendCorrelation?: number }).frequencySpendCorrelation;
  if (corr !== undefined) out.frequencySpendCorrelation = corr;
  const cor = fitted as { correlation?: number; correlationSE?: number; zeroCorrelationTest?: unknown };
  if (cor.correlation !== undefined) Object.assign(out, { correlation: cor.correlation, correlationSE: cor.correlationSE, zeroCorrelationTest: cor.zeroCorrelationTest });
  const kProfile = (fitted as { kProfile?: unknown[] }).kProfile;
  if (kProfile?.length) out.kProfile = kProfile;
  if (fitted.warning) out.warning = fitted.warning;
  if (fitted.limit) out.limit = fitted.limit;
  // every --json document carries its warnings (DESIGN.md §3), empty when there are none
  out.warnings = fitWarnings(fitted);
  return out;
}

/**
 * Human-readable fit report (for stderr).
 *
 * @example
 * process.stderr.write(formatFit(fitted, modelInfo('bgbb')));
 */
export function formatFit(fitted: FitResultBase<Record<string, number>>, info: ModelInfo): string {
  const lines = [`${info.title} fitted on ${count(fitted.customers, 'customer', 'customers', 'en', (n) => n.toLocaleString('en-US'))}: ${fitted.converged ? 'converged' : 'NOT converged'} (${count(fitted.iterations, 'iteration', 'iterations')})`];
  const width = Math.max(...Object.keys(fitted.params).map((k) => k.length));
  for (const [k, v] of Object.entries(fitted.params)) {
    const se = (fitted.standardErrors as Record<string, number>)[k];
    // a parameter at a limit or bound of the model has no standard error: say so instead of "SE NaN"
    const note = se === undefined ? '(a whole number chosen by likelihood)' : Number.isFinite(se) ? `(SE ${fmt(se)})` : '(no standard error: at a limit or bound of the model)';
    lines.push(`  ${k.padEnd(width)}  ${fmt(v)}  ${note}`);
  }
  // to two decimals, not six significant digits: at a million customers AIC and BIC differ past the sixth digit
  lines.push(`log-likelihood ${fitStat(fitted.logLikelihood)}, AIC ${fitStat(fitted.aic)}, BIC ${fitStat(fitted.bic)}`);
  const corr = (fitted as { frequencySpendCorrelation?: number }).frequencySpendCorrelation;
  const cor = fitted as { correlation?: number; correlationSE?: number; zeroCorrelationTest?: { statistic: number; p: number } };
  if (cor.correlation !== undefined) {
    lines.push(`Corr(purchase rate, dropout rate) ${fmt(cor.correlation)}${Number.isFinite(cor.correlationSE) ? ` (SE ${fmt(cor.correlationSE!)})` : ''}`);
    if (cor.zeroCorrelationTest) lines.push(`LR test of zero correlation: chi2(1) = ${fmt(cor.zeroCorrelationTest.statistic)}, ${pValueText(cor.zeroCorrelationTest.p)}`);
  }
  if (corr !== undefined) {
    lines.push(`correlation of frequency and mean spend among repeat buyers: ${fmt(corr)}${Math.abs(corr) > 0.3 ? ' (high: the model assumes independence)' : ''}`);
  }
  for (const w of fitWarnings(fitted)) lines.push(`warning: ${w}`);
  lines.push(`(${info.reference})`);
  return lines.join('\n') + '\n';
}

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v);
}

/** A log-likelihood, AIC or BIC: two decimals with thousands separators. */
function fitStat(v: number): string {
  return Number.isFinite(v) ? v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(v);
}

/**
 * Fit a model to a file: the library call behind `clvkit fit`.
 *
 * @example
 * const { fitted } = await fitFromFile('donations.csv', { model: 'bgbb' });
 */
export async function fitFromFile(file: string | undefined, o: ModelCliOptions) {
  let info = modelInfo(o.model);
  if (o.correlation) {
    if (info.name !== 'paretonbd' && info.name !== 'paretonbdcor') throw new UsageError(`--correlation applies to --model paretonbd, not ${info.name}`);
    info = modelInfo('paretonbdcor');
  }
  const penalizer = numberOption('penalizer', o.penalizer, (v) => v >= 0 && Number.isFinite(v));
  const loaded = await loadModelInput(file, info, o);
  const k = numberOption('k', o.k, (v) => Number.isInteger(v) && v >= 1 && v <= 100);
  const maxK = numberOption('max-k', o.maxK, (v) => Number.isInteger(v) && v >= 1 && v <= 100);
  const fitted = await fitModel(info.name, loaded.input, { ...(penalizer !== undefined ? { penalizer } : {}), ...(k !== undefined ? { k } : {}), ...(maxK !== undefined ? { maxK } : {}) });
  return { info, loaded, fitted };
}

/**
 * @example
 * register(program); // adds `clvkit fit <input> --model <name>`
 */
export function register(program: Command): void {
  const cmd = program
    .command('fit')
    .description('fit a model (bgnbd, mbgnbd, paretonbd, bgbb, sbg, bdw, gammagamma) to a transaction file or a summary file')
    .argument('[input]', 'transaction file, summary file (frequency,recency,T[,monetary_value] or x,t_x,T,zbar), BG/BB rows (frequency,recency,periods[,weights]) or survivor counts (period,alive)');
  addCovariateOptions(addModelOptions(cmd))
    .option('--interval <level>', 'level of the parameter intervals in --json (default 0.95)')
    .option('--save <model.json>', 'save the fitted model (and its Gamma-Gamma spend model when spend is known) for clvkit predict --model-file')
    .action(async (file: string | undefined, o: ModelCliOptions & CovariateCliOptions & { save?: string; interval?: string }) => {
      if (o.covariates) {
        if (!o.save) return covariateFitCommand(file, o);
        // the saved model carries the covariate definitions and coefficients (predict --model-file does not score them yet)
        checkOutputFile(o.save, [file, o.covariates]);
        const { covariateFitFromFiles, formatCovariateFit } = await import('../covariate-options.ts');
        const { covariateFitJson } = await import('../../models/covariates/fit-covariates.ts');
        const { fit, notes } = await covariateFitFromFiles(file, o);
        for (const n of notes) process.stderr.write(n + '\n');
        const j = covariateFitJson(fit);
        if (o.json) process.stdout.write(JSON.stringify(j) + '\n');
        (o.json ? process.stderr : process.stdout).write(formatCovariateFit(fit));
        const { saveModel } = await import('../../models/saved-model.ts');
        const covariates = {
          kind: fit.kind,
          file: o.covariates,
          purchase: o.purchaseCovariates ?? null,
          dropout: o.dropoutCovariates ?? null,
          constrain: o.constrain ?? null,
          design: j.design,
          reference: j.reference,
          coefficients: j.coefficients,
        };
        const saved = saveModel(fit.fitted as unknown as FitResultBase<Record<string, number>>, { data: { input: 'summary', unit: modelTimeUnit(o), ...(o.calibrationEnd ? { calibrationEnd: o.calibrationEnd } : {}), ...(o.end ? { end: o.end } : {}) }, options: fitOptionsOf(o), covariates });
        writeFileAtomic(o.save, JSON.stringify(saved, null, 2) + '\n');
        process.stderr.write(`model saved to ${o.save} (with its covariate definitions and coefficients)\n`);
        return;
      }
      if (o.save) checkOutputFile(o.save, [file]);
      const { info, loaded, fitted } = await fitFromFile(file, o);
      for (const n of loaded.notes) process.stderr.write(n + '\n');
      const spend = o.save ? fitSpendModel(loaded, info) : undefined;
      if (spend?.note) process.stderr.write(spend.note + '\n');
      const level = o.interval === undefined ? 0.95 : numberOption('interval', o.interval, (v) => v > 0 && v < 1)!;
      const holdout = await holdoutOf(fitted, loaded);
      if (o.json) process.stdout.write(JSON.stringify({ ...fitJson(fitted), parameterIntervals: parameterIntervals(fitted, level), ...(holdout ? { holdout } : {}) }) + '\n');
      // the readable result is the command's output (stdout); with --json it makes way for the document
      const result = o.json ? process.stderr : process.stdout;
      result.write(formatFit(fitted, info));
      if (holdout) result.write(formatHoldout(holdout) + '\n');
      if (o.save) {
        const { saveModel } = await import('../../models/saved-model.ts');
        const saved = saveModel(fitted, { data: savedDataOf(loaded, info, o), ...(spend?.model ? { spend: spend.model } : {}), options: fitOptionsOf(o) });
        writeFileAtomic(o.save, JSON.stringify(saved, null, 2) + '\n');
        process.stderr.write(`model saved to ${o.save}${spend?.model ? ' (with its spend model)' : ''}\n`);
      }
    });
}

/**
 * The Gamma-Gamma spend model of a transaction model's input, when spend is known (fitted on the repeat
 * buyers), with the note for stderr; `model` is undefined when spend is unknown or the fit failed (said in `note`).
 *
 * @example
 * const { model: spend, note } = fitSpendModel(loaded, modelInfo('bgnbd'));
 */
export function fitSpendModel(loaded: LoadedInput, info: ModelInfo): { model?: GammaGammaModel; note?: string } {
  const c = loaded.customers;
  if (info.input !== 'summary' || !loaded.hasSpend || !c?.monetaryValue) return {};
  try {
    const spend = fitGammaGamma({ frequency: c.frequency, monetaryValue: c.monetaryValue });
    return {
      model: spend,
      note:
        `spend: Gamma-Gamma fitted on ${spend.customers} repeat buyers, p=${fmt5(spend.params.p)}, q=${fmt5(spend.params.q)}, v=${fmt5(spend.params.v)}; ` +
        `population mean spend ${fmt5(spend.expectedAverageSpend())}; frequency-spend correlation ${fmt5(spend.frequencySpendCorrelation)}`,
    };
  } catch (e) {
    if (!(e instanceof ClvkitError)) throw e;
    return { note: `spend not predicted: ${e.message}` };
  }
}

function fmt5(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(5))) : String(v);
}

/**
 * What a saved model records about its data: input kind, time units, calibration end and columns.
 *
 * @example
 * savedDataOf(loaded, modelInfo('bgnbd'), { freq: 'week' }); // { input: 'summary', unit: 'week', ... }
 */
export function savedDataOf(loaded: LoadedInput, info: ModelInfo, o: ModelCliOptions): SavedData {
  const columns =
    info.input === 'survivors' ? ['period', 'alive'] : info.input === 'bgbb' ? ['frequency', 'recency', 'periods'] : ['frequency', 'recency', 'T', ...(loaded.hasSpend ? ['monetary_value'] : [])];
  return {
    input: info.input,
    ...(info.input === 'survivors' || info.input === 'bgbb' && loaded.source === 'bgbb' ? {} : { unit: modelTimeUnit(o) }),
    ...(loaded.source === 'transactions' ? { periodUnit: o.unit ?? 'day' } : {}),
    ...(o.calibrationEnd ? { calibrationEnd: o.calibrationEnd } : {}),
    ...(o.end ? { end: o.end } : {}),
    columns,
    source: loaded.source,
  };
}

function fitOptionsOf(o: ModelCliOptions): Record<string, number | string | boolean> {
  const out: Record<string, number | string | boolean> = {};
  if (o.penalizer !== undefined) out.penalizer = Number(o.penalizer);
  if (o.k !== undefined) out.k = Number(o.k);
  if (o.maxK !== undefined) out.maxK = Number(o.maxK);
  return out;
}

/**
 * Intervals of the parameters at `level`, on the fitting scale (log θ ± z·SE(θ)/θ, the delta method), so
 * they stay positive: `{ level, scale: 'log', params: { name: [lower, upper] } }`. A parameter without a
 * standard error (CNBD-k's k) has none.
 *
 * @example
 * parameterIntervals(fitBgNbd(summary), 0.95).params.r; // [0.219, 0.269] on CDNOW
 */
export function parameterIntervals(fitted: FitResultBase<Record<string, number>>, level = 0.95): { level: number; scale: 'log'; params: Record<string, [number, number] | null> } {
  const z = normalQuantile(0.5 + level / 2, 0, 1);
  const params: Record<string, [number, number] | null> = {};
  for (const [k, v] of Object.entries(fitted.params)) {
    const se = (fitted.standardErrors as Record<string, number>)[k];
    if (se === undefined) continue;
    params[k] = Number.isFinite(se) && v > 0 ? [v * Math.exp((-z * se) / v), v * Math.exp((z * se) / v)] : null;
  }
  return { level, scale: 'log', params };
}

/**
 * Holdout metrics of a fit when the input was split with --calibration-end (the ones of clvkit compare), or undefined.
 *
 * @example
 * const h = await holdoutOf(fitted, loaded); // { mae, rmse, bias, correlation, predicted, actual, length }
 */
export async function holdoutOf(fitted: FitResultBase<Record<string, number>>, loaded: LoadedInput): Promise<(HoldoutMetrics & { length: number }) | undefined> {
  const h = loaded.holdout;
  const c = loaded.customers;
  if (!h || !c || typeof (fitted as { conditionalExpectedTransactionsAll?: unknown }).conditionalExpectedTransactionsAll !== 'function') return undefined;
  const { holdoutMetrics } = await import('../../models/compare.ts');
  const { compressSummary } = await import('../../summary/compress.ts');
  const m = holdoutMetrics(fitted as unknown as TransactionModel, compressSummary({ frequency: c.frequency, recency: c.recency, T: c.T }), h.frequency, h.t, undefined);
  return { ...m, length: h.t };
}

/**
 * @example
 * formatHoldout({ mae: 0.6, rmse: 1.1, bias: -0.02, correlation: 0.6, predicted: 1800, actual: 1788, length: 39 });
 */
export function formatHoldout(h: HoldoutMetrics & { length: number }): string {
  return `holdout (${fmt(h.length)} time units): MAE ${fmt(h.mae)}, RMSE ${fmt(h.rmse)}, bias ${fmt(h.bias)}, correlation ${fmt(h.correlation)}; predicted ${fmt(h.predicted)} vs actual ${fmt(h.actual)} transactions`;
}
