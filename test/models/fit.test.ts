import { describe, expect, it } from 'vitest';
import { fitWithEngine, invertSpd, maximizeLikelihood, numericalHessian, type LikelihoodProblem } from '../../src/models/fit.ts';
import { ClvkitError } from '../../src/errors.ts';

// Normal(mu, sigma) with mu > 0: MLE is the sample mean and the (1/n) standard deviation;
// observed information gives SE(mu) = sigma/sqrt(n), SE(sigma) = sigma/sqrt(2n), zero covariance.
const xs = [3.1, 4.7, 2.2, 5.9, 4.4, 3.8, 6.1, 2.9, 4.0, 5.2, 3.3, 4.8];
const n = xs.length;
const mean = xs.reduce((s, v) => s + v, 0) / n;
const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
function normalLL(p: Float64Array): number {
  const [mu, sigma] = p;
  let s = 0;
  for (const x of xs) s += -Math.log(sigma) - 0.5 * Math.log(2 * Math.PI) - ((x - mu) ** 2) / (2 * sigma * sigma);
  return s;
}
function normalGrad(p: Float64Array, g: Float64Array): number {
  const [mu, sigma] = p;
  g[0] = 0;
  g[1] = 0;
  for (const x of xs) {
    g[0] += (x - mu) / (sigma * sigma);
    g[1] += -1 / sigma + ((x - mu) ** 2) / sigma ** 3;
  }
  return normalLL(p);
}

