/**
 * Mean, sample variance (n − 1) and Pearson correlation on plain arrays.
 */
/**
 * Arithmetic mean.
 *
 * @example
 * mean([1, 2, 3]); // 2
 */
export function mean(x) {
    let s = 0;
    for (let i = 0; i < x.length; i++)
        s += x[i];
    return s / x.length;
}
/**
 * Sample variance with divisor n − 1 (two-pass, for accuracy).
 *
 * @example
 * sampleVariance([1, 2, 3, 4]); // 1.6666666666666667
 */
export function sampleVariance(x) {
    const m = mean(x);
    let s = 0;
    for (let i = 0; i < x.length; i++)
        s += (x[i] - m) ** 2;
    return s / (x.length - 1);
}
/**
 * Pearson correlation (NaN when either variable is constant).
 *
 * @example
 * pearson([1, 2, 3], [2, 4, 7]); // 0.9933992677987828
 */
export function pearson(x, y) {
    const mx = mean(x);
    const my = mean(y);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < x.length; i++) {
        const dx = x[i] - mx;
        const dy = y[i] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if (sxx === 0 || syy === 0)
        return NaN;
    return sxy / Math.sqrt(sxx * syy);
}
/**
 * Correlation matrix of several variables (rows and columns in the given order).
 *
 * @example
 * correlationMatrix([[1, 2, 3], [3, 2, 1]]); // [[1, -1], [-1, 1]]
 */
export function correlationMatrix(variables) {
    const k = variables.length;
    const r = Array.from({ length: k }, () => new Array(k).fill(1));
    for (let i = 0; i < k; i++)
        for (let j = i + 1; j < k; j++)
            r[i][j] = r[j][i] = pearson(variables[i], variables[j]);
    return r;
}
//# sourceMappingURL=describe.js.map