/**
 * `--covariates FILE` for `fit`, `predict` and `interactions`: the options, and the covariate paths
 * of `fit` and `predict` (the library calls are in src/models/covariates/fit-covariates.ts).
 */
import { wroteNote } from './output.ts';
import { count, plural } from '../plural.ts';
import type { Command } from 'commander';
import { extname } from 'node:path';
import { ClvkitError, UsageError } from '../errors.ts';
import { readCovariates, type CovariateFile } from '../ingest/covariates.ts';
import { readSummaryFile, sniffModelInputKind } from '../ingest/summary-file.ts';
import { CSV_EN, CSV_FR, toCsv, type CsvValue } from '../io/csv.ts';
import { checkOutputFile, writeFileAtomic } from '../io/atomic.ts';
import { UNIT_DAYS, ratePerUnit, type TimeUnit } from '../models/discounting.ts';
import { fitGammaGamma, type GammaGammaModel } from '../models/gammagamma.ts';
import { covariateFitJson, fitWithCovariates, heldCovariatesWarning, predictWithCovariates, type CovariateFit } from '../models/covariates/fit-covariates.ts';
import type { CovariateSpec } from '../models/covariates/static-fit.ts';
import { summarize } from '../summary/summarize.ts';
import { formatAccounting } from '../summary/export.ts';
import { readTransactions } from '../ingest/transactions.ts';
import type { CustomerSummary, TransactionTable } from '../types.ts';
import { horizonIn, horizonOption, ingestOptionsFrom, numberOption, rateOption, summaryOptionsFrom, type TransactionCliOptions } from './options.ts';

/**
 * The covariate options as parsed.
 *
 * @example
 * const o: CovariateCliOptions = { covariates: 'apparelStaticCov.csv', constrain: 'Gender' };
 */
export interface CovariateCliOptions {
  covariates?: string;
  futureCovariates?: string;
  purchaseCovariates?: string;
  dropoutCovariates?: string;
  constrain?: string;
  reference?: string;
  covariatesCustomerCol?: string;
  covariatesDateCol?: string;
}

/**
 * Adds `--covariates FILE` and its companions to a command.
 *
 * @example
 * addCovariateOptions(program.command('fit'));
 */
export function addCovariateOptions(cmd: Command): Command {
  return cmd
    .option('--covariates <file>', 'covariates: customer + covariate columns (static), or customer + period start date + covariate columns (time-varying, Pareto/NBD)')
    .option('--future-covariates <file>', 'time-varying covariates for the periods after the data (predict); otherwise each customer holds their last value')
    .option('--purchase-covariates <names>', 'covariates of the purchase process, comma-separated (default: all; "" for none)')
    .option('--dropout-covariates <names>', 'covariates of the dropout process, comma-separated (default: all; "" for none)')
    .option('--constrain <names>', 'covariates with one coefficient shared by both processes')
    .option('--reference <col=level,...>', 'reference level of categorical covariates (default: the first level in sorted order)')
    .option('--covariates-customer-col <name>', 'customer column of the covariate file (default: Id, customer_id, client, ...)')
    .option('--covariates-date-col <name>', 'period start column of a time-varying covariate file (default: Cov.Date, period_start, date, ...)');
}

const list = (v: string | undefined): string[] | undefined => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter((s) => s.length > 0));

/**
 * The covariate spec (processes, constraints, L2 from `--penalizer`) and reference levels.
 *
 * @example
 * covariateSpecFrom({ constrain: 'Gender' }, '0.1'); // { constrained: ['Gender'], l2: 0.1 }
 */
