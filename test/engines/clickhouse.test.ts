/**
 * The ClickHouse engine against a real two-shard cluster (ch-cluster.ts): two servers started
 * here, local MergeTree tables on each and a Distributed table over them, logs inserted through
 * the Distributed table (spread by cityHash64 of the customer id), summaries, histograms and fits
 * compared with the node engine on the same rows. Skipped with a message outside CI when no
 * cluster can start; a failure under CI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { summarize, type SummaryOptions } from '../../src/summary/summarize.ts';
import { simulateTransactions, writeSimulatedCsv, FRENCH_DIALECT, simulatedCustomerId } from '../../src/simulate/transactions.ts';
import { summarizeWithClickHouse, histogramWithClickHouse, parseClickHouseUrl, shardingKeyIsOnly } from '../../src/engines/clickhouse.ts';
import { histogramFromSummary, histogramToSummaryData } from '../../src/summary/histogram.ts';
import { fitBgNbd } from '../../src/models/bgnbd.ts';
import { formatDay } from '../../src/ingest/dates.ts';
import { expectSameSummary } from './compare.ts';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { addTransactionOptions } from '../../src/cli/options.ts';
import { addEngineOptions, printSqlIfAsked, type EngineCliOptions } from '../../src/cli/engine-options.ts';
import { startChTestCluster, createShardedTable, type ChTestCluster } from './ch-cluster.ts';

const started = await startChTestCluster();
const cluster: ChTestCluster | undefined = started.cluster;
if (!cluster) console.warn(`skipping the ClickHouse tests: ${started.reason}`);
const cdnowOk = sharedDataAvailable('CDNOW_sample.txt', 'cdnow_customers_summary.csv');
const COLUMNS = 'master_id,customer_id,date,cds,amount';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The CLI as a child process (asynchronous: the test process keeps serving nothing, the servers are separate processes). */
function clvkit(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [join(root, 'bin', 'clvkit.js'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d) => (stdout += d));
    c.stderr.on('data', (d) => (stderr += d));
    c.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let dir: string;
const log = simulateTransactions({ customers: 3000, seed: 22 });

async function nodeSummary(file: string, ingest: Record<string, unknown>, o: SummaryOptions) {
  return summarize(await readTransactions(file, ingest as never), o);
}

/** Insert TSV rows through the Distributed table, synchronously (each shard has its rows on return). */
async function insert(c: ChTestCluster, table: string, tsv: string): Promise<void> {
  await c.exec(`INSERT INTO ${table} FORMAT TabSeparated`, 0, tsv, { insert_distributed_sync: 1 });
}

/** The simulated log as TSV rows (ISO dates, amounts with two decimals, as the CSV has them). */
function logTsv(): string {
  let s = '';
  for (let i = 0; i < log.customer.length; i++) s += `${simulatedCustomerId(log.customer[i], log.customers)}\t${formatDay(log.day[i])}\t${log.amount[i].toFixed(2)}\n`;
  return s;
}

/** The statement `summary --print-sql <args>` prints. */
async function printed(args: string[]): Promise<string> {
  let o: EngineCliOptions = {};
  const cmd = new Command('summary').argument('[transactions]').exitOverride();
  addEngineOptions(addTransactionOptions(cmd), true).action((_f: string | undefined, opts: EngineCliOptions) => {
    o = opts;
  });
  cmd.parse(['--print-sql', ...args], { from: 'user' });
  let text = '';
  await printSqlIfAsked(undefined, o, new Writable({ write: (c, _e, cb) => ((text += c.toString()), cb()) }));
  return text;
}

async function shardCounts(c: ChTestCluster, local: string): Promise<[number, number]> {
  return [Number(await c.exec(`SELECT count() FROM ${local}`, 0)), Number(await c.exec(`SELECT count() FROM ${local}`, 1))];
}

describe.runIf(cluster !== undefined)('ClickHouse engine (two-shard cluster, Distributed table)', () => {
  const url = () => cluster!.urls[0];
  beforeAll(async () => {
    const c = cluster!;
    dir = mkdtempSync(join(tmpdir(), 'clvkit-ch-data-'));
    await writeSimulatedCsv(log, join(dir, 'sim.csv'));
    await writeSimulatedCsv(log, join(dir, 'sim-fr.csv'), FRENCH_DIALECT);
    await createShardedTable(c, 'sim', 'customer_id String, date Date, amount Float64', 'customer_id', 'customer_id, date');
    await insert(c, 'sim', logTsv());
    // The French log as a French database would hold it: French column names, typed date, decimal amount.
    await createShardedTable(c, 'ventes', 'id_client String, date_commande Date, montant Decimal(12, 2)', 'id_client', 'id_client, date_commande');
    await insert(c, 'ventes', logTsv());
    if (cdnowOk) {
      const rows = readFileSync(sharedPath('CDNOW_sample.txt'), 'utf8')
        .trim()
        .split(/\r?\n/)
        .map((l) => {
          const [master, id, ymd, cds, amount] = l.trim().split(/\s+/);
          return `${master}\t${id}\t${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}\t${cds}\t${amount}`;
        });
      await createShardedTable(c, 'cdnow', 'master_id String, customer_id String, date Date, cds Int32, amount Float64', 'customer_id', 'customer_id, date');
      await insert(c, 'cdnow', rows.join('\n') + '\n');
    }
  });
  afterAll(() => {
    cluster?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the log inserted through the Distributed table is spread over both shards (cityHash64 of the customer id)', async () => {
    const [a, b] = await shardCounts(cluster!, 'sim_local');
    expect(a).toBeGreaterThan(0.3 * log.customer.length);
    expect(b).toBeGreaterThan(0.3 * log.customer.length);
    expect(a + b).toBe(log.customer.length);
    expect(Number(await cluster!.exec('SELECT count() FROM sim'))).toBe(log.customer.length);
    // A customer lives on one shard only.
    const ids1 = new Set((await cluster!.exec('SELECT DISTINCT customer_id FROM sim_local', 0)).trim().split('\n'));
    const ids2 = (await cluster!.exec('SELECT DISTINCT customer_id FROM sim_local', 1)).trim().split('\n');
    expect(ids2.filter((id) => ids1.has(id))).toEqual([]);
  });

  it('simulated log through the Distributed table equals the node engine column by column (day/week, week/week, month, calibration end)', async () => {
    const file = join(dir, 'sim.csv');
    for (const o of [
      { freq: 'week' },
      { unit: 'week', freq: 'week', calibrationEnd: formatDay(log.start + 365) },
      { unit: 'day', freq: 'week', end: formatDay(log.end - 30), calibrationEnd: formatDay(log.start + 300) },
      { unit: 'month', freq: 'month' },
    ] as SummaryOptions[]) {
      const s = await summarizeWithClickHouse({ url: url(), table: 'sim' }, o);
      expect(expectSameSummary(s, await nodeSummary(file, {}, o))).toBeGreaterThan(2000);
    }
  });

  it('the French dialect, held as a database holds it (id_client, date_commande, montant Decimal): equals the node engine on the French CSV', async () => {
    const o: SummaryOptions = { unit: 'week', freq: 'week', calibrationEnd: formatDay(log.start + 365) };
    const s = await summarizeWithClickHouse({ url: url(), table: 'ventes' }, o);
    expectSameSummary(s, await nodeSummary(join(dir, 'sim-fr.csv'), {}, o));
  });

  it('the same BG/NBD fit as the node engine from the histogram computed in ClickHouse (exact keys)', async () => {
    const o: SummaryOptions = { freq: 'week', calibrationEnd: formatDay(log.start + 365) };
    const h = await histogramWithClickHouse({ url: url(), table: 'sim' }, o);
    const n = await nodeSummary(join(dir, 'sim.csv'), {}, o);
    expect(h).toEqual(histogramFromSummary(n));
    const a = fitBgNbd(histogramToSummaryData(h)).params;
    const b = fitBgNbd(n).params;
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(a[k] - b[k]) / b[k]).toBeLessThan(1e-8);
    // Without --end the histogram asks for the last date first: same as the node engine's end.
    const h2 = await histogramWithClickHouse({ url: url(), table: 'sim' }, { freq: 'week' });
    expect(h2).toEqual(histogramFromSummary(await nodeSummary(join(dir, 'sim.csv'), {}, { freq: 'week' })));
  });

  it('returns net within the period, as the node engine (same-day returns, partial returns, returns only)', async () => {
    const lines: string[] = [];
    for (let i = 0; i < log.customer.length && i < 6000; i++) {
      const id = simulatedCustomerId(log.customer[i], log.customers);
      const day = formatDay(log.day[i]);
      const amt = log.amount[i];
      lines.push(`${id}\t${day}\t${amt.toFixed(2)}`);
      if (i % 7 === 0) lines.push(`${id}\t${day}\t${(-amt).toFixed(2)}`);
      if (i % 11 === 0) lines.push(`${id}\t${formatDay(log.day[i] + 2)}\t${(-amt / 2).toFixed(2)}`);
      if (i % 13 === 0) lines.push(`${id}\t${day}\t0`);
    }
    lines.push('RONLY\t2024-03-01\t-5.00', 'RONLY\t2024-05-01\t-3.00');
    const file = join(dir, 'returns.csv');
    writeFileSync(file, 'customer_id,date,amount\n' + lines.map((l) => l.replace(/\t/g, ',')).join('\n') + '\n');
    await createShardedTable(cluster!, 'ret', 'customer_id String, date Date, amount Float64', 'customer_id', 'customer_id, date');
    await insert(cluster!, 'ret', lines.join('\n') + '\n');
    for (const o of [{ unit: 'day' }, { unit: 'week', calibrationEnd: '2024-09-30' }, { unit: 'month', freq: 'month' }] as SummaryOptions[]) {
      const s = await summarizeWithClickHouse({ url: url(), table: 'ret' }, o);
      expectSameSummary(s, await nodeSummary(file, {}, o));
      expect(s.excludedCustomers!['returns only']).toBeGreaterThanOrEqual(1);
    }
  });

  it('missing values in Nullable columns and bad text dates and amounts: the node engine’s row accounting', async () => {
    // Nullable customer, text date and text amount columns: the database can count what is missing or unreadable.
    await createShardedTable(cluster!, 'bad', 'customer_id Nullable(String), date Nullable(String), amount Nullable(String)', 'ifNull(customer_id, \'\')', 'tuple()');
    const rows = [
      ['A', '2024-01-02', '10'],
      ['A', '2024-02-30', '5'],
      ['B', '2024-01-03', '\\N'],
      ['B', '2024-01-09', '7.5'],
      ['\\N', '2024-01-04', '3'],
      ['', '2024-01-05', '3'],
      ['A', '2024-03-01', 'abc'],
      ['B', '\\N', '4'],
      ['B', '2024-04-01', '2'],
      ['C', '2024-04-02', ''],
    ];
    await insert(cluster!, 'bad', rows.map((r) => r.join('\t')).join('\n') + '\n');
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'customer_id,date,amount\n' + rows.map((r) => r.map((v) => (v === '\\N' ? '' : v)).join(',')).join('\n') + '\n');
    await expect(summarizeWithClickHouse({ url: url(), table: 'bad' }, {})).rejects.toThrow(/skip-bad-rows/);
    const s = await summarizeWithClickHouse({ url: url(), table: 'bad' }, { skipBadRows: true });
    const n = await nodeSummary(csv, { skipBadRows: true }, {});
    expect(s.accounting!.read).toBe(rows.length);
    expect(s.accounting!.rejected).toEqual(n.accounting!.rejected);
    expectSameSummary(s, n);
  });

  it('a --query source (renamed columns) gives the same summary as the table; no amounts gives NaN monetary values as the node engine', async () => {
    const o: SummaryOptions = { freq: 'week' };
    const q = await summarizeWithClickHouse({ url: url(), query: 'select customer_id as client, date as day, amount as value from sim;' }, { customerCol: 'client', dateCol: 'day', amountCol: 'value', ...o });
    expectSameSummary(q, await summarizeWithClickHouse({ url: url(), table: 'default.sim' }, o));
    const file = join(dir, 'noamount.csv');
    writeFileSync(file, 'client,date\n' + readFileSync(join(dir, 'sim.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 2).join(',')).join('\n') + '\n');
    const na = await summarizeWithClickHouse({ url: url(), query: 'select customer_id as client, date from sim' }, o);
    expect(Number.isNaN(na.monetaryValue[0])).toBe(true);
    expectSameSummary(na, await nodeSummary(file, {}, o));
  });

  describe.runIf(cdnowOk)('CDNOW through the Distributed table', () => {
    it('equals the node engine (day/week, week/week, calibration 1997-06-30, month/month) and the published summary', async () => {
      const file = sharedPath('CDNOW_sample.txt');
      for (const o of [
        { freq: 'week', end: '1997-09-30' },
        { unit: 'week', freq: 'week', end: '1997-09-30' },
        { unit: 'day', freq: 'week', end: '1997-09-30', calibrationEnd: '1997-06-30' },
        { unit: 'month', freq: 'month' },
      ] as SummaryOptions[]) {
        const s = await summarizeWithClickHouse({ url: url(), table: 'cdnow' }, o);
        expectSameSummary(s, await nodeSummary(file, { columns: COLUMNS }, o));
      }
      const s = await summarizeWithClickHouse({ url: url(), table: 'cdnow' }, { freq: 'week', end: '1997-09-30' });
      const ref = new Map<string, number[]>();
      for (const l of readFileSync(sharedPath('cdnow_customers_summary.csv'), 'utf8').trim().split('\n').slice(1)) {
        const [id, f, r, T] = l.split(',').map(Number);
        ref.set(String(id), [f, r, T]);
      }
      expect(s.customerIds.length).toBe(2357);
      let worst = 0;
      for (let i = 0; i < s.customerIds.length; i++) {
        const [f, r, T] = ref.get(String(Number(s.customerIds[i])))!;
        expect(s.frequency[i]).toBe(f);
        worst = Math.max(worst, Math.abs(s.recency[i] - r), Math.abs(s.T[i] - T));
      }
      expect(worst).toBeLessThan(0.01);
    });

    it('BG/NBD on the ClickHouse histogram: the node fit and the published CDNOW parameters (Fader, Hardie & Lee 2005a)', async () => {
      // The paper's calibration period: 39 weeks to 1997-09-30, the rest of the log as holdout.
      const o: SummaryOptions = { freq: 'week', calibrationEnd: '1997-09-30' };
      const h = await histogramWithClickHouse({ url: url(), table: 'cdnow' }, o);
      const n = await nodeSummary(sharedPath('CDNOW_sample.txt'), { columns: COLUMNS }, o);
      expect(h).toEqual(histogramFromSummary(n));
      const fit = fitBgNbd(histogramToSummaryData(h));
      const ref = fitBgNbd(n);
      for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit.params[k] - ref.params[k]) / ref.params[k]).toBeLessThan(1e-8);
      expect(fit.params.r).toBeCloseTo(0.243, 2);
      expect(fit.params.alpha).toBeCloseTo(4.414, 1);
      expect(fit.params.a).toBeCloseTo(0.793, 2);
      expect(fit.params.b).toBeCloseTo(2.426, 1);
      expect(fit.logLikelihood).toBeCloseTo(-9582.4, 0);
    });
  });

  it('--print-sql --dialect clickhouse runs as printed on the cluster (Distributed table) and gives the node summary', async () => {
    const file = join(dir, 'sim.csv');
    const cal = formatDay(log.start + 365);
    for (const [args, o] of [
      [['--table', 'sim', '--end', formatDay(log.end)], { end: formatDay(log.end) }],
      [['--table', 'default.sim', '--calibration-end', cal, '--unit', 'week'], { calibrationEnd: cal, unit: 'week' }],
      [['--table', 'sim', '--unit', 'month', '--freq', 'month'], { unit: 'month', freq: 'month' }],
      [['--query', 'select customer_id as client, date as day, amount as total from sim', '--customer-col', 'client', '--date-col', 'day', '--amount-col', 'total'], {}],
    ] as [string[], SummaryOptions][]) {
      const sql = await printed([...args, '--dialect', 'clickhouse']);
      expect(sql).toContain('dialect clickhouse');
      const text = await cluster!.exec(sql.trim().replace(/;$/, '') + '\nFORMAT TabSeparatedWithNames');
      const [header, ...lines] = text.trim().split('\n');
      const cols = header.split('\t');
      const n = await nodeSummary(file, {}, o);
      expect(lines.length).toBe(n.customerIds.length);
      const at = new Map(n.customerIds.map((id, i) => [id, i]));
      const c = (k: string) => cols.indexOf(k);
      let worst = 0;
      for (const l of lines) {
        const f = l.split('\t');
        const i = at.get(f[c('customer_id')])!;
        expect(Number(f[c('frequency')])).toBe(n.frequency[i]);
        expect(Number(f[c('recency')])).toBe(n.recency[i]);
        expect(Number(f[c('T')])).toBe(n.T[i]);
        worst = Math.max(worst, Math.abs(Number(f[c('monetary_value')]) - n.monetaryValue[i]));
        if (n.holdoutFrequency) expect(Number(f[c('holdout_frequency')])).toBe(n.holdoutFrequency[i]);
      }
      expect(worst).toBeLessThan(1e-9);
    }
  });

  it('shards finish their own groups only when the sharding key keeps a customer on one shard: a table sharded by rand() is merged, and equals the node engine', async () => {
    for (const shard of [0, 1] as const) await cluster!.exec(`CREATE TABLE simr_local AS sim_local`, shard);
    await cluster!.exec(`CREATE TABLE simr AS simr_local ENGINE = Distributed(clvkit_two_shards, default, simr_local, rand())`, 0);
    await insert(cluster!, 'simr', logTsv());
    const ids1 = new Set((await cluster!.exec('SELECT DISTINCT customer_id FROM simr_local', 0)).trim().split('\n'));
    const ids2 = (await cluster!.exec('SELECT DISTINCT customer_id FROM simr_local', 1)).trim().split('\n');
    expect(ids2.filter((id) => ids1.has(id)).length).toBeGreaterThan(100); // customers split over both shards
    const o: SummaryOptions = { freq: 'week', calibrationEnd: formatDay(log.start + 365) };
    const n = await nodeSummary(join(dir, 'sim.csv'), {}, o);
    expectSameSummary(await summarizeWithClickHouse({ url: url(), table: 'simr' }, o), n);
    expect(await histogramWithClickHouse({ url: url(), table: 'simr' }, o)).toEqual(histogramFromSummary(n));
    // Negative control: forcing per-shard groups on this table counts a purchase day split over two shards twice.
    const forced = await summarizeWithClickHouse({ url: url(), table: 'simr' }, { ...o, shardedByCustomer: true });
    const at = new Map(n.customerIds.map((id, i) => [id, i]));
    let inflated = 0;
    forced.customerIds.forEach((id, i) => {
      if (forced.frequency[i] > n.frequency[at.get(id)!]) inflated++;
    });
    expect(inflated).toBeGreaterThan(0);
    // The table sharded by cityHash64(customer_id) is detected and gives the node summary with per-shard groups.
    expectSameSummary(await summarizeWithClickHouse({ url: url(), table: 'sim' }, { ...o, shardedByCustomer: true }), n);
  });

  it('the CLI: summary, fit, predict, segment and report with --engine clickhouse equal the node engine on the same log', async () => {
    const file = join(dir, 'sim.csv');
    const db = ['--engine', 'clickhouse', '--db', url(), '--table', 'sim'];
    const ok = (r: { status: number | null; stdout: string; stderr: string }) => {
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
      expect(r.status).toBe(0);
      return r.stdout;
    };
    const cal = formatDay(log.start + 365);
    // The ClickHouse commands run side by side; the node side is the library (summary, fit) or the CLI on the file.
    const [sc, fc, pc, pn, gc, gn, rc] = await Promise.all([
      clvkit(['summary', '--calibration-end', cal, '--json', ...db]),
      clvkit(['fit', '-m', 'bgnbd', '--json', ...db]),
      clvkit(['predict', '-m', 'bgnbd', '--horizon', '52w', '--json', ...db]),
      clvkit(['predict', '-m', 'bgnbd', '--horizon', '52w', '--json', file]),
      clvkit(['segment', '--json', ...db]),
      clvkit(['segment', '--json', file]),
      clvkit(['report', ...db, '-o', join(dir, 'report-ch.html')]),
    ]);
    const a = JSON.parse(ok(sc));
    const n = await nodeSummary(file, {}, { calibrationEnd: cal });
    expect(a.accounting.read).toBe(n.accounting!.read);
    expect(a.accounting.used).toBe(n.accounting!.used);
    expect(a.accounting.rejected).toEqual(n.accounting!.rejected);
    expect(a.customers.length).toBe(n.customerIds.length);
    const at = new Map(n.customerIds.map((id, i) => [id, i]));
    for (const r of a.customers as Record<string, number & string>[]) {
      const i = at.get(r.customer_id)!;
      expect([r.frequency, r.recency, r.T, r.holdout_frequency, r.transactions]).toEqual([n.frequency[i], n.recency[i], n.T[i], n.holdoutFrequency![i], n.transactions[i]]);
      expect(Math.abs(r.monetary_value - n.monetaryValue[i])).toBeLessThan(1e-9 * Math.max(1, n.monetaryValue[i]));
    }
    const pcP = JSON.parse(ok(fc)).params;
    const ref = fitBgNbd(await nodeSummary(file, {}, {})).params;
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(pcP[k] - ref[k]) / ref[k]).toBeLessThan(1e-8);
    const rows = (t: string) => new Map((JSON.parse(t).customers as { customer_id: string; expected_transactions: number }[]).map((r) => [r.customer_id, r]));
    const pa = rows(ok(pc));
    const pb = rows(ok(pn));
    expect(pa.size).toBe(pb.size);
    for (const [id, r] of pb) expect(Math.abs(pa.get(id)!.expected_transactions - r.expected_transactions)).toBeLessThan(1e-6);
    expect(JSON.parse(ok(gc)).concentration.gini_spend).toBeCloseTo(JSON.parse(ok(gn)).concentration.gini_spend, 9);
    ok(rc);
    expect(readFileSync(join(dir, 'report-ch.html'), 'utf8')).toContain('<svg');
  }, 300_000);

  it('clear errors: missing table (lists tables), missing column (lists columns), bad URL, no server, failing query', async () => {
    await expect(summarizeWithClickHouse({ url: url(), table: 'nope' })).rejects.toThrow(/ClickHouse: .*nope.*tables found: .*sim/);
    await expect(summarizeWithClickHouse({ url: url(), table: 'ventes' }, { customerCol: 'client' })).rejects.toThrow(/no column "client".*columns found: id_client, date_commande, montant/);
    await expect(summarizeWithClickHouse({ url: 'not a url', table: 'x' })).rejects.toThrow(/--db: expected a URL/);
    await expect(summarizeWithClickHouse({ url: 'http://nobody:secret@127.0.0.1:1/db', table: 'x' })).rejects.toThrow(/cannot connect to ClickHouse \(http:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/db\)/);
    await expect(summarizeWithClickHouse({ url: url(), query: 'select 1 as a from' })).rejects.toThrow(/^ClickHouse: .*Syntax error/);
    expect(shardingKeyIsOnly('Distributed(c, default, tx_local, cityHash64(customer_id))', 'customer_id')).toBe(true);
    expect(shardingKeyIsOnly("Distributed('c', 'db', 'tx_local', sipHash64(toString(`customer_id`)))", 'customer_id')).toBe(true);
    expect(shardingKeyIsOnly('Distributed(c, default, tx_local, rand())', 'customer_id')).toBe(false);
    expect(shardingKeyIsOnly('Distributed(c, default, tx_local, cityHash64(customer_id, date))', 'customer_id')).toBe(false);
    expect(shardingKeyIsOnly('Distributed(c, default, tx_local)', 'customer_id')).toBe(false);
    expect(shardingKeyIsOnly('MergeTree() ORDER BY customer_id', 'customer_id')).toBe(false);
    expect(parseClickHouseUrl('clickhouse://me:p%40ss@db/shop')).toEqual({ url: 'http://db:8123', username: 'me', password: 'p@ss', database: 'shop' });
  });
});
