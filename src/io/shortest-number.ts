/**
 * The shortest round-trip decimal form of a double, written as bytes: exactly what String(v) writes
 * (ECMAScript Number::toString, with its recommended step 5: the fewest significant digits k that read back
 * to v, among those the decimal closest to v, and of two equally close the even one), without making a
 * string. DESIGN.md §3 asks for that form in every output file.
 *
 * Exact, for 1e-6 < |v| < 1e17 (the forms without an exponent a per-customer table holds; the caller writes
 * String(v) outside):
 * - t = |v| · 10^q in [1e16, 1e17) is computed exactly as hi + lo (Dekker's two-product; 10^q is exact for
 *   q ≤ 22), then split into integers A · 1e8 + B and a fraction f: the 17-digit decimals are the integers
 *   near t, the 16-digit ones the multiples of 10, the 15-digit ones the multiples of 100;
 * - a decimal reads back to v iff its distance to t is below the half-interval of v (ulp(v)/2 · 10^q, half of
 *   that below a power of two), or equal to it and v's significand is even (reading rounds ties to even): both
 *   compared exactly (integer part and fraction apart);
 * - so k = 15, 16 or 17 is the first level where the decimal below or above t reads back (the closer one when
 *   both do, the even one on a tie); the nearest 17-digit decimal always reads back. Trailing zeros dropped,
 *   that is the shortest form, then laid out as Number::toString does (point, leading "0.000…").
 * Test: test/io/shortest-number.test.ts, against String(v) on millions of doubles.
 */

/** 10^0 … 10^22: every one exact in a double. */
const POW10 = new Float64Array(23);
for (let i = 0, x = 1; i < 23; i++, x *= 10) POW10[i] = x;
/** The doubles nearest 10^-6 … 10^18 (POWERS[k + 6] ≈ 10^k): a first guess of the decimal exponent, checked exactly. */
const POWERS = new Float64Array(25);
for (let k = -6; k <= 18; k++) POWERS[k + 6] = Number(`1e${k}`);
/** HALF_ULP[e2 + 30] = 2^(e2 − 53): half the spacing of doubles in [2^e2, 2^(e2+1)), for e2 in −30 … 59. */
const HALF_ULP = new Float64Array(90);
for (let i = 0; i < 90; i++) HALF_ULP[i] = 2 ** (i - 30 - 53);
/** 2^27 + 1: Dekker's splitter for 53-bit doubles. */
const SPLIT = 134217729;
const MINUS = 45;
const ZERO = 48;
/** "00" … "99". */
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) (PAIRS[2 * i] = ZERO + Math.floor(i / 10)), (PAIRS[2 * i + 1] = ZERO + (i % 10));

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** The decimal at distance r + f below t reads back (r a whole number, 0 ≤ f < 1; h the half-interval below). */
function fitsBelow(r: number, f: number, h: number, even: boolean): boolean {
  if (r > h) return false;
  const g = h - r; // exact: 0 ≤ g ≤ h and r is whole
  return f < g || (f === g && even);
}

/** The decimal at distance u − f above t reads back (u ≥ 1 a whole number, 0 ≤ f < 1; h the half-interval above). */
function fitsAbove(u: number, f: number, h: number, even: boolean): boolean {
  if (u - 1 >= h) return false; // the distance exceeds u − 1
  const g = u - h; // exact: |g| < 1 or 0 ≤ −g ≤ h
  return f > g || (f === g && even);
}

/** Write the w digits of x (zero-padded, x < 1e9) ending just before `end`. */
function putDigits(buf: Uint8Array, end: number, x: number, w: number): void {
  // x · 0.01 rounds to at least the true quotient and stays below the next integer for x < 1e9: floor is exact
  let y = x | 0; // below 1e9 < 2^31: int32 arithmetic
  while (w >= 2) {
    const q = (y / 100) | 0;
    const r = (y - q * 100) << 1;
    buf[--end] = PAIRS[r + 1];
    buf[--end] = PAIRS[r];
    y = q;
    w -= 2;
  }
  if (w === 1) buf[end - 1] = ZERO + y;
}

/**
 * Write the shortest round-trip form of v (String(v), with `decimal` as the point) into buf at p and return
 * the position after it, or -1 when |v| is outside (1e-6, 1e17) (then write String(v)). buf needs 24 free bytes.
 *
 * @example
 * const buf = new Uint8Array(32);
 * const end = writeShortest(buf, 0, 0.1 + 0.2, 46); // "0.30000000000000004"
 * new TextDecoder().decode(buf.subarray(0, end)) === String(0.1 + 0.2); // true
 */
