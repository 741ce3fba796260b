import { describe, expect, it } from 'vitest';
import { writeShortest } from '../../src/io/shortest-number.ts';
import { createRng } from '../../src/random.ts';

// Oracle: the engine's own Number::toString (String(v)), the shortest round-trip form DESIGN.md §3 requires.
const buf = new Uint8Array(64);
const decoder = new TextDecoder();
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** writeShortest's text, or undefined when it leaves v to String(v). */
function shortest(v: number, decimal = 46): string | undefined {
  const end = writeShortest(buf, 0, v, decimal);
  return end < 0 ? undefined : decoder.decode(buf.subarray(0, end));
}

/** Count the values whose text differs from String(v) (and those left to String(v), which must be out of range). */
function compare(values: Iterable<number>): { checked: number; wrong: string[]; leftOut: number; leftOutInRange: number } {
  let checked = 0;
  let leftOut = 0;
  let leftOutInRange = 0;
  const wrong: string[] = [];
  for (const v of values) {
    checked++;
    const s = shortest(v);
    if (s === undefined) {
      leftOut++;
      const a = Math.abs(v);
      if (a > 1e-6 && a < 1e17) leftOutInRange++;
    } else if (s !== String(v) && wrong.length < 10) wrong.push(`${String(v)} written as ${s}`);
  }
  return { checked, wrong, leftOut, leftOutInRange };
}

function* randomBits(n: number, seed: number): Generator<number> {
  const rng = createRng(seed);
  for (let i = 0; i < n; i++) {
    u32[0] = Math.floor(rng.uniform() * 2 ** 32);
    u32[1] = Math.floor(rng.uniform() * 2 ** 32);
    yield f64[0];
  }
}

/** Random significands with binary exponents spanning 1e-7 … 1e18 (the range the arithmetic covers, and its edges). */
function* randomInRange(n: number, seed: number): Generator<number> {
  const rng = createRng(seed);
  for (let i = 0; i < n; i++) {
    u32[0] = Math.floor(rng.uniform() * 2 ** 32);
    u32[1] = (Math.floor(rng.uniform() * 2 ** 20) | ((1000 + Math.floor(rng.uniform() * 84)) << 20)) >>> 0;
    yield f64[0];
    yield -f64[0];
  }
}

/** Decimals of 14 to 18 random digits read as doubles, and their two neighbours (boundaries of the rounding intervals). */
function* decimalsAndNeighbours(n: number, seed: number): Generator<number> {
  const rng = createRng(seed);
  const b = new BigInt64Array(f64.buffer);
  for (let i = 0; i < n; i++) {
    for (const k of [14, 15, 16, 17, 18]) {
      let s = String(1 + Math.floor(rng.uniform() * 9));
      for (let j = 1; j < k; j++) s += Math.floor(rng.uniform() * 10);
      const v = Number(`${s}e${Math.floor(rng.uniform() * 24) - 7 - k}`);
      f64[0] = v;
      yield v;
      b[0] += 1n;
      yield f64[0];
      b[0] -= 2n;
      yield f64[0];
    }
  }
}

function* computed(n: number, seed: number): Generator<number> {
  const rng = createRng(seed);
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    yield u; // [0, 1)
    yield Math.round(u * 1e8) / 100; // amounts
    yield Math.floor(u * 730) / 7; // weeks from days
    yield 1 / (1 + u * 1000);
    yield u * 10 ** Math.floor(rng.uniform() * 25 - 8);
    yield Math.floor(u * 2 ** 53) / 2 ** Math.floor(rng.uniform() * 12); // dyadic: exact ties in decimal
  }
}

function* edges(): Generator<number> {
  for (let k = -8; k <= 22; k++) {
    const p = Number(`1e${k}`);
    yield* [p, -p, p * (1 + 2 ** -52), p * (1 - 2 ** -53), p * 9.999999999999999, p * 1.0000000000000002];
  }
  for (let k = -40; k <= 60; k++) yield* [2 ** k, 2 ** k * (1 + 2 ** -52), 2 ** k * (1 - 2 ** -53), 3 * 2 ** k];
  yield* [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 123456.7891, 2 ** 53, 2 ** 53 + 2, 2 ** 53 - 1, 9007199254740993, 99999999999999990, 1e17 - 16];
  yield* [0, -0, 5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, 1e21, 1e-7, 9.999999999999999e-7, 0.000001, 1.0000000000000002e-6];
}

describe('shortest round-trip number bytes, against String(v)', () => {
  it('random bit patterns (any exponent; the ones outside (1e-6, 1e17) are left to String(v))', () => {
    const r = compare(randomBits(300_000, 1));
    expect(r.wrong).toEqual([]);
    expect(r.leftOutInRange).toBe(0);
  });

  it('random significands over exponents 1e-7 … 1e18: none left to String(v) inside the range', () => {
    const r = compare(randomInRange(300_000, 2));
    expect(r.wrong).toEqual([]);
    expect(r.leftOutInRange).toBe(0);
    expect(r.leftOut).toBeGreaterThan(0); // the edges outside were met too
  });

  it('decimals of 14–18 digits and their neighbouring doubles (rounding-interval boundaries)', () => {
    const r = compare(decimalsAndNeighbours(60_000, 3));
    expect(r.wrong).toEqual([]);
    expect(r.leftOutInRange).toBe(0);
  });

  it('computed values (probabilities, amounts, weeks, dyadic ties) and the edges (powers of ten and two, 2^53, 1e17, subnormals)', () => {
    const r = compare(computed(100_000, 4));
    expect(r.wrong).toEqual([]);
    const e = compare(edges());
    expect(e.wrong).toEqual([]);
    expect(e.leftOutInRange).toBe(0);
  });

  it('writes the given decimal mark in place of the point', () => {
    expect(shortest(0.30000000000000004, 44)).toBe('0,30000000000000004');
    expect(shortest(-12.05, 44)).toBe('-12,05');
    expect(shortest(0.0000012, 44)).toBe('0,0000012');
    expect(shortest(0.000001)).toBeUndefined(); // the double nearest 1e-6 is below 10^-6: String(v) writes it
    expect(shortest(1e-7)).toBeUndefined();
    expect(shortest(1e17)).toBeUndefined();
  });
});
