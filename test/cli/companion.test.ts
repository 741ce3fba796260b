import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Issue 16, part 2: warnings travel with CSV outputs too, in a companion file beside the CSV.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');
const clvkit = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

describe('the companion file of a CSV output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clvkit-companion-'));
  const tx = join(dir, 'tx.csv');
  // 3 customers, 2 of them one-time buyers (hand-made): read 6, used 6
  writeFileSync(tx, 'customer_id,date,amount\nA,2024-01-01,10\nA,2024-02-01,12\nA,2024-03-01,9\nA,2024-05-01,11\nB,2024-01-15,20\nC,2024-02-10,5\n');
  it('summary --out x.csv writes x.accounting.json with the row accounting and the warnings', () => {
    const out = join(dir, 's.csv');
    const r = clvkit(['summary', tx, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const c = JSON.parse(readFileSync(join(dir, 's.accounting.json'), 'utf8'));
    expect(c.accounting.read).toBe(6);
    expect(c.accounting.used).toBe(6);
    expect(c.customers).toBe(3);
    expect(Array.isArray(c.warnings)).toBe(true);
  });
  it('predict --out x.csv writes x.accounting.json with the model, the resolved horizon and every warning printed on stderr', () => {
    const out = join(dir, 'p.csv');
    const r = clvkit(['predict', tx, '--model', 'bgnbd', '--horizon', '52w', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const c = JSON.parse(readFileSync(join(dir, 'p.accounting.json'), 'utf8'));
    expect(c.model).toBe('bgnbd');
    expect(c.rows).toBe(3);
    expect(c.customers).toBeUndefined();
    const printed = r.stderr.split('\n').filter((l) => l.startsWith('warning: ')).map((l) => l.slice(9));
    expect(printed.length).toBeGreaterThan(0);
    expect(c.warnings).toEqual(printed);
  });
});
