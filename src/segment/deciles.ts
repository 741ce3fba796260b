import { valueTiersSorted } from './pyramid.ts';
import type { TierAssignment } from './tiers-types.ts';

/**
 * Value deciles: customers ranked by value (highest first, ties in input order) and cut into ten
 * groups of 10% of customers each, `D1` the top decile. Sizes follow the pyramid's rounding rule
 * (`valueTiers` with ten cuts of 0.1), so with n not a multiple of 10 the top deciles round up.
 *
 * @example
 * const d = valueDeciles(Array.from({ length: 20 }, (_, i) => i));
 * d.tier[19]; // 0 (value 19 is in D1)
 * d.names[0]; // 'D1'
 */
export function valueDeciles(values: ArrayLike<number>, sortedAscending?: Float64Array): TierAssignment {
  const names = Array.from({ length: 10 }, (_, k) => `D${k + 1}`);
  // (the values sorted ascending, when the caller has them: see valueTiersSorted)
  const t = valueTiersSorted(values, sortedAscending, { cuts: new Array<number>(10).fill(0.1), names });
  return { tier: t.tier, names };
}
