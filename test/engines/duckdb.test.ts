import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { summarize, type SummaryOptions } from '../../src/summary/summarize.ts';
import { simulateTransactions, writeSimulatedCsv, FRENCH_DIALECT, simulatedCustomerId } from '../../src/simulate/transactions.ts';
import { summarizeWithDuckDb, histogramWithDuckDb, openDuckDb } from '../../src/engines/duckdb.ts';
import { summarySql, quoteLiteral } from '../../src/engines/sql.ts';
import { bgNbdProbabilityAliveSql, summaryHistogramSql } from '../../src/engines/scoring.ts';
import { bgNbdModel } from '../../src/models/bgnbd.ts';
import { histogramFromSummary } from '../../src/summary/histogram.ts';
import { formatDay } from '../../src/ingest/dates.ts';
import { ClvkitError } from '../../src/errors.ts';
import { expectSameSummary } from './compare.ts';
import { csvLayout, duckDbAmountSql, UndecidedDayMonth } from '../../src/engines/csv-source.ts';
import { parseNumber } from '../../src/ingest/number.ts';
import { transactionsWithDuckDb } from '../../src/engines/table.ts';
import { retentionOutcomes } from '../../src/outcomes/retention.ts';

const COLUMNS = 'master_id,customer_id,date,cds,amount';
const cdnowOk = sharedDataAvailable('CDNOW_sample.txt', 'cdnow_customers_summary.csv');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clvkit-duckdb-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function nodeSummary(file: string, ingest: Record<string, unknown>, o: SummaryOptions) {
  return summarize(await readTransactions(file, ingest as never), o);
}

describe.runIf(cdnowOk)('DuckDB engine on CDNOW_sample.txt', () => {
  const file = () => sharedPath('CDNOW_sample.txt');

  it('equals the published CDNOW summary (an independent truth for the SQL)', async () => {
    const s = await summarizeWithDuckDb({ file: file() }, { columns: COLUMNS, end: '1997-09-30', freq: 'week' });
    const ref = new Map<string, number[]>();
    for (const l of readFileSync(sharedPath('cdnow_customers_summary.csv'), 'utf8').trim().split('\n').slice(1)) {
      const [id, f, r, T] = l.split(',').map(Number);
      ref.set(String(id), [f, r, T]);
    }
    expect(s.customerIds.length).toBe(2357);
    let freqMismatch = 0;
    let maxDiff = 0;
    for (let i = 0; i < s.customerIds.length; i++) {
      const [f, r, T] = ref.get(String(Number(s.customerIds[i])))!;
      if (s.frequency[i] !== f) freqMismatch++;
      maxDiff = Math.max(maxDiff, Math.abs(s.recency[i] - r), Math.abs(s.T[i] - T));
    }
    expect(freqMismatch).toBe(0);
    expect(maxDiff).toBeLessThan(0.01);
    expect(Array.from(s.frequency).filter((f) => f > 0).length).toBe(946);
  });

  for (const [unit, freq] of [
    ['day', 'week'],
    ['week', 'week'],
    ['month', 'month'],
    ['day', 'day'],
    ['week', 'month'],
  ] as const) {
    it(`equals the node engine, unit ${unit}, freq ${freq}, end 1997-09-30`, async () => {
      const o: SummaryOptions = { unit, freq, end: '1997-09-30' };
      const d = await summarizeWithDuckDb({ file: file() }, { columns: COLUMNS, ...o });
      expectSameSummary(d, await nodeSummary(file(), { columns: COLUMNS }, o));
    });
  }

  it('equals the node engine with a calibration end 1997-06-30 (holdout columns), weeks', async () => {
    for (const unit of ['day', 'week'] as const) {
      const o: SummaryOptions = { unit, freq: 'week', end: '1997-09-30', calibrationEnd: '1997-06-30' };
      const d = await summarizeWithDuckDb({ file: file() }, { columns: COLUMNS, ...o });
      expect(d.holdoutFrequency).toBeDefined();
      expectSameSummary(d, await nodeSummary(file(), { columns: COLUMNS }, o));
    }
  });

  it('without --end takes the last date of the file, as the node engine', async () => {
    const d = await summarizeWithDuckDb({ file: file() }, { columns: COLUMNS });
    const n = await nodeSummary(file(), { columns: COLUMNS }, {});
    expect(formatDay(d.end)).toBe('1998-06-30');
    expectSameSummary(d, n);
  });

  it('the histogram computed in DuckDB has the same exact keys and counts as the node summary histogram', async () => {
    const o: SummaryOptions = { freq: 'week', end: '1997-09-30' };
    const h = await histogramWithDuckDb({ file: file() }, { columns: COLUMNS, ...o });
    const ref = histogramFromSummary(await nodeSummary(file(), { columns: COLUMNS }, o));
    expect(h).toEqual(ref);
  });
});

