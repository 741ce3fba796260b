/**
 * Special functions for the models: thin wrappers over @stdlib (log-gamma, log-beta, digamma),
 * log-space helpers, a stable log 2F1(1, b; c; z) with its derivatives (Pareto/NBD), the integral
 * U(1, 2 - s, y) = ∫_0^∞ e^{-yv} (1 + v)^{-s} dv (Pareto/NBD DERT), and Gauss-Legendre quadrature.
 */
import gammalnStd from '@stdlib/math-base-special-gammaln';
import betalnStd from '@stdlib/math-base-special-betaln';
import digammaStd from '@stdlib/math-base-special-digamma';
/**
 * log Γ(x).
 *
 * @example
 * gammaln(5); // Math.log(24)
 */
export function gammaln(x) {
    return gammalnStd(x);
}
/**
 * log B(a, b).
 *
 * @example
 * betaln(2, 3); // Math.log(1 / 12)
 */
export function betaln(a, b) {
    return betalnStd(a, b);
}
/**
 * Digamma ψ(x) = d log Γ(x) / dx.
 *
 * @example
 * digamma(1); // -0.5772156649015329 (minus the Euler-Mascheroni constant)
 */
export function digamma(x) {
    return digammaStd(x);
}
/**
 * log(e^a + e^b) without overflow.
 *
 * @example
 * logAddExp(1000, 1000); // 1000 + Math.LN2
 */
export function logAddExp(a, b) {
    if (a === -Infinity)
        return b;
    if (b === -Infinity)
        return a;
    return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}
/**
 * log(1 - e^x) for x <= 0, accurate near 0 and for very negative x (Mächler 2012).
 *
 * @example
 * log1mexp(-1e-20); // about log(1e-20)
 */
export function log1mexp(x) {
    if (x > 0)
        return NaN;
    return x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}
/**
 * Softplus log(1 + e^x) without overflow.
 *
 * @example
 * softplus(800); // 800
 */
export function softplus(x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
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
export function log2F1Unit(b, c, z, d, d2) {
    if (!(z >= 0 && z < 1) || !(b > 0) || !(c > 0)) {
        if (d)
            d.db = d.dc = d.dz = NaN;
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
        if (ratio < 1 && term * (n + 2) * (n + 2) <= 1e-17 * sum * (1 - ratio))
            break;
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
export function tricomiU1(y, s) {
    if (!(y > 0))
        return s > 1 ? 1 / (s - 1) : Infinity;
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
        if (Math.abs(dd) < tiny)
            dd = tiny;
        cc = bb + an / cc;
        if (Math.abs(cc) < tiny)
            cc = tiny;
        dd = 1 / dd;
        const del = dd * cc;
        h *= del;
        if (Math.abs(del - 1) < 1e-16)
            break;
    }
    // h = e^y y^{-a} Γ(a, y);  U(1, 2-s, y) = e^y y^{s-1} Γ(1-s, y) = e^y y^{-a} Γ(a, y)
    return h;
}
const legendreCache = new Map();
/**
 * Gauss-Legendre nodes and weights on [-1, 1] (Newton iteration on the Legendre recurrence).
 *
 * @example
 * const { x, w } = gaussLegendre(5); // integrates polynomials up to degree 9 exactly
 */
export function gaussLegendre(n) {
    const cached = legendreCache.get(n);
    if (cached)
        return cached;
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
            if (Math.abs(z - z1) < 1e-15)
                break;
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
export function integrate(f, lo, hi, panels = 8, order = 20) {
    if (hi === lo)
        return 0;
    const { x, w } = gaussLegendre(order);
    const h = (hi - lo) / panels;
    let s = 0;
    for (let p = 0; p < panels; p++) {
        const a = lo + p * h;
        const mid = a + h / 2;
        for (let i = 0; i < order; i++)
            s += w[i] * f(mid + (h / 2) * x[i]);
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
export function integrateUnit(f, h = 1 / 64, limit = 4.2) {
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
        if (p === 0 || q === 0)
            continue;
        const w = (Math.PI / 2) * Math.cosh(u) * 2 * p * q; // dp/du
        const v = f(p, q);
        if (Number.isFinite(v))
            s += w * v;
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
export function trigamma(x) {
    if (!(x > 0))
        return NaN;
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
//# sourceMappingURL=special.js.map