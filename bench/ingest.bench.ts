/**
 * Ingest benchmark (issue 2, part 10): `npx tsx bench/ingest.bench.ts [--reps 5] [--csv-parse-reps 1]`.
 *
 * Options: --reps N (floor and clvkit runs), --csv-parse-reps N.
 *
 * Generates once (cached under the OS temp folder) a seeded BG/NBD log of 1,000,000 customers
 * (r = 0.25, alpha = 4, a = 0.8, b = 2.5 per week, two-year window, days, Gamma-Gamma amounts)
 * with the project's simulator, written sorted by date as exports are. Then runs each variant
 * in a fresh child process, `reps` times, and reports the median wall time of the work (file
 * open to result, not process start-up) and the peak RSS of the child:
 *   floor   a raw pass that reads the file the same way (4 MiB chunks, double-buffered), splits lines and fields on bytes
 *           and parses every field's digits into a number (no strings, no table): the floor
 *   clvkit  readTransactions + summarize (end = last date, weeks); the customer id strings are made on
 *           first use and timed apart, after the work; one thread, like the floor
 *   csv-parse  the csv-parse stream parser (strings per field) + parseFloat of the amount, for comparison
 * Prints a table on stderr and the JSON results as the last line of stdout (also written to
 * $TMPDIR/clvkit-bench-ingest.json).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, statSync, writeFileSync, createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CUSTOMERS = 1_000_000;
const SEED = 20240101;
const FILE = join(tmpdir(), `clvkit-bench-bgnbd-${CUSTOMERS}-seed${SEED}.csv`);

type Mode = 'noop' | 'floor' | 'clvkit' | 'csv-parse';

interface ChildResult {
  mode: Mode;
  ms: number;
  /** CPU time of the process over the work (user + system), less sensitive to machine load than wall time. */
  cpuMs: number;
  maxRssMB: number;
  rows: number;
  check: number;
  /** clvkit: making the customer id strings afterwards (on first use; not in `ms`). */
  idsMs?: number;
}

let cpu0 = process.cpuUsage();

async function child(mode: Mode, file: string): Promise<void> {
  cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let rows = 0;
  let check = 0;
  if (mode === 'floor') ({ rows, check } = await floor(file));
  else if (mode === 'clvkit') {
    const { readTransactions } = await import('../src/ingest/transactions.ts');
    const { summarize } = await import('../src/summary/summarize.ts');
    // Module loading is not part of the work measured.
    cpu0 = process.cpuUsage();
    const t1 = performance.now();
    const table = await readTransactions(file);
    const s = summarize(table, { freq: 'week' });
    rows = table.length;
    for (let i = 0; i < s.frequency.length; i++) check += s.frequency[i];
    const ms = performance.now() - t1;
    const cpuMs = cpuSince(cpu0);
    // The customer id strings are made on first use (a model fit never needs them): timed apart.
    const t2 = performance.now();
    check += s.customerIds.length;
    const idsMs = performance.now() - t2;
    return report(mode, ms, rows, check, { cpuMs, idsMs });
  } else if (mode === 'csv-parse') {
    const { parse } = await import('csv-parse');
    cpu0 = process.cpuUsage();
    const t1 = performance.now();
    const parser = createReadStream(file).pipe(parse({ from_line: 2 }));
    for await (const record of parser as AsyncIterable<string[]>) {
      rows++;
      check += parseFloat(record[2]);
    }
    return report(mode, performance.now() - t1, rows, check);
  }
  report(mode, performance.now() - t0, rows, check);
}

function cpuSince(from: NodeJS.CpuUsage): number {
  const cpu = process.cpuUsage(from);
  return (cpu.user + cpu.system) / 1000;
}

function report(mode: Mode, ms: number, rows: number, check: number, extra: { cpuMs?: number; idsMs?: number } = {}): void {
  // maxRSS is in kilobytes.
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const cpuMs = extra.cpuMs ?? cpuSince(cpu0);
  const result: ChildResult = { mode, ms, cpuMs, maxRssMB, rows, check, idsMs: extra.idsMs };
  process.stdout.write(JSON.stringify(result) + '\n');
}