describe('maximizeLikelihood', () => {
  it('finds the normal MLE and its analytic standard errors, with and without gradient', () => {
    for (const withGrad of [true, false]) {
      const problem: LikelihoodProblem = {
        names: ['mu', 'sigma'], initial: [1, 1], observations: n, logLikelihood: normalLL,
        ...(withGrad ? { gradient: normalGrad } : {}),
      };
      const res = maximizeLikelihood(problem);
      expect(res.converged).toBe(true);
      expect(res.params[0]).toBeCloseTo(mean, 7);
      expect(res.params[1]).toBeCloseTo(sd, 7);
      expect(res.standardErrors[0]).toBeCloseTo(sd / Math.sqrt(n), 5);
      expect(res.standardErrors[1]).toBeCloseTo(sd / Math.sqrt(2 * n), 5);
      expect(Math.abs(res.covariance[0][1])).toBeLessThan(1e-6);
      const ll = normalLL(Float64Array.of(mean, sd));
      expect(res.logLikelihood).toBeCloseTo(ll, 9);
      expect(res.aic).toBeCloseTo(4 - 2 * ll, 9);
      expect(res.bic).toBeCloseTo(2 * Math.log(n) - 2 * ll, 9);
    }
  });

  it('standardErrors: false returns the same optimum as the default run (its oracle) with NaN standard errors and no gradient calls for them', () => {
    let calls = 0;
    const problem: LikelihoodProblem = {
      names: ['mu', 'sigma'], initial: [1, 1], observations: n, logLikelihood: normalLL,
      gradient: (p, g) => (calls++, normalGrad(p, g)),
    };
    const full = maximizeLikelihood(problem);
    const callsFull = calls;
    calls = 0;
    const res = maximizeLikelihood(problem, { standardErrors: false });
    expect(Array.from(res.params)).toEqual(Array.from(full.params));
    expect(res.logLikelihood).toBe(full.logLikelihood);
    expect(res.converged).toBe(true);
    expect(Array.from(res.standardErrors).every(Number.isNaN)).toBe(true);
    expect(calls).toBe(callsFull - 4); // central differences of the gradient, 2 per parameter
  });

  it('curvature: BFGS started from the Hessian at the MLE (-n/sigma^2, -2n/sigma^2) reaches the same optimum in fewer gradient calls; a Hessian that is not negative definite is ignored', () => {
    const run = (curvature?: number[][]) => {
      let calls = 0;
      const problem: LikelihoodProblem = {
        names: ['mu', 'sigma'], initial: [mean * 1.3, sd * 0.8], observations: n, logLikelihood: normalLL,
        gradient: (p, g) => (calls++, normalGrad(p, g)), curvature,
      };
      const res = maximizeLikelihood(problem, { standardErrors: false });
      return { res, calls };
    };
    const plain = run();
    const started = run([[-n / sd ** 2, 0], [0, (-2 * n) / sd ** 2]]);
    expect(started.res.converged).toBe(true);
    expect(started.res.params[0]).toBeCloseTo(mean, 7);
    expect(started.res.params[1]).toBeCloseTo(sd, 7);
    expect(started.calls).toBeLessThan(plain.calls);
    const ignored = run([[1, 0], [0, 1]]);
    expect(ignored.calls).toBe(plain.calls);
    expect(Array.from(ignored.res.params)).toEqual(Array.from(plain.res.params));
  });

  it('handles an upper-bounded parameter on the logit scale (Bernoulli p, SE sqrt(p(1-p)/n))', () => {
    const succ = 37;
    const trials = 120;
    const res = maximizeLikelihood({
      names: ['p'], initial: [0.5], observations: trials, upperBounds: [1],
      logLikelihood: (p) => succ * Math.log(p[0]) + (trials - succ) * Math.log1p(-p[0]),
    });
    const ph = succ / trials;
    expect(res.params[0]).toBeCloseTo(ph, 8);
    expect(res.standardErrors[0]).toBeCloseTo(Math.sqrt((ph * (1 - ph)) / trials), 6);
  });

  it('a penalizer shrinks the estimate towards 0 by the stationarity condition', () => {
    // Poisson rate, sum = 36 over 12 obs: d/dl [36 ln l - 12 l - c l^2] = 0 -> 2c l^2 + 12 l - 36 = 0
    const c = 0.5;
    const res = maximizeLikelihood({
      names: ['lambda'], initial: [1], observations: 12, penalizer: c,
      logLikelihood: (p) => 36 * Math.log(p[0]) - 12 * p[0],
      gradient: (p, g) => { g[0] = 36 / p[0] - 12; return 36 * Math.log(p[0]) - 12 * p[0]; },
    });
    const expected = (-12 + Math.sqrt(144 + 8 * c * 36)) / (4 * c);
    expect(res.params[0]).toBeCloseTo(expected, 7);
    expect(res.params[0]).toBeLessThan(3);
    // logLikelihood reported unpenalised
    expect(res.logLikelihood).toBeCloseTo(36 * Math.log(expected) - 12 * expected, 9);
  });

  it('survives a start where the log-likelihood is not finite and a narrow curved valley', () => {
    // Rosenbrock in log-space of positive params: max of -(100 (y - x^2)^2 + (1 - x)^2), optimum (1, 1)
    const res = maximizeLikelihood({
      names: ['x', 'y'], initial: [50, 0.001], observations: 1,
      logLikelihood: (p) => (p[0] > 40 ? NaN : -(100 * (p[1] - p[0] ** 2) ** 2 + (1 - p[0]) ** 2)),
    });
    expect(res.converged).toBe(true);
    expect(res.params[0]).toBeCloseTo(1, 4);
    expect(res.params[1]).toBeCloseTo(1, 4);
  });

  it('reports NaN standard errors with a warning when the information is singular', () => {
    // only the product x*y is identified
    const res = maximizeLikelihood({
      names: ['x', 'y'], initial: [1, 1], observations: 10,
      logLikelihood: (p) => -((p[0] * p[1] - 2) ** 2),
    });
    expect(res.params[0] * res.params[1]).toBeCloseTo(2, 6);
    expect(Number.isNaN(res.standardErrors[0])).toBe(true);
    expect(res.warning).toMatch(/positive definite/);
  });

  it('a parameter drifting to a bound with a flat likelihood converges with a warning naming it', () => {
    // LL = -1/p: the supremum 0 is reached only as p -> infinity
    const res = maximizeLikelihood({ names: ['p'], initial: [1], observations: 10, logLikelihood: (p) => -1 / p[0], gradient: (p, g) => ((g[0] = 1 / p[0] ** 2), -1 / p[0]) });
    expect(res.converged).toBe(true);
    expect(res.params[0]).toBeGreaterThan(1e6);
    expect(res.warning).toMatch(/p = .* at the edge of the parameter space/);
  });

  it('numericalHessian and invertSpd agree with hand-computed values', () => {
    const H = numericalHessian({ names: ['l'], initial: [1], observations: 12, logLikelihood: (p) => 36 * Math.log(p[0]) - 12 * p[0] }, Float64Array.of(3));
    expect(H[0][0]).toBeCloseTo(-36 / 9, 5);
    const inv = invertSpd([[4, 2], [2, 3]])!;
    // inverse = 1/8 [[3, -2], [-2, 4]]
    expect(inv[0][0]).toBeCloseTo(3 / 8, 12);
    expect(inv[0][1]).toBeCloseTo(-2 / 8, 12);
    expect(inv[1][1]).toBeCloseTo(4 / 8, 12);
    expect(invertSpd([[1, 2], [2, 1]])).toBeUndefined();
  });
});

