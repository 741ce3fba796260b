import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The module graph of each published entry point (dist/, built by the test setup), read from a
// resolve hook: which packages each one loads. Oracle: the entry-point contract of DESIGN.md §2.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const hook = join(root, 'test', 'helpers', 'trace-imports.mjs');

function packagesLoaded(entry: string): string[] {
  const r = spawnSync(process.execPath, ['--import', hook, '--input-type=module', '-e', `await import(${JSON.stringify(join(root, entry))});`], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const urls = r.stderr.split('\n').filter((l) => l.startsWith('[import] ')).map((l) => l.slice(9));
  const pkgs = new Set<string>();
  for (const u of urls) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
    if (m) pkgs.add(m[1]);
  }
  return [...pkgs].sort();
}

const HEAVY = ['vega', 'vega-lite', 'vega-embed', 'danfojs-node', '@duckdb/node-api', 'pg', '@clickhouse/client', 'mathjs', 'tsx'];

describe('entry points load only what they need', () => {
  it('clvkit: no vega, danfo, DuckDB, PostgreSQL, mathjs or tsx in its import graph', () => {
    const loaded = packagesLoaded('dist/index.js');
    expect(loaded.filter((p) => HEAVY.includes(p) || p.startsWith('vega'))).toEqual([]);
    expect(loaded).toContain('csv-parse');
  });
  it('clvkit/report loads vega and vega-lite, and no database driver or danfo', () => {
    const loaded = packagesLoaded('dist/report/index.js');
    expect(loaded).toContain('vega');
    expect(loaded).toContain('vega-lite');
    expect(loaded.filter((p) => ['danfojs-node', '@duckdb/node-api', 'pg'].includes(p))).toEqual([]);
  });
  it('clvkit/engines loads no vega or danfo, and its drivers only when a query runs', () => {
    const loaded = packagesLoaded('dist/engines/index.js');
    expect(loaded.filter((p) => HEAVY.includes(p) || p.startsWith('vega'))).toEqual([]);
  });
  it('clvkit/dataframe loads danfo only when called', () => {
    const loaded = packagesLoaded('dist/dataframe.js');
    expect(loaded.filter((p) => HEAVY.includes(p))).toEqual([]);
  });
  it('require("clvkit") works (no top-level await in the graph) and fits BG/NBD', () => {
    const script = `const c = require(${JSON.stringify(join(root, 'dist', 'index.js'))});
      const m = c.fitBgNbd({ frequency: [0, 1, 2, 0, 5, 3], recency: [0, 10, 20, 0, 30, 25], T: [40, 40, 40, 40, 40, 40] });
      process.stdout.write(JSON.stringify(Object.keys(m.params)));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['r', 'alpha', 'a', 'b']);
  });
});