/**
 * The floor: same chunked reads as the ingest, one pass over the bytes splitting lines and fields,
 * every field's digits folded into a number (so dates and amounts are "parsed"), no allocation.
 */
async function floor(file: string): Promise<{ rows: number; check: number }> {
  const fh = await open(file, 'r');
  const chunk = 4 << 20;
  // The same double-buffered reads as readTransactions: the next chunk is read while this one is scanned.
  let incoming = Buffer.allocUnsafe(chunk);
  let spare = Buffer.allocUnsafe(chunk);
  const work = Buffer.allocUnsafe(2 * chunk);
  let have = 0;
  let rows = 0;
  let check = 0;
  try {
    let pending = fh.read(incoming, 0, chunk, null);
    for (;;) {
      const { bytesRead } = await pending;
      const data = incoming;
      if (bytesRead > 0) {
        [incoming, spare] = [spare, incoming];
        pending = fh.read(incoming, 0, chunk, null);
      }
      data.copy(work, have, 0, bytesRead);
      const end = have + bytesRead;
      const eof = bytesRead === 0;
      let lineStart = 0;
      let value = 0;
      let scale = 0;
      let sum = 0;
      let line = 0;
      let r = 0;
      for (let p = 0; p < end; p++) {
        const c = work[p];
        if (c >= 48 && c <= 57) {
          value = value * 10 + (c - 48);
          scale *= 10;
        } else if (c === 46) scale = 1;
        else if (c === 44) {
          line += scale > 1 ? value / scale : value;
          value = 0;
          scale = 0;
        } else if (c === 10) {
          // Only whole lines count: a line cut by the chunk end is scanned again with the next chunk.
          sum += line + (scale > 1 ? value / scale : value);
          line = 0;
          value = 0;
          scale = 0;
          r++;
          lineStart = p + 1;
        }
      }
      rows += r;
      check += sum;
      if (eof) {
        if (lineStart < end) {
          rows++;
          check += line + (scale > 1 ? value / scale : value);
        }
        break;
      }
      work.copy(work, 0, lineStart, end);
      have = end - lineStart;
    }
  } finally {
    await fh.close();
  }
  return { rows: rows - 1, check };
}

