import { describe, expect, it } from 'vitest';
import { bgExpectedActive, bgExpectedActiveQuadrature, bgFamilyLimit, bgNbdModel, fitBgNbd, type TransactionModel } from '../../src/models/bgnbd.ts';
import { fitMbgNbd, mbgNbdModel } from '../../src/models/mbgnbd.ts';
import { paretoNbdLimit, paretoNbdModel } from '../../src/models/paretonbd.ts';
import { betaExpectation, betaln, integrate, integrateUnit } from '../../src/models/special.ts';
import { simulateSummary } from './simulate-helpers.ts';
import { bgBbModel } from '../../src/models/bgbb.ts';

/**
 * Predictions at the edges of the parameter space (issue 16): every prediction finite and continuous as
 * each parameter goes to 0 or to very large values, checked against independent evaluations: the
 * defining integral by another quadrature, the nested model's closed form at the limit, or invariants.
 */

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
const SCALES = [1e-12, 1e-8, 1e-4, 1e-2, 1, 1e2, 1e4, 1e8, 1e12];
const ROWS = [
  { frequency: 0, recency: 0, T: 98.29 },
  { frequency: 2, recency: 30.43, T: 38.86 },
  { frequency: 200, recency: 500, T: 520 },
  { frequency: 3, recency: 1, T: 1000 },
];

/** The issue's BG/NBD fit on a 300-customer French export: r, alpha and the dropout mean q = a/(a+b). */
const issue = { r: 0.5285, alpha: 7.2304, q: 0.2333 };
/** E[X(t)] with one dropout probability q for all (BG/NBD as a, b -> ∞ at a/(a+b) = q): E_λ[(1 - e^{-λqt})/q]. */
const commonQ = (r: number, alpha: number, q: number, t: number) => (1 - (alpha / (alpha + q * t)) ** r) / q;

/** Every prediction of a transaction model at a few horizons and rows (the values the CLI prints). */
function allPredictions(m: TransactionModel): number[] {
  const v = [m.expectedTransactions(52), m.probabilityOfTransactions(0, 52), m.probabilityOfTransactions(3, 52)];
  for (const row of ROWS) {
    v.push(m.conditionalExpectedTransactions(52, row), m.probabilityAlive(row), m.conditionalProbabilityOfTransactions(0, 52, row), m.conditionalProbabilityOfTransactions(2, 52, row));
  }
  return v;
}
const isProbability = (i: number) => i === 1 || i === 2 || (i >= 3 && (i - 3) % 4 !== 0);

