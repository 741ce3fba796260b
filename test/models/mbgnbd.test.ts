import { describe, expect, it } from 'vitest';
import { bgFamilyProblem } from '../../src/models/bgnbd.ts';
import { prepareSummary } from '../../src/models/fit.ts';
import { fitMbgNbd, mbgNbdLogLikelihood, mbgNbdModel } from '../../src/models/mbgnbd.ts';
import { ClvkitError } from '../../src/errors.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';
import { readCdnowSummary, simulateSummary } from './simulate-helpers.ts';

const hasCdnow = sharedDataAvailable('cdnow_customers_summary.csv');
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe.runIf(hasCdnow)('MBG/NBD on CDNOW (Batislam, Denizel & Filiztekin 2007)', () => {
  const data = hasCdnow ? readCdnowSummary(sharedPath('cdnow_customers_summary.csv')) : { frequency: [], recency: [], T: [] };
  it('reproduces the published estimates r 0.525, alpha 6.183, a 0.891, b 1.614', () => {
    const m = fitMbgNbd(data);
    expect(m.converged).toBe(true);
    expect(Math.abs(m.params.r - 0.525)).toBeLessThan(0.0005);
    expect(Math.abs(m.params.alpha - 6.183)).toBeLessThan(0.0005);
    expect(Math.abs(m.params.a - 0.891)).toBeLessThan(0.0005);
    expect(Math.abs(m.params.b - 1.614)).toBeLessThan(0.0005);
    // the maximum is at least as high as the likelihood at the published (rounded) point
    const atPublished = sum(mbgNbdLogLikelihood({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, data));
    expect(m.logLikelihood).toBeGreaterThanOrEqual(atPublished);
    expect(m.logLikelihood - atPublished).toBeLessThan(0.01);
    expect(m.logLikelihood).toBeCloseTo(-9582.13, 2);
  });
});

describe('MBG/NBD predictions', () => {
  const m = mbgNbdModel({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 });
  it('P(alive) < 1 at frequency 0 (dropout right after the first purchase) and equals 1/(1 + a/b ((α+T)/α)^r)', () => {
    const T = 38.86;
    const pa = m.probabilityAlive({ frequency: 0, recency: 0, T });
    expect(pa).toBeLessThan(1);
    expect(pa).toBeCloseTo(1 / (1 + (0.891 / 1.614) * ((6.183 + T) / 6.183) ** 0.525), 14);
  });
  it('P(X(t)=n) sums to 1 with mean E[X(t)]; the conditional pmf has mean E[Y(t)|x, t_x, T]', () => {
    for (const t of [5, 39, 78]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 2000; n++) {
        const p = m.probabilityOfTransactions(n, t);
        total += p;
        mean += n * p;
        if (n > 50 && p < 1e-18) break;
      }
      expect(total).toBeCloseTo(1, 10);
      expect(rel(mean, m.expectedTransactions(t))).toBeLessThan(1e-10);
    }
    for (const row of [{ frequency: 0, recency: 0, T: 38.86 }, { frequency: 2, recency: 30.43, T: 38.86 }, { frequency: 40, recency: 12, T: 38.86 }]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 600; n++) {
        const p = m.conditionalProbabilityOfTransactions(n, 39, row);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 10);
      expect(mean).toBeCloseTo(m.conditionalExpectedTransactions(39, row), 9);
    }
  });
  it('vectorised predictions equal the per-row ones', () => {
    const d = { frequency: [0, 3, 3, 100], recency: [0, 10, 10, 30], T: [20, 20, 40, 31] };
    const ce = m.conditionalExpectedTransactionsAll(26, d);
    const pa = m.probabilityAliveAll(d);
    for (let i = 0; i < 4; i++) {
      const row = { frequency: d.frequency[i], recency: d.recency[i], T: d.T[i] };
      expect(ce[i]).toBeCloseTo(m.conditionalExpectedTransactions(26, row), 14);
      expect(pa[i]).toBe(m.probabilityAlive(row));
    }
  });
});

describe('MBG/NBD fitting', () => {
  it('no repeat purchases is a clear error', () => {
    expect(() => fitMbgNbd({ frequency: [0, 0], recency: [0, 0], T: [3, 4] })).toThrow(ClvkitError);
  });
  it('recovers known parameters from 50,000 simulated customers (within 3 standard errors)', () => {
    const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const m = fitMbgNbd(simulateSummary('mbgnbd', truth, { customers: 50_000, seed: 7 }));
    expect(m.converged).toBe(true);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(m.params[k] - truth[k])).toBeLessThan(3 * m.standardErrors[k]);
  });
  it('the analytic gradient equals central differences', () => {
    const sim = simulateSummary('mbgnbd', { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 2000, seed: 5 });
    const prob = bgFamilyProblem('mbgnbd', prepareSummary(sim, 'mbgnbd'));
    const p = Float64Array.of(0.4, 3, 1.2, 1.7);
    const g = new Float64Array(4);
    prob.gradient!(p, g);
    for (let i = 0; i < 4; i++) {
      const h = 1e-6 * p[i];
      const up = Float64Array.from(p);
      const dn = Float64Array.from(p);
      up[i] += h;
      dn[i] -= h;
      expect(rel(g[i], (prob.logLikelihood(up) - prob.logLikelihood(dn)) / (2 * h))).toBeLessThan(1e-5);
    }
  });
  it('a customer with 300 transactions fits with finite results', () => {
    const sim = simulateSummary('mbgnbd', { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 3000, seed: 9 });
    const data = { frequency: [...sim.frequency, 300], recency: [...sim.recency, 50.9], T: [...sim.T, 51] };
    const m = fitMbgNbd(data);
    expect(m.converged).toBe(true);
    expect(Number.isFinite(m.logLikelihood)).toBe(true);
    expect(m.probabilityAlive({ frequency: 300, recency: 50.9, T: 51 })).toBeGreaterThan(0.9);
  });
});
