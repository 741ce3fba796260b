import { mkdtempSync, openSync, closeSync, writeFileSync, fstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/random.ts';
import type { readSummaryBytes as ReadSummaryBytes } from '../../src/ingest/summary-bytes.ts';
import { splitPoint } from '../../src/ingest/summary-half.ts';

// Oracle: the same file read on one thread (invariant). From the compiled package (dist/, built by the test
// setup) a worker reads the second half of a large file; with small chunks and a low threshold the split
// falls inside these small files, next to quotes, blank lines, bad cells, line ends and bytes that are not
// UTF-8. Columns, ids, and the error (file:line:column) must be those of the one-thread read.
const dist = (p: string) => pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', p)).href;
const ALIASES = { id: ['customer_id'], frequency: ['frequency'], recency: ['recency'], T: ['t'], money: ['monetary_value'], weights: ['weights'] };
const dir = mkdtempSync(join(tmpdir(), 'clvkit-summary-half-'));

type Read = typeof ReadSummaryBytes;
const read = async (): Promise<Read> => ((await import(dist('ingest/summary-bytes.js'))) as { readSummaryBytes: Read }).readSummaryBytes;

/** The columns read, or the error's message. */
function outcome(f: Read, file: string, tuning: { chunk?: number; halfFromBytes?: number }) {
  try {
    const s = f(file, ALIASES, undefined, tuning)!;
    return {
      frequency: Array.from(s.frequency),
      recency: Array.from(s.recency),
      T: Array.from(s.T),
      monetaryValue: s.monetaryValue ? Array.from(s.monetaryValue) : undefined,
      ids: s.customerIds.slice(),
      rowsBeside: s.rowsBeside ?? 0,
    };
  } catch (e) {
    return { error: (e as Error).message, rowsBeside: 0 };
  }
}

/** A summary of n rows; `row(i, line)` may replace line i (0-based, without its line end). */
function summaryFile(name: string, n: number, o: { eol?: string; lastEol?: boolean; row?: (i: number, line: string) => string | string[]; seed?: number } = {}): string {
  const rng = createRng(o.seed ?? 3);
  const eol = o.eol ?? '\n';
  const lines = ['customer_id,frequency,recency,T,monetary_value'];
  for (let i = 0; i < n; i++) {
    const x = Math.floor(rng.uniform() * 6);
    const T = 20 + Math.floor(rng.uniform() * 500) / 7;
    const r = x === 0 ? 0 : Math.floor(rng.uniform() * T * 7) / 7;
    const m = x === 0 ? 0 : Math.round(rng.uniform() * 10000) / 100;
    const line = `C${String(i).padStart(6, '0')},${x},${r},${T},${m}`;
    const out = o.row ? o.row(i, line) : line;
    for (const l of Array.isArray(out) ? out : [out]) lines.push(l);
  }
  const file = join(dir, name);
  writeFileSync(file, lines.join(eol) + (o.lastEol === false ? '' : eol));
  return file;
}

/** Compare the worker read with the one-thread read at several chunk sizes (so several split points). */
async function sameAsOneThread(file: string, chunks = [512, 1500, 4096, 9000]): Promise<{ beside: number; errors: number }> {
  const f = await read();
  let beside = 0;
  let errors = 0;
  for (const chunk of chunks) {
    const tuning = { chunk, halfFromBytes: 1 };
    process.env.CLVKIT_READ_WORKER = '0';
    let one;
    try {
      one = outcome(f, file, tuning);
    } finally {
      delete process.env.CLVKIT_READ_WORKER;
    }
    const two = outcome(f, file, tuning);
    expect(one.rowsBeside).toBe(0);
    expect({ ...two, rowsBeside: 0 }).toEqual(one);
    beside += two.rowsBeside;
    if ('error' in one) errors++;
  }
  return { beside, errors };
}

describe('summary files read on two threads (oracle: the one-thread read)', () => {
  it('a plain file: the worker reads rows of the second half, and the columns and ids are the same', async () => {
    const file = summaryFile('plain.csv', 6000);
    const { beside } = await sameAsOneThread(file);
    expect(beside).toBeGreaterThan(4 * 2000);
  });

  it('CRLF line ends, and no line end after the last row', async () => {
    expect((await sameAsOneThread(summaryFile('crlf.csv', 5000, { eol: '\r\n' }))).beside).toBeGreaterThan(0);
    expect((await sameAsOneThread(summaryFile('no-last-eol.csv', 5000, { lastEol: false }))).beside).toBeGreaterThan(0);
  });

  it('quoted ids, some over two lines, blank lines and long numbers throughout (the split falls inside a quoted field)', async () => {
    const file = summaryFile('quotes.csv', 6000, {
      row: (i, line) => {
        if (i % 7 === 3) return line.replace(/^C(\d+)/, '"C$1\nsecond line"');
        if (i % 11 === 5) return line.replace(/^C(\d+)/, '"C,$1"');
        if (i % 13 === 0) return [line, ''];
        if (i % 17 === 1) return line.replace(/,([\d.]+)$/, ',12.345678901234567');
        return line;
      },
    });
    // chunk sizes whose split lies inside a two-line quoted id (an odd number of quotes before it), and others
    const fd = openSync(file, 'r');
    const text = (await import('node:fs')).readFileSync(file, 'latin1');
    const inside: number[] = [];
    for (let chunk = 500; chunk < 40_000 && inside.length < 3; chunk += 97) {
      const at = splitPoint(fd, chunk + 65536, fstatSync(fd).size);
      if (at > 0 && (text.slice(0, at).match(/"/g)?.length ?? 0) % 2 === 1) inside.push(chunk);
    }
    closeSync(fd);
    expect(inside.length).toBe(3);
    await sameAsOneThread(file, [...inside, 512, 1500, 4096, 9000]);
  });

  it('a bad cell, a wrong number of fields or bytes that are not UTF-8 in the second half: the same error at the same line and column', async () => {
    const bad = await sameAsOneThread(summaryFile('bad-cell.csv', 6000, { row: (i, line) => (i === 5200 ? line.replace(/,(\d),/, ',x,') : line) }));
    expect(bad.errors).toBe(4);
    const fields = await sameAsOneThread(summaryFile('fields.csv', 6000, { row: (i, line) => (i === 4800 ? line + ',9' : line) }));
    expect(fields.errors).toBe(4);
    const file = summaryFile('latin1.csv', 6000, { row: (i, line) => (i === 5500 ? line.replace('C', 'CÉ') : line) });
    const bytes = (await import('node:fs')).readFileSync(file);
    const at = bytes.indexOf(Buffer.from('CÉ'));
    bytes[at + 1] = 0xc9; // É in Latin-1: one byte, not valid UTF-8
    bytes[at + 2] = 0x30;
    writeFileSync(file, bytes);
    expect((await sameAsOneThread(file)).errors).toBe(4);
  });

  it('an empty spend cell of a repeat buyer in the first half: the waiting error comes where the one-thread read gives it', async () => {
    const file = summaryFile('spend-pending.csv', 6000, { row: (i, line) => (i === 100 ? line.replace(/,[\d.]+$/, ',').replace(/^(C\d+),0,/, '$1,2,') : line) });
    const { errors } = await sameAsOneThread(file);
    expect(errors).toBe(4);
    // and a summary written without amounts (every spend cell empty): no spend column (read by this thread from
    // the first empty spend cell of a repeat buyer, where the fast loop stops)
    const none = summaryFile('no-spend.csv', 6000, { row: (_, line) => line.replace(/,[\d.]+$/, ',') });
    await sameAsOneThread(none);
    expect((await read())(none, ALIASES, undefined, { chunk: 1500, halfFromBytes: 1 })!.monetaryValue).toBeUndefined();
  });
});
