/**
 * Small dense linear algebra for the research kit: Householder QR least squares
 * on columns of Float64Array (Golub & Van Loan, Matrix Computations, 4th ed., Alg. 5.2.1 and §5.3.3).
 * QR is used instead of the normal equations because it keeps roughly twice the
 * significant digits on ill-conditioned designs such as Longley's.
 */
export interface QrLeastSquares {
    /** Coefficients, one per column. */
    coef: Float64Array;
    /** Upper-triangular R (p × p), row-major. */
    R: Float64Array;
    /** Thin Q (n × p) as p columns of length n; X = Q R. */
    Q: Float64Array[];
    /** y − Xb. */
    residuals: Float64Array;
    /** Columns whose diagonal of R vanished (a linear combination of earlier columns). */
    collinear: number[];
}
/**
 * Householder QR least squares: minimises ||y − Xb|| with X given as columns.
 *
 * @example
 * const fit = qrLeastSquares([Float64Array.of(1, 1, 1), Float64Array.of(0, 1, 2)], Float64Array.of(1, 3, 5));
 * // fit.coef ≈ [1, 2]
 */
export declare function qrLeastSquares(columns: ArrayLike<number>[], y: ArrayLike<number>, tolerance?: number): QrLeastSquares;
/**
 * Inverse of an upper-triangular p × p matrix (row-major) by back substitution.
 *
 * @example
 * invertUpper(Float64Array.of(2, 1, 0, 4), 2); // [0.5, -0.125, 0, 0.25]
 */
export declare function invertUpper(R: Float64Array, p: number): Float64Array;
/**
 * (X'X)⁻¹ = R⁻¹ R⁻ᵀ from the triangular factor (Golub & Van Loan §5.3.3), row-major p × p.
 *
 * @example
 * crossprodInverse(Float64Array.of(2, 0, 0, 4), 2); // [0.25, 0, 0, 0.0625]
 */
export declare function crossprodInverse(R: Float64Array, p: number): Float64Array;
/**
 * Eigen decomposition of a symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan Alg. 8.5.3).
 * Returns eigenvalues in decreasing order with eigenvectors as columns (row-major vectors[i*k+j] = component i of vector j).
 *
 * @example
 * symmetricEigen([[2, 1], [1, 2]]).values; // [3, 1]
 */
export declare function symmetricEigen(matrix: number[][]): {
    values: number[];
    vectors: number[][];
};
//# sourceMappingURL=linalg.d.ts.map