/**
 * Expected transactions on a calendar grid.
 *
 * @example
 * const curve: TrackingCurve = expectedCumulativeTransactions(model, [0, 0, 1.5], 10, 1);
 * curve.times; curve.cumulative; curve.incremental;
 */
export interface TrackingCurve {
    /** Grid times from 0 to the horizon (inclusive), in model units from the calendar origin. */
    times: Float64Array;
    /** Sum over customers of E[X(t - t_i)] for t > t_i. */
    cumulative: Float64Array;
    /** cumulative[k] - cumulative[k - 1] (incremental[0] = cumulative[0]). */
    incremental: Float64Array;
}
/**
 * The tracking curve of a cohort: at each grid time t, the sum over customers of E[X(t - t_i)],
 * where t_i is the customer's first-purchase time (same units as the model, from a calendar
 * origin) and E[X(·)] the model's expected repeat transactions of a new customer. Identical
 * first-purchase times are grouped, and E[X(·)] is evaluated once per distinct elapsed time
 * (rounded to 1e-9 of a time unit).
 *
 * @example
 * const m = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * const curve = expectedCumulativeTransactions(m, firstPurchaseWeeks, 78, 1);
 * curve.cumulative[39]; // expected repeat transactions of the cohort by week 39
 */
export declare function expectedCumulativeTransactions(model: {
    expectedTransactions(t: number): number;
}, firstPurchaseTimes: ArrayLike<number>, horizon: number, step: number): TrackingCurve;
//# sourceMappingURL=tracking.d.ts.map