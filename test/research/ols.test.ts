import { describe, expect, it } from 'vitest';
import { ols } from '../../src/research/ols.ts';
import fcdf from '@stdlib/stats-base-dists-f-cdf';

// NIST Statistical Reference Datasets (StRD), linear regression, "Longley" (higher difficulty):
// Longley (1967), JASA 62, 819-841. Data columns: y (total employment), x1 GNP deflator, x2 GNP,
// x3 unemployed, x4 armed forces, x5 population, x6 year. Certified values typed from the NIST page.
const LONGLEY = [
  [60323, 83.0, 234289, 2356, 1590, 107608, 1947],
  [61122, 88.5, 259426, 2325, 1456, 108632, 1948],
  [60171, 88.2, 258054, 3682, 1616, 109773, 1949],
  [61187, 89.5, 284599, 3351, 1650, 110929, 1950],
  [63221, 96.2, 328975, 2099, 3099, 112075, 1951],
  [63639, 98.1, 346999, 1932, 3594, 113270, 1952],
  [64989, 99.0, 365385, 1870, 3547, 115094, 1953],
  [63761, 100.0, 363112, 3578, 3350, 116219, 1954],
  [66019, 101.2, 397469, 2904, 3048, 117388, 1955],
  [67857, 104.6, 419180, 2822, 2857, 118734, 1956],
  [68169, 108.4, 442769, 2936, 2798, 120445, 1957],
  [66513, 110.8, 444546, 4681, 2637, 121950, 1958],
  [68655, 112.6, 482704, 3813, 2552, 123366, 1959],
  [69564, 114.2, 502601, 3931, 2514, 125368, 1960],
  [69331, 115.7, 518173, 4806, 2572, 127852, 1961],
  [70551, 116.9, 554894, 4007, 2827, 130081, 1962],
];
const CERT_B = [-3482258.63459582, 15.0618722713733, -0.358191792925910e-1, -2.02022980381683, -1.03322686717359, -0.511041056535807e-1, 1829.15146461355];
const CERT_SE = [890420.383607373, 84.9149257747669, 0.334910077722432e-1, 0.488399681651699, 0.214274163161675, 0.22607320006937, 455.478499142212];
const CERT_SIGMA = 304.854073561965;
const CERT_R2 = 0.995479004577296;
const CERT_F = 330.285339234588;

/** Log relative error: the number of agreeing significant digits (NIST's LRE). */
function lre(x: number, c: number): number {
  return -Math.log10(Math.abs(x - c) / Math.abs(c));
}

describe('ols: NIST StRD Longley', () => {
  const y = Float64Array.from(LONGLEY, (r) => r[0]);
  const X = [1, 2, 3, 4, 5, 6].map((j) => Float64Array.from(LONGLEY, (r) => r[j]));
  const fit = ols(y, X, ['x1', 'x2', 'x3', 'x4', 'x5', 'x6']);

  // Observed: coefficients 13.0-15.1 digits, standard errors 12.6, sigma 12.6, R² 14.6, F 12.3 (the acceptance floor is 8).
  it("coefficients agree with the certified values to at least 11 significant digits", () => {
    fit.coefficients.forEach((c, j) => expect(lre(c.estimate, CERT_B[j])).toBeGreaterThanOrEqual(11));
  });
  it("standard errors agree to at least 11 significant digits", () => {
    fit.coefficients.forEach((c, j) => expect(lre(c.se, CERT_SE[j])).toBeGreaterThanOrEqual(11));
  });
  it('residual SD, R² and F agree', () => {
    expect(lre(fit.sigma, CERT_SIGMA)).toBeGreaterThanOrEqual(11);
    expect(lre(fit.r2, CERT_R2)).toBeGreaterThanOrEqual(11);
    expect(lre(fit.f!, CERT_F)).toBeGreaterThanOrEqual(11);
    expect(fit.f_df1).toBe(6);
    expect(fit.f_df2).toBe(9);
  });
});

