import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateTransactions } from '../../src/simulate/transactions.ts';
import { summarize } from '../../src/summary/summarize.ts';
import type { SummaryResult } from '../../src/summary/summarize.ts';
import type { TransactionTable } from '../../src/types.ts';
import { fitBgNbd } from '../../src/models/bgnbd.ts';
import {
  histogramFromCsv,
  histogramFromJson,
  histogramFromSummary,
  histogramToCsv,
  histogramToJson,
  histogramToSummaryData,
  mergeHistograms,
  readHistogram,
  writeHistogram,
  histogramCustomers,
} from '../../src/summary/histogram.ts';

/** A simulated log as a TransactionTable (customers of one shard only when `keep` is given). */
function table(log: ReturnType<typeof simulateTransactions>, keep?: (c: number) => boolean): TransactionTable {
  const idx: number[] = [];
  for (let i = 0; i < log.customer.length; i++) if (!keep || keep(log.customer[i])) idx.push(i);
  const ids = new Map<number, number>();
  const customerIds: string[] = [];
  const customer = new Int32Array(idx.length);
  idx.forEach((i, k) => {
    const c = log.customer[i];
    if (!ids.has(c)) {
      ids.set(c, customerIds.length);
      customerIds.push(`C${c}`);
    }
    customer[k] = ids.get(c)!;
  });
  return {
    customerIds,
    customer,
    day: Int32Array.from(idx, (i) => log.day[i]),
    amount: Float64Array.from(idx, (i) => log.amount[i]),
    hasAmount: true,
    length: idx.length,
    accounting: { read: idx.length, used: idx.length, rejected: {} },
  };
}

describe('mergeable (frequency, recency, T) histograms', () => {
  const log = simulateTransactions({ customers: 6000, seed: 3 });
  const end = log.end;
  const whole: SummaryResult = summarize(table(log), { end, freq: 'week' });

  it('shard histograms merge to the one-pass histogram, and the BG/NBD fit is the same to 1e-8', () => {
    const shards = [0, 1, 2].map((s) => histogramFromSummary(summarize(table(log, (c) => c % 3 === s), { end, freq: 'week' })));
    const merged = mergeHistograms(shards);
    const one = histogramFromSummary(whole);
    expect(merged).toEqual(one);
    expect(histogramCustomers(merged)).toBe(whole.customerIds.length);
    expect(merged.frequency.length).toBeLessThan(whole.customerIds.length);
    const a = fitBgNbd(histogramToSummaryData(merged));
    const b = fitBgNbd(whole);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(a.params[k] / b.params[k] - 1)).toBeLessThan(1e-8);
    expect(a.logLikelihood).toBeCloseTo(b.logLikelihood, 6);
    expect(a.customers).toBe(b.customers);
  });

  it('JSON and CSV round trip exactly (shortest doubles), through files too', () => {
    const h = histogramFromSummary(whole);
    const j = JSON.parse(histogramToJson(h));
    expect(j).toMatchObject({ format: 'clvkit-histogram', version: 1, freq: 'week', unit: 'day', customers: whole.customerIds.length });
    expect(j.rows[0]).toHaveLength(4);
    expect(histogramFromJson(histogramToJson(h))).toEqual(h);
    expect(histogramFromCsv(histogramToCsv(h))).toEqual(h);
    expect(histogramToCsv(h).split('\n').slice(0, 2)).toEqual([`#clvkit-histogram,version=1,freq=week,unit=day,end=${j.end}`, 'frequency,recency,T,count']);
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-hist-'));
    try {
      writeHistogram(join(dir, 'h.json'), h);
      writeHistogram(join(dir, 'h.csv'), h);
      expect(readHistogram(join(dir, 'h.json'))).toEqual(h);
      expect(readHistogram(join(dir, 'h.csv'))).toEqual(h);
      writeFileSync(join(dir, 'bad.csv'), '#clvkit-histogram,version=1,freq=week\nfrequency,recency,T,count\n1,2,x,4\n');
      expect(() => readHistogram(join(dir, 'bad.csv'))).toThrow(/bad\.csv:3: expected four numbers/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to merge different time units, purchase periods or ends, and unknown versions', () => {
    const h = histogramFromSummary(whole);
    const days = histogramFromSummary(summarize(table(log), { end, freq: 'day' }));
    expect(() => mergeHistograms([h, days])).toThrow(/different time units: week and day/);
    expect(() => mergeHistograms([h, { ...h, unit: 'week' }])).toThrow(/different purchase periods/);
    expect(() => mergeHistograms([h, { ...h, end: '1999-01-01' }])).toThrow(/different observation ends/);
    expect(() => histogramFromJson(JSON.stringify({ format: 'clvkit-histogram', version: 2, freq: 'week', rows: [] }))).toThrow(/version 2 is not supported/);
    expect(() => histogramFromJson(JSON.stringify({ format: 'clvkit-histogram', version: 1, freq: 'week', rows: [[1, 5, 3, 1]] }))).toThrow(/bad row/);
    expect(() => mergeHistograms([])).toThrow(/no histogram/);
  });
});
