/**
 * One entry point for a model with covariates read from a file: static covariates (a row per
 * customer) for the Pareto/NBD or the BG/NBD, time-varying ones (a row per customer and period) for
 * the Pareto/NBD; what `clvkit fit|predict --covariates FILE` runs.
 */
import { ClvkitError } from '../../errors.ts';
import type { CovariateFile } from '../../ingest/covariates.ts';
import { formatDay } from '../../ingest/dates.ts';
import type { CustomerSummary, TransactionTable } from '../../types.ts';
import { repeatPurchaseDays } from '../../summary/purchase-days.ts';
import { unitDays } from '../../summary/summarize.ts';
import type { CustomerPrediction, SpendModel } from '../discounting.ts';
import { fitBgNbdCovariates, type BgNbdCovariateModel } from './bgnbd-static.ts';
import { alignCovariates, covariateMatrix, type CovariateMatrix } from './design.ts';
import { covariatePanel, dynamicCovariateData, type DynamicCovariateData } from './panel.ts';
import { fitParetoNbdDynamic, type ParetoNbdDynamicModel } from './paretonbd-dynamic.ts';
import { fitParetoNbdCovariates, type ParetoNbdCovariateModel } from './paretonbd-static.ts';
import type { CovariateSpec } from './static-fit.ts';

/**
 * A fitted covariate model with the data it was fitted on (for predictions).
 *
 * @example
 * const fit: CovariateFit = fitWithCovariates({ model: 'paretonbd', summary, table, covariates: readCovariates('cov.csv') });
 * fit.fitted.coefficients;
 */
export type CovariateFit =
  | { kind: 'static'; fitted: ParetoNbdCovariateModel | BgNbdCovariateModel; matrix: CovariateMatrix; warnings: string[] }
  | { kind: 'dynamic'; fitted: ParetoNbdDynamicModel; data: DynamicCovariateData; warnings: string[] };

/**
 * Inputs of `fitWithCovariates`: the summary (`unit: 'day'` and the table for time-varying
 * covariates), the covariate file, the model and which covariates go where.
 *
 * @example
 * const input: CovariateFitInput = { model: 'paretonbd', summary, table, covariates, spec: { constrained: ['Gender'] } };
 */
export interface CovariateFitInput {
  model: 'paretonbd' | 'bgnbd' | string;
  summary: Pick<CustomerSummary, 'customerIds' | 'frequency' | 'recency' | 'T'> & Partial<CustomerSummary>;
  table?: TransactionTable;
  covariates: CovariateFile;
  spec?: CovariateSpec;
  reference?: Record<string, string>;
}

/**
 * Fits the model with the covariates of a file; static or time-varying by the file's columns.
 *
 * @example
 * const fit = fitWithCovariates({ model: 'paretonbd', summary, table, covariates: readCovariates('apparelDynCov.csv') });
 * fit.kind; // 'dynamic'
 */
