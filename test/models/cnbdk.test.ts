import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, bgNbdModel, bgExpectedActive } from '../../src/models/bgnbd.ts';
import { cnbdExpectedActive, cnbdLogLikelihood, cnbdModel, fitCnbd, type CnbdFamily } from '../../src/models/cnbdk.ts';
import { mbgNbdLogLikelihood, mbgNbdModel } from '../../src/models/mbgnbd.ts';
import { betaln, gammaln, integrate } from '../../src/models/special.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';
import { betaSample, gammaSample, readCdnowSummary, seededUniform } from './simulate-helpers.ts';

const hasCdnow = sharedDataAvailable('cdnow_customers_summary.csv');
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

/**
 * Customers under the CNBD-k assumptions (Platzer & Reutterer 2016): Erlang-k inter-purchase times
 * with stage rate λ ~ Gamma(r, α), dropout p ~ Beta(a, b) after each repeat purchase (MBG: also at
 * time 0), observed over (0, T]; x, t_x, T and litt = Σ log(inter-purchase time).
 */
function simulate(family: CnbdFamily, p: { k: number; r: number; alpha: number; a: number; b: number }, n: number, seed: number) {
  const u = seededUniform(seed);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const litt = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lambda = gammaSample(u, p.r, p.alpha);
    const drop = betaSample(u, p.a, p.b);
    T[i] = 52 + 52 * u();
    if (family === 'mbgcnbd' && u() < drop) continue;
    let t = 0;
    for (;;) {
      const gap = gammaSample(u, p.k, lambda);
      if (t + gap > T[i]) break;
      t += gap;
      frequency[i]++;
      recency[i] = t;
      litt[i] += Math.log(gap);
      if (u() < drop) break;
    }
  }
  return { frequency, recency, T, litt };
}

describe.runIf(hasCdnow)('CNBD-k with k = 1 is the BG/NBD and the MBG/NBD (to 1e-8, LL and predictions)', () => {
  const data = hasCdnow ? readCdnowSummary(sharedPath('cdnow_customers_summary.csv')) : { frequency: [], recency: [], T: [] };
  const rows = [{ frequency: 0, recency: 0, T: 38.86 }, { frequency: 2, recency: 30.43, T: 38.86 }, { frequency: 20, recency: 5, T: 38.86 }, { frequency: 150, recency: 38, T: 38.86 }];
  for (const [family, ll, model] of [['bgcnbd', bgNbdLogLikelihood, bgNbdModel], ['mbgcnbd', mbgNbdLogLikelihood, mbgNbdModel]] as const) {
    it(`${family}: log-likelihood per customer, fit, E[X(t)], P(X(t) = n), P(alive), E[Y(t) | ...], conditional pmf`, () => {
      const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
      const c = cnbdLogLikelihood(family, { k: 1, ...p }, { ...data, litt: new Float64Array(data.frequency.length).fill(3.7) });
      const b = ll(p, data);
      for (let i = 0; i < b.length; i++) expect(Math.abs(c[i] - b[i])).toBeLessThan(1e-8);
      const fit = fitCnbd(family, data, { k: 1 });
      const ref = model(fit.params as typeof p);
      const cm = cnbdModel(family, { k: 1, ...p });
      const bm = model(p);
      expect(Math.abs(cm.expectedTransactions(39) - bm.expectedTransactions(39))).toBeLessThan(1e-8);
      for (let n = 0; n < 6; n++) expect(Math.abs(cm.probabilityOfTransactions(n, 39) - bm.probabilityOfTransactions(n, 39))).toBeLessThan(1e-8);
      for (const row of rows) {
        expect(Math.abs(cm.probabilityAlive(row) - bm.probabilityAlive(row))).toBeLessThan(1e-8);
        expect(Math.abs(cm.conditionalExpectedTransactions(39, row) - bm.conditionalExpectedTransactions(39, row))).toBeLessThan(1e-8);
        for (const n of [0, 1, 3]) expect(Math.abs(cm.conditionalProbabilityOfTransactions(n, 39, row) - bm.conditionalProbabilityOfTransactions(n, 39, row))).toBeLessThan(1e-8);
      }
      expect(Math.abs(fit.logLikelihood - sum(ll(fit.params as typeof p, data)))).toBeLessThan(1e-8);
      expect(fit.logLikelihood).toBeCloseTo(family === 'bgcnbd' ? -9582.43 : -9582.13, 2);
      expect(ref.probabilityAlive(rows[1])).toBeCloseTo(fit.probabilityAlive(rows[1]), 12);
    });
  }
  it('the stage-count series for E[X(t)] at k = 1 equals the BG/NBD closed form G (FHL 2005a eq. 7)', () => {
    for (const [r, alpha, a, b, t] of [[0.243, 4.414, 0.793, 2.426, 39], [5, 0.5, 0.2, 30, 100], [0.1, 50, 3, 0.5, 10]]) {
      expect(cnbdExpectedActive(1, 0, r, alpha, a, b, 0, t) / bgExpectedActive(r, alpha, a, b, t)).toBeCloseTo(1, 10);
    }
  });
});

