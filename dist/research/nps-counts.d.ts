/** Options of the NPS functions. */
export interface NpsOptions {
    /** Confidence level of the intervals, default 0.95. */
    level?: number;
}
/** A Net Promoter Score with its precision. NPS, SE and interval ends are in points (−100..100). */
export interface NpsResult {
    n: number;
    promoters: number;
    passives: number;
    detractors: number;
    /** 100 (P − D) / n; NaN (null in JSON) when n = 0. */
    nps: number;
    /** Standard error, points: 100 · sqrt((p_P + p_D − (p_P − p_D)²) / n). */
    se: number;
    /** Wald interval nps ± z·se, clipped to [−100, 100]. Zero width when se = 0 (e.g. all promoters). */
    ci: [number, number];
    /** Adjusted Wald interval (Rocks 2016): ¾ pseudo-respondent added to promoters and to detractors, 3 to n. */
    ciAdjusted: [number, number];
    level: number;
}
/**
 * z = Φ⁻¹(1 − (1 − level)/2), checking the level.
 *
 * @example
 * zForLevel(0.95); // 1.959963984540054
 */
export declare function zForLevel(level: number): number;
/**
 * NPS, standard error and intervals from the counts of promoters (9–10), passives (7–8) and detractors (0–6).
 *
 * Variance: each respondent scores +1 (promoter), 0 or −1 (detractor); NPS/100 is the mean of these
 * trinomial scores, whose variance is E[X²] − E[X]² = p_P + p_D − (p_P − p_D)², so
 * Var(NPS/100) = (p_P + p_D − (p_P − p_D)²)/n (Rocks 2016, The American Statistician 70(4), Wald variance).
 * With one respondent, or when all answers fall in one category, the estimated variance is 0 and the
 * Wald interval collapses to the point; `ciAdjusted` (the adjusted Wald interval Rocks recommends) stays
 * informative in those cases.
 *
 * @example
 * const r = npsFromCounts(50, 30, 20);
 * r.nps; // 30
 * r.se;  // 100 * sqrt((0.5 + 0.2 - 0.09) / 100) = 7.8102...
 * r.ci;  // [14.69..., 45.30...]
 */
export declare function npsFromCounts(promoters: number, passives: number, detractors: number, options?: NpsOptions): NpsResult;
//# sourceMappingURL=nps-counts.d.ts.map