export function covariateSpecFrom(o: CovariateCliOptions, penalizer?: string): { spec: CovariateSpec; reference?: Record<string, string> } {
  const l2 = numberOption('penalizer', penalizer, (v) => v >= 0 && Number.isFinite(v));
  const spec: CovariateSpec = { purchase: list(o.purchaseCovariates), dropout: list(o.dropoutCovariates), constrained: list(o.constrain), ...(l2 !== undefined ? { l2 } : {}) };
  let reference: Record<string, string> | undefined;
  if (o.reference) {
    reference = {};
    for (const part of o.reference.split(',')) {
      const eq = part.indexOf('=');
      if (eq <= 0) throw new UsageError(`--reference takes column=level pairs separated by commas, got "${part}"`);
      reference[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
    }
  }
  return { spec, reference };
}

/**
 * Reads the covariate file (and the future one, whose rows are appended).
 *
 * @example
 * const cov = readCovariateFiles({ covariates: 'apparelDynCov.csv' });
 */
export function readCovariateFiles(o: CovariateCliOptions): CovariateFile {
  if (!o.covariates) throw new UsageError('--covariates FILE is required');
  const read = (f: string) => readCovariates(f, { customerCol: o.covariatesCustomerCol, dateCol: o.covariatesDateCol });
  const main = read(o.covariates);
  if (!o.futureCovariates) return main;
  const future = read(o.futureCovariates);
  if (main.kind !== 'dynamic' || future.kind !== 'dynamic') throw new UsageError('--future-covariates needs time-varying covariates (a period start column in both files)');
  const names = main.columns.map((c) => c.name).join(',');
  if (future.columns.map((c) => c.name).join(',') !== names) throw new ClvkitError(`the future covariates must have the same columns as ${o.covariates} (${names})`, { file: o.futureCovariates });
  return {
    ...main,
    customerIds: [...main.customerIds, ...future.customerIds],
    dates: Int32Array.from([...main.dates!, ...future.dates!]),
    columns: main.columns.map((c, j) => ({ name: c.name, values: [...c.values, ...future.columns[j].values] })),
    accounting: { read: main.accounting.read + future.accounting.read, used: main.accounting.used + future.accounting.used, rejected: {} },
  };
}

/**
 * Fits a model with covariates from the command's input (a transaction file, or a summary file for
 * static covariates).
 *
 * @example
 * const { fit } = await covariateFitFromFiles('apparelTrans.csv', { model: 'paretonbd', covariates: 'apparelStaticCov.csv', calibrationEnd: '2006-12-31' });
 */
export async function covariateFitFromFiles(
  file: string | undefined,
  o: TransactionCliOptions & CovariateCliOptions & { model?: string; penalizer?: string },
): Promise<{ fit: CovariateFit; summary: Pick<CustomerSummary, 'customerIds' | 'frequency' | 'recency' | 'T'> & { monetaryValue?: ArrayLike<number>; end?: number; calibrationEnd?: number }; notes: string[] }> {
  if (file === undefined) throw new UsageError('missing the input file');
  const notes: string[] = [];
  const covariates = readCovariateFiles(o);
  const { spec, reference } = covariateSpecFrom(o, o.penalizer);
  const kind = sniffModelInputKind(file, o.delimiter === 'tab' ? '\t' : o.delimiter);
  let summary: Pick<CustomerSummary, 'customerIds' | 'frequency' | 'recency' | 'T'> & Partial<CustomerSummary>;
  let table: TransactionTable | undefined;
  if (kind === 'summary') {
    const data = readSummaryFile(file, { kind: 'summary' });
    if (data.kind !== 'summary') throw new ClvkitError('expected a customer summary', { file });
    summary = { customerIds: data.customerIds, frequency: Float64Array.from(data.frequency), recency: Float64Array.from(data.recency), T: Float64Array.from(data.T), ...(data.monetaryValue ? { monetaryValue: Float64Array.from(data.monetaryValue) } : {}) };
  } else if (kind !== undefined) {
    throw new UsageError(`covariates go with a transaction file or a customer summary, not with ${kind} rows`);
  } else {
    table = await readTransactions(file, ingestOptionsFrom(o) as never);
    const s = summarize(table, summaryOptionsFrom(o) as never);
    if (s.accounting) notes.push(`${file}: ${formatAccounting(s.accounting)}; ${count(s.frequency.length, 'customer', 'customers')}`);
    summary = s;
  }
  const fit = fitWithCovariates({ model: o.model ?? '', summary, table, covariates, spec, reference });
  return { fit, summary, notes };
}

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v);
}

/**
 * The readable report of a covariate fit (stderr).
 *
 * @example
 * process.stderr.write(formatCovariateFit(fit));
 */