async function ensureData(): Promise<void> {
  if (existsSync(FILE)) return;
  const { simulateTransactions, writeSimulatedCsv } = await import('../src/simulate/transactions.ts');
  process.stderr.write(`generating ${FILE} (${CUSTOMERS} customers, seed ${SEED})...\n`);
  const log = simulateTransactions({
    customers: CUSTOMERS,
    seed: SEED,
    days: 730,
    acquisitionDays: 365,
    params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 },
  });
  const tmp = FILE + '.part';
  await writeSimulatedCsv(log, tmp);
  renameSync(tmp, FILE);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runChild(mode: Mode): ChildResult {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', mode, FILE], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    cwd: join(self, '..', '..'),
  });
  if (r.status !== 0) throw new Error(`child ${mode} failed: ${r.stderr}`);
  const line = r.stdout.trim().split('\n').at(-1)!;
  return JSON.parse(line) as ChildResult;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1] as Mode, args[2]);
  const opt = (name: string, dflt: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const reps = opt('--reps', 5);
  const csvReps = opt('--csv-parse-reps', 1);
  await ensureData();
  const sizeMB = statSync(FILE).size / 2 ** 20;
  const results: Record<string, { runs: ChildResult[]; medianMs: number; medianCpuMs: number; peakRssMB: number }> = {};
  const runs: Record<string, ChildResult[]> = { noop: [], floor: [], clvkit: [], 'csv-parse': [] };
  const once = (mode: Mode, k: number, n: number) => {
    const r = runChild(mode);
    runs[mode].push(r);
    process.stderr.write(`${mode} run ${k + 1}/${n}: ${r.ms.toFixed(0)} ms (cpu ${r.cpuMs.toFixed(0)} ms), ${r.maxRssMB.toFixed(0)} MB\n`);
  };
  once('noop', 0, 1);
  // Floor and clvkit runs alternate so that a change in machine load affects both alike.
  for (let k = 0; k < reps; k++) {
    once('floor', k, reps);
    once('clvkit', k, reps);
  }
  for (let k = 0; k < csvReps; k++) once('csv-parse', k, csvReps);
  for (const [mode, rs] of Object.entries(runs)) {
    if (rs.length > 0) {
      results[mode] = {
        runs: rs,
        medianMs: median(rs.map((r) => r.ms)),
        medianCpuMs: median(rs.map((r) => r.cpuMs)),
        peakRssMB: Math.max(...rs.map((r) => r.maxRssMB)),
      };
    }
  }
  const floorMs = results.floor.medianMs;
  const clvMs = results.clvkit.medianMs;
  const summary = {
    file: FILE,
    sizeMB: Number(sizeMB.toFixed(1)),
    rows: results.clvkit.runs[0].rows,
    customers: CUSTOMERS,
    reps,
    floor: { medianMs: Math.round(floorMs), medianCpuMs: Math.round(results.floor.medianCpuMs), peakRssMB: Math.round(results.floor.peakRssMB) },
    clvkit: {
      medianMs: Math.round(clvMs),
      medianCpuMs: Math.round(results.clvkit.medianCpuMs),
      peakRssMB: Math.round(results.clvkit.peakRssMB),
      // Making the 1M customer id strings on first use (after the timed work).
      idsMedianMs: Math.round(median(results.clvkit.runs.map((r) => r.idsMs ?? 0))),
    },
    ratio: Number((clvMs / floorMs).toFixed(2)),
    cpuRatio: Number((results.clvkit.medianCpuMs / results.floor.medianCpuMs).toFixed(2)),
    loadAverage: Number(loadavg()[0].toFixed(1)),
    csvParse: results['csv-parse']
      ? { medianMs: Math.round(results['csv-parse'].medianMs), medianCpuMs: Math.round(results['csv-parse'].medianCpuMs), peakRssMB: Math.round(results['csv-parse'].peakRssMB), reps: csvReps }
      : undefined,
    processBaselineRssMB: Math.round(results.noop.peakRssMB),
    targets: { ratio: 2.5, ms: 1000, rssMB: 400 },
    node: process.version,
  };
  const pad = (x: string | number, n: number) => String(x).padEnd(n);
  const line = (name: string, r: { medianMs: number; medianCpuMs: number; peakRssMB: number }) =>
    `${pad(name, 34)}${pad(r.medianMs, 12)}${pad(r.medianCpuMs, 12)}${r.peakRssMB}\n`;
  process.stderr.write(
    `\n${summary.rows.toLocaleString('en')} rows, ${CUSTOMERS.toLocaleString('en')} customers, ${summary.sizeMB} MB (${FILE}); load average ${summary.loadAverage}\n` +
      `${pad('variant', 34)}${pad('wall ms', 12)}${pad('cpu ms', 12)}peak RSS MB\n` +
      line('(a) floor: split + parse numbers', summary.floor) +
      line('(b) readTransactions + summarize', summary.clvkit) +
      `${pad('(c) ratio b/a', 34)}${pad(summary.ratio, 12)}${summary.cpuRatio}\n` +
      `${pad("(b') then the customer id strings", 34)}${pad(summary.clvkit.idsMedianMs, 12)}(made on first use, not in (b))\n` +
      (summary.csvParse ? line('csv-parse (strings per field)', summary.csvParse) : '') +
      `${pad('empty child process (baseline)', 34)}${pad('', 24)}${summary.processBaselineRssMB}\n`,
  );
  writeFileSync(join(tmpdir(), 'clvkit-bench-ingest.json'), JSON.stringify(summary, null, 2));
  process.stdout.write(JSON.stringify(summary) + '\n');
}

await main();
