export interface Design {
    /** Term names: the predictors, then one "a:b" per interaction. */
    names: string[];
    columns: Float64Array[];
    /** Means subtracted from each centred variable (empty when not centring). */
    centred: Record<string, number>;
}
/**
 * Builds the predictor columns of a regression with product interactions. With `centre`
 * (default true), every variable that enters an interaction is mean-centred before the
 * product is formed, both as a main effect and inside the product (Aiken & West 1991,
 * Multiple Regression: Testing and Interpreting Interactions, ch. 3), so each main effect is the
 * effect at the mean of the other variable. Variables named only in an interaction are added as
 * main effects.
 *
 * @example
 * const d = designMatrix({ a: Float64Array.of(1, 2, 3), b: Float64Array.of(0, 1, 1) }, ['a', 'b'], [['a', 'b']]);
 * d.names; // ['a', 'b', 'a:b']
 */
export declare function designMatrix(variables: Record<string, ArrayLike<number>>, predictors: string[], interactions?: string[][], centre?: boolean): Design;
//# sourceMappingURL=design.d.ts.map