import { readFileSync } from 'node:fs';
import gammaln from '@stdlib/math-base-special-gammaln';
import { describe, expect, it } from 'vitest';
import { ClvkitError } from '../../src/errors.ts';
import { bgBbLogLikelihoodRow, bgBbModel, compressBgBb, fitBgBb, type BgBbParams } from '../../src/models/bgbb.ts';
import { createRng } from '../../src/random.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';

/**
 * Simulates the BG/BB story: at each opportunity an alive customer dies with probability theta, else transacts
 * with probability p. Returns per customer (x, t_x) over n opportunities, the transactions in the next nStar, and
 * whether alive at opportunity n + 1.
 */
function simulateBgBb(seed: number, customers: number, prm: BgBbParams, n: number, nStar: number) {
  const rng = createRng(seed);
  const x = new Int32Array(customers);
  const tx = new Int32Array(customers);
  const future = new Int32Array(customers);
  const aliveNext = new Uint8Array(customers);
  for (let i = 0; i < customers; i++) {
    const p = rng.beta(prm.alpha, prm.beta);
    const theta = rng.beta(prm.gamma, prm.delta);
    let alive = true;
    for (let t = 1; t <= n + nStar; t++) {
      if (alive && rng.uniform() < theta) alive = false;
      if (t === n + 1) aliveNext[i] = alive ? 1 : 0;
      if (!alive) break;
      if (rng.uniform() < p) {
        if (t <= n) {
          x[i]++;
          tx[i] = t;
        } else future[i]++;
      }
    }
  }
  return { x, tx, future, aliveNext };
}

const DONATIONS: BgBbParams = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

