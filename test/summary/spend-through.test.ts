import { describe, expect, it } from 'vitest';
import { parseTransactions } from '../../src/ingest/transactions.ts';
import { spendThrough } from '../../src/summary/spend-through.ts';
import { summarize, summaryTableCustomers } from '../../src/summary/summarize.ts';
import type { TransactionTable } from '../../src/types.ts';
import { dayOrderedLog } from './day-ordered-log.ts';

// Oracle: summarize(table, { end: day }) (day periods): its customers, as table indices, and its totalSpend,
// bit for bit (−0 told apart from 0).

// Amounts: returns (some netting a day to <= 0, some customers returns only) and amounts not in cents.
const amount = (rand: () => number) => (rand() < 0.15 ? -(Math.floor(rand() * 5000) / 100) : rand() < 0.05 ? rand() * 100 : Math.floor(rand() * 10000) / 100);
const log = (seed: number, customers: number, rows: number, start?: number) => dayOrderedLog(seed, customers, rows, start, amount);

const bits = (a: ArrayLike<number>) => Array.from(a, (x) => (Object.is(x, -0) ? 'neg0' : x));

function expectSame(table: TransactionTable, day: number): void {
  const s = summarize(table, { end: day });
  const t = spendThrough(table, day)!;
  expect(t).toBeDefined();
  expect(Array.from(t.customers)).toEqual(Array.from(summaryTableCustomers(s)!));
  expect(bits(t.spend)).toEqual(bits(s.totalSpend));
}

describe('spendThrough equals the totalSpend of a summary ending that day (oracle: summarize)', () => {
  const table = parseTransactions(log(11, 3000, 20000));
  const first = table.day[0];
  const last = table.day[table.length - 1];

  it('at the first day, a quarter, the middle and the last day', () => {
    for (const day of [first, first + Math.floor((last - first) / 4), Math.floor((first + last) / 2), last]) expectSame(table, day);
  });

  it('returns-only customers and days that net to zero or below are left out as summarize leaves them out', () => {
    const t = parseTransactions('customer_id,date,amount\na,2024-01-01,10\nb,2024-01-01,-5\nc,2024-01-01,10\nc,2024-01-01,-10\nd,2024-01-02,-0\na,2024-01-02,-3\nc,2024-01-03,4\n');
    for (const day of [t.day[0], t.day[0] + 1, t.day[0] + 2]) expectSame(t, day);
    // by hand at 2024-01-02: a spent 10 − 3 = 7; b returned only; c's one day nets to 0 with a return; d's row of
    // −0 is no return (−0 is not below 0), so a purchase of nothing
    const at = spendThrough(t, t.day[0] + 1)!;
    expect(Array.from(at.customers)).toEqual([0, 3]);
    expect(bits(at.spend)).toEqual([7, 0]);
  });

  it('days before 1970 (negative day numbers)', () => {
    const old = parseTransactions(log(5, 500, 3000, Date.UTC(1968, 5, 1)));
    expectSame(old, Math.floor((old.day[0] + old.day[old.length - 1]) / 2));
  });

  it('undefined for rows out of day order or a table without amounts (then summarize is the way)', () => {
    const t = parseTransactions('customer_id,date,amount\na,2024-01-02,10\nb,2024-01-01,5\n');
    expect(spendThrough(t, t.day[0])).toBeUndefined();
    const noAmount = parseTransactions('customer_id,date\na,2024-01-01\n');
    expect(spendThrough(noAmount, noAmount.day[0])).toBeUndefined();
  });
});
