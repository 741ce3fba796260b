import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fitFromFile, fitJson } from '../../src/cli/commands/fit.ts';
import { UsageError } from '../../src/errors.ts';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { fitBgNbd } from '../../src/models/bgnbd.ts';
import { summarize } from '../../src/summary/summarize.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');
const clvkit = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'clvkit-fit-'));
const CONTRACT_KEYS = ['model', 'params', 'logLikelihood', 'standardErrors', 'converged', 'customers'];

describe('clvkit fit (library call)', () => {
  it('fits survivor counts given as period,alive', async () => {
    const f = join(dir, 'alive.csv');
    writeFileSync(f, 'period,alive\n0,1000\n1,631\n2,468\n3,382\n4,326\n5,289\n6,262\n7,241\n');
    const { fitted } = await fitFromFile(f, { model: 'sbg' });
    expect(fitted.params.alpha.toFixed(3)).toBe('0.704');
    expect(fitted.params.beta.toFixed(3)).toBe('1.182');
    const json = fitJson(fitted);
    for (const k of CONTRACT_KEYS) expect(json).toHaveProperty(k);
    expect(Object.keys(json.params as object)).toEqual(['alpha', 'beta']);
  });

  it('refuses a model that does not fit the input kind (usage error)', async () => {
    const f = join(dir, 'alive2.csv');
    writeFileSync(f, 'period,alive\n0,1000\n1,631\n2,468\n');
    await expect(fitFromFile(f, { model: 'bgnbd' })).rejects.toThrow(UsageError);
    const s = join(dir, 'summary.csv');
    writeFileSync(s, 'frequency,recency,T\n1,2,5\n0,0,5\n');
    await expect(fitFromFile(s, { model: 'gammagamma' })).rejects.toThrow(/needs spend/);
    await expect(fitFromFile(s, { model: 'sbg' })).rejects.toThrow(/survivor counts/);
    const weeks = join(dir, 'weeks.csv');
    writeFileSync(weeks, 'frequency,recency,T\n1,2.5,5.14\n0,0,5.14\n');
    await expect(fitFromFile(weeks, { model: 'bgbb' })).rejects.toThrow(/BG\/BB needs whole periods/);
  });

  it.runIf(sharedDataAvailable('example_transactions.csv'))('a transaction file goes through the summary (same fit as summarize + fitBgNbd)', async () => {
    const { fitted, loaded } = await fitFromFile(sharedPath('example_transactions.csv'), { model: 'bgnbd', freq: 'week', unit: 'day' });
    expect(loaded.source).toBe('transactions');
    const s = summarize(await readTransactions(sharedPath('example_transactions.csv')), { unit: 'day', freq: 'week' });
    const direct = fitBgNbd(s);
    for (const k of ['r', 'alpha', 'a', 'b']) expect(fitted.params[k]).toBeCloseTo(direct.params[k], 8);
    expect(fitted.customers).toBe(s.customerIds.length);
    // round trip: `clvkit summary --out` then `clvkit fit` on that summary (its spend column is empty: no amounts)
    const out = join(dir, 'example-summary.csv');
    expect(clvkit(['summary', sharedPath('example_transactions.csv'), '--out', out]).status).toBe(0);
    const again = await fitFromFile(out, { model: 'bgnbd' });
    expect(again.loaded.source).toBe('summary');
    expect(again.loaded.hasSpend).toBe(false);
    for (const k of ['r', 'alpha', 'a', 'b']) expect(again.fitted.params[k]).toBeCloseTo(direct.params[k], 8);
  });

  it.runIf(sharedDataAvailable('CDNOW_sample.txt'))('from the raw CDNOW sample: BG/NBD and Gamma-Gamma reproduce the published values', async () => {
    const o = { columns: 'master_id,customer_id,date,cds,amount', customerCol: 'customer_id', end: '1997-09-30' };
    const bg = (await fitFromFile(sharedPath('CDNOW_sample.txt'), { ...o, model: 'bgnbd' })).fitted;
    expect([bg.params.r, bg.params.alpha, bg.params.a, bg.params.b].map((v) => v.toFixed(3))).toEqual(['0.243', '4.414', '0.793', '2.426']);
    expect(bg.logLikelihood.toFixed(1)).toBe('-9582.4');
    const gg = (await fitFromFile(sharedPath('CDNOW_sample.txt'), { ...o, model: 'gammagamma' })).fitted;
    expect(gg.customers).toBe(946);
    // unrounded spend: v matches the published 15.44 (the summary file's zbar is rounded to the cent)
    expect([gg.params.p, gg.params.q, gg.params.v].map((v) => v.toFixed(2))).toEqual(['6.25', '3.74', '15.44']);
  });

  it.runIf(sharedDataAvailable('sbg_retention.csv'))('sbg_retention.csv with --column, --cohort-size and --through 7 gives the published fit', async () => {
    const { fitted } = await fitFromFile(sharedPath('sbg_retention.csv'), { model: 'sbg', column: 'high_end', cohortSize: '1000', through: '7' });
    expect(fitted.params.alpha.toFixed(3)).toBe('0.668');
    expect(fitted.params.beta.toFixed(3)).toBe('3.806');
    expect(fitted.customers).toBe(1000);
  });
});

describe('clvkit fit (child process)', () => {
  it.runIf(sharedDataAvailable('donations.csv'))('--json prints exactly one JSON document with the contract fields', () => {
    const r = clvkit(['fit', sharedPath('donations.csv'), '--model', 'bgbb', '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    for (const k of CONTRACT_KEYS) expect(doc).toHaveProperty(k);
    expect(doc.model).toBe('bgbb');
    expect(Object.keys(doc.params)).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    expect(doc.params.alpha.toFixed(3)).toBe('1.204');
    expect(doc.logLikelihood.toFixed(1)).toBe('-33225.6');
    expect(doc.customers).toBe(11104);
    expect(doc.converged).toBe(true);
    expect(r.stderr).toMatch(/BG\/BB fitted on 11,104 customers/);
    // without --json the readable result is the command's output: `clvkit fit … > out.txt` keeps it
    const plain = clvkit(['fit', sharedPath('donations.csv'), '--model', 'bgbb']);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/BG\/BB fitted on 11,104 customers/);
    expect(plain.stderr).not.toMatch(/fitted on/);
  });

  it('exit 2 on an unknown model, exit 1 on a bad cell with file:line:column', () => {
    const f = join(dir, 'bad.csv');
    writeFileSync(f, 'frequency,recency,T\n1,2,5\n2,9,5\n');
    const unknown = clvkit(['fit', f, '--model', 'hmm', '--json']);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    const bad = clvkit(['fit', f, '--model', 'bgnbd', '--json']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('bad.csv:3:2: recency (9) cannot exceed T (5)');
    expect(bad.stdout).toBe('');
  });
});
