import { describe, expect, it } from 'vitest';
import { readTransactions } from '../../../src/ingest/transactions.ts';
import { readCovariates } from '../../../src/ingest/covariates.ts';
import { summarize } from '../../../src/summary/summarize.ts';
import { alignCovariates, covariateMatrix, type CovariateMatrix } from '../../../src/models/covariates/design.ts';
import { fitParetoNbdCovariates } from '../../../src/models/covariates/paretonbd-static.ts';
import { fitBgNbdCovariates } from '../../../src/models/covariates/bgnbd-static.ts';
import { likelihoodRatioTest } from '../../../src/models/covariates/lr-test.ts';
import { paretoNbdRowDerivatives } from '../../../src/models/covariates/paretonbd-row.ts';
import { fitParetoNbd, paretoNbdLogLikelihood, paretoNbdModel } from '../../../src/models/paretonbd.ts';
import { fitBgNbd } from '../../../src/models/bgnbd.ts';
import { simulateParetoNbdStatic } from '../../../src/simulate/covariates.ts';
import { createRng } from '../../../src/random.ts';
import { sharedDataAvailable, sharedPath } from '../../helpers/shared-data.ts';

const haveApparel = sharedDataAvailable('apparelTrans.csv', 'apparelStaticCov.csv');

async function apparel() {
  const table = await readTransactions(sharedPath('apparelTrans.csv'));
  const summary = summarize(table, { freq: 'week', calibrationEnd: '2006-12-31' });
  const file = readCovariates(sharedPath('apparelStaticCov.csv'));
  const matrix = alignCovariates(covariateMatrix(file), summary.customerIds).matrix;
  return { summary, matrix };
}

describe.runIf(haveApparel)('Pareto/NBD with static covariates on the apparel data (CLVTools published values)', () => {
  it('Gender and Channel in both processes: LL −5,821.0627; Gender constrained: −5,826.5342; LR 10.943; no covariates −5,848.0978', async () => {
    const { summary, matrix } = await apparel();
    expect(summary.customerIds.length).toBe(600);
    expect(matrix.names).toEqual(['Gender', 'Channel']);
    const full = fitParetoNbdCovariates(summary, matrix);
    expect(full.converged).toBe(true);
    expect(full.logLikelihood).toBeCloseTo(-5821.0627, 3);
    const constrained = fitParetoNbdCovariates(summary, matrix, { constrained: ['Gender'] });
    expect(constrained.logLikelihood).toBeCloseTo(-5826.5342, 3);
    expect(constrained.coefficients.map((c) => `${c.process}:${c.name}`)).toEqual(['purchase:Channel', 'dropout:Channel', 'both:Gender']);
    const lr = likelihoodRatioTest(full, constrained);
    expect(lr.df).toBe(1);
    expect(lr.statistic).toBeCloseTo(10.943, 3);
    expect(lr.p).toBeLessThan(0.001);
    expect(fitParetoNbd(summary).logLikelihood).toBeCloseTo(-5848.0978, 3);
    // 95 % intervals are estimate ± 1.96 SE, SEs finite and positive
    for (const c of full.coefficients) {
      expect(c.se).toBeGreaterThan(0);
      expect(c.upper - c.estimate).toBeCloseTo(1.959963984540054 * c.se, 12);
      expect(c.multiplier).toBeCloseTo(Math.exp(c.estimate), 12);
    }
  });

  it('per-customer predictions use each customer’s own α_i and β_i (invariant: the plain model at those parameters)', async () => {
    const { summary, matrix } = await apparel();
    const m = fitParetoNbdCovariates(summary, matrix);
    const pa = m.probabilityAliveAll(summary, matrix);
    const ce = m.conditionalExpectedTransactionsAll(52, summary, matrix);
    for (const i of [0, 1, 17, 599]) {
      const z = matrix.values.subarray(2 * i, 2 * i + 2);
      const g = m.coefficients;
      const alpha = m.params.alpha * Math.exp(-(g[0].estimate * z[0] + g[1].estimate * z[1]));
      const beta = m.params.beta * Math.exp(-(g[2].estimate * z[0] + g[3].estimate * z[1]));
      const plain = paretoNbdModel({ r: m.params.r, alpha, s: m.params.s, beta });
      const row = { frequency: summary.frequency[i], recency: summary.recency[i], T: summary.T[i] };
      expect(pa[i]).toBeCloseTo(plain.probabilityAlive(row), 12);
      expect(ce[i]).toBeCloseTo(plain.conditionalExpectedTransactions(52, row), 12);
    }
    const rows = m.predictCustomers({ ...summary }, matrix, { horizon: 52, rate: 0 });
    expect(rows[17].expected_transactions).toBeCloseTo(ce[17], 12);
    expect(rows[17].customer_id).toBe(summary.customerIds[17]);
  });
});