export function formatCovariateFit(fit: CovariateFit): string {
  const f = fit.fitted;
  const lines = [`${f.model === 'paretonbd' ? 'Pareto/NBD' : 'BG/NBD'} with ${fit.kind === 'static' ? 'static' : 'time-varying'} covariates on ${count(f.customers, 'customer', 'customers')}: ${f.converged ? 'converged' : 'NOT converged'} (${count(f.iterations, 'iteration', 'iterations')})`];
  for (const [k, v] of Object.entries(f.params)) lines.push(`  ${k.padEnd(8)} ${fmt(v)}  (SE ${fmt((f.standardErrors as Record<string, number>)[k])})`);
  lines.push('  coefficient                      estimate   SE        95% interval            multiplier');
  for (const c of f.coefficients) {
    lines.push(`  ${`${c.process}:${c.name}`.padEnd(32)} ${fmt(c.estimate).padEnd(10)} ${fmt(c.se).padEnd(9)} [${fmt(c.lower)}, ${fmt(c.upper)}]`.padEnd(90) + ` ×${fmt(c.multiplier)}`);
  }
  lines.push(`log-likelihood ${fmt(f.logLikelihood)}, AIC ${fmt(f.aic)}, BIC ${fmt(f.bic)}, ${f.parameters} parameters`);
  lines.push('(a coefficient γ multiplies the mean purchase rate, or the mean dropout rate, by e^γ per unit of the covariate)');
  for (const w of fit.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n') + '\n';
}

/**
 * `clvkit fit --covariates`: prints the fit (JSON on stdout with --json).
 *
 * @example
 * await covariateFitCommand('apparelTrans.csv', { model: 'paretonbd', covariates: 'apparelStaticCov.csv', json: true });
 */
export async function covariateFitCommand(file: string | undefined, o: TransactionCliOptions & CovariateCliOptions & { model?: string; penalizer?: string; json?: boolean }): Promise<void> {
  const { fit, notes } = await covariateFitFromFiles(file, o);
  for (const n of notes) process.stderr.write(n + '\n');
  if (o.json) process.stdout.write(JSON.stringify(covariateFitJson(fit)) + '\n');
  (o.json ? process.stderr : process.stdout).write(formatCovariateFit(fit));
}

/**
 * `clvkit predict --covariates`: per-customer rows with each customer's covariates.
 *
 * @example
 * await covariatePredictCommand('apparelTrans.csv', { model: 'paretonbd', covariates: 'apparelDynCov.csv', horizon: '52w' });
 */
export async function covariatePredictCommand(
  file: string | undefined,
  o: TransactionCliOptions & CovariateCliOptions & { model?: string; penalizer?: string; json?: boolean; horizon?: string; horizonUnit?: string; discount?: string; margin?: string; out?: string; lang?: string },
): Promise<void> {
  // the one horizon syntax of predict (52w, 12m, 1y, 365d; default 12m) and rates as 0.1 or 10%
  const annual = rateOption('discount', o.discount, 0.1)!;
  const margin = rateOption('margin', o.margin, 1)!;
  const unit = (o.freq ?? 'week') as TimeUnit;
  if (!(unit in UNIT_DAYS)) throw new UsageError(`--freq must be day, week, month or year, got "${o.freq}"`);
  const resolved = horizonOption(o.horizon, o.horizonUnit);
  if (resolved.infinite) throw new UsageError('--horizon infinite: predict gives expected transactions over a finite horizon (52w, 12m, 1y, 365d)');
  const horizon = horizonIn(resolved, unit);
  if (o.out) checkOutputFile(o.out, [file, o.covariates, o.futureCovariates]);
  const rate = ratePerUnit(annual, unit);
  const { fit, summary, notes } = await covariateFitFromFiles(file, o);
  let spend: GammaGammaModel | undefined;
  const mv = summary.monetaryValue;
  if (mv && Array.from({ length: summary.frequency.length }, (_, i) => i).some((i) => summary.frequency[i] > 0 && Number.isFinite(mv[i]) && mv[i] > 0)) {
    try {
      spend = fitGammaGamma({ frequency: summary.frequency, monetaryValue: mv });
      notes.push(`spend: Gamma-Gamma fitted on ${spend.customers} repeat buyers, p=${fmt(spend.params.p)}, q=${fmt(spend.params.q)}, v=${fmt(spend.params.v)}`);
    } catch (e) {
      if (!(e instanceof ClvkitError)) throw e;
      notes.push(`spend not predicted: ${e.message}`);
    }
  }
  const rows = predictWithCovariates(fit, summary, { horizon, rate, margin, spend });
  const held = heldCovariatesWarning(fit, horizon, UNIT_DAYS[unit], summary.calibrationEnd ?? summary.end ?? 0);
  if (held) fit.warnings.push(held);
  const header = ['customer_id', 'frequency', 'recency', 'T', 'expected_transactions', 'probability_alive', ...(spend ? ['expected_spend', 'clv'] : [])];
  for (const n of notes) process.stderr.write(n + '\n');
  process.stderr.write(formatCovariateFit(fit));
  const records = rows as unknown as Record<string, CsvValue>[];
  const json = { ...covariateFitJson(fit), horizon, unit, discountRatePerUnit: rate, margin, ...(spend ? { spendParams: spend.params } : {}), customers: records };
  const csv = () => toCsv(header, records.map((r) => header.map((h) => r[h])), o.lang === 'fr' ? CSV_FR : CSV_EN);
  if (o.out) {
    writeFileAtomic(o.out, extname(o.out).toLowerCase() === '.json' ? JSON.stringify(json) + '\n' : csv());
    wroteNote(o, `wrote ${count(records.length, 'row', 'rows')} to ${o.out}`);
  }
  if (o.json) process.stdout.write(JSON.stringify(json) + '\n');
  else if (!o.out) process.stdout.write(csv());
}
