import { describe, expect, it } from 'vitest';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { fitParetoNbdPrepared, frequencyTimePairs, paretoNbdLogLikelihood, paretoNbdModel, paretoNbdProblem } from '../../src/models/paretonbd.ts';
import { correlatedParetoNbdLikelihood, correlatedParetoNbdLogLikelihood, correlatedParetoNbdModel, correlatedParetoNbdProfile, fitCorrelatedParetoNbd, omegaBounds, rateCorrelation } from '../../src/models/paretonbd-correlated.ts';
import { boundBranches, certifyProfileMaximum, fitIndependentStart, isImprovable, kinkBeta } from '../../src/models/paretonbd-correlated-search.ts';
import { prepareSummary } from '../../src/models/fit.ts';
import { gammaln, integrate } from '../../src/models/special.ts';
import { summarize } from '../../src/summary/summarize.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';

const hasApparel = sharedDataAvailable('apparelTrans.csv');
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
const P = { r: 0.8, alpha: 3, s: 0.9, beta: 4 };

describe('correlated Pareto/NBD at zero correlation is the Pareto/NBD', () => {
  it('per-customer log-likelihood and every prediction equal the Pareto/NBD ones (1e-12)', () => {
    const data = { frequency: [0, 2, 40, 300, 5], recency: [0, 30.43, 38, 38.9, 2], T: [38.86, 38.86, 39, 39, 60] };
    const c = correlatedParetoNbdLogLikelihood({ ...P, omega: 0 }, data);
    const p = paretoNbdLogLikelihood(P, data);
    for (let i = 0; i < c.length; i++) expect(Math.abs(c[i] - p[i])).toBeLessThan(1e-12);
    const cm = correlatedParetoNbdModel({ ...P, omega: 0 });
    const pm = paretoNbdModel(P);
    expect(cm.correlation).toBe(0);
    expect(cm.expectedTransactions(39)).toBeCloseTo(pm.expectedTransactions(39), 12);
    expect(cm.probabilityOfTransactions(2, 39)).toBeCloseTo(pm.probabilityOfTransactions(2, 39), 12);
    for (let i = 0; i < 5; i++) {
      const row = { frequency: data.frequency[i], recency: data.recency[i], T: data.T[i] };
      expect(cm.probabilityAlive(row)).toBeCloseTo(pm.probabilityAlive(row), 12);
      expect(cm.conditionalExpectedTransactions(52, row)).toBeCloseTo(pm.conditionalExpectedTransactions(52, row), 12);
      expect(cm.conditionalProbabilityOfTransactions(1, 52, row)).toBeCloseTo(pm.conditionalProbabilityOfTransactions(1, 52, row), 12);
      expect(cm.discountedExpectedResidualTransactions(row, 0.002)).toBeCloseTo(pm.discountedExpectedResidualTransactions(row, 0.002), 10);
    }
  });
  it('refuses an omega outside the range where the Sarmanov density stays non-negative', () => {
    const { hi } = omegaBounds(P.r, P.alpha, P.s, P.beta);
    expect(() => correlatedParetoNbdModel({ ...P, omega: hi * 1.01 })).toThrow(/omega must lie in/);
  });
});

/**
 * The Sarmanov model by its definition: ∫∫ over λ, μ of the individual likelihood (Fader & Hardie 2005
 * note, eq. 3: λ^x e^{-(λ+μ)T} + μ/(λ+μ) λ^x (e^{-(λ+μ)t_x} − e^{-(λ+μ)T})) times
 * g(λ) h(μ) [1 + ω (e^{-λ} − L1)(e^{-μ} − L2)], by composite Gauss-Legendre on log λ, log μ over (e^-30, e^5).
 */
function byIntegration(p: typeof P & { omega: number }, x: number, tx: number, T: number, t: number) {
  const { r, alpha, s, beta, omega } = p;
  const L1 = Math.pow(alpha / (alpha + 1), r);
  const L2 = Math.pow(beta / (beta + 1), s);
  // three double integrals (likelihood, alive term, future purchases given alive)
  const dbl = (f: (lam: number, mu: number) => number) =>
    integrate((zl) => {
      const lam = Math.exp(zl);
      const lg = r * Math.log(alpha) + r * zl - alpha * lam - gammaln(r);
      return integrate((zm) => {
        const mu = Math.exp(zm);
        const w = Math.exp(lg + s * Math.log(beta) + s * zm - beta * mu - gammaln(s)) * (1 + omega * (Math.exp(-lam) - L1) * (Math.exp(-mu) - L2));
        return w * f(lam, mu);
      }, -30, 5, 60, 20);
    }, -30, 5, 60, 20);
  const aliveTerm = (lam: number, mu: number) => Math.exp(x * Math.log(lam) - (lam + mu) * T);
  const lik = dbl((lam, mu) => aliveTerm(lam, mu) + (mu / (lam + mu)) * Math.exp(x * Math.log(lam)) * (Math.exp(-(lam + mu) * tx) - Math.exp(-(lam + mu) * T)));
  const al = dbl(aliveTerm);
  const fut = dbl((lam, mu) => aliveTerm(lam, mu) * (lam / mu) * -Math.expm1(-mu * t));
  return { palive: al / lik, expected: fut / lik };
}

