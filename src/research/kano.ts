import { fongTest, type FongTest } from './kano-fong.ts';
import { KANO_CATEGORIES, kanoCategory, type KanoAnswer, type KanoCategory } from './kano-table.ts';

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

// Tie order M > O > A > I, then R, Q: the "M > O > A > I" evaluation rule (Berger et al. 1993; Matzler & Hinterhuber 1998, Technovation 18(1)).
const TIE_ORDER: readonly KanoCategory[] = ['M', 'O', 'A', 'I', 'R', 'Q'];

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
export function kanoFeatures(rows: readonly KanoAnswerRow[]): KanoResult {
  const byFeature = new Map<string, KanoCounts>();
  const respondents = new Set<string>();
  for (const row of rows) {
    let counts = byFeature.get(row.feature);
    if (counts === undefined) {
      counts = { A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 };
      byFeature.set(row.feature, counts);
    }
    counts[kanoCategory(row.functional, row.dysfunctional)]++;
    respondents.add(row.respondent);
  }
  const features: KanoFeature[] = [];
  for (const [feature, counts] of byFeature) features.push(kanoFeatureFromCounts(feature, counts));
  return { features, respondents: respondents.size };
}

/**
 * One feature's classification from its category counts.
 *
 * @example
 * kanoFeatureFromCounts('wifi', { A: 5, O: 2, M: 1, I: 5, R: 0, Q: 0 }).tie; // ['A', 'I']
 */
export function kanoFeatureFromCounts(feature: string, counts: KanoCounts): KanoFeature {
  let n = 0;
  for (const c of KANO_CATEGORIES) n += counts[c];
  const top = Math.max(...KANO_CATEGORIES.map((c) => counts[c]));
  const tied = TIE_ORDER.filter((c) => counts[c] === top);
  const second = Math.max(0, ...KANO_CATEGORIES.filter((c) => c !== tied[0]).map((c) => counts[c]));
  const { A, O, M, I } = counts;
  const base = A + O + M + I;
  const shares = { A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 } as KanoCounts;
  for (const c of KANO_CATEGORIES) shares[c] = n > 0 ? counts[c] / n : NaN;
  return {
    feature,
    n,
    category: tied[0],
    tie: tied.length > 1 ? tied : null,
    counts: { ...counts },
    shares,
    // Berger et al. (1993): satisfaction coefficient (A+O)/(A+O+M+I)
    better: base > 0 ? (A + O) / base : NaN,
    // Berger et al. (1993): dissatisfaction coefficient −(O+M)/(A+O+M+I)
    worse: base > 0 ? 0 - (O + M) / base : NaN,
    fong: fongTest(top, second, n),
  };
}
