/**
 * Prediction intervals benchmark (issue 20): `npx tsx bench/intervals.bench.ts [--reps 3] [--draws 200] [--customers 1000000]`.
 *
 * On the seeded 1M-customer BG/NBD log of bench/ingest.bench.ts (generated once under the OS temp folder),
 * runs the built CLI (`node bin/clvkit.js`, run `npm run build` first) as a child process:
 *   floor      clvkit predict FILE -m bgnbd --horizon 52w -o out.csv                (points only)
 *   intervals  the same with --interval 0.9 --interval-draws 200                     (every column with _lower/_upper)
 * each `reps` times, and reports medians of wall time, CPU time (user + system, less sensitive to the load of
 * the shared machine) and peak RSS (from /usr/bin/time), and the ratio intervals / floor in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const REPS = arg('reps', 3);
const DRAWS = arg('draws', 200);
const CUSTOMERS = arg('customers', 1_000_000);
const SEED = 20240101;
const FILE = join(tmpdir(), `clvkit-bench-bgnbd-${CUSTOMERS}-seed${SEED}.csv`);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function ensureFile(): Promise<void> {
  if (existsSync(FILE)) return;
  const { simulateTransactions, writeSimulatedCsv } = await import('../src/simulate/transactions.ts');
  process.stderr.write(`generating ${FILE} (${CUSTOMERS} customers, seed ${SEED})...\n`);
  const log = simulateTransactions({ customers: CUSTOMERS, seed: SEED, days: 730, acquisitionDays: 365, params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 } });
  const tmp = `${FILE}.tmp`;
  await writeSimulatedCsv(log, tmp);
  renameSync(tmp, FILE);
}

interface Run {
  wall: number;
  cpu: number;
  rssMB: number;
}

function run(args: string[]): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, join(ROOT, 'bin', 'clvkit.js'), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`clvkit ${args.join(' ')} failed: ${r.stderr}`);
  const last = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall: last[0], cpu: last[1] + last[2], rssMB: last[3] / 1024 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

await ensureFile();
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('run npm run build first (the bench runs the built CLI)');
const dir = mkdtempSync(join(tmpdir(), 'clvkit-bench-intervals-'));
const base = ['predict', FILE, '-m', 'bgnbd', '--horizon', '52w', '--quiet'];
const results: Record<string, Run[]> = { floor: [], intervals: [] };
for (let k = 0; k < REPS; k++) {
  results.floor.push(run([...base, '-o', join(dir, 'floor.csv')]));
  results.intervals.push(run([...base, '--interval', '0.9', '--interval-draws', String(DRAWS), '-o', join(dir, 'intervals.csv')]));
}
const summary = Object.fromEntries(
  Object.entries(results).map(([k, rs]) => [k, { wall: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)), rssMB: median(rs.map((r) => r.rssMB)), runs: rs }]),
);
const f = summary.floor;
const iv = summary.intervals;
process.stderr.write(
  `predict, ${CUSTOMERS} customers, BG/NBD + Gamma-Gamma, 52w, median of ${REPS} (load ${loadavg()[0].toFixed(1)}):\n` +
    `  points only        wall ${f.wall.toFixed(1)} s, CPU ${f.cpu.toFixed(1)} s, RSS ${f.rssMB.toFixed(0)} MB\n` +
    `  90% intervals (${DRAWS} draws)  wall ${iv.wall.toFixed(1)} s, CPU ${iv.cpu.toFixed(1)} s, RSS ${iv.rssMB.toFixed(0)} MB; intervals beyond the floor: CPU ${(iv.cpu - f.cpu).toFixed(1)} s (${(iv.cpu / f.cpu).toFixed(2)}x)\n`,
);
console.log(JSON.stringify({ customers: CUSTOMERS, draws: DRAWS, reps: REPS, load: loadavg()[0], ...summary }));
