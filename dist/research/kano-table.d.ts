/** A Kano category: Attractive, One-dimensional, Must-be, Indifferent, Reverse, Questionable. */
export type KanoCategory = 'A' | 'O' | 'M' | 'I' | 'R' | 'Q';
/** An answer on the five-point Kano scale: 1 like, 2 must-be / expect, 3 neutral, 4 live with, 5 dislike. */
export type KanoAnswer = 1 | 2 | 3 | 4 | 5;
/** The six categories in the order used for counts and reports. */
export declare const KANO_CATEGORIES: readonly KanoCategory[];
/**
 * The Kano category of one answer pair, from the standard 5×5 evaluation table.
 *
 * @param functional answer to "if the product has this feature, how do you feel?" (1..5)
 * @param dysfunctional answer to "if the product does not have this feature, how do you feel?" (1..5)
 * @example
 * kanoCategory(1, 5); // 'O' (like it present, dislike it absent: one-dimensional)
 * kanoCategory(1, 3); // 'A'
 * kanoCategory(3, 5); // 'M'
 * kanoCategory(5, 5); // 'Q'
 */
export declare function kanoCategory(functional: KanoAnswer, dysfunctional: KanoAnswer): KanoCategory;
//# sourceMappingURL=kano-table.d.ts.map