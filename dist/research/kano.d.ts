import { type FongTest } from './kano-fong.ts';
import { type KanoAnswer, type KanoCategory } from './kano-table.ts';
/** One respondent's answer pair for one feature (long form). */
export interface KanoAnswerRow {
    respondent: string;
    feature: string;
    functional: KanoAnswer;
    dysfunctional: KanoAnswer;
}
/** Counts per Kano category. */
export type KanoCounts = Record<KanoCategory, number>;
/** One feature's Kano classification. */
export interface KanoFeature {
    feature: string;
    /** Number of answer pairs for the feature. */
    n: number;
    /** The most frequent category; on a tie, the first tied one in the order M > O > A > I > R > Q. */
    category: KanoCategory;
    /** The tied categories (in that order) when two or more share the top count, else null. */
    tie: KanoCategory[] | null;
    counts: KanoCounts;
    /** counts / n. */
    shares: KanoCounts;
    /** (A + O) / (A + O + M + I); NaN (null in JSON) when A + O + M + I = 0. */
    better: number;
    /** −(O + M) / (A + O + M + I); NaN (null in JSON) when A + O + M + I = 0. */
    worse: number;
    /** Fong (1996) test of the top category against the second. */
    fong: FongTest;
}
/** Result of {@link kanoFeatures}. */
export interface KanoResult {
    features: KanoFeature[];
    /** Distinct respondents. */
    respondents: number;
}
/**
 * Kano classification of each feature, in first-seen order: each answer pair is classified with the
 * evaluation table ({@link kanoCategory}); the feature's category is the most frequent one, ties reported;
 * Better and Worse are the customer-satisfaction coefficients of Berger et al. (1993).
 *
 * @example
 * const r = kanoFeatures([
 *   { respondent: '1', feature: 'wifi', functional: 1, dysfunctional: 5 }, // O
 *   { respondent: '2', feature: 'wifi', functional: 1, dysfunctional: 3 }, // A
 *   { respondent: '3', feature: 'wifi', functional: 2, dysfunctional: 5 }, // M
 *   { respondent: '4', feature: 'wifi', functional: 1, dysfunctional: 5 }, // O
 * ]);
 * r.features[0].category; // 'O'
 * r.features[0].better;   // (1 + 2) / 4 = 0.75
 * r.features[0].worse;    // −(2 + 1) / 4 = −0.75
 */
export declare function kanoFeatures(rows: readonly KanoAnswerRow[]): KanoResult;
/**
 * One feature's classification from its category counts.
 *
 * @example
 * kanoFeatureFromCounts('wifi', { A: 5, O: 2, M: 1, I: 5, R: 0, Q: 0 }).tie; // ['A', 'I']
 */
export declare function kanoFeatureFromCounts(feature: string, counts: KanoCounts): KanoFeature;
//# sourceMappingURL=kano.d.ts.map