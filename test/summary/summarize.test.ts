import { describe, expect, it } from 'vitest';
import { parseTransactions } from '../../src/ingest/transactions.ts';
import { summarize, groupOrder } from '../../src/summary/summarize.ts';
import { daysFromCivil } from '../../src/ingest/dates.ts';
import { UsageError } from '../../src/errors.ts';

const day = (s: string) => daysFromCivil(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
const W = 7;

// A hand-made log; expected values below are computed by hand from the definitions.
const LOG = `customer_id,date,amount
A,2024-01-01,10
B,2024-01-10,50
A,2024-01-01,5
A,2024-01-08,20
E,2024-01-05,-10
B,2024-01-10,-50
A,2024-01-15,-20
B,2024-01-20,12
C,2024-02-10,8
A,2024-02-05,30
D,2024-03-05,1
A,2024-02-29,4
`;

function row(s: ReturnType<typeof summarize>, id: string) {
  const i = s.customerIds.indexOf(id);
  expect(i).toBeGreaterThanOrEqual(0);
  const pick = (a: ArrayLike<number> | undefined) => (a ? a[i] : undefined);
  return {
    frequency: s.frequency[i],
    recency: s.recency[i],
    T: s.T[i],
    monetaryValue: s.monetaryValue[i],
    firstPurchase: s.firstPurchase[i],
    lastPurchase: s.lastPurchase[i],
    transactions: s.transactions[i],
    totalSpend: s.totalSpend[i],
    holdoutFrequency: pick(s.holdoutFrequency),
    holdoutMonetaryValue: pick(s.holdoutMonetaryValue),
    holdoutT: pick(s.holdoutT),
  };
}

describe('summarize: calibration / holdout on a hand-made log', () => {
  const table = parseTransactions(LOG);
  const s = summarize(table, { end: '2024-02-29', calibrationEnd: '2024-01-31', freq: 'week' });

  it('customer A: same-day rows collapse, a return-only day is not a purchase, holdout counted', () => {
    // Calibration periods: 01-01 (10+5=15, first), 01-08 (20, repeat), 01-15 (-20, return only).
    // Holdout: 02-05 (30) and 02-29 (4, the end day is inclusive).
    expect(row(s, 'A')).toEqual({
      frequency: 1,
      recency: 7 / W,
      T: 30 / W,
      monetaryValue: 20,
      firstPurchase: day('2024-01-01'),
      lastPurchase: day('2024-01-08'),
      transactions: 4,
      totalSpend: 15,
      holdoutFrequency: 2,
      holdoutMonetaryValue: 17,
      holdoutT: 29 / W,
    });
  });

  it('customer B: a purchase returned the same day nets to zero and is not a purchase', () => {
    expect(row(s, 'B')).toEqual({
      frequency: 0,
      recency: 0,
      T: 11 / W,
      monetaryValue: 0,
      firstPurchase: day('2024-01-20'),
      lastPurchase: day('2024-01-20'),
      transactions: 3,
      totalSpend: 12,
      holdoutFrequency: 0,
      holdoutMonetaryValue: 0,
      holdoutT: 29 / W,
    });
  });

  it('customers first seen in the holdout, after the end, or with returns only are left out and counted', () => {
    expect(s.customerIds).toEqual(['A', 'B']);
    expect(s.excludedCustomers).toEqual({ 'first purchase after end': 1, 'first purchase after calibration end': 1, 'returns only': 1 });
    expect(s.accounting).toEqual({
      read: 12,
      used: 9,
      rejected: { 'after end': 1, 'customer first seen after calibration end': 1, 'customer without a purchase': 1 },
      firstLines: {},
    });
    expect(s.end).toBe(day('2024-01-31'));
    expect(s.calibrationEnd).toBe(day('2024-01-31'));
  });

  it('without a split: end defaults to the last date and every row is accounted', () => {
    const all = summarize(table);
    expect(all.end).toBe(day('2024-03-05'));
    // A: purchase periods 01-01 (15), 01-08 (20), 02-05 (30), 02-29 (4); 01-15 is a return.
    expect(row(all, 'A')).toMatchObject({ frequency: 3, recency: 59 / W, T: 64 / W, monetaryValue: 18, transactions: 6, totalSpend: 49 });
    expect(row(all, 'D')).toMatchObject({ frequency: 0, recency: 0, T: 0, monetaryValue: 0 });
    const a = all.accounting!;
    expect(a.used + Object.values(a.rejected).reduce((x, y) => x + y, 0)).toBe(a.read);
  });
});

describe('summarize: units and time scales', () => {
  // Mon 2024-01-01, Wed 2024-01-03 (same week), Mon 2024-01-15, Thu 2024-02-01 (next month).
  const t = parseTransactions('id,date,amount\nX,2024-01-01,1\nX,2024-01-03,2\nX,2024-01-15,4\nX,2024-02-01,8\n');

  it('unit week collapses Monday-start weeks; freq week gives whole weeks', () => {
    const s = summarize(t, { unit: 'week', freq: 'week', end: '2024-02-04' });
    // Weeks: 01-01..07 (1+2), 01-15 (4), 01-29..02-04 (8); end in the week of 01-29.
    expect([s.frequency[0], s.recency[0], s.T[0], s.monetaryValue[0]]).toEqual([2, 4, 4, 6]);
  });

  it('unit month, freq month: calendar months', () => {
    const s = summarize(t, { unit: 'month', freq: 'month', end: '2024-03-15' });
    expect([s.frequency[0], s.recency[0], s.T[0], s.monetaryValue[0]]).toEqual([1, 1, 2, 8]);
  });

  it('unit day, freq day / month: month = 365.25/12 days', () => {
    const d = summarize(t, { freq: 'day', end: '2024-02-10' });
    expect([d.frequency[0], d.recency[0], d.T[0], d.monetaryValue[0]]).toEqual([3, 31, 40, 14 / 3]);
    const m = summarize(t, { freq: 'month', end: '2024-02-10' });
    expect(m.recency[0]).toBeCloseTo(31 / (365.25 / 12), 12);
    expect(m.T[0]).toBeCloseTo(40 / (365.25 / 12), 12);
  });

  it('unit week with freq day converts weeks to days', () => {
    const s = summarize(t, { unit: 'week', freq: 'day', end: '2024-02-04' });
    expect([s.recency[0], s.T[0]]).toEqual([28, 28]);
  });
});

describe('summarize: edge cases', () => {
  it('one customer, one transaction', () => {
    const s = summarize(parseTransactions('id,date,amount\nsolo,2024-05-05,9.99\n'));
    expect([s.frequency[0], s.recency[0], s.T[0], s.monetaryValue[0], s.transactions[0], s.totalSpend[0]]).toEqual([0, 0, 0, 0, 1, 9.99]);
  });

  it('no amount column: every period is a purchase; spend is NaN', () => {
    const s = summarize(parseTransactions('id,date\na,2024-01-01\na,2024-01-01\na,2024-01-08\n'));
    expect([s.frequency[0], s.recency[0], s.transactions[0]]).toEqual([1, 1, 3]);
    expect(Number.isNaN(s.monetaryValue[0])).toBe(true);
  });

  it('zero-priced purchases count (no return in the day)', () => {
    const s = summarize(parseTransactions('id,date,amount\na,2024-01-01,5\na,2024-01-02,0\n'), { freq: 'day' });
    expect([s.frequency[0], s.monetaryValue[0]]).toEqual([1, 0]);
  });

  it('unsorted input gives the same summary as sorted input', () => {
    const lines: string[] = [];
    let x = 7;
    for (let i = 0; i < 3000; i++) {
      x = (x * 16807) % 2147483647;
      const c = x % 300;
      const d = 1 + (x % 28);
      lines.push(`c${c},2024-02-${String(d).padStart(2, '0')},${(x % 1000) / 10}`);
    }
    const shuffled = summarize(parseTransactions('id,date,amount\n' + lines.join('\n')), { freq: 'day' });
    const sortedLines = [...lines].sort((p, q) => {
      const [cp, dp] = p.split(',');
      const [cq, dq] = q.split(',');
      return Number(cp.slice(1)) - Number(cq.slice(1)) || dp.localeCompare(dq);
    });
    const sorted = summarize(parseTransactions('id,date,amount\n' + sortedLines.join('\n')), { freq: 'day' });
    const bySorted = new Map(sorted.customerIds.map((id, i) => [id, i]));
    for (let i = 0; i < shuffled.customerIds.length; i++) {
      const j = bySorted.get(shuffled.customerIds[i])!;
      expect([shuffled.frequency[i], shuffled.recency[i], shuffled.T[i], shuffled.transactions[i]]).toEqual([
        sorted.frequency[j],
        sorted.recency[j],
        sorted.T[j],
        sorted.transactions[j],
      ]);
      expect(shuffled.monetaryValue[i]).toBeCloseTo(sorted.monetaryValue[j], 9);
    }
  });

  it('groupOrder groups by customer with days ascending (stable)', () => {
    const customer = Int32Array.from([1, 0, 1, 0, 2]);
    const dayArr = Int32Array.from([5, 3, 1, 3, 9]);
    const { index, start } = groupOrder(customer, dayArr, 5, 3, 1, 9);
    expect(Array.from(start)).toEqual([0, 2, 4, 5]);
    expect(Array.from(index)).toEqual([1, 3, 2, 0, 4]);
  });

  it('bad options are usage errors', () => {
    const t = parseTransactions('id,date\na,2024-01-01\na,2024-01-09\n');
    expect(() => summarize(t, { calibrationEnd: '2024-02-01', end: '2024-01-09' })).toThrow(UsageError);
    expect(() => summarize(t, { end: '2024-31-01' })).toThrow('--end: expected a date like 1997-09-30, got "2024-31-01"');
    expect(() => summarize(t, { unit: 'year' as never })).toThrow(UsageError);
  });
});

describe('customer ids of the summary', () => {
  it('are made on first use, from the table, for the kept customers only, and can be replaced', () => {
    const t = parseTransactions(LOG);
    const all = summarize(t, { freq: 'week' });
    expect(all.customerIds).toBe(all.customerIds);
    const ends = summarize(t, { freq: 'week', end: '2024-01-31' });
    expect(ends.customerIds).toEqual(['A', 'B']);
    expect(ends.customerIds.length).toBe(ends.frequency.length);
    expect(JSON.parse(JSON.stringify(ends)).customerIds).toEqual(['A', 'B']);
    expect({ ...ends }.customerIds).toEqual(['A', 'B']);
    ends.customerIds = ['x', 'y'];
    expect(ends.customerIds).toEqual(['x', 'y']);
  });
});

describe('the day-period path', () => {
  it('agrees with the general path on a random log (no returns; with and without amounts)', () => {
    let seed = 7;
    const r = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const lines = ['customer_id,date,amount'];
    for (let i = 0; i < 5000; i++) {
      const d = new Date(Date.UTC(2024, 0, 1) + Math.floor((i / 5000) * 300) * 86400000).toISOString().slice(0, 10);
      lines.push(`c${Math.floor(r() * 800)},${d},${(r() * 100).toFixed(2)}`);
    }
    const t = parseTransactions(lines.join('\n'));
    for (const end of [undefined, '2024-06-30']) {
      const fast = summarize(t, { freq: 'week', end });
      const general = summarize({ ...t, customerIds: t.customerIds, hasAmount: false }, { freq: 'week', end });
      for (const k of ['frequency', 'recency', 'T', 'firstPurchase', 'lastPurchase', 'transactions'] as const) expect(fast[k]).toEqual(general[k]);
      expect(fast.customerIds).toEqual(general.customerIds);
      expect(fast.accounting).toEqual(general.accounting);
      expect(fast.excludedCustomers).toEqual(general.excludedCustomers);
    }
  });
});
