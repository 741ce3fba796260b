/**
 * Small dense linear algebra for the research kit: Householder QR least squares
 * on columns of Float64Array (Golub & Van Loan, Matrix Computations, 4th ed., Alg. 5.2.1 and §5.3.3).
 * QR is used instead of the normal equations because it keeps roughly twice the
 * significant digits on ill-conditioned designs such as Longley's.
 */

import { dotFrom, dotsFrom, normalisedDot, reflectAll, reflectPivot, squaresCopied, sumsOfSquares } from './reflect-loops.ts';

export interface QrLeastSquares {
  /** Coefficients, one per column. */
  coef: Float64Array;
  /** Upper-triangular R (p × p), row-major. */
  R: Float64Array;
  /** Thin Q (n × p) as p columns of length n; X = Q R (empty when asked for without: `parts.q === false`). */
  Q: Float64Array[];
  /** y − Xb (empty when asked for without: `parts.residuals === false`; needs the columns unchanged, so not with `overwrite`). */
  residuals: Float64Array;
  /** Columns whose diagonal of R vanished (a linear combination of earlier columns). */
  collinear: number[];
}

/**
 * The Euclidean norm of a column, the value of Math.hypot(...c) up to rounding without spreading a million arguments
 * onto the stack: the plain sum of squares when it lies well inside the double range, else scaled by the largest
 * magnitude so that no square overflows or underflows; Infinity when a value is infinite, else NaN when one is NaN,
 * as Math.hypot.
 *
 * @example
 * euclideanNorm(Float64Array.of(3, 4)); // 5
 */
export function euclideanNorm(c: Float64Array, sumOfSquares?: number): number {
  // one pass when the plain sum of squares is far from overflow and underflow (then it is as accurate as the scaled
  // sum, and at a million rows a pass is what the norm costs); the scaled two passes otherwise. A caller that has
  // the plain sum already (Σ c_i² in index order) passes it.
  let plain = 0;
  if (sumOfSquares !== undefined) plain = sumOfSquares;
  else for (let i = 0; i < c.length; i++) plain += c[i] * c[i];
  if (plain > 1e-250 && plain < 1e250) return Math.sqrt(plain);
  let max = 0;
  let nan = false;
  for (let i = 0; i < c.length; i++) {
    const a = Math.abs(c[i]);
    if (a > max) max = a;
    else if (a !== a) nan = true;
  }
  if (max === Infinity) return Infinity;
  if (nan) return NaN;
  if (max === 0) return 0;
  let s = 0;
  for (let i = 0; i < c.length; i++) {
    const r = c[i] / max;
    s += r * r;
  }
  return max * Math.sqrt(s);
}

/**
 * Householder QR least squares: minimises ||y − Xb|| with X given as columns. `parts` leaves out what a caller does
 * not use (`q: false`, `residuals: false`: an IRLS step needs only the coefficients and R) and lets a caller whose
 * columns and y are its own scratch have them overwritten instead of copied (`overwrite`, with `residuals: false`).
 *
 * @example
 * const fit = qrLeastSquares([Float64Array.of(1, 1, 1), Float64Array.of(0, 1, 2)], Float64Array.of(1, 3, 5));
 * // fit.coef ≈ [1, 2]
 */
