import { describe, expect, it } from 'vitest';
import { describeSummary } from '../../src/summary/describe.ts';

const f = (xs: number[]) => Float64Array.from(xs);

// Oracle: quartiles computed by hand with Hyndman & Fan definition 7 (R: quantile(x, type = 7)).
describe('describeSummary (hand-computed quartiles, definition 7)', () => {
  const s = {
    frequency: f([0, 1, 2, 5]),
    recency: f([0, 4, 10, 20]),
    T: f([30, 30, 40, 50]),
    monetaryValue: f([0, 10, 20, 60]),
    transactions: Int32Array.from([1, 2, 3, 6]),
    totalSpend: f([5, 20, 60, 360]),
    freq: 'week' as const,
  };
  const d = describeSummary(s);
  it('counts customers, repeat buyers, transactions and spend', () => {
    expect(d.customers).toBe(4);
    expect(d.repeatCustomers).toBe(3);
    expect(d.repeatShare).toBe(0.75);
    expect(d.transactions).toBe(12);
    expect(d.totalSpend).toBe(445);
  });
  it('quartiles interpolate between order statistics', () => {
    // x = 0 1 2 5: q1 at h = 0.75 -> 0.75; median at 1.5 -> 1.5; q3 at 2.25 -> 2 + 0.25 * 3 = 2.75
    expect(d.frequency).toEqual({ n: 4, min: 0, q1: 0.75, median: 1.5, q3: 2.75, max: 5, mean: 2 });
    expect(d.T.median).toBe(35);
  });
  it('describes the monetary value over repeat buyers only (10, 20, 60)', () => {
    expect(d.monetaryValue).toEqual({ n: 3, min: 10, q1: 15, median: 20, q3: 40, max: 60, mean: 30 });
  });
  it('leaves the monetary value out when the file has no amounts, and an empty summary is NaN, not an error', () => {
    const none = describeSummary({ ...s, totalSpend: f([NaN, NaN, NaN, NaN]), hasAmount: false });
    expect(none.monetaryValue).toBeUndefined();
    expect(none.totalSpend).toBeNaN();
    const empty = describeSummary({ ...s, frequency: f([]), recency: f([]), T: f([]), monetaryValue: f([]), transactions: new Int32Array(0), totalSpend: f([]) });
    expect(empty.customers).toBe(0);
    expect(empty.repeatShare).toBeNaN();
    expect(empty.frequency.median).toBeNaN();
  });
});

// Oracle: the quartiles read off a fully sorted copy (definition 7), on columns with many ties, few ties and sizes 1 to 7.
describe('describeSummary: quartiles by selection equal those of a sorted copy (invariant)', () => {
  const bySort = (xs: Float64Array) => {
    const s = Float64Array.from(xs).sort();
    const q = (p: number) => {
      const h = (s.length - 1) * p;
      const lo = Math.floor(h);
      return s[lo] + (h - lo) * (s[Math.min(lo + 1, s.length - 1)] - s[lo]);
    };
    return { min: s[0], q1: q(0.25), median: q(0.5), q3: q(0.75), max: s[s.length - 1] };
  };
  let seed = 7;
  const u = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const cases: Float64Array[] = [];
  for (const n of [1, 2, 3, 4, 5, 6, 7, 1000, 20_001]) {
    cases.push(Float64Array.from({ length: n }, () => Math.floor(u() * 4))); // mostly ties
    cases.push(Float64Array.from({ length: n }, () => u() * 1e3 - 200)); // distinct, negative too
    cases.push(Float64Array.from({ length: n }, (_, i) => n - i)); // descending
  }
  it.each(cases.map((c, i) => [i, c] as const))('case %i', (_, xs) => {
    const d = describeSummary({ frequency: xs, recency: xs, T: xs, monetaryValue: xs, transactions: new Int32Array(xs.length), totalSpend: new Float64Array(xs.length), freq: 'week' });
    const { n, mean, ...rest } = d.frequency;
    expect(n).toBe(xs.length);
    expect(rest).toEqual(bySort(xs));
    expect(mean).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 9);
  });
});