describe('DuckDB engine on simulated logs', () => {
  const log = simulateTransactions({ customers: 3000, seed: 11 });

  it('English CSV: equals the node engine (day/week, calibration split, end inside the log)', async () => {
    const file = join(dir, 'sim.csv');
    await writeSimulatedCsv(log, file);
    for (const o of [
      { freq: 'week' },
      { unit: 'week', freq: 'week', end: formatDay(log.end - 40) },
      { unit: 'day', freq: 'month', end: formatDay(log.end - 10), calibrationEnd: formatDay(log.start + 300) },
      { unit: 'month', freq: 'week', calibrationEnd: formatDay(log.start + 400) },
    ] as SummaryOptions[]) {
      const d = await summarizeWithDuckDb({ file }, o);
      const n = await nodeSummary(file, {}, o);
      expect(expectSameSummary(d, n)).toBeGreaterThan(1000);
    }
  });

  it('French CSV (; decimal comma, dd/mm/yyyy): equals the node engine', async () => {
    const file = join(dir, 'sim-fr.csv');
    await writeSimulatedCsv(log, file, FRENCH_DIALECT);
    const o: SummaryOptions = { unit: 'week', freq: 'week', calibrationEnd: formatDay(log.start + 365) };
    expectSameSummary(await summarizeWithDuckDb({ file }, o), await nodeSummary(file, {}, o));
  });

  it('returns net within the period, as the node engine (same-day returns, partial returns, returns only)', async () => {
    const lines = ['customer_id,date,amount'];
    let k = 0;
    for (let i = 0; i < log.customer.length && k < 6000; i++, k++) {
      const id = simulatedCustomerId(log.customer[i], log.customers);
      const day = formatDay(log.day[i]);
      const amt = log.amount[i];
      lines.push(`${id},${day},${amt.toFixed(2)}`);
      if (i % 7 === 0) lines.push(`${id},${day},${(-amt).toFixed(2)}`); // returned the same day: net 0, no purchase
      if (i % 11 === 0) lines.push(`${id},${formatDay(log.day[i] + 2)},${(-amt / 2).toFixed(2)}`); // partial return later
      if (i % 13 === 0) lines.push(`${id},${day},0`); // a zero-priced row
    }
    lines.push('RONLY,2024-03-01,-5.00', 'RONLY,2024-05-01,-3.00');
    const file = join(dir, 'returns.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    for (const o of [{ unit: 'day' }, { unit: 'week', calibrationEnd: '2024-09-30' }, { unit: 'month', freq: 'month' }] as SummaryOptions[]) {
      const d = await summarizeWithDuckDb({ file }, o);
      expectSameSummary(d, await nodeSummary(file, {}, o));
      expect(d.excludedCustomers['returns only']).toBeGreaterThanOrEqual(1);
    }
  });

  it('the same doubles as the node engine: a first purchase that dwarfs the rest, free repeats (hand-computed)', async () => {
    const file = join(dir, 'cancel.csv');
    const lines = ['customer_id,date,amount', 'BIG,2024-01-02,1000000000', 'BIG,2024-02-02,0.01', 'BIG,2024-03-02,0.02'];
    lines.push('FREE,2024-01-05,50', 'FREE,2024-02-05,0', 'FREE,2024-03-05,0', 'PLAIN,2024-01-07,10', 'PLAIN,2024-01-09,20', 'PLAIN,2024-03-09,30');
    writeFileSync(file, lines.join('\n') + '\n');
    const n = await nodeSummary(file, {}, { unit: 'day' });
    const d = await summarizeWithDuckDb({ file }, { unit: 'day', orderByCustomer: true });
    expect(d.customerIds).toEqual(['BIG', 'FREE', 'PLAIN']);
    // (0.01 + 0.02) / 2, (0 + 0) / 2, (20 + 30) / 2: the repeat periods summed, not the total less the first
    expect([...d.monetaryValue]).toEqual([(0.01 + 0.02) / 2, 0, 25]);
    expect([...d.totalSpend]).toEqual([[...n.totalSpend][n.customerIds.indexOf('BIG')], 50, 60]);
    expectSameSummary(d, n);
  });

  it('a file without amounts: monetary values are NaN, as the node engine', async () => {
    const file = join(dir, 'noamount.csv');
    const lines = ['client,date'];
    for (let i = 0; i < 2000; i++) lines.push(`${simulatedCustomerId(log.customer[i], log.customers)},${formatDay(log.day[i])}`);
    writeFileSync(file, lines.join('\n') + '\n');
    const d = await summarizeWithDuckDb({ file }, { unit: 'week' });
    expectSameSummary(d, await nodeSummary(file, {}, { unit: 'week' }));
    expect(Number.isNaN(d.monetaryValue[0])).toBe(true);
    const split = { unit: 'day', calibrationEnd: formatDay(log.start + 200) } as SummaryOptions;
    const h = await summarizeWithDuckDb({ file }, split);
    expectSameSummary(h, await nodeSummary(file, {}, split));
    expect(Number.isNaN(h.holdoutMonetaryValue![0])).toBe(true);
  });

  it('bad rows: an error by default, counted per reason with skipBadRows, as the node engine', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'customer_id,date,amount\nA,2024-01-02,10\nA,2024-02-30,5\nB,2024-01-03,\nB,2024-01-09,7.5\n,2024-01-04,3\nA,2024-03-01,abc\nB,2024-04-01,2\n');
    // The node engine's own first error (file:line:column), found by the node reader when DuckDB counts bad rows (issue 15)
    await expect(summarizeWithDuckDb({ file }, {})).rejects.toThrow(`${file}:3:2: expected a date like 1997-01-31 (yyyy-mm-dd), got "2024-02-30"`);
    const n = await nodeSummary(file, { skipBadRows: true }, {});
    const d = await summarizeWithDuckDb({ file }, { skipBadRows: true });
    expectSameSummary(d, n);
    expect(d.accounting!.rejected).toEqual(n.accounting!.rejected);
  });

  it('a bad value past the sampled first 64 KiB: DuckDB reruns over text and counts it, as the node engine', async () => {
    const file = join(dir, 'late-bad.csv');
    const lines = ['customer_id,date,amount'];
    for (let i = 0; i < 5000; i++) lines.push(`${simulatedCustomerId(log.customer[i], log.customers)},${formatDay(log.day[i])},${log.amount[i].toFixed(2)}`);
    lines.push('C999999,2024-13-01,5.00', 'C999998,2024-06-01,1 234.5', 'C999998,2024-06-03T10:30:00,2.00');
    writeFileSync(file, lines.join('\n') + '\n');
    await expect(summarizeWithDuckDb({ file }, {})).rejects.toThrow(`${file}:5002:2: expected a date like 1997-01-31 (yyyy-mm-dd), got "2024-13-01"`);
    const d = await summarizeWithDuckDb({ file }, { skipBadRows: true, unit: 'week' });
    const n = await nodeSummary(file, { skipBadRows: true }, { unit: 'week' });
    expectSameSummary(d, n);
    expect(d.accounting!.rejected).toEqual({ 'bad date': 1 });
  });

  it('amount text conversion in SQL agrees with the ingest parseNumber', async () => {
    const vals = ['12.50', '-12.50', '12.50-', '(12.50)', '1,234.50', '1 234.5', '€ 12', '12 EUR', '1,23', '1,2345', 'abc', '+3', '.5', '1e3', "1'234.5", '1.234,50', '12,5', '1,2,3'];
    const { instance, connection } = await openDuckDb();
    try {
      for (const dec of ['.', ','] as const) {
        const row = (await connection.runAndReadAll(`SELECT ${vals.map((v, i) => `${duckDbAmountSql(quoteLiteral(v), dec)} AS v${i}`).join(', ')}`)).getRowsJS()[0];
        vals.forEach((v, i) => expect([v, dec, row[i] === null ? NaN : Number(row[i])]).toEqual([v, dec, parseNumber(v, dec)]));
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('Parquet input with a column name holding a double quote (quoted identifiers)', async () => {
    const csv = join(dir, 'sim.csv');
    await writeSimulatedCsv(log, csv);
    const parquet = join(dir, 'sim.parquet');
    const { instance, connection } = await openDuckDb();
    try {
      await connection.run(
        `COPY (SELECT customer_id AS "cust ""id""", CAST(date AS DATE) AS day, amount AS "montant" FROM read_csv(${quoteLiteral(csv)}, header = true, columns = {'customer_id': 'VARCHAR', 'date': 'VARCHAR', 'amount': 'DOUBLE'})) TO ${quoteLiteral(parquet)} (FORMAT parquet)`,
      );
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    const o: SummaryOptions = { unit: 'week', calibrationEnd: formatDay(log.start + 365) };
    const d = await summarizeWithDuckDb({ parquet }, { customerCol: 'cust "id"', dateCol: 'day', ...o });
    expectSameSummary(d, await nodeSummary(csv, {}, o));
    // (`cust "id"` alone is now recognised as the customer, issue 16: ask for a column that is not there)
    await expect(summarizeWithDuckDb({ parquet }, { customerCol: 'client', dateCol: 'day' })).rejects.toThrow(/columns found: cust "id", day, montant/);
    const found = await summarizeWithDuckDb({ parquet }, { dateCol: 'day', ...o });
    expectSameSummary(found, await nodeSummary(csv, {}, o));
  });
});

describe('transactions through DuckDB feed the outcome analyses', () => {
  it('cohort matrices, recruitment and conversion equal those of the node table (CSV and Parquet)', async () => {
    const log = simulateTransactions({ customers: 2000, seed: 17 });
    const csv = join(dir, 'cohorts.csv');
    await writeSimulatedCsv(log, csv);
    const node = await readTransactions(csv);
    const duck = await transactionsWithDuckDb({ file: csv });
    expect(duck.customerIds).toEqual(node.customerIds);
    expect(duck.accounting).toMatchObject({ read: node.accounting.read, used: node.accounting.used, rejected: {} });
    for (const period of ['month', 'week'] as const) {
      const a = retentionOutcomes(duck, { period, drivers: false });
      const b = retentionOutcomes(node, { period, drivers: false });
      expect(a.cohorts).toEqual(b.cohorts);
      expect(a.recruitment).toEqual(b.recruitment);
      expect(a.conversion).toEqual(b.conversion);
    }
    const parquet = join(dir, 'cohorts.parquet');
    const { instance, connection } = await openDuckDb();
    try {
      await connection.run(`COPY (SELECT * FROM read_csv(${quoteLiteral(csv)}, header = true, columns = {'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DOUBLE'})) TO ${quoteLiteral(parquet)} (FORMAT parquet)`);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    const fromParquet = await transactionsWithDuckDb({ parquet });
    expect(retentionOutcomes(fromParquet, { drivers: false }).cohorts).toEqual(retentionOutcomes(node, { drivers: false }).cohorts);
  });
});

describe('printable SQL and SQL scoring in DuckDB', () => {
  it('summarySql run on a DuckDB table gives the node summary, ordered by customer id', async () => {
    const log = simulateTransactions({ customers: 800, seed: 5 });
    const csv = join(dir, 'print.csv');
    await writeSimulatedCsv(log, csv);
    const o: SummaryOptions = { unit: 'week', freq: 'week', end: formatDay(log.end), calibrationEnd: formatDay(log.start + 365) };
    const n = await nodeSummary(csv, {}, o);
    const { instance, connection } = await openDuckDb();
    try {
      await connection.run(`CREATE TABLE "my ""orders""" AS SELECT customer_id AS "client id", CAST(date AS DATE) AS order_date, amount FROM read_csv(${quoteLiteral(csv)}, header = true, all_varchar = true)`);
      const sql = summarySql({ dialect: 'duckdb', source: 'my "orders"', columns: { customer: 'client id', date: 'order_date', amount: 'amount' }, ...o });
      expect(sql).toMatch(/"my ""orders"""/);
      const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS();
      const ids = rows.map((r) => String(r.customer_id));
      expect(ids).toEqual([...ids].sort());
      expect(rows.length).toBe(n.customerIds.length);
      const at = new Map(n.customerIds.map((id, i) => [id, i]));
      for (const r of rows) {
        const i = at.get(String(r.customer_id))!;
        expect(Number(r.frequency)).toBe(n.frequency[i]);
        expect(Number(r.recency)).toBe(n.recency[i]);
        expect(Number(r.T)).toBe(n.T[i]);
        expect(Number(r.holdout_frequency)).toBe(n.holdoutFrequency![i]);
        expect(Number(r.monetary_value)).toBeCloseTo(n.monetaryValue[i], 9);
      }
      // The histogram statement over the same table.
      const h = (await connection.runAndReadAll(summaryHistogramSql({ dialect: 'duckdb', source: 'my "orders"', columns: { customer: 'client id', date: 'order_date', amount: 'amount' }, ...o }))).getRowsJS();
      const ref = histogramFromSummary(n);
      expect(h.length).toBe(ref.frequency.length);
      expect(h.map((r) => Number(r[3])).reduce((a, b) => a + b, 0)).toBe(n.customerIds.length);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('BG/NBD P(alive) in SQL equals the TypeScript model (FHL 2005a), extreme rows included', async () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const model = bgNbdModel(params);
    const rows: [number, number, number][] = [
      [0, 0, 38.86],
      [1, 1.5, 38.86],
      [2, 30.43, 38.86],
      [5, 10, 70],
      [40, 5, 300],
      [400, 1, 2000],
      [1, 38.86, 38.86],
    ];
    const { instance, connection } = await openDuckDb();
    try {
      await connection.run(`CREATE TABLE s ("x ""freq""" DOUBLE, recency DOUBLE, "T" DOUBLE)`);
      await connection.run(`INSERT INTO s VALUES ${rows.map((r) => `(${r.join(', ')})`).join(', ')}`);
      const expr = bgNbdProbabilityAliveSql(params, { frequency: 'x "freq"' });
      const out = (await connection.runAndReadAll(`SELECT ${expr} AS p FROM s`)).getRowsJS().map((r) => Number(r[0]));
      rows.forEach(([x, tx, T], i) => {
        const p = model.probabilityAlive({ frequency: x, recency: tx, T });
        expect(Math.abs(out[i] - p)).toBeLessThanOrEqual(1e-12 * Math.max(1e-300, p) + 1e-300);
      });
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('errors', () => {
  it('a missing file and a missing column are clear ClvkitErrors', async () => {
    await expect(summarizeWithDuckDb({ file: join(dir, 'nope.csv') })).rejects.toThrow(ClvkitError);
    const file = join(dir, 'cols.csv');
    writeFileSync(file, 'who,when,much\nA,2024-01-02,1\n');
    await expect(summarizeWithDuckDb({ file })).rejects.toThrow(/columns found: who, when, much/);
    const s = await summarizeWithDuckDb({ file }, { customerCol: 'who', dateCol: 'when', amountCol: 'much' });
    expect(s.customerIds).toEqual(['A']);
  });
});

describe('day/month order decided over the whole file, as the node engine', () => {
  // Rows dated with both parts at most 12 for well over the sampled 64 KiB, then dates that tell
  // the order; `fmt` writes (day, month) in the file's order.
  function file(name: string, sep: string, fmt: (d: number, m: number) => string, telling: boolean): string {
    let s = 5;
    const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const lines = [['id_client', 'date', 'montant'].join(sep)];
    for (let d = 1; d <= 12; d++) for (let k = 0; k < 400; k++) lines.push([`C${Math.floor(rand() * 900)}`, fmt(d, 3), (1 + Math.floor(rand() * 9000) / 100).toFixed(2).replace('.', sep === ';' ? ',' : '.')].join(sep));
    if (telling) for (let d = 13; d <= 28; d++) for (let k = 0; k < 50; k++) lines.push([`C${Math.floor(rand() * 900)}`, fmt(d, 3), '5'].join(sep));
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n') + '\n');
    expect(lines.slice(0, 4801).join('\n').length).toBeGreaterThan(64 * 1024);
    return path;
  }
  const two = (n: number) => String(n).padStart(2, '0');

  it('dd/mm/yyyy and mm/dd/yyyy files whose first 64 KiB cannot tell: same summary as the node engine', async () => {
    for (const [name, sep, fmt] of [
      ['fr-late.csv', ';', (d: number, m: number) => `${two(d)}/${two(m)}/2024`],
      ['us-late.csv', ',', (d: number, m: number) => `${two(m)}/${two(d)}/2024`],
    ] as const) {
      const path = file(name, sep, fmt, true);
      // The sample alone cannot tell (so DuckDB has to look at the whole file).
      expect(() => csvLayout(path)).toThrow(UndecidedDayMonth);
      const n = await nodeSummary(path, {}, {});
      expect(n.lastPurchase.reduce((a, b) => Math.max(a, b), 0)).toBe(Date.UTC(2024, 2, 28) / 86_400_000);
      expectSameSummary(await summarizeWithDuckDb({ file: path }), n);
    }
  });

  it('no date tells the order: the same error as the node engine, naming --date-format', async () => {
    const path = file('fr-ambiguous.csv', ';', (d, m) => `${two(d)}/${two(m)}/2024`, false);
    const nodeError = await readTransactions(path).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(nodeError).toContain('--date-format');
    await expect(summarizeWithDuckDb({ file: path })).rejects.toThrow(nodeError);
  });

  it('every date with equal day and month: read day-first by both engines', async () => {
    const path = join(dir, 'equal.csv');
    const lines = ['customer_id;date;amount'];
    for (let m = 1; m <= 12; m++) for (let k = 0; k < 300; k++) lines.push(`C${k % 250};${two(m)}/${two(m)}/2024;${(k % 17) + 1},50`);
    writeFileSync(path, lines.join('\n') + '\n');
    expectSameSummary(await summarizeWithDuckDb({ file: path }), await nodeSummary(path, {}, {}));
  });
});