export function qrLeastSquares(columns: ArrayLike<number>[], y: ArrayLike<number>, tolerance = 1e-10, parts: { q?: boolean; residuals?: boolean; overwrite?: boolean } = {}): QrLeastSquares {
  const p = columns.length;
  const n = y.length;
  // copies (the constructor copies a typed array at once; Float64Array.from goes value by value), or, for a caller
  // whose columns are its own scratch (`overwrite`, Float64Arrays), those columns themselves: they are overwritten
  const own = parts.overwrite === true && parts.residuals === false && y instanceof Float64Array && columns.every((c) => c instanceof Float64Array);
  const A = own ? (columns as Float64Array[]) : columns.map((c) => copyColumn(c));
  const b = own ? (y as Float64Array) : copyColumn(y);
  // the columns' norms for the collinearity test, their plain sums of squares taken side by side
  const plain = sumsOfSquares(A);
  const norms = A.map((c, j) => euclideanNorm(c, plain[j]) || 1);
  const V: Float64Array[] = [];
  const collinear: number[] = [];
  const keepV = parts.q !== false;
  // Passes are fused only where the arithmetic stays the same, value for value and in the same order (the same bits
  // as one pass per operation, Golub & Van Loan Alg. 5.2.1), and each loop keeps to one array pair or two: at a
  // million rows a loop over an array of targets runs at a third of the speed of one loop per target.
  // `ready` is set when the previous step summed column k's squares below the diagonal and copied it into the next
  // Householder vector in the pass that updated that column. Without Q, two vectors serve every step.
  let ready: { s: number; v: Float64Array } | undefined;
  let spare: Float64Array | undefined;
  const vector = (): Float64Array => {
    if (keepV || spare === undefined) return new Float64Array(n);
    const v = spare;
    spare = undefined;
    return v;
  };
  for (let k = 0; k < p; k++) {
    const col = A[k];
    let s = 0;
    let v: Float64Array;
    if (ready !== undefined) {
      s = ready.s;
      v = ready.v;
      ready = undefined;
    } else {
      v = vector();
      s = squaresCopied(col, v, k, n);
    }
    const norm = Math.sqrt(s);
    if (norm <= tolerance * norms[k]) {
      collinear.push(k);
      if (keepV) {
        v.fill(0);
        V.push(v);
      } else spare = v;
      continue;
    }
    // Householder vector (Golub & Van Loan Alg. 5.1.1), sign chosen to avoid cancellation.
    const alpha = col[k] >= 0 ? -norm : norm;
    v[k] -= alpha;
    const vn = Math.sqrt(dotFrom(v, v, k, n));
    // x −= 2(v'x)v for columns k..p−1 and b; column k's dot product in the pass that normalises v, and of column k
    // itself only the diagonal is read again (R)
    const dk = normalisedDot(v, vn, col, k, n);
    if (dk !== 0) col[k] -= 2 * dk * v[k];
    const others = A.slice(k + 1);
    others.push(b);
    const dots = dotsFrom(v, others, k, n);
    // the columns that move (a dot product of 0 leaves its column as it is); the next pivot always has its pass
    const pivotNext = k + 1 < p;
    const moving: Float64Array[] = [];
    const twice: number[] = [];
    for (let t = pivotNext ? 1 : 0; t < others.length; t++) {
      if (dots[t] === 0) continue;
      moving.push(others[t]);
      twice.push(dots[t] * 2);
    }
    if (pivotNext) {
      const next = vector();
      ready = { s: reflectPivot(v, others[0], dots[0], moving.splice(0, 2), twice.splice(0, 2), k, n, next), v: next };
    }
    reflectAll(v, moving, twice, k, n);
    if (keepV) V.push(v);
    else spare = v;
  }
  const R = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) R[i * p + j] = A[j][i];
  const coef = new Float64Array(p);
  if (collinear.length === 0) {
    for (let i = p - 1; i >= 0; i--) {
      let s2 = b[i];
      for (let j = i + 1; j < p; j++) s2 -= R[i * p + j] * coef[j];
      coef[i] = s2 / R[i * p + i];
    }
  }
  // Thin Q: apply the reflections in reverse order to the first p unit vectors (unless not asked for: an IRLS step
  // needs only the coefficients, and Q costs as much again as the factorisation).
  const Q: Float64Array[] = [];
  for (let j = 0; j < (parts.q === false ? 0 : p); j++) {
    const e = new Float64Array(n);
    e[j] = 1;
    for (let k = p - 1; k >= 0; k--) reflect(V[k], e, k, n);
    Q.push(e);
  }
  const residuals = new Float64Array(parts.residuals === false ? 0 : n);
  for (let i = 0; i < residuals.length; i++) {
    let f = 0;
    for (let j = 0; j < p; j++) f += columns[j][i] * coef[j];
    residuals[i] = y[i] - f;
  }
  return { coef, R, Q, residuals, collinear };
}

function copyColumn(c: ArrayLike<number>): Float64Array {
  if (c instanceof Float64Array) return new Float64Array(c);
  const out = new Float64Array(c.length);
  for (let i = 0; i < c.length; i++) out[i] = c[i];
  return out;
}

function reflect(v: Float64Array, x: Float64Array, k: number, n: number): void {
  let d = 0;
  for (let i = k; i < n; i++) d += v[i] * x[i];
  if (d === 0) return;
  d *= 2;
  for (let i = k; i < n; i++) x[i] -= d * v[i];
}

/**
 * Inverse of an upper-triangular p × p matrix (row-major) by back substitution.
 *
 * @example
 * invertUpper(Float64Array.of(2, 1, 0, 4), 2); // [0.5, -0.125, 0, 0.25]
 */
export function invertUpper(R: Float64Array, p: number): Float64Array {
  const inv = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    inv[j * p + j] = 1 / R[j * p + j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += R[i * p + k] * inv[k * p + j];
      inv[i * p + j] = -s / R[i * p + i];
    }
  }
  return inv;
}

/**
 * (X'X)⁻¹ = R⁻¹ R⁻ᵀ from the triangular factor (Golub & Van Loan §5.3.3), row-major p × p.
 *
 * @example
 * crossprodInverse(Float64Array.of(2, 0, 0, 4), 2); // [0.25, 0, 0, 0.0625]
 */
export function crossprodInverse(R: Float64Array, p: number): Float64Array {
  const Ri = invertUpper(R, p);
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = j; k < p; k++) s += Ri[i * p + k] * Ri[j * p + k];
      out[i * p + j] = s;
      out[j * p + i] = s;
    }
  }
  return out;
}

/**
 * Eigen decomposition of a symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan Alg. 8.5.3).
 * Returns eigenvalues in decreasing order with eigenvectors as columns (row-major vectors[i*k+j] = component i of vector j).
 *
 * @example
 * symmetricEigen([[2, 1], [1, 2]]).values; // [3, 1]
 */
export function symmetricEigen(matrix: number[][]): { values: number[]; vectors: number[][] } {
  const k = matrix.length;
  const a = matrix.map((r) => r.slice());
  const v: number[][] = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) off += a[i][j] * a[i][j];
    if (off < 1e-30) break;
    for (let pI = 0; pI < k; pI++) {
      for (let q = pI + 1; q < k; q++) {
        if (Math.abs(a[pI][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[pI][pI]) / (2 * a[pI][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r][pI];
          const arq = a[r][q];
          a[r][pI] = c * arp - s * arq;
          a[r][q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[pI][r];
          const aqr = a[q][r];
          a[pI][r] = c * apr - s * aqr;
          a[q][r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r][pI];
          const vrq = v[r][q];
          v[r][pI] = c * vrp - s * vrq;
          v[r][q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => a[y][y] - a[x][x]);
  return {
    values: order.map((i) => a[i][i]),
    vectors: v.map((row) => order.map((j) => row[j])),
  };
}
