import type { SummaryRow } from '../types.ts';
import type { SummaryData } from '../models/types.ts';
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
    conditionalExpectedTransactions(t: number, row: SummaryRow & {
        periods?: number;
    }): number;
    probabilityAlive(row: SummaryRow & {
        periods?: number;
    }): number;
    conditionalExpectedTransactionsAll?(t: number, data: SummaryData): Float64Array;
    probabilityAliveAll?(data: SummaryData): Float64Array;
    /** Infinite-horizon DERT: continuous rate per unit (Pareto/NBD) or discrete rate per period (BG/BB). */
    discountedExpectedResidualTransactions?(row: SummaryRow & {
        periods?: number;
    }, rate: number): number;
}
/**
 * Whether the model works in discrete transaction opportunities (BG/BB) rather than continuous time.
 *
 * @example
 * isDiscreteTime({ model: 'bgbb' } as ValueModel); // true
 */
export declare function isDiscreteTime(model: Pick<ValueModel, 'model'>): boolean;
/**
 * Row i of a summary as the model's row (BG/BB reads `periods`, given as T).
 *
 * @example
 * rowAt({ frequency: [2], recency: [30], T: [39] }, 0); // { frequency: 2, recency: 30, T: 39, periods: 39 }
 */
export declare function rowAt(data: SummaryData, i: number): SummaryRow & {
    periods: number;
};
/**
 * E[Y(t) | row] for every customer (vectorised when the model can).
 *
 * @example
 * conditionalAll(model, summary, 52); // Float64Array, one per customer
 */
export declare function conditionalAll(model: ValueModel, data: SummaryData, t: number): Float64Array;
/**
 * P(alive) for every customer (vectorised when the model can).
 *
 * @example
 * aliveAll(model, summary); // Float64Array
 */
export declare function aliveAll(model: ValueModel, data: SummaryData): Float64Array;
//# sourceMappingURL=value-model.d.ts.map