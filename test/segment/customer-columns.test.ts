import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/ingest/dates.ts';
import { readCustomerColumns } from '../../src/segment/customer-columns.ts';

describe('per-customer extra columns', () => {
  it('sums a cost column and averages a margin column per customer, leaving out rows after the end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-cols-'));
    const f = join(dir, 'tx.csv');
    writeFileSync(f, 'customer_id;date;amount;cost;margin\nA;2024-01-01;10;1,5;0,2\nA;2024-02-01;20;2;0,4\nB;2024-01-03;5;;0,5\nA;2024-12-01;99;100;0,9\n');
    const cols = readCustomerColumns(
      f,
      [
        { column: 'cost', aggregate: 'sum' },
        { column: 'margin', aggregate: 'mean' },
      ],
      { end: parseDate('2024-06-30') },
    );
    expect(cols.get('A')![0]).toBeCloseTo(3.5, 14);
    expect(cols.get('A')![1]).toBeCloseTo(0.3, 14);
    // an empty cost cell is skipped, not an error
    expect(cols.get('B')).toEqual([0, 0.5]);
    expect(() => readCustomerColumns(f, [{ column: 'nope', aggregate: 'sum' }])).toThrow(/nope/);
  });
});
