import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { retentionOutcomes } from '../../src/outcomes/retention.ts';
import { customerFacts, NO_DAY } from '../../src/outcomes/customers.ts';
import type { TransactionTable } from '../../src/types.ts';

const sample = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'sample-transactions.csv');
// 56 years = two 28-year Gregorian cycles (no century year in between): the same weekdays, months and leap days
const SHIFT = 20_454;

describe('dates before 1970 (negative day numbers)', () => {
  it('the outcomes of a log moved back 56 years (2024 -> 1968, days below 0) equal those of the log itself', async () => {
    const table = await readTransactions(sample);
    const early: TransactionTable = { ...table, day: Int32Array.from(table.day, (d) => d - SHIFT) };
    expect(early.day[0]).toBeLessThan(0);
    for (const period of ['week', 'month', 'quarter'] as const) {
      const a = retentionOutcomes(table, { period });
      const b = retentionOutcomes(early, { period });
      // the same counts, rates and intervals; only the period labels and the end date move
      const strip = <T extends object>(rows: T[]) => rows.map((r) => ({ ...r, cohort: undefined, period: undefined, start: undefined }));
      expect(strip(b.cohorts), period).toEqual(strip(a.cohorts));
      expect(strip(b.recruitment), period).toEqual(strip(a.recruitment));
      expect(b.conversion.overall, period).toEqual(a.conversion.overall);
      expect(b.conversion.time_to_second, period).toEqual(a.conversion.time_to_second);
      expect(b.drivers, period).toEqual(a.drivers);
    }
  });

  it('a customer first seen on 1969-12-31 (day -1) has a first purchase; one with none has NO_DAY', () => {
    const table = {
      customer: Int32Array.of(0, 0, 1),
      day: Int32Array.of(-1, 5, 10),
      amount: Float64Array.of(10, 20, 30),
      length: 3,
      hasAmount: true,
      customerIds: ['A', 'B'],
      accounting: { read: 3, used: 3, rejected: {} },
    } as unknown as TransactionTable;
    const f = customerFacts(table, 5);
    expect([f.first[0], f.second[0], f.last[0]]).toEqual([-1, 5, 5]);
    expect([f.first[1], f.second[1], f.last[1]]).toEqual([NO_DAY, NO_DAY, NO_DAY]); // its only row is after the end
  });
});
