import type { SummaryData } from '../models/types.ts';
import { type CustomerValueOptions, type SpendModel } from './customer-value.ts';
import type { ValueModel } from './value-model.ts';
/** Summary columns the bootstrap resamples (the full CustomerSummary fits). */
export type EquityData = SummaryData & {
    monetaryValue?: ArrayLike<number>;
};
/** Options of {@link bootstrapEquity}. */
export interface EquityBootstrapOptions {
    /** The full-sample transaction model (its CLV is the point estimate; its params start each refit). */
    model: ValueModel;
    /** Refit the transaction model on a weighted resample; `initial` holds the full-sample params. */
    fitTransactions(data: SummaryData, initial: Record<string, number>): ValueModel;
    /** The full-sample spend model, or fixed expected spend per customer (then spend is not refit). */
    spend: SpendModel | ArrayLike<number>;
    /** Refit the spend model on a weighted resample (needed when `spend` is a model). */
    fitSpend?(data: {
        frequency: ArrayLike<number>;
        monetaryValue: ArrayLike<number>;
        weights: ArrayLike<number>;
    }, initial?: Record<string, number>): SpendModel;
    /** CLV options (horizon, units, discount, margin, method) without the spend. */
    value: Omit<CustomerValueOptions, 'spend'>;
    /** Bootstrap draws (default 200). */
    draws?: number;
    /** Interval level (default 0.9). */
    level?: number;
    /** Seed of the resampling (default 1). */
    seed?: number;
    /** Keep every draw of every customer's CLV for per-customer intervals (default true; B × n floats). */
    customerIntervals?: boolean;
    onProgress?(done: number, total: number): void;
}
/** Customer equity with its bootstrap intervals. */
export interface EquityEstimate {
    /** Σ CLV over the customers with the full-sample fit. */
    equity: number;
    /**
     * Percentile interval of Σ_i CLV_i(θ_b) over the original customers with the refitted parameters θ_b:
     * the parameter uncertainty of the equity of this portfolio, consistent with the per-customer intervals.
     */
    lower: number;
    upper: number;
    /**
     * Percentile interval of the resampled portfolios' own equity Σ_{i in resample b} CLV_i(θ_b): adds the
     * sampling of customers, i.e. the uncertainty about a portfolio of n customers drawn from the same base.
     */
    resampledLower: number;
    resampledUpper: number;
    level: number;
    /** Successful draws, and draws whose refit failed (skipped). */
    draws: number;
    failedDraws: number;
    /** Equity of the original customers at each successful draw. */
    equityDraws: Float64Array;
    /** Per-customer CLV and its percentile interval (when customerIntervals). */
    clv: Float64Array;
    customerLower?: Float64Array;
    customerUpper?: Float64Array;
}
/**
 * Customer equity (Σ CLV; Gupta, Lehmann & Stuart 2004, "Valuing customers", JMR 41(1)) with a
 * nonparametric bootstrap over customers (Efron & Tibshirani 1993, ch. 6 and 13, percentile interval):
 * each draw resamples n customers with replacement (as multinomial weights on the summary rows), refits
 * the transaction and spend models, and recomputes every original customer's CLV with the refitted
 * parameters; the same draws give the per-customer intervals. Seeded: the same seed gives the same draws.
 * A draw whose refit fails is skipped and counted; more than half failing is an error.
 *
 * @example
 * const eq = bootstrapEquity(summary, {
 *   model: fitBgNbd(summary), fitTransactions: (d, init) => fitBgNbd(d, { initial: init }),
 *   spend: gg, fitSpend: (d, init) => fitGammaGamma(d, { initial: init }),
 *   value: { horizon: 12, horizonUnit: 'month', modelUnitDays: 7 }, draws: 200, level: 0.9, seed: 1,
 * });
 * eq.equity; eq.lower; eq.upper;
 */
export declare function bootstrapEquity(data: EquityData, o: EquityBootstrapOptions): EquityEstimate;
//# sourceMappingURL=bootstrap-equity.d.ts.map