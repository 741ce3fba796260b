/**
 * The PostgreSQL engine against a real server: a throwaway cluster started here (pg-server.ts),
 * CDNOW and a simulated log loaded with COPY, summaries compared with the node engine.
 * Skipped with a message outside CI when no server can start; a failure under CI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { summarize, type SummaryOptions } from '../../src/summary/summarize.ts';
import { simulateTransactions, writeSimulatedCsv } from '../../src/simulate/transactions.ts';
import { summarizeWithPostgres, histogramWithPostgres } from '../../src/engines/postgres.ts';
import { histogramFromSummary } from '../../src/summary/histogram.ts';
import { summarySql, quoteLiteral } from '../../src/engines/sql.ts';
import { bgNbdProbabilityAliveSql } from '../../src/engines/scoring.ts';
import { bgNbdModel } from '../../src/models/bgnbd.ts';
import { formatDay } from '../../src/ingest/dates.ts';
import { startPgTestServer, type PgTestServer } from './pg-server.ts';
import { expectSameSummary } from './compare.ts';
import { transactionsWithPostgres } from '../../src/engines/table.ts';
import { retentionOutcomes } from '../../src/outcomes/retention.ts';

const started = await startPgTestServer();
const server: PgTestServer | undefined = started.server;
if (!server) console.warn(`skipping the PostgreSQL tests: ${started.reason}`);
const cdnowOk = sharedDataAvailable('CDNOW_sample.txt');
const COLUMNS = 'master_id,customer_id,date,cds,amount';

let dir: string;
let client: pg.Client;
const log = simulateTransactions({ customers: 3000, seed: 23 });

async function nodeSummary(file: string, ingest: Record<string, unknown>, o: SummaryOptions) {
  return summarize(await readTransactions(file, ingest as never), o);
}

describe.runIf(server !== undefined)('PostgreSQL engine (throwaway cluster)', () => {
  const cs = () => server!.connectionString;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clvkit-pg-data-'));
    chmodSync(dir, 0o755); // COPY FROM a file is read by the server's user
    client = new pg.Client({ connectionString: cs() });
    await client.connect();
    if (cdnowOk) {
      // CDNOW_sample.txt as CSV (ISO dates), loaded with COPY.
      const rows = readFileSync(sharedPath('CDNOW_sample.txt'), 'utf8')
        .trim()
        .split(/\r?\n/)
        .map((l) => {
          const [master, id, ymd, cds, amount] = l.trim().split(/\s+/);
          return `${master},${id},${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)},${cds},${amount}`;
        });
      const csv = join(dir, 'cdnow.csv');
      writeFileSync(csv, 'master_id,customer_id,date,cds,amount\n' + rows.join('\n') + '\n');
      chmodSync(csv, 0o644);
      await client.query('CREATE TABLE cdnow (master_id text, customer_id text, date date, cds integer, amount double precision)');
      await client.query(`COPY cdnow FROM ${quoteLiteral(csv)} WITH (FORMAT csv, HEADER true)`);
    }
    const sim = join(dir, 'sim.csv');
    await writeSimulatedCsv(log, sim);
    chmodSync(sim, 0o644);
    await client.query('CREATE SCHEMA shop');
    await client.query('CREATE TABLE shop."orders ""2024""" ("client ""id""" text, "order date" date, total numeric(12,2))');
    await client.query(`COPY shop."orders ""2024""" FROM ${quoteLiteral(sim)} WITH (FORMAT csv, HEADER true)`);
  });
  afterAll(async () => {
    await client?.end();
    server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe.runIf(cdnowOk)('CDNOW loaded with COPY', () => {
    it('equals the node engine (day/week, week/week, calibration 1997-06-30)', async () => {
      const file = sharedPath('CDNOW_sample.txt');
      for (const o of [
        { freq: 'week', end: '1997-09-30' },
        { unit: 'week', freq: 'week', end: '1997-09-30' },
        { unit: 'day', freq: 'week', end: '1997-09-30', calibrationEnd: '1997-06-30' },
        { unit: 'month', freq: 'month' },
      ] as SummaryOptions[]) {
        const p = await summarizeWithPostgres({ connectionString: cs(), table: 'cdnow' }, o);
        expectSameSummary(p, await nodeSummary(file, { columns: COLUMNS }, o));
      }
    });

    it('the histogram computed in PostgreSQL equals the node summary histogram (exact keys)', async () => {
      const o: SummaryOptions = { freq: 'week', end: '1997-09-30', calibrationEnd: '1997-06-30' };
      const h = await histogramWithPostgres({ connectionString: cs(), table: 'cdnow' }, o);
      expect(h).toEqual(histogramFromSummary(await nodeSummary(sharedPath('CDNOW_sample.txt'), { columns: COLUMNS }, o)));
    });

    it('a --query source gives the same summary as the table', async () => {
      const o: SummaryOptions = { end: '1997-09-30' };
      const q = await summarizeWithPostgres({ connectionString: cs(), query: 'select customer_id as client, date as day, amount as value from cdnow;' }, { customerCol: 'client', dateCol: 'day', ...o });
      const t = await summarizeWithPostgres({ connectionString: cs(), table: 'public.cdnow' }, o);
      expectSameSummary(q, t);
      expect(q.customerIds.length).toBe(2357);
    });
  });

  it('simulated log in a schema-qualified table whose names hold double quotes: equals the node engine', async () => {
    const file = join(dir, 'sim.csv');
    const o: SummaryOptions = { unit: 'week', freq: 'week', calibrationEnd: formatDay(log.start + 365) };
    const p = await summarizeWithPostgres(
      { connectionString: cs(), table: 'shop."orders ""2024"""' },
      { customerCol: 'client "id"', dateCol: 'order date', amountCol: 'total', ...o },
    );
    expect(expectSameSummary(p, await nodeSummary(file, {}, o))).toBeGreaterThan(1000);
  });

  it('the printable SQL runs as printed and P(alive) in SQL equals the TypeScript model', async () => {
    const o: SummaryOptions = { unit: 'day', freq: 'week', end: formatDay(log.end) };
    const sql = summarySql({ dialect: 'postgres', source: 'shop."orders ""2024"""', columns: { customer: 'client "id"', date: 'order date', amount: 'total' }, ...o });
    const n = await nodeSummary(join(dir, 'sim.csv'), {}, o);
    const rows = (await client.query(sql)).rows;
    expect(rows.length).toBe(n.customerIds.length);
    const at = new Map(n.customerIds.map((id, i) => [id, i]));
    for (const r of rows) {
      const i = at.get(r.customer_id)!;
      expect(r.frequency).toBe(n.frequency[i]);
      expect(r.recency).toBe(n.recency[i]);
      expect(r.T).toBe(n.T[i]);
    }
    const params = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const model = bgNbdModel(params);
    const scored = (await client.query(`SELECT frequency, recency, "T", ${bgNbdProbabilityAliveSql(params, {}, 'postgres')} AS p FROM (${sql}) AS s`)).rows;
    let worst = 0;
    for (const r of scored) worst = Math.max(worst, Math.abs(r.p - model.probabilityAlive({ frequency: r.frequency, recency: r.recency, T: r.T })));
    expect(worst).toBeLessThan(1e-12);
  });

  it('transactions read from PostgreSQL give the node cohort matrices', async () => {
    const node = await readTransactions(join(dir, 'sim.csv'));
    const t = await transactionsWithPostgres(
      { connectionString: cs(), query: 'select * from shop."orders ""2024""" order by "order date", "client ""id"""' },
      { customerCol: 'client "id"', dateCol: 'order date', amountCol: 'total' },
    );
    expect(t.length).toBe(node.length);
    expect(new Set(t.customerIds)).toEqual(new Set(node.customerIds));
    const a = retentionOutcomes(t, { period: 'month', drivers: false }).cohorts;
    const b = retentionOutcomes(node, { period: 'month', drivers: false }).cohorts;
    expect(a.map((r) => [r.cohort, r.size, r.active])).toEqual(b.map((r) => [r.cohort, r.size, r.active]));
    a.forEach((r, i) => r.revenue.forEach((v, k) => expect(v).toBeCloseTo(b[i].revenue[k], 6)));
  });

  it('clear errors: missing table (lists tables), missing column (lists columns), bad connection string, no server', async () => {
    await expect(summarizeWithPostgres({ connectionString: cs(), table: 'nope' })).rejects.toThrow(/relation "nope" does not exist.*tables found: .*shop\.orders "2024"/);
    await expect(summarizeWithPostgres({ connectionString: cs(), table: 'shop."orders ""2024"""' }, { customerCol: 'customer_id' })).rejects.toThrow(/columns found: client "id", order date, total/);
    await expect(summarizeWithPostgres({ connectionString: 'not a url', table: 'x' })).rejects.toThrow(/--db: expected a connection string/);
    await expect(summarizeWithPostgres({ connectionString: 'postgres://nobody:secret@127.0.0.1:1/db', table: 'x' })).rejects.toThrow(/cannot connect to PostgreSQL \(postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/db\)/);
    await expect(summarizeWithPostgres({ connectionString: cs(), query: 'select 1 as a from' })).rejects.toThrow(/PostgreSQL: syntax error/);
  });
});
