/**
 * Scale across engines (issue 22): `npx tsx bench/clickhouse.bench.ts [--rows 10m] [--reps 3]`.
 *
 * One seeded BG/NBD log of about 10 million rows (3.3M customers, the project's simulator, sorted
 * by date within chunks of 250,000 customers; generated once under the OS temp folder). The whole
 * command `clvkit fit --model bgnbd --json` (summary + BG/NBD fit, weeks, end = last date) runs as a
 * child process, timed from spawn to exit, its peak RSS from /usr/bin/time:
 *   node         the file, read and summarised in process
 *   duckdb       the same file, summarised by DuckDB (embedded, in the clvkit process)
 *   clickhouse   the same rows in a two-shard ClickHouse cluster (two clickhouse-server processes
 *                started here, as the tests do), summarised through the Distributed table; the
 *                per-customer rows come back over HTTP
 * plus the floor, `clvkit --help` (process start and module loading), measured in the same run.
 * The servers' own peak RSS (VmHWM) is printed beside, as information: it is not clvkit's memory.
 * Without clickhouse-server the ClickHouse rows are skipped with a message (the bench stays optional).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'node:http';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'clvkit.js');
const CHUNK = 250_000;
const SEED = 20261203;

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
}

/** The log, written chunk by chunk (each chunk simulated with its own seed, sorted by date). */
async function ensureLog(customers: number): Promise<string> {
  const file = join(tmpdir(), `clvkit-bench-clickhouse-${customers}-seed${SEED}.csv`);
  if (existsSync(file)) return file;
  const { simulateTransactions, simulatedCustomerId } = await import('../src/simulate/transactions.ts');
  const tmp = file + '.tmp';
  const out = createWriteStream(tmp);
  out.write('customer_id,date,amount\n');
  const dates = new Map<number, string>();
  for (let k = 0; k * CHUNK < customers; k++) {
    const log = simulateTransactions({ customers: Math.min(CHUNK, customers - k * CHUNK), seed: SEED + k });
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
      buf += `${simulatedCustomerId(k * CHUNK + log.customer[i], customers)},${ds},${log.amount[i].toFixed(2)}\n`;
      if (buf.length > 1 << 20) {
        if (!out.write(buf)) await once(out, 'drain');
        buf = '';
      }
    }
    if (!out.write(buf)) await once(out, 'drain');
    process.stderr.write(`\rgenerating ${file}: ${Math.min((k + 1) * CHUNK, customers).toLocaleString('en')} customers`);
  }
  out.end();
  await once(out, 'finish');
  renameSync(tmp, file);
  process.stderr.write('\n');
  return file;
}

/** POST a file as the data of an INSERT (streamed, not held in memory). */
function insertFile(url: string, sql: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const u = new URL(`${url}/?query=${encodeURIComponent(sql)}&insert_distributed_sync=1`);
    const req = request(u, { method: 'POST' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(body.split('\n')[0]))));
    });
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

interface Run {
  ms: number;
  maxRssMB: number;
  params?: Record<string, number>;
  customers?: number;
}

