import { describe, expect, it } from 'vitest';
import { fitBgNbd, bgNbdModel } from '../../src/models/bgnbd.ts';
import { fitParetoNbd } from '../../src/models/paretonbd.ts';
import { fitGammaGamma } from '../../src/models/gammagamma.ts';
import { createRng } from '../../src/random.ts';
import { normalParameterDraws, cholesky } from '../../src/value/parameter-draws.ts';
import { chebyshevRule, predictionIntervals, rowPredictions } from '../../src/value/prediction-intervals.ts';
import { centralInterval } from '../../src/value/select-quantile.ts';
import { predictiveCountInterval } from '../../src/value/purchase-distribution.ts';
import { quantileSorted } from '../../src/value/quantile.ts';
import { simulateSummary } from '../models/simulate-helpers.ts';
import { expectBgRow } from './bg-row-oracle.ts';

const TRUE = { r: 0.5, alpha: 6, a: 0.7, b: 2.5 };

/** BG/NBD customers observed over (0, T] and then over (T, T + t] (FHL 2005a assumptions), continuous time. */
function simulateWithHoldout(n: number, T: number, t: number, seed: number) {
  const rng = createRng(seed);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const Tc = new Float64Array(n).fill(T);
  const holdout = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lambda = rng.gamma(TRUE.r, TRUE.alpha);
    const p = rng.beta(TRUE.a, TRUE.b);
    let s = 0;
    for (;;) {
      s += rng.exponential(lambda);
      if (s > T + t) break;
      if (s <= T) (frequency[i]++, (recency[i] = s));
      else holdout[i]++;
      if (rng.uniform() < p) break;
    }
  }
  return { frequency, recency, T: Tc, holdout };
}

describe('selection quantiles (oracle: sorting, Hyndman & Fan definition 7)', () => {
  it('equal the sorted-sample quantiles for random samples and levels', () => {
    const rng = createRng(3);
    for (let rep = 0; rep < 200; rep++) {
      const n = 1 + rng.integer(300);
      const v = Float64Array.from({ length: n }, () => (rng.uniform() < 0.1 ? 1 : rng.normal()));
      const level = [0.5, 0.8, 0.9, 0.95][rep % 4];
      const sorted = Float64Array.from(v).sort();
      const [lo, hi] = centralInterval(Float64Array.from(v), n, level);
      expect(lo).toBe(quantileSorted(sorted, (1 - level) / 2));
      expect(hi).toBe(quantileSorted(sorted, 1 - (1 - level) / 2));
    }
  });
  it('equal them on the one-pass tail path too: ties, infinities, signed zeros, every tail length up to the limit', () => {
    const rng = createRng(31);
    for (let rep = 0; rep < 2000; rep++) {
      const n = 2 + rng.integer(400);
      const kind = rep % 4;
      const v = Float64Array.from({ length: n }, () => {
        const u = rng.uniform();
        if (kind === 1) return Math.round(rng.normal() * 3); // many ties
        if (kind === 2 && u < 0.05) return u < 0.025 ? Infinity : -Infinity;
        if (kind === 3 && u < 0.3) return u < 0.15 ? 0 : -0;
        return rng.normal();
      });
      const level = [0.8, 0.9, 0.95, 0.99, 0.999, 0.5][rep % 6];
      const sorted = Float64Array.from(v).sort();
      // definition 7 on the sorted sample, an order statistic itself where h is whole (so ±Infinity stays finite-free of 0·∞)
      const q = (p: number) => {
        const h = (n - 1) * p;
        const k = Math.floor(h);
        return k + 1 >= n || h === k ? sorted[k] : sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]);
      };
      const [lo, hi] = centralInterval(Float64Array.from(v), n, level);
      // signed zeros compare equal (either may be the order statistic; both print as 0)
      expect(lo === q((1 - level) / 2) || (Number.isNaN(lo) && Number.isNaN(q((1 - level) / 2)))).toBe(true);
      expect(hi === q(1 - (1 - level) / 2) || (Number.isNaN(hi) && Number.isNaN(q(1 - (1 - level) / 2)))).toBe(true);
    }
  });
  it('cholesky reproduces the matrix', () => {
    const A = [[4, 2, 0.4], [2, 3, 0.5], [0.4, 0.5, 2]];
    const L = cholesky(A)!;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(L[i].reduce((s, v, k) => s + v * L[j][k], 0)).toBeCloseTo(A[i][j], 14);
    expect(cholesky([[1, 2], [2, 1]])).toBeUndefined();
  });
});

