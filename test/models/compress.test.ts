import { describe, expect, it } from 'vitest';
import { compressSummary, distinctDoubles } from '../../src/summary/compress.ts';
import { bgFamilyProblem, bgNbdLogLikelihood } from '../../src/models/bgnbd.ts';
import { prepareSummary } from '../../src/models/fit.ts';
import { fitBgNbd } from '../../src/models/bgnbd.ts';
import { seededUniform, simulateSummary } from './simulate-helpers.ts';

describe('compressSummary', () => {
  it('collapses identical rows into weighted rows in first-seen order, with a row -> unique index', () => {
    const c = compressSummary({ frequency: [2, 0, 2, 0, 2], recency: [30.43, 0, 30.43, 0, 30.44], T: [38.86, 38.86, 38.86, 20, 38.86] });
    expect(Array.from(c.frequency)).toEqual([2, 0, 0, 2]);
    expect(Array.from(c.recency)).toEqual([30.43, 0, 0, 30.44]);
    expect(Array.from(c.T)).toEqual([38.86, 38.86, 20, 38.86]);
    expect(Array.from(c.weights)).toEqual([2, 1, 1, 1]);
    expect(Array.from(c.index)).toEqual([0, 1, 0, 2, 3]);
  });
  it('sums input weights and treats -0 like 0', () => {
    const c = compressSummary({ frequency: [1, 1], recency: [-0, 0], T: [5, 5], weights: [2.5, 4] });
    expect(c.weights.length).toBe(1);
    expect(c.weights[0]).toBe(6.5);
  });
  it('matches a string-keyed reference grouping on 200,000 random rows', () => {
    const u = seededUniform(42);
    const n = 200_000;
    const f = new Float64Array(n);
    const r = new Float64Array(n);
    const T = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      T[i] = Math.floor(u() * 300) / 7;
      f[i] = Math.floor(u() * u() * 6);
      r[i] = f[i] ? Math.floor(u() * T[i] * 7) / 7 : 0;
    }
    const c = compressSummary({ frequency: f, recency: r, T });
    const ref = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const k = `${f[i]}|${r[i]}|${T[i]}`;
      ref.set(k, (ref.get(k) ?? 0) + 1);
    }
    expect(c.weights.length).toBe(ref.size);
    for (let j = 0; j < c.weights.length; j++) expect(c.weights[j]).toBe(ref.get(`${c.frequency[j]}|${c.recency[j]}|${c.T[j]}`));
    for (let i = 0; i < n; i += 997) {
      const j = c.index[i];
      expect([c.frequency[j], c.recency[j], c.T[j]]).toEqual([f[i], r[i], T[i]]);
    }
  });
  it('gives the same log-likelihood and fit as the uncompressed data', () => {
    const sim = simulateSummary('bgnbd', { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 20_000, seed: 8, days: 730, acquisitionDays: 365 });
    const prep = prepareSummary(sim, 'bgnbd');
    expect(prep.rows).toBeLessThan(20_000);
    const params = { r: 0.3, alpha: 3.5, a: 0.7, b: 2.2 };
    const direct = bgNbdLogLikelihood(params, sim).reduce((s, v) => s + v, 0);
    const viaCompressed = bgFamilyProblem('bgnbd', prep).logLikelihood(Float64Array.of(0.3, 3.5, 0.7, 2.2));
    expect(viaCompressed).toBeCloseTo(direct, 7);
    // a pre-compressed weighted input gives the same fit as the raw rows
    const c = compressSummary(sim);
    const a = fitBgNbd(sim);
    const b = fitBgNbd(c);
    expect(b.params.r).toBeCloseTo(a.params.r, 8);
    expect(b.params.b).toBeCloseTo(a.params.b, 6);
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 6);
    expect(b.customers).toBe(20_000);
  });
});

describe('distinctDoubles', () => {
  it('indexes distinct values in first-seen order, growing its table past the first guess', () => {
    const d = distinctDoubles([3, 1, 3, -0, 0, 2.5]);
    expect(Array.from(d.values)).toEqual([3, 1, 0, 2.5]);
    expect(Array.from(d.index)).toEqual([0, 1, 0, 2, 2, 3]);
    const many = Float64Array.from({ length: 50_000 }, (_, i) => (i % 20_000) / 7);
    const e = distinctDoubles(many);
    expect(e.values.length).toBe(20_000);
    for (let i = 0; i < many.length; i += 1234) expect(e.values[e.index[i]]).toBe(many[i]);
  });
});