function zeroMatrix(n: number, k: number): CovariateMatrix {
  const names = Array.from({ length: k }, (_, j) => `z${j}`);
  return { names, rows: n, values: new Float64Array(n * k), customerIds: [], reference: {}, source: Object.fromEntries(names.map((x) => [x, x])) };
}

function simulated(n: number, seed: number, continuous: boolean) {
  const rng = createRng(seed);
  const z = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    z[2 * i] = rng.uniform() < 0.4 ? 1 : 0;
    z[2 * i + 1] = continuous ? rng.normal() : rng.integer(3);
  }
  const T = Float64Array.from({ length: n }, () => 52 + rng.integer(53));
  const truth = { r: 0.9, alpha: 8, s: 0.7, beta: 15, gammaPurchase: [0.5, -0.3], gammaDropout: [0.4, 0.3] };
  const summary = simulateParetoNbdStatic({ customers: n, k: 2, z, T, ...truth, seed: seed + 1000 });
  const matrix: CovariateMatrix = { names: ['a', 'b'], rows: n, values: z, customerIds: [], reference: {}, source: { a: 'a', b: 'b' } };
  return { summary, matrix, truth };
}

describe('static covariates: limits and invariants', () => {
  it('all-zero covariates give the model without covariates (Pareto/NBD and BG/NBD)', () => {
    const { summary } = simulated(1500, 3, false);
    const zero = zeroMatrix(1500, 2);
    const p = fitParetoNbdCovariates(summary, zero);
    const p0 = fitParetoNbd(summary);
    expect(p.logLikelihood).toBeCloseTo(p0.logLikelihood, 7);
    for (const k of ['r', 'alpha', 's', 'beta'] as const) {
      expect(p.params[k] / p0.params[k]).toBeCloseTo(1, 6);
      expect(p.standardErrors[k] / p0.standardErrors[k]).toBeCloseTo(1, 4);
    }
    for (const c of p.coefficients) {
      expect(c.estimate).toBe(0);
      expect(c.se).toBeNaN();
    }
    expect(p.warnings.some((w) => w.includes('constant'))).toBe(true);
    const b = fitBgNbdCovariates(summary, zero);
    const b0 = fitBgNbd(summary);
    expect(b.logLikelihood).toBeCloseTo(b0.logLikelihood, 7);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(b.params[k] / b0.params[k]).toBeCloseTo(1, 6);
  });

  it('the row-by-row path (continuous covariates) equals the hand-computed sum of plain Pareto/NBD likelihoods at each α_i, β_i', () => {
    const { summary, matrix } = simulated(1200, 5, true);
    const m = fitParetoNbdCovariates(summary, matrix);
    let ll = 0;
    for (let i = 0; i < 1200; i++) {
      const z0 = matrix.values[2 * i];
      const z1 = matrix.values[2 * i + 1];
      const g = m.coefficients;
      const alpha = m.params.alpha * Math.exp(-(g[0].estimate * z0 + g[1].estimate * z1));
      const beta = m.params.beta * Math.exp(-(g[2].estimate * z0 + g[3].estimate * z1));
      ll += paretoNbdLogLikelihood({ r: m.params.r, alpha, s: m.params.s, beta }, { frequency: [summary.frequency[i]], recency: [summary.recency[i]], T: [summary.T[i]] })[0];
    }
    expect(m.logLikelihood).toBeCloseTo(ll, 6);
  });

  it('row derivatives against central finite differences', () => {
    const g = new Float64Array(4);
    const H = new Float64Array(16);
    const gp = new Float64Array(4);
    const gm = new Float64Array(4);
    const Hs = new Float64Array(16);
    for (const [x, tx, T] of [[2, 30.43, 38.86], [0, 0, 20], [7, 10, 52]]) {
      for (const p of [[0.55, 10.6, 0.6, 11.7], [1.2, 3, 0.4, 900]]) {
        paretoNbdRowDerivatives(p, x, tx, T, g, H);
        for (let a = 0; a < 4; a++) {
          const h = 1e-6 * p[a];
          const up = p.slice();
          const dn = p.slice();
          up[a] += h;
          dn[a] -= h;
          const fu = paretoNbdRowDerivatives(up, x, tx, T, gp, Hs);
          const fd = paretoNbdRowDerivatives(dn, x, tx, T, gm, Hs);
          expect(g[a]).toBeCloseTo((fu - fd) / (2 * h), 4);
          for (let b = 0; b < 4; b++) expect(H[a * 4 + b]).toBeCloseTo((gp[b] - gm[b]) / (2 * h), 3);
        }
      }
    }
  });

  it('categorical columns become indicators with a stated reference level', () => {
    const m = covariateMatrix({ customerIds: ['a', 'b', 'c', 'd'], columns: [{ name: 'tier', values: ['gold', 'silver', 'bronze', 'gold'] }, { name: 'age', values: ['31', '40,5', '22', '60'] }] });
    expect(m.names).toEqual(['tier=gold', 'tier=silver', 'age']);
    expect(m.reference).toEqual({ tier: 'bronze' });
    expect(Array.from(m.values)).toEqual([1, 0, 31, 0, 1, 40.5, 0, 0, 22, 1, 0, 60]);
    const m2 = covariateMatrix({ customerIds: ['a', 'b'], columns: [{ name: 'tier', values: ['gold', 'silver'] }] }, { reference: { tier: 'silver' } });
    expect(m2.names).toEqual(['tier=gold']);
    expect(() => alignCovariates(m, ['a', 'zz'])).toThrow(/1 customer\(s\).*"zz"/);
  });

  it('L2 regularisation shrinks the coefficients towards 0 and leaves the unpenalised LL lower', () => {
    const { summary, matrix } = simulated(1500, 7, false);
    const free = fitParetoNbdCovariates(summary, matrix);
    const shrunk = fitParetoNbdCovariates(summary, matrix, { l2: 50 });
    const norm = (m: typeof free) => m.coefficients.reduce((s, c) => s + c.estimate ** 2, 0);
    expect(norm(shrunk)).toBeLessThan(norm(free));
    expect(shrunk.logLikelihood).toBeLessThan(free.logLikelihood);
    expect(shrunk.warnings.some((w) => w.includes('L2'))).toBe(true);
  });
});