describe('the Chebyshev rule of the draws (oracle: the node sum itself)', () => {
  it('reproduces Σ w_j p(t_j) for polynomials of degree <= N, and a smooth profile to 1e-10', () => {
    const rng = createRng(12);
    const times = Float64Array.from({ length: 61 }, (_, j) => (52 * (j + 0.5)) / 61);
    const weights = Float64Array.from(times, (t) => Math.exp(-0.0018 * t) * (52 / 61));
    const rule = chebyshevRule({ times, weights }, 52, 12);
    for (let rep = 0; rep < 5; rep++) {
      const c = Array.from({ length: 13 }, () => rng.normal());
      const poly = (t: number) => c.reduce((s, v, k) => s + v * (t / 52) ** k, 0);
      const exact = times.reduce((s, t, j) => s + weights[j] * poly(t), 0);
      const short = rule.times.reduce((s, t, k) => s + rule.weights[k] * poly(t), 0);
      expect(Math.abs(short - exact)).toBeLessThan(1e-10 * Math.max(1, Math.abs(exact)));
    }
    const g = (t: number) => 3 * (1 - Math.pow(40 / (40 + t), 1.3));
    const exact = times.reduce((s, t, j) => s + weights[j] * g(t), 0);
    const short = rule.times.reduce((s, t, k) => s + rule.weights[k] * g(t), 0);
    expect(Math.abs(short - exact) / exact).toBeLessThan(1e-10);
  });
});

describe('parameter draws (oracle: the covariance they are drawn from)', () => {
  it('log-scale draws have mean log θ̂ and covariance D⁻¹ Σ D⁻¹ (delta method)', () => {
    const s = simulateSummary('bgnbd', TRUE, { customers: 2000, seed: 4, minT: 30, maxT: 60 });
    const fit = fitBgNbd(s);
    const draws = normalParameterDraws(fit, 20000, createRng(9));
    const names = ['r', 'alpha', 'a', 'b'];
    const logs = names.map((k) => draws.map((d) => Math.log(d[k])));
    for (let i = 0; i < 4; i++) {
      const sd = fit.standardErrors[names[i] as 'r'] / fit.params[names[i] as 'r'];
      const mean = logs[i].reduce((a, b) => a + b, 0) / draws.length;
      // the mean within 4 Monte Carlo standard errors, the SD within 3%
      expect(Math.abs(mean - Math.log(fit.params[names[i] as 'r']))).toBeLessThan((4 * sd) / Math.sqrt(draws.length));
      const v = logs[i].reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
      expect(Math.sqrt(v) / sd).toBeGreaterThan(0.97);
      expect(Math.sqrt(v) / sd).toBeLessThan(1.03);
    }
  });
});

describe('P(no purchase in the horizon)', () => {
  it('equals P(Y(t) = 0 | x, t_x, T) from the model distribution (BG/NBD, Pareto/NBD)', () => {
    const s = simulateSummary('bgnbd', TRUE, { customers: 600, seed: 2, days: 400, acquisitionDays: 200 });
    for (const fit of [fitBgNbd(s), fitParetoNbd(s)]) {
      const p = rowPredictions(fit, s, 26, undefined);
      for (let i = 0; i < 600; i += 7) {
        const want = fit.conditionalProbabilityOfTransactions(0, 26, { frequency: s.frequency[i], recency: s.recency[i], T: s.T[i] });
        expect(Math.abs(p.noPurchase[i] - want)).toBeLessThan(1e-12);
      }
    }
  });
  it('the per-key BG/NBD and MBG/NBD path (rows in (x, T) order) equals the models\' own methods (E[Y], P(alive), P(Y=0), discounted)', async () => {
    const { mbgNbdModel } = await import('../../src/models/mbgnbd.ts');
    const { compressSummary } = await import('../../src/summary/compress.ts');
    const s = simulateSummary('bgnbd', TRUE, { customers: 800, seed: 6, days: 300, acquisitionDays: 100 });
    const c = compressSummary(s);
    const perm = Array.from({ length: c.frequency.length }, (_, k) => k).sort((i, j) => c.frequency[i] - c.frequency[j] || c.T[i] - c.T[j] || c.recency[i] - c.recency[j]);
    const rows = { frequency: Float64Array.from(perm, (k) => c.frequency[k]), recency: Float64Array.from(perm, (k) => c.recency[k]), T: Float64Array.from(perm, (k) => c.T[k]) };
    const nodes = { times: Float64Array.of(10, 20, 30), weights: Float64Array.of(0.9, 0.8, 0.7) };
    for (const m of [bgNbdModel(TRUE), mbgNbdModel(TRUE)]) {
      const p = rowPredictions(m, rows, 30, nodes);
      for (let k = 0; k < rows.frequency.length; k++) {
        const row = { frequency: rows.frequency[k], recency: rows.recency[k], T: rows.T[k] };
        expectBgRow(m, row, { alive: p.alive[k], expected: p.expected[k], noPurchase: p.noPurchase[k], discounted: p.discounted![k] });
      }
    }
  });

  it('matches the share of simulated customers without a purchase in the holdout (true parameters, within 3 SD)', () => {
    const sim = simulateWithHoldout(20000, 40, 20, 17);
    const p = rowPredictions(bgNbdModel(TRUE), sim, 20, undefined);
    let expected = 0;
    let variance = 0;
    let actual = 0;
    for (let i = 0; i < sim.holdout.length; i++) {
      expected += p.noPurchase[i];
      variance += p.noPurchase[i] * (1 - p.noPurchase[i]);
      if (sim.holdout[i] === 0) actual++;
    }
    expect(Math.abs(actual - expected)).toBeLessThan(3 * Math.sqrt(variance));
  });
});

