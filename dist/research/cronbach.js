import { ClvkitError } from '../errors.js';
import { pearson, sampleVariance } from './describe.js';
/**
 * Cronbach's alpha, α = k/(k − 1) · (1 − Σ s²_i / s²_total) (Cronbach 1951, "Coefficient alpha and the
 * internal structure of tests", Psychometrika 16(3)), with alpha-if-item-deleted and corrected
 * item-total correlations (Nunnally & Bernstein 1994, Psychometric Theory, ch. 7). Items are columns
 * of equal length without missing values.
 *
 * @example
 * cronbachAlpha([[2, 4, 4, 6], [1, 3, 5, 7], [3, 3, 5, 5]]).alpha; // 0.9
 */
export function cronbachAlpha(items) {
    const k = items.length;
    if (k < 2)
        throw new ClvkitError(`Cronbach's alpha needs at least two items, got ${k}`);
    const n = items[0].length;
    if (n < 2)
        throw new ClvkitError(`Cronbach's alpha needs at least two respondents, got ${n}`);
    const total = new Float64Array(n);
    for (const item of items) {
        if (item.length !== n)
            throw new Error('cronbachAlpha: items of different lengths');
        for (let i = 0; i < n; i++)
            total[i] += item[i];
    }
    const itemVariances = items.map((x) => sampleVariance(x));
    const totalVariance = sampleVariance(total);
    if (totalVariance === 0)
        throw new ClvkitError("Cronbach's alpha: every respondent has the same total score; alpha is undefined");
    const alphaOf = (vars, tv) => (vars.length / (vars.length - 1)) * (1 - vars.reduce((a, b) => a + b, 0) / tv);
    const alpha = alphaOf(itemVariances, totalVariance);
    const alphaIfDeleted = [];
    const itemTotal = [];
    for (let j = 0; j < k; j++) {
        const rest = Float64Array.from(total, (t, i) => t - items[j][i]);
        const restVar = sampleVariance(rest);
        const vars = itemVariances.filter((_, i) => i !== j);
        alphaIfDeleted.push(vars.length >= 2 && restVar > 0 ? alphaOf(vars, restVar) : null);
        const r = pearson(items[j], rest);
        itemTotal.push(Number.isNaN(r) ? null : r);
    }
    return { alpha, k, n, alphaIfDeleted, itemTotal, itemVariances, totalVariance };
}
//# sourceMappingURL=cronbach.js.map