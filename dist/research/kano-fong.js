/**
 * Fong's test of whether the most frequent Kano category of a feature is really ahead of the second:
 * not significant when |a − b| < 1.65 · sqrt((a + b)(2n − a − b) / (2n)).
 *
 * Source: Fong, D. (1996), "Using the self-stated importance questionnaire to interpret Kano questionnaire
 * results", Center for Quality of Management Journal 5(3), 21–24 (as used in the later Kano literature).
 *
 * @param a count of the most frequent category
 * @param b count of the second most frequent category
 * @param n number of answers for the feature
 * @example
 * fongTest(30, 10, 50).significant; // true  (20 ≥ 1.65·sqrt(40·60/100) ≈ 8.08)
 * fongTest(12, 10, 30).significant; // false (2 < 1.65·sqrt(22·38/60) ≈ 6.16)
 */
export function fongTest(a, b, n) {
    const difference = Math.abs(a - b);
    // Fong (1996): critical difference 1.65·sqrt((a+b)(2n−a−b)/(2n))
    const threshold = n > 0 ? 1.65 * Math.sqrt(((a + b) * (2 * n - a - b)) / (2 * n)) : NaN;
    return { difference, threshold, significant: n > 0 && difference >= threshold };
}
//# sourceMappingURL=kano-fong.js.map