describe('BG/BB: hand-computed cases and identities', () => {
  it('L(1,1,1,1 | x=0, t_x=0, n=1) = B(1,2)B(1,2) + B(1,1)B(2,1) = 1/4 + 1/2', () => {
    expect(bgBbLogLikelihoodRow({ alpha: 1, beta: 1, gamma: 1, delta: 1 }, 0, 0, 1)).toBeCloseTo(Math.log(0.75), 14);
  });

  it('L(1,1,1,1 | x=1, t_x=1, n=2) by the individual-level sum integrated by hand', () => {
    // alive through 2: p(1-p)(1-th)^2 -> 1/6 * 1/3; died at 2 after the t=1 purchase: p * th(1-th) -> 1/2 * 1/6.
    expect(bgBbLogLikelihoodRow({ alpha: 1, beta: 1, gamma: 1, delta: 1 }, 1, 1, 2)).toBeCloseTo(Math.log(1 / 18 + 1 / 12), 14);
  });

  it('P(X(n)=x) sums to 1, its mean is E[X(n)], and E[X(n)] equals the closed form of Fader, Hardie & Shang (2010)', () => {
    const m = bgBbModel(DONATIONS);
    const { alpha: a, beta: b, gamma: g, delta: d } = DONATIONS;
    for (const n of [1, 6, 25]) {
      let total = 0;
      let mean = 0;
      for (let x = 0; x <= n; x++) {
        const p = m.probabilityOfTransactions(x, n);
        total += p;
        mean += x * p;
      }
      expect(total).toBeCloseTo(1, 12);
      expect(mean).toBeCloseTo(m.expectedTransactions(n), 12);
      const closed = (a / (a + b)) * (d / (g - 1)) * (1 - Math.exp(gammaln(g + d) + gammaln(1 + d + n) - gammaln(g + d + n) - gammaln(1 + d)));
      expect(m.expectedTransactions(n)).toBeCloseTo(closed, 12);
    }
    expect(m.probabilityOfTransactions(7, 6)).toBe(0);
  });

  it('the probabilities of all (x, t_x) histories over n sum to 1', () => {
    const m = bgBbModel(DONATIONS);
    const n = 6;
    let total = Math.exp(m.logLikelihoodOf({ frequency: 0, recency: 0, periods: n }));
    // histories with x transactions, the last at t_x: C(t_x - 1, x - 1) paths each
    for (let tx = 1; tx <= n; tx++) {
      for (let x = 1; x <= tx; x++) {
        const paths = Math.exp(gammaln(tx) - gammaln(x) - gammaln(tx - x + 1));
        total += paths * Math.exp(m.logLikelihoodOf({ frequency: x, recency: tx, periods: n }));
      }
    }
    expect(total).toBeCloseTo(1, 12);
  });

  it('conditional P(X(n, n+n*) = x*) sums to 1 and its mean is the conditional expectation', () => {
    const m = bgBbModel(DONATIONS);
    for (const row of [{ frequency: 6, recency: 6, periods: 6 }, { frequency: 2, recency: 3, periods: 6 }, { frequency: 0, recency: 0, periods: 6 }]) {
      for (const nStar of [1, 5, 12]) {
        let total = 0;
        let mean = 0;
        for (let k = 0; k <= nStar; k++) {
          const p = m.conditionalProbabilityOfTransactions(k, nStar, row);
          expect(p).toBeGreaterThanOrEqual(0);
          total += p;
          mean += k * p;
        }
        expect(total).toBeCloseTo(1, 12);
        expect(mean).toBeCloseTo(m.conditionalExpectedTransactions(nStar, row), 12);
      }
    }
  });

  it('DERT (closed form with 2F1) equals the discounted sum of expected transactions per future period', () => {
    const m = bgBbModel(DONATIONS);
    for (const row of [{ frequency: 6, recency: 6, periods: 6 }, { frequency: 2, recency: 3, periods: 6 }, { frequency: 0, recency: 0, periods: 6 }]) {
      for (const dr of [0.1, 0.25]) {
        let sum = 0;
        let prev = 0;
        for (let k = 1; k <= 600; k++) {
          const cum = m.conditionalExpectedTransactions(k, row);
          sum += (cum - prev) / Math.pow(1 + dr, k);
          prev = cum;
        }
        expect(m.discountedExpectedResidualTransactions(row, dr)).toBeCloseTo(sum, 10);
      }
    }
  });

  it('analytic gradient matches central differences', () => {
    const prm = [1.3, 0.8, 0.6, 2.5];
    const g = new Float64Array(4);
    const at = (q: number[]) => ({ alpha: q[0], beta: q[1], gamma: q[2], delta: q[3] });
    bgBbLogLikelihoodRow(at(prm), 2, 4, 7, g);
    for (let i = 0; i < 4; i++) {
      const h = 1e-6;
      const up = prm.slice();
      const dn = prm.slice();
      up[i] += h;
      dn[i] -= h;
      const fd = (bgBbLogLikelihoodRow(at(up), 2, 4, 7) - bgBbLogLikelihoodRow(at(dn), 2, 4, 7)) / (2 * h);
      expect(g[i]).toBeCloseTo(fd, 5);
    }
  });

  it('stays finite for long histories (n = 2000, x = 1500)', () => {
    const m = bgBbModel(DONATIONS);
    const row = { frequency: 1500, recency: 1990, periods: 2000 };
    const pa = m.probabilityAlive(row);
    expect(pa).toBeGreaterThan(0);
    expect(pa).toBeLessThanOrEqual(1);
    expect(Number.isFinite(m.conditionalExpectedTransactions(100, row))).toBe(true);
    expect(Number.isFinite(m.discountedExpectedResidualTransactions(row, 0.01))).toBe(true);
    expect(m.expectedTransactions(5_000_000)).toBeGreaterThan(m.expectedTransactions(1_000_000));
  });

  it('rejects impossible histories with a clear error', () => {
    expect(() => compressBgBb({ frequency: [3], recency: [2], periods: [6] })).toThrow(/row 1: frequency \(3\) cannot exceed recency/);
    expect(() => compressBgBb({ frequency: [1], recency: [7], periods: [6] })).toThrow(ClvkitError);
    expect(() => compressBgBb({ frequency: [1.5], recency: [2], periods: [6] })).toThrow(ClvkitError);
    expect(() => fitBgBb({ frequency: [0, 0], recency: [0, 0], periods: [6, 6] })).toThrow(/no repeat transactions/);
  });
});