// Oracle: the fit with k fixed at the chosen value on all rows (the search on more than 60,000 distinct
// rows runs on a subsample, then refits the chosen k on all rows: it must land on that fit's optimum).
describe('CNBD-k search on a large summary (subsample search, then the chosen k on all rows)', () => {
  it('bgcnbd, k = 2, 80,000 customers: k recovered, LL and parameters those of the fixed-k fit on all rows', () => {
    const p = { k: 2, r: 2, alpha: 4, a: 0.8, b: 4 };
    const sim = simulate('bgcnbd', p, 80_000, 29);
    const m = fitCnbd('bgcnbd', sim, { maxK: 4 });
    const fixed = fitCnbd('bgcnbd', sim, { k: 2 });
    expect(m.params.k).toBe(2);
    expect(m.logLikelihood).toBeCloseTo(fixed.logLikelihood, 4);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(m.params[name] - fixed.params[name]) / fixed.params[name], name).toBeLessThan(1e-4);
      expect(m.standardErrors[name] / fixed.standardErrors[name], name).toBeCloseTo(1, 2);
      expect(Math.abs(m.params[name] - p[name]), name).toBeLessThan(3 * m.standardErrors[name]);
    }
  }, 60_000);
});

describe('CNBD-k parameter recovery on simulated Erlang-k customers (k chosen by likelihood, parameters within 3 SEs)', () => {
  const cases = [
    ['bgcnbd', { k: 1, r: 1, alpha: 4, a: 0.8, b: 4 }],
    ['bgcnbd', { k: 2, r: 2, alpha: 4, a: 0.8, b: 4 }],
    ['bgcnbd', { k: 4, r: 2, alpha: 2, a: 0.8, b: 4 }],
    ['mbgcnbd', { k: 2, r: 2, alpha: 4, a: 0.8, b: 4 }],
  ] as const;
  for (const [family, p] of cases) {
    it(`${family}, k = ${p.k}`, () => {
      const sim = simulate(family, p, 4000, 11 + p.k);
      const m = fitCnbd(family, sim, { maxK: 8 });
      expect(m.params.k).toBe(p.k);
      for (const name of ['r', 'alpha', 'a', 'b'] as const) {
        expect(Math.abs(m.params[name] - p[name]), name).toBeLessThan(3 * m.standardErrors[name]);
      }
      // the likelihood includes the timing term: the profile over k peaks at the true k
      const best = Math.max(...m.kProfile.map((q) => q.logLikelihood));
      expect(m.kProfile.find((q) => q.k === p.k)!.logLikelihood).toBe(best);
    });
  }
  it('k > 1 forced on Poisson data fits worse than k = 1, and without litt k cannot be chosen (said in words)', () => {
    const sim = simulate('bgcnbd', { k: 1, r: 1, alpha: 4, a: 0.8, b: 4 }, 2000, 5);
    const m = fitCnbd('bgcnbd', sim, { maxK: 6 });
    expect(m.params.k).toBe(1);
    expect(fitCnbd('bgcnbd', sim, { k: 3 }).logLikelihood).toBeLessThan(m.logLikelihood);
    const { litt: _l, ...noLitt } = sim;
    expect(() => fitCnbd('bgcnbd', noLitt)).toThrow(/choosing k needs the timing statistic litt/);
    expect(fitCnbd('bgcnbd', noLitt, { k: 2 }).warning).toMatch(/no litt/);
  });
});

