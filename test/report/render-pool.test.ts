import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renumberGradients } from '../../src/report/build.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');

describe('charts rendered in worker threads (render-pool.ts)', () => {
  it('gradient ids are renumbered in order of first appearance (hand-computed)', () => {
    let k = 5;
    const svg = '<linearGradient id="gradient_9"/><linearGradient id="gradient_2"/><rect fill="url(#gradient_2)"/><rect fill="url(#gradient_9)"/><text>gradient_9</text>';
    expect(renumberGradients(svg, () => k++)).toBe('<linearGradient id="gradient_5"/><linearGradient id="gradient_6"/><rect fill="url(#gradient_6)"/><rect fill="url(#gradient_5)"/><text>gradient_9</text>');
  });
  it('the page is the same file whether its charts are rendered by two workers or in the main thread, and its gradient ids are unique (invariant)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-pool-'));
    const page = (workers: string) => {
      const out = join(dir, `r${workers}.html`);
      const r = spawnSync(process.execPath, [bin, 'report', join(root, 'data', 'sample-transactions.csv'), '-o', out, '--calibration-end', '2025-06-30'], {
        cwd: root, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', CLVKIT_RENDER_WORKERS: workers },
      });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(out, 'utf8');
    };
    const inThread = page('0');
    const pooled = page('2');
    expect(pooled).toBe(inThread);
    const ids = [...pooled.matchAll(/id="(gradient_\d+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  }, 120_000);
  it('a command that fails before its charts still ends (the workers are closed): a missing input exits with 1 and its one-line message', () => {
    const r = spawnSync(process.execPath, [bin, 'report', join(root, 'no-such-file.csv'), '-o', join(tmpdir(), 'clvkit-never.html')], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no-such-file\.csv: no such file/);
  }, 70_000);
});
