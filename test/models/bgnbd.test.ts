import { describe, expect, it } from 'vitest';
import { bgExpectedActive, bgExpectedActiveQuadrature, bgFamilyProblem, bgNbdLogLikelihood, bgNbdModel, fitBgNbd } from '../../src/models/bgnbd.ts';
import { maximizeLikelihood, numericalHessian, prepareSummary } from '../../src/models/fit.ts';
import { ClvkitError } from '../../src/errors.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';
import { readCdnowSummary, simulateSummary } from './simulate-helpers.ts';

const hasCdnow = sharedDataAvailable('cdnow_customers_summary.csv');
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

describe.runIf(hasCdnow)('BG/NBD on CDNOW (Fader, Hardie & Lee 2005a)', () => {
  const data = hasCdnow ? readCdnowSummary(sharedPath('cdnow_customers_summary.csv')) : { frequency: [], recency: [], T: [] };
  const m = hasCdnow ? fitBgNbd(data) : (undefined as never);

  it('reproduces the published estimates and log-likelihood (r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4)', () => {
    expect(m.converged).toBe(true);
    expect(m.customers).toBe(2357);
    expect(Math.abs(m.params.r - 0.243)).toBeLessThan(0.0005);
    expect(Math.abs(m.params.alpha - 4.414)).toBeLessThan(0.0005);
    expect(Math.abs(m.params.a - 0.793)).toBeLessThan(0.0005);
    expect(Math.abs(m.params.b - 2.426)).toBeLessThan(0.0005);
    expect(Math.abs(m.logLikelihood - -9582.4)).toBeLessThan(0.05);
    // the per-row likelihood summed at the published point agrees to the rounding of the parameters
    expect(sum(bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, data))).toBeCloseTo(-9582.4, 0);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(m.standardErrors[k]).toBeGreaterThan(0);
    expect(m.aic).toBeCloseTo(8 - 2 * m.logLikelihood, 8);
    expect(m.bic).toBeCloseTo(4 * Math.log(2357) - 2 * m.logLikelihood, 8);
  });

  it('reproduces the published prediction: x=2, t_x=30.43, T=38.86 expects 1.226 purchases in the next 39 weeks', () => {
    expect(m.conditionalExpectedTransactions(39, { frequency: 2, recency: 30.43, T: 38.86 })).toBeCloseTo(1.226, 3);
  });

  it('vectorised predictions equal the per-row ones', () => {
    const pa = m.probabilityAliveAll(data);
    const ce = m.conditionalExpectedTransactionsAll(39, data);
    for (const i of [0, 1, 2, 100, 2356]) {
      const row = { frequency: data.frequency[i], recency: data.recency[i], T: data.T[i] };
      expect(pa[i]).toBe(m.probabilityAlive(row));
      expect(ce[i]).toBeCloseTo(m.conditionalExpectedTransactions(39, row), 14);
    }
  });

  it('compression gives the identical log-likelihood as the uncompressed rows', () => {
    const p = Float64Array.of(0.3, 5, 0.9, 2);
    const perRow = sum(bgNbdLogLikelihood({ r: 0.3, alpha: 5, a: 0.9, b: 2 }, data));
    const compressed = bgFamilyProblem('bgnbd', prepareSummary(data, 'bgnbd')).logLikelihood(p);
    expect(prepareSummary(data, 'bgnbd').rows).toBeLessThan(2357);
    expect(compressed).toBeCloseTo(perRow, 8);
  });

  it('a customer with 300 transactions added to CDNOW still fits, with finite predictions', () => {
    const big = { frequency: [...data.frequency, 300], recency: [...data.recency, 38.5], T: [...data.T, 38.86] };
    const fit = fitBgNbd(big);
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    const pa = fit.probabilityAlive({ frequency: 300, recency: 38.5, T: 38.86 });
    expect(pa).toBeGreaterThan(0.9);
    expect(fit.probabilityAlive({ frequency: 300, recency: 1, T: 38.86 })).toBeGreaterThanOrEqual(0);
    expect(fit.probabilityAlive({ frequency: 300, recency: 1, T: 38.86 })).toBeLessThan(1e-10);
    expect(Number.isFinite(fit.conditionalExpectedTransactions(39, { frequency: 300, recency: 38.5, T: 38.86 }))).toBe(true);
  });

  it('a penalizer shrinks the parameters (lifetimes convention: LL - c·Σ params²)', () => {
    const pen = fitBgNbd(data, { penalizer: 0.1 });
    const ss = (p: Record<string, number>) => Object.values(p).reduce((s, v) => s + v * v, 0);
    expect(ss(pen.params)).toBeLessThan(ss(m.params));
    expect(pen.logLikelihood).toBeLessThan(m.logLikelihood);
  });
});

