import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/outcomes/wilson.ts';

describe('Wilson score interval (Wilson 1927)', () => {
  it('8 of 10 at 95%, by hand from the formula', () => {
    // z = 1.959964, z² = 3.841459, z²/n = 0.3841459
    // centre = (0.8 + 0.19207) / 1.3841459 = 0.716743
    // half = z·sqrt(0.8·0.2/10 + z²/400) / 1.3841459 = 1.959964·0.1600114 / 1.3841459 = 0.226577
    const w = wilsonInterval(8, 10);
    expect(w.rate).toBe(0.8);
    expect(w.lower).toBeCloseTo(0.716743 - 0.226577, 5); // 0.4902
    expect(w.upper).toBeCloseTo(0.716743 + 0.226577, 5); // 0.9433
  });

  it('0 of n and n of n stay inside [0, 1]; 0 of n has upper z²/(n + z²)', () => {
    const z2 = 1.959963984540054 ** 2;
    const w0 = wilsonInterval(0, 20);
    expect(w0.lower).toBe(0);
    expect(w0.upper).toBeCloseTo(z2 / (20 + z2), 12);
    const w1 = wilsonInterval(20, 20);
    expect(w1.upper).toBe(1);
    expect(w1.lower).toBeCloseTo(20 / (20 + z2), 12);
  });

  it('is symmetric: k of n mirrors n − k of n', () => {
    const a = wilsonInterval(3, 17, 0.9);
    const b = wilsonInterval(14, 17, 0.9);
    expect(a.lower).toBeCloseTo(1 - b.upper, 12);
    expect(a.upper).toBeCloseTo(1 - b.lower, 12);
  });

  it('no observations: rate and bounds are NaN', () => {
    const w = wilsonInterval(0, 0);
    expect(Number.isNaN(w.rate)).toBe(true);
    expect(Number.isNaN(w.lower)).toBe(true);
  });
});
