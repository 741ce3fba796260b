import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../src/models/bgnbd.ts';
import { fitParetoNbd } from '../../src/models/paretonbd.ts';
import { compressSummary } from '../../src/summary/compress.ts';
import { customerValue } from '../../src/value/customer-value.ts';
import { equityByParameterDraws } from '../../src/value/equity-draws.ts';
import { simulateSummaries } from './simulate-summaries.ts';

const s = simulateSummaries({ r: 0.25, alpha: 4, a: 0.8, b: 2.5, p: 6, q: 4, v: 15 }, 3000, 7);
const rows = compressSummary(s);
const spend = Float64Array.from(s.frequency, (x, i) => (x > 0 ? s.monetaryValue[i] : 20));
const rowValue = new Float64Array(rows.weights.length);
for (let i = 0; i < spend.length; i++) rowValue[rows.index[i]] += spend[i] * 0.3;
const options = { horizon: 12, horizonUnit: 'month' as const, modelUnitDays: 7, annualDiscount: 0.1 };

describe('equity interval from parameter draws', () => {
  for (const [name, fit] of [['BG/NBD', fitBgNbd(s)], ['Pareto/NBD', fitParetoNbd(s)]] as const) {
    it(`${name}: brackets the point equity, computed customer by customer (invariant)`, () => {
      const point = customerValue(fit, s, { ...options, spend, margin: 0.3 }).clv.reduce((a, b) => a + b, 0);
      const iv = equityByParameterDraws(fit, rows, rowValue, options, 40, 0.9, 1);
      expect(iv.lower).toBeLessThan(point);
      expect(iv.upper).toBeGreaterThan(point);
      // about ±2 standard errors of a 3,000-customer fit: wide enough to mean something, not absurd
      expect(iv.upper / iv.lower).toBeGreaterThan(1.01);
      expect(iv.upper / iv.lower).toBeLessThan(2);
    });
  }
  it('collapses to the point equity as the covariance vanishes (closed-form limit)', () => {
    const fit = fitBgNbd(s);
    const tiny = { ...fit, covariance: fit.covariance!.map((row) => row.map((v) => v * 1e-16)) };
    const point = customerValue(fit, s, { ...options, spend, margin: 0.3 }).clv.reduce((a, b) => a + b, 0);
    const iv = equityByParameterDraws(tiny, rows, rowValue, options, 10, 0.9, 3);
    expect(iv.lower / point).toBeCloseTo(1, 6);
    expect(iv.upper / point).toBeCloseTo(1, 6);
  });
});
