// vitest global setup: compile src/ to dist/ once per run, so the CLI tests spawn what users run
// (bin/clvkit.js → dist/, plain node). Type errors are reported by `npm run typecheck`, not here:
// the build is only required to produce the CLI.
// It also gives the run its own temporary folder (TMPDIR, inherited by the test workers and the CLI
// processes they start), removed at the end, so that the suite leaves nothing in the system's /tmp;
// CLVKIT_KEEP_TEST_FILES=1 keeps it (the browser test's screenshots and PDF are there) and prints where.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): () => void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    throw new Error(`npm run build did not produce dist/cli/main.js:\n${r.stdout}${r.stderr}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'clvkit-tests-'));
  // the database servers of the engine tests run as their own users and must reach their folders inside
  chmodSync(dir, 0o755);
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = dir;
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    if (process.env.CLVKIT_KEEP_TEST_FILES) process.stderr.write(`test files kept in ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  };
}
