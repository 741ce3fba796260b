/**
 * readTransactions with two threads (IngestOptions.parallelThreshold, parallel-scan.ts) gives
 * exactly what one thread gives: table, customer order, accounting, summary and error messages
 * with their line numbers, including when the worker's part holds rows it leaves to the main
 * thread (quotes, bad rows, bytes that are not UTF-8).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readThreads, readTransactions, type IngestOptions } from '../../src/ingest/transactions.ts';
import { summarize } from '../../src/summary/summarize.ts';
import type { TransactionTable } from '../../src/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'clvkit-parallel-'));
// Small chunks and a low threshold so that multi-megabyte files take the two-thread path.
const PAR: IngestOptions = { parallelThreshold: 1 << 20, chunkSize: 1 << 18 };
const SEQ: IngestOptions = { parallelThreshold: Infinity, chunkSize: 1 << 18 };

/** A seeded log sorted by date: `rows` rows, customers interleaved, some ids not prefix + digits. */
function makeLines(rows: number, opts: { french?: boolean } = {}): string[] {
  let seed = 12345;
  const rnd = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const lines: string[] = [];
  const start = Date.UTC(2023, 0, 1);
  for (let i = 0; i < rows; i++) {
    const d = new Date(start + Math.floor((i / rows) * 700) * 86400000);
    const c = Math.floor(rnd() * rows * 0.4);
    const id = c % 17 === 0 ? `cust-${c.toString(36)}` : `C${String(c).padStart(7, '0')}`;
    const cents = Math.floor(rnd() * 20000) - (c % 23 === 0 ? 10000 : 0);
    const amount = (cents / 100).toFixed(2);
    const iso = d.toISOString().slice(0, 10);
    if (opts.french) {
      const [y, m, dd] = iso.split('-');
      lines.push(`${id};${dd}/${m}/${y};${amount.replace('.', ',')}`);
    } else lines.push(`${id},${iso},${amount}`);
  }
  return lines;
}

function write(name: string, text: string | Buffer): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

function bytesOf(a: Int32Array | Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function expectSameTable(a: TransactionTable, b: TransactionTable): void {
  expect(a.length).toBe(b.length);
  expect(a.accounting).toEqual(b.accounting);
  expect(a.customerIds).toEqual(b.customerIds);
  expect(bytesOf(a.customer).equals(bytesOf(b.customer))).toBe(true);
  expect(bytesOf(a.day).equals(bytesOf(b.day))).toBe(true);
  expect(bytesOf(a.amount).equals(bytesOf(b.amount))).toBe(true);
  expect(a.hasAmount).toBe(b.hasAmount);
}

async function both(file: string, options: IngestOptions = {}): Promise<[TransactionTable, TransactionTable]> {
  const par = await readTransactions(file, { ...PAR, ...options });
  const seq = await readTransactions(file, { ...SEQ, ...options });
  expectSameTable(par, seq);
  expect(readThreads(seq)).toBe(1);
  return [par, seq];
}

async function errorOf(file: string, options: IngestOptions): Promise<string> {
  try {
    await readTransactions(file, options);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('two-thread reading of large files', () => {
  const lines = makeLines(160_000);
  const header = 'customer_id,date,amount\n';

  it('gives the same table, customer order, accounting and summary as one thread', async () => {
    const f = write('plain.csv', header + lines.join('\n') + '\n');
    const [par, seq] = await both(f);
    expect(readThreads(par)).toBe(2);
    expect(par.length).toBe(160_000);
    const sp = summarize(par, { freq: 'week' });
    const ss = summarize(seq, { freq: 'week' });
    expect(sp).toEqual(ss);
    const hp = summarize(par, { freq: 'week', calibrationEnd: '2024-06-30' });
    expect(hp).toEqual(summarize(seq, { freq: 'week', calibrationEnd: '2024-06-30' }));
  });

  it('the same without a final newline, with CRLF, and with blank lines at the end', async () => {
    const [noNl] = await both(write('nonl.csv', header + lines.join('\n')));
    expect(readThreads(noNl)).toBe(2);
    const [crlf] = await both(write('crlf.csv', header.replace('\n', '\r\n') + lines.join('\r\n') + '\r\n'));
    expect(readThreads(crlf)).toBe(2);
    const [blank] = await both(write('blank.csv', header + lines.join('\n') + '\n\n\n'), { skipBadRows: true });
    expect(blank.accounting.rejected).toEqual({ 'blank line': 2 });
    expect(readThreads(blank)).toBe(2);
  });

  it('a French export (;, decimal comma, dd/mm/yyyy, BOM) takes both threads too', async () => {
    const fr = makeLines(160_000, { french: true });
    const f = write('fr.csv', '\uFEFFid_client;date_commande;montant\n' + fr.join('\n') + '\n');
    const [par] = await both(f);
    expect(readThreads(par)).toBe(2);
  });

  it('bad rows in the second half: the same error at the same line, or the same accounting', async () => {
    const bad = [...lines];
    bad[120_000] = 'C0000001,2024-02-30,1.00';
    bad[130_000] = 'C0000002,2024-01-01';
    bad[150_000] = ',2024-01-01,3';
    const f = write('bad.csv', header + bad.join('\n') + '\n');
    const msg = await errorOf(f, PAR);
    expect(msg).toBe(await errorOf(f, SEQ));
    expect(msg).toContain(`bad.csv:${120_000 + 2}:2`);
    const [par] = await both(f, { skipBadRows: true });
    expect(readThreads(par)).toBe(2);
    expect(par.accounting.rejected).toEqual({ 'bad date': 1, 'wrong number of fields': 1, 'missing customer': 1 });
    expect(par.accounting.firstLines).toEqual({ 'bad date': [120_002], 'wrong number of fields': [130_002], 'missing customer': [150_002] });
  });

  it('quoted fields, also one with a newline across the middle of the file', async () => {
    const q = [...lines];
    q[100_000] = '"C0000003",2024-01-01,"1,234.50"';
    const f = write('quoted.csv', header + q.join('\n') + '\n');
    await both(f);
    // A quoted id spanning many lines around the split point (the middle of the file).
    const span = [...lines];
    const mid = 80_000;
    span[mid - 20] = `"multi`;
    span[mid + 20] = `line",2024-01-01,5`;
    const g = write('span.csv', header + span.join('\n') + '\n');
    const [par] = await both(g, { skipBadRows: true });
    expect(par.customerIds).toContain(['multi', ...lines.slice(mid - 19, mid + 20), 'line'].join('\n'));
  });

  it('bytes that are not UTF-8 in the second half: the same error at the same line', async () => {
    const text = Buffer.from(header + lines.join('\n') + '\n');
    const at = text.indexOf('\n', Math.floor(text.length * 0.8)) + 3;
    text[at] = 0xe9;
    const f = write('latin1.csv', text);
    const msg = await errorOf(f, PAR);
    expect(msg).toContain('not valid UTF-8');
    expect(msg).toBe(await errorOf(f, SEQ));
  });

  it('one thread for whitespace-separated files and small files', async () => {
    const f = write('ws.txt', lines.map((l) => l.replaceAll(',', ' ')).join('\n') + '\n');
    const [par] = await both(f, { columns: 'customer_id,date,amount' });
    expect(readThreads(par)).toBe(1);
    const small = write('small.csv', header + lines.slice(0, 100).join('\n') + '\n');
    expect(readThreads(await readTransactions(small))).toBe(1);
  });
});
