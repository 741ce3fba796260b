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
  /**
   * out[i] = integer(n) for i = 0, 1, …, in order: the same numbers as that many calls, drawn in one loop with
   * the generator's state in locals (a bootstrap draws hundreds of millions of indices); n at most 2^31 − 1.
   */
  fillIntegers(n: number, out: Int32Array): void;
}

export function createRng(seed: number): Rng {
  // splitmix32 expands one seed into the four state words.
  let sm = seed >>> 0;
  const next32 = () => {
    sm = (sm + 0x9e3779b9) >>> 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = next32();
  let s1 = next32();
  let s2 = next32();
  let s3 = next32();
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  const nextU32 = () => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  // 53-bit uniform from two 32-bit outputs.
  const uniform = () => ((nextU32() >>> 5) * 67108864 + (nextU32() >>> 6)) / 9007199254740992;
  let spare = NaN;
  const normal = () => {
    if (!Number.isNaN(spare)) {
      const v = spare;
      spare = NaN;
      return v;
    }
    // Marsaglia polar method.
    let u: number, v: number, s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * m;
    return u * m;
  };
  const gamma = (shape: number, rate: number): number => {
    // Marsaglia & Tsang (2000), ACM TOMS 26(3); shape < 1 boosted by U^(1/shape).
    if (shape < 1) return gamma(shape + 1, rate) * Math.pow(uniform() || Number.MIN_VALUE, 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number, v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
    }
  };
  return {
    uniform,
    normal,
    exponential: (rate) => -Math.log(1 - uniform()) / rate,
    gamma,
    beta: (a, b) => {
      const x = gamma(a, 1);
      return x / (x + gamma(b, 1));
    },
    integer: (n) => Math.floor(uniform() * n),
    fillIntegers(n, out) {
      let a0 = s0;
      let a1 = s1;
      let a2 = s2;
      let a3 = s3;
      for (let i = 0; i < out.length; i++) {
        // two xoshiro128** steps (as nextU32), written out (a loop of two steps made regularity 1.7× slower),
        // their outputs combined as uniform() combines them
        const hi = Math.imul(rotl(Math.imul(a1, 5) >>> 0, 7), 9) >>> 0;
        let t = (a1 << 9) >>> 0;
        a2 ^= a0;
        a3 ^= a1;
        a1 ^= a2;
        a0 ^= a3;
        a2 ^= t;
        a3 = rotl(a3, 11);
        const lo = Math.imul(rotl(Math.imul(a1, 5) >>> 0, 7), 9) >>> 0;
        t = (a1 << 9) >>> 0;
        a2 ^= a0;
        a3 ^= a1;
        a1 ^= a2;
        a0 ^= a3;
        a2 ^= t;
        a3 = rotl(a3, 11);
        out[i] = Math.floor((((hi >>> 5) * 67108864 + (lo >>> 6)) / 9007199254740992) * n);
      }
      s0 = a0;
      s1 = a1;
      s2 = a2;
      s3 = a3;
    },
  };
}
