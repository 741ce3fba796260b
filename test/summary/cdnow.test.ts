import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { summarize } from '../../src/summary/summarize.ts';
import type { CustomerSummary } from '../../src/types.ts';

const ok = sharedDataAvailable('CDNOW_sample.txt', 'cdnow_customers_summary.csv', 'cdnow_customers_summary_with_transactions.csv');
const COLUMNS = 'master_id,customer_id,date,cds,amount';

/** Published summary (Fader, Hardie & Lee 2005 data as distributed with lifetimes): id → [x, t_x, T, zbar]. */
function published(): Map<number, number[]> {
  const xs = readFileSync(sharedPath('cdnow_customers_summary.csv'), 'utf8').trim().split('\n').slice(1);
  const zs = readFileSync(sharedPath('cdnow_customers_summary_with_transactions.csv'), 'utf8').trim().split('\n').slice(1);
  const out = new Map<number, number[]>();
  for (const l of xs) {
    const [id, f, r, T] = l.split(',').map(Number);
    out.set(id, [f, r, T, NaN]);
  }
  for (const l of zs) {
    const [id, , , , z] = l.split(',').map(Number);
    out.get(id)![3] = z;
  }
  return out;
}

function compare(s: CustomerSummary, ref: Map<number, number[]>) {
  let freqMismatch = 0;
  let maxRecency = 0;
  let maxT = 0;
  let maxZ = 0;
  for (let i = 0; i < s.customerIds.length; i++) {
    const [f, r, T, z] = ref.get(Number(s.customerIds[i]))!;
    if (s.frequency[i] !== f) freqMismatch++;
    maxRecency = Math.max(maxRecency, Math.abs(s.recency[i] - r));
    maxT = Math.max(maxT, Math.abs(s.T[i] - T));
    maxZ = Math.max(maxZ, Math.abs(s.monetaryValue[i] - z));
  }
  return { freqMismatch, maxRecency, maxT, maxZ };
}

describe.runIf(ok)('CDNOW sample summary reproduces the published calibration summary', () => {
  it('matches frequency exactly, recency/T within 0.01 week and zbar within 0.01 for all 2,357 customers', async () => {
    const table = await readTransactions(sharedPath('CDNOW_sample.txt'), { columns: COLUMNS });
    expect(table.accounting).toMatchObject({ read: 6919, used: 6919, rejected: {} });
    const s = summarize(table, { end: '1997-09-30', freq: 'week' });
    const ref = published();
    expect(s.customerIds.length).toBe(2357);
    expect(ref.size).toBe(2357);
    const c = compare(s, ref);
    expect(c.freqMismatch).toBe(0);
    expect(c.maxRecency).toBeLessThan(0.01);
    expect(c.maxT).toBeLessThan(0.01);
    expect(c.maxZ).toBeLessThan(0.01);
    // Rows after the calibration end are excluded and counted, so the accounting still adds up.
    expect(s.accounting!.rejected['after end']).toBeGreaterThan(0);
    const a = s.accounting!;
    expect(a.used + Object.values(a.rejected).reduce((x, y) => x + y, 0)).toBe(a.read);
    // 946 customers made a repeat purchase in the calibration period (SOURCES.md).
    expect(Array.from(s.frequency).filter((f) => f > 0).length).toBe(946);
  });

  it('needs the end day to be inclusive: ending the day before changes some frequencies', async () => {
    const table = await readTransactions(sharedPath('CDNOW_sample.txt'), { columns: COLUMNS });
    const s = summarize(table, { end: '1997-09-29', freq: 'week' });
    expect(compare(s, published()).freqMismatch).toBeGreaterThan(0);
  });

  it('a French export of the same log (;, decimal comma, dd/mm/yyyy, BOM, CRLF) gives the identical summary', async () => {
    const lines = readFileSync(sharedPath('CDNOW_sample.txt'), 'utf8').trim().split(/\r?\n/);
    const out = ['\uFEFFid_client;date_commande;montant'];
    for (const l of lines) {
      const [, id, ymd, , amount] = l.trim().split(/\s+/);
      const date = `${ymd.slice(6, 8)}/${ymd.slice(4, 6)}/${ymd.slice(0, 4)}`;
      const [int, frac] = Number(amount).toFixed(2).split('.');
      // Thousands with a narrow no-break space, as French spreadsheets write them.
      const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
      out.push(`${id};${date};${grouped},${frac}`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-fr-'));
    const file = join(dir, 'cdnow-fr.csv');
    writeFileSync(file, out.join('\r\n') + '\r\n', 'utf8');
    const fr = summarize(await readTransactions(file), { end: '1997-09-30' });
    const en = summarize(await readTransactions(sharedPath('CDNOW_sample.txt'), { columns: COLUMNS }), { end: '1997-09-30' });
    expect(fr.customerIds).toEqual(en.customerIds);
    for (const k of ['frequency', 'recency', 'T', 'firstPurchase', 'lastPurchase', 'transactions'] as const) {
      expect(Array.from(fr[k])).toEqual(Array.from(en[k]));
    }
    for (let i = 0; i < en.customerIds.length; i++) {
      expect(fr.monetaryValue[i]).toBeCloseTo(en.monetaryValue[i], 9);
      expect(fr.totalSpend[i]).toBeCloseTo(en.totalSpend[i], 9);
    }
  });
});
