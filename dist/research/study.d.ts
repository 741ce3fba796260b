import type { Table } from '../ingest/table.ts';
import { type FornellLarckerTable } from './fornell-larcker.ts';
import { type MissingRule, type StudyConfig } from './survey-config.ts';
export interface ReliabilityEntry {
    label?: string;
    items: string[];
    /** Respondents with every item answered (after the missing-answer rule). */
    n: number;
    alpha: number | null;
    cr: number | null;
    ave: number | null;
    loadings: Record<string, number>;
    alpha_if_deleted: Record<string, number | null>;
    item_total: Record<string, number | null>;
    method: string;
    heywood: boolean;
}
export interface ScoreDescriptives {
    n: number;
    mean: number;
    sd: number;
    min: number;
    max: number;
}
export interface ModelCoefficient {
    term: string;
    estimate: number;
    se: number;
    se_hc3: number | null;
    t: number;
    p: number;
    ci: [number, number];
    /** OLS: standardised coefficient and VIF. */
    beta?: number | null;
    vif?: number | null;
    /** Logit: odds ratio with its interval and the per-term likelihood-ratio test. */
    odds_ratio?: number;
    or_ci?: [number, number];
    lr_chi2?: number | null;
    lr_p?: number | null;
}
export interface HierarchyStep {
    step: number;
    added: string[];
    r2: number;
    /** OLS: R² gain and its F test. Logit: likelihood-ratio test of the added terms. */
    delta_r2: number;
    f?: number;
    df1: number;
    df2?: number;
    chi2?: number;
    log_likelihood?: number;
    p: number;
}
export interface ModelReport {
    name: string;
    type: 'ols' | 'logit';
    dependent: string;
    horizon?: string;
    n: number;
    r2: number;
    adj_r2: number;
    coefficients: ModelCoefficient[];
    /** OLS overall F test. */
    f?: number | null;
    f_df1?: number;
    f_df2?: number;
    f_p?: number | null;
    sigma?: number;
    /** Logit fit statistics. */
    log_likelihood?: number;
    null_log_likelihood?: number;
    lr_chi2?: number;
    lr_df?: number;
    lr_p?: number;
    aic?: number;
    /** Means subtracted from the variables of interaction terms. */
    centred?: Record<string, number>;
    hierarchy?: HierarchyStep[];
}
export interface SurveyAnalysis {
    title?: string;
    respondents: number;
    missing: {
        rule: string;
        imputed: number;
        unanswered: number;
    };
    reliability: Record<string, ReliabilityEntry>;
    second_order: Record<string, ReliabilityEntry & {
        components: string[];
    }>;
    fornell_larcker: (FornellLarckerTable & {
        n: number;
    }) | null;
    scores: {
        descriptives: Record<string, ScoreDescriptives>;
        correlations: {
            variables: string[];
            n: number;
            matrix: number[][];
        };
    };
    models: ModelReport[];
    skipped: {
        name: string;
        reason: string;
    }[];
    warnings: string[];
    /** Per-respondent construct scores (NaN where not computable); not part of the JSON document. */
    readonly respondentScores: Record<string, Float64Array>;
}
export interface SurveyOptions {
    /** `listwise` (default) or `mean:<max share>`, or a parsed rule; overrides the config's `missing`. */
    missing?: string | MissingRule;
    /** Confidence level of the intervals (default 0.95). */
    level?: number;
}
/**
 * The whole survey study in one call: reliability per construct (Cronbach's alpha, alpha if item
 * deleted, corrected item-total correlations, one-factor loadings, composite reliability, AVE), the
 * Fornell-Larcker table, construct scores (item means; second-order constructs as the mean of their
 * components) with descriptives and correlations, and every regression of the config (OLS or logit,
 * controls entered first with the gain tested, interactions mean-centred).
 *
 * @example
 * const table = readTable('responses.csv');
 * const study = analyseSurvey(table, parseStudyConfig(JSON.parse(readFileSync('study.json', 'utf8'))));
 * study.reliability.CC.alpha; study.models[0].coefficients;
 */
export declare function analyseSurvey(table: Table, config: StudyConfig, options?: SurveyOptions): SurveyAnalysis;
//# sourceMappingURL=study.d.ts.map