import { describe, expect, it } from 'vitest';
import { fitWithEngine, prepareSummary, type LikelihoodProblem } from '../../src/models/fit.ts';
import { fitGGomNbd, ggomNbdLogLikelihood, ggomNbdModel, ggomNbdProblem } from '../../src/models/ggomnbd.ts';
import { fitParetoNbd, paretoNbdLogLikelihood } from '../../src/models/paretonbd.ts';
import { gammaln, integrate } from '../../src/models/special.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';
import { gammaSample, readCdnowSummary, seededUniform } from './simulate-helpers.ts';

const hasCdnow = sharedDataAvailable('cdnow_customers_summary.csv');
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
type P = { r: number; alpha: number; b: number; s: number; beta: number };

/** The likelihood by its definition (Bemmaor & Glady 2012, eq. 6), the death-time integral by composite Gauss-Legendre on a fine grid. */
function llByDefinition(p: P, x: number, tx: number, T: number): number {
  const { r, alpha, b, s, beta } = p;
  const c = r * Math.log(alpha) + s * Math.log(beta) + gammaln(r + x) - gammaln(r);
  const sc = (r + x) * Math.log(alpha + tx);
  const A = Math.exp(sc - (r + x) * Math.log(alpha + T) - s * Math.log(beta + Math.expm1(b * T)));
  const B = s * b * integrate((tau) => Math.exp(sc + b * tau - (r + x) * Math.log(alpha + tau) - (s + 1) * Math.log(beta + Math.expm1(b * tau))), tx, T, 2000, 20);
  return c - sc + Math.log(A + B);
}

/**
 * P(alive) and E[Y(t) | x, t_x, T] by direct numerical integration over the individual death rate
 * η ~ Gamma(s, β) (the purchase rate integrated in closed form, a Gamma moment): survival to u is
 * exp(-η(e^{bu} - 1)), the death density η b e^{bu} exp(-η(e^{bu} - 1)).
 */
function byIntegration(p: P, x: number, tx: number, T: number, t: number): { palive: number; expected: number } {
  const { r, alpha, b, s, beta } = p;
  const c0 = s * Math.log(beta) - gammaln(s);
  const lg = (eta: number) => c0 + (s - 1) * Math.log(eta) - beta * eta;
  const ck = [x, x + 1].map((k) => gammaln(r + k) - gammaln(r) + r * Math.log(alpha));
  const lam = (k: number, tt: number) => Math.exp(ck[k - x] - (r + k) * Math.log(alpha + tt)); // E[λ^k e^{-λ tt}]
  const overEta = (f: (eta: number) => number) => integrate((z) => Math.exp(z) * f(Math.exp(z)), -25, 8, 120, 20);
  const alive = overEta((eta) => Math.exp(lg(eta) - eta * Math.expm1(b * T)) * lam(x, T));
  const dead = overEta((eta) => Math.exp(lg(eta)) * integrate((tau) => eta * b * Math.exp(b * tau - eta * Math.expm1(b * tau)) * lam(x, tau), tx, T, 8, 20));
  const future = overEta((eta) => Math.exp(lg(eta) - eta * Math.expm1(b * T)) * lam(x + 1, T) * integrate((u) => Math.exp(-eta * (Math.expm1(b * u) - Math.expm1(b * T))), T, T + t, 8, 20));
  return { palive: alive / (alive + dead), expected: future / (alive + dead) };
}

