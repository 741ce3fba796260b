import { ClvkitError } from '../errors.ts';
import { sortedFloat64 } from '../sort-float64.ts';

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
export function quantileScores(values: ArrayLike<number>, bins = 5, sortedAscending?: Float64Array): Int8Array {
  if (!Number.isInteger(bins) || bins < 1 || bins > 100) throw new ClvkitError(`score bins must be a whole number from 1 to 100, got ${bins}`);
  const n = values.length;
  let lowV = Infinity;
  let highV = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v)) throw new ClvkitError(`scores need numbers; value ${i + 1} is NaN`);
    if (v < lowV) lowV = v;
    if (v > highV) highV = v;
    if (whole && !Number.isInteger(v)) whole = false;
  }
  // whole numbers over a short range (days, counts): a histogram stands in for the sort
  if (n > 0 && whole && highV - lowV < Math.max(4 * n, 1024) && highV - lowV < 2 ** 24) return countedScores(values, lowV, highV - lowV + 1, bins);
  // one sort of the values (radix on large inputs): groups of equal values are runs of the sorted copy
  if (sortedAscending && sortedAscending.length !== n) throw new ClvkitError(`scores: ${sortedAscending.length} sorted values for ${n} customers`);
  const sorted = sortedAscending ?? sortedFloat64(values);
  const starts: number[] = [];
  for (let r = 0; r < n; r++) if (r === 0 || sorted[r] !== sorted[r - 1]) starts.push(r);
  const m = starts.length;
  const groupScore = m >= bins ? cutScores(starts, n, bins) : mergedScores(starts, n, bins);
  // scores never fall as the value rises: keep the lowest value of each score level (at most `bins` levels)
  const lowest: number[] = [];
  const level: number[] = [];
  for (let g = 0; g < m; g++) {
    if (g === 0 || groupScore[g] !== groupScore[g - 1]) {
      lowest.push(sorted[starts[g]]);
      level.push(groupScore[g]);
    }
  }
  const L = lowest.length;
  const scores = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    // the level of values[i]: the last level whose lowest value is <= it
    const v = values[i];
    let lo = 0;
    let hi = L - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lowest[mid] <= v) lo = mid;
      else hi = mid - 1;
    }
    scores[i] = level[lo];
  }
  return scores;
}

/** quantileScores of whole numbers in [low, low + range): the groups from a histogram of the values. */
function countedScores(values: ArrayLike<number>, low: number, range: number, bins: number): Int8Array {
  const n = values.length;
  const count = new Int32Array(range);
  for (let i = 0; i < n; i++) count[values[i] - low]++;
  const starts: number[] = [];
  const slot = new Int32Array(range); // value - low -> group
  let below = 0;
  for (let v = 0; v < range; v++) {
    if (count[v] === 0) continue;
    slot[v] = starts.length;
    starts.push(below);
    below += count[v];
  }
  const groupScore = starts.length >= bins ? cutScores(starts, n, bins) : mergedScores(starts, n, bins);
  const scores = new Int8Array(n);
  for (let i = 0; i < n; i++) scores[i] = groupScore[slot[values[i] - low]];
  return scores;
}

/** m >= bins groups: choose bins-1 boundaries (boundary b sits before group b, b = 1..m-1, with starts[b] values below). */
function cutScores(starts: number[], n: number, bins: number): number[] {
  const m = starts.length;
  const J = bins - 1;
  const cand: number[][] = [];
  for (let j = 1; j <= J; j++) {
    const ideal = (n * j) / bins;
    // nearest boundary by binary search over starts[1..m-1]
    let lo = 1;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < ideal) lo = mid + 1;
      else hi = mid;
    }
    const nearest = lo > 1 && ideal - starts[lo - 1] <= starts[lo] - ideal ? lo - 1 : lo;
    const c: number[] = [];
    for (let b = Math.max(1, nearest - J); b <= Math.min(m - 1, nearest + J); b++) c.push(b);
    cand.push(c);
  }
  // dynamic programme over the candidates: cost[j][c] = best summed distance with cut j at cand[j][c]
  const cost: number[][] = [];
  const prev: number[][] = [];
  for (let j = 0; j < J; j++) {
    const ideal = (n * (j + 1)) / bins;
    cost.push([]);
    prev.push([]);
    for (let c = 0; c < cand[j].length; c++) {
      const b = cand[j][c];
      const own = Math.abs(starts[b] - ideal);
      if (j === 0) {
        cost[j].push(own);
        prev[j].push(-1);
        continue;
      }
      let best = Infinity;
      let arg = -1;
      for (let p = 0; p < cand[j - 1].length; p++) {
        if (cand[j - 1][p] < b && cost[j - 1][p] < best) {
          best = cost[j - 1][p];
          arg = p;
        }
      }
      cost[j].push(best + own);
      prev[j].push(arg);
    }
  }
  let c = -1;
  let best = Infinity;
  if (J === 0) return new Array<number>(m).fill(1);
  for (let k = 0; k < cand[J - 1].length; k++) {
    if (cost[J - 1][k] < best) {
      best = cost[J - 1][k];
      c = k;
    }
  }
  if (c < 0) throw new Error('quantileScores: no feasible cut (internal)');
  const cuts = new Array<number>(J);
  for (let j = J - 1; j >= 0; j--) {
    cuts[j] = cand[j][c];
    c = prev[j][c];
  }
  const scores = new Array<number>(m);
  let s = 1;
  for (let g = 0; g < m; g++) {
    while (s - 1 < J && cuts[s - 1] <= g) s++;
    scores[g] = s;
  }
  return scores;
}

/** m < bins groups: one bin each, numbered by the quantile where the group starts, strictly increasing. */
function mergedScores(starts: number[], n: number, bins: number): number[] {
  const m = starts.length;
  const s = starts.map((below) => Math.min(bins, Math.floor((bins * below) / n) + 1));
  for (let g = 1; g < m; g++) s[g] = Math.max(s[g], s[g - 1] + 1);
  if (m > 0) s[m - 1] = Math.min(s[m - 1], bins);
  for (let g = m - 2; g >= 0; g--) s[g] = Math.min(s[g], s[g + 1] - 1);
  return s;
}
