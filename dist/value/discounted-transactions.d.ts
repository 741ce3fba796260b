import type { SummaryData } from '../models/types.ts';
import { type ValueModel } from './value-model.ts';
/** How discounted expected transactions are computed. */
export type DertMethod = 'auto' | 'closed-form' | 'integral';
/** Options of {@link discountedExpectedTransactions}. */
export interface DiscountedTransactionsOptions {
    /** Horizon in the model's time unit (Infinity for the whole residual lifetime). */
    horizon: number;
    /** Annual discount rate, e.g. 0.1. */
    annualDiscount: number;
    /** Days in one model time unit (7 for weeks; for BG/BB, the length of one transaction opportunity). */
    unitDays: number;
    /**
     * 'closed-form': the model's DERT (Pareto/NBD: Fader, Hardie & Lee 2005b eq. 2; BG/BB: Fader, Hardie &
     * Shang 2010 eq. 14), infinite horizon only; 'integral': numerical (see discountNodes; for BG/BB the
     * exact sum over periods); 'auto' (default): the closed form when the horizon is infinite and the model
     * has one, the integral otherwise.
     */
    method?: DertMethod;
    /**
     * Integral path of BG/NBD, MBG/NBD and Pareto/NBD: sum the time profile once per distinct (x, T) (T for
     * Pareto/NBD) and scale by P(alive) per row (see factored.ts); default true. False evaluates E[Y(t) | row]
     * per row and node (the general path, kept as a cross-check).
     */
    factorise?: boolean;
}
/** Result of {@link discountedExpectedTransactions}. */
export interface DiscountedTransactions {
    /** One value per customer. */
    values: Float64Array;
    /** Rate per model unit: continuous delta for continuous-time models, discrete d per period for BG/BB. */
    rate: number;
    rateKind: 'continuous' | 'discrete';
    method: 'closed-form' | 'integral';
}
/**
 * Discounted expected (residual) transactions of every customer over a horizon.
 *
 * Continuous-time models (BG/NBD, MBG/NBD, Pareto/NBD): ∫_0^H e^{−δt} dE[Y(t)] with
 * δ = ln(1 + d) · unitDays / 365.25 (so e^{−δt} equals annual compounding at d exactly); with a rate of 0 this
 * is E[Y(H)] itself. BG/BB (discrete opportunities): Σ_{k=1}^{H} (E[Y(k)] − E[Y(k−1)]) / (1 + d_p)^k with
 * d_p = (1 + d)^(unitDays / 365.25) − 1 per period, the first future opportunity discounted once, as in
 * FHS 2010 eq. 14; H must then be a whole number of periods.
 *
 * @example
 * const det = discountedExpectedTransactions(paretoNbd, summary, { horizon: Infinity, annualDiscount: 0.1, unitDays: 7 });
 * det.values[0]; det.method; // 'closed-form'
 */
export declare function discountedExpectedTransactions(model: ValueModel, data: SummaryData, o: DiscountedTransactionsOptions): DiscountedTransactions;
/**
 * As {@link discountedExpectedTransactions}; on the factorised path also E[Y(H) | row] (when `withExpected`
 * and H is finite) and P(alive), which it computes on the way.
 */
export declare function discountedWithExtras(model: ValueModel, data: SummaryData, o: DiscountedTransactionsOptions, withExpected: boolean): DiscountedTransactions & {
    expected?: Float64Array;
    probabilityAlive?: Float64Array;
};
//# sourceMappingURL=discounted-transactions.d.ts.map