describe('static covariates: parameter recovery on simulated data (known γ)', () => {
  it('Pareto/NBD: every coefficient within 3 SE over 4 seeds, 95 % intervals cover the truth in most cases', () => {
    let covered = 0;
    let total = 0;
    for (const seed of [11, 12, 13, 14]) {
      const { summary, matrix, truth } = simulated(2500, seed, seed % 2 === 0);
      const m = fitParetoNbdCovariates(summary, matrix);
      const want = [...truth.gammaPurchase, ...truth.gammaDropout];
      m.coefficients.forEach((c, j) => {
        expect(Math.abs(c.estimate - want[j]) / c.se).toBeLessThan(3);
        total++;
        if (c.lower <= want[j] && want[j] <= c.upper) covered++;
      });
      expect(Math.abs(m.params.r - truth.r) / m.standardErrors.r).toBeLessThan(3);
      expect(Math.abs(m.params.s - truth.s) / m.standardErrors.s).toBeLessThan(3);
    }
    expect(covered / total).toBeGreaterThanOrEqual(0.8);
  });

  it('BG/NBD: the purchase coefficients within 3 SE (data simulated from the BG/NBD process with covariates)', () => {
    // BG/NBD customers: λ ~ Gamma(r, α e^{−γ_p z}), dropout p ~ Beta(a e^{γ_d z}, b e^{γ_d z}) after each purchase
    const rng = createRng(77);
    const n = 4000;
    const z = new Float64Array(n);
    const f = new Float64Array(n);
    const rec = new Float64Array(n);
    const T = new Float64Array(n);
    const truth = { r: 0.8, alpha: 6, a: 0.7, b: 2.5, gp: 0.5, gd: 0.6 };
    for (let i = 0; i < n; i++) {
      z[i] = rng.uniform() < 0.5 ? 1 : 0;
      T[i] = 40 + rng.integer(40);
      const lambda = rng.gamma(truth.r, truth.alpha * Math.exp(-truth.gp * z[i]));
      const p = rng.beta(truth.a * Math.exp(truth.gd * z[i]), truth.b * Math.exp(truth.gd * z[i]));
      let t = 0;
      let x = 0;
      for (;;) {
        t += rng.exponential(lambda);
        if (t >= T[i]) break;
        x++;
        rec[i] = t;
        if (rng.uniform() < p) break;
      }
      f[i] = x;
    }
    const matrix: CovariateMatrix = { names: ['z'], rows: n, values: z, customerIds: [], reference: {}, source: { z: 'z' } };
    const m = fitBgNbdCovariates({ frequency: f, recency: rec, T }, matrix);
    const [cp, cd] = m.coefficients;
    expect(Math.abs(cp.estimate - truth.gp) / cp.se).toBeLessThan(3);
    expect(Math.abs(cd.estimate - truth.gd) / cd.se).toBeLessThan(3);
  });
});
