/**
 * Start-up benchmark (issue 13, part 6): `npx tsx bench/startup.bench.ts [--runs 15]`.
 *
 * Times the compiled CLI as users run it (`node bin/clvkit.js …` → dist/, built first when missing)
 * as whole child processes, alternating with the floor `node -e 0` in the same run: median wall
 * time of each and the median of the pair-by-pair ratios. Target: `--help` and `--version` within
 * 1.5× the floor. Also times `fit --help` (loads commander and the fit command's own modules only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'clvkit.js');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;

if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}

function wallMs(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const cases: [string, string[]][] = [
  ['clvkit --help', [bin, '--help']],
  ['clvkit --version', [bin, '--version']],
  ['clvkit fit --help', [bin, 'fit', '--help']],
];
const floorArgs = ['-e', '0'];
// warm-up: file cache and the node binary
for (let i = 0; i < 2; i++) {
  wallMs(floorArgs);
  for (const [, a] of cases) wallMs(a);
}
const rows: { command: string; medianMs: number; floorMs: number; ratio: number }[] = [];
for (const [name, args] of cases) {
  const t: number[] = [];
  const f: number[] = [];
  const ratio: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = wallMs(args);
    const b = wallMs(floorArgs);
    t.push(a);
    f.push(b);
    ratio.push(a / b);
  }
  rows.push({ command: name, medianMs: median(t), floorMs: median(f), ratio: median(ratio) });
}
console.error(`start-up, whole processes, ${RUNS} alternating runs each (floor: node -e 0)`);
console.error('command              median ms   floor ms   ratio (median of pairs)');
for (const r of rows) console.error(`${r.command.padEnd(20)} ${r.medianMs.toFixed(0).padStart(9)} ${r.floorMs.toFixed(0).padStart(10)}   ${r.ratio.toFixed(2)}`);
console.log(JSON.stringify(rows));
