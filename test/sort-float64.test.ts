import { describe, expect, it } from 'vitest';
import { sortedFloat64 } from '../src/sort-float64.ts';
import { createRng } from '../src/random.ts';

// Oracle: Float64Array.prototype.sort (the native numeric sort), bit for bit (−0 before +0, NaN last).
function same(values: Float64Array): void {
  const expected = Float64Array.from(values).sort();
  const got = sortedFloat64(values);
  expect(got.length).toBe(expected.length);
  expect(Buffer.from(got.buffer, got.byteOffset, got.byteLength).equals(Buffer.from(expected.buffer))).toBe(true);
}

describe('radix sort of doubles equals the native sort, bit for bit', () => {
  const rng = createRng(3);
  it('random bit patterns (every exponent, negatives, subnormals, infinities), NaN compared as NaN', () => {
    const n = 100_000;
    const bits = new Uint32Array(2 * n);
    for (let i = 0; i < bits.length; i++) bits[i] = Math.floor(rng.uniform() * 2 ** 32);
    const v = new Float64Array(bits.buffer);
    // NaN payloads differ: compare NaN as NaN (both put every NaN last)
    const expected = Float64Array.from(v).sort();
    const got = sortedFloat64(v);
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(expected[i])) expect(got[i]).toBeNaN();
      else expect(Object.is(got[i], expected[i])).toBe(true);
    }
  });
  it('values as a portfolio holds them: money in cents, many ties, zeros of both signs, the edges', () => {
    const n = 200_000;
    const v = new Float64Array(n);
    const edge = [0, -0, Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, -5e-324, 1, -1];
    for (let i = 0; i < n; i++) v[i] = i < edge.length ? edge[i] : rng.uniform() < 0.3 ? 0 : Math.round((rng.uniform() - 0.1) * 1e6) / 100;
    same(v);
  });
  it('sorted, reversed, constant, and short inputs (the native sort below the radix threshold)', () => {
    const n = 70_000;
    same(Float64Array.from({ length: n }, (_, i) => i / 7));
    same(Float64Array.from({ length: n }, (_, i) => -i / 7));
    same(new Float64Array(n).fill(2.5));
    same(Float64Array.from([3, -0, 0, -1, 2.5]));
    same(new Float64Array(0));
  });
  it('leaves its input as it was', () => {
    const v = Float64Array.from({ length: 40_000 }, () => rng.uniform() - 0.5);
    const copy = Float64Array.from(v);
    sortedFloat64(v);
    expect(v).toEqual(copy);
  });
});
