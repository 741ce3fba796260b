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
 * Linear in the number of rows with no string keys: each column's distinct values get small ids
 * (summaries have few distinct frequencies, recencies and ages: days over a few years), the three
 * ids packed in one integer key hashed once per row; columns with too many distinct values take an
 * open-addressing hash on the three doubles. Input weights (default 1) are summed; `index` maps
 * every input row to its unique row.
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
  // a command compresses the same columns more than once (the fit, then the predictions): the last
  // unweighted result is kept and reused when every row still maps to its unique row (checked, so a
  // column changed in place in between is compressed again)
  const kept = !weights && typeof frequency === 'object' ? reused.get(frequency) : undefined;
  if (kept && kept.recency === recency && kept.T === T && stillMaps(kept.result, frequency, recency, T)) return copyOf(kept.result);
  const result = compressByIds(frequency, recency, T, weights, n) ?? compressByHash(frequency, recency, T, weights, n);
  if (!weights && n >= REUSE_FROM && typeof frequency === 'object') reused.set(frequency, { recency, T, result: copyOf(result) });
  return result;
}

/** Below this many rows compressing again is cheaper than keeping a copy. */
const REUSE_FROM = 50_000;

/** Results kept only as long as their frequency column lives (no summary is held past its use). */
const reused = new WeakMap<object, { recency: ArrayLike<number>; T: ArrayLike<number>; result: CompressedSummary }>();

/** Whether every input row still equals its unique row (so the compression is still that of the columns). */
function stillMaps(c: CompressedSummary, frequency: ArrayLike<number>, recency: ArrayLike<number>, T: ArrayLike<number>): boolean {
  const { index } = c;
  if (index.length !== frequency.length) return false;
  for (let i = 0; i < index.length; i++) {
    const k = index[i];
    if (c.frequency[k] !== frequency[i] || c.recency[k] !== recency[i] || c.T[k] !== T[i]) return false;
  }
  return true;
}

/** A copy the caller may change (prepareSummary clamps recencies in place). */
function copyOf(c: CompressedSummary): CompressedSummary {
  return { frequency: c.frequency.slice(), recency: c.recency.slice(), T: c.T.slice(), weights: c.weights.slice(), index: c.index.slice() };
}

/** Bits of the packed key per column id: frequency, recency, T (31 in all). */
const F_BITS = 9;
const R_BITS = 11;
const T_BITS = 11;

/**
 * Ids of a column's distinct doubles in first-seen order (-0 and 0 alike, NaN never equal), at most
 * `limit` of them: a small table that stays in cache.
 */
class SmallDistinct {
  readonly values: Float64Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  size = 0;
  constructor(readonly limit: number) {
    this.values = new Float64Array(limit);
    this.slots = new Int32Array(4 * limit).fill(-1);
    this.mask = 4 * limit - 1;
  }
  /** Id of v (already normalised: v + 0), or -1 when the table is full. */
  id(v: number): number {
    f64[0] = v;
    let h = Math.imul(u32[0] ^ Math.imul(u32[1], 0x85ebca77), 0x9e3779b1);
    h = (h ^ (h >>> 16)) & this.mask;
    const slots = this.slots;
    for (;;) {
      const k = slots[h];
      if (k < 0) {
        if (this.size === this.limit) return -1;
        const id = this.size++;
        this.values[id] = v;
        slots[h] = id;
        return id;
      }
      if (this.values[k] === v) return k;
      h = (h + 1) & this.mask;
    }
  }
}

/** Rows per call of the loops below: a function called many times is optimised early, a loop run once only by on-stack replacement. */
const BATCH = 8192;

