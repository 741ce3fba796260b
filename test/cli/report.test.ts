import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');
const clvkit = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'clvkit-report-cli-'));
const sample = join(root, 'data', 'sample-transactions.csv');

describe('clvkit report', () => {
  it('writes the French report with research sections, choosing the model on the holdout', () => {
    expect(clvkit(['simulate', '--kano', '--seed', '3', '-o', join(dir, 'kano.csv')]).status).toBe(0);
    expect(clvkit(['simulate', '--nps', '--seed', '3', '-o', join(dir, 'nps.csv')]).status).toBe(0);
    const out = join(dir, 'sub', 'report.html');
    const r = clvkit(['report', sample, '-o', out, '--lang', 'fr', '--calibration-end', '2025-06-30', '--kano', join(dir, 'kano.csv'), '--nps', join(dir, 'nps.csv'), '--nps-by', 'channel', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    // stdout is the one line saying what was written; messages on stderr
    expect(r.stdout).toMatch(new RegExp(`^wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ KB\\)\n$`));
    expect(r.stderr).toMatch(/model: (bgnbd|mbgnbd|paretonbd) \(holdout errors .*ties within the noise go to the lower BIC\)/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Analyse de Kano');
    expect(html).toContain('Net Promoter Score');
    expect(html).toContain('NPS par palier de valeur'); // respondents matched to customers by id
    expect(html).toContain('Règle : la plus petite erreur sur la période de contrôle');
    expect(html).not.toContain('vega-embed'); // static unless --interactive
  });

  it('--interactive inlines the Vega runtime', () => {
    const out = join(dir, 'interactive.html');
    const r = clvkit(['report', sample, '-o', out, '--model', 'bgnbd', '--interactive', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('id="clvkit-specs"');
    expect(html.length).toBeGreaterThan(700_000);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
  });

  it('bad usage exits 2 with one readable line', () => {
    for (const args of [
      ['report', sample, '-o', join(dir, 'x.html'), '--lang', 'de'],
      ['report', sample, '-o', join(dir, 'x.html'), '--model', 'xgboost'],
      ['report', sample, '-o', join(dir, 'x.html'), '--survey', 'answers.csv'],
      ['report', sample],
    ]) {
      const r = clvkit(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  });

  it('a missing or bad input file exits 1', () => {
    const r = clvkit(['report', join(dir, 'missing.csv'), '-o', join(dir, 'y.html')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^clvkit: /);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'customer_id,date,amount\nA,not a date,3\n');
    expect(clvkit(['report', bad, '-o', join(dir, 'y.html')]).status).toBe(1);
  });

  it('prints SOURCE_DATE_EPOCH as the generation date (reproducible files); a bad value exits 2', () => {
    const small = join(dir, 'small.csv');
    writeFileSync(small, 'customer_id,date,amount\nA,2024-01-02,10\nA,2024-02-03,12\nB,2024-01-05,8\nB,2024-03-01,9\nC,2024-02-01,5\n');
    const env = (v: string) => ({ cwd: root, encoding: 'utf8' as const, env: { ...process.env, SOURCE_DATE_EPOCH: v } });
    const out = join(dir, 'dated.html');
    // 1,000,000,000 s after 1970-01-01 is 2001-09-09.
    const r = spawnSync(process.execPath, [bin, 'report', small, '-o', out, '--lang', 'fr', '--quiet'], env('1000000000'));
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('09/09/2001');
    const bad = spawnSync(process.execPath, [bin, 'report', small, '-o', join(dir, 'z.html'), '--quiet'], env('yesterday'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('SOURCE_DATE_EPOCH');
  });
});
