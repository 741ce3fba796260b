/**
 * The loops of a Householder reflection x ← x − 2(v'x)v (Golub & Van Loan, Matrix Computations, 4th ed., Alg. 5.1.1
 * and 5.2.1) over columns of a million rows. At that size they are bound by memory: a loop that reads v once for
 * up to four columns costs less than one loop per column. Each sum and each update is the same arithmetic in the same
 * order as one loop per column, so the results are the same bits. Every kernel is its own small function, so that it
 * compiles to a tight loop over a fixed set of arrays (a loop over an array of columns runs at a third of the speed).
 */

/**
 * Σ_{i≥k} c_i², copying c_i into v on the way.
 *
 * @example
 * squaresCopied(Float64Array.of(1, 2, 3), new Float64Array(3), 1, 3); // 13
 */
export function squaresCopied(c: Float64Array, v: Float64Array, k: number, n: number): number {
  let s = 0;
  for (let i = k; i < n; i++) {
    const x = c[i];
    s += x * x;
    v[i] = x;
  }
  return s;
}

/**
 * Σ_i x_i² of every column, three columns per loop: each sum is a chain of dependent additions (its own order, so
 * the same bits as one loop per column), and three chains run side by side where one alone waits on each addition.
 *
 * @example
 * sumsOfSquares([Float64Array.of(3, 4), Float64Array.of(1, 1)]); // [25, 2]
 */
export function sumsOfSquares(xs: Float64Array[]): Float64Array {
  const out = new Float64Array(xs.length);
  let t = 0;
  for (; t + 3 <= xs.length; t += 3) squares3(xs[t], xs[t + 1], xs[t + 2], out, t);
  for (; t < xs.length; t++) out[t] = dotFrom(xs[t], xs[t], 0, xs[t].length);
  return out;
}

function squares3(a: Float64Array, b: Float64Array, c: Float64Array, out: Float64Array, at: number): void {
  let sa = 0;
  let sb = 0;
  let sc = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    const z = c[i];
    sa += x * x;
    sb += y * y;
    sc += z * z;
  }
  out[at] = sa;
  out[at + 1] = sb;
  out[at + 2] = sc;
}

/**
 * Σ_{i≥k} a_i b_i.
 *
 * @example
 * dotFrom(Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6), 1, 3); // 28
 */
export function dotFrom(a: Float64Array, b: Float64Array, k: number, n: number): number {
  let d = 0;
  for (let i = k; i < n; i++) d += a[i] * b[i];
  return d;
}

/**
 * v ← v / vn from k on, returning Σ_{i≥k} v_i x_i with the new v.
 *
 * @example
 * normalisedDot(Float64Array.of(3, 4), 5, Float64Array.of(5, 5), 0, 2); // 7
 */
export function normalisedDot(v: Float64Array, vn: number, x: Float64Array, k: number, n: number): number {
  let d = 0;
  for (let i = k; i < n; i++) {
    const vi = v[i] / vn;
    v[i] = vi;
    d += vi * x[i];
  }
  return d;
}

/**
 * The dot products v'x (rows k on) of every column in `xs`, reading v once for every four columns.
 *
 * @example
 * dotsFrom(Float64Array.of(1, 1), [Float64Array.of(1, 2), Float64Array.of(3, 4)], 0, 2); // [3, 7]
 */
export function dotsFrom(v: Float64Array, xs: Float64Array[], k: number, n: number): Float64Array {
  const out = new Float64Array(xs.length);
  let t = 0;
  for (; t + 4 <= xs.length; t += 4) dots4(v, xs[t], xs[t + 1], xs[t + 2], xs[t + 3], k, n, out, t);
  if (xs.length - t === 3) dots3(v, xs[t], xs[t + 1], xs[t + 2], k, n, out, t);
  else if (xs.length - t === 2) dots2(v, xs[t], xs[t + 1], k, n, out, t);
  else if (xs.length - t === 1) out[t] = dotFrom(v, xs[t], k, n);
  return out;
}

function dots4(v: Float64Array, a: Float64Array, b: Float64Array, c: Float64Array, e: Float64Array, k: number, n: number, out: Float64Array, at: number): void {
  let da = 0;
  let db = 0;
  let dc = 0;
  let de = 0;
  for (let i = k; i < n; i++) {
    const vi = v[i];
    da += vi * a[i];
    db += vi * b[i];
    dc += vi * c[i];
    de += vi * e[i];
  }
  out[at] = da;
  out[at + 1] = db;
  out[at + 2] = dc;
  out[at + 3] = de;
}

function dots3(v: Float64Array, a: Float64Array, b: Float64Array, c: Float64Array, k: number, n: number, out: Float64Array, at: number): void {
  let da = 0;
  let db = 0;
  let dc = 0;
  for (let i = k; i < n; i++) {
    const vi = v[i];
    da += vi * a[i];
    db += vi * b[i];
    dc += vi * c[i];
  }
  out[at] = da;
  out[at + 1] = db;
  out[at + 2] = dc;
}

