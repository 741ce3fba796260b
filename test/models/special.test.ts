import { describe, expect, it } from 'vitest';
import { betaln, digamma, gaussLegendre, integrate, integrateUnit, log1mexp, log2F1Unit, logAddExp, softplus, tricomiU1, trigamma } from '../../src/models/special.ts';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('log-space helpers', () => {
  it('logAddExp, log1mexp and softplus stay finite at the extremes', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-Infinity, -3)).toBe(-3);
    expect(logAddExp(-1e6, 0)).toBe(0);
    expect(log1mexp(-1e-20)).toBeCloseTo(Math.log(1e-20), 10);
    expect(log1mexp(-50)).toBeCloseTo(-Math.exp(-50), 30);
    expect(log1mexp(0)).toBe(-Infinity);
    expect(softplus(800)).toBe(800);
    expect(softplus(-800)).toBeCloseTo(Math.exp(-800), 300);
    expect(softplus(0)).toBeCloseTo(Math.LN2, 15);
  });
});

describe('log2F1Unit = log 2F1(1, b; c; z)', () => {
  it('matches 2F1(1, 1; 2; z) = -ln(1 - z)/z', () => {
    for (const z of [1e-6, 0.1, 0.5, 0.9, 0.99, 0.999]) {
      expect(rel(Math.exp(log2F1Unit(1, 2, z)), -Math.log1p(-z) / z)).toBeLessThan(1e-12);
    }
  });
  it('matches 2F1(1, b; b; z) = (1 - z)^-1 for any b', () => {
    for (const b of [0.3, 1.7, 250, 5000]) {
      for (const z of [0.2, 0.7, 0.95]) expect(rel(Math.exp(log2F1Unit(b, b, z)), 1 / (1 - z))).toBeLessThan(1e-12);
    }
  });
  it('matches the Euler integral (c-1) ∫ (1-u)^{c-2} (1-zu)^{-b} du for Pareto/NBD-sized parameters', () => {
    // b = r + x, c = r + s + x + 1 with x up to 500; also b = s + 1
    const cases: [number, number, number][] = [
      [0.553 + 500, 0.553 + 0.606 + 501, 0.3], [0.553 + 500, 0.553 + 0.606 + 501, 0.95],
      [1.606, 0.553 + 0.606 + 3, 0.6], [2.553, 3.159, 0.999], [1.606, 501.159, 0.99],
    ];
    for (const [b, c, z] of cases) {
      // integrand in log space; u = 1 - q so (1-u)^{c-2} = q^{c-2}
      const truth = (c - 1) * integrateUnit((_u, q) => Math.exp((c - 2) * Math.log(q) - b * Math.log1p(-z * (1 - q))), 1 / 256, 5);
      expect(rel(Math.exp(log2F1Unit(b, c, z)), truth)).toBeLessThan(1e-9);
    }
  });
  it('gives derivatives equal to central differences', () => {
    for (const [b, c, z] of [[300.55, 301.16, 0.5], [1.606, 3.159, 0.9], [2.5, 3.7, 0.3]]) {
      const d = { db: 0, dc: 0, dz: 0 };
      log2F1Unit(b, c, z, d);
      const h = 1e-6;
      expect(d.db).toBeCloseTo((log2F1Unit(b + h, c, z) - log2F1Unit(b - h, c, z)) / (2 * h), 6);
      expect(d.dc).toBeCloseTo((log2F1Unit(b, c + h, z) - log2F1Unit(b, c - h, z)) / (2 * h), 6);
      expect(d.dz).toBeCloseTo((log2F1Unit(b, c, z + h) - log2F1Unit(b, c, z - h)) / (2 * h), 5);
    }
  });
  it('gives second derivatives equal to differences of the first derivatives', () => {
    for (const [b, c, z] of [[300.55, 301.16, 0.5], [1.606, 3.159, 0.9], [2.5, 3.7, 0.3]]) {
      const d = { db: 0, dc: 0, dz: 0 };
      const d2 = { bb: 0, bc: 0, bz: 0, cc: 0, cz: 0, zz: 0 };
      log2F1Unit(b, c, z, d, d2);
      const first = (bb: number, cc: number, zz: number) => {
        const e = { db: 0, dc: 0, dz: 0 };
        log2F1Unit(bb, cc, zz, e);
        return e;
      };
      const h = 1e-5;
      expect(d2.bb).toBeCloseTo((first(b + h, c, z).db - first(b - h, c, z).db) / (2 * h), 6);
      expect(d2.bc).toBeCloseTo((first(b, c + h, z).db - first(b, c - h, z).db) / (2 * h), 6);
      expect(d2.cc).toBeCloseTo((first(b, c + h, z).dc - first(b, c - h, z).dc) / (2 * h), 6);
      expect(d2.bz).toBeCloseTo((first(b, c, z + h).db - first(b, c, z - h).db) / (2 * h), 5);
      expect(d2.cz).toBeCloseTo((first(b, c, z + h).dc - first(b, c, z - h).dc) / (2 * h), 5);
      expect(d2.zz).toBeCloseTo((first(b, c, z + h).dz - first(b, c, z - h).dz) / (2 * h), 4);
    }
  });
  it('is 0 at z = 0 and NaN outside its domain (never a silent wrong value)', () => {
    expect(log2F1Unit(3, 4, 0)).toBe(0);
    expect(Number.isNaN(log2F1Unit(3, 4, 1))).toBe(true);
    expect(Number.isNaN(log2F1Unit(-1, 4, 0.5))).toBe(true);
  });
});