describe('BG/BB against a simulation with known parameters', () => {
  const prm: BgBbParams = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
  const n = 6;
  const sim = simulateBgBb(4242, 50_000, prm, n, 5);

  it('recovers the parameters from 50,000 customers (within 3 SE)', () => {
    const fit = fitBgBb({ frequency: sim.x, recency: sim.tx, periods: new Int32Array(sim.x.length).fill(n) });
    expect(fit.converged).toBe(true);
    for (const k of ['alpha', 'beta', 'gamma', 'delta'] as const) {
      expect(Math.abs(fit.params[k] - prm[k])).toBeLessThan(3 * fit.standardErrors[k]);
    }
    expect(fit.customers).toBe(50_000);
  });

  it('conditional expectations and P(alive) match the simulated future of frequent patterns', () => {
    const m = bgBbModel(prm);
    const groups = new Map<string, { count: number; future: number; alive: number; none: number }>();
    for (let i = 0; i < sim.x.length; i++) {
      const key = `${sim.x[i]},${sim.tx[i]}`;
      const gr = groups.get(key) ?? { count: 0, future: 0, alive: 0, none: 0 };
      gr.count++;
      if (sim.future[i] === 0) gr.none++;
      gr.future += sim.future[i];
      gr.alive += sim.aliveNext[i];
      groups.set(key, gr);
    }
    let checked = 0;
    for (const [key, gr] of groups) {
      if (gr.count < 2000) continue;
      const [x, tx] = key.split(',').map(Number);
      const row = { frequency: x, recency: tx, periods: n };
      const pa = m.probabilityAlive(row);
      const se = Math.sqrt((pa * (1 - pa)) / gr.count);
      expect(Math.abs(gr.alive / gr.count - pa)).toBeLessThan(4 * se + 1e-9);
      // future transactions are at most 5 per customer: a conservative SE bound is 2.5 / sqrt(count)
      expect(Math.abs(gr.future / gr.count - m.conditionalExpectedTransactions(5, row))).toBeLessThan(4 * (2.5 / Math.sqrt(gr.count)));
      const p0 = m.conditionalProbabilityOfTransactions(0, 5, row);
      expect(Math.abs(gr.none / gr.count - p0)).toBeLessThan(4 * Math.sqrt((p0 * (1 - p0)) / gr.count) + 1e-9);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});

describe.runIf(sharedDataAvailable('donations.csv'))('BG/BB on the donations data (Fader, Hardie & Shang 2010)', () => {
  it('reproduces alpha = 1.204, beta = 0.750, gamma = 0.657, delta = 2.783, LL = -33225.6', () => {
    const rows = readFileSync(sharedPath('donations.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',').map(Number));
    const fit = fitBgBb({ frequency: rows.map((r) => r[0]), recency: rows.map((r) => r[1]), periods: rows.map((r) => r[2]), weights: rows.map((r) => r[3]) });
    expect(fit.params.alpha.toFixed(3)).toBe('1.204');
    expect(fit.params.beta.toFixed(3)).toBe('0.750');
    expect(fit.params.gamma.toFixed(3)).toBe('0.657');
    expect(fit.params.delta.toFixed(3)).toBe('2.783');
    expect(fit.logLikelihood.toFixed(1)).toBe('-33225.6');
    expect(fit.customers).toBe(11104);
    // in-sample check: expected repeat donations of the cohort over 1996-2001 vs the 24,615 observed
    const observed = rows.reduce((s, r) => s + r[0] * r[3], 0);
    expect(Math.abs((fit.customers * fit.expectedTransactions(6)) / observed - 1)).toBeLessThan(0.01);
  });
});