describe('ols: small hand-computed case', () => {
  // y = 1, 3, 5, 8 on x = 0, 1, 2, 3. x̄ = 1.5, ȳ = 4.25, Sxx = 5, Sxy = (−1.5)(−3.25)+(−0.5)(−1.25)+(0.5)(0.75)+(1.5)(3.75) = 11.5.
  // b = 11.5/5 = 2.3, a = 4.25 − 3.45 = 0.8. Fitted 0.8, 3.1, 5.4, 7.7; residuals 0.2, −0.1, −0.4, 0.3; RSS = 0.3.
  // s² = 0.3/2 = 0.15; se(b) = sqrt(0.15/5) = sqrt(0.03); se(a) = sqrt(0.15(1/4 + 2.25/5)) = sqrt(0.105).
  // Leverages h = 1/4 + (x − 1.5)²/5 = 0.7, 0.3, 0.3, 0.7.
  // HC3 for the slope: Σ (x_i − x̄)² e_i²/(1 − h_i)² / Sxx²
  //   = [2.25·0.04/0.09 + 0.25·0.01/0.49 + 0.25·0.16/0.49 + 2.25·0.09/0.09]/25 = [1 + 0.0025/0.49 + 0.04/0.49 + 2.25]/25.
  // TSS = 2.25·... : (−3.25)² + (−1.25)² + 0.75² + 3.75² = 10.5625 + 1.5625 + 0.5625 + 14.0625 = 26.75; R² = 1 − 0.3/26.75.
  const fit = ols(Float64Array.of(1, 3, 5, 8), [Float64Array.of(0, 1, 2, 3)], ['x']);
  it('estimates, classic SEs, leverages', () => {
    expect(fit.coefficients[1].estimate).toBeCloseTo(2.3, 12);
    expect(fit.coefficients[0].estimate).toBeCloseTo(0.8, 12);
    expect(fit.coefficients[1].se).toBeCloseTo(Math.sqrt(0.03), 12);
    expect(fit.coefficients[0].se).toBeCloseTo(Math.sqrt(0.105), 12);
    expect(Array.from(fit.leverage)).toEqual([0.7, 0.3, 0.3, 0.7].map((h) => expect.closeTo(h, 12)));
    expect(fit.r2).toBeCloseTo(1 - 0.3 / 26.75, 12);
  });
  it('HC3 slope SE by hand', () => {
    const v = (1 + 0.0025 / 0.49 + 0.04 / 0.49 + 2.25) / 25;
    expect(fit.coefficients[1].se_hc3).toBeCloseTo(Math.sqrt(v), 12);
  });
  it('F equals t² for one slope and matches the F formula', () => {
    const f = (fit.r2 / 1) / ((1 - fit.r2) / 2);
    expect(fit.f).toBeCloseTo(f, 10);
    expect(fit.f).toBeCloseTo(fit.coefficients[1].t ** 2, 8);
    expect(fit.f_p).toBeCloseTo(1 - fcdf(f, 1, 2), 12);
    expect(fit.f_p).toBeCloseTo(fit.coefficients[1].p, 10);
  });
  it('95% interval is estimate ± t(0.975, 2)·se with t = 4.302652729911275', () => {
    const c = fit.coefficients[1];
    expect(c.ci[0]).toBeCloseTo(2.3 - 4.302652729911275 * Math.sqrt(0.03), 9);
    expect(c.ci[1]).toBeCloseTo(2.3 + 4.302652729911275 * Math.sqrt(0.03), 9);
  });
  it('standardised slope of a one-predictor model equals the correlation', () => {
    expect(fit.coefficients[1].beta).toBeCloseTo(Math.sqrt(fit.r2), 12);
  });
});

describe('ols: edge cases', () => {
  it('perfect collinearity names the terms', () => {
    const a = Float64Array.of(1, 2, 3, 4, 5);
    const b = Float64Array.of(2, 1, 4, 3, 6);
    const c = Float64Array.from(a, (v, i) => v + 2 * b[i]);
    expect(() => ols(Float64Array.of(1, 2, 2, 3, 5), [a, b, c], ['a', 'b', 'c'])).toThrow(/"c" is a linear combination of "a", "b"/);
  });
  it('perfect collinearity on 200,000 rows: the same message (no stack overflow from a spread of a column)', () => {
    const n = 200_000;
    const a = Float64Array.from({ length: n }, (_, i) => (i % 97) + 1);
    const b = Float64Array.from({ length: n }, (_, i) => (i % 89) * 0.5);
    const c = Float64Array.from(a, (v, i) => v + 2 * b[i]);
    const y = Float64Array.from(a, (v, i) => v - b[i] + (i % 7));
    expect(() => ols(y, [a, b, c], ['a', 'b', 'c'])).toThrow(/"c" is a linear combination of "a", "b"/);
  });
  it('a constant predictor is reported as constant', () => {
    expect(() => ols(Float64Array.of(1, 2, 2, 3), [Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 5, 5, 5)], ['x', 'k'])).toThrow(/"k" is constant/);
  });
  it('n <= k is an error', () => {
    expect(() => ols(Float64Array.of(1, 2), [Float64Array.of(1, 2)], ['x'])).toThrow(/more observations than coefficients/);
  });
  it('HC3 is null when a point has leverage 1, never NaN', () => {
    // x = 1 only once among dummies: that point is fitted exactly (h = 1).
    const fit = ols(Float64Array.of(1, 2, 3, 10), [Float64Array.of(0, 0, 0, 1)], ['d']);
    expect(fit.coefficients[1].se_hc3).toBeNull();
  });
});
