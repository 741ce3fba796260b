import type { SurvivorCounts } from './survivor-counts.ts';
/**
 * The observed retention rate of tenure period t: contracts active at t among those active at t − 1.
 *
 * @example
 * const r: RetentionRateRow = { t: 1, at_risk: 1000, renewed: 631, retention_rate: 0.631, lower: 0.601, upper: 0.660 };
 */
export interface RetentionRateRow {
    t: number;
    /** Active at the start of period t − 1 and observed through period t. */
    at_risk: number;
    renewed: number;
    retention_rate: number;
    lower: number;
    upper: number;
}
/**
 * The retention-rate curve by tenure, r_t = survivors at t / survivors at t − 1 (Fader & Hardie 2007,
 * §2, r_t = S(t)/S(t−1)), pooled over contracts that were observed through period t (a life table;
 * Wilson intervals). With heterogeneous customers this rises with tenure even when each customer's
 * own churn probability is constant: the high-churn customers leave first.
 *
 * @example
 * retentionRates(survivorCounts(lifetimes)); // [{ t: 1, at_risk: 1000, renewed: 631, retention_rate: 0.631, ... }, ...]
 */
export declare function retentionRates(counts: SurvivorCounts, level?: number): RetentionRateRow[];
/**
 * The trend of the observed retention rates over the tenures with enough contracts at risk.
 *
 * @example
 * const trend: RetentionTrend = retentionTrend(retentionRates(counts)); // trend.rising
 */
export interface RetentionTrend {
    rising: boolean;
    first: number;
    last: number;
    /** Tenure of `last`: the last period with at least `minAtRisk` contracts at risk. */
    last_t: number;
    slope: number;
}
/**
 * Whether the observed retention rates rise with tenure: the weighted least-squares slope of r_t on t
 * (weights: at_risk) over the periods with at least `minAtRisk` contracts at risk is positive and the last
 * of those rates is above the first; with the first and last rates for the note.
 *
 * @example
 * retentionTrend(rows); // { rising: true, first: 0.631, last: 0.92, last_t: 7, slope: 0.04 }
 */
export declare function retentionTrend(all: RetentionRateRow[], minAtRisk?: number): RetentionTrend;
//# sourceMappingURL=retention-rates.d.ts.map