import { describe, expect, it } from 'vitest';
import { mapFloat64, mapInt32 } from '../src/typed-map.ts';

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
