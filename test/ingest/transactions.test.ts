import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTransactions, readTransactions } from '../../src/ingest/transactions.ts';
import { daysFromCivil } from '../../src/ingest/dates.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';
import type { TransactionTable } from '../../src/types.ts';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);
const rows = (t: TransactionTable) =>
  Array.from({ length: t.length }, (_, i) => [t.customerIds[t.customer[i]], t.day[i], t.amount[i]]);

describe('dialects', () => {
  it('comma CSV with ISO dates, date-times and offsets (date as written)', () => {
    const t = parseTransactions('customer_id,order_date,revenue\nA,2024-03-31T23:30:00-05:00,10\nB,2024-04-01 00:15,2.5\nA,2024-04-02Z,1\n'.replace('2024-04-02Z', '2024-04-02'));
    expect(rows(t)).toEqual([
      ['A', day(2024, 3, 31), 10],
      ['B', day(2024, 4, 1), 2.5],
      ['A', day(2024, 4, 2), 1],
    ]);
    expect(t.hasAmount).toBe(true);
  });

  it('French export: BOM, CRLF, ;, decimal comma, thousands with spaces, currency, dd/mm/yyyy', () => {
    const text = '\uFEFFid_client;date_commande;chiffre_affaires\r\n' + 'c1;31/01/2024;1 234,50 €\r\n' + 'c2;01/02/2024;12,5\r\n' + 'c1;02/02/2024;-3,00\r\n' + 'c3;03/02/2024;1\u202f000\r\n';
    const t = parseTransactions(text);
    expect(rows(t)).toEqual([
      ['c1', day(2024, 1, 31), 1234.5],
      ['c2', day(2024, 2, 1), 12.5],
      ['c1', day(2024, 2, 2), -3],
      ['c3', day(2024, 2, 3), 1000],
    ]);
  });

  it('US export: quoted thousands, $ and mm/dd/yyyy decided from a day over 12', () => {
    const t = parseTransactions('Customer,Date,Sales\n"x, inc",01/02/2024,"$1,234.50"\ny,01/13/2024,USD 7\n');
    expect(rows(t)).toEqual([
      ['x, inc', day(2024, 1, 2), 1234.5],
      ['y', day(2024, 1, 13), 7],
    ]);
  });

  it('tab and pipe delimiters, apostrophe thousands, dotted and dashed day-first dates', () => {
    expect(rows(parseTransactions("client\tdate\tmontant\n1\t31.12.2023\t1'234.5\n"))).toEqual([['1', day(2023, 12, 31), 1234.5]]);
    expect(rows(parseTransactions('id|date|amount\n7|25-12-2023|3\n'))).toEqual([['7', day(2023, 12, 25), 3]]);
  });

  it('quoted fields with delimiters, doubled quotes and newlines', () => {
    const t = parseTransactions('customer,date,note,amount\r\n"A ""the"" one",2024-01-01,"a, b\r\nc",5\r\nB,2024-01-02,"",6\r\n');
    expect(rows(t)).toEqual([
      ['A "the" one', day(2024, 1, 1), 5],
      ['B', day(2024, 1, 2), 6],
    ]);
    expect(t.accounting).toEqual({ read: 2, used: 2, rejected: {}, firstLines: {} });
  });

  it('explicit columns by name and by 1-based number; no amount column', () => {
    const text = 'a,b,c\nx,2024-01-05,9\n';
    expect(rows(parseTransactions(text, { customerCol: 'a', dateCol: 2, amountCol: '3' }))).toEqual([['x', day(2024, 1, 5), 9]]);
    const noAmount = parseTransactions('id,date\n1,20240105\n');
    expect(noAmount.hasAmount).toBe(false);
    expect(Number.isNaN(noAmount.amount[0])).toBe(true);
  });

  it('headerless file with columns, forced delimiter and date format', () => {
    const t = parseTransactions('1;05/01/2024;3,5\n', { columns: ['customer_id', 'date', 'amount'], header: false, dateFormat: 'dd/mm/yyyy' });
    expect(rows(t)).toEqual([['1', day(2024, 1, 5), 3.5]]);
  });

  it('channel column', () => {
    const t = parseTransactions('customer,date,canal\nA,2024-01-01,web\nB,2024-01-01,shop\nA,2024-01-02,web\n');
    expect(t.channels).toEqual(['web', 'shop']);
    expect(Array.from(t.channel!)).toEqual([0, 1, 0]);
  });

  it('customer ids are kept as written (leading zeros, UTF-8) in first-seen order', () => {
    const t = parseTransactions('client,date\n007,2024-01-01\nÉlodie,2024-01-01\n7,2024-01-02\n007,2024-01-03\n');
    expect(t.customerIds).toEqual(['007', 'Élodie', '7']);
    expect(Array.from(t.customer)).toEqual([0, 1, 2, 0]);
  });

  it('many customers: the byte-keyed dictionary matches a Map', () => {
    const lines = ['customer_id,date'];
    const expected: number[] = [];
    const seen = new Map<string, number>();
    let x = 12345;
    for (let i = 0; i < 20000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const id = `c${x % 5000}`;
      if (!seen.has(id)) seen.set(id, seen.size);
      expected.push(seen.get(id)!);
      lines.push(`${id},2024-01-01`);
    }
    const t = parseTransactions(lines.join('\n'));
    expect(t.customerIds).toEqual([...seen.keys()]);
    expect(Array.from(t.customer)).toEqual(expected);
  });
});

