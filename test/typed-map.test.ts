import { describe, expect, it } from 'vitest';
import { grown, mapFloat64, mapInt32 } from '../src/typed-map.ts';

describe('mapFloat64 / mapInt32', () => {
  it('equal Float64Array.from / Int32Array.from with the same function, index included', () => {
    const src = [3, -1.5, NaN, Infinity, 0, -0];
    const f = (x: number, i: number) => (Number.isFinite(x) ? x * i : -i);
    expect(Array.from(mapFloat64(src, f))).toEqual(Array.from(Float64Array.from(src, f)));
    expect(Object.is(mapFloat64([-0], (x) => x)[0], -0)).toBe(true);
    const g = (x: number) => x * 2.7;
    expect(Array.from(mapInt32(src, g))).toEqual(Array.from(Int32Array.from(src, g)));
    expect(mapFloat64([], g).length).toBe(0);
  });
});

describe('grown', () => {
  it('keeps the values in order, of the same kind, zeros after', () => {
    const a = Float64Array.of(1.5, -0, NaN);
    const b = grown(a, 5);
    expect(b).toBeInstanceOf(Float64Array);
    expect(Array.from(b)).toEqual([1.5, -0, NaN, 0, 0]);
    expect(Object.is(b[1], -0)).toBe(true);
    expect(Array.from(grown(Int32Array.of(7), 2))).toEqual([7, 0]);
    expect(grown(Uint8Array.of(1, 2), 3)).toBeInstanceOf(Uint8Array);
  });
});
