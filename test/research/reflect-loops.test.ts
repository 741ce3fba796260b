import { describe, expect, it } from 'vitest';
import { dotsFrom, reflectAll, reflectPivot, sumsOfSquares } from '../../src/research/reflect-loops.ts';
import { qrLeastSquares } from '../../src/research/linalg.ts';
import { createRng } from '../../src/random.ts';

// The oracle: one loop per column and per operation, as Golub & Van Loan write a Householder reflection
// (Alg. 5.1.1 and 5.2.1). The fused loops must give the same bits (Object.is on every value).
function dotOne(a: Float64Array, b: Float64Array, k: number): number {
  let d = 0;
  for (let i = k; i < a.length; i++) d += a[i] * b[i];
  return d;
}
function reflectOne(v: Float64Array, x: Float64Array, k: number): void {
  let d = dotOne(v, x, k);
  if (d === 0) return;
  d *= 2;
  for (let i = k; i < x.length; i++) x[i] -= d * v[i];
}

/** A textbook Householder QR least squares, one pass per operation (the reference for the fused one). */
function textbookQr(columns: Float64Array[], y: Float64Array, tolerance: number): { coef: Float64Array; R: Float64Array; collinear: number[] } {
  const p = columns.length;
  const n = y.length;
  const A = columns.map((c) => new Float64Array(c));
  const b = new Float64Array(y);
  const norms = A.map((c) => Math.sqrt(dotOne(c, c, 0)) || 1);
  const collinear: number[] = [];
  for (let k = 0; k < p; k++) {
    const col = A[k];
    const norm = Math.sqrt(dotOne(col, col, k));
    if (norm <= tolerance * norms[k]) {
      collinear.push(k);
      continue;
    }
    const alpha = col[k] >= 0 ? -norm : norm;
    const v = new Float64Array(n);
    for (let i = k; i < n; i++) v[i] = col[i];
    v[k] -= alpha;
    const vn = Math.sqrt(dotOne(v, v, k));
    for (let i = k; i < n; i++) v[i] /= vn;
    for (let j = k; j < p; j++) reflectOne(v, A[j], k);
    reflectOne(v, b, k);
  }
  const R = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) R[i * p + j] = A[j][i];
  const coef = new Float64Array(p);
  if (collinear.length === 0) {
    for (let i = p - 1; i >= 0; i--) {
      let s = b[i];
      for (let j = i + 1; j < p; j++) s -= R[i * p + j] * coef[j];
      coef[i] = s / R[i * p + i];
    }
  }
  return { coef, R, collinear };
}

const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) expect([i, a[i]]).toEqual([i, b[i]]);
};

describe('reflect-loops against one loop per column (same bits)', () => {
  const rng = createRng(11);
  const column = (n: number) => Float64Array.from({ length: n }, () => rng.normal() * 10 ** Math.floor(rng.uniform() * 6 - 3));
  it('dotsFrom: 1 to 7 columns, from several starting rows', () => {
    for (let m = 1; m <= 7; m++) for (const k of [0, 1, 5]) {
      const v = column(40);
      const xs = Array.from({ length: m }, () => column(40));
      sameBits(dotsFrom(v, xs, k, 40), xs.map((x) => dotOne(v, x, k)));
    }
  });
  it('sumsOfSquares: 1 to 7 columns, each the sum of one loop over that column', () => {
    for (let m = 1; m <= 7; m++) {
      const xs = Array.from({ length: m }, () => column(33));
      sameBits(sumsOfSquares(xs), xs.map((x) => dotOne(x, x, 0)));
    }
  });
  it('reflectAll: 1 to 7 columns give the columns that one reflection each gives', () => {
    for (let m = 1; m <= 7; m++) {
      const v = column(30);
      const xs = Array.from({ length: m }, () => column(30));
      const expected = xs.map((x) => new Float64Array(x));
      expected.forEach((x) => reflectOne(v, x, 2));
      reflectAll(v, xs, xs.map((x) => 2 * dotOne(v, x, 2)), 2, 30);
      xs.forEach((x, t) => sameBits(x, expected[t]));
    }
  });
  it('reflectPivot: the pivot, up to two more columns, its sum of squares and copy; a zero dot product leaves -0 alone', () => {
    for (let m = 0; m <= 2; m++) for (const zeroDot of [false, true]) {
      const v = column(25);
      const pivot = zeroDot ? Float64Array.from({ length: 25 }, (_, i) => (i === 3 ? -0 : 0)) : column(25);
      const xs = Array.from({ length: m }, () => column(25));
      const expPivot = new Float64Array(pivot);
      reflectOne(v, expPivot, 1);
      const expXs = xs.map((x) => new Float64Array(x));
      expXs.forEach((x) => reflectOne(v, x, 1));
      const next = new Float64Array(25);
      const s = reflectPivot(v, pivot, dotOne(v, pivot, 1), xs, xs.map((x) => 2 * dotOne(v, x, 1)), 1, 25, next);
      sameBits(pivot, expPivot);
      xs.forEach((x, t) => sameBits(x, expXs[t]));
      expect(Object.is(s, dotOne(expPivot, expPivot, 2))).toBe(true);
      sameBits(next.subarray(2), expPivot.subarray(2));
      if (zeroDot) expect(Object.is(pivot[3], -0)).toBe(true);
    }
  });
});

describe('qrLeastSquares against a textbook Householder QR (same bits)', () => {
  const rng = createRng(5);
  it('random designs of 1 to 6 columns, collinear and zero columns included, with and without Q, overwriting or not', () => {
    for (let trial = 0; trial < 120; trial++) {
      const n = 8 + Math.floor(rng.uniform() * 120);
      const p = 1 + Math.floor(rng.uniform() * 6);
      const cols = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => rng.normal() * 10 ** Math.floor(rng.uniform() * 6 - 3)));
      if (p > 2 && trial % 3 === 0) cols[2] = cols[0].map((x, i) => x + 2 * cols[1][i]);
      if (p > 1 && trial % 10 === 0) cols[1] = new Float64Array(n);
      const y = Float64Array.from({ length: n }, () => rng.normal());
      const expected = textbookQr(cols, y, 1e-10);
      for (const parts of [{}, { q: false, residuals: false }]) {
        const got = qrLeastSquares(cols, y, 1e-10, parts);
        expect(got.collinear).toEqual(expected.collinear);
        sameBits(got.coef, expected.coef);
        sameBits(got.R, expected.R);
      }
      const own = cols.map((c) => new Float64Array(c));
      const got = qrLeastSquares(own, new Float64Array(y), 1e-10, { q: false, residuals: false, overwrite: true });
      sameBits(got.coef, expected.coef);
      sameBits(got.R, expected.R);
    }
  });
  it('fewer rows than columns: the columns past the rows are collinear, as in the textbook QR', () => {
    // a Vandermonde design, 3 rows: its first three columns have rank 3
    const cols = Array.from({ length: 5 }, (_, j) => Float64Array.from({ length: 3 }, (_, i) => (i + 1) ** j));
    const y = Float64Array.of(1, -2, 0.5);
    const expected = textbookQr(cols, y, 1e-10);
    expect(expected.collinear).toEqual([3, 4]);
    for (const parts of [{}, { q: false, residuals: false }]) {
      const got = qrLeastSquares(cols, y, 1e-10, parts);
      expect(got.collinear).toEqual(expected.collinear);
      sameBits(got.R, expected.R);
    }
  });
});
