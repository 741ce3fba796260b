/**
 * Sharing work across the customers and periods of a time-varying covariate panel (Pareto/NBD of
 * Bachmann, Meierer & Näf 2021): the distinct covariate vectors of the pieces (so e^{γ'z} is computed
 * once per vector and evaluation), and the customers alike in everything the likelihood sees (so
 * each group is evaluated once, weighted by its size).
 */
import type { DynamicCovariateData } from './panel.ts';

/** Distinct covariate vectors of a panel's pieces, by data object (built once, used by every evaluation). */
const VECTOR_CACHE = new WeakMap<DynamicCovariateData, { id: Int32Array; z: Float64Array; count: number } | null>();

/**
 * The distinct covariate vectors of the pieces and each piece's vector, or null when they barely
 * repeat (fewer than 4 pieces a vector: computing e^{γ'z} per piece is then as cheap). Contact counts,
 * seasons and categories repeat across customers and periods, so e^{γ'z} is computed once per vector.
 *
 * @example
 * pieceVectors(data)?.count; // 8 for two binary covariates and a 2-level one
 */
export function pieceVectors(data: DynamicCovariateData): { id: Int32Array; z: Float64Array; count: number } | null {
  const cached = VECTOR_CACHE.get(data);
  if (cached !== undefined) return cached;
  const k = data.names.length;
  const pieces = data.length.length;
  const id = new Int32Array(pieces);
  const limit = Math.floor(pieces / 4);
  // open addressing on the bits of the k values; equal vectors compared value by value
  let size = 1024;
  while (size < 2 * Math.min(limit + 1, pieces)) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const bits = new Uint32Array(data.z.buffer, data.z.byteOffset, data.z.length * 2);
  const firstPiece: number[] = [];
  let result: { id: Int32Array; z: Float64Array; count: number } | null = null;
  let ok = true;
  for (let p = 0; p < pieces && ok; p++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < 2 * k; j++) h = Math.imul(h ^ bits[2 * p * k + j], 0x01000193);
    let slot = (h >>> 0) & (size - 1);
    for (;;) {
      const v = slots[slot];
      if (v < 0) {
        if (firstPiece.length >= limit) {
          ok = false;
          break;
        }
        slots[slot] = firstPiece.length;
        id[p] = firstPiece.length;
        firstPiece.push(p);
        break;
      }
      const o = firstPiece[v] * k;
      let same = true;
      for (let j = 0; j < k; j++) {
        // NaN is never in the data (dynamicCovariateData rejects missing values); -0 and 0 differ in bits only
        if (data.z[o + j] !== data.z[p * k + j]) {
          same = false;
          break;
        }
      }
      if (same && bitsEqual(bits, firstPiece[v], p, k)) {
        id[p] = v;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
  }
  if (ok && pieces > 0) {
    const z = new Float64Array(firstPiece.length * k);
    firstPiece.forEach((p, v) => z.set(data.z.subarray(p * k, p * k + k), v * k));
    result = { id, z, count: firstPiece.length };
  }
  VECTOR_CACHE.set(data, result);
  return result;
}

function bitsEqual(bits: Uint32Array, a: number, b: number, k: number): boolean {
  for (let j = 0; j < 2 * k; j++) if (bits[2 * a * k + j] !== bits[2 * b * k + j]) return false;
  return true;
}


/**
 * Customers alike in everything their likelihood depends on (x, t_x, T, the pieces' lengths and
 * covariates, the covariates summed at the repeat purchases): one representative row per group, its
 * size as weight, and each customer's group. Null when fewer than a fifth of the customers share a
 * group with another (no gain).
 *
 * @example
 * const alike = compressCustomers(data); // { rows, weights, of } or null
 * alike?.rows.length; // distinct customers
 */
export function compressCustomers(data: DynamicCovariateData): { rows: Int32Array; weights: Float64Array; of: Int32Array } | null {
  const n = data.frequency.length;
  const k = data.names.length;
  const of = new Int32Array(n);
  let size = 1024;
  while (size < 2 * n) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const reps: number[] = [];
  const counts: number[] = [];
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  const mix = (h: number, v: number): number => {
    f64[0] = v;
    return Math.imul(Math.imul(h ^ u32[0], 0x01000193) ^ u32[1], 0x01000193);
  };
  const same = (a: number, b: number): boolean => {
    if (data.frequency[a] !== data.frequency[b] || data.recency[a] !== data.recency[b] || data.T[a] !== data.T[b]) return false;
    const pa = data.offsets[a];
    const pb = data.offsets[b];
    const len = data.offsets[a + 1] - pa;
    if (data.offsets[b + 1] - pb !== len) return false;
    for (let j = 0; j < k; j++) if (data.purchaseSums[a * k + j] !== data.purchaseSums[b * k + j]) return false;
    for (let q = 0; q < len; q++) {
      if (data.length[pa + q] !== data.length[pb + q]) return false;
      for (let j = 0; j < k; j++) if (data.z[(pa + q) * k + j] !== data.z[(pb + q) * k + j]) return false;
    }
    return true;
  };
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    h = mix(h, data.frequency[i]);
    h = mix(h, data.recency[i]);
    h = mix(h, data.T[i]);
    for (let j = 0; j < k; j++) h = mix(h, data.purchaseSums[i * k + j]);
    for (let p = data.offsets[i]; p < data.offsets[i + 1]; p++) {
      h = mix(h, data.length[p]);
      for (let j = 0; j < k; j++) h = mix(h, data.z[p * k + j]);
    }
    let slot = (h >>> 0) & (size - 1);
    for (;;) {
      const g = slots[slot];
      if (g < 0) {
        slots[slot] = reps.length;
        of[i] = reps.length;
        reps.push(i);
        counts.push(1);
        break;
      }
      if (same(reps[g], i)) {
        of[i] = g;
        counts[g]++;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
  }
  if (reps.length > 0.8 * n) return null;
  return { rows: Int32Array.from(reps), weights: Float64Array.from(counts), of };
}
