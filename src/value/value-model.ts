import type { SummaryRow } from '../types.ts';
import type { SummaryData } from '../types.ts';

/**
 * The parts of a fitted transaction model that customer value needs: the common interface of
 * BG/NBD, MBG/NBD, Pareto/NBD and BG/BB (DESIGN.md §2). The vectorised methods and the closed-form
 * DERT are used when the model has them.
 *
 * @example
 * const m: ValueModel = fitBgNbd(summary);
 */
export interface ValueModel {
  model: string;
  params: Record<string, number>;
  conditionalExpectedTransactions(t: number, row: SummaryRow & { periods?: number }): number;
  probabilityAlive(row: SummaryRow & { periods?: number }): number;
  conditionalExpectedTransactionsAll?(t: number, data: SummaryData): Float64Array;
  probabilityAliveAll?(data: SummaryData): Float64Array;
  /** Infinite-horizon DERT: continuous rate per unit (Pareto/NBD) or discrete rate per period (BG/BB). */
  discountedExpectedResidualTransactions?(row: SummaryRow & { periods?: number }, rate: number): number;
}

/**
 * Whether the model works in discrete transaction opportunities (BG/BB) rather than continuous time.
 *
 * @example
 * isDiscreteTime({ model: 'bgbb' } as ValueModel); // true
 */
export function isDiscreteTime(model: Pick<ValueModel, 'model'>): boolean {
  return model.model === 'bgbb';
}

/**
 * Row i of a summary as the model's row (BG/BB reads `periods`, given as T).
 *
 * @example
 * rowAt({ frequency: [2], recency: [30], T: [39] }, 0); // { frequency: 2, recency: 30, T: 39, periods: 39 }
 */
export function rowAt(data: SummaryData, i: number): SummaryRow & { periods: number } {
  return { frequency: data.frequency[i], recency: data.recency[i], T: data.T[i], periods: data.T[i] };
}

/**
 * E[Y(t) | row] for every customer (vectorised when the model can).
 *
 * @example
 * conditionalAll(model, summary, 52); // Float64Array, one per customer
 */
export function conditionalAll(model: ValueModel, data: SummaryData, t: number): Float64Array {
  if (model.conditionalExpectedTransactionsAll) return model.conditionalExpectedTransactionsAll(t, data);
  const n = data.frequency.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = model.conditionalExpectedTransactions(t, rowAt(data, i));
  return out;
}

/**
 * P(alive) for every customer (vectorised when the model can).
 *
 * @example
 * aliveAll(model, summary); // Float64Array
 */
export function aliveAll(model: ValueModel, data: SummaryData): Float64Array {
  if (model.probabilityAliveAll) return model.probabilityAliveAll(data);
  const n = data.frequency.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = model.probabilityAlive(rowAt(data, i));
  return out;
}
