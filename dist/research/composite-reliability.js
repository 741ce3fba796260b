/**
 * Composite (construct) reliability of standardised loadings,
 * ρ_c = (Σλ)² / ((Σλ)² + Σ(1 − λ²)) (Jöreskog 1971, Psychometrika 36(2); Fornell & Larcker 1981,
 * "Evaluating structural equation models with unobservable variables and measurement error",
 * JMR 18(1), the composite reliability ρ_c).
 *
 * @example
 * compositeReliability([0.8, 0.7, 0.6]); // 4.41 / 5.92 = 0.7449324324324325
 */
export function compositeReliability(loadings) {
    const s = loadings.reduce((a, b) => a + b, 0);
    const e = loadings.reduce((a, l) => a + (1 - l * l), 0);
    return (s * s) / (s * s + e);
}
//# sourceMappingURL=composite-reliability.js.map