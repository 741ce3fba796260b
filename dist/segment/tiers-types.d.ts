/**
 * A partition of customers into named tiers, top tier first (tier 0 = the most valuable).
 *
 * @example
 * const t: TierAssignment = { tier: Int32Array.from([1, 0, 1]), names: ['A', 'B'] };
 */
export interface TierAssignment {
    /** Tier index of each customer, in input order; 0 is the top tier. */
    tier: Int32Array;
    /** One name per tier, top first. */
    names: string[];
}
//# sourceMappingURL=tiers-types.d.ts.map