describe('streaming', () => {
  it('gives the same table whatever the chunk size (records split across chunks)', async () => {
    const lines = ['\uFEFFcustomer;date;note;amount'];
    for (let i = 0; i < 300; i++) {
      const note = i % 7 === 0 ? `"multi\r\nline ""${i}"";x"` : `n${i}`;
      lines.push(`cust${i % 37};${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2023;${note};${i},${i % 100}`);
    }
    lines.push('bad;99/99/2023;x;1');
    const text = lines.join('\r\n') + '\r\n';
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-chunks-'));
    const file = join(dir, 'chunks.csv');
    writeFileSync(file, text);
    const whole = parseTransactions(text, { skipBadRows: true });
    expect(whole.length).toBe(300);
    expect(whole.accounting.firstLines).toEqual({ 'bad date': [345] }); // after 1 header line + 300 rows + 43 quoted newlines
    for (const chunkSize of [16, 17, 64, 333, 4096]) {
      const t = await readTransactions(file, { chunkSize, skipBadRows: true });
      expect(t.customerIds).toEqual(whole.customerIds);
      expect(Array.from(t.customer)).toEqual(Array.from(whole.customer));
      expect(Array.from(t.day)).toEqual(Array.from(whole.day));
      expect(Array.from(t.amount)).toEqual(Array.from(whole.amount));
      expect(t.accounting).toEqual(whole.accounting);
    }
  });

  it('plain rows (the fast path) give the same table whatever the chunk size, with bad rows mixed in', async () => {
    const lines = ['customer_id,date,amount'];
    for (let i = 0; i < 2000; i++) {
      const id = i % 5 === 0 ? `u${(i * 7919) % 613}` : String((i * 7919) % 997).padStart(i % 3 ? 5 : 3, '0');
      const date = i % 2 ? `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` : `2023-01-0${(i % 9) + 1}T10:00:00Z`;
      lines.push(i % 401 === 400 ? `${id},2023-02-30,1` : `${id},${date},${i % 7 ? (i / 8).toFixed(2) : ` ${i} `}`);
    }
    const body = lines.join('\n') + '\n';
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-fast-'));
    const file = join(dir, 'fast.csv');
    writeFileSync(file, body);
    const whole = parseTransactions(body, { skipBadRows: true });
    expect(whole.accounting.rejected).toEqual({ 'bad date': 4 });
    // A Map over the same rows gives the same first-seen dictionary.
    const ids = [...new Set(lines.slice(1).filter((l) => !l.includes('02-30')).map((l) => l.split(',')[0]))];
    expect(whole.customerIds).toEqual(ids);
    for (const chunkSize of [16, 100, 1000, 5000]) {
      const t = await readTransactions(file, { chunkSize, skipBadRows: true });
      expect(t.customerIds).toEqual(whole.customerIds);
      expect(Array.from(t.customer)).toEqual(Array.from(whole.customer));
      expect(Array.from(t.day)).toEqual(Array.from(whole.day));
      expect(Array.from(t.amount)).toEqual(Array.from(whole.amount));
      expect(t.accounting).toEqual(whole.accounting);
    }
  });

  it('plain French rows (day-first dates, decimal comma) give the same table whatever the chunk size', async () => {
    const lines = ['id_client;date_commande;montant'];
    for (let i = 0; i < 3000; i++) {
      const dd = String((i % 28) + 1).padStart(2, '0');
      const mm = String((i % 12) + 1).padStart(2, '0');
      // Mostly two-digit parts (fast path), some one-digit days and thousands (general loop).
      const date = i % 11 === 0 ? `${(i % 9) + 1}/${mm}/2023` : `${dd}/${mm}/2023`;
      const amount = i % 13 === 0 ? `1 ${String(i % 1000).padStart(3, '0')},50` : `${i % 500},${String(i % 100).padStart(2, '0')}`;
      lines.push(`${(i * 31) % 700};${date};${amount}`);
    }
    const body = '\uFEFF' + lines.join('\r\n') + '\r\n';
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-fr-fast-'));
    const file = join(dir, 'fr.csv');
    writeFileSync(file, body);
    const whole = parseTransactions(body);
    expect(whole.length).toBe(3000);
    expect(whole.day[1]).toBe(day(2023, 2, 2));
    expect(whole.amount[13]).toBe(1013.5);
    expect(whole.amount[1]).toBe(1.01);
    for (const chunkSize of [16, 500, 4096]) {
      const t = await readTransactions(file, { chunkSize });
      expect(t.customerIds).toEqual(whole.customerIds);
      expect(Array.from(t.customer)).toEqual(Array.from(whole.customer));
      expect(Array.from(t.day)).toEqual(Array.from(whole.day));
      expect(Array.from(t.amount)).toEqual(Array.from(whole.amount));
    }
  });

  it('reports progress up to the file size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-progress-'));
    const file = join(dir, 'p.csv');
    const text = 'id,date\n' + Array.from({ length: 1000 }, (_, i) => `${i},2024-01-01`).join('\n');
    writeFileSync(file, text);
    const seen: number[] = [];
    await readTransactions(file, { chunkSize: 1024, onProgress: (b, total) => (expect(total).toBe(text.length), seen.push(b)) });
    expect(seen.at(-1)).toBe(text.length);
    expect(seen.length).toBeGreaterThan(5);
  });
});

describe.runIf(sharedDataAvailable('CDNOW_master.txt', 'example_transactions.csv'))('shared files', () => {
  it('CDNOW_master.txt: whitespace-separated with a header', async () => {
    const t = await readTransactions(sharedPath('CDNOW_master.txt'));
    expect(t.accounting).toEqual({ read: 69659, used: 69659, rejected: {}, firstLines: {} });
    expect(t.customerIds.length).toBe(23570);
    expect(t.customerIds[0]).toBe('00001');
    expect(t.amount[0]).toBe(11.77);
  });

  it('example_transactions.csv: date-times, no amount', async () => {
    const t = await readTransactions(sharedPath('example_transactions.csv'));
    expect(t.length).toBe(15273);
    expect(t.customerIds.length).toBe(5000);
    expect(t.hasAmount).toBe(false);
    expect(t.day[0]).toBe(day(2014, 3, 8));
  });
});