describe('tricomiU1(y, s) = ∫_0^∞ e^{-yv} (1+v)^{-s} dv', () => {
  it('equals 1/y for s = 0', () => {
    for (const y of [0.01, 1, 30]) expect(rel(tricomiU1(y, 0), 1 / y)).toBeLessThan(1e-12);
  });
  it('matches numerical integration over the DERT range of y and s', () => {
    for (const [y, s] of [[0.002, 0.606], [0.05, 0.606], [0.5, 2.5], [3, 11.7], [0.02, 1], [0.1, 0.05]]) {
      // v = -ln(q)/y maps (0, ∞) to (0, 1): e^{-yv} dv = du / y
      const truth = integrateUnit((_u, q) => Math.exp(-s * Math.log1p(-Math.log(q) / y)), 1 / 256, 6) / y;
      expect(rel(tricomiU1(y, s), truth)).toBeLessThan(1e-8);
    }
  });
});

describe('quadrature', () => {
  it('Gauss-Legendre integrates polynomials of degree 2n-1 exactly', () => {
    const { x, w } = gaussLegendre(6);
    let s = 0;
    for (let i = 0; i < 6; i++) s += w[i] * x[i] ** 10;
    expect(s).toBeCloseTo(2 / 11, 14);
    expect(integrate((t) => t * t, 0, 3)).toBeCloseTo(9, 12);
  });
  it('tanh-sinh integrates Beta densities with endpoint singularities', () => {
    for (const [a, b] of [[0.3, 0.7], [0.793, 2.426], [5, 300]]) {
      const v = integrateUnit((p, q) => Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log(q) - betaln(a, b)));
      expect(v).toBeCloseTo(1, 10);
    }
  });
});

describe('trigamma', () => {
  it('matches ψ1(1) = π²/6, ψ1(1/2) = π²/2 and differences of digamma', () => {
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 14);
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 13);
    for (const x of [0.05, 0.793, 3.7, 12, 450]) {
      const h = 1e-5 * x;
      expect(rel(trigamma(x), (digamma(x + h) - digamma(x - h)) / (2 * h))).toBeLessThan(1e-7);
    }
    // recurrence ψ1(x) = ψ1(x+1) + 1/x²
    expect(trigamma(2.3)).toBeCloseTo(trigamma(3.3) + 1 / 2.3 ** 2, 14);
  });
});
