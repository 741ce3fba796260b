import { describe, expect, it } from 'vitest';
import { bgNbdModel } from '../../src/models/bgnbd.ts';
import { paretoNbdModel } from '../../src/models/paretonbd.ts';
import { expectedCumulativeTransactions } from '../../src/models/tracking.ts';
import { ClvkitError } from '../../src/errors.ts';

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
  it('rejects a non-positive step', () => {
    expect(() => expectedCumulativeTransactions(bg, [0], 10, 0)).toThrow(ClvkitError);
  });
});