describe('CNBD-k predictions at extreme customers against direct numerical integration over λ and p', () => {
  const p = { k: 3, r: 1.5, alpha: 3, a: 0.7, b: 2.5 };
  /** The individual-level likelihood (Erlang-k, Platzer & Reutterer 2016) integrated numerically over λ ~ Gamma(r, α), p ~ Beta(a, b) in closed form. */
  function byIntegration(family: CnbdFamily, x: number, tx: number, T: number, t: number) {
    const { k, r, alpha, a, b } = p;
    const m = family === 'mbgcnbd' ? 1 : 0;
    const lg = (l: number) => r * Math.log(alpha) + (r - 1) * Math.log(l) - alpha * l - gammaln(r);
    const eb = (c: number) => Math.exp(betaln(a, b + c) - betaln(a, b)); // E[(1-p)^c]
    const epb = (c: number) => Math.exp(betaln(a + 1, b + c) - betaln(a, b)); // E[p (1-p)^c]
    /** P(Poisson(μ) >= i) for i = 0..M, summed from the far end. */
    const poissonTails = (mu: number) => {
      const pmf = [Math.exp(-mu)];
      for (let i = 1; i < mu + 40 * Math.sqrt(mu + 1) + 40; i++) pmf.push((pmf[i - 1] * mu) / i);
      const tails = new Float64Array(pmf.length + 1);
      for (let i = pmf.length - 1; i >= 0; i--) tails[i] = tails[i + 1] + pmf[i];
      return tails;
    };
    const overLambda = (f: (l: number) => number) => integrate((z) => Math.exp(z) * f(Math.exp(z)), -20, 6, 60, 20);
    let aliveJ = 0;
    let expected = 0;
    const alive = overLambda((l) => {
      // alive at T: x Erlang intervals, then fewer than k stages in (t_x, T]
      let s = 0;
      for (let j = 0; j < k; j++) s += Math.exp(j * Math.log(l * (T - tx)) - gammaln(j + 1));
      return Math.exp(lg(l) + k * x * Math.log(l) - l * T) * s * eb(x + m);
    });
    const dead = x > 0 || m === 1 ? overLambda((l) => Math.exp(lg(l) + k * x * Math.log(l) - l * tx)) * epb(x - 1 + m) : 0;
    // E[Y(t)]: given alive with j stages done, purchase n happens when Poisson(λt) >= nk - j, after surviving n - 1 coins
    expected = overLambda((l) => {
      let tot = 0;
      const tails = poissonTails(l * t);
      for (let j = 0; j < k; j++) {
        const wj = Math.exp(lg(l) + k * x * Math.log(l) - l * T + j * Math.log(l * (T - tx)) - gammaln(j + 1));
        let e = 0;
        for (let n = 1; n * k - j < tails.length; n++) {
          const v = tails[n * k - j] * eb(x + m + n - 1);
          e += v;
          if (v < 1e-16) break;
        }
        tot += wj * e;
      }
      return tot;
    });
    aliveJ = alive;
    return { palive: aliveJ / (aliveJ + dead), expected: expected / (aliveJ + dead) };
  }
  for (const family of ['bgcnbd', 'mbgcnbd'] as const) {
    it(`${family}: P(alive) and E[Y(t) | x, t_x, T] at x = 0, a long silence after many purchases, many recent purchases`, () => {
      const m = cnbdModel(family, p);
      for (const [x, tx, T] of [[0, 0, 40], [30, 5, 40], [60, 39.5, 40], [3, 20, 40]] as const) {
        const ref = byIntegration(family, x, tx, T, 26);
        const row = { frequency: x, recency: tx, T };
        expect(m.probabilityAlive(row)).toBeCloseTo(ref.palive, 8);
        expect(m.conditionalExpectedTransactions(26, row)).toBeCloseTo(ref.expected, 7);
      }
    });
    it(`${family}: P(X(t) = n) and the conditional pmf sum to 1, with means E[X(t)] and E[Y(t) | ...]`, () => {
      const m = cnbdModel(family, p);
      const row = { frequency: 6, recency: 30, T: 40 };
      let s = 0;
      let mean = 0;
      let cs = 0;
      let cmean = 0;
      for (let n = 0; n < 200; n++) {
        const q = m.probabilityOfTransactions(n, 52);
        s += q;
        mean += n * q;
        const c = m.conditionalProbabilityOfTransactions(n, 52, row);
        cs += c;
        cmean += n * c;
      }
      expect(s).toBeCloseTo(1, 10);
      expect(mean).toBeCloseTo(m.expectedTransactions(52), 9);
      expect(cs).toBeCloseTo(1, 10);
      expect(cmean).toBeCloseTo(m.conditionalExpectedTransactions(52, row), 9);
    });
  }
});
