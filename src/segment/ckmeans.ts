/**
 * Optimal one-dimensional k-means (Wang & Song 2011, "Ckmeans.1d.dp: optimal k-means clustering in one
 * dimension by dynamic programming", The R Journal 3(2)), on typed arrays: the dynamic programme
 * D[k][i] = min_j D[k−1][j−1] + ssq(j, i) over the sorted values, each row filled by divide and conquer
 * (the optimal j is monotone in i), with the within-cluster sum of squares from prefix sums of the values
 * shifted by their median (for numerical stability). The arithmetic and the order of the comparisons are
 * those of simple-statistics' `ckmeans`, so the breaks are the same; the matrices are typed arrays instead of
 * K × n arrays of numbers: the costs two rows at a time (row k needs only row k − 1), the cluster starts K × n
 * for the backtrack (a million values, K = 4: 48 MB with the prefix sums instead of 64 MB; no boxed numbers).
 */

/** Within-cluster sum of squared deviations of sorted values j..i, from prefix sums (never below 0). */
function ssq(j: number, i: number, sums: Float64Array, squares: Float64Array): number {
  let s: number;
  if (j > 0) {
    const mean = (sums[i] - sums[j - 1]) / (i - j + 1);
    s = squares[i] - squares[j - 1] - (i - j + 1) * mean * mean;
  } else s = squares[i] - (sums[i] * sums[i]) / (i + 1);
  return s < 0 ? 0 : s;
}

/**
 * The lower bound (first sorted value) of each of the K optimal clusters, ascending. `sorted` must be sorted
 * ascending and hold at least K distinct values.
 *
 * @example
 * ckmeansLowerBounds(Float64Array.of(1, 1, 2, 50, 52, 200), 3); // [1, 50, 200]
 */
export function ckmeansLowerBounds(sorted: Float64Array, K: number): number[] {
  const n = sorted.length;
  // the costs of two rows at a time (row k needs only row k - 1): best sum of squares of values 0..i in k + 1 clusters
  let prevCost = new Float64Array(n);
  let cost = K > 1 ? new Float64Array(n) : prevCost;
  const start = new Int32Array(K * n); // start[k * n + i]: first index of the last of those clusters
  const shift = sorted[Math.floor(n / 2)];
  const sums = new Float64Array(n);
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = sorted[i] - shift;
    sums[i] = i === 0 ? d : sums[i - 1] + d;
    squares[i] = i === 0 ? d * d : squares[i - 1] + d * d;
    prevCost[i] = ssq(0, i, sums, squares);
  }
  for (let k = 1; k < K; k++) {
    // the last row needs only its last cell
    fillRow(k < K - 1 ? k : n - 1, n - 1, k, n, prevCost, cost, start, sums, squares);
    [prevCost, cost] = [cost, prevCost];
  }
  const lows = new Array<number>(K);
  let right = n - 1;
  for (let k = K - 1; k >= 0; k--) {
    const left = start[k * n + right];
    lows[k] = sorted[left];
    if (k > 0) right = left - 1;
  }
  return lows;
}

/** Row k, cells lo..hi: the middle cell by scanning its admissible j, then each half (its j range narrowed). */
function fillRow(lo: number, hi: number, k: number, n: number, prevCost: Float64Array, cost: Float64Array, start: Int32Array, sums: Float64Array, squares: Float64Array): void {
  if (lo > hi) return;
  const i = Math.floor((lo + hi) / 2);
  const row = k * n;
  const prev = row - n;
  cost[i] = prevCost[i - 1];
  start[row + i] = i;
  let jLow = k;
  if (lo > k) jLow = Math.max(jLow, start[row + lo - 1]);
  jLow = Math.max(jLow, start[prev + i]);
  let jHigh = i - 1;
  if (hi < n - 1) jHigh = Math.min(jHigh, start[row + hi + 1]);
  for (let j = jHigh; j >= jLow; --j) {
    const sji = ssq(j, i, sums, squares);
    if (sji + prevCost[jLow - 1] >= cost[i]) break;
    // the lower end of the range, then j
    const atLow = ssq(jLow, i, sums, squares) + prevCost[jLow - 1];
    if (atLow < cost[i]) {
      cost[i] = atLow;
      start[row + i] = jLow;
    }
    jLow++;
    const atJ = sji + prevCost[j - 1];
    if (atJ < cost[i]) {
      cost[i] = atJ;
      start[row + i] = j;
    }
  }
  fillRow(lo, i - 1, k, n, prevCost, cost, start, sums, squares);
  fillRow(i + 1, hi, k, n, prevCost, cost, start, sums, squares);
}
