import { describe, expect, it } from 'vitest';
import { simulateTransactions } from '../../src/simulate/transactions.ts';
import { createRng } from '../../src/random.ts';

describe('createRng', () => {
  it('is reproducible and draws with the right moments', () => {
    const a = createRng(5);
    const b = createRng(5);
    expect(a.uniform()).toBe(b.uniform());
    const rng = createRng(11);
    const n = 200_000;
    let sg = 0, sg2 = 0, sb = 0;
    for (let i = 0; i < n; i++) {
      const g = rng.gamma(0.5, 2); // mean 0.25, variance 0.125
      sg += g;
      sg2 += g * g;
      sb += rng.beta(0.8, 2.5); // mean 0.8 / 3.3
    }
    const mean = sg / n;
    expect(mean).toBeCloseTo(0.25, 2);
    expect(sg2 / n - mean * mean).toBeCloseTo(0.125, 1);
    expect(sb / n).toBeCloseTo(0.8 / 3.3, 2);
  });
});

describe('simulateTransactions', () => {
  it('gives every customer a first purchase inside the acquisition window and none after the end', () => {
    const log = simulateTransactions({ customers: 2000, seed: 3, days: 100, acquisitionDays: 30 });
    const first = new Int32Array(2000).fill(-1);
    for (let i = 0; i < log.customer.length; i++) {
      expect(log.day[i]).toBeLessThanOrEqual(log.end);
      if (first[log.customer[i]] < 0) first[log.customer[i]] = log.day[i];
    }
    for (const d of first) {
      expect(d).toBeGreaterThanOrEqual(log.start);
      expect(d).toBeLessThan(log.start + 30);
    }
  });
  it('matches the BG/NBD expected number of repeat purchases (Fader, Hardie & Lee 2005a, eq. 9)', () => {
    // All customers start on day 0 and are watched for t = 52 weeks (days rounded down barely matter over a year).
    const { r, alpha, a, b } = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const t = 52;
    const log = simulateTransactions({ customers: 40_000, seed: 9, days: 364, acquisitionDays: 0.0001 });
    const repeats = log.customer.length - 40_000;
    // E[X(t)] = (a+b-1)/(a-1) * [1 - ((alpha/(alpha+t))^r) * 2F1(r, b; a+b-1; t/(alpha+t))], via the series for 2F1.
    const z = t / (alpha + t);
    let term = 1, sum = 1;
    for (let k = 0; k < 2000; k++) {
      term *= ((r + k) * (b + k)) / ((a + b - 1 + k) * (k + 1)) * z;
      sum += term;
    }
    const expected = ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * sum);
    expect(repeats / 40_000).toBeCloseTo(expected, 1);
  });
});
