import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { predictFromFile } from '../../src/cli/commands/predict.ts';
import { sbgModel } from '../../src/models/sbg.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');
const clvkit = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'clvkit-predict-'));
const CDNOW = 'cdnow_customers_summary_with_transactions.csv';

describe.runIf(sharedDataAvailable(CDNOW))('clvkit predict on the CDNOW summary', () => {
  it('BG/NBD: E[Y(39) | x=2, t_x=30.43, T=38.86] = 1.226 as in Fader, Hardie & Lee (2005a)', async () => {
    const r = await predictFromFile(sharedPath(CDNOW), { model: 'bgnbd', horizon: '39w' });
    expect(r.header).toEqual(['customer_id', 'frequency', 'recency', 'T', 'expected_transactions', 'probability_alive', 'expected_spend', 'clv']);
    const c1 = r.records[0];
    expect(c1.customer_id).toBe('1');
    expect((c1.expected_transactions as number).toFixed(3)).toBe('1.226');
    expect(r.records).toHaveLength(2357);
  });

  it('clv = expected_transactions x expected_spend x margin with --discount 0; discounting lowers it by at most 1/1.1 over a year', async () => {
    const flat = await predictFromFile(sharedPath(CDNOW), { model: 'bgnbd', horizon: '52w', discount: '0', margin: '30%' });
    const disc = await predictFromFile(sharedPath(CDNOW), { model: 'bgnbd', horizon: '52w', margin: '0.3' });
    for (const i of [0, 1, 2, 100, 2000]) {
      const f = flat.records[i];
      expect(f.clv as number).toBeCloseTo((f.expected_transactions as number) * (f.expected_spend as number) * 0.3, 10);
      const ratio = (disc.records[i].clv as number) / (f.clv as number);
      expect(ratio).toBeLessThan(1);
      expect(ratio).toBeGreaterThan(1 / 1.1);
    }
    // frequency 0: the Gamma-Gamma population mean p v / (q - 1)
    const p = (disc.json.spendParams as { p: number; q: number; v: number });
    expect(disc.records[2].expected_spend as number).toBeCloseTo((p.p * p.v) / (p.q - 1), 10);
  });

  it('--horizon-unit converts to the model unit (12 months = 365.25/7 weeks)', async () => {
    const r = await predictFromFile(sharedPath(CDNOW), { model: 'bgnbd', horizon: '12', horizonUnit: 'month' });
    expect(r.json.horizon).toBeCloseTo(365.25 / 7, 12);
  });

  it('gammagamma alone: expected spend per customer', async () => {
    const r = await predictFromFile(sharedPath(CDNOW), { model: 'gammagamma' });
    expect(r.header).toContain('expected_spend');
    expect((r.records[0].expected_spend as number)).toBeGreaterThan(22.35); // shrunk from 22.35 towards the mean 35.2
    expect((r.records[0].expected_spend as number)).toBeLessThan(35.2);
  });

  it('child process: --json prints one document {model, params, horizon, customers}', () => {
    const r = clvkit(['predict', sharedPath(CDNOW), '--model', 'paretonbd', '--horizon', '52w', '--json']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const doc = JSON.parse(r.stdout);
    for (const k of ['model', 'params', 'horizon', 'customers']) expect(doc).toHaveProperty(k);
    expect(doc.model).toBe('paretonbd');
    expect(Object.keys(doc.params)).toEqual(['r', 'alpha', 's', 'beta']);
    expect(doc.customers).toHaveLength(2357);
    expect(Object.keys(doc.customers[0])).toEqual(['customer_id', 'frequency', 'recency', 'T', 'expected_transactions', 'probability_alive', 'expected_spend', 'clv']);
  });
});

describe('clvkit predict output', () => {
  it('guards CSV cells against formula injection and writes French CSV', async () => {
    const f = join(dir, 's.csv');
    const lines = ['customer_id,frequency,recency,T,monetary_value', '"=HYPERLINK(""x"")",2,30,39,20.5'];
    // enough customers for the fits
    for (let i = 0; i < 300; i++) lines.push(`C${i},${i % 5},${i % 5 === 0 ? 0 : 10 + (i % 20)},39,${i % 5 === 0 ? 0 : 10 + (i % 17)}`);
    writeFileSync(f, lines.join('\n') + '\n');
    const out = join(dir, 'p.csv');
    const r = clvkit(['predict', f, '--model', 'bgnbd', '--horizon', '10w', '--out', out, '--lang', 'fr']);
    expect(r.status).toBe(0);
    const text = readFileSync(out, 'utf8').split('\n');
    expect(text[0]).toBe('customer_id;frequency;recency;T;expected_transactions;probability_alive;expected_spend;clv');
    expect(text[1].startsWith(`"'=HYPERLINK(""x"")";2;30;39;`)).toBe(true);
    expect(text[1]).toMatch(/;\d+,\d+/);
  });

  it('BG/BB horizons are whole periods; sBG projections list observed and expected survivors', async () => {
    const bb = join(dir, 'bb.csv');
    writeFileSync(bb, 'frequency,recency,periods,weights\n0,0,6,3464\n1,1,6,1091\n2,2,6,300\n3,5,6,500\n6,6,6,1203\n4,6,6,800\n2,6,6,600\n');
    await expect(predictFromFile(bb, { model: 'bgbb', horizon: '2.5' })).rejects.toThrow(/whole number/);
    const p = await predictFromFile(bb, { model: 'bgbb', horizon: '5', freq: 'year' });
    expect(p.records).toHaveLength(7);
    const sv = join(dir, 'sv.csv');
    writeFileSync(sv, 'year,regular\n0,100\n1,63.1\n2,46.8\n3,38.2\n4,32.6\n5,28.9\n6,26.2\n7,24.1\n8,22.3\n');
    const s = await predictFromFile(sv, { model: 'sbg', horizon: '10', cohortSize: '1000', through: '7', freq: 'year' });
    expect(s.header).toEqual(['cohort', 'period', 'survival', 'retention_rate', 'churn_probability', 'expected_alive', 'observed_alive', 'derl']);
    expect(s.records).toHaveLength(11);
    // period 8 is held out by --through 7 but still listed as observed, next to the projection
    expect(s.records[8].observed_alive as number).toBeCloseTo(223, 9);
    expect(Math.abs((s.records[8].expected_alive as number) - 223)).toBeLessThan(20);
    expect(s.records[10].observed_alive).toBeUndefined(); // beyond the data
    // --freq year: the annual 10% applies per period unchanged, and DERL at t is the model's for t renewals
    const m = sbgModel(s.json.params as { alpha: number; beta: number });
    for (const t of [0, 3, 9]) expect(s.records[t].derl as number).toBeCloseTo(m.discountedExpectedResidualLifetime(0.1, t), 12);
  });
});
