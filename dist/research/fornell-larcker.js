/**
 * The Fornell-Larcker table: discriminant validity holds for a construct when the square root of its
 * AVE exceeds its correlations with every other construct (Fornell & Larcker 1981, JMR 18(1), the
 * criterion AVE > squared inter-construct correlation).
 *
 * @example
 * fornellLarcker(['A', 'B'], [0.6, 0.5], [[1, 0.4], [0.4, 1]]).discriminant; // { A: true, B: true }
 */
export function fornellLarcker(constructs, ave, correlations) {
    const matrix = correlations.map((row, i) => row.map((r, j) => (i === j ? Math.sqrt(ave[i]) : r)));
    const discriminant = {};
    constructs.forEach((c, i) => {
        const maxR = Math.max(0, ...correlations[i].filter((_, j) => j !== i).map(Math.abs));
        discriminant[c] = Math.sqrt(ave[i]) > maxR;
    });
    return { constructs, matrix, discriminant };
}
//# sourceMappingURL=fornell-larcker.js.map