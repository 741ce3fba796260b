import { ClvkitError } from '../errors.js';
/**
 * A finite copy of the values sorted ascending, with their sum; a ClvkitError names the first
 * value that is not finite.
 *
 * @example
 * sortedValues([3, 1, 2], 'spend'); // { sorted: Float64Array [1, 2, 3], total: 6 }
 */
export function sortedValues(values, what) {
    const sorted = Float64Array.from(values);
    let total = 0;
    for (let i = 0; i < sorted.length; i++) {
        if (!Number.isFinite(sorted[i]))
            throw new ClvkitError(`${what}: value ${i + 1} is ${sorted[i]}, expected a finite number`);
        total += sorted[i];
    }
    sorted.sort();
    return { sorted, total };
}
//# sourceMappingURL=sorted-values.js.map