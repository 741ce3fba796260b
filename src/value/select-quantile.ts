/**
 * The two ends of a central interval of a sample without sorting it: Hyndman & Fan (1996) definition 7
 * quantiles (as src/value/quantile.ts) at (1 − level)/2 and (1 + level)/2. Each quantile interpolates
 * between two order statistics. When both sit near the ends of the sample (the usual 80–99% intervals of a
 * few hundred draws), one pass keeps the few smallest and the few largest values in two short sorted lists;
 * otherwise (or when a value is NaN) each is found by a selection (Hoare's quickselect, expected linear
 * time). Order statistics are values, so both ways give the same numbers. The first `n` entries of `values`
 * may be reordered.
 *
 * @example
 * centralInterval(Float64Array.from([5, 1, 4, 2, 3]), 5, 0.5); // [2, 4]
 */
export function centralInterval(values: Float64Array, n: number, level: number): [number, number] {
  if (n === 0) return [NaN, NaN];
  const lo = (1 - level) / 2;
  const hi = 1 - lo;
  const hLo = (n - 1) * lo;
  const hHi = (n - 1) * hi;
  // order statistics needed: kLo and kLo + 1 from the bottom, kHi and kHi + 1 (those below n) from the top
  const kLo = Math.floor(hLo);
  const kHi = Math.floor(hHi);
  const few = kLo + 2;
  const many = n - kHi;
  if (few <= TAIL && many <= TAIL && few + many <= n && tails(values, n, few, many)) {
    return [interpolate(SMALL, kLo, hLo, n), interpolateTop(LARGE, kHi, hHi, n)];
  }
  return [quantileInPlace(values, n, lo), quantileInPlace(values, n, hi)];
}

/** Longest tail kept by the one-pass path (an insertion into a sorted list of this length stays cheap). */
const TAIL = 32;
/** SMALL[0..few): the smallest values, ascending; LARGE[0..many): the largest, descending. */
const SMALL = new Float64Array(TAIL);
const LARGE = new Float64Array(TAIL);

/** Fill SMALL and LARGE in one pass; false when a value is NaN (selection then decides). */
function tails(v: Float64Array, n: number, few: number, many: number): boolean {
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (x !== x) return false;
    if (ns < few) {
      let j = ns++;
      while (j > 0 && SMALL[j - 1] > x) (SMALL[j] = SMALL[j - 1]), j--;
      SMALL[j] = x;
    } else if (x < SMALL[few - 1]) {
      let j = few - 1;
      while (j > 0 && SMALL[j - 1] > x) (SMALL[j] = SMALL[j - 1]), j--;
      SMALL[j] = x;
    }
    if (nl < many) {
      let j = nl++;
      while (j > 0 && LARGE[j - 1] < x) (LARGE[j] = LARGE[j - 1]), j--;
      LARGE[j] = x;
    } else if (x > LARGE[many - 1]) {
      let j = many - 1;
      while (j > 0 && LARGE[j - 1] < x) (LARGE[j] = LARGE[j - 1]), j--;
      LARGE[j] = x;
    }
  }
  return true;
}

/** Definition 7 at h = (n − 1)p from the ascending order statistics s[k], s[k + 1] (as quantileInPlace). */
function interpolate(s: Float64Array, k: number, h: number, n: number): number {
  const a = s[k];
  if (k + 1 >= n || h === k) return a;
  return a + (h - k) * (s[k + 1] - a);
}

/** The same from the descending list of the largest: order statistic k is l[n − 1 − k]. */
function interpolateTop(l: Float64Array, k: number, h: number, n: number): number {
  const a = l[n - 1 - k];
  if (k + 1 >= n || h === k) return a;
  return a + (h - k) * (l[n - 2 - k] - a);
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
