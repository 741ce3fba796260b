import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');
const clvkit = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'clvkit-cov-'));
const have = sharedDataAvailable('apparelTrans.csv', 'apparelStaticCov.csv', 'apparelDynCov.csv');

describe.runIf(have)('clvkit fit/predict --covariates on the apparel files, read as they are (Id, Cov.Date)', () => {
  it('fit --covariates apparelStaticCov.csv --constrain Gender --json: LL −5,826.5342 (CLVTools), warnings array present', () => {
    const r = clvkit(['fit', sharedPath('apparelTrans.csv'), '--model', 'paretonbd', '--calibration-end', '2006-12-31', '--covariates', sharedPath('apparelStaticCov.csv'), '--constrain', 'Gender', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.covariates).toBe('static');
    expect(doc.logLikelihood).toBeCloseTo(-5826.5342, 3);
    expect(doc.coefficients.map((c: { process: string; name: string }) => `${c.process}:${c.name}`)).toEqual(['purchase:Channel', 'dropout:Channel', 'both:Gender']);
    expect(Array.isArray(doc.warnings)).toBe(true);
  });

  it('predict --covariates apparelDynCov.csv: time-varying, one row per customer, CSV written atomically with the spend columns', () => {
    const out = join(dir, 'pred.csv');
    const r = clvkit(['predict', sharedPath('apparelTrans.csv'), '--model', 'paretonbd', '--calibration-end', '2006-12-31', '--covariates', sharedPath('apparelDynCov.csv'), '--purchase-covariates', 'High.Season,Gender,Channel', '--dropout-covariates', 'Gender,Channel', '--horizon', '52w', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('customer_id,frequency,recency,T,expected_transactions,probability_alive,expected_spend,clv');
    expect(lines.length).toBe(601);
    expect(r.stderr).toMatch(/time-varying covariates/);
  });

  it('errors: a customer without covariates, an unknown covariate, covariates with a BG/BB model', () => {
    const cov = join(dir, 'partial.csv');
    writeFileSync(cov, readFileSync(sharedPath('apparelStaticCov.csv'), 'utf8').split('\n').slice(0, 300).join('\n') + '\n');
    const r1 = clvkit(['fit', sharedPath('apparelTrans.csv'), '--model', 'paretonbd', '--covariates', cov]);
    expect(r1.status).toBe(1);
    expect(r1.stderr).toMatch(/partial\.csv: 301 customer\(s\) of the transactions have no covariates/);
    const r2 = clvkit(['fit', sharedPath('apparelTrans.csv'), '--model', 'paretonbd', '--covariates', sharedPath('apparelStaticCov.csv'), '--constrain', 'Age']);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(/unknown covariate "Age"/);
    const r3 = clvkit(['fit', sharedPath('apparelTrans.csv'), '--model', 'sbg', '--covariates', sharedPath('apparelStaticCov.csv')]);
    expect(r3.status).toBe(1);
    expect(r3.stderr).toMatch(/Pareto\/NBD .* BG\/NBD/);
    expect(r3.stderr.split('\n').filter(Boolean).length).toBe(1);
  });
});
