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
export declare function wilsonInterval(successes: number, n: number, level?: number): Proportion;
//# sourceMappingURL=wilson.d.ts.map