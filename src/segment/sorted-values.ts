import { ClvkitError } from '../errors.ts';
import { sortedFloat64 } from '../sort-float64.ts';

/**
 * A finite copy of the values sorted ascending, with their sum; a ClvkitError names the first
 * value that is not finite.
 *
 * @example
 * sortedValues([3, 1, 2], 'spend'); // { sorted: Float64Array [1, 2, 3], total: 6 }
 */
export function sortedValues(values: ArrayLike<number>, what: string): { sorted: Float64Array; total: number } {
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) throw new ClvkitError(`${what}: value ${i + 1} is ${v}, expected a finite number`);
    total += v;
  }
  return { sorted: sortedFloat64(values), total };
}
