import { describe, expect, it } from 'vitest';
import { parseTransactions } from '../../src/ingest/transactions.ts';
import { migrationMatrix, NEW_CUSTOMERS } from '../../src/segment/migration.ts';
import { valueTiers } from '../../src/segment/pyramid.ts';
import { summarize } from '../../src/summary/summarize.ts';

describe('migration matrix', () => {
  it('counts transitions and row shares on a hand-made two-period log', () => {
    // Period 1 ends 2024-03-31, period 2 ends 2024-06-30. Spend by the first end: A 100, B 50, C 10, D 5;
    // by the second: A 100, B 50 + 200 = 250, C 10, D 5 + 1 = 6, E (new) 80.
    const log = [
      'customer_id,date,amount',
      'A,2024-01-05,100',
      'B,2024-01-10,50',
      'C,2024-02-01,10',
      'D,2024-03-01,5',
      'B,2024-05-01,200',
      'D,2024-05-02,1',
      'E,2024-06-01,80',
    ].join('\n');
    const table = parseTransactions(log);
    const s1 = summarize(table, { end: '2024-03-31' });
    const s2 = summarize(table, { end: '2024-06-30' });
    expect(s1.customerIds).toEqual(['A', 'B', 'C', 'D']);
    // two tiers by past spend: top half and bottom half
    const opts = { cuts: [0.5, 0.5], names: ['High', 'Low'] };
    const t1 = valueTiers(s1.totalSpend, opts); // A, B high; C, D low
    const t2 = valueTiers(s2.totalSpend, opts); // 5 customers: top ceil(2.5) = 3: B 250, A 100, E 80 high; C, D low
    const lab = (t: ReturnType<typeof valueTiers>) => Array.from(t.tier, (k) => t.names[k]);
    const m = migrationMatrix({ ids: s1.customerIds, labels: lab(t1) }, { ids: s2.customerIds, labels: lab(t2) }, ['High', 'Low']);
    expect(m.from).toEqual(['High', 'Low', NEW_CUSTOMERS]);
    expect(m.to).toEqual(['High', 'Low']);
    expect(m.counts).toEqual([
      [2, 0],
      [0, 2],
      [1, 0],
    ]);
    expect(m.rowShares).toEqual([
      [1, 0],
      [0, 1],
      [1, 0],
    ]);
  });

  it('gives row shares that add up to 1 and NaN for empty rows', () => {
    const m = migrationMatrix({ ids: ['a', 'b', 'c'], labels: ['X', 'X', 'Y'] }, { ids: ['a', 'b', 'c'], labels: ['X', 'Y', 'Y'] });
    expect(m.counts).toEqual([
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
    expect(m.rowShares[0]).toEqual([0.5, 0.5]);
    expect(m.rowShares[2].every(Number.isNaN)).toBe(true);
  });
});
