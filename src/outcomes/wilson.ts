import { normalQuantile } from '../stdlib.ts';

/**
 * A proportion with its Wilson score interval.
 *
 * @example
 * const p: Proportion = wilsonInterval(8, 10); // { successes: 8, n: 10, rate: 0.8, lower: 0.490, upper: 0.943 }
 */
export interface Proportion {
  successes: number;
  n: number;
  /** successes / n (NaN, written as null in JSON, when n = 0). */
  rate: number;
  lower: number;
  upper: number;
}

/**
 * Wilson score interval of a binomial proportion (Wilson 1927, JASA 22(158), p. 209; the form of
 * Newcombe 1998, Statistics in Medicine 17, method 3):
 * (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n).
 * Stays inside [0, 1] and behaves at 0/n and n/n, unlike the Wald interval.
 *
 * @example
 * wilsonInterval(8, 10); // { rate: 0.8, lower: 0.4902, upper: 0.9433, ... }
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): Proportion {
  if (!(n > 0)) return { successes, n, rate: NaN, lower: NaN, upper: NaN };
  const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + z2n);
  // At 0/n the lower bound is exactly 0 and at n/n the upper bound exactly 1 (centre ∓ half cancel).
  const lower = successes === 0 ? 0 : Math.max(0, centre - half);
  const upper = successes === n ? 1 : Math.min(1, centre + half);
  return { successes, n, rate: p, lower, upper };
}
