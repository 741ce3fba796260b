/**
 * A finite copy of the values sorted ascending, with their sum; a ClvkitError names the first
 * value that is not finite.
 *
 * @example
 * sortedValues([3, 1, 2], 'spend'); // { sorted: Float64Array [1, 2, 3], total: 6 }
 */
export declare function sortedValues(values: ArrayLike<number>, what: string): {
    sorted: Float64Array;
    total: number;
};
//# sourceMappingURL=sorted-values.d.ts.map