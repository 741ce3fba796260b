/**
 * Engines benchmark (issue 9, part 5): `npx tsx bench/engines.bench.ts [--size 1m|10m|both] [--reps N] [--reps-10m N]`.
 *
 * Two logs, both seeded BG/NBD simulations with the project's simulator (r = 0.25, alpha = 4,
 * a = 0.8, b = 2.5 per week, two-year window, Gamma-Gamma amounts):
 *   1m   the foundation benchmark's file (bench/ingest.bench.ts generates it when missing):
 *        1,000,000 customers, about 3.0 million rows, 75 MB, sorted by date.
 *   10m  10,000,000 customers, about 30 million rows, about 750 MB, generated once under the OS
 *        temp folder in chunks of 250,000 customers (seed + chunk number), each chunk sorted by
 *        date, so memory stays bounded while writing.
 * Each variant runs in a fresh child process; the time is the work (file to fitted model), not
 * process start-up, and the peak RSS is the child's maxRSS:
 *   node         readTransactions + summarize + fitBgNbd
 *   duckdb       summarizeWithDuckDb (the per-customer summary comes back) + fitBgNbd
 *   duckdb-hist  histogramWithDuckDb (only the distinct (x, t_x, T) rows come back) + fitBgNbd
 * All summarise in weeks with the end = the last date. Prints a table on stderr and the JSON
 * results on stdout (also $TMPDIR/clvkit-bench-engines.json).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE_1M = join(tmpdir(), 'clvkit-bench-bgnbd-1000000-seed20240101.csv');
const CUSTOMERS_10M = 10_000_000;
const SEED_10M = 20240102;
const FILE_10M = join(tmpdir(), `clvkit-bench-engines-${CUSTOMERS_10M}-seed${SEED_10M}.csv`);
const CHUNK = 250_000;

type Mode = 'node' | 'duckdb' | 'duckdb-hist';
const MODES: Mode[] = ['node', 'duckdb', 'duckdb-hist'];

interface ChildResult {
  mode: Mode;
  summaryMs: number;
  fitMs: number;
  /** CPU time of the process during the fit (user + system): far below fitMs means the fit was off-CPU (stalled), not computing or collecting garbage. */
  fitCpuMs: number;
  /** Machine-wide steal ticks (/proc/stat, 1/100 s) during the fit: time the hypervisor ran others. */
  fitStealTicks: number;
  ms: number;
  maxRssMB: number;
  customers: number;
  rows: number;
  params: Record<string, number>;
}

async function child(mode: Mode, file: string): Promise<void> {
  const { fitBgNbd } = await import('../src/models/bgnbd.ts');
  const t0 = performance.now();
  let data;
  let customers = 0;
  let rows = 0;
  if (mode === 'node') {
    const { readTransactions } = await import('../src/ingest/transactions.ts');
    const { summarize } = await import('../src/summary/summarize.ts');
    const t1 = performance.now();
    const table = await readTransactions(file);
    data = summarize(table, { freq: 'week' });
    customers = data.frequency.length; // not customerIds.length: that would build the id strings
    rows = data.accounting!.used;
    return finish(mode, t1, data, customers, rows, fitBgNbd);
  }
  if (mode === 'duckdb') {
    const { summarizeWithDuckDb } = await import('../src/engines/duckdb.ts');
    const t1 = performance.now();
    data = await summarizeWithDuckDb({ file }, { freq: 'week' });
    customers = data.frequency.length; // not customerIds.length: that would build the id strings
    rows = data.accounting!.used;
    return finish(mode, t1, data, customers, rows, fitBgNbd);
  }
  const { histogramWithDuckDb } = await import('../src/engines/duckdb.ts');
  const { histogramToSummaryData, histogramCustomers } = await import('../src/summary/histogram.ts');
  const t1 = performance.now();
  const h = await histogramWithDuckDb({ file }, { freq: 'week' });
  customers = histogramCustomers(h);
  rows = h.frequency.length; // distinct rows
  void t0;
  return finish(mode, t1, histogramToSummaryData(h), customers, rows, fitBgNbd);
}

function finish(
  mode: Mode,
  t1: number,
  data: Parameters<typeof import('../src/models/bgnbd.ts').fitBgNbd>[0],
  customers: number,
  rows: number,
  fit: typeof import('../src/models/bgnbd.ts').fitBgNbd,
): void {
  const t2 = performance.now();
  const cpu0 = process.cpuUsage();
  const steal0 = stealTicks();
  const m = fit(data);
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const fitCpuMs = (cpu.user + cpu.system) / 1000;
  const fitStealTicks = stealTicks() - steal0;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const r: ChildResult = { mode, summaryMs: t2 - t1, fitMs: t3 - t2, fitCpuMs, fitStealTicks, ms: t3 - t1, maxRssMB, customers, rows, params: m.params };
  process.stdout.write(JSON.stringify(r) + '\n');
}

/** Steal ticks of all CPUs since boot (Linux /proc/stat; 0 elsewhere). */
function stealTicks(): number {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/);
    return Number(cpu[8] ?? 0) || 0;
  } catch {
    return 0;
  }
}