describe.runIf(hasCdnow)('GGom/NBD on CDNOW (Bemmaor & Glady 2012, Table 2: r 0.553, α 10.578, b 0.0002, s 0.603, β 0.0026, LL -9594.98)', () => {
  const data = hasCdnow ? readCdnowSummary(sharedPath('cdnow_customers_summary.csv')) : { frequency: [], recency: [], T: [] };
  const m = hasCdnow ? fitGGomNbd(data) : (undefined as never);
  it('reaches the published log-likelihood, with r and α as published; b drifts to the Pareto/NBD limit, said in words', () => {
    expect(m.logLikelihood).toBeGreaterThanOrEqual(-9594.98 - 0.005);
    expect(Math.abs(m.logLikelihood - -9594.98)).toBeLessThan(0.01);
    expect(Math.abs(m.params.r - 0.553)).toBeLessThan(0.0005);
    expect(Math.abs(m.params.alpha - 10.578)).toBeLessThan(0.001);
    expect(m.warning).toMatch(/edge of the parameter space/);
    expect(Object.values(m.params).every(Number.isFinite)).toBe(true);
  });
  it('with b fixed at the printed 0.0002, the profile maximum has r, α, s and LL as printed; β/b as in the Pareto/NBD', () => {
    const prob = ggomNbdProblem(prepareSummary(data, 'ggomnbd'));
    const b = 0.0002;
    const G = new Float64Array(5);
    const full = (q: Float64Array) => Float64Array.of(q[0], q[1], b, q[2], q[3]);
    const profile: LikelihoodProblem = {
      names: ['r', 'alpha', 's', 'beta'],
      initial: [0.55, 10.5, 0.6, 0.0025],
      observations: prob.observations,
      logLikelihood: (q) => prob.logLikelihood(full(q)),
      gradient: (q, g) => {
        const v = prob.gradient!(full(q), G);
        g[0] = G[0];
        g[1] = G[1];
        g[2] = G[3];
        g[3] = G[4];
        return v;
      },
    };
    const f = fitWithEngine<Record<string, number>>('profile', profile);
    expect(Math.abs(f.params.r - 0.553)).toBeLessThan(0.0005);
    expect(Math.abs(f.params.alpha - 10.578)).toBeLessThan(0.001);
    expect(Math.abs(f.params.s - 0.603)).toBeLessThan(0.001);
    expect(Math.abs(f.logLikelihood - -9594.98)).toBeLessThan(0.01);
    // b is printed with one significant digit: any b in [0.00015, 0.00025) at our β/b covers the printed β = 0.0026
    const ratio = f.params.beta / b;
    expect(0.00015 * ratio).toBeLessThan(0.0026);
    expect(0.00025 * ratio).toBeGreaterThan(0.0026);
  });
  it('stops at the Pareto/NBD limit: the Pareto/NBD log-likelihood (1e-6), falling along β = b β_P as b grows', () => {
    const pn = fitParetoNbd(data);
    expect(Math.abs(m.logLikelihood - pn.logLikelihood)).toBeLessThan(1e-6);
    expect(m.params.b * 39).toBeLessThan(1e-7);
    expect(m.params.beta / m.params.b).toBeCloseTo(pn.params.beta, 6);
    expect(m.warning).toMatch(/Pareto\/NBD limit/);
    expect(m.standardErrors.r).toBe(pn.standardErrors.r);
    const prob = ggomNbdProblem(prepareSummary(data, 'ggomnbd'));
    // the likelihood along the ray, evaluated (not the slope the fit used): below the limit at bT = 1e-3 and 1e-1
    for (const bt of [1e-3, 1e-1]) {
      const b = bt / 39;
      expect(prob.logLikelihood(Float64Array.of(pn.params.r, pn.params.alpha, b, pn.params.s, b * pn.params.beta))).toBeLessThan(m.logLikelihood);
    }
  });
  it('as b -> 0 with β/b fixed, the likelihood is the Pareto/NBD one (the nested limit)', () => {
    const pn = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    const b = 1e-9;
    const gg = ggomNbdLogLikelihood({ r: pn.r, alpha: pn.alpha, b, s: pn.s, beta: pn.beta * b }, data);
    const pl = paretoNbdLogLikelihood(pn, data);
    for (let i = 0; i < 2357; i += 13) expect(gg[i]).toBeCloseTo(pl[i], 6);
    expect(Math.abs(sum(gg) - sum(pl))).toBeLessThan(1e-4);
  });
});

