import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, bgNbdModel } from '../../src/models/bgnbd.ts';
import { fitNbd, nbdLogLikelihood, nbdModel } from '../../src/models/nbd.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';
import { gammaSample, readCdnowSummary, seededUniform } from './simulate-helpers.ts';

const hasCdnow = sharedDataAvailable('cdnow_customers_summary.csv');
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

describe.runIf(hasCdnow)('NBD as the limit of the BG/NBD when dropout vanishes (b → ∞ at fixed a)', () => {
  const data = hasCdnow ? readCdnowSummary(sharedPath('cdnow_customers_summary.csv')) : { frequency: [], recency: [], T: [] };
  it('the BG/NBD log-likelihood converges to the NBD one as b grows (error shrinking like 1/b)', () => {
    const p = { r: 0.385, alpha: 12.07 };
    const nbd = sum(nbdLogLikelihood(p, data));
    // the dropout term a/(b+x-1) ((α+T)/(α+t_x))^{r+x} vanishes only once b exceeds the largest such ratio (~1e9 on CDNOW)
    const errs = [1e10, 1e12, 1e14].map((b) => Math.abs(sum(bgNbdLogLikelihood({ ...p, a: 0.8, b }, data)) - nbd));
    expect(errs[1]).toBeLessThan(errs[0] / 50);
    expect(errs[2]).toBeLessThan(errs[1] / 50);
    expect(errs[2]).toBeLessThan(1e-5);
  });
  it('predictions converge too: P(alive) -> 1, E[Y(t) | x, t_x, T] -> (r+x) t / (α+T)', () => {
    const p = { r: 0.385, alpha: 12.07 };
    // b = 1e8: beyond it the BG/NBD series for G loses digits (about b × 1e-16 relative), not the limit
    const bg = bgNbdModel({ ...p, a: 0.8, b: 1e8 });
    const nbd = nbdModel(p);
    for (const row of [{ frequency: 0, recency: 0, T: 38.86 }, { frequency: 5, recency: 10, T: 38.86 }, { frequency: 20, recency: 38, T: 38.86 }]) {
      expect(bg.probabilityAlive(row)).toBeCloseTo(1, 5);
      expect(bg.conditionalExpectedTransactions(39, row)).toBeCloseTo(nbd.conditionalExpectedTransactions(39, row), 5);
      expect(nbd.conditionalExpectedTransactions(39, row)).toBeCloseTo(((p.r + row.frequency) * 39) / (p.alpha + row.T), 12);
    }
    expect(bg.expectedTransactions(39)).toBeCloseTo(nbd.expectedTransactions(39), 5);
  });
  it('the NBD fit on CDNOW is the BG/NBD family limit: its LL is below the BG/NBD one (-9582.4)', () => {
    const m = fitNbd(data);
    expect(m.converged).toBe(true);
    expect(m.logLikelihood).toBeLessThan(-9582.4);
    expect(m.logLikelihood).toBeCloseTo(sum(nbdLogLikelihood(m.params, data)), 8);
    expect(Number.isFinite(m.standardErrors.r)).toBe(true);
  });
});

describe('NBD on simulated Poisson-Gamma data (known r = 0.6, alpha = 8)', () => {
  it('recovers r and alpha within 3 standard errors', () => {
    const u = seededUniform(7);
    const n = 4000;
    const frequency = new Float64Array(n);
    const recency = new Float64Array(n);
    const T = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const lambda = gammaSample(u, 0.6, 8);
      T[i] = 20 + 30 * u();
      let t = 0;
      for (;;) {
        t += -Math.log(u()) / lambda;
        if (t > T[i]) break;
        frequency[i]++;
        recency[i] = t;
      }
    }
    const m = fitNbd({ frequency, recency, T });
    expect(Math.abs(m.params.r - 0.6)).toBeLessThan(3 * m.standardErrors.r);
    expect(Math.abs(m.params.alpha - 8)).toBeLessThan(3 * m.standardErrors.alpha);
  });
  it('P(X(t) = n) sums to 1 with mean r t / α (the NBD moments)', () => {
    const m = nbdModel({ r: 0.6, alpha: 8 });
    let s = 0;
    let mean = 0;
    for (let k = 0; k < 400; k++) {
      const p = m.probabilityOfTransactions(k, 30);
      s += p;
      mean += k * p;
    }
    expect(s).toBeCloseTo(1, 10);
    expect(mean).toBeCloseTo((0.6 * 30) / 8, 8);
    expect(m.discountedExpectedResidualTransactions({ frequency: 2, recency: 5, T: 10 }, 0.01)).toBeCloseTo(2.6 / 18 / 0.01, 10);
  });
});
