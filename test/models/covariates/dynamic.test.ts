import { describe, expect, it } from 'vitest';
import { readTransactions } from '../../../src/ingest/transactions.ts';
import { readCovariates } from '../../../src/ingest/covariates.ts';
import { summarize } from '../../../src/summary/summarize.ts';
import { repeatPurchaseDays } from '../../../src/summary/purchase-days.ts';
import { alignCovariates, covariateMatrix } from '../../../src/models/covariates/design.ts';
import { covariatePanel, dynamicCovariateData, type DynamicCovariateData } from '../../../src/models/covariates/panel.ts';
import { dynamicObjective, fitParetoNbdDynamic } from '../../../src/models/covariates/paretonbd-dynamic.ts';
import { fitParetoNbdCovariates } from '../../../src/models/covariates/paretonbd-static.ts';
import { fitParetoNbd } from '../../../src/models/paretonbd.ts';
import { simulateParetoNbdDynamic } from '../../../src/simulate/covariates.ts';
import { createRng } from '../../../src/random.ts';
import { sharedDataAvailable, sharedPath } from '../../helpers/shared-data.ts';

const haveApparel = sharedDataAvailable('apparelTrans.csv', 'apparelStaticCov.csv', 'apparelDynCov.csv');

let cached: ReturnType<typeof loadApparel> | undefined;
function apparelDynamic() {
  cached ??= loadApparel();
  return cached;
}

async function loadApparel() {
  const table = await readTransactions(sharedPath('apparelTrans.csv'));
  const summary = summarize(table, { freq: 'week', calibrationEnd: '2006-12-31' });
  const file = readCovariates(sharedPath('apparelDynCov.csv'));
  expect(file.kind).toBe('dynamic');
  const panel = covariatePanel({ ...file, dates: file.dates! });
  const data = dynamicCovariateData(panel, { ...summary, repeatPurchaseDays: repeatPurchaseDays(table, summary), end: summary.calibrationEnd! }, 7);
  return { table, summary, data };
}

describe.runIf(haveApparel)('Pareto/NBD with time-varying covariates on the apparel data', () => {
  it('Gender and Channel as a panel (constant over time) give the static fit: LL −5,821.0627 (CLVTools), same coefficients and predictions', async () => {
    const { summary, data } = await apparelDynamic();
    const dyn = fitParetoNbdDynamic(data, { purchase: ['Gender', 'Channel'], dropout: ['Gender', 'Channel'] });
    expect(dyn.logLikelihood).toBeCloseTo(-5821.0627, 3);
    const matrix = alignCovariates(covariateMatrix(readCovariates(sharedPath('apparelStaticCov.csv'))), summary.customerIds).matrix;
    const stat = fitParetoNbdCovariates(summary, matrix);
    dyn.coefficients.forEach((c, j) => {
      expect(c.estimate).toBeCloseTo(stat.coefficients[j].estimate, 4);
      expect(c.se / stat.coefficients[j].se).toBeCloseTo(1, 3);
    });
    const pa = dyn.probabilityAliveAll();
    const paStatic = stat.probabilityAliveAll(summary, matrix);
    const ce = dyn.conditionalExpectedTransactionsAll(52);
    const ceStatic = stat.conditionalExpectedTransactionsAll(52, summary, matrix);
    for (const i of [0, 5, 100, 599]) {
      expect(pa[i]).toBeCloseTo(paStatic[i], 5);
      expect(ce[i]).toBeCloseTo(ceStatic[i], 5);
    }
  });

  it('no covariates: the Pareto/NBD without covariates, LL −5,848.0978', async () => {
    const { summary, data } = await apparelDynamic();
    const dyn = fitParetoNbdDynamic(data, { purchase: [], dropout: [] });
    const plain = fitParetoNbd(summary);
    expect(dyn.logLikelihood).toBeCloseTo(-5848.0978, 3);
    expect(dyn.logLikelihood).toBeCloseTo(plain.logLikelihood, 7);
    expect(dyn.params.r / plain.params.r).toBeCloseTo(1, 5);
    expect(dyn.params.beta / plain.params.beta).toBeCloseTo(1, 5);
  });

  it('High.Season, Gender and Channel: converges, season raises the purchase rate, the flat season effect on dropout is flagged', async () => {
    const { data } = await apparelDynamic();
    const m = fitParetoNbdDynamic(data);
    expect(m.logLikelihood).toBeGreaterThan(-5821.0627); // nests the static model
    const season = m.coefficients.find((c) => c.process === 'purchase' && c.name === 'High.Season')!;
    expect(season.lower).toBeGreaterThan(0);
    for (const w of m.warnings) expect(w).toMatch(/dropout:High.Season|not identified/);
  });
});

