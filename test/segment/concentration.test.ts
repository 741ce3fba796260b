import { describe, expect, it } from 'vitest';
import { gini } from '../../src/segment/gini.ts';
import { lorenzCurve } from '../../src/segment/lorenz.ts';
import { topShares } from '../../src/segment/top-shares.ts';
import { whaleCurve } from '../../src/segment/whale.ts';

/** Gini from its definition, the mean absolute difference over all ordered pairs / (2 mean). */
function giniByPairs(x: number[]): number {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  let s = 0;
  for (const a of x) for (const b of x) s += Math.abs(a - b);
  return s / (2 * n * n * mean);
}

describe('Gini', () => {
  it('is 0 for equal values', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([3])).toBe(0);
  });

  it('is 1 - 1/n when one customer holds everything', () => {
    for (const n of [1, 2, 5, 100]) {
      const x = new Array(n).fill(0);
      x[n - 1] = 42;
      expect(gini(x)).toBeCloseTo(1 - 1 / n, 14);
    }
  });

  it('agrees with the pairwise definition on an arbitrary sample', () => {
    const x = [3, 0, 17.5, 2, 2, 9, 40, 1.25];
    expect(gini(x)).toBeCloseTo(giniByPairs(x), 14);
  });

  it('is NaN when the total is zero', () => {
    expect(gini([0, 0])).toBeNaN();
    expect(gini([])).toBeNaN();
  });
});

describe('Lorenz curve', () => {
  it('is the diagonal for equal values and runs from 0 to 1', () => {
    const l = lorenzCurve([2, 2, 2, 2], 5);
    expect(l.population).toEqual([0, 0.25, 0.5, 0.75, 1]);
    l.value.forEach((v, k) => expect(v).toBeCloseTo(l.population[k], 14));
  });

  it('matches a hand-computed curve with one holder', () => {
    const l = lorenzCurve([0, 0, 0, 10], 5);
    expect(l.value).toEqual([0, 0, 0, 0, 1]);
  });

  it('has 101 points by default, and its area gives back the Gini (trapezoids exact for piecewise-linear curves)', () => {
    const x = Array.from({ length: 100 }, (_, i) => (i * 31) % 17);
    const l = lorenzCurve(x);
    expect(l.population.length).toBe(101);
    let area = 0;
    for (let k = 1; k < 101; k++) area += ((l.value[k] + l.value[k - 1]) / 2) * 0.01;
    // with n = 100 and 101 points every kink is sampled: G = 1 - 2 * area
    expect(1 - 2 * area).toBeCloseTo(gini(x), 12);
  });
});

describe('top shares', () => {
  it('gives the share of the top 1/5/10/20% by hand', () => {
    const x = Array.from({ length: 100 }, (_, i) => i + 1); // total 5050
    const s = topShares(x);
    expect(s['0.01']).toBeCloseTo(100 / 5050, 14);
    expect(s['0.05']).toBeCloseTo((96 + 97 + 98 + 99 + 100) / 5050, 14);
    expect(s['0.2']).toBeCloseTo((81 + 100) * 10 / 5050, 14);
  });

  it('takes at least one customer and rounds the count up', () => {
    expect(topShares([1, 1, 1], [0.01])['0.01']).toBeCloseTo(1 / 3, 14);
    expect(topShares([4, 3, 2, 1], [0.3])['0.3']).toBeCloseTo(0.7, 14); // ceil(1.2) = 2 customers: 4 + 3
  });
});

describe('whale curve', () => {
  it('computes profit with a cost per order and finds the peak by hand', () => {
    const w = whaleCurve({ spend: [100, 50, 10, 0], costPerOrder: 20, orders: [1, 1, 2, 1] }, 5);
    expect(Array.from(w.profit)).toEqual([80, 30, -30, -20]);
    expect(w.totalProfit).toBe(60);
    expect(w.peakProfit).toBe(110);
    expect(w.peakPopulation).toBe(0.5);
    expect(w.unprofitableCustomers).toBe(2);
    // sorted profits 80, 30, -20, -30: cumulative at 0, 25, 50, 75, 100% of customers
    expect(w.cumulativeProfit).toEqual([0, 80, 110, 90, 60]);
    expect(w.shareOfProfit[2]).toBeCloseTo(110 / 60, 14);
  });

  it('uses the margin and a cost-to-serve column', () => {
    const w = whaleCurve({ spend: [100, 200], margin: [0.5, 0.25], costToServe: [10, 60] }, 3);
    expect(Array.from(w.profit)).toEqual([40, -10]);
    expect(w.totalProfit).toBe(30);
  });
});
