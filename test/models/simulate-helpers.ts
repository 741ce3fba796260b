import { readFileSync } from 'node:fs';

/**
 * Seeded simulators of customer summaries (frequency, recency, T) under the BG/NBD, MBG/NBD and
 * Pareto/NBD generative assumptions, for parameter-recovery tests and the benchmark.
 */

/** A seeded uniform generator on (0, 1) (splitmix32 + mulberry-style mixing). */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000), with the shape < 1 boost. */
export function gammaSample(u: () => number, shape: number, rate: number): number {
  if (shape < 1) return gammaSample(u, shape + 1, rate) * Math.pow(u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (w < 1 - 0.0331 * x * x * x * x || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

export function betaSample(u: () => number, a: number, b: number): number {
  const x = gammaSample(u, a, 1);
  const y = gammaSample(u, b, 1);
  return x / (x + y);
}

export interface SimulatedSummary {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
}

export type SimModel = 'bgnbd' | 'mbgnbd' | 'paretonbd';

export interface SimulateOptions {
  customers: number;
  seed: number;
  /** T per customer: uniform on [minT, maxT] (continuous) unless `days` is given. */
  minT?: number;
  maxT?: number;
  /**
   * Day-rounded mode (time unit weeks): observation window of `days` days, first purchases uniform
   * over the first `acquisitionDays` days; purchases are collapsed to one per day, recency and T are
   * whole days divided by 7.
   */
  days?: number;
  acquisitionDays?: number;
}

/**
 * Simulates a summary under a model with known parameters: BG/NBD (FHL 2005a assumptions i-v),
 * MBG/NBD (also a dropout coin at time 0) or Pareto/NBD (exponential lifetime, Gamma(s, beta) rates).
 * params: bgnbd/mbgnbd {r, alpha, a, b}; paretonbd {r, alpha, s, beta}.
 *
 * @example
 * const sim = simulateSummary('bgnbd', { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 1000, seed: 1 });
 */
export function simulateSummary(model: SimModel, params: Record<string, number>, opts: SimulateOptions): SimulatedSummary {
  const u = seededUniform(opts.seed);
  const n = opts.customers;
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const dayMode = opts.days !== undefined;
  for (let i = 0; i < n; i++) {
    let Ti: number;
    if (dayMode) {
      const first = Math.floor(u() * (opts.acquisitionDays ?? opts.days!));
      Ti = opts.days! - first; // in days
    } else {
      const lo = opts.minT ?? 20;
      const hi = opts.maxT ?? 80;
      Ti = lo + (hi - lo) * u();
    }
    const horizon = dayMode ? Ti / 7 : Ti; // weeks
    const lambda = gammaSample(u, params.r, params.alpha);
    let death = Infinity; // Pareto/NBD lifetime
    let p = 0;
    if (model === 'paretonbd') {
      const mu = gammaSample(u, params.s, params.beta);
      death = -Math.log(u()) / mu;
    } else p = betaSample(u, params.a, params.b);
    let x = 0;
    let tx = 0;
    let lastDay = 0;
    let alive = !(model === 'mbgnbd' && u() < p);
    let t = 0;
    while (alive) {
      t += -Math.log(u()) / lambda;
      if (t > horizon || t > death) break;
      if (dayMode) {
        const day = Math.floor(t * 7);
        if (day >= Ti) break;
        if (day > lastDay) {
          x++;
          lastDay = day;
        }
      } else {
        x++;
        tx = t;
      }
      if (model !== 'paretonbd' && u() < p) alive = false;
    }
    frequency[i] = x;
    recency[i] = dayMode ? lastDay / 7 : tx;
    T[i] = dayMode ? Ti / 7 : Ti;
  }
  return { frequency, recency, T };
}

/** Reads ../shared/data/cdnow_customers_summary.csv (ID,frequency,recency,T; weeks) with a tiny CSV split. */
export function readCdnowSummary(path: string): SimulatedSummary {
  const text = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const header = text[0].split(',');
  const fi = header.indexOf('frequency');
  const ri = header.indexOf('recency');
  const ti = header.indexOf('T');
  const n = text.length - 1;
  const out = { frequency: new Float64Array(n), recency: new Float64Array(n), T: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const c = text[i + 1].split(',');
    out.frequency[i] = +c[fi];
    out.recency[i] = +c[ri];
    out.T[i] = +c[ti];
  }
  return out;
}

/**
 * Simulates BG/NBD repeat purchases of a cohort with staggered first purchases and counts, for
 * each grid time k·step (k = 0..horizon/step), every customer's repeat purchases made by then.
 * Returns per grid time the total and the sum of squares of the per-customer counts.
 *
 * @example
 * const { total, sumSquares } = simulateCohortCounts({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, [0, 1, 2], 10, 1, 7);
 */
export function simulateCohortCounts(
  params: { r: number; alpha: number; a: number; b: number },
  firstPurchaseTimes: ArrayLike<number>,
  horizon: number,
  step: number,
  seed: number,
): { total: Float64Array; sumSquares: Float64Array } {
  const u = seededUniform(seed);
  const K = Math.floor(horizon / step + 1e-9) + 1;
  const total = new Float64Array(K);
  const sumSquares = new Float64Array(K);
  const counts = new Float64Array(K);
  for (let i = 0; i < firstPurchaseTimes.length; i++) {
    const t0 = firstPurchaseTimes[i];
    const lambda = gammaSample(u, params.r, params.alpha);
    const p = betaSample(u, params.a, params.b);
    counts.fill(0);
    let t = t0;
    for (;;) {
      t += -Math.log(u()) / lambda;
      if (t > horizon) break;
      // a purchase at t counts at every grid time >= t
      for (let k = Math.ceil(t / step - 1e-12); k < K; k++) counts[k]++;
      if (u() < p) break;
    }
    for (let k = 0; k < K; k++) {
      total[k] += counts[k];
      sumSquares[k] += counts[k] * counts[k];
    }
  }
  return { total, sumSquares };
}
