import { sortedValues } from './sorted-values.js';
/**
 * Lorenz curve (Lorenz 1905, "Methods of measuring the concentration of wealth", JASA 9(70)):
 * customers sorted by value ascending, cumulative share of value against cumulative share of
 * customers, linearly interpolated between customers and sampled at `points` evenly spaced
 * population shares (default 101: 0%, 1%, ..., 100%), so the curve stays small for any portfolio.
 * All-NaN values when the total is not positive.
 *
 * @example
 * lorenzCurve([1, 1, 2], 3); // { population: [0, 0.5, 1], value: [0, 0.375, 1] }
 */
export function lorenzCurve(values, points = 101) {
    const { sorted, total } = sortedValues(values, 'Lorenz curve');
    return lorenzCurveSorted(sorted, total, points);
}
/**
 * {@link lorenzCurve} from finite values already sorted ascending and their total (summed in the order given).
 *
 * @example
 * lorenzCurveSorted(Float64Array.of(0, 0, 0, 12), 12, 5).value; // [0, 0, 0, 0, 1]
 */
export function lorenzCurveSorted(sorted, total, points = 101) {
    const n = sorted.length;
    const cum = new Float64Array(n + 1);
    for (let i = 0; i < n; i++)
        cum[i + 1] = cum[i] + sorted[i];
    const population = [];
    const value = [];
    for (let k = 0; k < points; k++) {
        const p = points === 1 ? 1 : k / (points - 1);
        population.push(p);
        if (n === 0 || !(total > 0)) {
            value.push(NaN);
            continue;
        }
        const x = p * n;
        const i = Math.min(n - 1, Math.floor(x));
        value.push(Math.min(1, (cum[i] + (x - i) * sorted[i]) / total));
    }
    return { population, value };
}
//# sourceMappingURL=lorenz.js.map