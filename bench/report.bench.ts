/**
 * Report benchmark (issue 7, part 8): `npx tsx bench/report.bench.ts [--calibration-end 2025-06-30]`.
 *
 * Uses the 1,000,000-customer BG/NBD log of bench/ingest.bench.ts (cached under the OS temp folder;
 * generated here with the same simulator, seed and parameters when missing). Times, in one process:
 *   ingest    readTransactions (not part of the report's budget)
 *   analyse   analyseForReport: summaries, model fit(s), value, tiers, RFM, migration, priorities, outcomes
 *   render    section building, SVG rendering of every chart and the HTML page
 * The target is analyse + render under 5 s. Runs without and with a calibration end (the latter
 * fits BG/NBD, MBG/NBD and Pareto/NBD and compares them on the holdout). Prints a table on stderr
 * and the JSON results as the last line of stdout.
 */
import { existsSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTransactions } from '../src/ingest/transactions.ts';
import { analyseForReport } from '../src/report/analyse.ts';
import { buildReport } from '../src/report/build.ts';

const CUSTOMERS = 1_000_000;
const SEED = 20240101;
const FILE = join(tmpdir(), `clvkit-bench-bgnbd-${CUSTOMERS}-seed${SEED}.csv`);

async function ensureData(): Promise<void> {
  if (existsSync(FILE)) return;
  const { simulateTransactions, writeSimulatedCsv } = await import('../src/simulate/transactions.ts');
  process.stderr.write(`generating ${FILE} (${CUSTOMERS} customers, seed ${SEED})...\n`);
  const log = simulateTransactions({ customers: CUSTOMERS, seed: SEED, days: 730, acquisitionDays: 365, params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 } });
  const tmp = FILE + '.part';
  await writeSimulatedCsv(log, tmp);
  renameSync(tmp, FILE);
}

interface Run {
  calibrationEnd: string | null;
  ingestMs: number;
  analyseMs: number;
  steps: Record<string, number>;
  renderMs: number;
  beyondIngestMs: number;
  htmlKB: number;
  charts: number;
  model: string | undefined;
}

async function main(): Promise<void> {
  await ensureData();
  const argi = process.argv.indexOf('--calibration-end');
  const calibrations = argi > 0 ? [process.argv[argi + 1]] : [null, '2025-06-30'];
  const t0 = performance.now();
  const table = await readTransactions(FILE);
  const ingestMs = performance.now() - t0;
  const runs: Run[] = [];
  for (const cal of calibrations) {
    const steps: Record<string, number> = {};
    let last = performance.now();
    let lastName = 'start';
    const t1 = performance.now();
    const portfolio = analyseForReport(table, {
      ...(cal ? { calibrationEnd: cal } : {}),
      onStep: (name) => {
        const now = performance.now();
        steps[lastName] = (steps[lastName] ?? 0) + now - last;
        last = now;
        lastName = name;
      },
    });
    const t2 = performance.now();
    steps[lastName] = (steps[lastName] ?? 0) + t2 - last;
    let charts = 0;
    const html = await buildReport({ source: 'bench.csv', table, portfolio }, { lang: 'en', onChart: (done) => (charts = done) });
    const t3 = performance.now();
    runs.push({
      calibrationEnd: cal, ingestMs, analyseMs: t2 - t1, steps, renderMs: t3 - t2, beyondIngestMs: t3 - t1, htmlKB: html.length / 1024, charts, model: portfolio.model?.chosen,
    });
  }
  const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  process.stderr.write(`\nreport on ${table.length.toLocaleString('en')} transactions of ${CUSTOMERS.toLocaleString('en')} customers (ingest ${f(ingestMs)})\n`);
  process.stderr.write('calibration end | analyse | render | beyond ingest | charts | html | model | steps\n');
  for (const r of runs) {
    const steps = Object.entries(r.steps).map(([k, v]) => `${k} ${f(v)}`).join(', ');
    process.stderr.write(`${r.calibrationEnd ?? '-'} | ${f(r.analyseMs)} | ${f(r.renderMs)} | ${f(r.beyondIngestMs)}${r.beyondIngestMs < 5000 ? '' : ' (over the 5 s target)'} | ${r.charts} | ${r.htmlKB.toFixed(0)} KB | ${r.model} | ${steps}\n`);
  }
  process.stdout.write(JSON.stringify({ file: FILE, customers: CUSTOMERS, transactions: table.length, runs }) + '\n');
}

await main();
