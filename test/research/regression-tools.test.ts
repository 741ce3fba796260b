import { describe, expect, it } from 'vitest';
import fcdf from '@stdlib/stats-base-dists-f-cdf';
import { vif } from '../../src/research/vif.ts';
import { hierarchicalOls } from '../../src/research/hierarchical.ts';
import { designMatrix } from '../../src/research/design.ts';
import { ols } from '../../src/research/ols.ts';
import { pearson } from '../../src/research/describe.ts';

describe('vif', () => {
  it('orthogonal predictors have VIF exactly 1 (invariant)', () => {
    // Columns of a 2^3 factorial design are mutually orthogonal and centred.
    const a = Float64Array.of(-1, 1, -1, 1, -1, 1, -1, 1);
    const b = Float64Array.of(-1, -1, 1, 1, -1, -1, 1, 1);
    const c = Float64Array.of(-1, -1, -1, -1, 1, 1, 1, 1);
    for (const v of vif([a, b, c])) expect(v).toBeCloseTo(1, 12);
  });
  it('two predictors: VIF = 1/(1 − r²) for both', () => {
    const a = Float64Array.of(1, 2, 3, 4, 5, 6);
    const b = Float64Array.of(2, 1, 4, 3, 6, 7);
    const r = pearson(a, b);
    for (const v of vif([a, b])) expect(v).toBeCloseTo(1 / (1 - r * r), 10);
  });
});

describe('hierarchicalOls', () => {
  const n = 30;
  const x1 = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
  const x2 = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 2.1));
  const x3 = Float64Array.from({ length: n }, (_, i) => (i % 5) - 2);
  const y = Float64Array.from({ length: n }, (_, i) => 1 + x1[i] + 0.5 * x2[i] + 0.3 * x3[i] + Math.sin(i * 7.7) * 0.8);
  const steps = hierarchicalOls(y, [
    { names: ['x1'], columns: [x1] },
    { names: ['x2', 'x3'], columns: [x2, x3] },
  ]);
  it('ΔR² and its F test follow the formula F = (ΔR²/m)/((1 − R²₂)/(n − k₂))', () => {
    const r1 = ols(y, [x1], ['x1']).r2;
    const r2 = ols(y, [x1, x2, x3], ['x1', 'x2', 'x3']).r2;
    expect(steps[1].delta_r2).toBeCloseTo(r2 - r1, 12);
    const f = ((r2 - r1) / 2) / ((1 - r2) / (n - 4));
    expect(steps[1].f_change).toBeCloseTo(f, 10);
    expect(steps[1].df1).toBe(2);
    expect(steps[1].df2).toBe(n - 4);
    expect(steps[1].p).toBeCloseTo(1 - fcdf(f, 2, n - 4), 12);
  });
  it('the F test of a block equals the F from residual sums of squares (nested-model identity)', () => {
    const rssR = ols(y, [x1], ['x1']).rss;
    const rssF = ols(y, [x1, x2, x3], ['x1', 'x2', 'x3']).rss;
    expect(steps[1].f_change).toBeCloseTo(((rssR - rssF) / 2) / (rssF / (n - 4)), 9);
  });
  it('the first step equals the overall F of the first model', () => {
    expect(steps[0].f_change).toBeCloseTo(steps[0].fit.f!, 10);
  });
});

describe('designMatrix', () => {
  const a = Float64Array.of(1, 2, 3, 4);
  const b = Float64Array.of(2, 2, 4, 8);
  it('centres the variables of an interaction and forms the product', () => {
    const d = designMatrix({ a, b }, ['a'], [['a', 'b']]);
    expect(d.names).toEqual(['a', 'b', 'a:b']);
    expect(Array.from(d.columns[0])).toEqual([-1.5, -0.5, 0.5, 1.5]);
    expect(Array.from(d.columns[1])).toEqual([-2, -2, 0, 4]);
    expect(Array.from(d.columns[2])).toEqual([3, 1, 0, 6]);
    expect(d.centred).toEqual({ a: 2.5, b: 4 });
  });
  it('centring leaves the interaction coefficient and R² unchanged (invariant)', () => {
    const n = 40;
    const u = Float64Array.from({ length: n }, (_, i) => 3 + Math.sin(i));
    const v = Float64Array.from({ length: n }, (_, i) => 5 + Math.cos(i * 1.7));
    const y = Float64Array.from({ length: n }, (_, i) => u[i] * v[i] + Math.sin(i * 9.1));
    const c = designMatrix({ u, v }, ['u', 'v'], [['u', 'v']], true);
    const r = designMatrix({ u, v }, ['u', 'v'], [['u', 'v']], false);
    const fc = ols(y, c.columns, c.names);
    const fr = ols(y, r.columns, r.names);
    expect(fc.coefficients[3].estimate).toBeCloseTo(fr.coefficients[3].estimate, 9);
    expect(fc.r2).toBeCloseTo(fr.r2, 12);
    // Centred main effect of u = raw main effect + interaction × mean(v) (Aiken & West 1991, ch. 3).
    expect(fc.coefficients[1].estimate).toBeCloseTo(fr.coefficients[1].estimate + fr.coefficients[3].estimate * c.centred.v, 9);
  });
  it('unknown variables are named', () => {
    expect(() => designMatrix({ a }, ['zz'])).toThrow(/unknown variable "zz"/);
  });
});
