import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTable } from '../../src/ingest/table.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');
const clvkit = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

describe('clvkit survey', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clvkit-survey-'));
  const responses = join(dir, 'responses.csv');

  it('simulate --survey writes the study; survey --json prints one document in the DESIGN.md §3 shape', () => {
    const sim = clvkit(['simulate', '--survey', '--seed', '5', '--out', responses, '--json']);
    expect(sim.status, sim.stderr).toBe(0);
    const truth = JSON.parse(sim.stdout);
    expect(truth.truth.respondents).toBe(211);
    const r = clvkit(['survey', responses, '--config', 'data/io-study.json', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    for (const c of ['CC', 'IRC', 'CE', 'CVM', 'SAT', 'REC']) {
      expect(Object.keys(doc.reliability[c])).toEqual(expect.arrayContaining(['alpha', 'cr', 'ave', 'loadings']));
    }
    expect(doc.models).toHaveLength(12);
    for (const m of doc.models) {
      expect(Object.keys(m)).toEqual(expect.arrayContaining(['name', 'type', 'n', 'r2', 'adj_r2', 'coefficients']));
      for (const c of m.coefficients) {
        expect(Object.keys(c)).toEqual(expect.arrayContaining(['term', 'estimate', 'se', 'se_hc3', 't', 'p', 'ci']));
        expect(c.ci).toHaveLength(2);
      }
    }
    expect(doc.models.find((m: { type: string }) => m.type === 'logit').coefficients[1].odds_ratio).toBeGreaterThan(0);
  });

  it('--out-dir writes every table; the French dialect reads back to the same numbers', () => {
    const out = join(dir, 'out');
    const r = clvkit(['survey', responses, '--template', 'io', '--out-dir', out]);
    expect(r.status, r.stderr).toBe(0);
    // stdout is the one line saying what was written; the result makes way to stderr
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(new RegExp(`^wrote 10 files to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(r.stderr).toContain('Fornell-Larcker');
    for (const f of ['reliability.csv', 'items.csv', 'fornell_larcker.csv', 'descriptives.csv', 'correlations.csv', 'models.csv', 'model_fit.csv', 'hierarchy.csv', 'scores.csv', 'survey.json']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const fr = join(dir, 'out-fr');
    expect(clvkit(['survey', responses, '--template', 'io', '--out-dir', fr, '--lang', 'fr']).status).toBe(0);
    const en = parseTable(readFileSync(join(out, 'models.csv'), 'utf8'), 'en.csv');
    const frT = parseTable(readFileSync(join(fr, 'models.csv'), 'utf8'), 'fr.csv');
    expect(frT.delimiter).toBe(';');
    const col = en.header.indexOf('estimate');
    expect(Number(frT.rows[3][col].replace(',', '.'))).toBe(Number(en.rows[3][col]));
    const scores = parseTable(readFileSync(join(out, 'scores.csv'), 'utf8'), 's.csv');
    expect(scores.header).toEqual(['respondent', 'CC', 'IRC', 'CE', 'CVM', 'SAT', 'REC', 'IO']);
    expect(scores.rows).toHaveLength(211);
  });

  it('bad usage exits 2; bad input exits 1 with the place', () => {
    expect(clvkit(['survey', responses]).status).toBe(2);
    const m = clvkit(['survey', responses, '--template', 'io', '--missing', 'pairwise']);
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/--missing/);
    const badConfig = join(dir, 'bad.json');
    writeFileSync(badConfig, '{"constructs": {"A": {"items": "a1"}}}');
    const b = clvkit(['survey', responses, '--config', badConfig]);
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(/constructs\.A\.items: must be a list of names/);
    const badData = join(dir, 'bad.csv');
    const lines = readFileSync(responses, 'utf8').split('\n');
    lines[3] = lines[3].replace(/^(\d+),\d+/, '$1,9');
    writeFileSync(badData, lines.join('\n'));
    const d = clvkit(['survey', badData, '--template', 'io', '--json']);
    expect(d.status).toBe(1);
    expect(d.stdout).toBe('');
    expect(d.stderr).toMatch(/bad\.csv:4:2: answer 9 to item "cc1" is outside the scale 1–7/);
  });
});
