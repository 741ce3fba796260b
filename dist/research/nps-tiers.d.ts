import { type ValueTierOptions } from '../segment/pyramid.ts';
import type { NpsOptions } from './nps-counts.ts';
import { type NpsGroup } from './nps-groups.ts';
/** Result of {@link npsByValueTier}. */
export interface NpsByValueTier {
    /** One entry per tier, top tier first (empty tiers included, with n = 0). */
    groups: (NpsGroup & {
        tierCustomers: number;
        tierValueShare: number;
    })[];
    /** Scores whose respondent id is a customer of the transaction file. */
    matched: number;
    /** Scores whose respondent id is not found; not in any tier. */
    unmatched: number;
    /** First few unmatched ids, for the message. */
    unmatchedExamples: string[];
}
/**
 * NPS by value tier: the tiers are the customer pyramid ({@link valueTiers}) of the whole customer base by
 * historical value (e.g. total spend from the transaction summary); each respondent is matched to a
 * customer by id and counted in that customer's tier. Respondents not in the base are counted as unmatched.
 *
 * @param respondentIds customer id of each score
 * @param scores 0–10 scores
 * @param customerIds ids of the customer base
 * @param values historical value of each customer (same order as customerIds)
 * @example
 * const r = npsByValueTier(['C1', 'C2', 'C9'], [10, 3, 9], ['C1', 'C2'], [500, 20], { cuts: [0.5, 0.5], names: ['top', 'rest'] });
 * r.groups.map((g) => [g.group, g.nps]); // [['top', 100], ['rest', -100]]
 * r.unmatched; // 1
 */
export declare function npsByValueTier(respondentIds: ArrayLike<string>, scores: ArrayLike<number>, customerIds: readonly string[], values: ArrayLike<number>, options?: NpsOptions & ValueTierOptions): NpsByValueTier;
//# sourceMappingURL=nps-tiers.d.ts.map