import { ClvkitError } from '../errors.ts';
import type { TierAssignment } from './tiers-types.ts';
import { descendingOrder } from './rank-order.ts';

/** Options of {@link abcClasses}. */
export interface AbcOptions {
  /** Share of total value per class, top first; positive, adding up to 1. Default [0.8, 0.15, 0.05]. */
  shares?: number[];
  /** Class names, top first. Default 'A', 'B', 'C', ... */
  names?: string[];
  /** descendingOrder(values), when the caller already has it (the portfolio ranks the CLV once). */
  order?: Int32Array;
}

/**
 * ABC classes by cumulative share of value (Pareto analysis). Customers are ranked by value, highest
 * first (ties in input order). With cumulative bounds c_k = shares[0] + … + shares[k], a customer
 * whose predecessors hold a share s of the total joins the first class with s < c_k: the customer
 * who crosses a bound belongs to the class in which they start, so class A is never empty when the
 * total is positive. When the total is not positive every customer is in the last class.
 *
 * @example
 * // cumulative shares before each customer: 0, .5, .8, .9, .95, .98
 * abcClasses([50, 30, 10, 5, 3, 2]).tier; // Int32Array [0, 0, 1, 1, 2, 2]
 */
export function abcClasses(values: ArrayLike<number>, options: AbcOptions = {}): TierAssignment {
  const shares = options.shares ?? [0.8, 0.15, 0.05];
  const names = options.names ?? shares.map((_, k) => String.fromCharCode(65 + k));
  if (shares.length === 0 || names.length !== shares.length) throw new ClvkitError(`ABC classes: ${shares.length} shares but ${names.length} names`);
  let sum = 0;
  for (const s of shares) {
    if (!(s > 0) || !Number.isFinite(s)) throw new ClvkitError(`ABC shares must be positive, got ${s}`);
    sum += s;
  }
  if (Math.abs(sum - 1) > 1e-9) throw new ClvkitError(`ABC shares must add up to 1, they add up to ${sum}`);
  const n = values.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) throw new ClvkitError(`ABC classes need finite values; value ${i + 1} is ${values[i]}`);
    total += values[i];
  }
  const K = shares.length;
  const tier = new Int32Array(n).fill(K - 1);
  if (!(total > 0)) return { tier, names };
  const bounds: number[] = [];
  let c = 0;
  for (const s of shares) bounds.push((c += s));
  bounds[K - 1] = Infinity;
  const order = options.order ?? descendingOrder(values);
  let before = 0;
  let k = 0;
  for (const i of order) {
    const share = before / total;
    // a share within 1e-12 of a bound counts as reaching it, so 0.5 + 0.3 reaches 0.8
    while (k < K - 1 && share >= bounds[k] - 1e-12) k++;
    tier[i] = k;
    before += values[i];
  }
  return { tier, names };
}
