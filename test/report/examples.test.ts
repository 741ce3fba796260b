/**
 * The committed example reports are what the code makes today: regenerated into a temporary folder
 * (reports/make-examples.ts, generation date fixed by SOURCE_DATE_EPOCH) and compared byte for byte.
 * When this fails after an intended change, run `npx tsx reports/make-examples.ts` and commit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'clvkit-examples-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('committed example reports', () => {
  it('are regenerated identically (en and fr)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'reports', 'make-examples.ts'), out], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    for (const name of ['example-en.html', 'example-fr.html']) {
      const made = readFileSync(join(out, name), 'utf8');
      const committed = readFileSync(join(root, 'reports', name), 'utf8');
      expect(made.length, name).toBe(committed.length);
      expect(made === committed, `${name} differs from the regenerated one: run npx tsx reports/make-examples.ts`).toBe(true);
    }
  }, 120_000);

});
