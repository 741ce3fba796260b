import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'clvkit-intervals-'));
const tx = join(dir, 'tx.csv');

beforeAll(async () => {
  const r = await runCli(['simulate', '--customers', '600', '--seed', '5', '--days', '540', '--acquisition-days', '270', '-o', tx]);
  expect(r.code).toBe(0);
});

describe('predict --interval', () => {
  it('writes <name>_lower and <name>_upper beside each prediction, seeded, around the point', async () => {
    const args = ['predict', tx, '-m', 'bgnbd', '--horizon', '26w', '--interval', '90%', '--interval-draws', '40'];
    const a = await runCli(args);
    expect(a.code, a.stderr).toBe(0);
    const lines = a.stdout.trim().split('\n');
    const header = lines[0].split(',');
    const names = ['expected_transactions', 'probability_alive', 'expected_spend', 'clv', 'probability_no_purchase'];
    for (const n of names) expect(header.slice(header.indexOf(n), header.indexOf(n) + 3)).toEqual([n, `${n}_lower`, `${n}_upper`]);
    let inside = 0;
    let total = 0;
    for (const line of lines.slice(1)) {
      const v = line.split(',');
      for (const n of names) {
        const [p, lo, hi] = [0, 1, 2].map((k) => Number(v[header.indexOf(n) + k]));
        expect(lo).toBeLessThanOrEqual(hi);
        total++;
        if (lo <= p && p <= hi) inside++;
      }
    }
    // the point (at the estimates) lies inside its 90% interval for nearly every customer
    expect(inside / total).toBeGreaterThan(0.95);
    expect(a.stderr).toMatch(/90% intervals from 40 draws.*seed 1: they cover the uncertainty of the estimated parameters/);
    const again = await runCli(args);
    expect(again.stdout).toBe(a.stdout);
    const other = await runCli([...args, '--seed', '2']);
    expect(other.stdout).not.toBe(a.stdout);
    const json = await runCli([...args, '--json']);
    expect(JSON.parse(json.stdout).interval).toMatchObject({ level: 0.9, method: 'normal', draws: 40, seed: 1 });
  });

  it('bootstrap needs the fitting data; a level outside (0, 1) is refused', async () => {
    const m = join(dir, 'm.json');
    expect((await runCli(['fit', tx, '-m', 'bgnbd', '--save', m])).code).toBe(0);
    const r = await runCli(['predict', tx, '--model-file', m, '--horizon', '26w', '--interval', '0.9', '--interval-method', 'bootstrap']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bootstrap refits on the fitting data/);
    const s = await runCli(['predict', tx, '--model-file', m, '--horizon', '26w', '--interval', '0.9', '--interval-draws', '50']);
    expect(s.code, s.stderr).toBe(0);
    const bad = await runCli(['predict', tx, '-m', 'bgnbd', '--horizon', '26w', '--interval', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--interval must be a level between 0 and 1/);
    const boot = await runCli(['predict', tx, '-m', 'bgnbd', '--horizon', '26w', '--interval', '0.8', '--interval-method', 'bootstrap', '--interval-draws', '10', '--json']);
    expect(boot.code, boot.stderr).toBe(0);
    expect(JSON.parse(boot.stdout).interval).toMatchObject({ method: 'bootstrap', draws: 10 });
  });

  it('--distribution: P(0) + P(1) + P(2+) = 1; --horizon infinite gives DERT-based CLV', async () => {
    const r = await runCli(['predict', tx, '-m', 'bgnbd', '--horizon', '26w', '--distribution', '--json']);
    expect(r.code, r.stderr).toBe(0);
    for (const c of JSON.parse(r.stdout).customers.slice(0, 50)) {
      expect(c.probability_no_purchase + c.probability_one_purchase + c.probability_two_or_more).toBeCloseTo(1, 12);
    }
    const inf = await runCli(['predict', tx, '-m', 'bgnbd', '--horizon', 'infinite', '--json']);
    expect(inf.code, inf.stderr).toBe(0);
    const doc = JSON.parse(inf.stdout);
    expect(doc.horizon).toBe('infinite');
    expect(Object.keys(doc.customers[0])).toEqual(['customer_id', 'frequency', 'recency', 'T', 'dert', 'probability_alive', 'expected_spend', 'clv']);
    const zero = await runCli(['predict', tx, '-m', 'bgnbd', '--horizon', 'infinite', '--discount', '0']);
    expect(zero.code).toBe(2);
  });
});

describe('fit --json parameter intervals and holdout metrics', () => {
  it('parameter intervals are exp(log θ ± z SE/θ) (z = 1.959964 at 95%)', async () => {
    const r = await runCli(['fit', tx, '-m', 'bgnbd', '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.parameterIntervals.level).toBe(0.95);
    for (const k of ['r', 'alpha', 'a', 'b']) {
      const [lo, hi] = doc.parameterIntervals.params[k];
      const th = doc.params[k];
      const se = doc.standardErrors[k];
      expect(Math.log(hi / th)).toBeCloseTo((1.959963984540054 * se) / th, 12);
      expect(Math.log(th / lo)).toBeCloseTo((1.959963984540054 * se) / th, 12);
    }
  });

  it('holdout MAE, RMSE, bias and correlation equal those computed by hand from summary and predict outputs', async () => {
    const fit = JSON.parse((await runCli(['fit', tx, '-m', 'bgnbd', '--calibration-end', '2024-12-31', '--json'])).stdout);
    const t = fit.holdout.length;
    const pred = JSON.parse((await runCli(['predict', tx, '-m', 'bgnbd', '--calibration-end', '2024-12-31', '--horizon', String(t), '--horizon-unit', 'week', '--json'])).stdout);
    expect(pred.holdout).toEqual(fit.holdout);
    const sum = JSON.parse((await runCli(['summary', tx, '--calibration-end', '2024-12-31', '--json'])).stdout);
    const actual = new Map<string, number>(sum.customers.map((c: { customer_id: string; holdout_frequency: number }) => [c.customer_id, c.holdout_frequency]));
    let ae = 0;
    let se = 0;
    let bias = 0;
    const ps: number[] = [];
    const as: number[] = [];
    for (const c of pred.customers) {
      const a = actual.get(c.customer_id)!;
      const d = c.expected_transactions - a;
      ae += Math.abs(d);
      se += d * d;
      bias += d;
      ps.push(c.expected_transactions);
      as.push(a);
    }
    const n = pred.customers.length;
    expect(fit.holdout.mae).toBeCloseTo(ae / n, 12);
    expect(fit.holdout.rmse).toBeCloseTo(Math.sqrt(se / n), 12);
    expect(fit.holdout.bias).toBeCloseTo(bias / n, 12);
    const mp = ps.reduce((x, y) => x + y, 0) / n;
    const ma = as.reduce((x, y) => x + y, 0) / n;
    const cov = ps.reduce((s, p, i) => s + (p - mp) * (as[i] - ma), 0);
    const corr = cov / Math.sqrt(ps.reduce((s, p) => s + (p - mp) ** 2, 0) * as.reduce((s, a) => s + (a - ma) ** 2, 0));
    expect(fit.holdout.correlation).toBeCloseTo(corr, 10);
  });
});
