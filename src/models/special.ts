/**
 * Special functions for the models: thin wrappers over @stdlib (log-gamma, log-beta, digamma),
 * log-space helpers, a stable log 2F1(1, b; c; z) with its derivatives (Pareto/NBD), the integral
 * U(1, 2 - s, y) = ∫_0^∞ e^{-yv} (1 + v)^{-s} dv (Pareto/NBD DERT), and Gauss-Legendre quadrature.
 */
import { gammaln as gammalnStd, betaln as betalnStd, digamma as digammaStd } from '../stdlib.ts';

/**
 * log Γ(x).
 *
 * @example
 * gammaln(5); // Math.log(24)
 */
export function gammaln(x: number): number {
  return gammalnStd(x);
}

/**
 * log B(a, b).
 *
 * @example
 * betaln(2, 3); // Math.log(1 / 12)
 */
export function betaln(a: number, b: number): number {
  return betalnStd(a, b);
}

/**
 * Digamma ψ(x) = d log Γ(x) / dx.
 *
 * @example
 * digamma(1); // -0.5772156649015329 (minus the Euler-Mascheroni constant)
 */
export function digamma(x: number): number {
  return digammaStd(x);
}

/**
 * log(e^a + e^b) without overflow.
 *
 * @example
 * logAddExp(1000, 1000); // 1000 + Math.LN2
 */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * log(1 - e^x) for x <= 0, accurate near 0 and for very negative x (Mächler 2012).
 *
 * @example
 * log1mexp(-1e-20); // about log(1e-20)
 */
export function log1mexp(x: number): number {
  if (x > 0) return NaN;
  return x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}

/**
 * Softplus log(1 + e^x) without overflow.
 *
 * @example
 * softplus(800); // 800
 */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * Derivatives of log 2F1(1, b; c; z) filled by `log2F1Unit`.
 *
 * @example
 * const d: Log2F1Derivatives = { db: 0, dc: 0, dz: 0 };
 * log2F1Unit(2.5, 3.7, 0.3, d); // d.db, d.dc, d.dz now set
 */
export interface Log2F1Derivatives {
  db: number;
  dc: number;
  dz: number;
}

/**
 * Second derivatives of log 2F1(1, b; c; z) filled by `log2F1Unit`.
 *
 * @example
 * const d2: Log2F1SecondDerivatives = { bb: 0, bc: 0, bz: 0, cc: 0, cz: 0, zz: 0 };
 * log2F1Unit(2.5, 3.7, 0.3, { db: 0, dc: 0, dz: 0 }, d2);
 */
export interface Log2F1SecondDerivatives {
  bb: number;
  bc: number;
  bz: number;
  cc: number;
  cz: number;
  zz: number;
}

const MAX_SERIES_TERMS = 2_000_000;

/**
 * log 2F1(1, b; c; z) for b > 0, c > 0, 0 <= z < 1, by its power series (DLMF 15.2.1), all terms
 * positive so no cancellation; each term is (b)_n / (c)_n z^n. With `d`, also fills the partial
 * derivatives of the log wrt b, c and z (term by term). This is the form the Pareto/NBD likelihood
 * takes after Euler's transformation (DLMF 15.8.1), with c > b so that the value stays below 1/(1 - z).
 * Cost grows like 1/(1 - z) terms as z approaches 1.
 *
 * @example
 * Math.exp(log2F1Unit(1, 2, 0.5)); // -ln(1 - z)/z = 1.3862943611198906
 */
