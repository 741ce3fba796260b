import { ClvkitError } from '../errors.js';
import { symmetricEigen } from './linalg.js';
/**
 * One-factor model of a correlation matrix by iterated principal-axis factoring: start from the
 * squared multiple correlations, put the communalities on the diagonal, take the first eigenpair
 * λ = √e₁ v₁, update the communalities to λ², repeat to convergence (Harman 1976, Modern Factor
 * Analysis, 3rd ed., ch. 8; Gorsuch 1983, Factor Analysis, §6.2). With two items the model is not
 * identified; equal loadings √|r₁₂| are reported (tau-equivalence), and one item loads 1.
 *
 * @example
 * // Exact one-factor correlations with loadings 0.8, 0.7, 0.6 are recovered:
 * oneFactor([[1, 0.56, 0.48], [0.56, 1, 0.42], [0.48, 0.42, 1]]).loadings; // ≈ [0.8, 0.7, 0.6]
 */
export function oneFactor(corr, maxIterations = 1000, tolerance = 1e-10) {
    const k = corr.length;
    for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
            if (!Number.isFinite(corr[i][j]))
                throw new ClvkitError('one-factor model: the correlation matrix has an undefined entry (a constant item?)');
        }
    if (k === 1)
        return { loadings: [1], communalities: [1], iterations: 0, converged: true, heywood: false, method: 'single-item' };
    if (k === 2) {
        const l = Math.sqrt(Math.abs(corr[0][1]));
        const signed = [l, corr[0][1] < 0 ? -l : l];
        return { loadings: signed, communalities: [l * l, l * l], iterations: 0, converged: true, heywood: false, method: 'two-item' };
    }
    let h = squaredMultipleCorrelations(corr);
    let loadings = new Array(k).fill(0);
    let converged = false;
    let heywood = false;
    let iterations = 0;
    for (; iterations < maxIterations; iterations++) {
        const reduced = corr.map((row, i) => row.map((v, j) => (i === j ? h[i] : v)));
        const { values, vectors } = symmetricEigen(reduced);
        const e1 = Math.max(values[0], 0);
        loadings = vectors.map((row) => row[0] * Math.sqrt(e1));
        let next = loadings.map((l) => l * l);
        if (next.some((c) => c > 1)) {
            heywood = true;
            next = next.map((c) => Math.min(c, 1));
        }
        const change = Math.max(...next.map((c, i) => Math.abs(c - h[i])));
        h = next;
        if (change < tolerance) {
            converged = true;
            iterations++;
            break;
        }
    }
    const sign = loadings.reduce((a, b) => a + b, 0) < 0 ? -1 : 1;
    loadings = loadings.map((l) => Math.max(-1, Math.min(1, sign * l)));
    return { loadings, communalities: loadings.map((l) => l * l), iterations, converged, heywood, method: 'principal-axis' };
}
/** SMC_i = 1 − 1/(R⁻¹)_ii; falls back to the largest absolute correlation when R is singular. */
function squaredMultipleCorrelations(corr) {
    const k = corr.length;
    const inv = invert(corr);
    const maxAbs = corr.map((row, i) => Math.max(...row.filter((_, j) => j !== i).map(Math.abs)));
    if (!inv)
        return maxAbs;
    return inv.map((row, i) => {
        const smc = 1 - 1 / row[i];
        return Number.isFinite(smc) && smc > 0 && smc < 1 ? smc : maxAbs[i];
    }).slice(0, k);
}
/** Gauss-Jordan inverse with partial pivoting; null when singular. */
function invert(m) {
    const k = m.length;
    const a = m.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
    for (let c = 0; c < k; c++) {
        let piv = c;
        for (let r = c + 1; r < k; r++)
            if (Math.abs(a[r][c]) > Math.abs(a[piv][c]))
                piv = r;
        if (Math.abs(a[piv][c]) < 1e-12)
            return null;
        [a[c], a[piv]] = [a[piv], a[c]];
        const d = a[c][c];
        for (let j = 0; j < 2 * k; j++)
            a[c][j] /= d;
        for (let r = 0; r < k; r++) {
            if (r === c)
                continue;
            const f = a[r][c];
            if (f !== 0)
                for (let j = 0; j < 2 * k; j++)
                    a[r][j] -= f * a[c][j];
        }
    }
    return a.map((row) => row.slice(k));
}
//# sourceMappingURL=one-factor.js.map