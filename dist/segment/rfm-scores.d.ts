/**
 * Quantile scores 1..bins (default quintiles, 5 = the highest values) with a tie rule that keeps
 * bins non-empty and non-overlapping.
 *
 * The rule. Sort the values; equal values form one group and are never split across bins.
 * - With at least `bins` distinct values, the bins are cut at group boundaries: the cuts are the
 *   bins − 1 boundaries, strictly increasing (so every bin holds at least one group), that minimise
 *   the summed distance |customers below the cut − n·j/bins| to the ideal quantile positions
 *   (exact quintiles when the values are distinct and n is a multiple of 5). Equal costs prefer the
 *   lower cut. Scores are then 1..bins, every score used.
 * - With fewer distinct values, each distinct value is its own bin (bins are merged), scored by the
 *   quantile where it starts, floor(bins · below / n) + 1 (below = customers with a lower value, so
 *   the lowest value scores 1), made strictly increasing by moving clashing scores up (and, past
 *   `bins`, down again); some scores are then unused, none is shared by two values.
 *
 * @example
 * quantileScores([10, 20, 30, 40, 50]);               // Int8Array [1, 2, 3, 4, 5]
 * quantileScores([0, 0, 0, 0, 0, 0, 1, 1, 2, 3]);     // zeros 1, ones 3, two 4, three 5 (4 distinct values: merged)
 *
 * `sortedAscending`, when given, is the values sorted ascending (a caller's copy, to spare a sort).
 */
export declare function quantileScores(values: ArrayLike<number>, bins?: number, sortedAscending?: Float64Array): Int8Array;
//# sourceMappingURL=rfm-scores.d.ts.map