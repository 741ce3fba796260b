// vitest global setup: compile src/ to dist/ once per run, so the CLI tests spawn what users run
// (bin/clvkit.js → dist/, plain node). Type errors are reported by `npm run typecheck`, not here:
// the build is only required to produce the CLI.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    throw new Error(`npm run build did not produce dist/cli/main.js:\n${r.stdout}${r.stderr}`);
  }
}
