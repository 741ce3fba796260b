import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'clvkit-saved-'));
const tx = join(dir, 'tx.csv');

beforeAll(async () => {
  const r = await runCli(['simulate', '--customers', '800', '--seed', '3', '--days', '540', '--acquisition-days', '270', '-o', tx]);
  expect(r.code).toBe(0);
});

async function ok(args: string[]) {
  const r = await runCli(args);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

// Oracle: `predict` fitting in memory. Scoring with the saved model must write the same bytes.
describe('predict --model-file gives the bytes of predict with an in-memory fit', () => {
  for (const model of ['bgnbd', 'paretonbd', 'mbgnbd']) {
    it(`${model} on a transaction file (with spend), --freq month`, async () => {
      const m = join(dir, `${model}.json`);
      await ok(['fit', tx, '-m', model, '--freq', 'month', '--save', m]);
      const saved = JSON.parse(readFileSync(m, 'utf8'));
      expect(saved).toMatchObject({ format: 'clvkit-model', version: 1, model, data: { input: 'summary', unit: 'month', periodUnit: 'day', source: 'transactions' } });
      expect(saved.spend.model).toBe('gammagamma');
      expect(saved.covariance.names.length).toBe(4);
      const a = await ok(['predict', tx, '-m', model, '--freq', 'month', '--horizon', '12m']);
      const b = await ok(['predict', tx, '--model-file', m, '--horizon', '12m']);
      expect(b.stdout).toBe(a.stdout);
      expect(b.stderr).toMatch(/not refitted/);
    });
  }

  it.runIf(sharedDataAvailable('donations.csv', 'sbg_retention.csv'))('bgbb (donations) and sbg (survivors)', async () => {
    const m = join(dir, 'bgbb.json');
    await ok(['fit', sharedPath('donations.csv'), '-m', 'bgbb', '--save', m]);
    const a = await ok(['predict', sharedPath('donations.csv'), '-m', 'bgbb', '--horizon', '5']);
    const b = await ok(['predict', sharedPath('donations.csv'), '--model-file', m, '--horizon', '5']);
    expect(b.stdout).toBe(a.stdout);
    const s = join(dir, 'sbg.json');
    await ok(['fit', sharedPath('sbg_retention.csv'), '-m', 'sbg', '--column', 'regular', '--cohort-size', '1000', '--save', s]);
    const c = await ok(['predict', sharedPath('sbg_retention.csv'), '-m', 'sbg', '--column', 'regular', '--cohort-size', '1000', '--horizon', '12', '--json']);
    const d = await ok(['predict', sharedPath('sbg_retention.csv'), '--model-file', s, '--column', 'regular', '--cohort-size', '1000', '--horizon', '12', '--json']);
    expect(d.stdout).toBe(c.stdout);
  });
});

describe('predict --model-file refuses inputs that do not agree with the model, in one line', () => {
  it('another time unit, another purchase period, another model, spend missing, a broken file', async () => {
    const m = join(dir, 'week.json');
    await ok(['fit', tx, '-m', 'bgnbd', '--save', m]);
    const freq = await runCli(['predict', tx, '--model-file', m, '--freq', 'month', '--horizon', '12m']);
    expect(freq.code).toBe(2);
    expect(freq.stderr.trim().split('\n')).toHaveLength(1);
    expect(freq.stderr).toMatch(/fitted with time unit week.*not month/);
    const unit = await runCli(['predict', tx, '--model-file', m, '--unit', 'week', '--horizon', '12m']);
    expect(unit.code).toBe(2);
    expect(unit.stderr).toMatch(/collapsed per day.*not week/);
    const other = await runCli(['predict', tx, '--model-file', m, '-m', 'paretonbd', '--horizon', '12m']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/holds a BG\/NBD model/);
    const noSpend = join(dir, 'nospend.csv');
    writeFileSync(noSpend, 'customer_id,frequency,recency,T\nA,2,10,30\nB,0,0,20\n');
    const spend = await runCli(['predict', noSpend, '--model-file', m, '--horizon', '12m']);
    expect(spend.code).toBe(2);
    expect(spend.stderr).toMatch(/has a spend model but .*nospend.csv has no spend/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format": "clvkit-model", "version": 9}');
    const b = await runCli(['predict', tx, '--model-file', broken, '--horizon', '12m']);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/broken.json.*newer than this clvkit/);
  });
});
