import type { SummaryData } from '../models/types.ts';
import { type DertMethod } from './discounted-transactions.ts';
import { type HorizonUnit } from './units.ts';
import { type ValueModel } from './value-model.ts';
/** The spend model CLV uses: Gamma-Gamma's conditional expected spend per transaction. */
export interface SpendModel {
    conditionalExpectedAverageSpend(frequency: number, monetaryValue: number): number;
}
/** Options of {@link customerValue}. */
export interface CustomerValueOptions {
    /** Horizon in `horizonUnit`, or 'infinite' (the whole residual lifetime; needs a discount above 0). */
    horizon: number | 'infinite';
    /** Unit of the horizon (default: the model's unit). */
    horizonUnit?: HorizonUnit;
    /** Days in the model's time unit (the summary's `freq`: 7 for weeks, 365.25/12 for months). */
    modelUnitDays: number;
    /** Annual discount rate (default 0.10), converted exactly to the model's unit (see units.ts). */
    annualDiscount?: number;
    /** Margin on spend: one number (default 1) or one per customer. */
    margin?: number | ArrayLike<number>;
    /** Gamma-Gamma model (expected spend E[M | x, m̄] per customer), or the expected spend per customer. */
    spend: SpendModel | ArrayLike<number>;
    method?: DertMethod;
    /** See DiscountedTransactionsOptions.factorise (default true). */
    factorise?: boolean;
}
/** Per-customer value, in input order. */
export interface CustomerValue {
    /** discountedTransactions × expectedSpend × margin. */
    clv: Float64Array;
    discountedTransactions: Float64Array;
    /** Undiscounted E[Y(H) | x, t_x, T] over the horizon (NaN for an infinite horizon). */
    expectedTransactions: Float64Array;
    expectedSpend: Float64Array;
    probabilityAlive: Float64Array;
    margin: Float64Array;
    /** The horizon in model units. */
    horizon: number;
    rate: number;
    rateKind: 'continuous' | 'discrete';
    method: 'closed-form' | 'integral';
}
/**
 * Customer lifetime value per customer = discounted expected residual transactions × expected spend per
 * transaction × margin (Fader, Hardie & Lee 2005b, "RFM and CLV", JMR 42(4), §"Linking RFM to CLV":
 * CLV = margin × E[M] × DERT). The spend is Gamma-Gamma's E[M | x, m̄] (FHL 2005b eq. 6) — for a customer
 * without repeat purchases, the population mean — and the transactions come from `discountedExpectedTransactions`.
 * With `annualDiscount: 0` and a finite horizon, clv / (margin × spend) is exactly E[Y(H) | x, t_x, T].
 *
 * @example
 * const v = customerValue(fitBgNbd(summary), summary, {
 *   horizon: 12, horizonUnit: 'month', modelUnitDays: 7, annualDiscount: 0.1, margin: 0.3, spend: fitGammaGamma(summary),
 * });
 * v.clv[0];
 */
export declare function customerValue(model: ValueModel, data: SummaryData & {
    monetaryValue?: ArrayLike<number>;
}, o: CustomerValueOptions): CustomerValue;
//# sourceMappingURL=customer-value.d.ts.map