describe('correlated Pareto/NBD predictions against direct integration over (λ, μ) at extreme customers', () => {
  it('P(alive) and E[Y(t) | x, t_x, T] with a positive and a negative omega', () => {
    const b = omegaBounds(P.r, P.alpha, P.s, P.beta);
    for (const omega of [0.8 * b.hi, 0.8 * b.lo]) {
      const m = correlatedParetoNbdModel({ ...P, omega });
      expect(Math.abs(rateCorrelation({ ...P, omega }))).toBeGreaterThan(0.01);
      for (const [x, tx, T] of [[0, 0, 30], [12, 2, 30], [25, 29.5, 30]] as const) {
        const ref = byIntegration({ ...P, omega }, x, tx, T, 20);
        const row = { frequency: x, recency: tx, T };
        expect(m.probabilityAlive(row)).toBeCloseTo(ref.palive, 7);
        expect(m.conditionalExpectedTransactions(20, row) / ref.expected).toBeCloseTo(1, 6);
      }
    }
  });
});

describe.runIf(hasApparel)('correlated Pareto/NBD on the apparel data (weekly, calibration end 2006-12-31)', () => {
  it('reaches at least the independent Pareto/NBD log-likelihood -5,848.0978 (CLVTools), with the LR test of zero correlation', async () => {
    const table = await readTransactions(sharedPath('apparelTrans.csv'));
    const s = summarize(table, { freq: 'week', calibrationEnd: '2006-12-31' });
    const m = fitCorrelatedParetoNbd(s);
    expect(m.zeroCorrelationTest!.independentLogLikelihood).toBeCloseTo(-5848.0978, 3);
    expect(m.logLikelihood).toBeGreaterThanOrEqual(-5848.0978);
    expect(m.logLikelihood).toBeCloseTo(sum(correlatedParetoNbdLogLikelihood(m.params, s)), 6);
    expect(m.zeroCorrelationTest!.df).toBe(1);
    expect(m.zeroCorrelationTest!.p).toBeGreaterThan(0);
    expect(m.zeroCorrelationTest!.p).toBeLessThanOrEqual(1);
    expect(Number.isFinite(m.correlation)).toBe(true);
    expect(Object.values(m.params).every(Number.isFinite)).toBe(true);
  });
});

