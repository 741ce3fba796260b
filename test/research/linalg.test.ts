import { describe, expect, it } from 'vitest';
import { eigs, lusolve } from 'mathjs';
import { crossprodInverse, euclideanNorm, invertUpper, qrLeastSquares, symmetricEigen } from '../../src/research/linalg.ts';
import { correlationMatrix, mean, pearson, sampleVariance } from '../../src/research/describe.ts';
import { createRng } from '../../src/random.ts';
import { ols } from '../../src/research/ols.ts';

describe('linalg', () => {
  it('QR reproduces X = QR with orthonormal Q', () => {
    const X = [Float64Array.of(1, 1, 1, 1), Float64Array.of(1, 2, 3, 5), Float64Array.of(2, 0, 1, 7)];
    const f = qrLeastSquares(X, Float64Array.of(1, 2, 3, 4));
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) {
      let dot = 0;
      for (let i = 0; i < 4; i++) dot += f.Q[a][i] * f.Q[b][i];
      expect(dot).toBeCloseTo(a === b ? 1 : 0, 12);
    }
    for (let j = 0; j < 3; j++) for (let i = 0; i < 4; i++) {
      let v = 0;
      for (let k = 0; k <= j; k++) v += f.Q[k][i] * f.R[k * 3 + j];
      expect(v).toBeCloseTo(X[j][i], 12);
    }
  });
  it('invertUpper and crossprodInverse by hand', () => {
    // [[2, 1], [0, 4]]⁻¹ = [[1/2, −1/8], [0, 1/4]]; R⁻¹R⁻ᵀ = [[1/4 + 1/64, −1/32], [−1/32, 1/16]].
    expect(Array.from(invertUpper(Float64Array.of(2, 1, 0, 4), 2))).toEqual([0.5, -0.125, 0, 0.25]);
    const c = crossprodInverse(Float64Array.of(2, 1, 0, 4), 2);
    expect(Array.from(c)).toEqual([0.25 + 1 / 64, -1 / 32, -1 / 32, 1 / 16]);
  });
  it('Jacobi eigenvalues of [[2,1],[1,2]] are 3 and 1; eigenvectors satisfy Av = λv', () => {
    const A = [[4, 1, 0.5], [1, 3, 0.2], [0.5, 0.2, 1]];
    const { values, vectors } = symmetricEigen(A);
    expect(symmetricEigen([[2, 1], [1, 2]]).values.map((v) => +v.toFixed(12))).toEqual([3, 1]);
    for (let j = 0; j < 3; j++) for (let i = 0; i < 3; i++) {
      const av = A[i].reduce((s, a, k) => s + a * vectors[k][j], 0);
      expect(av).toBeCloseTo(values[j] * vectors[i][j], 10);
    }
    expect(values.reduce((a, b) => a + b)).toBeCloseTo(8, 12); // trace
  });
});

describe('linalg against mathjs (an independent implementation)', () => {
  const rng = createRng(2026);
  it('symmetricEigen: eigenvalues and eigenvectors of random symmetric matrices, 2x2 to 12x12', () => {
    for (let k = 2; k <= 12; k++) {
      for (let rep = 0; rep < 3; rep++) {
        const A = Array.from({ length: k }, () => new Array<number>(k).fill(0));
        for (let i = 0; i < k; i++) for (let j = 0; j <= i; j++) A[i][j] = A[j][i] = rng.normal();
        const ours = symmetricEigen(A);
        const ref = eigs(A);
        // mathjs: ascending values, eigenvectors as { value, vector } pairs.
        const pairs = ref.eigenvectors.map((e) => ({ value: Number(e.value), vector: (e.vector as number[]).map(Number) })).sort((a, b) => b.value - a.value);
        for (let j = 0; j < k; j++) {
          expect(ours.values[j]).toBeCloseTo(pairs[j].value, 10);
          // Same vector up to sign: |cos| = 1 (random matrices have well-separated eigenvalues).
          let dot = 0;
          for (let i = 0; i < k; i++) dot += ours.vectors[i][j] * pairs[j].vector[i];
          const norm = Math.hypot(...pairs[j].vector);
          expect(Math.abs(dot) / norm).toBeCloseTo(1, 8);
        }
      }
    }
  });
  it('qrLeastSquares: coefficients equal the normal-equation solution by LU (mathjs lusolve)', () => {
    const n = 80;
    const X = [Float64Array.from({ length: n }, () => 1), ...Array.from({ length: 4 }, () => Float64Array.from({ length: n }, () => rng.normal()))];
    const y = Float64Array.from({ length: n }, (_, i) => 1 + 2 * X[1][i] - X[2][i] + 0.5 * X[4][i] + rng.normal());
    const XtX = X.map((a) => X.map((b) => a.reduce((s, v, i) => s + v * b[i], 0)));
    const Xty = X.map((a) => a.reduce((s, v, i) => s + v * y[i], 0));
    const ref = (lusolve(XtX, Xty) as number[][]).map((r) => r[0]);
    const ours = qrLeastSquares(X, y);
    ref.forEach((b, j) => expect(ours.coef[j]).toBeCloseTo(b, 10));
  });
});

