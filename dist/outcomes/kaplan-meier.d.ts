/**
 * One step of a Kaplan-Meier curve: at time `t`, `at_risk` subjects were still under observation
 * just before t, `events` ended at t and `censored` were last seen at t (censorings at the same time
 * as events are taken to come just after them, the usual convention).
 *
 * @example
 * const step: KmStep = kaplanMeier([9, 13], [1, 0]).steps[0]; // { t: 9, at_risk: 2, events: 1, survival: 0.5, ... }
 */
export interface KmStep {
    t: number;
    at_risk: number;
    events: number;
    censored: number;
    survival: number;
    /** Greenwood standard error of the survival, S·sqrt(Σ d/(n(n−d))). */
    se: number;
    /** Log-log ("exponential Greenwood") band: the default, always inside [0, 1]. */
    lower: number;
    upper: number;
    /** Plain band S ± z·se, clipped to [0, 1]. */
    lower_plain: number;
    upper_plain: number;
}
/**
 * The Kaplan-Meier estimate with its median and interval.
 *
 * @example
 * const km: KaplanMeier = kaplanMeier([9, 13, 18], [1, 0, 1]); // km.median = 18
 */
export interface KaplanMeier {
    steps: KmStep[];
    n: number;
    events: number;
    level: number;
    /** Smallest t with S(t) <= 0.5 (NaN when the curve never reaches 0.5). */
    median: number;
    /** Brookmeyer-Crowley interval from the log-log band: where the lower and upper bands first reach 0.5 (NaN = not reached). */
    median_lower: number;
    median_upper: number;
    /** S(t): the step function, 1 before the first event. */
    survivalAt(t: number): number;
}
/**
 * Kaplan-Meier product-limit estimator (Kaplan & Meier 1958, JASA 53, the product-limit estimate: S(t) = Π_{t_i <= t} (1 − d_i/n_i))
 * with Greenwood's variance (Greenwood 1926; Klein & Moeschberger 2003, Survival Analysis, eq. 4.2.2)
 * and two pointwise bands: plain S ± z·se, and log-log S^(1/θ) .. S^θ with θ = exp(z·σ/ln S),
 * σ² = Σ d/(n(n−d)) (Klein & Moeschberger 2003, eq. 4.3.2; Kalbfleisch & Prentice 1980). Steps are
 * listed at every distinct time with an event or a censoring.
 *
 * @example
 * // AML, maintained group (Miller 1981): 9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+
 * const km = kaplanMeier([9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0]);
 * km.survivalAt(13); // 0.8182
 * km.median;         // 31
 */
export declare function kaplanMeier(times: ArrayLike<number>, events: ArrayLike<number | boolean>, level?: number): KaplanMeier;
//# sourceMappingURL=kaplan-meier.d.ts.map