export function log2F1Unit(b: number, c: number, z: number, d?: Log2F1Derivatives, d2?: Log2F1SecondDerivatives): number {
  if (!(z >= 0 && z < 1) || !(b > 0) || !(c > 0)) {
    if (d) d.db = d.dc = d.dz = NaN;
    return NaN;
  }
  if (z === 0) {
    if (d) {
      d.db = 0;
      d.dc = 0;
      d.dz = b / c;
    }
    if (d2) {
      // log(1 + (b/c) z + (b(b+1))/(c(c+1)) z² ...) at z = 0
      d2.bb = 0;
      d2.bc = 0;
      d2.cc = 0;
      d2.bz = 1 / c;
      d2.cz = -b / (c * c);
      d2.zz = (2 * b * (b + 1)) / (c * (c + 1)) - (b * b) / (c * c);
    }
    return 0;
  }
  if (!d) return log2F1UnitValue(b, c, z);
  // Scaled summation: keep the running sum near 1 by dividing by a scale when it grows.
  let term = 1;
  let sum = 1;
  let sb = 0; // sum of term * d log term / db
  let sc = 0;
  let sz = 0;
  let hb = 0; // d log term_n / db = sum_{k<n} 1/(b+k)
  let hc = 0;
  let qb = 0; // -d² log term_n / db² = sum_{k<n} 1/(b+k)²
  let qc = 0; // d² log term_n / dc² = sum_{k<n} 1/(c+k)²
  let sbb = 0;
  let sbc = 0;
  let sbz = 0;
  let scc = 0;
  let scz = 0;
  let szz = 0;
  let logScale = 0;
  for (let n = 0; n < MAX_SERIES_TERMS; n++) {
    const ratio = ((b + n) / (c + n)) * z;
    const ib = 1 / (b + n);
    const ic = 1 / (c + n);
    hb += ib;
    hc -= ic;
    term *= ratio;
    sum += term;
    if (d) {
      const m = n + 1; // power of z in this term
      sb += term * hb;
      sc += term * hc;
      sz += term * m;
      if (d2) {
        qb += ib * ib;
        qc += ic * ic;
        // ∂²term = term (L_i L_j + L_ij), L_b = hb, L_c = hc, L_z = m/z (z-factors applied at the end)
        sbb += term * (hb * hb - qb);
        sbc += term * hb * hc;
        sbz += term * hb * m;
        scc += term * (hc * hc + qc);
        scz += term * hc * m;
        szz += term * m * (m - 1);
      }
    }
    if (sum > 1e250) {
      term /= 1e250;
      sum /= 1e250;
      sb /= 1e250;
      sc /= 1e250;
      sz /= 1e250;
      sbb /= 1e250;
      sbc /= 1e250;
      sbz /= 1e250;
      scc /= 1e250;
      scz /= 1e250;
      szz /= 1e250;
      logScale += 250 * Math.LN10;
    }
    if (ratio < 1 && term * (n + 2) * (n + 2) <= 1e-17 * sum * (1 - ratio)) break;
  }
  if (d) {
    d.db = sb / sum;
    d.dc = sc / sum;
    d.dz = sz / (sum * z);
    if (d2) {
      d2.bb = sbb / sum - d.db * d.db;
      d2.bc = sbc / sum - d.db * d.dc;
      d2.bz = sbz / (sum * z) - d.db * d.dz;
      d2.cc = scc / sum - d.dc * d.dc;
      d2.cz = scz / (sum * z) - d.dc * d.dz;
      d2.zz = szz / (sum * z * z) - d.dz * d.dz;
    }
  }
  return Math.log(sum) + logScale;
}

/** log 2F1(1, b; c; z) alone: the series of log2F1Unit without its derivative sums (the same terms, stop and scaling). */
function log2F1UnitValue(b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < MAX_SERIES_TERMS; n++) {
    const ratio = ((b + n) / (c + n)) * z;
    term *= ratio;
    sum += term;
    if (sum > 1e250) {
      term /= 1e250;
      sum /= 1e250;
      logScale += 250 * Math.LN10;
    }
    if (ratio < 1 && term * (n + 2) * (n + 2) <= 1e-17 * sum * (1 - ratio)) break;
  }
  return Math.log(sum) + logScale;
}

/**
 * Tricomi's confluent hypergeometric function of the second kind U(1, 2 - s, y) for y > 0, s > 0,
 * as the integral ∫_0^∞ e^{-yv} (1 + v)^{-s} dv = e^y y^{s-1} Γ(1 - s, y) (DLMF 13.4.4 with a = 1),
 * evaluated by the Legendre continued fraction of the upper incomplete gamma function
 * (DLMF 8.9.2) with the modified Lentz algorithm; valid for any real s. This is the Ψ(s, s; y)
 * factor of the Pareto/NBD DERT (Fader, Hardie & Lee 2005b, eq. 2): Ψ(s, s; y) = y^{1-s} U(1, 2-s, y).
 *
 * @example
 * tricomiU1(1, 0); // ∫ e^{-v} dv = 1
 * tricomiU1(2, 1); // ∫ e^{-2v}/(1+v) dv = e^2 E1(2)
 */
export function tricomiU1(y: number, s: number): number {
  if (!(y > 0)) return s > 1 ? 1 / (s - 1) : Infinity;
  // e^y y^{-a} Γ(a, y) = 1/(y + 1 - a - 1(1-a)/(y + 3 - a - 2(2-a)/(y + 5 - a - ...))), a = 1 - s
  const a = 1 - s;
  const tiny = 1e-300;
  let bb = y + 1 - a;
  let cc = 1 / tiny;
  let dd = 1 / bb;
  let h = dd;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    bb += 2;
    dd = an * dd + bb;
    if (Math.abs(dd) < tiny) dd = tiny;
    cc = bb + an / cc;
    if (Math.abs(cc) < tiny) cc = tiny;
    dd = 1 / dd;
    const del = dd * cc;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  // h = e^y y^{-a} Γ(a, y);  U(1, 2-s, y) = e^y y^{s-1} Γ(1-s, y) = e^y y^{-a} Γ(a, y)
  return h;
}

