import { type NpsOptions, type NpsResult } from './nps-counts.ts';
import { type NpsDifference } from './nps-difference.ts';
/** One group's NPS, with its difference from all other respondents. */
export interface NpsGroup extends NpsResult {
    group: string;
    /** This group's NPS minus the NPS of everyone else (independent samples); null when there is no one else. */
    versusRest: NpsDifference | null;
}
/**
 * NPS per group, groups in first-seen order. Each group is also compared with the rest of the respondents;
 * with exactly two groups, `versusRest` of the first is the two-group difference (first − second).
 *
 * @param scores 0–10 scores
 * @param groups group label of each score (same length)
 * @example
 * const g = npsByGroup([10, 9, 3, 10, 7, 0], ['web', 'web', 'web', 'store', 'store', 'store']);
 * g[0].group; // 'web'
 * g[0].nps;   // 100 * (2 - 1) / 3 = 33.33
 * g[0].versusRest!.difference; // 33.33 - 0 = 33.33
 */
export declare function npsByGroup(scores: ArrayLike<number>, groups: ArrayLike<string>, options?: NpsOptions): NpsGroup[];
/**
 * NPS per group from [promoters, passives, detractors] counts, in the map's order (empty groups allowed:
 * their NPS, SE and interval are NaN, null in JSON).
 *
 * @example
 * npsFromGroupCounts(new Map([['a', [5, 3, 2]], ['b', [0, 0, 0]]]))[1].n; // 0
 */
export declare function npsFromGroupCounts(counts: Map<string, [number, number, number]>, options?: NpsOptions): NpsGroup[];
//# sourceMappingURL=nps-groups.d.ts.map