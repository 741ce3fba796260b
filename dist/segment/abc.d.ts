import type { TierAssignment } from './tiers-types.ts';
/** Options of {@link abcClasses}. */
export interface AbcOptions {
    /** Share of total value per class, top first; positive, adding up to 1. Default [0.8, 0.15, 0.05]. */
    shares?: number[];
    /** Class names, top first. Default 'A', 'B', 'C', ... */
    names?: string[];
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
export declare function abcClasses(values: ArrayLike<number>, options?: AbcOptions): TierAssignment;
//# sourceMappingURL=abc.d.ts.map