export interface SurveySimulationOptions {
    seed?: number;
    /** Respondents (default 211, the sample of Ramani & Kumar 2008). */
    respondents?: number;
    /** Include the lagged (next-year) outcomes and the binary retention_up (default true). */
    lagged?: boolean;
    /** Share of item answers left blank at random (default 0). */
    missingShare?: number;
}
export interface SurveyTruth {
    seed: number;
    respondents: number;
    /** Standardised loadings of each item on its component (continuous scale, before rounding to 1–7). */
    loadings: Record<string, number>;
    /** Loadings of the four components on interaction orientation. */
    secondOrder: Record<string, number>;
    /**
     * True regression slopes per model name (the template's model names), per term. Effects are on
     * the observed construct scores: the outcomes are generated from the IO score computed from the
     * simulated answers, so OLS/logit on that score is unbiased for them.
     */
    effects: Record<string, Record<string, number>>;
    notes: string;
}
export interface SurveySimulation {
    header: string[];
    /** One row per respondent: respondent_id then the columns of `header` (blank answers as NaN). */
    rows: number[][];
    truth: SurveyTruth;
}
/**
 * A synthetic interaction-orientation study with known truth: a latent IO factor drives the four
 * components (second-order loadings), each component its four items (first-order loadings), answers
 * rounded to the 1–7 scale (cc4 reverse-worded); controls; outcomes generated from the observed IO
 * score and the controls with known slopes (satisfaction also moderated by competitive intensity),
 * short-term and, optionally, next-year (lagged) outcomes and a binary retention_up from a logit model.
 * Column names match data/io-study.json.
 *
 * @example
 * const sim = simulateSurvey({ seed: 7 });
 * sim.rows.length; // 211
 * sim.truth.effects.Retention.IO; // 2.5
 */
export declare function simulateSurvey(options?: SurveySimulationOptions): SurveySimulation;
//# sourceMappingURL=simulate-survey.d.ts.map