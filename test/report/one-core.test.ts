import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Oracle: the same command on every core of the machine (invariant). On one core (taskset) `clvkit report`
// starts no worker (availableParallelism() is 1) and makes every analysis in its own thread: the page must be
// the same file.
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'clvkit.js');
const taskset = spawnSync('taskset', ['--version']).status === 0;

describe.runIf(taskset)('the report on one core', () => {
  it('writes the same page as on every core', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-one-core-'));
    const page = (oneCore: boolean) => {
      const out = join(dir, `r${oneCore ? 1 : 'all'}.html`);
      const args = [bin, 'report', join(root, 'data', 'sample-transactions.csv'), '-o', out];
      const r = spawnSync(oneCore ? 'taskset' : process.execPath, oneCore ? ['-c', '0', process.execPath, ...args] : args, {
        cwd: root, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
      });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(out, 'utf8');
    };
    expect(page(true)).toBe(page(false));
  }, 120_000);
});
