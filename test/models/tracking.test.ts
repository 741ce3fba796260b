import { describe, expect, it } from 'vitest';
import { bgNbdModel } from '../../src/models/bgnbd.ts';
import { paretoNbdModel } from '../../src/models/paretonbd.ts';
import { expectedCumulativeTransactions } from '../../src/models/tracking.ts';
import { ClvkitError } from '../../src/errors.ts';
import { seededUniform, simulateCohortCounts } from './simulate-helpers.ts';

describe('expectedCumulativeTransactions (tracking curve)', () => {
  const bg = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
  it('for one customer starting at 0 it is E[X(t)] on the grid', () => {
    const c = expectedCumulativeTransactions(bg, [0], 10, 0.5);
    expect(c.times.length).toBe(21);
    for (let k = 0; k < c.times.length; k++) expect(c.cumulative[k]).toBeCloseTo(bg.expectedTransactions(c.times[k]), 12);
  });
  it('equals the brute-force sum over customers with staggered first purchases', () => {
    const starts = [0, 0, 1 / 7, 2 / 7, 2 / 7, 3.5, 11.2, 11.2, 11.2, 40];
    for (const model of [bg, paretoNbdModel({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 })]) {
      const c = expectedCumulativeTransactions(model, starts, 52, 1);
      for (let k = 0; k < c.times.length; k++) {
        let s = 0;
        for (const t0 of starts) if (c.times[k] > t0) s += model.expectedTransactions(c.times[k] - t0);
        expect(c.cumulative[k]).toBeCloseTo(s, 8);
      }
      // increments add up to the cumulative curve and are non-negative (E[X(t)] increases)
      let acc = 0;
      for (let k = 0; k < c.times.length; k++) {
        acc += c.incremental[k];
        expect(c.incremental[k]).toBeGreaterThanOrEqual(-1e-12);
      }
      expect(acc).toBeCloseTo(c.cumulative[c.cumulative.length - 1], 10);
    }
  });
  it('matches the simulated cumulative repeat purchases of a staggered cohort (20,000 customers, within 4 standard errors)', () => {
    const params = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const u = seededUniform(99);
    const starts = Array.from({ length: 20_000 }, () => Math.floor(u() * 26 * 7) / 7); // first purchases over 26 weeks, whole days
    const curve = expectedCumulativeTransactions(bgNbdModel(params), starts, 78, 1);
    const sim = simulateCohortCounts(params, starts, 78, 1, 5);
    const n = starts.length;
    for (let k = 1; k < curve.times.length; k++) {
      const mean = sim.total[k] / n;
      const se = Math.sqrt(n * (sim.sumSquares[k] / n - mean * mean));
      expect(Math.abs(sim.total[k] - curve.cumulative[k])).toBeLessThan(4 * se + 1e-9);
    }
    expect(curve.cumulative[78]).toBeGreaterThan(0.9 * sim.total[78]);
  });

  it('rejects a non-positive step', () => {
    expect(() => expectedCumulativeTransactions(bg, [0], 10, 0)).toThrow(ClvkitError);
  });
});
