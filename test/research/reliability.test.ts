import { describe, expect, it } from 'vitest';
import { cronbachAlpha } from '../../src/research/cronbach.ts';
import { oneFactor } from '../../src/research/one-factor.ts';
import { compositeReliability } from '../../src/research/composite-reliability.ts';
import { averageVarianceExtracted } from '../../src/research/ave.ts';
import { fornellLarcker } from '../../src/research/fornell-larcker.ts';

describe('cronbachAlpha: hand-computed example', () => {
  // Four respondents, three items, all with mean 4:
  //   i1 = 2 4 4 6 → deviations −2 0 0 2, SS = 8,  s² = 8/3
  //   i2 = 1 3 5 7 → deviations −3 −1 1 3, SS = 20, s² = 20/3
  //   i3 = 3 3 5 5 → deviations −1 −1 1 1, SS = 4,  s² = 4/3
  //   total = 6 10 14 18 → deviations −6 −2 2 6, SS = 80, s² = 80/3
  // α = 3/2 · (1 − 32/80) = 1.5 · 0.6 = 0.9.
  // Without i1: i2+i3 = 4 6 10 12, SS = 40; α = 2(1 − 24/40) = 0.8.
  // Without i2: i1+i3 = 5 7 9 11, SS = 20; α = 2(1 − 12/20) = 0.8.
  // Without i3: i1+i2 = 3 7 9 13, SS = 52; α = 2(1 − 28/52) = 12/13.
  // Corrected item-total: r(i1, i2+i3) = 16/√(8·40) = 2/√5; r(i2, i1+i3) = 20/√(20·20) = 1;
  //   r(i3, i1+i2) = 12/√(4·52) = 3/√13.
  const res = cronbachAlpha([[2, 4, 4, 6], [1, 3, 5, 7], [3, 3, 5, 5]]);
  it('alpha', () => expect(res.alpha).toBeCloseTo(0.9, 14));
  it('alpha if item deleted', () => {
    expect(res.alphaIfDeleted[0]).toBeCloseTo(0.8, 14);
    expect(res.alphaIfDeleted[1]).toBeCloseTo(0.8, 14);
    expect(res.alphaIfDeleted[2]).toBeCloseTo(12 / 13, 14);
  });
  it('corrected item-total correlations', () => {
    expect(res.itemTotal[0]).toBeCloseTo(2 / Math.sqrt(5), 14);
    expect(res.itemTotal[1]).toBeCloseTo(1, 14);
    expect(res.itemTotal[2]).toBeCloseTo(3 / Math.sqrt(13), 14);
  });
  it('a constant item gets a null item-total correlation, not NaN', () => {
    const r = cronbachAlpha([[1, 2, 3, 4], [2, 3, 3, 5], [4, 4, 4, 4]]);
    expect(r.itemTotal[2]).toBeNull();
    expect(Number.isFinite(r.alpha)).toBe(true);
  });
  it('fewer than two items is an error', () => {
    expect(() => cronbachAlpha([[1, 2, 3]])).toThrow(/at least two items/);
  });
});

describe('oneFactor (principal axis)', () => {
  it('recovers the loadings of an exact one-factor correlation matrix (fixed point)', () => {
    const lambda = [0.8, 0.7, 0.6, 0.5];
    const R = lambda.map((a, i) => lambda.map((b, j) => (i === j ? 1 : a * b)));
    const f = oneFactor(R);
    expect(f.converged).toBe(true);
    f.loadings.forEach((l, i) => expect(l).toBeCloseTo(lambda[i], 6));
  });
  it('signs loadings so their sum is positive; a reversed item loads negatively', () => {
    const lambda = [0.8, -0.7, 0.6];
    const R = lambda.map((a, i) => lambda.map((b, j) => (i === j ? 1 : a * b)));
    const f = oneFactor(R);
    f.loadings.forEach((l, i) => expect(l).toBeCloseTo(lambda[i], 6));
  });
  it('a Heywood case (implied communality above 1) is flagged and capped, never NaN', () => {
    // r12 = r13 = 0.9, r23 = 0.7 imply λ1² = r12·r13/r23 = 1.157 > 1.
    const f = oneFactor([[1, 0.9, 0.9], [0.9, 1, 0.7], [0.9, 0.7, 1]]);
    expect(f.heywood).toBe(true);
    for (const l of f.loadings) {
      expect(Number.isFinite(l)).toBe(true);
      expect(Math.abs(l)).toBeLessThanOrEqual(1);
    }
  });
  it('two items: equal loadings √r', () => {
    expect(oneFactor([[1, 0.49], [0.49, 1]]).loadings).toEqual([0.7, 0.7]);
  });
});

describe('composite reliability and AVE', () => {
  // λ = 0.8, 0.7, 0.6: Σλ = 2.1, (Σλ)² = 4.41, Σ(1 − λ²) = 0.36 + 0.51 + 0.64 = 1.51 → ρ_c = 4.41/5.92;
  // AVE = (0.64 + 0.49 + 0.36)/3 = 1.49/3.
  it('hand-computed', () => {
    expect(compositeReliability([0.8, 0.7, 0.6])).toBeCloseTo(4.41 / 5.92, 14);
    expect(averageVarianceExtracted([0.8, 0.7, 0.6])).toBeCloseTo(1.49 / 3, 14);
  });
  it('equal loadings: composite reliability equals standardised alpha (Spearman-Brown)', () => {
    // k items with loading λ: inter-item r = λ²; standardised alpha = k r̄/(1 + (k − 1) r̄).
    const k = 5;
    const l = 0.7;
    const r = l * l;
    expect(compositeReliability(new Array(k).fill(l))).toBeCloseTo((k * r) / (1 + (k - 1) * r), 14);
  });
});

describe('fornellLarcker', () => {
  it('√AVE on the diagonal and the criterion per construct', () => {
    const t = fornellLarcker(['A', 'B', 'C'], [0.64, 0.25, 0.81], [[1, 0.6, 0.3], [0.6, 1, 0.2], [0.3, 0.2, 1]]);
    expect(t.matrix[0][0]).toBeCloseTo(0.8, 14);
    expect(t.matrix[1][1]).toBeCloseTo(0.5, 14);
    expect(t.matrix[0][1]).toBe(0.6);
    expect(t.discriminant).toEqual({ A: true, B: false, C: true });
  });
});
