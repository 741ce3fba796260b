export interface ConstructSpec {
    items: string[];
    /** Items scored in the opposite direction; recoded as (min + max − x), which needs `scale`. */
    reverse?: string[];
    label?: string;
}
export interface SecondOrderSpec {
    /** First-order constructs whose scores are averaged. */
    components: string[];
    label?: string;
}
export interface ModelSpec {
    name: string;
    type: 'ols' | 'logit';
    /** A construct, a second-order construct or a column of the responses file. */
    dependent: string;
    predictors: string[];
    /** Entered first; the predictors' gain over them is tested (hierarchical ΔR² or LR test). */
    controls?: string[];
    /** Product terms; their variables are mean-centred unless `centre` is false. */
    interactions?: string[][];
    centre?: boolean;
    /** Skip (with a note) instead of failing when a column it names is not in the file. */
    optional?: boolean;
    /** Free text for the reader, e.g. "short term" or "long term (lagged one year)". */
    horizon?: string;
}
export interface StudyConfig {
    title?: string;
    /** Answer range of the items, e.g. [1, 7]; answers outside it are errors. */
    scale?: [number, number];
    constructs?: Record<string, ConstructSpec>;
    /** Higher-order constructs scored as the mean of their components' scores. */
    secondOrder?: Record<string, SecondOrderSpec>;
    models?: ModelSpec[];
    /** Default missing-answer rule, overridden by the CLI's --missing. */
    missing?: string;
    /** Free-form notes for the reader (sources, outcome definitions). */
    notes?: Record<string, string>;
}
/**
 * Validates a study config (DESIGN.md §3) and returns it typed; every problem is a ClvkitError
 * naming the place in the JSON (e.g. `models[2].dependent`). Accepts `center` as well as `centre`.
 *
 * @example
 * const config = parseStudyConfig({ scale: [1, 7], constructs: { CC: { items: ['cc1', 'cc2'] } }, models: [] }, 'study.json');
 */
export declare function parseStudyConfig(json: unknown, file?: string): StudyConfig;
export type MissingRule = {
    kind: 'listwise';
} | {
    kind: 'mean';
    maxShare: number;
};
/**
 * Parses a missing-answer rule: `listwise`, or `mean:<max share>` (replace a respondent's missing
 * items by the mean of their answered items in the same construct when at most that share of the
 * construct's items is missing).
 *
 * @example
 * parseMissingRule('mean:0.25'); // { kind: 'mean', maxShare: 0.25 }
 */
export declare function parseMissingRule(text: string): MissingRule;
//# sourceMappingURL=survey-config.d.ts.map