describe('GGom/NBD numerics at extreme customers', () => {
  const sets: P[] = [
    { r: 0.553, alpha: 10.578, b: 0.0002, s: 0.603, beta: 0.0026 },
    { r: 2, alpha: 3, b: 0.3, s: 2, beta: 0.5 },
    { r: 0.3, alpha: 50, b: 0.05, s: 0.2, beta: 5 },
    { r: 5, alpha: 0.5, b: 1, s: 0.5, beta: 0.01 },
  ];
  const rows: [number, number, number][] = [[0, 0, 39], [1, 0.1, 39], [2, 30, 39], [50, 38, 39], [300, 5, 39], [300, 38.9, 39], [10, 1, 200], [3, 0.01, 0.5]];
  it('the log-likelihood equals its definition integrated on a fine grid (1e-9)', () => {
    for (const p of sets) for (const [x, tx, T] of rows) expect(Math.abs(ggomNbdLogLikelihood(p, { frequency: [x], recency: [tx], T: [T] })[0] - llByDefinition(p, x, tx, T))).toBeLessThan(1e-9);
  });
  it('shared by rows through their (x, t) tails, the log-likelihood equals the definition (rows on a grid of x, t_x, T; 1e-9 per row)', () => {
    // rows sharing their (x, t_x) and (x, T) pairs: the likelihood integrates tails once per pair
    const f: number[] = [];
    const rec: number[] = [];
    const T: number[] = [];
    for (const x of [1, 2, 50, 300]) for (const tx of [0.01, 0.1, 5, 30, 38.9]) for (const t of [39, 39.5, 60, 200]) f.push(x), rec.push(tx), T.push(t);
    const prob = ggomNbdProblem(prepareSummary({ frequency: f, recency: rec, T }, 'ggomnbd'));
    for (const p of [...sets, { r: 0.05, alpha: 50, b: 1e-9, s: 0.05, beta: 1e-8 }]) {
      let def = 0;
      for (let i = 0; i < f.length; i++) def += llByDefinition(p, f[i], rec[i], T[i]);
      expect(Math.abs(prob.logLikelihood(Float64Array.of(p.r, p.alpha, p.b, p.s, p.beta)) - def)).toBeLessThan(1e-9 * f.length);
    }
  });
  it('the analytic gradient equals central differences of the likelihood', () => {
    const prob = ggomNbdProblem(prepareSummary({ frequency: [0, 3, 40, 7], recency: [0, 10, 38, 2], T: [39, 39, 39, 60] }, 'ggomnbd'));
    const p0 = Float64Array.of(0.8, 5, 0.05, 1.2, 2);
    const g = new Float64Array(5);
    prob.gradient!(p0, g);
    for (let j = 0; j < 5; j++) {
      const h = 1e-6 * p0[j];
      const a = Float64Array.from(p0);
      const c = Float64Array.from(p0);
      a[j] += h;
      c[j] -= h;
      expect(g[j]).toBeCloseTo((prob.logLikelihood(a) - prob.logLikelihood(c)) / (2 * h), 4);
    }
  });
  it('P(alive) and E[Y(t) | x, t_x, T] equal direct integration over the death rate', () => {
    const p = { r: 0.8, alpha: 5, b: 0.05, s: 1.2, beta: 2 };
    const m = ggomNbdModel(p);
    for (const [x, tx, T] of [[0, 0, 39], [200, 38.5, 39], [50, 3, 39], [4, 20, 40]] as const) {
      const ref = byIntegration(p, x, tx, T, 52);
      const row = { frequency: x, recency: tx, T };
      expect(m.probabilityAlive(row)).toBeCloseTo(ref.palive, 8);
      expect(m.conditionalExpectedTransactions(52, row) / ref.expected).toBeCloseTo(1, 7);
    }
  });
  it('P(X(t) = n) sums to 1 with mean E[X(t)]; DERT = ∫ δ e^{-δt} E[Y(t)] dt', () => {
    const m = ggomNbdModel({ r: 0.8, alpha: 5, b: 0.05, s: 1.2, beta: 2 });
    let s = 0;
    let mean = 0;
    for (let n = 0; n < 300; n++) {
      const q = m.probabilityOfTransactions(n, 52);
      s += q;
      mean += n * q;
    }
    expect(s).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(m.expectedTransactions(52), 7);
    const row = { frequency: 4, recency: 20, T: 40 };
    const delta = 0.01;
    const byParts = integrate((t) => delta * Math.exp(-delta * t) * m.conditionalExpectedTransactions(t, row), 0, 3000, 60, 20);
    expect(m.discountedExpectedResidualTransactions(row, delta) / byParts).toBeCloseTo(1, 6);
  });
});

describe('GGom/NBD away from the Pareto/NBD limit', () => {
  it('on simulated customers with Gompertz ageing (b = 0.08), the fit leaves the limit: LR gain over the Pareto/NBD > 20, bT > 1', () => {
    const u = seededUniform(7);
    const P = { r: 0.8, alpha: 5, b: 0.08, s: 1.5, beta: 3 };
    const frequency: number[] = [];
    const recency: number[] = [];
    const T: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const lam = gammaSample(u, P.r, P.alpha);
      const eta = gammaSample(u, P.s, P.beta);
      // lifetime: S(τ | η) = exp(-η (e^{bτ} - 1)) (Bemmaor & Glady 2012, eq. 2)
      const life = Math.log1p(-Math.log(u()) / eta) / P.b;
      const Ti = 52 + 52 * u();
      let t = 0;
      let x = 0;
      let last = 0;
      for (;;) {
        t += -Math.log(u()) / lam;
        if (t > Math.min(life, Ti)) break;
        x++;
        last = t;
      }
      frequency.push(x);
      recency.push(last);
      T.push(Ti);
    }
    const data = { frequency, recency, T };
    const m = fitGGomNbd(data, { acceptNonConverged: true });
    const pn = fitParetoNbd(data);
    expect(m.logLikelihood).toBeGreaterThan(pn.logLikelihood + 20);
    expect(m.warning ?? '').not.toMatch(/Pareto\/NBD limit/);
    // the optimiser starts at bT = 1e-2 over the data (T up to 104): it moved b two orders of magnitude up
    expect(m.params.b * 104).toBeGreaterThan(1);
  });
});
