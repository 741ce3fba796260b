import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/random.ts';

// Oracle: the same rows written in this thread (invariant). Formatting blocks of rows in a worker thread
// (src/io/parallel-rows.ts) must give exactly the bytes of the serial writer, whichever thread formats a
// block. The worker runs only from the compiled package (dist/, built by the test setup), as the CLI runs it.
const dist = (p: string) => pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', p)).href;

/**
 * A sink that keeps the bytes and counts the chunks that came from the worker (views of its shared ring).
 * `slow` spins 0.3 s on each of the first two chunks written here (the header, the first block), so that the worker, which takes some
 * milliseconds to start, formats some blocks of these small tables (the tests check it did).
 */
function collect(slow = false): { write(c: Uint8Array): void; bytes(): Buffer; fromWorker: number } {
  const parts: Buffer[] = [];
  const sink = {
    fromWorker: 0,
    waited: 0,
    write: (c: Uint8Array) => {
      parts.push(Buffer.from(c));
      if (c.buffer instanceof SharedArrayBuffer) sink.fromWorker++;
      else if (slow && sink.waited++ < 2) for (const t = performance.now(); performance.now() - t < 300; );
    },
    bytes: () => Buffer.concat(parts),
  };
  return sink;
}

/** Doubles of the kinds the formatter special-cases (whole, two decimals, tiny, huge, non-finite) and plain random ones. */
function numbers(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const fixed = [0, -0, 1, -1, 0.1 + 0.2, 1e-7, 1e21, 2 ** 53 + 2, 5e-324, Number.MAX_VALUE, NaN, Infinity, -Infinity, 58.05, -12.05, 30 / 7];
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    out[i] = i < fixed.length ? fixed[i] : i % 3 === 0 ? Math.floor(u * 1e6) : i % 3 === 1 ? Math.round(u * 1e6) / 100 : u * 1e3 - 200;
  }
  return out;
}

