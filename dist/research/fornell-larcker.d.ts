export interface FornellLarckerTable {
    constructs: string[];
    /** Square matrix: √AVE on the diagonal, correlations between construct scores off it. */
    matrix: number[][];
    /** Per construct: √AVE exceeds its largest absolute correlation with any other construct. */
    discriminant: Record<string, boolean>;
}
/**
 * The Fornell-Larcker table: discriminant validity holds for a construct when the square root of its
 * AVE exceeds its correlations with every other construct (Fornell & Larcker 1981, JMR 18(1), the
 * criterion AVE > squared inter-construct correlation).
 *
 * @example
 * fornellLarcker(['A', 'B'], [0.6, 0.5], [[1, 0.4], [0.4, 1]]).discriminant; // { A: true, B: true }
 */
export declare function fornellLarcker(constructs: string[], ave: number[], correlations: number[][]): FornellLarckerTable;
//# sourceMappingURL=fornell-larcker.d.ts.map