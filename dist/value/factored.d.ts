import type { SummaryData } from '../models/types.ts';
import { type ValueModel } from './value-model.ts';
/** Result of {@link factoredTransactions}: per row of the data. */
export interface FactoredTransactions {
    /** Σ_j w_j E[Y(t_j) | row]. */
    values: Float64Array;
    /** E[Y(H) | row] (only when a horizon was asked for). */
    expected?: Float64Array;
    probabilityAlive: Float64Array;
}
/**
 * Σ_j weights_j · E[Y(times_j) | row] for every row (and E[Y(horizon) | row] when `horizon` is given), by the
 * factorisation above, or undefined when the model has none or does not match it on a few sample rows
 * (then the caller takes the general path).
 *
 * @example
 * const f = factoredTransactions(fitBgNbd(summary), summary, discountNodes(52, 0.0018), 52);
 * f?.values[0];
 */
export declare function factoredTransactions(model: ValueModel, data: SummaryData, nodes: {
    times: Float64Array;
    weights: Float64Array;
}, horizon?: number): FactoredTransactions | undefined;
//# sourceMappingURL=factored.d.ts.map