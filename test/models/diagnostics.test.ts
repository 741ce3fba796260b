import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitBgNbd, bgNbdModel } from '../../src/models/bgnbd.ts';
import { paretoNbdModel } from '../../src/models/paretonbd.ts';
import { bgBbModel } from '../../src/models/bgbb.ts';
import { aliveHistory, chiSquareTest, heterogeneity, periodTransactions } from '../../src/models/diagnostics.ts';
import { periodTransactionsSpec, aliveHistorySpec, heterogeneitySpec } from '../../src/report/index.ts';
import { compileSpec, renderSvg } from '../../src/report/render.ts';
import { simulateSummary } from './simulate-helpers.ts';
import { runCli } from '../helpers/run-cli.ts';

const TRUE = { r: 0.5, alpha: 6, a: 0.7, b: 2.5 };
const sim = simulateSummary('bgnbd', TRUE, { customers: 3000, seed: 21, days: 500, acquisitionDays: 250 });

describe('period transactions', () => {
  it('the chi-square of a hand-computed case: (10-12)²/12 + (20-18)²/18 + 0 = 0.5556, p = 2(1 − Φ(0.7454)) = 0.4560', () => {
    const { statistic, pValue } = chiSquareTest([10, 20, 30], [12, 18, 30], 1);
    expect(statistic).toBeCloseTo(4 / 12 + 4 / 18, 14);
    expect(pValue).toBeCloseTo(0.456, 3);
  });

  it('expectations sum to the number of customers (the pmf sums to 1 over 0..60 repeat purchases; tail below 1e-6 past 200)', () => {
    for (const model of [bgNbdModel(TRUE), paretoNbdModel({ r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 })]) {
      const p = periodTransactions(model, sim, { bins: 202 });
      const head = p.bins.slice(0, -1).reduce((s, b) => s + b.expected, 0);
      expect(Math.abs(head - sim.frequency.length) / sim.frequency.length).toBeLessThan(1e-6);
      expect(p.bins.reduce((s, b) => s + b.actual, 0)).toBe(sim.frequency.length);
    }
  });

  it('BG/BB (discrete periods): expectations sum to the customers', () => {
    const m = bgBbModel({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
    const data = { frequency: [0, 1, 2, 6, 3], T: [6, 6, 6, 6, 6], weights: [3464, 1091, 1000, 500, 300] };
    const p = periodTransactions(m, data, { bins: 8 });
    expect(p.bins.reduce((s, b) => s + b.expected, 0)).toBeCloseTo(6355, 8);
    expect(p.bins[7].expected).toBeLessThan(1e-9); // at most 6 transactions in 6 periods
    expect(p.degreesOfFreedom).toBe(7 - 1 - 4); // the impossible, empty 7+ bin does not count
  });

  it('the model fitted on data from itself is not rejected; a wrong model is (simulation with known parameters)', () => {
    const fitted = periodTransactions(fitBgNbd(sim), sim, { bins: 8 });
    expect(fitted.degreesOfFreedom).toBe(3);
    expect(fitted.pValue).toBeGreaterThan(0.001);
    const wrong = periodTransactions(bgNbdModel({ r: 2, alpha: 6, a: 0.7, b: 2.5 }), sim, { bins: 8, parameters: 4 });
    expect(wrong.pValue).toBeLessThan(1e-6);
  });
});

describe('P(alive) history', () => {
  it('equals the model P(alive) at the running (x, t_x, T) and is 1 before the first repeat purchase (BG/NBD)', () => {
    const m = bgNbdModel(TRUE);
    const h = aliveHistory(m, [2, 5, 12.5, 20], 40, 40);
    expect(h[0]).toMatchObject({ t: 0, frequency: 0, probabilityAlive: 1 });
    const at = h.find((p) => p.t === 10.5)!;
    expect(at).toMatchObject({ frequency: 2, recency: 10.5, purchase: true });
    expect(at.probabilityAlive).toBe(m.probabilityAlive({ frequency: 2, recency: 10.5, T: 10.5 }));
    const end = h[h.length - 1];
    expect(end).toMatchObject({ t: 40, frequency: 3, recency: 18 });
    expect(end.probabilityAlive).toBe(m.probabilityAlive({ frequency: 3, recency: 18, T: 40 }));
  });
});

describe('heterogeneity', () => {
  it('the densities integrate to about 1 (trapezoid rule) and have the distribution mean', () => {
    const pts = heterogeneity({ model: 'bgnbd', params: { r: 2.5, alpha: 6, a: 1.5, b: 2.5 } }, 2000);
    for (const name of ['lambda', 'p']) {
      const d = pts.filter((p) => p.parameter === name);
      let area = 0;
      let mean = 0;
      for (let i = 1; i < d.length; i++) {
        const w = d[i].x - d[i - 1].x;
        area += (w * (d[i].density + d[i - 1].density)) / 2;
        mean += (w * (d[i].x * d[i].density + d[i - 1].x * d[i - 1].density)) / 2;
      }
      expect(area).toBeGreaterThan(0.99);
      expect(area).toBeLessThan(1.001);
      expect(mean / area).toBeCloseTo(name === 'lambda' ? 2.5 / 6 : 1.5 / 4, 2);
    }
  });
});

describe('diagnostics charts and the command', () => {
  it('the three specs compile and render to SVG', async () => {
    const p = periodTransactions(bgNbdModel(TRUE), sim);
    const specs = [
      periodTransactionsSpec(p, { title: 'Repeat purchases', x: 'repeat purchases', y: 'customers', actual: 'actual', expected: 'model' }),
      aliveHistorySpec({ customers: [{ id: 'A', points: aliveHistory(bgNbdModel(TRUE), [0, 3, 9], 20) }] }, { title: 'P(alive)', x: 'weeks', y: 'P(alive)', customer: 'customer', purchase: 'purchase' }),
      heterogeneitySpec({ points: heterogeneity({ model: 'paretonbd', params: { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 } }) }, { title: 'Heterogeneity', x: 'value', y: 'density' }),
    ];
    for (const s of specs) {
      expect(compileSpec(s).warnings).toEqual([]);
      expect(await renderSvg(s)).toMatch(/^<svg/);
    }
  });

  it('clvkit diagnose writes the CSV files and specs; the CSV holds the bins of the API', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-diag-'));
    const tx = join(dir, 'tx.csv');
    expect((await runCli(['simulate', '--customers', '500', '--seed', '2', '-o', tx])).code).toBe(0);
    const out = join(dir, 'out');
    const r = await runCli(['diagnose', tx, '-m', 'bgnbd', '--customers', 'C000001', '--out-dir', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.periodTransactions.bins.reduce((s: number, b: { actual: number }) => s + b.actual, 0)).toBe(500);
    const csv = readFileSync(join(out, 'period_transactions.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('repeat_purchases,or_more,actual,expected');
    expect(Number(csv[1].split(',')[3])).toBe(doc.periodTransactions.bins[0].expected);
    expect(readFileSync(join(out, 'alive_history.csv'), 'utf8')).toMatch(/^customer_id,t,frequency,recency,probability_alive,purchase\nC000001,0,0,0,1,false/);
    for (const f of ['period_transactions.vl.json', 'heterogeneity.vl.json', 'alive_history.vl.json']) expect(compileSpec(JSON.parse(readFileSync(join(out, f), 'utf8'))).warnings).toEqual([]);
  });
});
