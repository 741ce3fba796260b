import { describe, expect, it } from 'vitest';
import { valueTiers } from '../../src/segment/pyramid.ts';
import { ClvkitError } from '../../src/errors.ts';

describe('valueTiers', () => {
  it('splits 100 distinct values 1/4/15/80 with the highest values on top', () => {
    // values 1..100 shuffled deterministically: value v at index (v * 37) % 100
    const values = new Array<number>(100);
    for (let v = 1; v <= 100; v++) values[(v * 37) % 100] = v;
    const t = valueTiers(values);
    expect(t.counts).toEqual([1, 4, 15, 80]);
    expect(t.names).toEqual(['Platinum', 'Gold', 'Iron', 'Lead']);
    for (let i = 0; i < 100; i++) {
      const v = values[i];
      const expected = v === 100 ? 0 : v >= 96 ? 1 : v >= 81 ? 2 : 3;
      expect(t.tier[i]).toBe(expected);
    }
    // value shares by hand: 100 / 5050, (96+97+98+99) / 5050, sum(81..95) / 5050, sum(1..80) / 5050
    expect(t.valueShares[0]).toBeCloseTo(100 / 5050, 14);
    expect(t.valueShares[1]).toBeCloseTo(390 / 5050, 14);
    expect(t.valueShares[2]).toBeCloseTo(1320 / 5050, 14);
    expect(t.valueShares[3]).toBeCloseTo(3240 / 5050, 14);
  });

  it('shares of customers and of value each add up to 100%', () => {
    for (const n of [1, 7, 21, 99, 101, 1000]) {
      const values = Array.from({ length: n }, (_, i) => ((i * 7919) % 113) + 0.5);
      const t = valueTiers(values);
      const sumC = t.customerShares.reduce((a, b) => a + b, 0);
      const sumV = t.valueShares.reduce((a, b) => a + b, 0);
      expect(sumC).toBeCloseTo(1, 12);
      expect(sumV).toBeCloseTo(1, 12);
      expect(t.counts.reduce((a, b) => a + b, 0)).toBe(n);
    }
  });

  it('rounds boundaries up: n = 10 gives 1, 0, 1, 8', () => {
    // ceil(10*0.01)=1, ceil(10*0.05)=1, ceil(10*0.2)=2, 10
    const t = valueTiers([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(t.counts).toEqual([1, 0, 1, 8]);
    expect(t.boundaries).toEqual([0, 1, 1, 2, 10]);
    expect(t.tier[9]).toBe(0);
    expect(t.tier[8]).toBe(2);
  });

  it('with the default cuts every tier is non-empty from n = 21 on (and not at n = 20)', () => {
    expect(valueTiers(new Array(20).fill(1)).counts).toEqual([1, 0, 3, 16]);
    for (let n = 21; n <= 400; n++) {
      const counts = valueTiers(new Array(n).fill(1)).counts;
      expect(counts.every((c) => c > 0)).toBe(true);
    }
  });

  it('breaks ties by input order (earlier ranks higher)', () => {
    const t = valueTiers([5, 5, 5, 5], { cuts: [0.5, 0.5], names: ['top', 'rest'] });
    expect(Array.from(t.tier)).toEqual([0, 0, 1, 1]);
  });

  it('does not move a boundary for floating-point sums (0.1 + 0.2)', () => {
    // cumulative 0.1 + 0.2 = 0.30000000000000004; 10 * that must still be 3
    const t = valueTiers([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], { cuts: [0.1, 0.2, 0.7], names: ['a', 'b', 'c'] });
    expect(t.counts).toEqual([1, 2, 7]);
  });

  it('handles one customer and no customers', () => {
    const one = valueTiers([42]);
    expect(one.counts).toEqual([1, 0, 0, 0]);
    expect(one.valueShares).toEqual([1, 0, 0, 0]);
    const none = valueTiers([]);
    expect(none.counts).toEqual([0, 0, 0, 0]);
    expect(none.valueShares.every(Number.isNaN)).toBe(true);
  });

  it('rejects cuts that do not add up to 1, mismatched names and non-finite values', () => {
    expect(() => valueTiers([1], { cuts: [0.5, 0.4] })).toThrow(ClvkitError);
    expect(() => valueTiers([1], { cuts: [0.5, 0.5], names: ['a'] })).toThrow(/2 cuts but 1 names/);
    expect(() => valueTiers([1, NaN])).toThrow(/value 2/);
  });
});
