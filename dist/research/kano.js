import { fongTest } from './kano-fong.js';
import { KANO_CATEGORIES, kanoCategory } from './kano-table.js';
// Tie order M > O > A > I, then R, Q: the "M > O > A > I" evaluation rule (Berger et al. 1993; Matzler & Hinterhuber 1998, Technovation 18(1)).
const TIE_ORDER = ['M', 'O', 'A', 'I', 'R', 'Q'];
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
export function kanoFeatures(rows) {
    const byFeature = new Map();
    const respondents = new Set();
    for (const row of rows) {
        let counts = byFeature.get(row.feature);
        if (counts === undefined) {
            counts = { A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 };
            byFeature.set(row.feature, counts);
        }
        counts[kanoCategory(row.functional, row.dysfunctional)]++;
        respondents.add(row.respondent);
    }
    const features = [];
    for (const [feature, counts] of byFeature)
        features.push(kanoFeatureFromCounts(feature, counts));
    return { features, respondents: respondents.size };
}
/**
 * One feature's classification from its category counts.
 *
 * @example
 * kanoFeatureFromCounts('wifi', { A: 5, O: 2, M: 1, I: 5, R: 0, Q: 0 }).tie; // ['A', 'I']
 */
export function kanoFeatureFromCounts(feature, counts) {
    let n = 0;
    for (const c of KANO_CATEGORIES)
        n += counts[c];
    const top = Math.max(...KANO_CATEGORIES.map((c) => counts[c]));
    const tied = TIE_ORDER.filter((c) => counts[c] === top);
    const second = Math.max(0, ...KANO_CATEGORIES.filter((c) => c !== tied[0]).map((c) => counts[c]));
    const { A, O, M, I } = counts;
    const base = A + O + M + I;
    const shares = { A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 };
    for (const c of KANO_CATEGORIES)
        shares[c] = n > 0 ? counts[c] / n : NaN;
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
//# sourceMappingURL=kano.js.map