describe('BG/NBD at a, b -> infinity: the common-dropout limit (the issue reproduction)', () => {
  const model = (s: number) => bgNbdModel({ r: issue.r, alpha: issue.alpha, a: issue.q * s, b: (1 - issue.q) * s });
  it('E[X(52)] tends to (1 - (alpha/(alpha + q t))^r)/q = 1.74, not 0, from s = 1,000 to 1e12', () => {
    const limit = commonQ(issue.r, issue.alpha, issue.q, 52);
    expect(limit).toBeCloseTo(1.74, 2);
    let previous = Infinity;
    for (const s of [1e3, 1.5e3, 8e3, 1e5, 1e8, 1e12]) {
      const err = rel(model(s).expectedTransactions(52), limit);
      expect(err).toBeLessThan(previous); // converges monotonically (the error is O(1/s))
      expect(err).toBeLessThan(2 / s);
      previous = err;
    }
  });
  it('the conditional expectation of a one-time buyer tends to the common-q form with (r, alpha + T): 0.2396 at s = 1,500 and at 8,000', () => {
    const row = ROWS[0];
    const limit = commonQ(issue.r, issue.alpha + row.T, issue.q, 52);
    for (const s of [1.5e3, 8e3, 1e12]) expect(rel(model(s).conditionalExpectedTransactions(52, row), limit)).toBeLessThan(2 / s);
    expect(model(1500).conditionalExpectedTransactions(52, row)).toBeCloseTo(0.2396, 4);
    expect(model(8000).conditionalExpectedTransactions(52, row)).toBeCloseTo(0.2396, 4);
  });
  it('the distance to the limit is the delta-method term phi\'\'(q) Var(p) / 2 to second order', () => {
    // phi(p) = (1 - (alpha/(alpha + p t))^r)/p; Var(p) = ab/((a+b)^2(a+b+1)); remaining error O(1/s^2)
    const phi = (p: number) => commonQ(issue.r, issue.alpha, p, 52);
    const h = 1e-4;
    const d2 = (phi(issue.q + h) - 2 * phi(issue.q) + phi(issue.q - h)) / (h * h);
    for (const s of [1e3, 1e4]) {
      const varP = (issue.q * (1 - issue.q)) / (s + 1);
      const predicted = phi(issue.q) + (d2 * varP) / 2;
      expect(Math.abs(model(s).expectedTransactions(52) - predicted)).toBeLessThan(20 / (s * s));
    }
  });
  it('P(alive) and the pmf tend to their fixed-q forms: 1/(1 + q/(1-q) ((alpha+T)/(alpha+t_x))^(r+x)) and (1-q)^n NBD(n) + q(1-q)^(n-1) P(NBD >= n)', () => {
    const { r, alpha, q } = issue;
    const m = model(1e12);
    for (const row of ROWS.slice(1)) {
      const odds = (q / (1 - q)) * ((alpha + row.T) / (alpha + row.recency)) ** (row.frequency > 50 ? 0 : r + row.frequency);
      if (row.frequency > 50) continue; // covered by the finite/continuity grid below
      expect(rel(m.probabilityAlive(row), 1 / (1 + odds))).toBeLessThan(1e-9);
    }
    // P(X(t) = 1): NBD(1) = r (alpha/(alpha+t))^r (t/(alpha+t)), P(NBD >= 1) = 1 - (alpha/(alpha+t))^r
    const t = 52;
    const p0 = (alpha / (alpha + t)) ** r;
    const nbd1 = r * p0 * (t / (alpha + t));
    expect(rel(m.probabilityOfTransactions(1, t), (1 - q) * nbd1 + q * (1 - p0))).toBeLessThan(1e-9);
  });
});

describe('BG/NBD-family expected transactions against the defining integral', () => {
  it('E[X(t)] equals tanh-sinh quadrature over p ~ Beta(a, b) on a grid of moderate parameters (both code paths)', () => {
    let worst = 0;
    for (const r of [0.05, 0.5, 5, 40]) for (const alpha of [0.01, 4.4, 1e3]) for (const a of [0.6, 2.5, 30, 45]) for (const b of [0.6, 2.4, 300]) for (const t of [0.5, 39, 1000]) {
      const q = bgExpectedActiveQuadrature(r, alpha, a, b, t);
      worst = Math.max(worst, rel(bgExpectedActive(r, alpha, a, b, t), q));
    }
    expect(worst).toBeLessThan(1e-8);
  });
  it('a -> 0 tends to the NBD mean r t / alpha, with an error of order a', () => {
    for (const b of [0.3, 0.77, 2.4, 50]) {
      for (const a of [1e-4, 1e-8, 1e-12]) expect(rel(bgExpectedActive(0.5285, 7.2304, a, b, 52), (0.5285 * 52) / 7.2304)).toBeLessThan(50 * a);
    }
  });
  it('r, alpha -> infinity at r/alpha = lambda tends to E_p[(1 - e^{-lambda p t})/p], integrated over Beta(a, b)', () => {
    const [a, b, lambda, t] = [0.2333, 0.7667, 0.0731, 52];
    const lb = betaln(a, b);
    const poisson = integrateUnit((p, q) => Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log(q) - lb) * (-Math.expm1(-lambda * p * t) / p));
    for (const s of [1e4, 1e8, 1e12]) {
      expect(rel(bgExpectedActive(lambda * s, s, a, b, t), poisson)).toBeLessThan(Math.max(100 / s, 1e-9));
    }
  });
  it('betaExpectation reproduces Beta moments E[p] = a/(a+b) and E[p^2] from a, b = 1e-9 to 1e12', () => {
    for (const a of [1e-9, 0.3, 1, 40, 1e6, 1e12]) {
      for (const b of [1e-9, 0.7, 3, 1e5, 1e12]) {
        expect(rel(betaExpectation((p) => p, a, b), a / (a + b))).toBeLessThan(1e-10);
        expect(rel(betaExpectation((p) => p * p, a, b), (a * (a + 1)) / ((a + b) * (a + b + 1)))).toBeLessThan(1e-10);
      }
    }
  });
});

