import { ClvkitError } from '../errors.js';
import { qrLeastSquares } from './linalg.js';
/**
 * Variance inflation factors: VIF_j = 1 / (1 − R²_j), R²_j from regressing predictor j on the
 * other predictors with an intercept (Marquardt 1970, Technometrics 12(3); Fox 2016, Applied
 * Regression Analysis, §13.1.1). A single predictor has VIF 1.
 *
 * @example
 * vif([Float64Array.of(1, -1, 1, -1), Float64Array.of(1, 1, -1, -1)]); // [1, 1]
 */
export function vif(predictors, names) {
    const k = predictors.length;
    if (k === 0)
        return [];
    const n = predictors[0].length;
    const ones = new Float64Array(n).fill(1);
    return predictors.map((xj, j) => {
        if (k === 1)
            return 1;
        const others = [ones, ...predictors.filter((_, i) => i !== j)];
        const fit = qrLeastSquares(others, xj);
        if (fit.collinear.length > 0) {
            throw new ClvkitError(`vif: the predictors other than "${names?.[j] ?? j}" are perfectly collinear`);
        }
        let m = 0;
        for (let i = 0; i < n; i++)
            m += xj[i];
        m /= n;
        let tss = 0;
        let rss = 0;
        for (let i = 0; i < n; i++) {
            tss += (xj[i] - m) ** 2;
            rss += fit.residuals[i] ** 2;
        }
        if (tss === 0)
            throw new ClvkitError(`vif: predictor "${names?.[j] ?? j}" is constant`);
        return rss === 0 ? Infinity : tss / rss;
    });
}
//# sourceMappingURL=vif.js.map