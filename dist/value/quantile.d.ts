/**
 * Sample quantile by linear interpolation between order statistics, Hyndman & Fan (1996) definition 7:
 * h = (n − 1) p, Q = x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋)) on the sorted sample (0-based). NaN for an empty sample.
 *
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5); // 2.5
 */
export declare function quantileSorted(sorted: ArrayLike<number>, p: number): number;
//# sourceMappingURL=quantile.d.ts.map