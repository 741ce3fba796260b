/**
 * Seeded customer summaries from the Pareto/NBD with covariates, for parameter-recovery tests and
 * benchmarks: static covariates (Fader & Hardie 2007: α_i = α e^{−γ_p'z_i}, β_i = β e^{−γ_d'z_i}) and
 * time-varying ones (Bachmann, Meierer & Näf 2021: while alive, purchases arrive at rate
 * λ e^{γ_p'z(t)} and dropout has hazard μ e^{γ_d'z(t)}, with z(t) constant within each period).
 */
import { createRng, type Rng } from '../random.ts';

/**
 * Options of the static simulator; `z` holds `customers × k` covariates (row-major).
 *
 * @example
 * const o: StaticSimulation = { customers: 2, k: 1, z: Float64Array.of(0, 1), T: 52, r: 0.8, alpha: 8, s: 0.6, beta: 10, gammaPurchase: [0.5], gammaDropout: [-0.4], seed: 1 };
 */
export interface StaticSimulation {
  customers: number;
  k: number;
  z: Float64Array;
  /** Observation length of every customer, or one per customer. */
  T: number | Float64Array;
  r: number;
  alpha: number;
  s: number;
  beta: number;
  gammaPurchase: number[];
  gammaDropout: number[];
  seed: number;
}

/**
 * A simulated summary: frequency, recency and T per customer.
 *
 * @example
 * const s: SimulatedSummary = simulateParetoNbdStatic(options);
 */
export interface SimulatedSummary {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
}

function dot(z: Float64Array, i: number, k: number, g: number[]): number {
  let s = 0;
  for (let j = 0; j < k; j++) s += z[i * k + j] * g[j];
  return s;
}

/**
 * Pareto/NBD customers with static covariates.
 *
 * @example
 * simulateParetoNbdStatic({ customers: 1000, k: 1, z, T: 104, r: 1, alpha: 10, s: 0.5, beta: 20, gammaPurchase: [0.4], gammaDropout: [0.3], seed: 7 });
 */
export function simulateParetoNbdStatic(o: StaticSimulation): SimulatedSummary {
  const rng = createRng(o.seed);
  const n = o.customers;
  const out: SimulatedSummary = { frequency: new Float64Array(n), recency: new Float64Array(n), T: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const T = typeof o.T === 'number' ? o.T : o.T[i];
    const lambda = rng.gamma(o.r, o.alpha * Math.exp(-dot(o.z, i, o.k, o.gammaPurchase)));
    const mu = rng.gamma(o.s, o.beta * Math.exp(-dot(o.z, i, o.k, o.gammaDropout)));
    const end = Math.min(T, rng.exponential(mu));
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += rng.exponential(lambda);
      if (!(t < end)) break;
      x++;
      last = t;
    }
    out.frequency[i] = x;
    out.recency[i] = last;
    out.T[i] = T;
  }
  return out;
}

/**
 * Options of the time-varying simulator: `periods` periods of length 1 from time 0; customer i
 * arrives at `start[i]` (in periods, default 0) and is observed until `periods`. `zPurchase` and
 * `zDropout` hold `customers × periods × k` values.
 *
 * @example
 * const o: DynamicSimulation = { customers: 1, periods: 2, kPurchase: 1, kDropout: 1, zPurchase: Float64Array.of(0, 1), zDropout: Float64Array.of(0, 0), r: 1, alpha: 10, s: 0.5, beta: 20, gammaPurchase: [0.3], gammaDropout: [0.2], seed: 1 };
 */
export interface DynamicSimulation {
  customers: number;
  periods: number;
  start?: Float64Array;
  kPurchase: number;
  kDropout: number;
  zPurchase: Float64Array;
  zDropout: Float64Array;
  r: number;
  alpha: number;
  s: number;
  beta: number;
  gammaPurchase: number[];
  gammaDropout: number[];
  seed: number;
}

/**
 * Pareto/NBD customers with covariates constant within each period: purchases by a Poisson process of
 * rate λ m_p(k) and dropout by hazard μ m_d(k) in period k (exact, period by period).
 *
 * @example
 * simulateParetoNbdDynamic(options).frequency;
 */
export function simulateParetoNbdDynamic(o: DynamicSimulation): SimulatedSummary {
  const rng: Rng = createRng(o.seed);
  const n = o.customers;
  const P = o.periods;
  const out: SimulatedSummary = { frequency: new Float64Array(n), recency: new Float64Array(n), T: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const start = o.start ? o.start[i] : 0;
    const lambda = rng.gamma(o.r, o.alpha);
    const mu = rng.gamma(o.s, o.beta);
    let x = 0;
    let last = start;
    let alive = true;
    for (let k = Math.floor(start); k < P && alive; k++) {
      const a = Math.max(k, start);
      const b = k + 1;
      const mp = Math.exp(dotPanel(o.zPurchase, i, k, P, o.kPurchase, o.gammaPurchase));
      const md = Math.exp(dotPanel(o.zDropout, i, k, P, o.kDropout, o.gammaDropout));
      const death = a + rng.exponential(mu * md);
      const end = Math.min(b, death);
      if (death < b) alive = false;
      let t = a;
      for (;;) {
        t += rng.exponential(lambda * mp);
        if (!(t < end)) break;
        x++;
        last = t;
      }
    }
    out.frequency[i] = x;
    out.recency[i] = last - start;
    out.T[i] = P - start;
  }
  return out;
}

function dotPanel(z: Float64Array, i: number, k: number, P: number, kk: number, g: number[]): number {
  let s = 0;
  const o = (i * P + k) * kk;
  for (let j = 0; j < kk; j++) s += z[o + j] * g[j];
  return s;
}
