/**
 * Whole-process benchmark of the commands users run (issue 14): `npx tsx bench/commands.bench.ts [--reps 5] [--only predict,fit]`.
 *
 * Each command runs as a child process of the compiled CLI (`node dist/cli/main.js …`, built by `npm run build`
 * first unless --no-build; with --tsx, `node --import tsx src/cli/main.ts …`) on the generated 1M-customer
 * log (the same seeded BG/NBD log as bench/ingest.bench.ts, cached in the OS temp folder), `reps` times,
 * alternating with its floor: `node bench/floor.mjs <same input>`, a process that reads the file in the
 * ingest's chunks and parses every field's digits, nothing else. Every child runs under /usr/bin/time, which
 * gives its peak RSS and minor page faults (getrusage of the child). Reported: median wall time, peak RSS,
 * median minor faults, the floor's median in the same run and the ratio, beside the lifetimes 0.11.3 figures
 * quoted in the issue (Python cannot be installed here) and the targets. Last, `summary` on three variants of
 * the log written as other real exports (writeVariant): a French Windows-1252 one, timestamps, every text quoted.
 * Prints a Markdown table on stdout and writes the JSON to $TMPDIR/clvkit-bench-commands.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CUSTOMERS = 1_000_000;
const SEED = 20240101;
const LOG = join(tmpdir(), `clvkit-bench-bgnbd-${CUSTOMERS}-seed${SEED}.csv`);
const CDNOW = join(root, '..', 'shared', 'data', 'cdnow_customers_summary.csv');
const TIME = '/usr/bin/time';

interface Run {
  ms: number;
  rssMiB: number;
  minorFaults: number;
  cpuS: number;
}

interface Case {
  name: string;
  /** CLI arguments (after the CLI entry point), or a whole argv for `node -e 0`. */
  args: (out: string) => string[];
  raw?: boolean;
  /** Input the floor reads (none: the floor is `node -e 0`). */
  input?: string;
  lifetimes?: string;
  target?: string;
  /** Made once before the case's runs (a variant of the log). */
  prepare?: () => void;
}

/**
 * The log as another kind of real export, written next to it once: `french` (`;`, dd/mm/yyyy, decimal comma, an
 * accented channel column, Windows-1252 bytes, as Excel saves a CSV in France), `timestamps` (a time after each
 * date, half with `T` and `Z`), `quoted` (every text in quotes, as R's write.csv writes it).
 */
function writeVariant(kind: 'french' | 'timestamps' | 'quoted', path: string): void {
  if (existsSync(path)) return;
  process.stderr.write(`writing the log as a ${kind} export...\n`);
  const lines = readFileSync(LOG, 'latin1').split('\n');
  const channels = ['Réseaux sociaux', 'Moteur de recherche', 'E-mail', 'Parrainage', 'Bouche à oreille'];
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const [id, date, amount] = line.split(',');
    if (i === 0) out.push(kind === 'french' ? 'id_client;date_commande;montant;canal' : kind === 'quoted' ? '"customer_id","date","amount"' : line);
    else if (kind === 'french') out.push(`${id};${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)};${amount.replace('.', ',')};${channels[id.charCodeAt(id.length - 1) % 5]}`);
    else if (kind === 'timestamps') out.push(`${id},${date}${i % 2 ? 'T' : ' '}${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}${i % 2 ? 'Z' : ''},${amount}`);
    else out.push(`"${id}","${date}",${amount}`);
  }
  // latin1 bytes: the French text's é and à are Windows-1252's bytes too
  writeFileSync(path + '.part', out.join('\n') + '\n', 'latin1');
  renameSync(path + '.part', path);
}

async function ensureLog(): Promise<void> {
  if (existsSync(LOG)) return;
  const { simulateTransactions, writeSimulatedCsv } = await import('../src/simulate/transactions.ts');
  process.stderr.write(`generating ${LOG} (${CUSTOMERS} customers, seed ${SEED})...\n`);
  // the same log as bench/ingest.bench.ts
  const log = simulateTransactions({ customers: CUSTOMERS, seed: SEED, days: 730, acquisitionDays: 365, params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 } });
  await writeSimulatedCsv(log, LOG + '.part');
  renameSync(LOG + '.part', LOG);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Run argv under /usr/bin/time: wall time measured here, peak RSS, minor faults and CPU from the child's rusage. */