describe('rows formatted on two cores equal the rows formatted in one thread (invariant)', async () => {
  const { writeCsvColumns, writeJsonColumns, labelColumn, codedColumn } = await import(dist('io/column-writer.js'));
  const { CSV_EN, CSV_FR } = await import(dist('io/csv.js'));
  const { parseTransactions, customerKeyBytes } = await import(dist('ingest/transactions.js'));
  const { summarize } = await import(dist('summary/summarize.js'));
  const { summaryColumns } = await import(dist('summary/export.js'));
  const { writeSummaryCsvBytes } = await import(dist('summary/summary-csv.js'));
  const { writeRowsParallel } = await import(dist('io/parallel-rows.js'));

  // ids with quotes, delimiters and non-ASCII text, so that the packed bytes of the worker are checked too
  const n = 5003;
  const idText = Array.from({ length: n }, (_, i) => (i % 97 === 0 ? `"q;${i},é"` : i % 89 === 0 ? `=cmd${i}` : `c${i}`));
  const log = 'customer_id,date,amount\n' + idText.map((t, i) => `"${t.replaceAll('"', '""')}",2024-0${1 + (i % 5)}-${10 + (i % 17)},${(i % 13) + 0.25}`).join('\n') + '\n';
  const table = parseTransactions(log);
  const keys = customerKeyBytes(table)!;
  const a = numbers(n, 1);
  const distinct = numbers(50, 2);
  const index = Int32Array.from({ length: n }, (_, i) => (i * 7) % 50);
  // labels that need the formula guard, quotes, UTF-8, or are empty
  const labels = ['Gold', '=SUM(A1)', 'a;b', 'x,y', 'élite', undefined, '', '-1', 'say "hi"'];
  const rows = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
  const columns = [
    { name: 'customer_id', bytes: keys, rows },
    { name: 'frequency', numbers: a },
    { name: 'probability_alive', numbers: distinct, index },
    { name: 'rounded', numbers: Float64Array.from(a, (v) => Math.round(v * 100) / 100) },
    labelColumn('tier', n, (i: number) => labels[i % labels.length]),
  ];

  for (const [label, format] of [['English', CSV_EN], ['French', CSV_FR]] as const) {
    it(`writeCsvColumns, ${label} CSV: ids as bytes, numbers, indexed numbers, non-finite values; blocks of 64 and 1000 rows`, () => {
      const serial = collect();
      writeCsvColumns(serial, columns, n, format);
      for (const blockRows of [64, 1000]) {
        const parallel = collect(true);
        writeCsvColumns(parallel, columns, n, format, { force: true, blockRows });
        expect(parallel.bytes().equals(serial.bytes())).toBe(true);
        expect(parallel.fromWorker).toBeGreaterThan(0);
      }
    });
  }

  it('writeJsonColumns: the same records (ids as bytes, non-finite numbers, coded labels, JSON texts by code), row 0 without a comma', () => {
    const json = [
      ...columns,
      codedColumn('tier', ['Gold', 'back\\slash', 'tab\there', '東京'], Int32Array.from({ length: n }, (_, i) => i % 4)),
      { name: 'flags', json: ['[]', '["at-risk"]', '["a","b"]'], rows: Int32Array.from({ length: n }, (_, i) => (i * 5) % 3) },
    ];
    const serial = collect();
    writeJsonColumns(serial, json, n, '{"customers":[', ']}\n');
    for (const blockRows of [64, 500]) {
      const parallel = collect(true);
      writeJsonColumns(parallel, json, n, '{"customers":[', ']}\n', { force: true, blockRows });
      expect(parallel.bytes().equals(serial.bytes())).toBe(true);
      expect(parallel.fromWorker).toBeGreaterThan(0);
    }
    // the oracle of the serial writer itself: JSON.stringify of the same records
    const doc = JSON.parse(serial.bytes().toString('utf8')) as { customers: Array<Record<string, unknown>> };
    expect(doc.customers.length).toBe(n);
    expect(doc.customers[1].flags).toEqual(['a', 'b']);
  });

  it('labelColumn writes the cells of the same text column (dictionary-coded, guarded and quoted alike)', () => {
    for (const format of [CSV_EN, CSV_FR]) {
      const asText = collect();
      writeCsvColumns(asText, [{ name: 'tier', text: (i: number) => labels[i % labels.length] }], 40, format);
      const asLabels = collect();
      writeCsvColumns(asLabels, [labelColumn('tier', 40, (i: number) => labels[i % labels.length])], 40, format);
      expect(asLabels.bytes().toString('utf8')).toBe(asText.bytes().toString('utf8'));
    }
  });

  it('writeSummaryCsvBytes, with holdout columns and French format', () => {
    const s = summarize(table, { end: '2024-05-31', calibrationEnd: '2024-03-15' });
    for (const format of [CSV_EN, CSV_FR]) {
      const serial = collect();
      expect(writeSummaryCsvBytes(serial, s, summaryColumns(s), format)).toBe(true);
      const parallel = collect(true);
      expect(writeSummaryCsvBytes(parallel, s, summaryColumns(s), format, { force: true, blockRows: 100 })).toBe(true);
      expect(parallel.bytes().equals(serial.bytes())).toBe(true);
      expect(parallel.fromWorker).toBeGreaterThan(0);
      expect(serial.bytes().toString('utf8').split('\n').length).toBe(s.frequency.length + 2);
    }
  });

  it('a worker that fails before it formats anything: every block is formatted here, to the same bytes', () => {
    const rowText = (from: number, to: number) => Buffer.from(Array.from({ length: to - from }, (_, k) => `${from + k}\n`).join(''));
    const local = (from: number, to: number, sink: { write(c: Uint8Array): void }) => sink.write(rowText(from, to));
    // a job whose factory does not exist: the worker says so and this thread formats its blocks
    const broken = { module: new URL(dist('io/csv.js')), factory: 'noSuchFactory', pack: () => ({ payload: null, transfer: [] }) };
    const out = collect(true);
    writeRowsParallel(out, 1000, local, broken, { force: true, blockRows: 10 });
    expect(out.bytes().equals(rowText(0, 1000))).toBe(true);
    expect(out.fromWorker).toBe(0);
  });

  it('a small table is written in this thread (no worker below PARALLEL_MIN_ROWS unless forced)', () => {
    let packed = false;
    const job = { module: new URL(dist('io/csv.js')), factory: 'x', pack: () => ((packed = true), { payload: null, transfer: [] }) };
    const out = collect();
    writeRowsParallel(out, 50_000, (from: number, to: number, sink: { write(c: Uint8Array): void }) => sink.write(Buffer.from(`${from}-${to}\n`)), job, { blockRows: 1000 });
    expect(packed).toBe(false);
    expect(out.bytes().toString()).toBe('0-50000\n');
  });
});
