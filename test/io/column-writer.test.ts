import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSV_FR, toCsv, type CsvValue } from '../../src/io/csv.ts';
import { cellOf, writeColumnsFile, writeCsvColumns, writeJsonColumns, type ByteSink, type OutputColumn } from '../../src/io/column-writer.ts';
import { customerKeyBytes, parseTransactions } from '../../src/ingest/transactions.ts';
import { createRng } from '../../src/random.ts';

const mulberry32 = (seed: number) => { const r = createRng(seed); return () => r.uniform(); };

function collect(): ByteSink & { text(): string } {
  const parts: Buffer[] = [];
  return { write: (c) => void parts.push(Buffer.from(c)), text: () => Buffer.concat(parts).toString('utf8') };
}

/** Numbers of every kind the formatter special-cases, and plain random doubles. */
function numbers(n: number, seed: number): Float64Array {
  const rnd = mulberry32(seed);
  const fixed = [0, -0, 1, -1, 9, 10, 99, 100, 0.1, 0.2, 0.1 + 0.2, 1e-7, 1.5e-7, 1e-6, 123456.7891, 1e21, 1e20, 2 ** 48 - 1, 2 ** 48, 2 ** 53, 2 ** 53 + 2,
    5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 999999999.9999, 1e9 - 0.0001, 0.0001, 0.00015, 58.05, 70.23 + 12.18, 30 / 7, NaN, Infinity, -Infinity, 1 / 3, 12.5, -12.05];
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = i % 8;
    const u = rnd();
    if (i < fixed.length) out[i] = fixed[i];
    else if (k === 0) out[i] = Math.floor(u * 1e6);
    else if (k === 1) out[i] = Math.round(u * 1e6) / 100; // two decimals (amounts)
    else if (k === 2) out[i] = Math.round(u * 1e9) / 10000;
    else if (k === 3) out[i] = Math.floor(u * 730) / 7; // weeks from days
    else if (k === 4) out[i] = (u - 0.5) * 10 ** Math.floor(rnd() * 40 - 20);
    else if (k === 5) out[i] = -Math.round(u * 1e5) / 1000;
    else if (k === 6) out[i] = Math.round(u * 1e12) / 1e3 + 1e8;
    else out[i] = u;
  }
  return out;
}

const texts = ['C001', '=HYPERLINK("x")', '+33 1', '-5', '@me', '\tx', '\rx', 'a,b', 'a;b', 'say "hi"', 'two\nlines', 'café', '東京', '', 'plain', 'back\\slash', 'del\u007f', '\u0001x'];