describe('fitWithEngine', () => {
  const problem: LikelihoodProblem = { names: ['mu', 'sigma'], initial: [1, 1], observations: n, logLikelihood: normalLL, gradient: normalGrad };
  it('shapes the common result with names', () => {
    const fit = fitWithEngine<{ mu: number; sigma: number }>('normal', problem, { initial: { mu: 2 } });
    expect(fit.model).toBe('normal');
    expect(fit.params.mu).toBeCloseTo(mean, 7);
    expect(fit.standardErrors.sigma).toBeCloseTo(sd / Math.sqrt(2 * n), 5);
    expect(fit.customers).toBe(n);
  });
  it('throws a clear error when it does not converge, unless asked for the best point', () => {
    // an unbounded likelihood (increasing in p without limit) has no maximum
    const unbounded: LikelihoodProblem = { names: ['p'], initial: [1], observations: 5, logLikelihood: (p) => p[0] };
    expect(() => fitWithEngine('unbounded', unbounded, { maxIterations: 20 })).toThrow(ClvkitError);
    expect(() => fitWithEngine('unbounded', unbounded, { maxIterations: 20 })).toThrow(/did not converge/);
    const best = fitWithEngine('unbounded', unbounded, { maxIterations: 20, acceptNonConverged: true });
    expect(best.converged).toBe(false);
    expect(best.params.p).toBeGreaterThan(1e10);
    expect(() => fitWithEngine('normal', problem, { initial: { nope: 1 } })).toThrow(/unknown initial/);
  });
});

describe('FitOptions.standardErrors: false (invariant: the same optimum, no observed information)', async () => {
  const { simulateSummary } = await import('./simulate-helpers.ts');
  const { fitBgNbd } = await import('../../src/models/bgnbd.ts');
  const { fitMbgNbd } = await import('../../src/models/mbgnbd.ts');
  const { fitParetoNbd } = await import('../../src/models/paretonbd.ts');
  const sim = simulateSummary('bgnbd', { r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, { customers: 2000, seed: 9, days: 546, acquisitionDays: 273 });
  for (const [name, fit] of [['BG/NBD', fitBgNbd], ['MBG/NBD', fitMbgNbd], ['Pareto/NBD', fitParetoNbd]] as const) {
    it(name, () => {
      const full = fit(sim);
      const lean = fit(sim, { standardErrors: false });
      expect(lean.params).toEqual(full.params);
      expect(lean.logLikelihood).toBe(full.logLikelihood);
      expect(lean.bic).toBe(full.bic);
      for (const v of Object.values(full.standardErrors)) expect(v).toBeGreaterThan(0);
      for (const v of Object.values(lean.standardErrors)) expect(v).toBeNaN();
    });
  }
});