/** One whole command as a child process: wall time from spawn to exit, peak RSS from /usr/bin/time. */
async function runCommand(args: string[]): Promise<Run | { error: string }> {
  const t0 = performance.now();
  const c = spawn('/usr/bin/time', ['-f', '__RSS_KB=%M', process.execPath, '--max-old-space-size=8192', bin, ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  c.stdout.on('data', (d) => (stdout += d));
  c.stderr.on('data', (d) => (stderr += d));
  const [code] = (await once(c, 'close')) as [number];
  const ms = performance.now() - t0;
  const rss = Number(/__RSS_KB=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
  if (code !== 0) return { error: stderr.replace(/__RSS_KB=\d+/, '').trim().split('\n').slice(-2).join(' | ') };
  let params: Record<string, number> | undefined;
  let customers: number | undefined;
  try {
    const j = JSON.parse(stdout);
    params = j.params;
    customers = j.customers;
  } catch {
    /* --help */
  }
  return { ms, maxRssMB: rss, params, customers };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function vmHwmMB(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/time')) {
    console.log('skipping the ClickHouse bench: /usr/bin/time is needed to measure peak RSS (apt-get install time)');
    return;
  }
  // bin/clvkit.js runs the compiled dist/ (as users do): build it first.
  spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('npm run build did not produce dist/cli/main.js');
  const rowsWanted = arg('--rows', '10m');
  const rows = rowsWanted.endsWith('m') ? Number(rowsWanted.slice(0, -1)) * 1e6 : Number(rowsWanted);
  const customers = Math.round(rows / 3.03); // the simulator gives about 3.03 rows a customer
  const reps = Number(arg('--reps', '3'));
  const file = await ensureLog(customers);
  const sizeMB = statSync(file).size / 2 ** 20;
  const results: Record<string, unknown> = { node: process.version, loadAverageStart: Number(loadavg()[0].toFixed(1)), file, sizeMB: Number(sizeMB.toFixed(0)), reps };

  // The two-shard cluster (optional).
  const { startChTestCluster, createShardedTable } = await import('../test/engines/ch-cluster.ts');
  let started: Awaited<ReturnType<typeof startChTestCluster>>;
  try {
    started = await startChTestCluster();
  } catch (e) {
    started = { reason: (e as Error).message };
  }
  const cluster = started.cluster;
  if (!cluster) console.log(`skipping the ClickHouse rows: ${started.reason}`);
  try {
    if (cluster) {
      await createShardedTable(cluster, 'tx', 'customer_id String, date Date, amount Float64', 'customer_id', 'customer_id, date');
      const t0 = performance.now();
      await insertFile(cluster.urls[0], 'INSERT INTO tx FORMAT CSVWithNames', file);
      const loadS = (performance.now() - t0) / 1000;
      const counts = [Number(await cluster.exec('SELECT count() FROM tx_local', 0)), Number(await cluster.exec('SELECT count() FROM tx_local', 1))];
      results.clickhouseLoad = { seconds: Number(loadS.toFixed(1)), rowsPerShard: counts };
      process.stderr.write(`loaded ${counts[0] + counts[1]} rows through the Distributed table in ${loadS.toFixed(1)} s (shards: ${counts.join(' + ')})\n`);
    }
    const variants: [string, string[]][] = [
      ['floor (clvkit --help)', ['--help']],
      ['node', ['fit', '-m', 'bgnbd', '--json', file]],
      ['duckdb', ['fit', '-m', 'bgnbd', '--json', '--engine', 'duckdb', file]],
    ];
    if (cluster) variants.push(['clickhouse (2 shards)', ['fit', '-m', 'bgnbd', '--json', '--engine', 'clickhouse', '--db', cluster.urls[0], '--table', 'tx']]);
    const runs = new Map<string, Run[]>(variants.map(([k]) => [k, []]));
    const errors: Record<string, string> = {};
    for (let r = 0; r < reps; r++) {
      for (const [name, args] of variants) {
        const res = await runCommand(args);
        if ('error' in res) {
          errors[name] = res.error;
          process.stderr.write(`${name} run ${r + 1}/${reps}: FAILED ${res.error}\n`);
          continue;
        }
        runs.get(name)!.push(res);
        process.stderr.write(`${name} run ${r + 1}/${reps}: ${(res.ms / 1000).toFixed(2)} s, ${res.maxRssMB.toFixed(0)} MB${res.customers ? `, ${res.customers} customers` : ''}\n`);
      }
    }
    const floor = median(runs.get(variants[0][0])!.map((x) => x.ms));
    const table: Record<string, unknown> = {};
    for (const [name] of variants) {
      const rs = runs.get(name)!;
      if (rs.length === 0) continue;
      const ms = median(rs.map((x) => x.ms));
      table[name] = {
        medianS: Number((ms / 1000).toFixed(2)),
        overFloorS: Number(((ms - floor) / 1000).toFixed(2)),
        peakRssMB: Math.round(Math.max(...rs.map((x) => x.maxRssMB))),
        runsS: rs.map((x) => Number((x.ms / 1000).toFixed(2))),
        customers: rs[0].customers,
        params: rs[0].params,
      };
    }
    if (cluster) {
      const pids = spawnSync('pgrep', ['-f', cluster.dir], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).map(Number);
      results.clickhouseServersPeakRssMB = pids.map((p) => Math.round(vmHwmMB(p)));
    }
    results.commands = table;
    results.errors = errors;
    results.loadAverageEnd = Number(loadavg()[0].toFixed(1));
    console.log(`\n| command (${(rows / 1e6).toFixed(1)}M rows, ${customers.toLocaleString('en')} customers, ${sizeMB.toFixed(0)} MB) | median s | over the floor s | peak RSS MB (clvkit) |`);
    console.log('| --- | --- | --- | --- |');
    for (const [name, v] of Object.entries(table) as [string, { medianS: number; overFloorS: number; peakRssMB: number }][]) {
      console.log(`| ${name} | ${v.medianS} | ${v.overFloorS} | ${v.peakRssMB} |`);
    }
    console.log('\n' + JSON.stringify(results));
  } finally {
    cluster?.stop();
  }
}

await main();
