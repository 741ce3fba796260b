import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');

function clvkit(args: string[], extra: string[] = []) {
  return spawnSync(process.execPath, [...extra, bin, ...args], { cwd: root, encoding: 'utf8' });
}

describe('clvkit entry point', () => {
  it('prints help listing the commands and exits 0, loading no heavy library', () => {
    const r = clvkit(['--help'], ['--import', join(root, 'test', 'helpers', 'trace-imports.mjs')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('summary');
    expect(r.stdout).toContain('simulate');
    const imported = r.stderr.split('\n').filter((l) => l.startsWith('[import]'));
    expect(imported.length).toBeGreaterThan(0);
    for (const heavy of ['danfojs', 'tensorflow', 'mathjs', '/vega', 'csv-parse']) {
      expect(imported.filter((l) => l.includes(heavy))).toEqual([]);
    }
  });
  it('prints the version from package.json', () => {
    const r = clvkit(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it('exits 2 on bad usage with one readable line and no stack', () => {
    const r = clvkit(['nonsense']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'nonsense'");
    const bad = clvkit(['simulate', '--lang', 'de']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('clvkit: --lang must be en or fr, got "de"');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
  it('simulate writes a reproducible CSV and --json prints the true parameters', () => {
    const a = clvkit(['simulate', '--customers', '50', '--seed', '3']);
    const b = clvkit(['simulate', '--customers', '50', '--seed', '3']);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.split('\n')[0]).toBe('customer_id,date,amount,channel');
    const fr = clvkit(['simulate', '--customers', '5', '--seed', '3', '--lang', 'fr', '--no-channels']);
    expect(fr.stdout.split('\n')[0]).toBe('id_client;date_commande;montant');
    expect(fr.stdout.split('\n')[1]).toMatch(/^C\d{6};\d{2}\/\d{2}\/\d{4};\d+,\d{2}$/);
  });
});
