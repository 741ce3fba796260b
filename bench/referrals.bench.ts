/**
 * Referral value benchmark (issue 18): `npx tsx bench/referrals.bench.ts [--reps 3]`.
 *
 * Generates once (cached under the OS temp folder) a seeded base with `simulateReferrals`: 800,000
 * customers acquired directly plus the ~208,000 they refer (about 1,008,000 customers, 208,000
 * referrals, 2.9M transactions; BG/NBD purchases r 0.25, alpha 4, a 0.8, b 2.5 per week; referral
 * rates Gamma(0.5, 170) per week; type-one share 0.6). Then runs whole commands as child processes,
 * `reps` times each, interleaved, and reports the median wall time, CPU time (user + system) and
 * peak RSS (GNU time):
 *   fit        clvkit fit <tx> --model bgnbd --json: ingest + summary + BG/NBD fit, the floor any CLV command pays
 *   referrals  clvkit referrals <tx> --referrals <log>: CLV, matching, referral model (covariates auto), CRV, matrix
 *   +out       the same writing the per-customer CSV (1M rows, 16 columns at full precision)
 * Prints a table on stderr and the JSON results as the last line of stdout. The commands run the
 * compiled CLI (bin/clvkit.js runs dist/): `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOTS = 800_000;
const SEED = 7;
const DIR = join(tmpdir(), `clvkit-bench-referrals-${ROOTS}-seed${SEED}`);
const TX = join(DIR, 'transactions.csv');
const LOG = join(DIR, 'referrals.csv');
const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'clvkit.js');

async function ensureData(): Promise<{ customers: number; referrals: number; transactions: number }> {
  const { simulateReferrals, writeSimulatedReferrals } = await import('../src/simulate/referrals.ts');
  const options = { customers: ROOTS, seed: SEED, referral: { alpha: 170 } };
  if (!existsSync(LOG)) {
    process.stderr.write(`generating ${DIR} (${ROOTS} direct customers, seed ${SEED})...\n`);
    const tmp = DIR + '.part';
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const sim = simulateReferrals(options);
    writeSimulatedReferrals(sim, tmp);
    rmSync(DIR, { recursive: true, force: true });
    renameSync(tmp, DIR);
  }
  // the sizes, from a count of the files' lines
  const count = (f: string) => Number(spawnSync('wc', ['-l', f], { encoding: 'utf8' }).stdout.trim().split(/\s+/)[0]) - 1;
  const referrals = count(LOG);
  return { customers: ROOTS + referrals, referrals, transactions: count(TX) };
}

interface Run {
  variant: string;
  wallMs: number;
  cpuMs: number;
  maxRssMB: number;
}

function run(variant: string, args: string[]): Run {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', process.execPath, BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const line = r.stderr.split('\n').find((l) => l.startsWith('TIME '));
  if (r.status !== 0 || !line) throw new Error(`${variant} failed: ${r.stderr.slice(-500)}`);
  const [, wall, user, sys, rss] = line.split(' ').map(Number);
  return { variant, wallMs: wall * 1000, cpuMs: (user + sys) * 1000, maxRssMB: rss / 1024 };
}

function median(x: number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const h = (s.length - 1) / 2;
  return (s[Math.floor(h)] + s[Math.ceil(h)]) / 2;
}

async function main(): Promise<void> {
  if (!existsSync(join(dirname(BIN), '..', 'dist', 'cli', 'main.js'))) throw new Error('bin/clvkit.js runs dist/: run `npm run build` first');
  const argi = process.argv.indexOf('--reps');
  const reps = argi > 0 ? Number(process.argv[argi + 1]) : 3;
  const size = await ensureData();
  const out = join(DIR, 'out');
  mkdirSync(out, { recursive: true });
  const variants: [string, string[]][] = [
    ['fit', ['fit', TX, '--model', 'bgnbd', '--json']],
    ['referrals', ['referrals', TX, '--referrals', LOG, '--quiet']],
    ['+out', ['referrals', TX, '--referrals', LOG, '--quiet', '--out', join(out, 'crv.csv')]],
  ];
  const runs: Run[] = [];
  const load = [loadavg()[0]];
  for (let k = 0; k < reps; k++) for (const [name, args] of variants) runs.push(run(name, args));
  load.push(loadavg()[0]);
  const results = variants.map(([name]) => {
    const mine = runs.filter((r) => r.variant === name);
    return { variant: name, wallMs: median(mine.map((r) => r.wallMs)), cpuMs: median(mine.map((r) => r.cpuMs)), maxRssMB: Math.max(...mine.map((r) => r.maxRssMB)), runs: mine.length };
  });
  const floor = results[0];
  process.stderr.write(`\n${size.customers} customers, ${size.referrals} referrals, ${size.transactions} transactions; ${reps} runs each; load average ${load.map((l) => l.toFixed(1)).join(' -> ')}\n`);
  process.stderr.write('variant      wall (median)   cpu (median)   peak RSS   wall / fit\n');
  for (const r of results) {
    process.stderr.write(`${r.variant.padEnd(12)} ${(r.wallMs / 1000).toFixed(2).padStart(8)} s     ${(r.cpuMs / 1000).toFixed(2).padStart(8)} s  ${r.maxRssMB.toFixed(0).padStart(6)} MB   ${(r.wallMs / floor.wallMs).toFixed(2)}\n`);
  }
  process.stdout.write(JSON.stringify({ size, reps, loadAverage: load, results }) + '\n');
}

await main();
