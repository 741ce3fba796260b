import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');
const clvkit = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

describe('clvkit kano', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clvkit-kano-'));
  // feature "wifi": O, O, A, M → O ; feature "=cmd": I, I, A, A → tie A/I
  const answers = join(dir, 'answers.csv');
  writeFileSync(
    answers,
    [
      'respondent,feature,functional,dysfunctional',
      '1,wifi,I like it,I dislike it',
      '2,wifi,1,5',
      '3,wifi,like,neutral',
      '4,wifi,expect,dislike',
      '1,=cmd,3,3',
      '2,=cmd,neutral,live with',
      '3,=cmd,1,2',
      '4,=cmd,1,4',
    ].join('\n') + '\n',
  );

  it('--json prints exactly one JSON document with the contract fields', () => {
    const r = clvkit(['kano', answers, '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.features).toHaveLength(2);
    const [wifi, cmd] = doc.features;
    expect(wifi).toMatchObject({ feature: 'wifi', category: 'O', counts: { A: 1, O: 2, M: 1, I: 0, R: 0, Q: 0 }, tie: null });
    expect(wifi.better).toBeCloseTo(3 / 4, 15); // (A + O) / (A + O + M + I)
    expect(wifi.worse).toBeCloseTo(-3 / 4, 15); // -(O + M) / (A + O + M + I)
    expect(cmd).toMatchObject({ category: 'A', tie: ['A', 'I'], better: 0.5, worse: 0 });
    expect(r.stderr).toContain('rows read 8, used 8');
  });

  it('--out-dir writes the feature and answer tables with the formula guard', () => {
    const out = join(dir, 'out');
    const r = clvkit(['kano', answers, '--out-dir', out]);
    expect(r.status).toBe(0);
    // stdout is the one line saying what was written; the table makes way to stderr
    expect(r.stdout).toBe(`wrote kano_features.csv and kano_answers.csv to ${out}\n`);
    expect(r.stderr).toContain('O one-dimensional');
    const features = readFileSync(join(out, 'kano_features.csv'), 'utf8').trim().split('\n');
    expect(features[0].startsWith('feature,n,category,tie,A,O,M,I,R,Q')).toBe(true);
    expect(features[1].startsWith('wifi,4,O,,1,2,1,0,0,0,0.25,0.5,0.25,0,0,0,0.75,-0.75,')).toBe(true);
    expect(features[2].startsWith("'=cmd,4,A,A/I,")).toBe(true);
    const rows = readFileSync(join(out, 'kano_answers.csv'), 'utf8').trim().split('\n');
    expect(rows[1]).toBe('1,wifi,1,5,O');
  });

  it('exits 1 with file:line:column on an unknown answer', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'respondent,feature,functional,dysfunctional\n1,wifi,like,dislike\n2,wifi,peut-être,dislike\n');
    const r = clvkit(['kano', bad, '--json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.csv:3:3: unknown Kano answer "peut-être"/);
  });
});