function compressByIds(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  T: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  n: number,
): CompressedSummary | undefined {
  const fd = new SmallDistinct(1 << F_BITS);
  const rd = new SmallDistinct(1 << R_BITS);
  const td = new SmallDistinct(1 << T_BITS);
  // Pass 1, one column at a time: the packed key of each row, kept in `index` until pass 2 replaces it
  // with the row's unique row.
  const index = new Int32Array(n);
  for (let i = 0; i < n; i += BATCH) {
    const to = Math.min(n, i + BATCH);
    if (!columnIds(frequency, fd, index, R_BITS + T_BITS, i, to)) return undefined;
    if (!columnIds(recency, rd, index, T_BITS, i, to)) return undefined;
    if (!columnIds(T, td, index, 0, i, to)) return undefined;
  }
  // Pass 2: unique keys in first-seen order.
  const u = new UniqueKeys(n);
  for (let i = 0; i < n; i += BATCH) u.add(index, weights, i, Math.min(n, i + BATCH));
  const m = u.m;
  const keys = u.keys;
  const uf = new Float64Array(m);
  const ur = new Float64Array(m);
  const uT = new Float64Array(m);
  const fIdx = new Int32Array(m);
  const rIdx = new Int32Array(m);
  const tIdx = new Int32Array(m);
  const fv = fd.values;
  const rv = rd.values;
  const tv = td.values;
  for (let j = 0; j < m; j++) {
    const key = keys[j] - 1;
    const fi = key >>> (R_BITS + T_BITS);
    const ri = (key >>> T_BITS) & ((1 << R_BITS) - 1);
    const ti = key & ((1 << T_BITS) - 1);
    uf[j] = fv[fi];
    ur[j] = rv[ri];
    uT[j] = tv[ti];
    fIdx[j] = fi;
    rIdx[j] = ri;
    tIdx[j] = ti;
  }
  // A value first seen in row i first appears in the unique rows at row i's unique row (new there), so
  // each column's ids are also its distinct values in first-seen order over the unique rows: what
  // distinctDoubles would find there, kept for it.
  remember(uf, fv.slice(0, fd.size), fIdx);
  remember(ur, rv.slice(0, rd.size), rIdx);
  remember(uT, tv.slice(0, td.size), tIdx);
  return { frequency: uf, recency: ur, T: uT, weights: u.weights.slice(0, m), index };
}

/** Ids of col[from..to)'s values ORed into key at `shift`; false when the column has too many distinct values. */
function columnIds(col: ArrayLike<number>, d: SmallDistinct, key: Int32Array, shift: number, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const id = d.id(+col[i] + 0); // -0 + 0 = 0
    if (id < 0) return false;
    key[i] |= id << shift;
  }
  return true;
}

/**
 * Distinct int32 keys in first-seen order with their summed weights: open addressing over unique rows
 * (row + 1, 0 empty) at most half full, the key compared in `keys` (a few MB at most: in cache).
 */
class UniqueKeys {
  m = 0;
  /** key + 1 of each unique row. */
  readonly keys: Int32Array;
  readonly weights: Float64Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  constructor(n: number) {
    let cap = 1024;
    while (cap < 2 * n) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap);
    this.keys = new Int32Array(n);
    this.weights = new Float64Array(n);
  }

  /** Rows from .. to - 1: index[i] (a key) becomes the row's unique row. */
  add(index: Int32Array, weights: ArrayLike<number> | undefined, from: number, to: number): void {
    const slots = this.slots;
    const mask = this.mask;
    const keys = this.keys;
    const uw = this.weights;
    let m = this.m;
    for (let i = from; i < to; i++) {
      const key1 = (index[i] + 1) | 0;
      let h = Math.imul(key1, 0x9e3779b1) >>> 11;
      let u: number;
      for (;;) {
        h &= mask;
        const s = slots[h];
        if (s === 0) {
          u = m++;
          keys[u] = key1;
          slots[h] = u + 1;
          break;
        }
        if (keys[s - 1] === key1) {
          u = s - 1;
          break;
        }
        h++;
      }
      uw[u] += weights ? +weights[i] : 1;
      index[i] = u;
    }
    this.m = m;
  }
}

function compressByHash(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  T: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  n: number,
): CompressedSummary {
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
 * distinctDoubles of columns made by compressSummary, found on the way (see compressByIds); checked
 * against the column before use (a caller may have changed it in place, as prepareSummary clamps recency).
 */
const KNOWN = new WeakMap<Float64Array, { values: Float64Array; index: Int32Array }>();

function stillHolds(col: Float64Array, known: { values: Float64Array; index: Int32Array }): boolean {
  const { values, index } = known;
  if (index.length !== col.length) return false;
  for (let i = 0; i < col.length; i++) if (values[index[i]] !== col[i] + 0) return false;
  return true;
}

function remember(col: Float64Array, values: Float64Array, index: Int32Array): void {
  KNOWN.set(col, { values, index });
}

/**
 * Distinct values of a numeric column in first-seen order and each row's index into them
 * (open-addressing hash on the doubles; -0 and 0 are one value).
 *
 * @example
 * distinctDoubles([3, 1, 3]); // { values: Float64Array [3, 1], index: Int32Array [0, 1, 0] }
 */
export function distinctDoubles(col: ArrayLike<number>): { values: Float64Array; index: Int32Array } {
  const known = col instanceof Float64Array ? KNOWN.get(col) : undefined;
  if (known && stillHolds(col as Float64Array, known)) return { values: known.values.slice(), index: known.index.slice() };
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
