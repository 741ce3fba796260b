import { describe, expect, it } from 'vitest';
import { parseTransactions, rowsPerBlock } from '../../src/ingest/transactions.ts';
import { summarize } from '../../src/summary/summarize.ts';
import type { TransactionTable } from '../../src/types.ts';
import { dayOrderedLog } from './day-ordered-log.ts';

// A log in day order (as exports are) over more than one block of customers, with same-day repeats,
// returns and returns-only customers; end before the last day in one case.
const log = dayOrderedLog;

/** The same table without the ingest's hints (the general grouping path). */
function plain(t: TransactionTable): TransactionTable {
  return {
    customerIds: t.customerIds,
    customer: t.customer.slice(),
    day: t.day.slice(),
    amount: t.amount.slice(),
    hasAmount: t.hasAmount,
    length: t.length,
    accounting: t.accounting,
  };
}

function same(a: ReturnType<typeof summarize>, b: ReturnType<typeof summarize>): void {
  for (const k of ['frequency', 'recency', 'T', 'monetaryValue', 'firstPurchase', 'lastPurchase', 'transactions', 'totalSpend'] as const) {
    expect(Array.from(a[k]).map((x) => Object.is(x, -0) ? 'neg0' : x), k).toEqual(Array.from(b[k]).map((x) => Object.is(x, -0) ? 'neg0' : x));
  }
  expect(Array.from(a.litt!), 'litt').toEqual(Array.from(b.litt!));
  expect(a.customerIds).toEqual(b.customerIds);
  expect(a.accounting).toEqual(b.accounting);
  expect(a.excludedCustomers).toEqual(b.excludedCustomers);
}

describe('summarize by blocks of customers (tables from the ingest in day order)', () => {
  const table = parseTransactions(log(7, 3000, 20000));

  it('has the ingest counts per block', () => {
    const blocks = rowsPerBlock(table)!;
    expect(blocks.length).toBe(Math.ceil(table.customerIds.length / 1024));
    expect(blocks.reduce((a, b) => a + b, 0)).toBe(table.length);
  });

  it('gives the same summary as the general path', () => {
    for (const options of [{}, { freq: 'day' as const }, { end: '2023-03-01' }]) {
      same(summarize(table, options), summarize(plain(table), options));
    }
  });

  it('gives the same summary for days before 1970 (negative day numbers)', () => {
    const old = parseTransactions(log(5, 2500, 15000, Date.UTC(1965, 5, 1)));
    expect(old.day[0]).toBeLessThan(0);
    same(summarize(old), summarize(plain(old)));
  });

  it('falls back when the table was changed after the ingest', () => {
    const t = parseTransactions(log(11, 3000, 20000));
    const ref = plain(t);
    // Rows moved between blocks: the counts per block no longer match.
    const i = t.customer.indexOf(0);
    const j = t.customer.findIndex((c) => c >= 2048);
    [t.customer[i], t.customer[j]] = [t.customer[j], t.customer[i]];
    [ref.customer[i], ref.customer[j]] = [ref.customer[j], ref.customer[i]];
    same(summarize(t), summarize(ref));
    // Days no longer in order.
    const u = parseTransactions(log(13, 3000, 20000));
    const ref2 = plain(u);
    u.day[5] = u.day[u.length - 1];
    ref2.day[5] = u.day[5];
    same(summarize(u), summarize(ref2));
  });

  it('gives the same summary whether the amounts fit the compact layout (whole cents, -0 among them) or not (a third of a cent, a huge amount)', () => {
    const cents = log(17, 3000, 20000).replace(/,(\d+)\.5\n/g, ',-0\n');
    expect(cents).toContain(',-0\n');
    const t = parseTransactions(cents);
    same(summarize(t), summarize(plain(t)));
    for (const odd of ['0.001', '1e13', String(1 / 3)]) {
      const lines = log(19, 3000, 20000).split('\n');
      lines[15000] = lines[15000].replace(/,[^,]*$/, `,${odd}`);
      const u = parseTransactions(lines.join('\n'));
      same(summarize(u), summarize(plain(u)));
    }
  });
});
