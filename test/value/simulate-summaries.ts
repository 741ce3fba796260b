import { createRng } from '../../src/random.ts';

/** True parameters of a simulated BG/NBD + Gamma-Gamma customer base (weeks). */
export interface TrueParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
  p: number;
  q: number;
  v: number;
}

/**
 * Test helper: BG/NBD summaries simulated directly from the model's story (Fader, Hardie & Lee 2005a §3):
 * lambda ~ Gamma(r, alpha), dropout probability ~ Beta(a, b) after each repeat purchase, exponential
 * inter-purchase times; T uniform on [minT, maxT] weeks; Gamma-Gamma spend (FHL 2005b): nu ~ Gamma(q, v),
 * each repeat purchase ~ Gamma(p, nu), monetaryValue = mean of the repeat purchases (0 when none).
 *
 * @example
 * const s = simulateSummaries({ r: 0.25, alpha: 4, a: 0.8, b: 2.5, p: 6, q: 4, v: 15 }, 1000, 1);
 */
export function simulateSummaries(tp: TrueParams, n: number, seed: number, minT = 26, maxT = 78) {
  const rng = createRng(seed);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const monetaryValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lambda = rng.gamma(tp.r, tp.alpha);
    const drop = rng.beta(tp.a, tp.b);
    const nu = rng.gamma(tp.q, tp.v);
    T[i] = minT + (maxT - minT) * rng.uniform();
    let t = 0;
    let x = 0;
    let spend = 0;
    for (;;) {
      t += rng.exponential(lambda);
      if (t > T[i]) break;
      x++;
      recency[i] = t;
      spend += rng.gamma(tp.p, nu);
      if (rng.uniform() < drop) break;
    }
    frequency[i] = x;
    monetaryValue[i] = x > 0 ? spend / x : 0;
  }
  return { frequency, recency, T, monetaryValue };
}