describe('BG/NBD probability invariants', () => {
  const m = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
  it('P(X(t)=n) sums to 1 and its mean is E[X(t)] (FHL 2005a eqs. 7 and 8)', () => {
    for (const t of [1, 39, 78, 200]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 4000; n++) {
        const p = m.probabilityOfTransactions(n, t);
        total += p;
        mean += n * p;
        if (n > 50 && p < 1e-18) break;
      }
      expect(total).toBeCloseTo(1, 9);
      expect(rel(mean, m.expectedTransactions(t))).toBeLessThan(1e-10);
    }
  });
  it('the conditional pmf sums to 1 and its mean is the conditional expectation', () => {
    const row = { frequency: 2, recency: 30.43, T: 38.86 };
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = m.conditionalProbabilityOfTransactions(n, 39, row);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 10);
    expect(mean).toBeCloseTo(m.conditionalExpectedTransactions(39, row), 8);
  });
  it('P(alive) is 1 at frequency 0 and within [0, 1] elsewhere, never NaN', () => {
    expect(m.probabilityAlive({ frequency: 0, recency: 0, T: 100 })).toBe(1);
    for (const x of [1, 5, 50, 1000]) {
      for (const tx of [0.1, 20, 38.86]) {
        const pa = m.probabilityAlive({ frequency: x, recency: tx, T: 38.86 });
        expect(pa).toBeGreaterThanOrEqual(0);
        expect(pa).toBeLessThanOrEqual(1);
      }
    }
  });
  it('E[X(t)] by the transformed series equals direct quadrature over p, including a near 1 and large r, b', () => {
    const cases: [number, number, number, number, number][] = [
      [0.243, 4.414, 0.793, 2.426, 39], [0.243, 4.414, 1 + 1e-9, 2.426, 39], [0.243, 4.414, 1.0, 2.426, 100],
      [300.243, 44.414, 0.793, 302.426, 39], [2, 1, 5, 0.2, 10], [0.5, 3, 0.3, 0.9, 52], [0.25, 4, 0.8, 2.5, 0.01],
    ];
    for (const [r, alpha, a, b, t] of cases) {
      expect(rel(bgExpectedActive(r, alpha, a, b, t), bgExpectedActiveQuadrature(r, alpha, a, b, t))).toBeLessThan(1e-9);
    }
    // hand-derivable limit: b -> large makes dropout rare, E[X(t)] -> r t / alpha
    expect(rel(bgExpectedActive(0.5, 2, 1, 1e7, 3), 0.75)).toBeLessThan(1e-5);
  });
});

describe('BG/NBD fitting edge cases', () => {
  it('no repeat purchases at all is a clear error before optimising', () => {
    expect(() => fitBgNbd({ frequency: [0, 0, 0], recency: [0, 0, 0], T: [10, 20, 30] })).toThrow(ClvkitError);
    expect(() => fitBgNbd({ frequency: [0, 0, 0], recency: [0, 0, 0], T: [10, 20, 30] })).toThrow(/no customer made a repeat purchase/);
    expect(() => fitBgNbd({ frequency: [], recency: [], T: [] })).toThrow(/no customers/);
  });
  it('bad rows are reported with their position', () => {
    expect(() => fitBgNbd({ frequency: [1, 2], recency: [5, 50], T: [10, 20] })).toThrow(/row 2: recency/);
    expect(() => fitBgNbd({ frequency: [1.5], recency: [5], T: [10] })).toThrow(/row 1: frequency/);
  });
  it('one customer: either a finite fit or a clear error, never NaN parameters', () => {
    try {
      const m = fitBgNbd({ frequency: [3], recency: [20], T: [30] });
      for (const v of Object.values(m.params)) expect(Number.isFinite(v)).toBe(true);
    } catch (e) {
      expect(e).toBeInstanceOf(ClvkitError);
    }
  });
  it('recovers known parameters from 50,000 simulated customers (within 3 standard errors)', () => {
    const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const sim = simulateSummary('bgnbd', truth, { customers: 50_000, seed: 7 });
    const m = fitBgNbd(sim);
    expect(m.converged).toBe(true);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(m.params[k] - truth[k])).toBeLessThan(3 * m.standardErrors[k]);
  });
  it('the analytic gradient equals central differences of the likelihood', () => {
    const sim = simulateSummary('bgnbd', { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 2000, seed: 3 });
    const prob = bgFamilyProblem('bgnbd', prepareSummary(sim, 'bgnbd'));
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
});

describe('BG/NBD engine paths', () => {
  it('the analytic Hessian equals differences of the analytic gradient (BG/NBD and MBG/NBD)', () => {
    const sim = simulateSummary('bgnbd', { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 3000, seed: 12 });
    for (const fam of ['bgnbd', 'mbgnbd'] as const) {
      const prob = bgFamilyProblem(fam, prepareSummary(sim, fam));
      const p = Float64Array.of(0.3, 5, 0.9, 2);
      const h = new Float64Array(16);
      prob.hessian!(p, h);
      const { hessian: _h, ...withoutHessian } = prob;
      const num = numericalHessian(withoutHessian, p);
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(rel(h[i * 4 + j], num[i][j])).toBeLessThan(1e-6);
    }
  });
  it('the subsample warm start reaches the same optimum as the plain fit on 200,000 customers', () => {
    const sim = simulateSummary('bgnbd', { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 200_000, seed: 13 });
    const prob = bgFamilyProblem('bgnbd', prepareSummary(sim, 'bgnbd'), 20_000);
    expect(prob.coarse).toBeDefined();
    const warm = maximizeLikelihood(prob);
    const { coarse: _c, ...plain } = prob;
    const cold = maximizeLikelihood(plain);
    expect(warm.converged && cold.converged).toBe(true);
    for (let i = 0; i < 4; i++) expect(rel(warm.params[i], cold.params[i])).toBeLessThan(1e-6);
    expect(warm.logLikelihood).toBeCloseTo(cold.logLikelihood, 6);
  });
});

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}
