/**
 * Average variance extracted of standardised loadings, Σλ² / (Σλ² + Σ(1 − λ²)) = mean λ²
 * (Fornell & Larcker 1981, JMR 18(1), ρ_vc(η), the variance extracted).
 *
 * @example
 * averageVarianceExtracted([0.8, 0.7, 0.6]); // (0.64 + 0.49 + 0.36)/3 = 0.49666666666666665
 */
export function averageVarianceExtracted(loadings) {
    const s2 = loadings.reduce((a, l) => a + l * l, 0);
    const e = loadings.reduce((a, l) => a + (1 - l * l), 0);
    return s2 / (s2 + e);
}
//# sourceMappingURL=ave.js.map