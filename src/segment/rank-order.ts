/**
 * Customers ranked by value, highest first, equal values in input order: the permutation that
 * `indices.sort((i, j) => values[j] - values[i] || i - j)` gives, without a comparator sort. One native
 * sort of the values, then each customer's place among the distinct values by binary search and a stable
 * counting pass (a million customers: tens of milliseconds instead of seconds); from 32,768 values a stable
 * radix sort of their bits (src/sort-float64.ts), which avoids the million binary searches.
 */

import { descendingIndices } from '../sort-float64.ts';

/** From this many values the radix sort is faster than the native sort and the binary searches. */
const RADIX_FROM = 1 << 15;

/**
 * Indices of the values from highest to lowest, ties (0 and −0 alike) in input order. With a value that is
 * not finite, the comparator sort itself (NaN has no place in a ranking; callers check before).
 *
 * @example
 * descendingOrder([5, 100, 20, 5]); // Int32Array [1, 2, 0, 3]
 */
export function descendingOrder(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) return Int32Array.from(Array.from({ length: n }, (_, k) => k).sort((a, b) => values[b] - values[a] || a - b));
  }
  // large inputs: a stable radix sort of the values' bits (the same permutation, in linear time)
  if (n >= RADIX_FROM) return descendingIndices(values);
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = values[i] === 0 ? 0 : values[i]; // −0 ranks with 0
  sorted.sort();
  // distinct values, highest first, and how many customers hold each
  const distinct = new Float64Array(n);
  const start = new Int32Array(n + 1);
  let m = 0;
  for (let r = n - 1; r >= 0; r--) {
    const v = sorted[r];
    if (m === 0 || distinct[m - 1] !== v) distinct[m++] = v;
    start[m]++;
  }
  for (let b = 0; b < m; b++) start[b + 1] += start[b];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] === 0 ? 0 : values[i];
    // distinct is descending: the first slot whose value is <= v holds v
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid] > v) lo = mid + 1;
      else hi = mid;
    }
    order[start[lo]++] = i;
  }
  return order;
}
