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

describe('compressSummary over column ids (few distinct values) and over the doubles (many)', () => {
  /** Rows of a simulated summary: days / 7, as `clvkit summary` writes them; `spread` widens the distinct values. */
  function columns(n: number, seed: number, spread: number) {
    const u = seededUniform(seed);
    const f = new Float64Array(n);
    const r = new Float64Array(n);
    const T = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      T[i] = Math.floor(u() * spread) / 7;
      f[i] = Math.floor(u() * u() * 40);
      r[i] = f[i] ? Math.floor(u() * T[i] * 7) / 7 : i % 11 === 0 ? -0 : 0;
    }
    return { f, r, T };
  }
  for (const [name, spread] of [['few distinct ages (ids)', 700], ['more distinct ages than the id tables hold (doubles)', 100_000]] as const) {
    it(`${name}: the unique rows expanded by index give back every input row, weights count the rows`, () => {
      const { f, r, T } = columns(100_000, 3, spread);
      const c = compressSummary({ frequency: f, recency: r, T });
      const count = new Float64Array(c.weights.length);
      for (let i = 0; i < f.length; i++) {
        const j = c.index[i];
        count[j]++;
        if (c.frequency[j] !== f[i] || c.recency[j] !== r[i] || c.T[j] !== T[i]) expect([c.frequency[j], c.recency[j], c.T[j]], `row ${i}`).toEqual([f[i], r[i] + 0, T[i]]);
      }
      expect(Array.from(c.weights)).toEqual(Array.from(count));
      // first-seen order: unique row j first appears before unique row j + 1
      const first = new Int32Array(c.weights.length).fill(-1);
      for (let i = 0; i < f.length; i++) if (first[c.index[i]] < 0) first[c.index[i]] = i;
      for (let j = 1; j < first.length; j++) expect(first[j]).toBeGreaterThan(first[j - 1]);
      // distinct rows are distinct
      expect(new Set(Array.from(c.weights, (_, j) => `${c.frequency[j]}|${c.recency[j]}|${c.T[j]}`)).size).toBe(c.weights.length);
    });
  }
  it('distinctDoubles of its columns equals distinctDoubles of copies of them, also after a column is changed in place', () => {
    const { f, r, T } = columns(50_000, 5, 700);
    const c = compressSummary({ frequency: f, recency: r, T });
    for (const col of [c.frequency, c.recency, c.T]) {
      const a = distinctDoubles(col);
      const b = distinctDoubles(Array.from(col));
      expect(Array.from(a.values)).toEqual(Array.from(b.values));
      expect(Array.from(a.index)).toEqual(Array.from(b.index));
    }
    c.recency[5] = 1234.5; // as prepareSummary clamps a recency to T
    const a = distinctDoubles(c.recency);
    const b = distinctDoubles(Array.from(c.recency));
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(Array.from(a.index)).toEqual(Array.from(b.index));
  });
  it('weighted input and NaN rows: weights summed in row order, every NaN row its own unique row (as the hash on doubles)', () => {
    const c = compressSummary({ frequency: [1, 1, NaN, 1, NaN], recency: [2, 2, 0, 2, 0], T: [5, 5, 5, 5, 5], weights: [0.1, 0.2, 1, 0.3, 1] });
    expect(c.weights.length).toBe(3);
    expect(c.weights[0]).toBe(0.1 + 0.2 + 0.3);
    expect(Array.from(c.index)).toEqual([0, 0, 1, 0, 2]);
  });
});

// Oracle: a fresh compression of the same columns (the reused result must equal it, and must not be
// shared: callers such as prepareSummary change their copy in place).
describe('compressSummary reuses its last result only while it still describes the columns (invariant)', () => {
  const n = 60_000;
  const frequency = Float64Array.from({ length: n }, (_, i) => i % 7);
  const recency = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : (i % 50) + 1));
  const T = Float64Array.from({ length: n }, (_, i) => (i % 50) + 60);
  it('the second call equals the first, and changing the first result does not change the second', () => {
    const a = compressSummary({ frequency, recency, T });
    const ref = { f: a.frequency.slice(), r: a.recency.slice(), idx: a.index.slice() };
    a.recency.fill(-1);
    const b = compressSummary({ frequency, recency, T });
    expect(b.frequency).toEqual(ref.f);
    expect(b.recency).toEqual(ref.r);
    expect(b.index).toEqual(ref.idx);
  });
  it('a column changed in place is compressed again', () => {
    compressSummary({ frequency, recency, T });
    const T2 = T; // same array object, new content
    T2[5] = 1000;
    const c = compressSummary({ frequency, recency, T: T2 });
    expect(c.T[c.index[5]]).toBe(1000);
    let total = 0;
    for (const w of c.weights) total += w;
    expect(total).toBe(n);
  });
});
