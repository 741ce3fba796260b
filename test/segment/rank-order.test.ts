import { describe, expect, it } from 'vitest';
import { descendingOrder } from '../../src/segment/rank-order.ts';
import { createRng } from '../../src/random.ts';

// Oracle: the comparator sort it replaces, indices.sort((i, j) => v[j] - v[i] || i - j).
const bySort = (v: ArrayLike<number>) => Array.from({ length: v.length }, (_, i) => i).sort((i, j) => v[j] - v[i] || i - j);

describe('descendingOrder, against the comparator sort', () => {
  it('random values with many ties, zeros and negative zeros, negatives and one customer', () => {
    const rng = createRng(11);
    for (const n of [0, 1, 2, 7, 1000, 20_000, 100_000]) {
      const v = Float64Array.from({ length: n }, () => {
        const u = rng.uniform();
        return u < 0.2 ? 0 : u < 0.3 ? -0 : u < 0.6 ? Math.floor(u * 20) : u < 0.8 ? -u * 100 : u * 1e6;
      });
      expect(Array.from(descendingOrder(v))).toEqual(bySort(v));
      expect(Array.from(descendingOrder(Array.from(v)))).toEqual(bySort(v));
    }
  });

  it('the example: highest first, equal values in input order', () => {
    expect(Array.from(descendingOrder([5, 100, 20, 5]))).toEqual([1, 2, 0, 3]);
  });
});
