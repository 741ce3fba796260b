/**
 * log Γ(x).
 *
 * @example
 * gammaln(5); // Math.log(24)
 */
export declare function gammaln(x: number): number;
/**
 * log B(a, b).
 *
 * @example
 * betaln(2, 3); // Math.log(1 / 12)
 */
export declare function betaln(a: number, b: number): number;
/**
 * Digamma ψ(x) = d log Γ(x) / dx.
 *
 * @example
 * digamma(1); // -0.5772156649015329 (minus the Euler-Mascheroni constant)
 */
export declare function digamma(x: number): number;
/**
 * log(e^a + e^b) without overflow.
 *
 * @example
 * logAddExp(1000, 1000); // 1000 + Math.LN2
 */
export declare function logAddExp(a: number, b: number): number;
/**
 * log(1 - e^x) for x <= 0, accurate near 0 and for very negative x (Mächler 2012).
 *
 * @example
 * log1mexp(-1e-20); // about log(1e-20)
 */
export declare function log1mexp(x: number): number;
/**
 * Softplus log(1 + e^x) without overflow.
 *
 * @example
 * softplus(800); // 800
 */
export declare function softplus(x: number): number;
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
export declare function log2F1Unit(b: number, c: number, z: number, d?: Log2F1Derivatives, d2?: Log2F1SecondDerivatives): number;
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
export declare function tricomiU1(y: number, s: number): number;
/**
 * Gauss-Legendre nodes and weights on [-1, 1] (Newton iteration on the Legendre recurrence).
 *
 * @example
 * const { x, w } = gaussLegendre(5); // integrates polynomials up to degree 9 exactly
 */
export declare function gaussLegendre(n: number): {
    x: Float64Array;
    w: Float64Array;
};
/**
 * ∫_lo^hi f by composite Gauss-Legendre (`panels` panels of `order` nodes each).
 *
 * @example
 * integrate((x) => x * x, 0, 3); // 9
 */
export declare function integrate(f: (x: number) => number, lo: number, hi: number, panels?: number, order?: number): number;
/**
 * ∫_0^1 f(p, 1 - p) dp by tanh-sinh (double-exponential) quadrature (Takahasi & Mori 1974), which
 * converges fast even with integrable endpoint singularities such as p^{a-1} (1-p)^{b-1}. The
 * integrand receives p and q = 1 - p, both computed without cancellation near the ends.
 *
 * @example
 * integrateUnit((p, q) => Math.pow(p, -0.5)); // ∫ p^{-1/2} dp = 2
 */
export declare function integrateUnit(f: (p: number, q: number) => number, h?: number, limit?: number): number;
/**
 * Trigamma ψ1(x) = d² log Γ(x) / dx² for x > 0: recurrence ψ1(x) = ψ1(x+1) + 1/x² up to x >= 10,
 * then the asymptotic expansion (DLMF 5.15.8).
 *
 * @example
 * trigamma(1); // π²/6
 */
export declare function trigamma(x: number): number;
//# sourceMappingURL=special.d.ts.map