export function writeShortest(buf: Uint8Array, p: number, v: number, decimal: number): number {
  const a = v < 0 ? -v : v;
  // (the double nearest 1e-6 lies below 10^-6: above it, t = a · 10^22 ≥ 1e16)
  if (!(a > 1e-6 && a < 1e17)) return -1;
  bits[0] = a;
  const hiWord = words[1];
  const e2 = (hiWord >>> 20) - 1023;
  const even = (words[0] & 1) === 0;
  const pow2 = words[0] === 0 && (hiWord & 0xfffff) === 0;
  // decimal exponent: floor(e2 · log10 2) is at most one too small; the exact check follows
  let e = Math.floor(e2 * 0.3010299956639812);
  if (a >= POWERS[e + 7]) e++;
  let hi = 0;
  let lo = 0;
  let q = 0;
  for (let pass = 0; ; pass++) {
    q = 16 - e;
    if (q < 0 || q > 22 || pass === 3) return -1;
    const m = POW10[q];
    hi = a * m;
    // Dekker (1971) two-product: hi + lo = a · 10^q exactly (no overflow or underflow in this range)
    const ca = SPLIT * a;
    const ah = ca - (ca - a);
    const al = a - ah;
    const cm = SPLIT * m;
    const mh = cm - (cm - m);
    const ml = m - mh;
    lo = ah * mh - hi + ah * ml + al * mh + al * ml;
    if (hi < 1e16 || (hi === 1e16 && lo < 0)) e--;
    else if (hi > 1e17 || (hi === 1e17 && lo >= 0)) e++;
    else break;
  }
  // t = A · 1e8 + B + f exactly: hi is an even integer here (its spacing is ≥ 2), |lo| ≤ 8
  let A = Math.floor(hi * 1e-8); // possibly one off: B is brought into [0, 1e8) below
  let B = hi - A * 1e8; // exact: A · 1e8 is exact and the difference a small integer
  const fl = Math.floor(lo);
  const f = lo - fl;
  B += fl;
  while (B < 0) (B += 1e8), A--;
  while (B >= 1e8) (B -= 1e8), A++;
  // half-interval of a in units of t (exact: a power of two times 10^q), narrower below a power of two
  const h = HALF_ULP[e2 + 30] * POW10[q];
  const hb = pow2 ? h / 2 : h;
  let tail: number;
  let width: number;
  // x · 0.01 and x · 0.1 round to at least the true quotient and below the next integer for x < 1e9: floor is exact
  const b2 = Math.floor(B * 0.01);
  const r2 = B - b2 * 100;
  if (fitsBelow(r2, f, hb, even)) (tail = b2), (width = 6);
  else if (fitsAbove(100 - r2, f, h, even)) (tail = b2 + 1), (width = 6);
  else {
    const b1 = Math.floor(B * 0.1);
    const r1 = B - b1 * 10;
    const down = fitsBelow(r1, f, hb, even);
    const up = fitsAbove(10 - r1, f, h, even);
    if (down || up) {
      // both: the closer (r1 + f against 10 − r1 − f), the even one on a tie
      const closerUp = r1 > 5 || (r1 === 5 && (f > 0 || (b1 & 1) === 1));
      tail = up && (!down || closerUp) ? b1 + 1 : b1;
      width = 7;
    } else {
      tail = f > 0.5 || (f === 0.5 && (B & 1) === 1) ? B + 1 : B;
      width = 8;
    }
  }
  // carry of the rounding into A (at most one unit); A reaching 1e9 means the value is 10^(e+1)
  const full = width === 6 ? 1e6 : width === 7 ? 1e7 : 1e8;
  if (tail >= full) (tail -= full), A++;
  if (A >= 1e9) (A = 1e8), e++;
  // drop trailing zeros: k significant digits in A (9 digits) and tail (width digits)
  let headWidth = 9;
  if (tail === 0) {
    width = 0;
    for (let d = Math.floor(A * 0.1); A === d * 10; d = Math.floor(A * 0.1)) (A = d), headWidth--;
  } else for (let d = Math.floor(tail * 0.1); tail === d * 10; d = Math.floor(tail * 0.1)) (tail = d), width--;
  const k = headWidth + width;
  if (v < 0) buf[p++] = MINUS;
  // ECMAScript Number::toString with n = e + 1 (the point's position), −5 ≤ n ≤ 17 here
  const n = e + 1;
  if (n >= k) {
    putDigits(buf, p + headWidth, A, headWidth);
    putDigits(buf, p + k, tail, width);
    p += k;
    for (let i = k; i < n; i++) buf[p++] = ZERO;
  } else if (n > 0) {
    // digits one place to the right, then the first n moved back over the gap the point fills
    putDigits(buf, p + 1 + headWidth, A, headWidth);
    putDigits(buf, p + 1 + k, tail, width);
    for (let i = 0; i < n; i++) buf[p + i] = buf[p + i + 1];
    buf[p + n] = decimal;
    p += k + 1;
  } else {
    buf[p++] = ZERO;
    buf[p++] = decimal;
    for (let i = n; i < 0; i++) buf[p++] = ZERO;
    putDigits(buf, p + headWidth, A, headWidth);
    putDigits(buf, p + k, tail, width);
    p += k;
  }
  return p;
}
