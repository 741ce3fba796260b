/**
 * Fit-time benchmark of BG/NBD, MBG/NBD and Pareto/NBD (`npx tsx bench/models.bench.ts`).
 *
 * - CDNOW (../shared/data/cdnow_customers_summary.csv, 2,357 customers, weeks): BG/NBD, MBG/NBD,
 *   Pareto/NBD.
 * - the 1,000,000-customer log of the foundation benchmark (bench/ingest.bench.ts: BG/NBD r=0.25,
 *   alpha=4, a=0.8, b=2.5 per week, two-year window, seed 20240101), summarised in weeks (not timed):
 *   BG/NBD and Pareto/NBD, timed from the raw per-customer columns, so validation and compression
 *   to weighted unique rows are included.
 *
 * Each section runs in its own process (so its peak RSS is its own). The first (cold) fit is timed
 * and reported on its own; then warm-up fits (10 for CDNOW, where V8's JIT tier-up dominates the
 * first few milliseconds-long fits, 1 for the 1M sections) and BENCH_RUNS (default 5) timed fits,
 * whose median is the steady-state figure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTransactions } from '../src/ingest/transactions.ts';
import { summarize } from '../src/summary/summarize.ts';
import { fileURLToPath } from 'node:url';
import { fitBgNbd } from '../src/models/bgnbd.ts';
import { fitMbgNbd } from '../src/models/mbgnbd.ts';
import { fitParetoNbd } from '../src/models/paretonbd.ts';
import { readCdnowSummary } from '../test/models/simulate-helpers.ts';
import { SHARED_DATA } from '../test/helpers/shared-data.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CDNOW = `${SHARED_DATA}/cdnow_customers_summary.csv`;

interface SectionResult {
  name: string;
  coldSeconds: number;
  warmups: number;
  medianSeconds: number;
  runs: number[];
  peakRssMiB: number;
  rows: number;
  params: Record<string, number>;
  logLikelihood: number;
}

type Fit = (d: { frequency: ArrayLike<number>; recency: ArrayLike<number>; T: ArrayLike<number> }) => {
  params: Record<string, number>;
  logLikelihood: number;
};

const sections: Record<string, () => { name: string; data: ReturnType<typeof readCdnowSummary>; fit: Fit }> = {
  'cdnow-bgnbd': () => ({ name: 'BG/NBD, CDNOW', data: readCdnowSummary(CDNOW), fit: fitBgNbd }),
  'cdnow-mbgnbd': () => ({ name: 'MBG/NBD, CDNOW', data: readCdnowSummary(CDNOW), fit: fitMbgNbd }),
  'cdnow-paretonbd': () => ({ name: 'Pareto/NBD, CDNOW', data: readCdnowSummary(CDNOW), fit: fitParetoNbd }),
  // The foundation benchmark's log (bench/ingest.bench.ts writes it; `npm run bench` runs that first).
  'log-bgnbd': () => ({ name: 'BG/NBD, 1M-customer ingest log (incl. compression)', data: foundationLog(), fit: fitBgNbd }),
  'log-paretonbd': () => ({ name: 'Pareto/NBD, 1M-customer ingest log (incl. compression)', data: foundationLog(), fit: fitParetoNbd }),
};

const FOUNDATION_LOG = join(tmpdir(), 'clvkit-bench-bgnbd-1000000-seed20240101.csv');

/** Summary (weeks, end = last date) of the 1M-customer log of bench/ingest.bench.ts; summarising is not timed. */
function foundationLog(): ReturnType<typeof readCdnowSummary> {
  if (!existsSync(FOUNDATION_LOG)) throw new Error(`${FOUNDATION_LOG} is missing: run \`npx tsx bench/ingest.bench.ts\` first`);
  const table = readTransactionsSync(FOUNDATION_LOG);
  const s = summarize(table, { freq: 'week' });
  return { frequency: s.frequency, recency: s.recency, T: s.T } as never;
}

function readTransactionsSync(path: string) {
  return parseTransactions(readFileSync(path), { file: path });
}


function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runSection(key: string): SectionResult {
  const { name, data, fit } = sections[key]();
  const t0 = performance.now();
  let last = fit(data); // cold
  const coldSeconds = (performance.now() - t0) / 1000;
  const warmups = key.startsWith('cdnow') ? 10 : 1;
  for (let i = 1; i < warmups; i++) last = fit(data);
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = fit(data);
    runs.push((performance.now() - t0) / 1000);
  }
  return {
    name,
    coldSeconds,
    warmups,
    medianSeconds: median(runs),
    runs,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    rows: data.frequency.length,
    params: last.params,
    logLikelihood: last.logLikelihood,
  };
}

// External reference numbers (Python lifetimes 0.11.3, as quoted in issue 3), NOT measured in this run.
const REFERENCE: Record<string, { seconds: number; rssMiB?: number }> = {
  'cdnow-bgnbd': { seconds: 0.072 },
  'cdnow-paretonbd': { seconds: 0.3 },
  'log-bgnbd': { seconds: 8.7, rssMiB: 627 },
};

const child = process.argv.indexOf('--section');
if (child >= 0) {
  process.stdout.write(JSON.stringify(runSection(process.argv[child + 1])));
} else {
  if (!existsSync(CDNOW)) {
    console.error(`missing ${CDNOW}`);
    process.exit(1);
  }
  const self = fileURLToPath(import.meta.url);
  const results: [string, SectionResult][] = [];
  for (const key of Object.keys(sections)) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--section', key], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) {
      console.error(`${key} failed:\n${r.stderr}`);
      process.exitCode = 1;
      continue;
    }
    const res = JSON.parse(r.stdout) as SectionResult;
    results.push([key, res]);
    console.error(`${res.name}: median ${res.medianSeconds.toFixed(4)} s over ${RUNS} runs, peak RSS ${res.peakRssMiB.toFixed(0)} MiB`);
  }
  console.log(`\nModel fit times (median of ${RUNS} runs after warm-up fits; first cold fit in its own column; Node ${process.version})`);
  console.log('| fit | median s | runs (s) | cold first fit s | peak RSS MiB | lifetimes 0.11.3 reference* | speed-up (median) |');
  console.log('| --- | ---: | --- | ---: | ---: | --- | ---: |');
  for (const [key, r] of results) {
    const ref = REFERENCE[key];
    const refText = ref ? `${ref.seconds} s${ref.rssMiB ? `, ${ref.rssMiB} MiB` : ''}` : 'none quoted';
    const ratio = ref ? `${(ref.seconds / r.medianSeconds).toFixed(1)}x` : '-';
    console.log(`| ${r.name} | ${r.medianSeconds.toFixed(4)} | ${r.runs.map((v) => v.toFixed(4)).join(', ')} | ${r.coldSeconds.toFixed(4)} | ${r.peakRssMiB.toFixed(0)} | ${refText} | ${ratio} |`);
  }
  console.log('\n* Reference numbers are external (Python lifetimes 0.11.3 on this kind of machine, as quoted in issue 3), not measured in this run.');
  for (const [, r] of results) {
    console.log(`${r.name}: ${Object.entries(r.params).map(([k, v]) => `${k}=${v.toFixed(4)}`).join(', ')}, LL=${r.logLikelihood.toFixed(2)}`);
  }
}
