/**
 * Covariate models benchmark: `npx tsx bench/covariates.bench.ts [--reps 3]` (or `npm run bench -- covariates`).
 *
 * Median wall and CPU time of one fit over `--reps` runs (data in memory, after a warm-up fit; the
 * 100,000 × 104 case without warm-up), beside the same-run floor of the Pareto/NBD without covariates
 * on the same summary:
 *   1. static Pareto/NBD, 100,000 simulated customers, a binary and a 4-level covariate in both processes
 *      (8 covariate groups), and the same with a continuous covariate (every customer their own group);
 *   2. the apparel data, time-varying Pareto/NBD with High.Season, Gender and Channel (CLVTools' vignette);
 *   3. time-varying Pareto/NBD, 100,000 simulated customers × 104 weekly periods, 2 covariates
 *      changing every week, in both processes.
 * Prints a table on stderr and the JSON results as the last line of stdout, with the peak RSS.
 */
import { readTransactions } from '../src/ingest/transactions.ts';
import { readCovariates } from '../src/ingest/covariates.ts';
import { summarize } from '../src/summary/summarize.ts';
import { repeatPurchaseDays } from '../src/summary/purchase-days.ts';
import { fitParetoNbd } from '../src/models/paretonbd.ts';
import { fitParetoNbdCovariates } from '../src/models/covariates/paretonbd-static.ts';
import { covariatePanel, dynamicCovariateData } from '../src/models/covariates/panel.ts';
import { fitParetoNbdDynamic } from '../src/models/covariates/paretonbd-dynamic.ts';
import type { CovariateMatrix } from '../src/models/covariates/design.ts';
import { simulateParetoNbdDynamic, simulateParetoNbdStatic } from '../src/simulate/covariates.ts';
import { createRng } from '../src/random.ts';
import { SHARED_DATA } from '../test/helpers/shared-data.ts';
import { loadavg } from 'node:os';

const repsArg = process.argv.indexOf('--reps');
const REPS = repsArg > 0 ? Number(process.argv[repsArg + 1]) : 3;

function median(v: number[]): number {
  const s = v.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** CPU seconds (user + system) of this process since `from`. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
}

/**
 * Runs `fn` `warm` times untimed (compiling the code), then `reps` times timed: the median wall and CPU
 * seconds (CPU: the machine is shared, so wall time depends on the others' load; CPU time much less).
 */
function time(label: string, fn: () => unknown, reps = REPS, warm = 1): { label: string; medianS: number; minS: number; cpuMedianS: number; runs: number } {
  for (let i = 0; i < warm; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push((performance.now() - t0) / 1000);
    cpu.push(cpuSince(c0));
  }
  const r = { label, medianS: median(wall), minS: Math.min(...wall), cpuMedianS: median(cpu), runs: reps };
  process.stderr.write(`${label.padEnd(96)} median ${r.medianS.toFixed(3)} s wall, ${r.cpuMedianS.toFixed(3)} s CPU (min wall ${r.minS.toFixed(3)}, ${reps} runs, load ${loadavg()[0].toFixed(1)})\n`);
  return r;
}

const results: ReturnType<typeof time>[] = [];
process.stderr.write(`load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);

// 1. static, 100,000 customers
{
  const n = 100_000;
  const rng = createRng(2026);
  const zDiscrete = new Float64Array(n * 4);
  const zCont = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    zDiscrete[4 * i] = rng.uniform() < 0.4 ? 1 : 0;
    const level = rng.integer(4);
    for (let l = 1; l < 4; l++) zDiscrete[4 * i + l] = level === l ? 1 : 0;
    zCont[2 * i] = zDiscrete[4 * i];
    zCont[2 * i + 1] = rng.normal();
  }
  const T = Float64Array.from({ length: n }, () => 52 + rng.integer(53));
  const gp = [0.4, 0.2, -0.3, 0.1];
  const gd = [0.3, -0.2, 0.2, 0.4];
  const sim = simulateParetoNbdStatic({ customers: n, k: 4, z: zDiscrete, T, r: 0.9, alpha: 8, s: 0.7, beta: 15, gammaPurchase: gp, gammaDropout: gd, seed: 7 });
  const mDiscrete: CovariateMatrix = { names: ['b', 'c=1', 'c=2', 'c=3'], rows: n, values: zDiscrete, customerIds: [], reference: { c: '0' }, source: { b: 'b', 'c=1': 'c', 'c=2': 'c', 'c=3': 'c' } };
  const simC = simulateParetoNbdStatic({ customers: n, k: 2, z: zCont, T, r: 0.9, alpha: 8, s: 0.7, beta: 15, gammaPurchase: [0.4, -0.3], gammaDropout: [0.3, 0.3], seed: 8 });
  const mCont: CovariateMatrix = { names: ['b', 'x'], rows: n, values: zCont, customerIds: [], reference: {}, source: { b: 'b', x: 'x' } };
  results.push(time('floor: Pareto/NBD without covariates, same 100,000 customers', () => fitParetoNbd(sim)));
  results.push(time('static Pareto/NBD, 100,000 customers, binary + 4-level covariate in both processes (8 groups)', () => fitParetoNbdCovariates(sim, mDiscrete)));
  results.push(time('static Pareto/NBD, 100,000 customers, binary + continuous covariate (row by row)', () => fitParetoNbdCovariates(simC, mCont), 1, 0));
}

// 2. apparel, time-varying
{
  const table = await readTransactions(`${SHARED_DATA}/apparelTrans.csv`);
  const summary = summarize(table, { freq: 'week', calibrationEnd: '2006-12-31' });
  const file = readCovariates(`${SHARED_DATA}/apparelDynCov.csv`);
  const panel = covariatePanel({ ...file, dates: file.dates! });
  const data = dynamicCovariateData(panel, { ...summary, repeatPurchaseDays: repeatPurchaseDays(table, summary), end: summary.calibrationEnd! }, 7);
  results.push(time('floor: Pareto/NBD without covariates, apparel (600 customers)', () => fitParetoNbd(summary), 7));
  results.push(time('time-varying Pareto/NBD, apparel, High.Season + Gender + Channel in both processes', () => fitParetoNbdDynamic({ ...data }), 5));
}

// 3. time-varying, 100,000 customers × 104 weeks
{
  const n = 100_000;
  const P = 104;
  const k = 2;
  const rng = createRng(99);
  const z = new Float64Array(n * P * k);
  for (let i = 0; i < n; i++) {
    const phase = rng.integer(26);
    for (let p = 0; p < P; p++) {
      z[(i * P + p) * k] = Math.sin((2 * Math.PI * (p + phase)) / 26);
      z[(i * P + p) * k + 1] = rng.uniform() < 0.3 ? 1 : 0;
    }
  }
  const start = Float64Array.from({ length: n }, () => rng.uniform() * 52);
  const data = simulateParetoNbdDynamic({ customers: n, periods: P, start, k, z, r: 1, alpha: 12, s: 0.8, beta: 25, gammaPurchase: [0.4, 0.3], gammaDropout: [-0.3, 0.4], seed: 100 });
  results.push(time('floor: Pareto/NBD without covariates, the same 100,000 customers', () => fitParetoNbd(data), REPS, 0));
  results.push(time('time-varying Pareto/NBD, 100,000 customers × 104 weeks, 2 weekly covariates in both processes', () => fitParetoNbdDynamic({ ...data }), REPS, 0));
}

const peakRssMiB = process.resourceUsage().maxRSS / 1024;
process.stderr.write(`peak RSS ${peakRssMiB.toFixed(0)} MiB; load average at end ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
console.log(JSON.stringify({ results, peakRssMiB }));