function panelData(seed: number, n: number, periods: number): { data: DynamicCovariateData; truth: { gp: number[]; gd: number[] } } {
  const rng = createRng(seed);
  const k = 2;
  const z = new Float64Array(n * periods * k);
  for (let i = 0; i < n; i++) {
    const binary = rng.uniform() < 0.5 ? 1 : 0; // a static covariate
    for (let p = 0; p < periods; p++) {
      z[(i * periods + p) * k] = binary;
      z[(i * periods + p) * k + 1] = Math.sin((2 * Math.PI * (p + 13 * (i % 4))) / 26) + 0.5 * rng.normal(); // seasonal, varies by customer
    }
  }
  const start = Float64Array.from({ length: n }, () => rng.uniform() * periods * 0.4);
  const truth = { gp: [0.4, 0.3], gd: [-0.3, 0.4] };
  const data = simulateParetoNbdDynamic({ customers: n, periods, start, k, z, r: 1, alpha: 12, s: 0.8, beta: 25, gammaPurchase: truth.gp, gammaDropout: truth.gd, seed: seed + 99 });
  return { data, truth };
}

describe('time-varying covariates: invariants and recovery', () => {
  it('analytic gradient against central finite differences', () => {
    const { data } = panelData(3, 150, 40);
    const list = [
      { name: 'z1', process: 'purchase' as const, column: 0 },
      { name: 'z2', process: 'purchase' as const, column: 1 },
      { name: 'z1', process: 'dropout' as const, column: 0 },
      { name: 'z2', process: 'both' as const, column: 1 },
    ];
    const f = dynamicObjective(data, list);
    const theta = Float64Array.of(Math.log(0.9), Math.log(11), Math.log(0.7), Math.log(20), 0.3, 0.2, -0.2, 0.35);
    const g = new Float64Array(8);
    f.evaluate(theta, g);
    const tmp = new Float64Array(8);
    for (let j = 0; j < 8; j++) {
      const up = Float64Array.from(theta);
      const dn = Float64Array.from(theta);
      up[j] += 1e-6;
      dn[j] -= 1e-6;
      const fd = (f.evaluate(up, tmp) - f.evaluate(dn, tmp)) / 2e-6;
      expect(Math.abs(g[j] - fd)).toBeLessThan(1e-4 * (1 + Math.abs(fd)));
    }
  });

  it('all-zero covariates give the Pareto/NBD without covariates', () => {
    const { data } = panelData(4, 800, 52);
    const zero = { ...data, z: new Float64Array(data.z.length), purchaseSums: new Float64Array(data.purchaseSums.length), futureZ: new Float64Array(data.futureZ.length) };
    const m = fitParetoNbdDynamic(zero);
    const plain = fitParetoNbd(data);
    expect(m.logLikelihood).toBeCloseTo(plain.logLikelihood, 6);
    expect(m.params.alpha / plain.params.alpha).toBeCloseTo(1, 5);
    for (const c of m.coefficients) expect(c.estimate).toBe(0);
    const pa = m.probabilityAliveAll();
    const ce = m.conditionalExpectedTransactionsAll(20);
    for (const i of [0, 7, 333]) {
      const row = { frequency: data.frequency[i], recency: data.recency[i], T: data.T[i] };
      expect(pa[i]).toBeCloseTo(plain.probabilityAlive(row), 5);
      expect(ce[i]).toBeCloseTo(plain.conditionalExpectedTransactions(20, row), 5);
    }
  });

  it('parameter recovery: every coefficient within 3 SE over 3 seeds (1,500 customers, 40 periods)', () => {
    let covered = 0;
    let total = 0;
    for (const seed of [21, 22, 23]) {
      const { data, truth } = panelData(seed, 1500, 40);
      const m = fitParetoNbdDynamic(data);
      const want = [...truth.gp, ...truth.gd];
      m.coefficients.forEach((c, j) => {
        expect(Math.abs(c.estimate - want[j]) / c.se).toBeLessThan(3);
        total++;
        if (c.lower <= want[j] && want[j] <= c.upper) covered++;
      });
    }
    expect(covered / total).toBeGreaterThanOrEqual(0.75);
  });
});
