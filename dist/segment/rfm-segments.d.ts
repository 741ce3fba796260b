import type { RfmScores } from './rfm.ts';
/** A named RFM segment: inclusive score bounds [low, high] for R, F and M (an omitted bound is [1, 5]). */
export interface RfmSegmentRule {
    name: string;
    r?: [number, number];
    f?: [number, number];
    m?: [number, number];
}
/**
 * The default named segments, matched in this order, first match wins. Scores are quintiles (5 = best);
 * the grid over R (rows) and F (columns) is covered completely, so every customer gets a segment:
 *
 * | # | segment | R | F | M | reading |
 * |---|---|---|---|---|---|
 * | 1 | Champions | 4–5 | 4–5 | 4–5 | bought recently, often, and spend the most |
 * | 2 | Loyal | 3–5 | 4–5 | any | frequent buyers still active |
 * | 3 | Potential loyalists | 4–5 | 2–3 | any | recent buyers with a few purchases |
 * | 4 | New | 5 | 1 | any | first purchase very recently |
 * | 5 | Promising | 4 | 1 | any | recent single purchase |
 * | 6 | Need attention | 3 | 3 | any | middling recency and frequency |
 * | 7 | About to sleep | 3 | 1–2 | any | fading, few purchases |
 * | 8 | Cannot lose them | 1–2 | 4–5 | 4–5 | used to buy often and much, gone quiet |
 * | 9 | At risk | 1–2 | 3–5 | any | used to buy regularly, gone quiet |
 * | 10 | Hibernating | 2 | 1–2 | any | long ago, few purchases |
 * | 11 | Lost | 1 | 1–2 | any | longest ago, few purchases |
 *
 * The bounds are this project's own reading of the RFM grid (Hughes 1994; Kumar & Reinartz, Customer
 * Relationship Management, ch. on customer value metrics); replace them with a JSON file of rules.
 */
export declare const DEFAULT_RFM_SEGMENTS: readonly RfmSegmentRule[];
/** Name given to customers no rule matches (only possible with custom rules). */
export declare const UNMATCHED_SEGMENT = "Other";
/**
 * Named RFM segment of each customer: the first rule whose R, F and M bounds all contain the
 * customer's scores, or `Other` when none does.
 *
 * @example
 * const s = { recency: Int8Array.from([5, 1]), frequency: Int8Array.from([5, 1]), monetary: Int8Array.from([5, 1]) };
 * rfmSegments(s); // ['Champions', 'Lost']
 */
export declare function rfmSegments(scores: RfmScores, rules?: readonly RfmSegmentRule[]): string[];
/**
 * Check and normalise custom rules (from a parsed JSON document: an array of rules, or
 * `{ "segments": [...] }`). Bounds are two whole scores low <= high within 1..5.
 *
 * @example
 * parseRfmRules({ segments: [{ name: 'Best', r: [5, 5] }, { name: 'Rest' }] }); // two rules
 */
export declare function parseRfmRules(doc: unknown, source?: string): RfmSegmentRule[];
//# sourceMappingURL=rfm-segments.d.ts.map