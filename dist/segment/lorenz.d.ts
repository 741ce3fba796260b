/** A Lorenz curve sampled at evenly spaced shares of customers. */
export interface LorenzCurve {
    /** Share of customers (poorest first), 0..1. */
    population: number[];
    /** Share of the total held by that share of customers, 0..1. */
    value: number[];
}
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
export declare function lorenzCurve(values: ArrayLike<number>, points?: number): LorenzCurve;
/**
 * {@link lorenzCurve} from finite values already sorted ascending and their total (summed in the order given).
 *
 * @example
 * lorenzCurveSorted(Float64Array.of(0, 0, 0, 12), 12, 5).value; // [0, 0, 0, 0, 1]
 */
export declare function lorenzCurveSorted(sorted: ArrayLike<number>, total: number, points?: number): LorenzCurve;
//# sourceMappingURL=lorenz.d.ts.map