function timed(argv: string[]): Run {
  const stats = join(tmpdir(), `clvkit-bench-time-${process.pid}.txt`);
  const t0 = performance.now();
  const r = spawnSync(TIME, ['-f', '%M %R %U %S', '-o', stats, ...argv], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const [rssKb, faults, user, sys] = readFileSync(stats, 'utf8').trim().split('\n').at(-1)!.split(/\s+/).map(Number);
  return { ms, rssMiB: rssKb / 1024, minorFaults: faults, cpuS: user + sys };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const reps = Number(opt('--reps') ?? 5);
  const only = opt('--only')?.split(',');
  const useTsx = args.includes('--tsx');
  if (!existsSync(TIME)) throw new Error(`${TIME} (GNU time) is needed for the peak RSS and page faults of each child: apt-get install time`);
  await ensureLog();
  let cli: string[];
  if (useTsx) cli = [process.execPath, '--import', 'tsx', join(root, 'src', 'cli', 'main.ts')];
  else {
    // dist/ is built from the sources of this run (unless --no-build): a stale build would time old code.
    if (!args.includes('--no-build') || !existsSync(join(root, 'dist', 'cli', 'main.js'))) {
      process.stderr.write('building dist/ (npm run build)...\n');
      const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
      if (b.status !== 0) throw new Error('npm run build failed');
    }
    cli = [process.execPath, join(root, 'dist', 'cli', 'main.js')];
  }
  const dir = mkdtempSync(join(tmpdir(), 'clvkit-bench-commands-'));
  const summaryCsv = join(dir, 'summary-1m.csv');
  process.stderr.write('writing the 1M-row summary CSV for the fit case...\n');
  timed([...cli, 'summary', LOG, '--out', summaryCsv]);
  const cases: Case[] = [
    {
      name: 'predict transactions CSV -> per-customer CSV (BG/NBD + Gamma-Gamma, 52 weeks, discounted CLV)',
      args: (out) => ['predict', LOG, '--model', 'bgnbd', '--horizon', '52w', '--out', join(out, 'predict.csv')],
      input: LOG,
      lifetimes: '30.1 s, 644 MiB',
      target: '<= 2.0 s, <= 400 MiB',
    },
    { name: 'fit --model bgnbd on the 1M-row summary CSV', args: () => ['fit', summaryCsv, '--model', 'bgnbd', '--json'], input: summaryCsv, lifetimes: '19.0 s, 497 MiB', target: '<= 1.0 s, <= 300 MiB' },
    { name: 'summary --out CSV', args: (out) => ['summary', LOG, '--out', join(out, 'summary.csv')], input: LOG, lifetimes: '9.6 s, 644 MiB', target: '<= 1.2 s, <= 350 MiB' },
    { name: 'summary without output', args: () => ['summary', LOG], input: LOG },
    { name: 'report', args: (out) => ['report', LOG, '-o', join(out, 'report.html')], input: LOG, target: '<= 4 s' },
    { name: 'segment --out-dir (tiers, RFM, concentration, the prioritised list of every customer)', args: (out) => ['segment', LOG, '--out-dir', join(out, 'segment')], input: LOG },
    { name: 'retention (recruitment, conversion, cohorts with the BG/NBD expected active, drivers)', args: () => ['retention', LOG, '--json'], input: LOG },
    { name: 'summary --engine duckdb (no output)', args: () => ['summary', LOG, '--engine', 'duckdb'], input: LOG },
    ...(existsSync(CDNOW) ? [{ name: "fit on CDNOW's 2,357-row summary", args: () => ['fit', CDNOW, '--model', 'bgnbd'], input: CDNOW, lifetimes: '1.18 s' }] : []),
    { name: '--help', args: () => ['--help'], target: 'within 1.5x of node -e 0' },
    ...(['french', 'timestamps', 'quoted'] as const).map((kind): Case => {
      const path = join(dir, `log-${kind}.csv`);
      const what = { french: 'a French Windows-1252 export (`;`, dd/mm/yyyy, decimal comma, accented channel)', timestamps: 'timestamps after the dates', quoted: 'every text quoted (R write.csv)' }[kind];
      return { name: `summary of the log as ${what}`, args: () => ['summary', path], input: path, prepare: () => writeVariant(kind, path) };
    }),
  ];
  const selected = only ? cases.filter((c) => only.some((o) => c.name.startsWith(o))) : cases;
  const results = [];
  const noop = () => timed([process.execPath, '-e', '0']);
  for (const c of selected) {
    c.prepare?.();
    const runs: Run[] = [];
    const floors: Run[] = [];
    for (let k = 0; k < reps; k++) {
      // command and floor alternate, so that a change in machine load affects both alike
      floors.push(c.input ? timed([process.execPath, join(root, 'bench', 'floor.mjs'), c.input]) : noop());
      const out = mkdtempSync(join(dir, 'out-'));
      runs.push(timed([...cli, ...c.args(out)]));
      rmSync(out, { recursive: true, force: true });
      const r = runs.at(-1)!;
      process.stderr.write(`${c.name} run ${k + 1}/${reps}: ${(r.ms / 1000).toFixed(2)} s, ${r.rssMiB.toFixed(0)} MiB, ${r.minorFaults} minor faults; floor ${(floors.at(-1)!.ms / 1000).toFixed(2)} s\n`);
    }
    const ms = median(runs.map((r) => r.ms));
    const floorMs = median(floors.map((r) => r.ms));
    results.push({
      name: c.name,
      medianS: ms / 1000,
      cpuS: median(runs.map((r) => r.cpuS)),
      peakRssMiB: Math.max(...runs.map((r) => r.rssMiB)),
      minorFaults: median(runs.map((r) => r.minorFaults)),
      floor: c.input ? 'node bench/floor.mjs (read + parse every field)' : 'node -e 0',
      floorS: floorMs / 1000,
      floorCpuS: median(floors.map((r) => r.cpuS)),
      floorRssMiB: Math.max(...floors.map((r) => r.rssMiB)),
      floorMinorFaults: median(floors.map((r) => r.minorFaults)),
      ratio: ms / floorMs,
      lifetimes: c.lifetimes ?? '',
      target: c.target ?? '',
    });
  }
  rmSync(dir, { recursive: true, force: true });
  const doc = {
    log: LOG,
    sizeMB: Number((statSync(LOG).size / 1e6).toFixed(1)),
    customers: CUSTOMERS,
    reps,
    cli: useTsx ? 'tsx src/cli/main.ts' : 'node dist/cli/main.js',
    loadAverage: loadavg().map((x) => Number(x.toFixed(1))),
    node: process.version,
    results,
  };
  writeFileSync(join(tmpdir(), 'clvkit-bench-commands.json'), JSON.stringify(doc, null, 2) + '\n');
  const f = (x: number, d = 2) => x.toFixed(d);
  const lines = [
    `Whole processes (${doc.cli}), 1M customers / ${doc.sizeMB} MB log, medians of ${reps} runs alternating with the floor; load average ${doc.loadAverage.join(' ')}`,
    '',
    '| command | median | CPU | peak RSS | minor faults | floor (same run): wall, CPU, RSS | ÷ floor (wall) | lifetimes 0.11.3 (quoted) | target |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.name} | ${f(r.medianS)} s | ${f(r.cpuS)} s | ${f(r.peakRssMiB, 0)} MiB | ${Math.round(r.minorFaults).toLocaleString('en-US')} | ${f(r.floorS)} s, ${f(r.floorCpuS)} s, ${f(r.floorRssMiB, 0)} MiB | ${f(r.ratio)} | ${r.lifetimes} | ${r.target} |`,
    ),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
