/**
 * Compression of a customer summary into weighted unique rows (DESIGN.md §1 "Models"): customers
 * with identical (frequency, recency, T) collapse to one row whose weight is the sum of their
 * weights, so a fit costs the number of distinct rows, not customers.
 */
import type { SummaryData } from '../types.ts';

/**
 * Weighted unique rows and, per input row, the index of its unique row.
 *
 * @example
 * const c: CompressedSummary = compressSummary({ frequency: [1, 1], recency: [2, 2], T: [5, 5] });
 * c.weights; // Float64Array [2]
 */
export interface CompressedSummary {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  weights: Float64Array;
  /** row -> unique row */
  index: Int32Array;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function mix(h: number, v: number): number {
  f64[0] = v === 0 ? 0 : v; // -0 and 0 hash alike
  h = Math.imul(h ^ u32[0], 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ u32[1], 0x85ebca77);
  return h ^ (h >>> 13);
}

/**
 * Collapses identical (frequency, recency, T) rows into weighted rows, in first-seen order.
 * Open-addressing hash on the three doubles (no string keys): linear in the number of rows.
 * Input weights (default 1) are summed; `index` maps every input row to its unique row.
 *
 * @example
 * const c = compressSummary({ frequency: [2, 0, 2], recency: [30.43, 0, 30.43], T: [38.86, 38.86, 38.86] });
 * c.frequency; // Float64Array [2, 0]
 * c.weights;   // Float64Array [2, 1]
 * c.index;     // Int32Array [0, 1, 0]
 */
export function compressSummary(data: SummaryData): CompressedSummary {
  const { frequency, recency, T, weights } = data;
  const n = frequency.length;
  if (recency.length !== n || T.length !== n || (weights && weights.length !== n)) {
    throw new RangeError(`compressSummary: columns differ in length (frequency ${n}, recency ${recency.length}, T ${T.length}${weights ? `, weights ${weights.length}` : ''})`);
  }
  let cap = 16;
  while (cap < 2 * n) cap *= 2;
  const mask = cap - 1;
  const slots = new Int32Array(cap).fill(-1);
  const uf = new Float64Array(n);
  const ur = new Float64Array(n);
  const uT = new Float64Array(n);
  const uw = new Float64Array(n);
  const index = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = +frequency[i] + 0; // -0 + 0 = 0
    const r = +recency[i] + 0;
    const t = +T[i] + 0;
    let h = mix(mix(mix(0x2545f491, x), r), t) & mask;
    let u: number;
    for (;;) {
      u = slots[h];
      if (u < 0) {
        u = m++;
        slots[h] = u;
        uf[u] = x;
        ur[u] = r;
        uT[u] = t;
        break;
      }
      if (uf[u] === x && ur[u] === r && uT[u] === t) break;
      h = (h + 1) & mask;
    }
    uw[u] += weights ? +weights[i] : 1;
    index[i] = u;
  }
  return { frequency: uf.slice(0, m), recency: ur.slice(0, m), T: uT.slice(0, m), weights: uw.slice(0, m), index };
}

/**
 * Distinct values of a numeric column in first-seen order and each row's index into them
 * (open-addressing hash on the doubles; -0 and 0 are one value).
 *
 * @example
 * distinctDoubles([3, 1, 3]); // { values: Float64Array [3, 1], index: Int32Array [0, 1, 0] }
 */
export function distinctDoubles(col: ArrayLike<number>): { values: Float64Array; index: Int32Array } {
  const n = col.length;
  let cap = 16;
  while (cap < 2 * Math.min(n, 1 << 24)) cap *= 2;
  let mask = cap - 1;
  let slots = new Int32Array(cap).fill(-1);
  let vals = new Float64Array(Math.min(n, 1024) || 1);
  const index = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = +col[i] + 0; // -0 + 0 = 0
    let h = mix(0x2545f491, v) & mask;
    let u: number;
    for (;;) {
      u = slots[h];
      if (u < 0) {
        u = m++;
        if (u >= vals.length) {
          const grown = new Float64Array(vals.length * 2);
          grown.set(vals);
          vals = grown;
        }
        vals[u] = v;
        slots[h] = u;
        break;
      }
      if (vals[u] === v) break;
      h = (h + 1) & mask;
    }
    index[i] = u;
    if (2 * m > cap) {
      // grow the table (only when the column has more distinct values than expected)
      cap *= 2;
      mask = cap - 1;
      slots = new Int32Array(cap).fill(-1);
      for (let j = 0; j < m; j++) {
        let g = mix(0x2545f491, vals[j]) & mask;
        while (slots[g] >= 0) g = (g + 1) & mask;
        slots[g] = j;
      }
    }
  }
  return { values: vals.slice(0, m), index };
}