const legendreCache = new Map<number, { x: Float64Array; w: Float64Array }>();

/**
 * Gauss-Legendre nodes and weights on [-1, 1] (Newton iteration on the Legendre recurrence).
 *
 * @example
 * const { x, w } = gaussLegendre(5); // integrates polynomials up to degree 9 exactly
 */
export function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const cached = legendreCache.get(n);
  if (cached) return cached;
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const m = Math.floor((n + 1) / 2);
  for (let i = 0; i < m; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let pp = 0;
    for (let it = 0; it < 100; it++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 0; j < n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j + 1) * z * p2 - j * p3) / (j + 1);
      }
      pp = (n * (z * p1 - p2)) / (z * z - 1);
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) < 1e-15) break;
    }
    x[i] = -z;
    x[n - 1 - i] = z;
    w[i] = 2 / ((1 - z * z) * pp * pp);
    w[n - 1 - i] = w[i];
  }
  const out = { x, w };
  legendreCache.set(n, out);
  return out;
}

/**
 * ∫_lo^hi f by composite Gauss-Legendre (`panels` panels of `order` nodes each).
 *
 * @example
 * integrate((x) => x * x, 0, 3); // 9
 */
export function integrate(f: (x: number) => number, lo: number, hi: number, panels = 8, order = 20): number {
  if (hi === lo) return 0;
  const { x, w } = gaussLegendre(order);
  const h = (hi - lo) / panels;
  let s = 0;
  for (let p = 0; p < panels; p++) {
    const a = lo + p * h;
    const mid = a + h / 2;
    for (let i = 0; i < order; i++) s += w[i] * f(mid + (h / 2) * x[i]);
  }
  return (s * h) / 2;
}

/**
 * ∫_0^1 f(p, 1 - p) dp by tanh-sinh (double-exponential) quadrature (Takahasi & Mori 1974), which
 * converges fast even with integrable endpoint singularities such as p^{a-1} (1-p)^{b-1}. The
 * integrand receives p and q = 1 - p, both computed without cancellation near the ends.
 *
 * @example
 * integrateUnit((p, q) => Math.pow(p, -0.5)); // ∫ p^{-1/2} dp = 2
 */
export function integrateUnit(f: (p: number, q: number) => number, h = 1 / 64, limit = 4.2): number {
  let s = 0;
  const n = Math.ceil(limit / h);
  for (let k = -n; k <= n; k++) {
    const u = k * h;
    const sh = (Math.PI / 2) * Math.sinh(u);
    const e = Math.exp(-2 * Math.abs(sh));
    // p = 1/(1+exp(-2 sh)), q = 1/(1+exp(2 sh))
    const small = e / (1 + e);
    const big = 1 / (1 + e);
    const p = sh >= 0 ? big : small;
    const q = sh >= 0 ? small : big;
    if (p === 0 || q === 0) continue;
    const w = (Math.PI / 2) * Math.cosh(u) * 2 * p * q; // dp/du
    const v = f(p, q);
    if (Number.isFinite(v)) s += w * v;
  }
  return s * h;
}

/**
 * Trigamma ψ1(x) = d² log Γ(x) / dx² for x > 0: recurrence ψ1(x) = ψ1(x+1) + 1/x² up to x >= 10,
 * then the asymptotic expansion (DLMF 5.15.8).
 *
 * @example
 * trigamma(1); // π²/6
 */
export function trigamma(x: number): number {
  if (!(x > 0)) return NaN;
  let acc = 0;
  while (x < 10) {
    acc += 1 / (x * x);
    x += 1;
  }
  const i = 1 / x;
  const i2 = i * i;
  // 1/x + 1/(2x²) + Σ B_{2k} / x^{2k+1}
  const series = i + i2 / 2 + i * i2 * (1 / 6 + i2 * (-1 / 30 + i2 * (1 / 42 + i2 * (-1 / 30 + i2 * (5 / 66 + i2 * (-691 / 2730 + i2 * (7 / 6)))))));
  return acc + series;
}

/**
 * log Γ(r + x) - log Γ(r) for x >= 0, without the cancellation of two large log-gammas when r is
 * huge: a sum of log(r + k) for whole x up to 1000, the log-gamma difference otherwise
 * (Γ(r + 1) = r Γ(r), DLMF 5.5.1).
 *
 * @example
 * logGammaRatio(1e12, 2); // log(1e12) + log(1e12 + 1)
 */
export function logGammaRatio(r: number, x: number): number {
  if (x === 0) return 0;
  if (Number.isInteger(x) && x <= 1000 && r > 1) {
    let s = 0;
    for (let k = 0; k < x; k++) s += Math.log(r + k);
    return s;
  }
  return gammaln(r + x) - gammaln(r);
}

