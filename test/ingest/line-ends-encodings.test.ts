import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTransactions, readTransactions, FIRST_DAY, LAST_DAY } from '../../src/ingest/transactions.ts';
import { readTable } from '../../src/ingest/table.ts';
import { parseDate } from '../../src/ingest/dates.ts';

// Oracles: the same records written with LF are the truth for CR, CR LF and mixed line ends; the
// same text encoded by Node (latin1, utf16le) or by hand (Windows-1252 bytes) is the truth for encodings.
const records = ['customer_id,date,amount', 'A,2024-01-01,5', 'B,2024-01-02,"7"', 'A,2024-02-01,12.5', 'C,2024-03-01,1'];
const lf = records.join('\n') + '\n';
const dir = mkdtempSync(join(tmpdir(), 'clvkit-lineends-'));

function same(t: ReturnType<typeof parseTransactions>, truth = parseTransactions(lf)) {
  expect(t.customerIds).toEqual(truth.customerIds);
  expect(Array.from(t.day)).toEqual(Array.from(truth.day));
  expect(Array.from(t.amount)).toEqual(Array.from(truth.amount));
  expect(t.accounting.read).toBe(truth.accounting.read);
  expect(t.accounting.used).toBe(truth.accounting.used);
}

describe('line ends: CR, LF, CR LF and mixed read as the same records', () => {
  it('CR only, CR LF, and a mix of the three, in memory and from a file read in small chunks', async () => {
    const cr = records.join('\r') + '\r';
    const crlf = records.join('\r\n') + '\r\n';
    const mixed = records[0] + '\r\n' + records[1] + '\r' + records[2] + '\n' + records[3] + '\r' + records[4];
    for (const text of [cr, crlf, mixed]) {
      same(parseTransactions(text));
      const path = join(dir, 'x.csv');
      writeFileSync(path, text);
      for (const chunkSize of [16, 23, 1 << 20]) same(await readTransactions(path, { chunkSize }));
    }
    expect(parseTransactions(cr).accounting.notes).toEqual(['5 lone CR line ends (classic Mac or mixed) read as line ends']);
    expect(parseTransactions(crlf).accounting.notes).toBeUndefined();
  });
  it('a quoted field keeps its CR and LF (a multi-line id), and line numbers count CR line ends', () => {
    const t = parseTransactions('customer_id,date,amount\r"X\ry",2024-01-01,1\r"Z\nw",2024-01-02,2\rQ,bad,3\r', { skipBadRows: true });
    expect(t.customerIds).toEqual(['X\ry', 'Z\nw']);
    // line 1 header, line 2 X, line 3 Z (its quoted LF is line 4), line 5 Q
    expect(t.accounting.firstLines).toEqual({ 'bad date': [5] });
  });
  it('a CR-only file with a bad row fails at its line, not with the whole file as a header', () => {
    expect(() => parseTransactions('customer_id,date,amount\rA,2024-01-01,5\rB,yesterday,5\r', { file: 'mac.csv' })).toThrow(/^mac\.csv:3:2: expected/);
  });
  it('the caller\'s buffer is never changed', () => {
    const buf = Buffer.from(records.join('\r'));
    const copy = Buffer.from(buf);
    parseTransactions(buf);
    expect(buf.equals(copy)).toBe(true);
  });
});