describe('correlated Pareto/NBD where the independent fit runs to the edge (β ≫ α)', () => {
  it('fits in seconds (the 2F1 series is not summed where the rows are integrated directly) and its LL is the per-row sum and at least the independent one (invariant)', async () => {
    const { simulateSummary } = await import('./simulate-helpers.ts');
    // BG/NBD data: the Pareto/NBD fit drives s and β towards infinity with β/α ~ 4e6, where the series needs millions of terms
    const sim = simulateSummary('bgnbd', { r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, { customers: 600, seed: 11, days: 546, acquisitionDays: 273 });
    const m = fitCorrelatedParetoNbd(sim, { acceptNonConverged: true });
    expect(m.params.beta / m.params.alpha).toBeGreaterThan(1e5);
    expect(m.logLikelihood).toBeGreaterThanOrEqual(m.zeroCorrelationTest!.independentLogLikelihood);
    expect(m.logLikelihood).toBeCloseTo(sum(correlatedParetoNbdLogLikelihood(m.params, sim)), 6);
  }, 60_000);
});

describe('correlated Pareto/NBD likelihood per (frequency, time) pair', () => {
  it('equals the per-row sum of correlatedParetoNbdLogLikelihood (1e-9 relative), series and quadrature rows, and its gradient equals central differences of its value (1e-5 relative)', async () => {
    const { simulateSummary } = await import('./simulate-helpers.ts');
    const sim = simulateSummary('paretonbd', { r: 0.6, alpha: 8, s: 0.7, beta: 12 }, { customers: 400, seed: 7, days: 546, acquisitionDays: 273 });
    // plus rows with a huge frequency, recency = T, T = 0 and recency close to T; x = 400 at t_x = 1 and 38
    // spans more than 600 in log F across its pairs (ρ then by expm1, not as a ratio of scaled exponentials)
    const data = {
      frequency: [...Array.from(sim.frequency), 300, 4, 0, 2, 400, 400],
      recency: [...Array.from(sim.recency), 38.9, 20, 0, 30 - 1e-9, 1, 38],
      T: [...Array.from(sim.T), 39, 20, 0, 30, 39, 39],
    };
    const prep = prepareSummary(data, 'paretonbdcor');
    const lik = correlatedParetoNbdLikelihood(prep);
    // β ≫ α: at 4000 the 2F1 series argument passes 0.98 for every row (integrated directly); at 3000
    // for t_x < 61, and rows with t_x near 61 mix series and quadrature across the four shifts
    for (const th of [[0.6, 8, 0.7, 12], [0.8, 3, 0.3, 400], [0.5, 200, 2, 3], [0.5, 0.2, 0.3, 4000], [0.5, 0.2, 0.3, 3000]]) {
      const b = omegaBounds(th[0], th[1], th[2], th[3]);
      for (const omega of [0, 0.7 * b.hi, 0.7 * b.lo]) {
        const g = new Float64Array(5);
        const ll = lik.gradient(th, omega, g);
        const rows = sum(correlatedParetoNbdLogLikelihood({ r: th[0], alpha: th[1], s: th[2], beta: th[3], omega }, data));
        expect(Math.abs(ll - rows)).toBeLessThan(1e-9 * Math.abs(rows));
        expect(lik.value(th, omega)).toBe(ll);
        // a likelihood asked for the value first and the gradient after at the same point (pair gradients added later)
        const later = correlatedParetoNbdLikelihood(prep);
        const g2 = new Float64Array(5);
        expect(later.value(th, omega)).toBe(ll);
        expect(later.gradient(th, omega, g2)).toBe(ll);
        expect(Array.from(g2)).toEqual(Array.from(g));
        const v = [...th, omega];
        for (let k = 0; k < 5; k++) {
          const h = k === 4 ? 1e-5 * (b.hi - b.lo) : 1e-6 * v[k];
          const up = v.slice();
          const dn = v.slice();
          up[k] += h;
          dn[k] -= h;
          const fd = (lik.value(up, up[4]) - lik.value(dn, dn[4])) / (2 * h);
          expect(Math.abs(g[k] - fd)).toBeLessThan(1e-5 * (Math.abs(fd) + 1));
        }
      }
    }
  });
});

describe('the Sarmanov bound as two smooth branches (boundBranches, kinkBeta)', () => {
  // one-sided difference quotients of omegaBounds, the bound as the model defines it
  const bound = (th: number[], edge: 'hi' | 'lo') => omegaBounds(th[0], th[1], th[2], th[3])[edge];
  const oneSided = (th: number[], edge: 'hi' | 'lo', k: number, dir: 1 | -1) => {
    const h = 1e-7 * th[k];
    const q = th.slice();
    q[k] += dir * h;
    return (dir * (bound(q, edge) - bound(th, edge))) / h;
  };
  it('off the kink: the bound is its active branch, whose gradient equals central differences of omegaBounds (1e-6 relative)', () => {
    for (const th of [[0.8, 3, 0.9, 4], [0.55, 10.6, 0.6, 11.7], [1.4, 48, 0.55, 45]]) {
      for (const edge of ['hi', 'lo'] as const) {
        const b = boundBranches(th, edge);
        const i = b.gap > 0 ? 0 : 1;
        expect(b.value[i]).toBeCloseTo(bound(th, edge), 10);
        expect(edge === 'hi' ? b.value[1 - i] : -b.value[1 - i]).toBeGreaterThan(edge === 'hi' ? b.value[i] : -b.value[i]);
        for (let k = 0; k < 4; k++) {
          const cd = 0.5 * (oneSided(th, edge, k, 1) + oneSided(th, edge, k, -1));
          expect(Math.abs(b.grad[i][k] - cd)).toBeLessThan(1e-6 * (Math.abs(cd) + 1));
        }
      }
    }
  });
  it('on the kink (β from kinkBeta): both branches equal the bound; moving a parameter up or down follows the branch with the smaller (hi) or larger (lo) slope', () => {
    for (const [edge, p] of [['hi', [0.55, 10.6, 0.6]], ['hi', [1.4, 48, 0.55]], ['lo', [0.8, 3, 0.9]]] as const) {
      const { beta, db } = kinkBeta(p, edge);
      const th = [...p, beta];
      const b = boundBranches(th, edge);
      expect(Math.abs(b.gap)).toBeLessThan(1e-12);
      expect(b.value[0]).toBeCloseTo(bound(th, edge), 9);
      expect(b.value[1]).toBeCloseTo(bound(th, edge), 9);
      const pick = (dir: 1 | -1, k: number) => {
        const [a, c] = [dir * b.grad[0][k], dir * b.grad[1][k]];
        return dir * (edge === 'hi' ? Math.min(a, c) : Math.max(a, c));
      };
      for (let k = 0; k < 4; k++) {
        for (const dir of [1, -1] as const) expect(Math.abs(oneSided(th, edge, k, dir) - pick(dir, k))).toBeLessThan(1e-5 * (Math.abs(pick(dir, k)) + 1));
      }
      // kinkBeta's dβ/d(r, α, s): central differences of the solved β
      for (let k = 0; k < 3; k++) {
        const h = 1e-6 * p[k];
        const up = [...p];
        const dn = [...p];
        up[k] += h;
        dn[k] -= h;
        const cd = (kinkBeta(up, edge).beta - kinkBeta(dn, edge).beta) / (2 * h);
        expect(Math.abs(db[k] - cd)).toBeLessThan(1e-6 * (Math.abs(cd) + 1));
      }
    }
  });
});

describe('first-order certificate of a profile maximum (certifyProfileMaximum)', () => {
  const kinkPoint = (edge: 'hi' | 'lo', p: number[]) => [...p, kinkBeta(p, edge).beta];
  /** g5 with ∂LL/∂ω = dw and ∇LL = −dw (t ∇b_0 + (1 − t) ∇b_1) + extra: the KKT condition with multipliers t, 1 − t when extra = 0. */
  const kkt = (th: number[], edge: 'hi' | 'lo', dw: number, t: number, extra = [0, 0, 0, 0]) => {
    const b = boundBranches(th, edge);
    const g5 = new Float64Array(5);
    for (let k = 0; k < 4; k++) g5[k] = -dw * (t * b.grad[0][k] + (1 - t) * b.grad[1][k]) + extra[k];
    g5[4] = dw;
    return { th, ll: -1000, omega: b.value[0], bound: edge, g5 };
  };
  it('hand case on the kink: certified exactly when the multipliers t, 1 − t are both >= 0; otherwise a move off the kink gains', () => {
    for (const [edge, dw] of [['hi', 2], ['lo', -3]] as const) {
      const th = kinkPoint(edge, edge === 'hi' ? [0.55, 10.6, 0.6] : [0.8, 3, 0.9]);
      for (const t of [0, 0.3, 0.5, 1]) {
        const c = certifyProfileMaximum(kkt(th, edge, dw, t), 1e-9);
        expect(c).toMatchObject({ certified: true, at: 'kink', leavesKink: false });
      }
      for (const t of [-0.2, 1.2]) expect(certifyProfileMaximum(kkt(th, edge, dw, t), 1e-9)).toMatchObject({ certified: false, at: 'kink', leavesKink: true });
      // ∂LL/∂r = 1e-3 more: moving r with β following the kink gains θ_r 1e-3 per unit log r, and stays on the kink
      const c = certifyProfileMaximum(kkt(th, edge, dw, 0.5, [1e-3, 0, 0, 0]), 1e-9);
      expect(c).toMatchObject({ certified: false, leavesKink: false });
      expect(c.slope).toBeCloseTo(th[0] * 1e-3, 12);
      // ω pulling away from its bound is not a maximum on it
      expect(certifyProfileMaximum(kkt(th, edge, -dw, 0.5), 1e-9).certified).toBe(false);
    }
  });
  it('hand case inside the ω range and on one branch: certified when the smooth gradient is zero, not when it is above tol (1 + |LL|) per unit log-parameter', () => {
    const th = [0.8, 3, 0.9, 4];
    const zero = { th, ll: -1000, omega: 0.1, bound: undefined, g5: new Float64Array(5) };
    expect(certifyProfileMaximum(zero, 1e-9)).toMatchObject({ certified: true, at: 'interior' });
    const g5 = new Float64Array(5);
    g5[1] = (2e-9 * 1001) / th[1]; // twice the tolerance per unit log α
    expect(certifyProfileMaximum({ ...zero, g5 }, 1e-9).certified).toBe(false);
    expect(certifyProfileMaximum({ ...zero, g5 }, 1e-8).certified).toBe(true);
    // on the branch the bound follows: ∇LL = −∂LL/∂ω ∇b_active is stationary; the other branch's is not
    const b = boundBranches(th, 'hi');
    const active = b.gap > 0 ? 0 : 1;
    for (const [i, ok] of [[active, true], [1 - active, false]] as const) {
      const g = new Float64Array(5);
      for (let k = 0; k < 4; k++) g[k] = -1.5 * b.grad[i][k];
      g[4] = 1.5;
      expect(certifyProfileMaximum({ ...zero, bound: 'hi', g5: g }, 1e-9)).toMatchObject({ certified: ok, at: 'branch' });
    }
  });
});

describe.runIf(sharedDataAvailable('cdnow_customers_summary.csv'))('correlated Pareto/NBD on CDNOW: the optimum on the kink of the Sarmanov bound', () => {
  it('the fit is certified on the kink, at least as good as before the certificate (-9591.663361884), and points moved along the kink are not certified though the 1e-4 perturbation check passes them', async () => {
    const { readCdnowSummary } = await import('./simulate-helpers.ts');
    const data = readCdnowSummary(sharedPath('cdnow_customers_summary.csv'));
    const m = fitCorrelatedParetoNbd(data);
    expect(m.converged).toBe(true);
    expect(m.logLikelihood).toBeGreaterThanOrEqual(-9591.663361885);
    const th = [m.params.r, m.params.alpha, m.params.s, m.params.beta];
    const profile = correlatedParetoNbdProfile(prepareSummary(data, 'paretonbdcor'), th);
    const at = (t: number[]) => {
      const ll = profile.gradient!(Float64Array.from(t), new Float64Array(4));
      const o = profile.last();
      return { th: t, ll, omega: o.omega, bound: o.bound, g5: Float64Array.from(o.g5!) };
    };
    const fitted = at(th);
    expect(fitted.ll).toBe(m.logLikelihood);
    expect(certifyProfileMaximum(fitted, 1e-9)).toMatchObject({ certified: true, at: 'kink', leavesKink: false });
    for (const k of [0, 1, 2]) {
      // 0.3% along the kink in r, α or s (β re-solved on it): lower likelihood, a kink gradient above the tolerance
      const q = th.slice(0, 3);
      q[k] *= 1.003;
      const moved = at([...q, kinkBeta(q, 'hi').beta]);
      expect(moved.ll).toBeLessThan(fitted.ll - 1e-4);
      expect(certifyProfileMaximum(moved, 1e-9)).toMatchObject({ certified: false, at: 'kink' });
      // the ridge the perturbation check cannot see (why the certificate replaced it)
      expect(isImprovable(profile, moved.th, moved.ll)).toBe(false);
    }
    // just off the kink, on a branch: not a stationary point of that branch
    const off = at([th[0], th[1], th[2], th[3] * (1 + 1e-6)]);
    expect(certifyProfileMaximum(off, 1e-9)).toMatchObject({ certified: false, at: 'branch' });
  });
});

describe('the independent Pareto/NBD start on large data (fitIndependentStart)', () => {
  it('on 84,469 distinct rows (the reweighted-subsample route, BFGS on all rows from its optimum and Hessian) it reaches the optimum of fitParetoNbdPrepared (its oracle): LL within 1e-12 relative, parameters within 1e-6', async () => {
    const { simulateSummary } = await import('./simulate-helpers.ts');
    const sim = simulateSummary('paretonbd', { r: 0.6, alpha: 8, s: 0.7, beta: 12 }, { customers: 200_000, seed: 3, days: 546, acquisitionDays: 273 });
    const prep = prepareSummary(sim, 'paretonbdcor');
    expect(prep.rows).toBeGreaterThan(60_000);
    const pairs = frequencyTimePairs(prep);
    const oracle = fitParetoNbdPrepared(prep, {}, pairs, { standardErrors: false });
    const { ind, curvature } = fitIndependentStart(prep, pairs, {});
    expect(ind.converged).toBe(true);
    expect(Math.abs(ind.logLikelihood - oracle.logLikelihood)).toBeLessThan(1e-12 * Math.abs(oracle.logLikelihood));
    // its LL is the Pareto/NBD likelihood at its parameters, to the bit
    expect(ind.logLikelihood).toBe(paretoNbdProblem(prep, 30000, pairs).logLikelihood(Float64Array.of(ind.params.r, ind.params.alpha, ind.params.s, ind.params.beta)));
    for (const k of ['r', 'alpha', 's', 'beta'] as const) expect(Math.abs(ind.params[k] / oracle.params[k] - 1)).toBeLessThan(1e-6);
    // the start matrix of the profile search: a negative definite Hessian
    expect(curvature).toHaveLength(4);
    expect(curvature!.every((row, i) => row[i] < 0)).toBe(true);
  }, 30_000);
});