describe('streaming column writer', () => {
  const n = 20_000;
  const a = numbers(n, 1);
  const b = numbers(n, 2);
  const ids = Array.from({ length: n }, (_, i) => texts[i % texts.length] + (i % 3 === 0 ? '' : String(i)));
  const mixed: CsvValue[] = Array.from({ length: n }, (_, i) => [true, false, null, undefined, 'x', 1.25, NaN][i % 7]);
  const columns: OutputColumn[] = [
    { name: 'customer_id', text: (i) => ids[i] },
    { name: 'a', numbers: a },
    { name: 'b', numbers: Array.from(b) },
    { name: 'mixed', value: (i) => mixed[i] },
    { name: '=odd name', numbers: new Int32Array(n).map((_, i) => i - 500) },
  ];
  const rows = () => Array.from({ length: n }, (_, i) => [ids[i], a[i], b[i], mixed[i], i - 500] as CsvValue[]);

  it('writes the same bytes as toCsv (the old path), in English and French dialects', () => {
    for (const format of [undefined, CSV_FR]) {
      const sink = collect();
      writeCsvColumns(sink, columns, n, format);
      expect(sink.text()).toBe(toCsv(columns.map((c) => c.name), rows(), format));
    }
  });

  it('writes the same bytes as JSON.stringify of the records (NaN and infinities null, undefined left out)', () => {
    const sink = collect();
    writeJsonColumns(sink, columns, n, '{"accounting":{"read":1},"customers":[', ']}\n');
    const records = rows().map((r) => Object.fromEntries(columns.map((c, j) => [c.name, r[j]])));
    expect(sink.text()).toBe(JSON.stringify({ accounting: { read: 1 }, customers: records }) + '\n');
  });

  it('formats every double the way String does (random bit patterns)', () => {
    const rnd = mulberry32(7);
    const bits = new Uint32Array(2);
    const v = new Float64Array(bits.buffer);
    const xs = new Float64Array(50_000);
    for (let i = 0; i < xs.length; i++) {
      bits[0] = Math.floor(rnd() * 2 ** 32);
      bits[1] = Math.floor(rnd() * 2 ** 32);
      xs[i] = v[0];
    }
    const sink = collect();
    writeCsvColumns(sink, [{ name: 'x', numbers: xs }], xs.length);
    expect(sink.text()).toBe('x\n' + Array.from(xs, (x) => (Number.isNaN(x) ? '' : String(x)) + '\n').join(''));
  });

  it('an indexed column (values per distinct row) writes the bytes of the same values scattered to the rows, CSV and JSON', () => {
    const distinct = numbers(997, 3);
    const index = Int32Array.from({ length: n }, (_, i) => (i * 7919) % distinct.length);
    const scattered = Float64Array.from(index, (k) => distinct[k]);
    const indexed: OutputColumn[] = [{ name: 'id', text: (i) => ids[i] }, { name: 'v', numbers: distinct, index }];
    const plain: OutputColumn[] = [{ name: 'id', text: (i) => ids[i] }, { name: 'v', numbers: scattered }];
    for (const format of [undefined, CSV_FR]) {
      const x = collect();
      const y = collect();
      writeCsvColumns(x, indexed, n, format);
      writeCsvColumns(y, plain, n, format);
      expect(x.text()).toBe(y.text());
      // in blocks of 1,000 rows (as the parallel writer calls it): the indexed values are gathered a stretch of
      // rows at a time, and no stretch may start at the wrong row
      const z = collect();
      writeCsvColumns(z, indexed, n, format, { force: true, blockRows: 1000 });
      expect(z.text()).toBe(y.text());
    }
    const x = collect();
    const y = collect();
    writeJsonColumns(x, indexed, n, '[', ']');
    writeJsonColumns(y, plain, n, '[', ']');
    expect(x.text()).toBe(y.text());
  });

  it('a bytes column (ids copied from the bytes read) writes the cells of the same ids as text, guard and quotes included, CSV and JSON', () => {
    // the ids as a transaction file holds them (quoted where CSV needs it), read back as KeyBytes
    const quoted = (t: string) => (/[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
    const distinctIds = [...new Set(ids.filter((t) => t !== ''))];
    const table = parseTransactions(`customer_id,date\n${distinctIds.map((t) => `${quoted(t)},2024-01-01`).join('\n')}\n`);
    const keys = customerKeyBytes(table)!;
    expect(keys.validUtf8()).toBe(true);
    // rows in a shuffled order, as a summary that keeps some customers refers to the table's
    const rows = Int32Array.from({ length: n }, (_, i) => (i * 7919) % distinctIds.length);
    const idAt = (i: number) => table.customerIds[rows[i]];
    const fromBytes: OutputColumn[] = [{ name: 'customer_id', bytes: keys, rows }, { name: 'a', numbers: a }];
    const fromText: OutputColumn[] = [{ name: 'customer_id', text: idAt }, { name: 'a', numbers: a }];
    for (const format of [undefined, CSV_FR]) {
      const x = collect();
      const y = collect();
      writeCsvColumns(x, fromBytes, n, format);
      writeCsvColumns(y, fromText, n, format);
      expect(x.text()).toBe(y.text());
    }
    const x = collect();
    const y = collect();
    writeJsonColumns(x, fromBytes, n, '[', ']');
    writeJsonColumns(y, fromText, n, '[', ']');
    expect(x.text()).toBe(y.text());
    for (let i = 0; i < 50; i++) expect(cellOf(fromBytes[0], i)).toBe(idAt(i));
  });

  it('writes a file atomically and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-colwriter-'));
    writeColumnsFile(join(dir, 'out.csv'), columns, n);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe(toCsv(columns.map((c) => c.name), rows()));
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });
});
