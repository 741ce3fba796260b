import { type NpsOptions, type NpsResult } from './nps-counts.ts';
/** The NPS category of a 0–10 score (Reichheld 2003): promoter 9–10, passive 7–8, detractor 0–6. */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';
/**
 * Category of one likelihood-to-recommend score (Reichheld 2003, Harvard Business Review 81(12)).
 *
 * @example
 * npsCategory(9); // 'promoter'
 * npsCategory(7); // 'passive'
 * npsCategory(6); // 'detractor'
 */
export declare function npsCategory(score: number): NpsCategory;
/**
 * Net Promoter Score of 0–10 scores: 100 (share of promoters − share of detractors), with its standard error
 * and intervals (see {@link npsFromCounts}).
 *
 * @example
 * const r = netPromoterScore([10, 9, 8, 7, 6, 0]);
 * r.nps; // 100 * (2 - 2) / 6 = 0
 * r.promoters; // 2
 */
export declare function netPromoterScore(scores: ArrayLike<number>, options?: NpsOptions): NpsResult;
//# sourceMappingURL=nps.d.ts.map