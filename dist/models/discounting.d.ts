/**
 * Anything with the common conditional-expectation method (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB).
 *
 * @example
 * const constant: ConditionalExpectationModel<object> = { conditionalExpectedTransactions: (t) => 0.2 * t };
 */
export interface ConditionalExpectationModel<R> {
    conditionalExpectedTransactions(t: number, row: R): number;
}
/**
 * Days in a time unit: a year is 365.25 days, a month 365.25/12, a week 7.
 *
 * @example
 * UNIT_DAYS.month; // 30.4375
 */
export declare const UNIT_DAYS: {
    readonly day: 1;
    readonly week: 7;
    readonly month: number;
    readonly year: 365.25;
};
/**
 * @example
 * const unit: TimeUnit = 'week';
 */
export type TimeUnit = keyof typeof UNIT_DAYS;
/**
 * Convert an annual discount rate to the rate per model unit, exactly: (1 + annual)^(days / 365.25) - 1.
 *
 * @example
 * ratePerUnit(0.1, 'week'); // 1.1^(7/365.25) - 1 = 0.001828...
 * ratePerUnit(0.1, 'year'); // 0.1
 */
export declare function ratePerUnit(annualRate: number, unit: TimeUnit): number;
/**
 * Discounted expected transactions of one customer over (0, horizon] in model units: the sum over
 * periods k = 1..ceil(horizon) of the period's expected transactions discounted by (1 + rate)^min(k, horizon).
 *
 * @example
 * const det = discountedConditionalExpectedTransactions(bgnbd, { frequency: 2, recency: 30.43, T: 38.86 }, 52, ratePerUnit(0.1, 'week'));
 */
export declare function discountedConditionalExpectedTransactions<R>(model: ConditionalExpectationModel<R>, row: R, horizon: number, rate: number): number;
/**
 * Per-customer predictions of a transaction model (and optionally a spend model) over a horizon:
 * the rows of `clvkit predict` (DESIGN.md §3). `clv` = discounted expected transactions over the horizon
 * x expected spend x margin; with rate 0 it is expected_transactions x expected_spend x margin.
 *
 * @example
 * const row: CustomerPrediction = { customer_id: 'A', frequency: 2, recency: 30, T: 39, expected_transactions: 1.2, probability_alive: 0.7 };
 */
export interface CustomerPrediction {
    customer_id: string;
    frequency: number;
    recency: number;
    T: number;
    expected_transactions: number;
    probability_alive: number;
    expected_spend?: number;
    clv?: number;
}
/**
 * The parts of a fitted transaction model predictCustomers uses.
 *
 * @example
 * const m: PredictiveModel = fitBgNbd(summary);
 */
export interface PredictiveModel {
    conditionalExpectedTransactions(t: number, row: {
        frequency: number;
        recency: number;
        T: number;
        periods?: number;
    }): number;
    probabilityAlive(row: {
        frequency: number;
        recency: number;
        T: number;
        periods?: number;
    }): number;
}
/**
 * The part of a fitted Gamma-Gamma model predictCustomers uses.
 *
 * @example
 * const s: SpendModel = fitGammaGamma({ frequency, monetaryValue });
 */
export interface SpendModel {
    conditionalExpectedAverageSpend(frequency: number, monetaryValue: number): number;
}
/**
 * Predictions for every customer of a summary.
 *
 * @example
 * const rows = predictCustomers(bgnbd, summary, { horizon: 52, rate: ratePerUnit(0.1, 'week'), spend: gg });
 * rows[0].expected_transactions; rows[0].clv;
 */
export declare function predictCustomers(model: PredictiveModel, data: {
    customerIds?: string[];
    frequency: ArrayLike<number>;
    recency: ArrayLike<number>;
    T: ArrayLike<number>;
    monetaryValue?: ArrayLike<number>;
}, options: {
    horizon: number;
    rate: number;
    margin?: number;
    spend?: SpendModel;
}): CustomerPrediction[];
//# sourceMappingURL=discounting.d.ts.map