/**
 * The two ends of a central interval of a sample without sorting it: Hyndman & Fan (1996) definition 7
 * quantiles (as src/value/quantile.ts) at (1 − level)/2 and (1 + level)/2, each from a selection
 * (Hoare's quickselect, expected linear time) of the two order statistics it interpolates between. The
 * first `n` entries of `values` are reordered.
 *
 * @example
 * centralInterval(Float64Array.from([5, 1, 4, 2, 3]), 5, 0.5); // [2, 4]
 */
export function centralInterval(values: Float64Array, n: number, level: number): [number, number] {
  if (n === 0) return [NaN, NaN];
  const lo = (1 - level) / 2;
  return [quantileInPlace(values, n, lo), quantileInPlace(values, n, 1 - lo)];
}

/** Definition-7 quantile of values[0..n) by selection (reorders values). */
function quantileInPlace(v: Float64Array, n: number, p: number): number {
  const h = (n - 1) * p;
  const k = Math.floor(h);
  const a = select(v, n, k);
  if (k + 1 >= n || h === k) return a;
  // the next order statistic is the smallest of the part above k after the selection
  let b = Infinity;
  for (let i = k + 1; i < n; i++) if (v[i] < b) b = v[i];
  return a + (h - k) * (b - a);
}

/** Rearranges v[0..n) so that v[k] is the k-th smallest, smaller ones before it, larger after; returns v[k]. */
function select(v: Float64Array, n: number, k: number): number {
  let left = 0;
  let right = n - 1;
  while (right > left) {
    // median of three as pivot
    const mid = (left + right) >> 1;
    const pivot = median3(v[left], v[mid], v[right]);
    let i = left;
    let j = right;
    while (i <= j) {
      while (v[i] < pivot) i++;
      while (v[j] > pivot) j--;
      if (i <= j) {
        const t = v[i];
        v[i] = v[j];
        v[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return v[k];
  }
  return v[k];
}

function median3(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}