describe('describe and rng', () => {
  it('mean, variance, correlation by hand', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(sampleVariance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 14);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 14);
    expect(Number.isNaN(pearson([1, 1, 1], [1, 2, 3]))).toBe(true);
    expect(correlationMatrix([[1, 2, 3], [1, 2, 4]])[0][0]).toBe(1);
  });
  it('normals have mean 0 and variance 1 (law of large numbers, 4 SE bounds)', () => {
    const rng = createRng(123);
    const x = Array.from({ length: 40000 }, () => rng.normal());
    expect(Math.abs(mean(x))).toBeLessThan(4 / Math.sqrt(40000));
    expect(Math.abs(sampleVariance(x) - 1)).toBeLessThan(4 * Math.sqrt(2 / 40000));
  });
});

describe('standardised coefficients', () => {
  it('equal the slopes of the regression of z-scored y on z-scored predictors (invariant)', () => {
    const rng = createRng(5);
    const n = 60;
    const a = Float64Array.from({ length: n }, () => rng.normal() * 3 + 10);
    const b = Float64Array.from({ length: n }, (_, i) => rng.normal() + 0.5 * a[i]);
    const y = Float64Array.from({ length: n }, (_, i) => 2 * a[i] - b[i] + rng.normal() * 4);
    const z = (x: Float64Array) => {
      const m = mean(x);
      const s = Math.sqrt(sampleVariance(x));
      return Float64Array.from(x, (v) => (v - m) / s);
    };
    const raw = ols(y, [a, b], ['a', 'b']);
    const std = ols(z(y), [z(a), z(b)], ['a', 'b']);
    expect(raw.coefficients[1].beta).toBeCloseTo(std.coefficients[1].estimate, 12);
    expect(raw.coefficients[2].beta).toBeCloseTo(std.coefficients[2].estimate, 12);
  });
});

// Oracle: Math.hypot (the same norm, computed there from spread arguments), and its rules for Infinity and NaN.
describe('euclideanNorm, against Math.hypot', () => {
  it('agrees to rounding on random columns, and at the edges of the double range', () => {
    const rng = createRng(21);
    // on both sides of the one-pass range (a plain sum of squares between 1e-250 and 1e250) and past it
    for (const scale of [1, 1e-300, 1e300, 1e-160, 1e160, 1e-124, 1e-127, 1e124, 1e127]) {
      const c = Float64Array.from({ length: 2000 }, () => (rng.uniform() - 0.5) * scale);
      const want = Math.hypot(...c);
      expect(Number.isFinite(want) && want > 0).toBe(true);
      expect(Math.abs(euclideanNorm(c) - want)).toBeLessThanOrEqual(1e-14 * want);
    }
    expect(euclideanNorm(Float64Array.of(3, 4))).toBe(5);
    expect(euclideanNorm(new Float64Array(5))).toBe(0);
    expect(euclideanNorm(new Float64Array(0))).toBe(Math.hypot());
    expect(euclideanNorm(Float64Array.of(1, NaN, 2))).toBeNaN();
    expect(euclideanNorm(Float64Array.of(NaN, -Infinity, 2))).toBe(Infinity);
    expect(euclideanNorm(Float64Array.of(1e308, 1e308))).toBe(Math.hypot(1e308, 1e308));
  });
});
