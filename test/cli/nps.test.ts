import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');
const clvkit = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

describe('clvkit nps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clvkit-nps-'));
  const scores = join(dir, 'scores.csv');
  // web: 10, 9, 3 (2 P, 1 D); store: 10, 7, 0 (1 P, 1 A, 1 D); C7 has a bad score
  writeFileSync(scores, 'customer_id,channel,score\nC1,web,10\nC2,web,9\nC3,web,3\nC4,store,10\nC5,store,7\nC6,store,0\nC7,store,12\n');
  const tx = join(dir, 'tx.csv');
  // spend: C1 300, C2 200, C3..C6 10 each; two tiers of 1/3 and 2/3 of 6 customers → C1, C2 | others
  writeFileSync(tx, 'customer_id,date,amount\nC1,2024-01-02,300\nC2,2024-01-03,200\nC3,2024-01-04,10\nC4,2024-01-05,10\nC5,2024-01-06,10\nC6,2024-01-07,10\n');

  it('exits 1 at the invalid score by default', () => {
    const r = clvkit(['nps', scores, '--json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/scores\.csv:8:3: expected a whole number from 0 to 10, got "12"/);
  });

  it('--json with --skip-bad-rows, --by and --transactions', () => {
    const r = clvkit(['nps', scores, '--skip-bad-rows', '--by', 'channel', '--transactions', tx, '--tier-cuts', '0.3333333333333333,0.6666666666666667', '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    // overall: 3 P, 1 A, 2 D of 6 → NPS 100 (3 - 2) / 6
    expect(doc.nps).toBeCloseTo(100 / 6, 12);
    expect([doc.n, doc.promoters, doc.passives, doc.detractors]).toEqual([6, 3, 1, 2]);
    const pP = 0.5, pD = 1 / 3;
    expect(doc.se).toBeCloseTo(100 * Math.sqrt((pP + pD - (pP - pD) ** 2) / 6), 12);
    expect(doc.ci).toHaveLength(2);
    expect(doc.accounting).toMatchObject({ read: 7, used: 6, rejected: { out_of_range: 1 } });
    const channel = doc.groups.filter((g: { by: string }) => g.by === 'channel');
    expect(channel.map((g: { group: string; nps: number }) => [g.group, Math.round(g.nps * 1e9) / 1e9])).toEqual([
      ['web', Math.round((100 / 3) * 1e9) / 1e9],
      ['store', 0],
    ]);
    const tiers = doc.groups.filter((g: { by: string }) => g.by === 'value_tier');
    expect(tiers.map((g: { group: string; n: number; nps: number }) => [g.group, g.n, g.nps])).toEqual([
      ['Tier 1', 2, 100],
      ['Tier 2', 4, -25],
    ]);
    expect(doc.valueTiers).toMatchObject({ customers: 6, matched: 6, unmatched: 0 });
  });

  it('--out-dir writes nps.csv with the overall row first; --score-col and the French alias', () => {
    const fr = join(dir, 'fr.csv');
    writeFileSync(fr, 'id_client;note\nC1;9\nC2;9\n');
    const out = join(dir, 'out');
    const r = clvkit(['nps', fr, '--out-dir', out]);
    expect(r.status).toBe(0);
    // stdout is the one line saying what was written; the result makes way to stderr
    expect(r.stdout).toBe(`wrote nps.csv to ${out}\n`);
    expect(r.stderr).toContain('NPS 100.0, 95% interval [100.0, 100.0]');
    expect(r.stderr).toContain('the estimated variance is 0');
    const lines = readFileSync(join(out, 'nps.csv'), 'utf8').trim().split('\n');
    expect(lines[0].startsWith('by,group,n,promoters,passives,detractors,nps,se,ci_low,ci_high')).toBe(true);
    expect(lines[1].startsWith('all,all,2,2,0,0,100,0,100,100,')).toBe(true);
    const custom = join(dir, 'custom.csv');
    writeFileSync(custom, 'id,q7\n1,0\n');
    const c = clvkit(['nps', custom, '--score-col', 'q7', '--json']);
    expect(JSON.parse(c.stdout).nps).toBe(-100);
    expect(clvkit(['nps', custom, '--level', '2']).status).toBe(2);
  });
});