describe('every BG/NBD, MBG/NBD and Pareto/NBD prediction is finite and continuous at the edges', () => {
  const families: [string, Record<string, number>, (p: never) => TransactionModel, string[][]][] = [
    ['bgnbd', { r: 0.5285, alpha: 7.2304, a: 0.2333, b: 0.7667 }, bgNbdModel as never, [['r'], ['alpha'], ['r', 'alpha'], ['a'], ['b'], ['a', 'b']]],
    ['mbgnbd', { r: 0.5285, alpha: 7.2304, a: 0.2333, b: 0.7667 }, mbgNbdModel as never, [['r'], ['alpha'], ['r', 'alpha'], ['a'], ['b'], ['a', 'b']]],
    ['paretonbd', { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, paretoNbdModel as never, [['r'], ['alpha'], ['r', 'alpha'], ['s'], ['beta'], ['s', 'beta']]],
  ];
  for (const [name, base, make, groups] of families) {
    it(`${name}: finite, probabilities in [0, 1], and converging (1e8 vs 1e12 and 1e-8 vs 1e-12 agree) for each parameter from 1e-12 to 1e12 times its value`, () => {
      for (const keys of groups) {
        const values = SCALES.map((s) => {
          const p = { ...base };
          for (const k of keys) p[k] *= s;
          return allPredictions(make(p as never));
        });
        values.forEach((v, si) =>
          v.forEach((x, i) => {
            const where = `${name} ${keys.join(',')} x${SCALES[si]} #${i}`;
            expect(Number.isFinite(x), where).toBe(true);
            expect(x, where).toBeGreaterThanOrEqual(0);
            if (isProbability(i)) expect(x, where).toBeLessThanOrEqual(1 + 1e-12);
          }),
        );
        // settled at each end: over the three scales 1e4 apart (1e-4, 1e-8, 1e-12 and 1e4, 1e8, 1e12) each
        // prediction is constant, vanishes, or follows one power of the scale (e.g. E[X(t)] ∝ r^(1-a) as r -> ∞)
        for (const [i1, i2, i3] of [[2, 1, 0], [SCALES.length - 3, SCALES.length - 2, SCALES.length - 1]]) {
          for (let i = 0; i < values[0].length; i++) {
            const [v1, v2, v3] = [values[i1][i], values[i2][i], values[i3][i]];
            const where = `${name} ${keys.join(',')} #${i} at ${SCALES[i1]}, ${SCALES[i2]}, ${SCALES[i3]}: ${v1}, ${v2}, ${v3}`;
            if (v2 < 1e-30 && v3 <= v2) continue; // decays to 0
            const s1 = Math.log(v2 / v1);
            const s2 = Math.log(v3 / v2);
            // a limit approached at least as fast as scale^(1/4) (the step shrinks tenfold or more every 4
            // decades), or a power law of the scale (the log-slope settles)
            const toConstant = Math.abs(v3 - v2) <= 0.1 * Math.abs(v2 - v1) + 1e-12 * Math.abs(v3);
            const powerLaw = Math.abs(s2 - s1) <= 0.05 * Math.abs(s1) + 1e-6;
            expect(toConstant || powerLaw, where).toBe(true);
          }
        }
      }
    });
  }
  it('BG/NBD and MBG/NBD pmfs sum to 1 with mean E[X(t)] at a, b = 1e12 q, 1e12 (1-q) and at a = 1e-12', () => {
    for (const make of [bgNbdModel, mbgNbdModel]) {
      for (const [a, b] of [[0.2333e12, 0.7667e12], [1e-12, 0.7667]]) {
        const m = make({ r: 0.5285, alpha: 7.2304, a, b });
        let total = 0;
        let mean = 0;
        for (let n = 0; n < 400; n++) {
          const p = m.probabilityOfTransactions(n, 20);
          total += p;
          mean += n * p;
        }
        expect(Math.abs(total - 1)).toBeLessThan(1e-9);
        expect(rel(mean, m.expectedTransactions(20))).toBeLessThan(1e-8);
      }
    }
  });
});

describe('Pareto/NBD at its dropout limits', () => {
  const { r, alpha } = { r: 0.553, alpha: 10.578 };
  it('s, beta -> infinity at s/beta = mu: E[X(t)] -> (r/alpha)(1 - e^{-mu t})/mu, P(alive) -> the exponential-lifetime posterior by quadrature', () => {
    const mu = 0.05;
    const m = paretoNbdModel({ r, alpha, s: mu * 1e12, beta: 1e12 });
    expect(rel(m.expectedTransactions(52), ((r / alpha) * -Math.expm1(-mu * 52)) / mu)).toBeLessThan(1e-6);
    for (const row of ROWS.slice(0, 2).concat([ROWS[3]])) {
      const { frequency: x, recency: tx, T } = row;
      // alive: e^{-mu T} (alpha+T)^{-(r+x)}; dead: ∫_{t_x}^T mu e^{-mu tau} (alpha+tau)^{-(r+x)} dtau (scaled by (alpha+t_x)^{r+x})
      const A = Math.exp(-mu * T - (r + x) * Math.log((alpha + T) / (alpha + tx)));
      const D = T > tx ? integrate((tau) => mu * Math.exp(-mu * tau - (r + x) * Math.log((alpha + tau) / (alpha + tx))), tx, T, 200, 20) : 0;
      const pa = A / (A + D);
      expect(rel(m.probabilityAlive(row), pa)).toBeLessThan(1e-6);
      expect(rel(m.conditionalExpectedTransactions(52, row), (pa * ((r + x) / (alpha + T)) * -Math.expm1(-mu * 52)) / mu)).toBeLessThan(1e-6);
    }
  });
  it('s -> 0: nobody drops out; 1 - P(alive) shrinks in proportion to s (quadrature of the definition) and E[Y(t)] -> (r+x) t/(alpha+T) (the NBD)', () => {
    for (const row of ROWS) {
      const { frequency: x, recency: tx, T } = row;
      const beta = 11.669;
      for (const s of [1e-6, 1e-12]) {
        const m = paretoNbdModel({ r, alpha, s, beta });
        // 1 - P(alive) = D/(A + D): A = (alpha+T)^{-(r+x)} (beta+T)^{-s}, D = s ∫_{t_x}^T (alpha+tau)^{-(r+x)} (beta+tau)^{-(s+1)} dtau
        const A = Math.exp(-(r + x) * Math.log((alpha + T) / (alpha + tx)) - s * Math.log(beta + T));
        const D = T > tx ? s * integrate((tau) => Math.exp(-(r + x) * Math.log((alpha + tau) / (alpha + tx)) - (s + 1) * Math.log(beta + tau)), tx, T, 400, 20) : 0;
        const dead = D / (A + D);
        // 1 - P(alive) carries the rounding of P(alive) near 1 (1e-16 absolute)
        expect(Math.abs(1 - m.probabilityAlive(row) - dead), `${x} ${tx} ${T} ${s} ${dead}`).toBeLessThan(1e-6 * dead + 1e-15);
        expect(dead).toBeLessThan(s * 1e8);
        expect(rel(m.conditionalExpectedTransactions(52, row), ((r + x) * 52) / (alpha + T))).toBeLessThan(1e-5 * (s / 1e-6) + 1e-10 + dead);
      }
    }
  });
  it('the limit is named: common dropout rate (s, beta at the edge), the NBD (s -> 0 or beta -> infinity), none inside', () => {
    expect(paretoNbdLimit({ r, alpha, s: 3e6, beta: 6e7 })?.name).toBe('common-dropout');
    expect(paretoNbdLimit({ r, alpha, s: 1e-7, beta: 11 })?.name).toBe('nbd');
    expect(paretoNbdLimit({ r, alpha, s: 0.6, beta: 11 })).toBeUndefined();
  });
});

describe('a fit whose parameters run to a bound is reported as its limit, and predicts with it', () => {
  it('customers simulated with one dropout probability q = 0.25: the BG/NBD fit says "common-dropout", q near 0.25, predictions equal the fixed-q closed forms', () => {
    const data = simulateSummary('bgnbd', { r: 0.5, alpha: 7, a: 2.5e7, b: 7.5e7 }, { customers: 3000, seed: 1, minT: 50, maxT: 100 });
    const m = fitBgNbd(data);
    expect(m.limit?.name).toBe('common-dropout');
    const q = m.limit!.params.q;
    expect(Math.abs(q - 0.25)).toBeLessThan(0.05);
    expect(m.warnings?.[0]).toMatch(/same probability q = a\/\(a\+b\)/);
    expect(rel(m.expectedTransactions(52), commonQ(m.params.r, m.params.alpha, q, 52))).toBeLessThan(1e-12);
    const row = ROWS[1];
    const pa = 1 / (1 + (q / (1 - q)) * ((m.params.alpha + row.T) / (m.params.alpha + row.recency)) ** (m.params.r + row.frequency));
    expect(rel(m.probabilityAlive(row), pa)).toBeLessThan(1e-12);
    expect(rel(m.conditionalExpectedTransactions(52, row), pa * commonQ(m.params.r + 2, m.params.alpha + row.T, q, 52))).toBeLessThan(1e-12);
  });
  it('customers simulated without dropout: the fit says "nbd" and every P(alive) is 1, E[Y(t)] = (r+x) t/(alpha+T)', () => {
    const data = simulateSummary('bgnbd', { r: 0.5, alpha: 7, a: 1e-9, b: 2 }, { customers: 3000, seed: 1, minT: 50, maxT: 100 });
    for (const fit of [fitBgNbd, fitMbgNbd]) {
      const m = fit(data);
      expect(m.limit?.name).toBe('nbd');
      expect(m.warnings?.[0]).toMatch(/no customer drops out/);
      for (const row of ROWS) {
        expect(m.probabilityAlive(row)).toBe(1);
        expect(rel(m.conditionalExpectedTransactions(52, row), ((m.params.r + row.frequency) * 52) / (m.params.alpha + row.T))).toBeLessThan(1e-12);
      }
    }
  });
  it('inside the parameter space no limit is reported', () => {
    expect(bgFamilyLimit('bgnbd', { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 })).toBeUndefined();
    expect(bgFamilyLimit('bgnbd', { r: 0.243, alpha: 4.414, a: 1e-7, b: 2.426 })?.limit.name).toBe('nbd');
    // b -> 0 at fixed a: the dropout probability piles at 1 (every customer drops after the first repeat purchase)
    const q1 = bgFamilyLimit('bgnbd', { r: 0.5, alpha: 7, a: 5.75e4, b: 3e-9 })!;
    expect(q1.limit.name).toBe('common-dropout');
    expect(q1.limit.params.q).toBeCloseTo(1, 12);
    const m = bgNbdModel({ r: 0.5, alpha: 7, a: 5.75e4, b: 3e-9 });
    // E[X(t)] -> 1 - (alpha/(alpha+t))^r: at most one repeat purchase, made with the NBD's probability of at least one
    expect(rel(m.expectedTransactions(52), 1 - (7 / 59) ** 0.5)).toBeLessThan(1e-6);
  });
});

describe('BG/BB at large gamma (dropout probability near 1)', () => {
  it('the conditional expectation stays finite and equals the mean of the conditional pmf (it was NaN: 0 x Infinity) at gamma x 1e4 and 1e8', () => {
    for (const s of [1e4, 1e8]) {
      const m = bgBbModel({ alpha: 1.204, beta: 0.75, gamma: 0.657 * s, delta: 2.783 });
      const row = { frequency: 1500, recency: 2000, periods: 2000 };
      const e = m.conditionalExpectedTransactions(5, row);
      let mean = 0;
      let total = 0;
      for (let k = 0; k <= 5; k++) {
        const p = m.conditionalProbabilityOfTransactions(k, 5, row);
        mean += k * p;
        total += p;
      }
      expect(Number.isFinite(e)).toBe(true);
      expect(Math.abs(total - 1)).toBeLessThan(1e-9);
      expect(rel(e, mean)).toBeLessThan(1e-8);
    }
  });
});
