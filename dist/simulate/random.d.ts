/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna 2018) seeded through splitmix32,
 * with the gamma, beta and exponential draws the simulators need.
 *
 * @example
 * const rng = createRng(42);
 * rng.uniform();       // in [0, 1)
 * rng.gamma(2, 0.5);   // shape 2, rate 0.5
 */
export interface Rng {
    uniform(): number;
    normal(): number;
    exponential(rate: number): number;
    gamma(shape: number, rate: number): number;
    beta(a: number, b: number): number;
    integer(n: number): number;
}
export declare function createRng(seed: number): Rng;
//# sourceMappingURL=random.d.ts.map