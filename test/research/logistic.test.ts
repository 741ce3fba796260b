import { describe, expect, it } from 'vitest';
import { logit } from '../../src/research/logistic.ts';
import { createRng } from '../../src/random.ts';

// Montgomery & Runger, Applied Statistics and Probability for Engineers, 3rd ed. (Wiley 2003),
// CD supplement to ch. 11, section on logistic regression: launch temperature and O-ring failure
// (at least one O-ring failure) for the 24 shuttle launches before Challenger, with Minitab output:
// Constant 10.875 (SE 5.703), Temperature −0.17132 (SE 0.08344), log-likelihood −11.515,
// G = 5.944 on 1 df (P = 0.015), odds ratio 0.84 with 95% CI 0.72 to 0.99.
const MR_TEMP = [53, 56, 57, 63, 66, 67, 67, 67, 68, 69, 70, 70, 70, 70, 72, 73, 75, 75, 76, 76, 78, 79, 80, 81];
const MR_FAIL = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];

// The 23 launches of Dalal, Fowlkes & Hoadley (1989), JASA 84, with "failure" = any damaged
// O-ring; R's glm (binomial) prints (Intercept) 15.0429 (SE 7.3786), temp −0.2322 (SE 0.1082),
// null deviance 28.267 on 22 df, residual deviance 20.315 on 21 df
// (e.g. the BYU-Idaho Statistics Notebook, challengerLogisticReg, with alr4's Challeng data).
const DFH_TEMP = [53, 57, 58, 63, 66, 67, 67, 67, 68, 69, 70, 70, 70, 70, 72, 73, 75, 75, 76, 76, 78, 79, 81];
const DFH_DAMAGED = [5, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0];

describe('logit: published worked examples', () => {
  it('Montgomery & Runger O-ring example (Minitab output)', () => {
    const fit = logit(Float64Array.from(MR_FAIL), [Float64Array.from(MR_TEMP)], ['temperature']);
    const [b0, b1] = fit.coefficients;
    expect(b0.estimate).toBeCloseTo(10.875, 3);
    expect(b0.se).toBeCloseTo(5.703, 3);
    expect(b1.estimate).toBeCloseTo(-0.17132, 5);
    expect(b1.se).toBeCloseTo(0.08344, 5);
    expect(fit.log_likelihood).toBeCloseTo(-11.515, 3);
    expect(fit.lr_chi2).toBeCloseTo(5.944, 3);
    expect(fit.lr_p).toBeCloseTo(0.015, 3);
    expect(b1.odds_ratio).toBeCloseTo(0.84, 2);
    expect(b1.or_ci[0]).toBeCloseTo(0.72, 2);
    expect(b1.or_ci[1]).toBeCloseTo(0.99, 2);
    expect(b1.z).toBeCloseTo(-2.05, 2);
    expect(b1.p).toBeCloseTo(0.04, 2);
    // With a single slope the per-term LR test is the model LR test.
    expect(b1.lr_chi2).toBeCloseTo(fit.lr_chi2, 8);
  });
  it('Challenger 23 launches (R glm output)', () => {
    const fit = logit(Float64Array.from(DFH_DAMAGED, (d) => (d > 0 ? 1 : 0)), [Float64Array.from(DFH_TEMP)], ['temp']);
    expect(fit.coefficients[0].estimate).toBeCloseTo(15.0429, 4);
    expect(fit.coefficients[0].se).toBeCloseTo(7.3786, 4);
    expect(fit.coefficients[1].estimate).toBeCloseTo(-0.2322, 4);
    expect(fit.coefficients[1].se).toBeCloseTo(0.1082, 4);
    expect(fit.null_deviance).toBeCloseTo(28.267, 3);
    expect(fit.deviance).toBeCloseTo(20.315, 3);
  });
});

describe('logit: invariants', () => {
  // Deterministic pseudo-data with two predictors.
  const n = 200;
  const x1 = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.3) * 2);
  const x2 = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.7) + (i % 3));
  const y = Float64Array.from({ length: n }, (_, i) => ((Math.sin(i * 12.9898) * 43758.5453) % 1 + 1) % 1 < 1 / (1 + Math.exp(-(0.3 + 0.8 * x1[i] - 0.5 * x2[i]))) ? 1 : 0);
  const fit = logit(y, [x1, x2], ['x1', 'x2']);
  it('score equations X\'(y − p) = 0 at the optimum', () => {
    const cols = [new Float64Array(n).fill(1), x1, x2];
    for (const c of cols) {
      let s = 0;
      for (let i = 0; i < n; i++) s += c[i] * (y[i] - fit.fitted[i]);
      expect(Math.abs(s)).toBeLessThan(1e-8);
    }
  });
  it('agrees with an independent Newton-Raphson iteration on the 3×3 normal equations', () => {
    let b = [0, 0, 0];
    const rows = Array.from({ length: n }, (_, i) => [1, x1[i], x2[i]]);
    for (let it = 0; it < 50; it++) {
      const g = [0, 0, 0];
      const H = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
      for (let i = 0; i < n; i++) {
        const r = rows[i];
        const p = 1 / (1 + Math.exp(-(b[0] * r[0] + b[1] * r[1] + b[2] * r[2])));
        for (let a = 0; a < 3; a++) {
          g[a] += r[a] * (y[i] - p);
          for (let c = 0; c < 3; c++) H[a][c] += r[a] * r[c] * p * (1 - p);
        }
      }
      // Solve H d = g by Cramer's rule (3×3).
      const det = (m: number[][]) => m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
      const D = det(H);
      const d = [0, 1, 2].map((j) => det(H.map((row, a) => row.map((v, c) => (c === j ? g[a] : v)))) / D);
      b = b.map((v, j) => v + d[j]);
    }
    fit.coefficients.forEach((c, j) => expect(c.estimate).toBeCloseTo(b[j], 8));
  });
  it('LR test statistic is 2(LL − LL₀) and McFadden R² is 1 − LL/LL₀', () => {
    expect(fit.lr_chi2).toBeCloseTo(2 * (fit.log_likelihood - fit.null_log_likelihood), 10);
    expect(fit.r2).toBeCloseTo(1 - fit.log_likelihood / fit.null_log_likelihood, 12);
  });
});

