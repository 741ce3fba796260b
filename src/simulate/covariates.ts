/**
 * Seeded customer summaries from the Pareto/NBD with covariates, for parameter-recovery tests and
 * benchmarks: static covariates (Fader & Hardie 2007: α_i = α e^{−γ_p'z_i}, β_i = β e^{−γ_d'z_i}) and
 * time-varying ones (Bachmann, Meierer & Näf 2021: while alive, purchases arrive at rate
 * λ e^{γ_p'z(t)} and dropout has hazard μ e^{γ_d'z(t)}, with z(t) constant within each period).
 */
import { createRng, type Rng } from '../random.ts';
import type { DynamicCovariateData } from '../models/covariates/panel.ts';

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
 * makes their first purchase at `start[i]` (in periods, default 0) and is observed until `periods`.
 * `z` holds `customers × periods × k` covariates; `gammaPurchase` and `gammaDropout` (length k, 0
 * for a covariate that does not enter that process) are the true effects.
 *
 * @example
 * const o: DynamicSimulation = { customers: 1, periods: 2, k: 1, z: Float64Array.of(0, 1), r: 1, alpha: 10, s: 0.5, beta: 20, gammaPurchase: [0.3], gammaDropout: [0.2], seed: 1 };
 */
export interface DynamicSimulation {
  customers: number;
  periods: number;
  start?: Float64Array;
  k: number;
  z: Float64Array;
  r: number;
  alpha: number;
  s: number;
  beta: number;
  gammaPurchase: number[];
  gammaDropout: number[];
  seed: number;
}

/**
 * The simulated customers with their covariate pieces (one per period from the first purchase) and
 * the sums of the covariates at their repeat purchases: the input of `fitParetoNbdDynamic`.
 *
 * @example
 * const data = simulateParetoNbdDynamic(options);
 * fitParetoNbdDynamic(data).coefficients;
 */
export function simulateParetoNbdDynamic(o: DynamicSimulation): DynamicCovariateData {
  const rng: Rng = createRng(o.seed);
  const n = o.customers;
  const P = o.periods;
  const k = o.k;
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const offsets = new Int32Array(n + 1);
  const futureOffsets = new Int32Array(n + 1);
  const len: number[] = [];
  const zs: number[] = [];
  const futureLength: number[] = [];
  const futureZ: number[] = [];
  const purchaseSums = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const start = o.start ? o.start[i] : 0;
    const lambda = rng.gamma(o.r, o.alpha);
    const mu = rng.gamma(o.s, o.beta);
    let x = 0;
    let last = start;
    let alive = true;
    offsets[i] = len.length;
    for (let p = Math.floor(start); p < P; p++) {
      const a = Math.max(p, start);
      const b = p + 1;
      const zo = (i * P + p) * k;
      len.push(b - a);
      for (let j = 0; j < k; j++) zs.push(o.z[zo + j]);
      if (!alive) continue;
      let ep = 0;
      let ed = 0;
      for (let j = 0; j < k; j++) {
        ep += o.z[zo + j] * o.gammaPurchase[j];
        ed += o.z[zo + j] * o.gammaDropout[j];
      }
      const death = a + rng.exponential(mu * Math.exp(ed));
      const end = Math.min(b, death);
      if (death < b) alive = false;
      let t = a;
      for (;;) {
        t += rng.exponential(lambda * Math.exp(ep));
        if (!(t < end)) break;
        x++;
        last = t;
        for (let j = 0; j < k; j++) purchaseSums[i * k + j] += o.z[zo + j];
      }
    }
    frequency[i] = x;
    recency[i] = last - start;
    T[i] = P - start;
    // after the window: the last period's covariates held
    futureOffsets[i] = futureLength.length;
    futureLength.push(Infinity);
    for (let j = 0; j < k; j++) futureZ.push(o.z[(i * P + P - 1) * k + j]);
  }
  offsets[n] = len.length;
  futureOffsets[n] = futureLength.length;
  const names = Array.from({ length: k }, (_, j) => `z${j + 1}`);
  return {
    names,
    reference: {},
    source: Object.fromEntries(names.map((nm) => [nm, nm])),
    customerIds: Array.from({ length: n }, (_, i) => String(i + 1)),
    frequency,
    recency,
    T,
    offsets,
    length: Float64Array.from(len),
    z: Float64Array.from(zs),
    purchaseSums,
    futureOffsets,
    futureLength: Float64Array.from(futureLength),
    futureZ: Float64Array.from(futureZ),
    heldCustomers: n,
    panelEnd: P,
  };
}