describe('encodings', () => {
  const text = 'id_client;date;montant\nCafé-Noël;2024-01-01;12,50\nŒuvre €;2024-01-02;3\n';
  // Windows-1252 bytes by hand: é E9, ë EB, Œ 8C, € 80 (Microsoft's table)
  const cp1252 = Buffer.from(Array.from(text, (ch) => ({ é: 0xe9, ë: 0xeb, Œ: 0x8c, '€': 0x80 })[ch] ?? ch.charCodeAt(0)));
  it('a file that is not UTF-8 but is Windows-1252 is read as Windows-1252, and the accounting says so', async () => {
    const path = join(dir, 'excel.csv');
    writeFileSync(path, cp1252);
    const t = await readTransactions(path);
    expect(t.customerIds).toEqual(['Café-Noël', 'Œuvre €']);
    expect(Array.from(t.amount)).toEqual([12.5, 3]);
    expect(t.accounting.notes?.[0]).toMatch(/^read as Windows-1252/);
    expect(parseTransactions(cp1252).customerIds).toEqual(['Café-Noël', 'Œuvre €']);
    expect(readTable(path).rows[0][0]).toBe('Café-Noël');
  });
  it('--encoding latin1 reads ISO-8859-1 (byte = code point), cp1252 its own table, utf16 with either BOM', async () => {
    const latinText = 'customer_id,date,amount\nJosé,2024-01-01,1\nZoë,2024-01-02,2\n';
    const latin = join(dir, 'latin1.csv');
    writeFileSync(latin, Buffer.from(latinText, 'latin1'));
    expect((await readTransactions(latin, { encoding: 'latin1' })).customerIds).toEqual(['José', 'Zoë']);
    expect((await readTransactions(latin, { encoding: 'latin1' })).accounting.notes).toEqual(['read as Latin-1 (ISO-8859-1) (--encoding)']);
    const le = join(dir, 'le.csv');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(latinText, 'utf16le')]));
    const tle = await readTransactions(le, { chunkSize: 17 });
    expect(tle.customerIds).toEqual(['José', 'Zoë']);
    expect(tle.accounting.notes).toEqual(['read as UTF-16 LE (byte-order mark)']);
    const be = join(dir, 'be.csv');
    const swapped = Buffer.from(latinText, 'utf16le').swap16();
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), swapped]));
    expect((await readTransactions(be)).customerIds).toEqual(['José', 'Zoë']);
    expect(readTable(be).rows[1][0]).toBe('Zoë');
  });
  it('bytes that are neither UTF-8 nor Windows-1252 are an error naming the file, the line and --encoding', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, Buffer.concat([Buffer.from('customer_id,date,amount\nA,2024-01-01,1\n'), Buffer.from([0x81, 0x2c]), Buffer.from('2024-01-01,1\n')]));
    await expect(readTransactions(path)).rejects.toThrow(/bad\.csv:3: .*--encoding/);
  });
  it('an unknown --encoding is a usage error', async () => {
    await expect(readTransactions(join(dir, 'bad.csv'), { encoding: 'ebcdic' })).rejects.toThrow(/--encoding must be one of utf8, utf16, latin1, cp1252/);
  });
});

describe('values that cannot be right are rejected with a reason', () => {
  it('dates before 1900 or after 2099, non-finite and overflowing amounts; accounting negatives are negative', () => {
    const t = parseTransactions(
      ['customer_id,date,amount', 'A,1899-12-31,1', 'A,1900-01-01,1', 'A,2099-12-31,1', 'A,2100-01-01,1', 'A,2024-01-01,1e309', 'A,2024-01-01,' + '9'.repeat(400), 'A,2024-01-01,1e308', 'A,2024-01-02,(12.50)', 'A,2024-01-03,12.50-'].join('\n'),
      { skipBadRows: true },
    );
    expect(t.accounting.rejected).toEqual({ 'date out of range': 2, 'amount out of range': 3 });
    expect(t.accounting.firstLines).toEqual({ 'date out of range': [2, 5], 'amount out of range': [6, 7, 8] });
    expect(Array.from(t.amount)).toEqual([1, 1, -12.5, -12.5]);
    expect(t.accounting.read).toBe(t.accounting.used + 5);
    expect(FIRST_DAY).toBe(parseDate('1900-01-01'));
    expect(LAST_DAY).toBe(parseDate('2099-12-31'));
  });
  it('the first such row stops a run without --skip-bad-rows, at its line and column', () => {
    expect(() => parseTransactions('customer_id,date,amount\nA,2024-01-01,1e309\n', { file: 'f.csv' })).toThrow('f.csv:2:3: expected an amount below 1e15 in absolute value, got "1e309"');
    expect(() => parseTransactions('customer_id,date,amount\nA,1850-01-01,1\n', { file: 'f.csv' })).toThrow('f.csv:2:2: expected a date from 1900-01-01 to 2099-12-31, got "1850-01-01"');
  });
});

describe('a file too large for memory is refused before it is read, naming --engine duckdb', () => {
  const text = 'customer_id,date,amount\n' + Array.from({ length: 2000 }, (_, i) => `C${i},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${i}`).join('\n') + '\n';
  it('rows × 32 bytes over the columns budget: refused from the first records, before any column is allocated', () => {
    // 2,000 rows of about 20 bytes: 64,000 bytes of columns against a 10,000-byte budget
    expect(() => parseTransactions(text, { file: 'big.csv', memoryBudget: { columns: 10_000, heap: 1e12 } })).toThrow(/^big\.csv: about 2,\d{3} rows .* use --engine duckdb/);
    expect(parseTransactions(text, { memoryBudget: { columns: 1e6, heap: 1e12 } }).length).toBe(2000);
  });
  it('customers × 96 heap bytes over the heap budget: refused at the chunk that crosses it', async () => {
    const path = join(dir, 'many.csv');
    writeFileSync(path, text);
    await expect(readTransactions(path, { chunkSize: 4096, memoryBudget: { columns: 1e12, heap: 96 * 500 } })).rejects.toThrow(/many\.csv: \d+ distinct customers by line \d+: .*--engine duckdb/);
  });
});