describe('logit: HC3 standard errors', () => {
  it('a binary predictor (saturated 2×2 model) matches the hand formula', () => {
    // Groups d = 0 (n₀ = 10, 3 events) and d = 1 (n₁ = 12, 8 events). The fit is saturated: p̂_g is the
    // group share and every leverage in group g is 1/n_g. The model variance of logit(p̂_g) is
    // 1/(n_g p_g (1 − p_g)); its HC0 sandwich is the same, and HC3 multiplies it by (n_g/(n_g − 1))².
    // The slope is logit(p̂₁) − logit(p̂₀), so se_hc3² = Σ_g (n_g/(n_g − 1))² / (n_g p_g (1 − p_g)).
    const d = [...new Array(10).fill(0), ...new Array(12).fill(1)];
    const y = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0];
    const fit = logit(Float64Array.from(y), [Float64Array.from(d)], ['d']);
    const v = (ng: number, p: number) => (ng / (ng - 1)) ** 2 / (ng * p * (1 - p));
    expect(fit.coefficients[1].se_hc3).toBeCloseTo(Math.sqrt(v(10, 0.3) + v(12, 8 / 12)), 10);
    expect(fit.coefficients[0].se_hc3).toBeCloseTo(Math.sqrt(v(10, 0.3)), 10);
    // Model-based SE for comparison: sqrt(Σ 1/(n_g p_g (1 − p_g))).
    expect(fit.coefficients[1].se).toBeCloseTo(Math.sqrt(1 / (10 * 0.3 * 0.7) + 1 / (12 * (8 / 12) * (4 / 12))), 10);
  });
  it('hc3: false leaves the sandwich out (null) and every other figure the same bits', () => {
    const d = Float64Array.from([...new Array(10).fill(0), ...new Array(12).fill(1)]);
    const y = Float64Array.of(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0);
    const withHc3 = logit(y, [d], ['d']);
    const without = logit(y, [d], ['d'], { hc3: false });
    expect(without.coefficients.map((c) => c.se_hc3)).toEqual([null, null]);
    const rest = (f: typeof withHc3) => JSON.stringify({ ...f, coefficients: f.coefficients.map((c) => ({ ...c, se_hc3: 0 })), fitted: [...f.fitted], cov: [...f.cov] });
    expect(rest(without)).toBe(rest(withHc3));
  });
});

describe('logit: edge cases', () => {
  it('complete separation is a clear error naming the term, not NaN', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    const y = Float64Array.of(0, 0, 0, 0, 1, 1, 1, 1);
    expect(() => logit(y, [x], ['x'])).toThrow(/separation.*"x"/);
  });
  it('quasi-complete separation is also caught', () => {
    const x = Float64Array.of(1, 2, 3, 4, 4, 5, 6, 7, 8);
    const y = Float64Array.of(0, 0, 0, 0, 1, 1, 1, 1, 1);
    expect(() => logit(y, [x], ['x'])).toThrow(/separation/);
  });
  it('a non-binary outcome and a constant outcome are errors', () => {
    expect(() => logit(Float64Array.of(0, 2, 1, 0), [Float64Array.of(1, 2, 3, 4)], ['x'])).toThrow(/must be 0 or 1/);
    expect(() => logit(Float64Array.of(1, 1, 1, 1), [Float64Array.of(1, 2, 3, 4)], ['x'])).toThrow(/constant/);
  });
  it('collinear predictors are named', () => {
    const a = Float64Array.of(1, 2, 3, 4, 5, 6);
    expect(() => logit(Float64Array.of(0, 1, 0, 1, 1, 0), [a, Float64Array.from(a, (v) => 2 * v)], ['a', 'b'])).toThrow(/"b"/);
  });
});

// Oracle: a simulation with known coefficients. Above about 125,000 rows the QR's column norms overflowed the stack
// (Math.hypot(...column)), so `retention --json` carried "Maximum call stack size exceeded" for both driver models
// on a million customers; the norm is now a loop (linalg.ts, euclideanNorm).
describe('logit on 300,000 rows (a simulation with known coefficients)', () => {
  it('fits, and recovers the intercept and slope within 4 standard errors', () => {
    const rng = createRng(31);
    const n = 300_000;
    const x = Float64Array.from({ length: n }, () => rng.normal());
    const y = Float64Array.from(x, (v) => (rng.uniform() < 1 / (1 + Math.exp(-(-0.5 + 0.8 * v))) ? 1 : 0));
    const fit = logit(y, [x], ['x']);
    const [b0, b1] = fit.coefficients;
    expect(Math.abs(b0.estimate + 0.5)).toBeLessThan(4 * b0.se);
    expect(Math.abs(b1.estimate - 0.8)).toBeLessThan(4 * b1.se);
    expect(b1.se).toBeLessThan(0.01);
  });
});