/**
 * log B(a + i, b + j) - log B(a, b) for whole i, j >= 0, as sums of logs (B(a+1, b) = B(a, b) a/(a+b),
 * DLMF 5.12.1 with 5.5.1) so that it stays exact when a and b are huge; the log-beta difference for
 * i + j beyond 2000.
 *
 * @example
 * Math.exp(logBetaRatio(1e9, 3e9, 0, 2)); // (3e9/4e9) ((3e9+1)/(4e9+1)) = 0.5625
 */
export function logBetaRatio(a: number, b: number, i: number, j: number): number {
  if (i + j > 2000) return betaln(a + i, b + j) - betaln(a, b);
  let s = 0;
  for (let k = 0; k < i; k++) s += Math.log((a + k) / (a + b + k));
  for (let k = 0; k < j; k++) s += Math.log((b + k) / (a + b + i + k));
  return s;
}

/**
 * E[f(p)] for p ~ Beta(a, b), with f smooth on [0, 1] (f(0) and f(1) its limits), valid from a, b
 * near 0 to a, b beyond 1e12. For a, b >= 1/2 the density is integrated on the logit scale,
 * y = log(p/(1-p)), where p^a (1-p)^b dy is log-concave with its mode at log(a/b): Gauss-Legendre
 * panels over the window where it exceeds e^-40 of its peak, the weights normalised numerically
 * (so B(a, b) is never formed and the log-density is taken relative to the mode). Below 1/2 the
 * mass piles at an end, which is taken out first with B(a+1, b) = B(a, b) a/(a+b) (DLMF 5.12.1):
 * E f = f(0) + a/(a+b) E_{Beta(a+1,b)}[(f(p) - f(0))/p] when a < 1/2, the mirror image when b < 1/2,
 * and with both below 1/2 the chord: E f = f(0) b/(a+b) + f(1) a/(a+b)
 * + ab/((a+b)(a+b+1)) E_{Beta(a+1,b+1)}[(f(p) - f(0)(1-p) - f(1)p)/(p(1-p))].
 *
 * @example
 * betaExpectation((p) => p, 2, 3); // 0.4
 */
export function betaExpectation(f: (p: number, q: number) => number, a: number, b: number): number {
  const ab = a + b;
  if (a < 0.5 && b < 0.5) {
    const f0 = f(0, 1);
    const f1 = f(1, 0);
    const rest = betaLogitQuadrature((p, q) => (f(p, q) - f0 * q - f1 * p) / (p * q), a + 1, b + 1);
    return f0 * (b / ab) + f1 * (a / ab) + ((a / ab) * (b / (ab + 1))) * rest;
  }
  if (a < 0.5) {
    const f0 = f(0, 1);
    return f0 + (a / ab) * betaLogitQuadrature((p, q) => (f(p, q) - f0) / p, a + 1, b);
  }
  if (b < 0.5) {
    const f1 = f(1, 0);
    return f1 + (b / ab) * betaLogitQuadrature((p, q) => (f(p, q) - f1) / q, a, b + 1);
  }
  return betaLogitQuadrature(f, a, b);
}

/** E[f(p)], p ~ Beta(a, b), a, b >= 1/2, on the logit scale (see betaExpectation). */
function betaLogitQuadrature(f: (p: number, q: number) => number, a: number, b: number): number {
  const y0 = Math.log(a) - Math.log(b);
  const p0 = a / (a + b);
  const q0 = b / (a + b);
  const sd = Math.sqrt(1 / a + 1 / b);
  // the log-density falls by 40 within ~sqrt(80) sd near the mode, then at rate a (left) or b (right)
  const lo = y0 - Math.sqrt(80) * sd - 40 / a;
  const hi = y0 + Math.sqrt(80) * sd + 40 / b;
  const panels = Math.min(160, Math.max(16, Math.ceil((hi - lo) / sd)));
  const { x, w } = gaussLegendre(16);
  const h = (hi - lo) / panels;
  let num = 0;
  let den = 0;
  for (let k = 0; k < panels; k++) {
    const mid = lo + (k + 0.5) * h;
    for (let i = 0; i < x.length; i++) {
      const d = mid + (h / 2) * x[i] - y0;
      // a log(p/p0) + b log(q/q0) with p = σ(y0 + d): log(p/p0) = -log1p(q0 (e^{-d} - 1))
      const ld = -a * Math.log1p(q0 * Math.expm1(-d)) - b * Math.log1p(p0 * Math.expm1(d));
      const wt = w[i] * Math.exp(ld);
      if (wt === 0) continue;
      const y = y0 + d;
      const p = y > 0 ? 1 / (1 + Math.exp(-y)) : Math.exp(y) / (1 + Math.exp(y));
      const q = y > 0 ? Math.exp(-y) / (1 + Math.exp(-y)) : 1 / (1 + Math.exp(y));
      num += wt * f(p, q);
      den += wt;
    }
  }
  return num / den;
}
