import { describe, expect, it } from 'vitest';
import { gaussLegendre } from '../../src/models/special.ts';
import { discountNodes } from '../../src/value/discount-nodes.ts';

/** Σ w_j f(t_j): the rule applied to a cumulative expectation E[Y(t)] = f(t). */
function apply(f: (t: number) => number, horizon: number, delta: number): number {
  const { times, weights } = discountNodes(horizon, delta);
  let s = 0;
  for (let j = 0; j < times.length; j++) s += weights[j] * f(times[j]);
  return s;
}

describe('Gauss-Legendre', () => {
  it('integrates polynomials of degree 2n-1 exactly', () => {
    const { x: nodes, w: weights } = gaussLegendre(10);
    // ∫_{-1}^{1} x^18 dx = 2/19, ∫ x^19 = 0
    let even = 0;
    let odd = 0;
    for (let k = 0; k < 10; k++) {
      even += weights[k] * nodes[k] ** 18;
      odd += weights[k] * nodes[k] ** 19;
    }
    expect(even).toBeCloseTo(2 / 19, 13);
    expect(odd).toBeCloseTo(0, 14);
  });
});

describe('discounted expected transactions by quadrature (documented relative accuracy 1e-8)', () => {
  const lambda = 0.3;
  const mu = 0.02;
  const delta = 0.0018;

  it('a forever-alive Poisson customer: ∫ e^{-δt} λ dt = λ(1 - e^{-δH})/δ and λ/δ', () => {
    const f = (t: number) => lambda * t;
    expect(apply(f, 52, delta)).toBeCloseTo((lambda * (1 - Math.exp(-delta * 52))) / delta, 8);
    expect(apply(f, 520, delta) / ((lambda * (1 - Math.exp(-delta * 520))) / delta)).toBeCloseTo(1, 8);
    expect(apply(f, Infinity, delta) / (lambda / delta)).toBeCloseTo(1, 8);
  });

  it('an exponential lifetime: E[Y(t)] = (λ/μ)(1 - e^{-μt}) gives λ(1 - e^{-(δ+μ)H})/(δ+μ)', () => {
    const f = (t: number) => (lambda / mu) * (1 - Math.exp(-mu * t));
    for (const H of [1, 26, 52, 1000]) {
      const exact = (lambda * (1 - Math.exp(-(delta + mu) * H))) / (delta + mu);
      expect(apply(f, H, delta) / exact).toBeCloseTo(1, 8);
    }
    expect(apply(f, Infinity, delta) / (lambda / (delta + mu))).toBeCloseTo(1, 8);
  });

  it('unbounded power growth E[Y(t)] = c((1+t)^0.4 - 1) (as Pareto/NBD with s < 1) matches Simpson on the rate form', () => {
    const c = 2;
    const f = (t: number) => c * ((1 + t) ** 0.4 - 1);
    // independent truth: ∫_0^T e^{-δt} E'[Y(t)] dt with E' = 0.4 c (1+t)^-0.6, composite Simpson in t,
    // T = 40/δ (the rest is below e^-40 of the total)
    const T = 40 / delta;
    const m = 2_000_000;
    const h = T / m;
    const g = (t: number) => Math.exp(-delta * t) * 0.4 * c * (1 + t) ** -0.6;
    let s = g(0) + g(T);
    for (let k = 1; k < m; k++) s += (k % 2 ? 4 : 2) * g(k * h);
    const simpson = (s * h) / 3;
    expect(apply(f, Infinity, delta) / simpson).toBeCloseTo(1, 8);
  });

  it('with no discount the rule is E[Y(H)] itself, and a zero horizon gives nothing', () => {
    const f = (t: number) => Math.sqrt(t);
    expect(apply(f, 40, 0)).toBe(Math.sqrt(40));
    expect(apply(f, 0, delta)).toBe(0);
    expect(() => discountNodes(Infinity, 0)).toThrow(/discount rate above 0/);
  });
});
