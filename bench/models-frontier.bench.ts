/**
 * Fit-time benchmark of the issue-19 models (`npx tsx bench/models-frontier.bench.ts`): NBD, GGom/NBD,
 * BG/CNBD-k and MBG/CNBD-k (k chosen by likelihood over 1..12, and k fixed at 2), the correlated
 * Pareto/NBD, each beside the BG/NBD fitted on the same data in the same run (the baseline).
 *
 * - CDNOW: CDNOW_sample.txt summarised in weeks with end 1997-09-30 (2,357 customers; the summary
 *   carries litt, which the CNBD-k models need).
 * - the 1,000,000-customer log of bench/ingest.bench.ts (run that first), summarised in weeks; the
 *   summary is not timed; the fits are timed from the per-customer columns (validation and
 *   compression included).
 *
 * Each section runs in its own process; the first (cold) fit is reported apart, then warm-up fits
 * (10 for CDNOW, 1 for the 1M sections) and BENCH_RUNS (default 5) timed fits, whose median is quoted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTransactions } from '../src/ingest/transactions.ts';
import { summarize } from '../src/summary/summarize.ts';
import { fitBgNbd } from '../src/models/bgnbd.ts';
import { fitNbd } from '../src/models/nbd.ts';
import { fitGGomNbd } from '../src/models/ggomnbd.ts';
import { fitCnbd } from '../src/models/cnbdk.ts';
import { fitCorrelatedParetoNbd } from '../src/models/paretonbd-correlated.ts';
import { fitParetoNbd } from '../src/models/paretonbd.ts';
import { SHARED_DATA } from '../test/helpers/shared-data.ts';
import type { SummaryData } from '../src/types.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CDNOW = `${SHARED_DATA}/CDNOW_sample.txt`;
const FOUNDATION_LOG = join(tmpdir(), 'clvkit-bench-bgnbd-1000000-seed20240101.csv');

type Data = SummaryData & { litt?: Float64Array };
type Fit = (d: Data) => { params: Record<string, number>; logLikelihood: number };

function cdnow(): Data {
  const t = parseTransactions(readFileSync(CDNOW), { file: CDNOW, columns: 'master_id,customer_id,date,cds,amount' } as never);
  const s = summarize(t, { end: '1997-09-30', freq: 'week' });
  return { frequency: s.frequency, recency: s.recency, T: s.T, litt: s.litt };
}

function foundationLog(): Data {
  if (!existsSync(FOUNDATION_LOG)) throw new Error(`${FOUNDATION_LOG} is missing: run \`npx tsx bench/ingest.bench.ts\` first`);
  const s = summarize(parseTransactions(readFileSync(FOUNDATION_LOG), { file: FOUNDATION_LOG }), { freq: 'week' });
  return { frequency: s.frequency, recency: s.recency, T: s.T, litt: s.litt };
}

const FITS: Record<string, [string, Fit]> = {
  bgnbd: ['BG/NBD (baseline)', fitBgNbd],
  nbd: ['NBD', fitNbd],
  ggomnbd: ['GGom/NBD', fitGGomNbd],
  bgcnbd: ['BG/CNBD-k, k chosen over 1..12', (d) => fitCnbd('bgcnbd', d)],
  bgcnbd2: ['BG/CNBD-k, k = 2', (d) => fitCnbd('bgcnbd', d, { k: 2 })],
  mbgcnbd: ['MBG/CNBD-k, k chosen over 1..12', (d) => fitCnbd('mbgcnbd', d)],
  paretonbd: ['Pareto/NBD (baseline of the correlated model)', fitParetoNbd],
  paretonbdcor: ['Pareto/NBD with correlated rates (includes its Pareto/NBD start)', fitCorrelatedParetoNbd],
};

interface SectionResult {
  name: string;
  coldSeconds: number;
  medianSeconds: number;
  runs: number[];
  /** CPU seconds (user + system) of each timed fit: less sensitive than wall time to other processes. */
  cpuRuns: number[];
  peakRssMiB: number;
  params: Record<string, number>;
  logLikelihood: number;
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runSection(key: string): SectionResult {
  const [where, model] = key.split(':');
  const data = where === 'cdnow' ? cdnow() : foundationLog();
  const [title, fit] = FITS[model];
  const t0 = performance.now();
  let last = fit(data);
  const coldSeconds = (performance.now() - t0) / 1000;
  const warmups = where === 'cdnow' ? (model === 'paretonbdcor' ? 1 : 10) : Number(process.env.BENCH_WARMUPS ?? 1);
  for (let i = 1; i < warmups; i++) last = fit(data);
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    last = fit(data);
    runs.push((performance.now() - t) / 1000);
    const u = process.cpuUsage(c);
    cpuRuns.push((u.user + u.system) / 1e6);
  }
  return {
    name: `${title}, ${where === 'cdnow' ? 'CDNOW' : '1M-customer log'}`,
    coldSeconds,
    medianSeconds: median(runs),
    runs,
    cpuRuns,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    params: last.params,
    logLikelihood: last.logLikelihood,
  };
}

const child = process.argv.indexOf('--section');
if (child >= 0) {
  process.stdout.write(JSON.stringify(runSection(process.argv[child + 1])));
} else {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const keys = ['cdnow', 'log'].flatMap((w) => Object.keys(FITS).map((m) => `${w}:${m}`)).filter((k) => only.length === 0 || only.some((o) => k.includes(o)));
  const self = fileURLToPath(import.meta.url);
  const results: SectionResult[] = [];
  for (const key of keys) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--section', key], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) {
      console.error(`${key} failed:\n${r.stderr}`);
      process.exitCode = 1;
      continue;
    }
    const res = JSON.parse(r.stdout) as SectionResult;
    results.push(res);
    console.error(`${res.name}: median ${res.medianSeconds.toFixed(4)} s (CPU ${median(res.cpuRuns).toFixed(4)} s), peak RSS ${res.peakRssMiB.toFixed(0)} MiB`);
  }
  console.log(`\nFit times (median of ${RUNS} runs after warm-up; Node ${process.version})`);
  console.log(`load average ${loadavg().map((v) => v.toFixed(2)).join(', ')} at the end`);
  console.log('| fit | median s | median CPU s | runs (s) | cold s | peak RSS MiB | LL | parameters |');
  console.log('| --- | ---: | ---: | --- | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const p = Object.entries(r.params).map(([k, v]) => `${k} ${Number(v.toPrecision(4))}`).join(', ');
    console.log(`| ${r.name} | ${r.medianSeconds.toFixed(4)} | ${median(r.cpuRuns).toFixed(4)} | ${r.runs.map((v) => v.toFixed(3)).join(', ')} | ${r.coldSeconds.toFixed(3)} | ${r.peakRssMiB.toFixed(0)} | ${r.logLikelihood.toFixed(2)} | ${p} |`);
  }
}