function dots2(v: Float64Array, a: Float64Array, b: Float64Array, k: number, n: number, out: Float64Array, at: number): void {
  let da = 0;
  let db = 0;
  for (let i = k; i < n; i++) {
    const vi = v[i];
    da += vi * a[i];
    db += vi * b[i];
  }
  out[at] = da;
  out[at + 1] = db;
}

/**
 * x ← x − d2·v (rows k on) for every column x of `xs` with its `d2s` (twice its dot product, never 0: a column whose
 * dot product is 0 is left out, unchanged), reading v once for every four columns.
 *
 * @example
 * const x = Float64Array.of(1, 2);
 * reflectAll(Float64Array.of(1, 1), [x], [2], 0, 2); // x = [-1, 0]
 */
export function reflectAll(v: Float64Array, xs: Float64Array[], d2s: number[], k: number, n: number): void {
  let t = 0;
  for (; t + 4 <= xs.length; t += 4) reflect4(v, xs[t], d2s[t], xs[t + 1], d2s[t + 1], xs[t + 2], d2s[t + 2], xs[t + 3], d2s[t + 3], k, n);
  if (xs.length - t === 3) reflect3(v, xs[t], d2s[t], xs[t + 1], d2s[t + 1], xs[t + 2], d2s[t + 2], k, n);
  else if (xs.length - t === 2) reflect2(v, xs[t], d2s[t], xs[t + 1], d2s[t + 1], k, n);
  else if (xs.length - t === 1) reflect1(v, xs[t], d2s[t], k, n);
}

function reflect4(v: Float64Array, a: Float64Array, da: number, b: Float64Array, db: number, c: Float64Array, dc: number, e: Float64Array, de: number, k: number, n: number): void {
  for (let i = k; i < n; i++) {
    const vi = v[i];
    a[i] -= da * vi;
    b[i] -= db * vi;
    c[i] -= dc * vi;
    e[i] -= de * vi;
  }
}

function reflect1(v: Float64Array, a: Float64Array, da: number, k: number, n: number): void {
  for (let i = k; i < n; i++) a[i] -= da * v[i];
}

function reflect2(v: Float64Array, a: Float64Array, da: number, b: Float64Array, db: number, k: number, n: number): void {
  for (let i = k; i < n; i++) {
    const vi = v[i];
    a[i] -= da * vi;
    b[i] -= db * vi;
  }
}

function reflect3(v: Float64Array, a: Float64Array, da: number, b: Float64Array, db: number, c: Float64Array, dc: number, k: number, n: number): void {
  for (let i = k; i < n; i++) {
    const vi = v[i];
    a[i] -= da * vi;
    b[i] -= db * vi;
    c[i] -= dc * vi;
  }
}

/**
 * The next pivot column's reflection (x ← x − 2d·v from row k, none when d is 0) in the same pass as up to two more
 * columns' (`xs`, `d2s` as in reflectAll), returning Σ_{i>k} x_i² of the new pivot and copying its x_i (i > k) into
 * `next`, the next step's Householder vector.
 *
 * @example
 * const next = new Float64Array(2);
 * reflectPivot(Float64Array.of(1, 0), Float64Array.of(1, 2), 0, [], [], 0, 2, next); // 4, next = [0, 2]
 */
export function reflectPivot(v: Float64Array, x: Float64Array, d: number, xs: Float64Array[], d2s: number[], k: number, n: number, next: Float64Array): number {
  const d2 = d * 2;
  const moves = d !== 0;
  if (moves) x[k] -= d2 * v[k];
  for (let t = 0; t < xs.length; t++) xs[t][k] -= d2s[t] * v[k];
  if (xs.length === 2) return pivot2(v, x, d2, moves, xs[0], d2s[0], xs[1], d2s[1], k, n, next);
  if (xs.length === 1) return pivot1(v, x, d2, moves, xs[0], d2s[0], k, n, next);
  return pivot0(v, x, d2, moves, k, n, next);
}

function pivot0(v: Float64Array, x: Float64Array, d2: number, moves: boolean, k: number, n: number, next: Float64Array): number {
  let s = 0;
  for (let i = k + 1; i < n; i++) {
    const c = moves ? x[i] - d2 * v[i] : x[i];
    x[i] = c;
    s += c * c;
    next[i] = c;
  }
  return s;
}

function pivot1(v: Float64Array, x: Float64Array, d2: number, moves: boolean, a: Float64Array, da: number, k: number, n: number, next: Float64Array): number {
  let s = 0;
  for (let i = k + 1; i < n; i++) {
    const vi = v[i];
    const c = moves ? x[i] - d2 * vi : x[i];
    x[i] = c;
    s += c * c;
    next[i] = c;
    a[i] -= da * vi;
  }
  return s;
}

function pivot2(v: Float64Array, x: Float64Array, d2: number, moves: boolean, a: Float64Array, da: number, b: Float64Array, db: number, k: number, n: number, next: Float64Array): number {
  let s = 0;
  for (let i = k + 1; i < n; i++) {
    const vi = v[i];
    const c = moves ? x[i] - d2 * vi : x[i];
    x[i] = c;
    s += c * c;
    next[i] = c;
    a[i] -= da * vi;
    b[i] -= db * vi;
  }
  return s;
}
