import { describe, expect, it } from 'vitest';
import { createRng } from '../src/random.ts';

// Oracle: the scalar draws (invariant). fillIntegers(n, out) must give exactly out.length calls of integer(n),
// and leave the generator where those calls leave it.
describe('createRng().fillIntegers equals repeated integer() calls (invariant)', () => {
  it('the same integers for several seeds and ranges, and the same state afterwards', () => {
    for (const seed of [1, 7, 20240101]) {
      for (const n of [1, 2, 3, 1000, 999_983, 2 ** 31 - 1]) {
        const a = createRng(seed);
        const b = createRng(seed);
        a.uniform(); // a generator already used
        b.uniform();
        const out = new Int32Array(517);
        a.fillIntegers(n, out);
        const expected = Int32Array.from({ length: out.length }, () => b.integer(n));
        expect(Array.from(out)).toEqual(Array.from(expected));
        expect(out.every((v) => v >= 0 && v < n)).toBe(true);
        // the state moved on exactly as far: the next draws agree
        expect([a.uniform(), a.integer(n), a.normal()]).toEqual([b.uniform(), b.integer(n), b.normal()]);
      }
    }
  });

  it('an empty array draws nothing', () => {
    const a = createRng(3);
    const b = createRng(3);
    a.fillIntegers(10, new Int32Array(0));
    expect(a.uniform()).toBe(b.uniform());
  });
});
