import { importOptional } from '../optional.ts';
import { ClvkitError } from '../errors.ts';
import type { CustomerSummary, PeriodUnit } from '../types.ts';

/**
 * DataFrame interop with danfojs-node, for notebooks and users who hold their data in DataFrames.
 * danfo (and TensorFlow.js under it) is imported only when these functions are called, and never
 * on the hot path: its groupby takes minutes at 100k customers, so clvkit summarises on typed arrays.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DataFrame = any;

async function danfo(): Promise<{ DataFrame: new (data: Record<string, unknown[]>) => DataFrame }> {
  return importOptional('danfojs-node', 'DataFrame interop', ' (on a network that reaches only the npm registry, add the overrides of docs/dataframe.md first)');
}

/**
 * A CustomerSummary as a danfo DataFrame with the snake_case columns of `clvkit summary --out`.
 *
 * @example
 * const df = await toDataFrame(summary);
 * df.head().print();
 */
export async function toDataFrame(summary: CustomerSummary): Promise<DataFrame> {
  const { DataFrame } = await danfo();
  const columns: Record<string, unknown[]> = {
    customer_id: summary.customerIds.slice(),
    frequency: Array.from(summary.frequency),
    recency: Array.from(summary.recency),
    T: Array.from(summary.T),
    monetary_value: Array.from(summary.monetaryValue),
    transactions: Array.from(summary.transactions),
    total_spend: Array.from(summary.totalSpend),
  };
  if (summary.holdoutFrequency) {
    columns.holdout_frequency = Array.from(summary.holdoutFrequency);
    columns.holdout_monetary_value = Array.from(summary.holdoutMonetaryValue!);
    columns.holdout_T = Array.from(summary.holdoutT!);
  }
  return new DataFrame(columns);
}

/**
 * A CustomerSummary from a DataFrame with columns frequency, recency, T and optionally customer_id,
 * monetary_value (or the literature's x, t_x, T, zbar). The time unit is the caller's (`freq`).
 *
 * @example
 * const summary = summaryFromDataFrame(df, { freq: 'week' });
 * fitBgNbd(summary);
 */
export function summaryFromDataFrame(df: DataFrame, options: { freq?: PeriodUnit } = {}): CustomerSummary {
  const names: string[] = df.columns;
  const pick = (...aliases: string[]) => aliases.find((a) => names.includes(a));
  const numeric = (col: string | undefined, what: string, required: boolean): Float64Array => {
    if (col === undefined) {
      if (required) throw new ClvkitError(`the DataFrame has no ${what} column; columns found: ${names.join(', ')}`);
      return new Float64Array(df.shape[0]);
    }
    const values: unknown[] = df[col].values;
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = Number(values[i]);
      if (!Number.isFinite(v) || v < 0) throw new ClvkitError(`DataFrame row ${i}, column "${col}": expected a non-negative number, got ${String(values[i])}`);
      out[i] = v;
    }
    return out;
  };
  const frequency = numeric(pick('frequency', 'x'), 'frequency (or x)', true);
  const recency = numeric(pick('recency', 't_x'), 'recency (or t_x)', true);
  const T = numeric(pick('T', 't'), 'T', true);
  const monetaryValue = numeric(pick('monetary_value', 'monetaryValue', 'zbar'), 'monetary value', false);
  for (let i = 0; i < T.length; i++) {
    if (recency[i] > T[i]) throw new ClvkitError(`DataFrame row ${i}: recency ${recency[i]} is greater than T ${T[i]}`);
  }
  const idCol = pick('customer_id', 'ID', 'id');
  const customerIds = idCol ? (df[idCol].values as unknown[]).map(String) : Array.from({ length: T.length }, (_, i) => String(i + 1));
  const n = T.length;
  const transactions = new Int32Array(n);
  const totalSpend = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    transactions[i] = frequency[i] + 1;
    totalSpend[i] = monetaryValue[i] * frequency[i];
  }
  return {
    customerIds,
    frequency,
    recency,
    T,
    monetaryValue,
    // Calendar dates are not part of a summary DataFrame; -1 marks them unknown.
    firstPurchase: new Int32Array(n).fill(-1),
    lastPurchase: new Int32Array(n).fill(-1),
    transactions,
    totalSpend,
    unit: 'day',
    freq: options.freq ?? 'week',
    end: -1,
  };
}