describe('coverage of the parameter-uncertainty intervals (simulation with known parameters)', () => {
  it('90% intervals of E[Y(t) | x, t_x, T] and P(alive) cover the value under the true parameters about 90% of the time', () => {
    // 80 data sets of 1000 customers; 5 reference customers each; truth = the prediction under the true parameters
    const ref = { frequency: Float64Array.of(0, 1, 3, 6, 2), recency: Float64Array.of(0, 30, 20, 38, 5), T: Float64Array.of(40, 40, 40, 40, 40) };
    const truth = rowPredictions(bgNbdModel(TRUE), ref, 20, undefined);
    let covered = 0;
    let coveredAlive = 0;
    let total = 0;
    const seeds = 80;
    for (let seed = 1; seed <= seeds; seed++) {
      const sim = simulateSummary('bgnbd', TRUE, { customers: 1000, seed: 1000 + seed, minT: 40, maxT: 40 });
      const fit = fitBgNbd(sim);
      const draws = normalParameterDraws(fit, 200, createRng(seed)).map((params) => ({ params }));
      const iv = predictionIntervals(fit, ref, draws, { horizon: 20, rate: 0, level: 0.9 });
      for (let j = 1; j < 5; j++) {
        total++;
        if (iv.expectedTransactions.lower[j] <= truth.expected[j] && truth.expected[j] <= iv.expectedTransactions.upper[j]) covered++;
        if (iv.probabilityAlive.lower[j] <= truth.alive[j] && truth.alive[j] <= iv.probabilityAlive.upper[j]) coveredAlive++;
      }
    }
    const rate = covered / total;
    const rateAlive = coveredAlive / total;
    console.log(`coverage of 90% intervals over ${seeds} simulated data sets: E[Y] ${rate.toFixed(3)}, P(alive) ${rateAlive.toFixed(3)} (${total} intervals each)`);
    // binomial SD of a coverage of 0.9 over 80 data sets is 0.034 (rows of one data set are correlated): within 3 SD
    expect(Math.abs(rate - 0.9)).toBeLessThan(0.1);
    expect(Math.abs(rateAlive - 0.9)).toBeLessThan(0.1);
  });

  it('spend and CLV intervals contain the point prediction and come per customer', () => {
    const s = simulateSummary('bgnbd', TRUE, { customers: 300, seed: 8, days: 300, acquisitionDays: 60 });
    const rng = createRng(5);
    const mv = Float64Array.from(s.frequency, (x) => (x > 0 ? rng.gamma(6, rng.gamma(4, 15)) : 0));
    const data = { ...s, monetaryValue: mv };
    const fit = fitBgNbd(s);
    const gg = fitGammaGamma({ frequency: s.frequency, monetaryValue: mv });
    const td = normalParameterDraws(fit, 100, createRng(1));
    const sd = normalParameterDraws(gg, 100, createRng(2));
    const iv = predictionIntervals(fit, data, td.map((params, i) => ({ params, spendParams: sd[i] })), { horizon: 52, rate: 0.002, level: 0.9, spend: gg, blockRows: 120 });
    let inside = 0;
    for (let i = 0; i < 300; i++) {
      expect(iv.clv!.lower[i]).toBeLessThanOrEqual(iv.clv!.upper[i]);
      const es = gg.conditionalExpectedAverageSpend(s.frequency[i], mv[i]);
      if (iv.expectedSpend!.lower[i] <= es && es <= iv.expectedSpend!.upper[i]) inside++;
    }
    expect(inside / 300).toBeGreaterThan(0.95);
  });
});

