import { describe, expect, it } from 'vitest';
import { abcClasses } from '../../src/segment/abc.ts';
import { valueDeciles } from '../../src/segment/deciles.ts';
import { naturalBreakTiers } from '../../src/segment/natural-breaks.ts';
import { tierTable } from '../../src/segment/tier-table.ts';
import { valueTiers } from '../../src/segment/pyramid.ts';

const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);

describe('ABC classes', () => {
  it('cuts a hand-made list at 80/15/5 of cumulative value', () => {
    // total 100; cumulative share before each customer (descending): 0, .5, .8, .9, .95, .98
    const values = [3, 50, 10, 2, 30, 5];
    const t = abcClasses(values);
    expect(Array.from(t.tier)).toEqual([2, 0, 1, 2, 0, 1]);
    expect(t.names).toEqual(['A', 'B', 'C']);
  });

  it('puts the customer who crosses a bound in the class where they start', () => {
    // 90 alone crosses 80%: A = {90}; before 10 the share is .9 >= .8 and < .95 → B
    expect(Array.from(abcClasses([90, 10]).tier)).toEqual([0, 1]);
    // one customer: A
    expect(Array.from(abcClasses([7]).tier)).toEqual([0]);
  });

  it('takes configurable shares and names', () => {
    const t = abcClasses([40, 30, 20, 10], { shares: [0.5, 0.5], names: ['top', 'rest'] });
    // before: 0, .4, .7, .9 → top, top, rest, rest
    expect(Array.from(t.tier)).toEqual([0, 0, 1, 1]);
    expect(() => abcClasses([1], { shares: [0.5, 0.4] })).toThrow(/add up to 1/);
  });

  it('puts everyone in the last class when the total is zero', () => {
    expect(Array.from(abcClasses([0, 0, 0]).tier)).toEqual([2, 2, 2]);
  });

  it('keeps ties in input order (deterministic)', () => {
    // four equal values of 25: before-shares 0, .25, .5, .75 → A, A, A, A (0.75 < 0.8)
    expect(Array.from(abcClasses([25, 25, 25, 25]).tier)).toEqual([0, 0, 0, 0]);
    // five of 20: before 0, .2, .4, .6, .8 → the fifth (input order) starts at .8 → B
    expect(Array.from(abcClasses([20, 20, 20, 20, 20]).tier)).toEqual([0, 0, 0, 0, 1]);
  });
});

describe('deciles', () => {
  it('puts 10 customers in each decile of 100 distinct values, highest in D1', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
    const d = valueDeciles(values);
    for (let i = 0; i < 100; i++) expect(d.tier[i]).toBe(9 - Math.floor(values[i] / 10));
  });
});

describe('natural breaks', () => {
  it('separates clearly separated groups, top group first', () => {
    const t = naturalBreakTiers([1, 2, 1, 50, 52, 200], 3);
    expect(Array.from(t.tier)).toEqual([2, 2, 2, 1, 1, 0]);
  });

  it('reduces the number of tiers to the distinct values and keeps equal values together', () => {
    const t = naturalBreakTiers([5, 5, 5, 9], 4);
    expect(t.names.length).toBe(2);
    expect(Array.from(t.tier)).toEqual([1, 1, 1, 0]);
    expect(Array.from(naturalBreakTiers([3, 3, 3], 4).tier)).toEqual([0, 0, 0]);
  });
});

describe('tier table', () => {
  it('aggregates a hand-made case', () => {
    const rows = tierTable(
      { tier: Int32Array.from([0, 1, 1, 1]), names: ['Top', 'Rest'] },
      { clv: [10, 5, 3, 2], probabilityAlive: [0.9, 0.5, 0.7, 0.3], historicalSpend: [100, 20, 30, 50] },
    );
    expect(rows[0]).toMatchObject({ tier: 'Top', customers: 1, share_customers: 0.25, share_value: 0.5, mean_clv: 10, historical_spend: 100 });
    expect(rows[1].customers).toBe(3);
    expect(rows[1].mean_clv).toBeCloseTo(10 / 3, 14);
    expect(rows[1].mean_probability_alive).toBeCloseTo(0.5, 14);
    expect(rows[1].share_historical_spend).toBeCloseTo(0.5, 14);
  });

  it('tier shares of customers and of value add up to 100% for every scheme', () => {
    for (const n of [1, 3, 17, 250]) {
      const clv = Array.from({ length: n }, (_, i) => ((i * 7919) % 101) + 0.25);
      const m = { clv, probabilityAlive: clv.map(() => 0.5), historicalSpend: clv.map((v) => v * 2) };
      const p = valueTiers(clv);
      for (const a of [{ tier: p.tier, names: p.names }, valueDeciles(clv), abcClasses(clv), naturalBreakTiers(clv, 4)]) {
        const rows = tierTable(a, m);
        expect(sum(rows.map((r) => r.share_customers))).toBeCloseTo(1, 12);
        expect(sum(rows.map((r) => r.share_value))).toBeCloseTo(1, 12);
        expect(sum(rows.map((r) => r.customers))).toBe(n);
      }
    }
  });

  it('reports NaN value shares when every value is zero', () => {
    const rows = tierTable({ tier: Int32Array.from([0, 0]), names: ['All'] }, { clv: [0, 0], probabilityAlive: [1, 1], historicalSpend: [0, 0] });
    expect(rows[0].share_value).toBeNaN();
    expect(rows[0].share_customers).toBe(1);
  });
});
