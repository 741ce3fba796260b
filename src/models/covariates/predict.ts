/**
 * Per-customer predictions of a covariate model: each customer gets the model of their own
 * parameters (the base parameters moved by their covariates); customers sharing a covariate vector
 * share one model object.
 */
import { ClvkitError } from '../../errors.ts';
import type { SummaryData } from '../../types.ts';
import type { TransactionModel } from '../bgnbd.ts';
import { predictCustomers, type CustomerPrediction, type SpendModel } from '../discounting.ts';
import type { CovariateMatrix } from './design.ts';

/**
 * Prediction methods that take each customer's covariates.
 *
 * @example
 * const pa = model.probabilityAliveAll(summary, matrix);     // one per customer
 * const rows = model.predictCustomers(summary, matrix, { horizon: 52, rate: 0.0018 });
 */
export interface CovariatePredictions {
  /** The customer's own model (base parameters moved by covariates `z`, design order). */
  customerModel(z: ArrayLike<number>): TransactionModel;
  probabilityAliveAll(data: SummaryData, matrix: CovariateMatrix): Float64Array;
  conditionalExpectedTransactionsAll(t: number, data: SummaryData, matrix: CovariateMatrix): Float64Array;
  /** The rows of `clvkit predict` (expected transactions, P(alive), spend and CLV) with covariates. */
  predictCustomers(
    data: SummaryData & { customerIds?: string[]; monetaryValue?: ArrayLike<number> },
    matrix: CovariateMatrix,
    options: { horizon: number; rate: number; margin?: number; spend?: SpendModel },
  ): CustomerPrediction[];
}

/** Groups rows by covariate vector: key → row indices. */
function groupRows(matrix: CovariateMatrix, n: number): Map<string, number[]> {
  if (matrix.rows !== n) throw new ClvkitError(`${matrix.rows} covariate rows for ${n} customers`);
  const k = matrix.names.length;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    let key = '';
    for (let c = 0; c < k; c++) key += matrix.values[i * k + c] + '|';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  }
  return groups;
}

/**
 * Builds the covariate-aware prediction methods from a parameter map and a family's predictions.
 *
 * @example
 * const preds = covariatePredictions(fit.customerParams, (p) => paretoNbdPredictions(p as ParetoNbdParams));
 */
export function covariatePredictions(
  customerParams: (z: ArrayLike<number>) => Record<string, number>,
  family: (params: Record<string, number>) => TransactionModel,
): CovariatePredictions {
  const customerModel = (z: ArrayLike<number>) => family(customerParams(z));
  const perGroup = (data: SummaryData, matrix: CovariateMatrix, f: (m: TransactionModel, sub: SummaryData) => Float64Array): Float64Array => {
    const n = data.frequency.length;
    const out = new Float64Array(n);
    const k = matrix.names.length;
    for (const rows of groupRows(matrix, n).values()) {
      const m = customerModel(matrix.values.subarray(rows[0] * k, rows[0] * k + k));
      const pick = (a: ArrayLike<number>) => Float64Array.from(rows, (i) => a[i]);
      const v = f(m, { frequency: pick(data.frequency), recency: pick(data.recency), T: pick(data.T) });
      rows.forEach((i, j) => (out[i] = v[j]));
    }
    return out;
  };
  return {
    customerModel,
    probabilityAliveAll: (data, matrix) => perGroup(data, matrix, (m, sub) => m.probabilityAliveAll(sub)),
    conditionalExpectedTransactionsAll: (t, data, matrix) => perGroup(data, matrix, (m, sub) => m.conditionalExpectedTransactionsAll(t, sub)),
    predictCustomers(data, matrix, options) {
      const n = data.frequency.length;
      const out: CustomerPrediction[] = new Array(n);
      const k = matrix.names.length;
      for (const rows of groupRows(matrix, n).values()) {
        const m = customerModel(matrix.values.subarray(rows[0] * k, rows[0] * k + k));
        const pick = (a: ArrayLike<number>) => Float64Array.from(rows, (i) => a[i]);
        const sub = {
          customerIds: rows.map((i) => (data.customerIds ? data.customerIds[i] : String(i + 1))),
          frequency: pick(data.frequency),
          recency: pick(data.recency),
          T: pick(data.T),
          monetaryValue: data.monetaryValue ? pick(data.monetaryValue) : undefined,
        };
        const preds = predictCustomers(m, sub, options);
        rows.forEach((i, j) => (out[i] = preds[j]));
      }
      return out;
    },
  };
}
