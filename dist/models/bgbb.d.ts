import type { FitOptions, FitResultBase } from './types.ts';
/**
 * BG/BB parameters: p ~ Beta(alpha, beta), theta ~ Beta(gamma, delta).
 *
 * @example
 * const p: BgBbParams = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 */
export interface BgBbParams extends Record<string, number> {
    alpha: number;
    beta: number;
    gamma: number;
    delta: number;
}
/**
 * Columnar BG/BB input, like donations.csv: `frequency,recency,periods[,weights]`.
 *
 * @example
 * const data: BgBbData = { frequency: [0, 1, 6], recency: [0, 1, 6], periods: [6, 6, 6], weights: [3464, 1091, 1203] };
 */
export interface BgBbData {
    frequency: ArrayLike<number>;
    recency: ArrayLike<number>;
    periods: ArrayLike<number>;
    weights?: ArrayLike<number>;
}
/**
 * One customer's history: x repeat transactions, the last at opportunity t_x, out of n opportunities.
 * `periods` (n) may be given as `T` (the CLI's common row shape).
 *
 * @example
 * const row: BgBbRow = { frequency: 3, recency: 5, periods: 6 };
 */
export interface BgBbRow {
    frequency: number;
    recency: number;
    periods?: number;
    T?: number;
}
/**
 * A fitted (or parameterised) BG/BB model and its predictions, all in opportunities (periods).
 *
 * @example
 * const m = bgBbModel({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
 * m.conditionalExpectedTransactions(5, { frequency: 6, recency: 6, periods: 6 });
 */
export interface BgBbModel extends FitResultBase<BgBbParams> {
    model: 'bgbb';
    /** E[X(n)]: expected transactions of a new customer over n opportunities. */
    expectedTransactions(n: number): number;
    /** E[X(n, n + nStar) | x, t_x, n]: expected transactions in the next nStar opportunities. */
    conditionalExpectedTransactions(nStar: number, row: BgBbRow): number;
    /** P(alive at opportunity n + 1 | x, t_x, n). */
    probabilityAlive(row: BgBbRow): number;
    /** P(X(n) = x) for a new customer. */
    probabilityOfTransactions(x: number, n: number): number;
    /** P(X(n, n + nStar) = xStar | x, t_x, n): probability of xStar transactions in the next nStar opportunities. */
    conditionalProbabilityOfTransactions(xStar: number, nStar: number, row: BgBbRow): number;
    /** DERT(d | x, t_x, n): discounted expected residual transactions, discount rate d per period. */
    discountedExpectedResidualTransactions(row: BgBbRow, discountRate: number): number;
    /** Log-likelihood of one history, log L(alpha, beta, gamma, delta | x, t_x, n). */
    logLikelihoodOf(row: BgBbRow): number;
}
/**
 * Why (x, t_x, n) is not a valid BG/BB history, or undefined.
 *
 * @example
 * checkBgBbRow(3, 2, 6); // 'frequency (3) cannot exceed recency (2): ...'
 */
export declare function checkBgBbRow(x: number, tx: number, n: number): string | undefined;
/**
 * log L(alpha, beta, gamma, delta | x, t_x, n) (Fader, Hardie & Shang 2010, §3: the model likelihood):
 * B(a+x, b+n-x)/B(a,b) * B(g, d+n)/B(g,d) + sum_{i=0}^{n-t_x-1} B(a+x, b+t_x-x+i)/B(a,b) * B(g+1, d+t_x+i)/B(g,d),
 * summed in log space. With `grad` (length 4), also its gradient wrt (alpha, beta, gamma, delta).
 *
 * @example
 * bgBbLogLikelihoodRow({ alpha: 1, beta: 1, gamma: 1, delta: 1 }, 0, 0, 1); // log(1/2 * 1/2 + 1/2) = log(0.75)
 */
export declare function bgBbLogLikelihoodRow(p: BgBbParams, x: number, tx: number, n: number, grad?: Float64Array): number;
/**
 * A BG/BB model from known parameters (no fit).
 *
 * @example
 * const m = bgBbModel({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
 * m.probabilityAlive({ frequency: 3, recency: 4, periods: 6 });
 */
export declare function bgBbModel(params: BgBbParams, fit?: Omit<FitResultBase<BgBbParams>, 'params' | 'model'>): BgBbModel;
/**
 * Collapse BG/BB rows to unique (x, t_x, n) with summed weights; validates every row
 * (a ClvkitError names the row, 1-based).
 *
 * @example
 * compressBgBb({ frequency: [1, 1], recency: [2, 2], periods: [6, 6] }); // one row of weight 2
 */
export declare function compressBgBb(data: BgBbData): {
    x: number[];
    tx: number[];
    n: number[];
    w: number[];
};
/**
 * Fit the BG/BB by maximum likelihood (FHS 2010 §3 likelihood, summed over weighted rows), with analytic gradients.
 *
 * @example
 * const fitted = fitBgBb({ frequency, recency, periods, weights }); // donations.csv
 * fitted.params; // { alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783 }
 * fitted.discountedExpectedResidualTransactions({ frequency: 6, recency: 6, periods: 6 }, 0.1);
 */
export declare function fitBgBb(data: BgBbData, options?: FitOptions): BgBbModel;
//# sourceMappingURL=bgbb.d.ts.map