export function fitWithCovariates(input: CovariateFitInput): CovariateFit {
  const { summary, covariates, spec = {} } = input;
  const warnings: string[] = [];
  if (input.model !== 'paretonbd' && input.model !== 'bgnbd') {
    throw new ClvkitError(`covariates are available for the Pareto/NBD (static and time-varying) and the BG/NBD (static), not for --model ${input.model}`);
  }
  if (covariates.kind === 'static') {
    const { matrix, unused } = alignCovariates(covariateMatrix(covariates, { reference: input.reference }), summary.customerIds, covariates.file);
    if (unused > 0) warnings.push(`${unused} row(s) of ${covariates.file} are for customers not in the transactions and are not used`);
    for (const [col, ref] of Object.entries(matrix.reference)) warnings.push(`categorical covariate "${col}": indicators against the reference level "${ref}"`);
    const fitted = input.model === 'paretonbd' ? fitParetoNbdCovariates(summary, matrix, spec) : fitBgNbdCovariates(summary, matrix, spec);
    return { kind: 'static', fitted, matrix, warnings: [...warnings, ...fitted.warnings] };
  }
  if (input.model !== 'paretonbd') throw new ClvkitError('time-varying covariates are available for the Pareto/NBD (--model paretonbd) only (Bachmann, Meierer & Näf 2021)', { file: covariates.file });
  if (!input.table || summary.firstPurchase === undefined || summary.end === undefined || summary.freq === undefined) {
    throw new ClvkitError('time-varying covariates need a transaction file (the dates of the purchases), not a summary file', { file: covariates.file });
  }
  const panel = covariatePanel({ ...covariates, dates: covariates.dates! }, { reference: input.reference });
  const end = summary.calibrationEnd ?? summary.end;
  const data = dynamicCovariateData(
    panel,
    {
      customerIds: summary.customerIds,
      frequency: summary.frequency,
      recency: summary.recency,
      T: summary.T,
      firstPurchase: summary.firstPurchase,
      repeatPurchaseDays: repeatPurchaseDays(input.table, summary as CustomerSummary),
      end,
    },
    unitDays(summary.freq),
  );
  const unused = panel.customerIds.length - summary.customerIds.length;
  if (unused > 0) warnings.push(`${unused} customer(s) of ${covariates.file} are not in the transactions and are not used`);
  for (const [col, ref] of Object.entries(panel.reference)) warnings.push(`categorical covariate "${col}": indicators against the reference level "${ref}"`);
  const fitted = fitParetoNbdDynamic(data, spec);
  return { kind: 'dynamic', fitted, data, warnings: [...warnings, ...fitted.warnings] };
}

/**
 * Per-customer predictions (the rows of `clvkit predict`) of a covariate fit.
 *
 * @example
 * const rows = predictWithCovariates(fit, summary, { horizon: 52, rate: ratePerUnit(0.1, 'week') });
 */
export function predictWithCovariates(
  fit: CovariateFit,
  summary: { customerIds: string[]; frequency: ArrayLike<number>; recency: ArrayLike<number>; T: ArrayLike<number>; monetaryValue?: ArrayLike<number> },
  options: { horizon: number; rate: number; margin?: number; spend?: SpendModel },
): CustomerPrediction[] {
  if (fit.kind === 'static') return fit.fitted.predictCustomers(summary, fit.matrix, options);
  return fit.fitted.predictCustomers({ ...options, monetaryValue: summary.monetaryValue });
}

/**
 * The warning a time-varying prediction carries when its horizon runs past the covariates given:
 * each customer's last value is held from there on.
 *
 * @example
 * heldCovariatesWarning(fit, 52, 7, end); // undefined when the panel covers the horizon
 */
export function heldCovariatesWarning(fit: CovariateFit, horizon: number, daysPerUnit: number, end: number): string | undefined {
  if (fit.kind !== 'dynamic') return undefined;
  if (end + horizon * daysPerUnit <= fit.data.panelEnd) return undefined;
  return `time-varying covariates: the horizon runs past the covariates given (the last period ends ${formatDay(fit.data.panelEnd)}); each customer's last value is held from there on (give --future-covariates for planned values)`;
}

/**
 * The JSON document of `fit --covariates --json`.
 *
 * @example
 * JSON.stringify(covariateFitJson(fit));
 */
export function covariateFitJson(fit: CovariateFit): Record<string, unknown> {
  const f = fit.fitted;
  return {
    model: f.model,
    covariates: fit.kind,
    params: f.params,
    standardErrors: f.standardErrors,
    coefficients: f.coefficients,
    logLikelihood: f.logLikelihood,
    converged: f.converged,
    customers: f.customers,
    parameters: f.parameters,
    aic: f.aic,
    bic: f.bic,
    iterations: f.iterations,
    design: f.design,
    reference: f.reference,
    warnings: fit.warnings,
  };
}