describe('intervals customer by customer (oracle: every draw\'s model methods, then sorting)', () => {
  it.each(['bgnbd', 'mbgnbd', 'paretonbd'] as const)('%s: E[Y], P(alive), P(Y=0), spend and CLV of each customer are the definition-7 quantiles over the draws', async (name) => {
    const { fitMbgNbd } = await import('../../src/models/mbgnbd.ts');
    const { fittedFromBase } = await import('../../src/models/saved-model.ts');
    const { gammaGammaModel } = await import('../../src/models/gammagamma.ts');
    const { periodDiscountNodes } = await import('../../src/value/period-discounting.ts');
    const s = simulateSummary('bgnbd', TRUE, { customers: 500, seed: 21, days: 200, acquisitionDays: 60 });
    const rng = createRng(9);
    // whole-dollar mean spends: customers with the same x and spend in several rows; one-time buyers share a row per T
    const mv = Float64Array.from(s.frequency, (x) => (x > 0 ? Math.round(rng.gamma(6, 4)) + 1 : rng.uniform() < 0.5 ? NaN : 0));
    const fit = name === 'bgnbd' ? fitBgNbd(s) : name === 'mbgnbd' ? fitMbgNbd(s) : fitParetoNbd(s);
    const gg = fitGammaGamma({ frequency: s.frequency, monetaryValue: mv.map((m) => (Number.isNaN(m) ? 0 : m)) });
    const td = normalParameterDraws(fit, 40, createRng(3));
    const sd = normalParameterDraws(gg, 40, createRng(4));
    const draws = td.map((params, d) => ({ params, spendParams: sd[d] }));
    const H = 6;
    const rate = 0.01;
    const margin = 0.3;
    const iv = predictionIntervals(fit, { ...s, monetaryValue: mv }, draws, { horizon: H, rate, level: 0.9, margin, spend: gg, blockRows: 50 });
    expect(iv.note).toBeUndefined(); // every node is used (no shorter rule), so the oracle sums the same nodes
    expect(iv.draws).toBe(40);
    const nodes = periodDiscountNodes(H, rate);
    const models = draws.map((d) => fittedFromBase({ ...fit, params: d.params }) as unknown as typeof fit);
    const spends = draws.map((d) => gammaGammaModel(d.spendParams as { p: number; q: number; v: number }));
    const interval = (v: number[]) => {
      const sorted = Float64Array.from(v).sort();
      return [quantileSorted(sorted, 0.05), quantileSorted(sorted, 0.95)];
    };
    const close = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
    for (let i = 0; i < 500; i++) {
      const row = { frequency: s.frequency[i], recency: s.recency[i], T: s.T[i] };
      const m = row.frequency > 0 ? mv[i] : 0;
      const e = models.map((md) => md.conditionalExpectedTransactions(H, row));
      const a = models.map((md) => md.probabilityAlive(row));
      const p0 = models.map((md) => md.conditionalProbabilityOfTransactions!(0, H, row));
      const es = spends.map((g) => g.conditionalExpectedAverageSpend(row.frequency, m));
      const clv = models.map((md, d) => nodes.times.reduce((acc, t, j) => acc + nodes.weights[j] * md.conditionalExpectedTransactions(t, row), 0) * es[d] * margin);
      for (const [bounds, values] of [[iv.expectedTransactions, e], [iv.probabilityAlive, a], [iv.probabilityNoPurchase, p0], [iv.expectedSpend!, es], [iv.clv!, clv]] as const) {
        const [lo, hi] = interval(values);
        close(bounds.lower[i], lo);
        close(bounds.upper[i], hi);
      }
    }
  });
});

describe('predictive interval of the number of purchases (the customer\'s own randomness)', () => {
  it('bounds are the quantiles of the model P(Y(t) = n) and cover at least 90% of simulated holdout counts', () => {
    const sim = simulateWithHoldout(5000, 40, 20, 23);
    const m = bgNbdModel(TRUE);
    const p = predictiveCountInterval(m, sim, 20, 0.9);
    for (let i = 0; i < 200; i += 13) {
      const row = { frequency: sim.frequency[i], recency: sim.recency[i], T: sim.T[i] };
      let cdf = 0;
      let lo = -1;
      let n = 0;
      for (; ; n++) {
        cdf += m.conditionalProbabilityOfTransactions(n, 20, row);
        if (lo < 0 && cdf >= 0.05) lo = n;
        if (cdf >= 0.95 - 1e-12) break;
      }
      expect(p.lower[i]).toBe(lo);
      expect(p.upper[i]).toBe(n);
    }
    let inside = 0;
    for (let i = 0; i < sim.holdout.length; i++) if (p.lower[i] <= sim.holdout[i] && sim.holdout[i] <= p.upper[i]) inside++;
    // discrete counts: at least the level (within 3 binomial SD)
    expect(inside / sim.holdout.length).toBeGreaterThan(0.9 - 3 * Math.sqrt(0.09 / 5000));
  });
});