/** The 10M log, written chunk by chunk (each chunk simulated with its own seed, sorted by date). */
async function ensure10m(): Promise<void> {
  if (existsSync(FILE_10M)) return;
  const { simulateTransactions, simulatedCustomerId } = await import('../src/simulate/transactions.ts');
  const tmp = FILE_10M + '.tmp';
  const out = createWriteStream(tmp);
  out.write('customer_id,date,amount\n');
  const dates = new Map<number, string>();
  const t0 = performance.now();
  for (let k = 0; k * CHUNK < CUSTOMERS_10M; k++) {
    const log = simulateTransactions({ customers: Math.min(CHUNK, CUSTOMERS_10M - k * CHUNK), seed: SEED_10M + k });
    // Counting sort by day (stable), as exports are written in date order.
    const span = log.end - log.start + 2;
    const counts = new Int32Array(span);
    for (let i = 0; i < log.day.length; i++) counts[log.day[i] - log.start + 1]++;
    for (let d = 1; d < span; d++) counts[d] += counts[d - 1];
    const order = new Int32Array(log.day.length);
    for (let i = 0; i < log.day.length; i++) order[counts[log.day[i] - log.start]++] = i;
    let buf = '';
    for (let j = 0; j < order.length; j++) {
      const i = order[j];
      const d = log.day[i];
      let ds = dates.get(d);
      if (ds === undefined) dates.set(d, (ds = new Date(d * 86_400_000).toISOString().slice(0, 10)));
      buf += `${simulatedCustomerId(k * CHUNK + log.customer[i], CUSTOMERS_10M)},${ds},${log.amount[i].toFixed(2)}\n`;
      if (buf.length > 1 << 20) {
        if (!out.write(buf)) await once(out, 'drain');
        buf = '';
      }
    }
    if (!out.write(buf)) await once(out, 'drain');
    process.stderr.write(`\rgenerating ${FILE_10M}: ${Math.min((k + 1) * CHUNK, CUSTOMERS_10M).toLocaleString('en')} customers (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  out.end();
  await once(out, 'finish');
  renameSync(tmp, FILE_10M);
  process.stderr.write('\n');
}

function ensure1m(): void {
  if (existsSync(FILE_1M)) return;
  process.stderr.write(`${FILE_1M} missing: generating it with bench/ingest.bench.ts\n`);
  const self = fileURLToPath(new URL('./ingest.bench.ts', import.meta.url));
  spawnSync(process.execPath, ['--import', 'tsx', self, '--reps', '0', '--csv-parse-reps', '0'], { stdio: 'inherit' });
  if (!existsSync(FILE_1M)) throw new Error(`could not generate ${FILE_1M}`);
}

function runChild(mode: Mode, file: string): ChildResult | { mode: Mode; error: string } {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', self, '--child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) return { mode, error: (r.stderr || `exit ${r.status} signal ${r.signal}`).trim().split('\n').slice(-3).join(' | ') };
  return JSON.parse(last) as ChildResult;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function bench(label: string, file: string, reps: number) {
  const runs: Record<Mode, ChildResult[]> = { node: [], duckdb: [], 'duckdb-hist': [] };
  const errors: Record<string, string> = {};
  for (let k = 0; k < reps; k++) {
    for (const mode of MODES) {
      const r = runChild(mode, file);
      if ('error' in r) {
        errors[mode] = r.error;
        process.stderr.write(`${label} ${mode} run ${k + 1}/${reps}: FAILED ${r.error}\n`);
        continue;
      }
      runs[mode].push(r);
      process.stderr.write(
        `${label} ${mode} run ${k + 1}/${reps}: summary ${r.summaryMs.toFixed(0)} ms + fit ${r.fitMs.toFixed(0)} ms (cpu ${r.fitCpuMs.toFixed(0)} ms, steal ${r.fitStealTicks}) = ${r.ms.toFixed(0)} ms, ${r.maxRssMB.toFixed(0)} MB\n`,
      );
    }
  }
  const out: Record<string, unknown> = { file, sizeMB: Number((statSync(file).size / 2 ** 20).toFixed(1)), reps, errors };
  for (const mode of MODES) {
    const rs = runs[mode];
    if (rs.length === 0) continue;
    out[mode] = {
      medianMs: Math.round(median(rs.map((r) => r.ms))),
      medianSummaryMs: Math.round(median(rs.map((r) => r.summaryMs))),
      medianFitMs: Math.round(median(rs.map((r) => r.fitMs))),
      peakRssMB: Math.round(Math.max(...rs.map((r) => r.maxRssMB))),
      customers: rs[0].customers,
      rows: rs[0].rows,
      params: rs[0].params,
      runsMs: rs.map((r) => Math.round(r.ms)),
    };
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1] as Mode, args[2]);
  const opt = (name: string, dflt: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const size = opt('--size', 'both');
  const results: Record<string, unknown> = { node: process.version, loadAverageStart: Number(loadavg()[0].toFixed(1)) };
  if (size === '1m' || size === 'both') {
    ensure1m();
    results['1m'] = await bench('1m', FILE_1M, Number(opt('--reps', '5')));
  }
  if (size === '10m' || size === 'both') {
    await ensure10m();
    results['10m'] = await bench('10m', FILE_10M, Number(opt('--reps-10m', '1')));
  }
  results.loadAverageEnd = Number(loadavg()[0].toFixed(1));
  const pad = (x: string | number, n: number) => String(x).padEnd(n);
  let table = `\n${pad('log', 6)}${pad('engine', 13)}${pad('summary ms', 12)}${pad('fit ms', 10)}${pad('total ms', 10)}peak RSS MB\n`;
  for (const key of ['1m', '10m']) {
    const r = results[key] as Record<string, { medianSummaryMs: number; medianFitMs: number; medianMs: number; peakRssMB: number }> | undefined;
    if (!r) continue;
    for (const mode of MODES) {
      const m = r[mode];
      if (m) table += `${pad(key, 6)}${pad(mode, 13)}${pad(m.medianSummaryMs, 12)}${pad(m.medianFitMs, 10)}${pad(m.medianMs, 10)}${m.peakRssMB}\n`;
    }
  }
  process.stderr.write(table);
  writeFileSync(join(tmpdir(), 'clvkit-bench-engines.json'), JSON.stringify(results, null, 2));
  process.stdout.write(JSON.stringify(results) + '\n');
}

await main();
