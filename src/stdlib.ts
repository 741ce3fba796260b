/**
 * The @stdlib special functions and distributions clvkit uses, from one module. Each @stdlib package is
 * dozens of small CommonJS files (the ten below load about 480 modules, 85–100 ms at every start of a
 * command), so the build bundles this module into one file (scripts/build.mjs: dist/stdlib.js, about 20 ms
 * to load): the same functions, byte for byte the packages' code (test/stdlib.test.ts compares them).
 * Import these from here, never the packages directly.
 *
 * @example
 * import { gammaln, normalQuantile } from '../stdlib.ts';
 * gammaln(10.5); // 13.940625219403763
 * normalQuantile(0.975, 0, 1); // 1.959963984540054
 */
export { default as betaln } from '@stdlib/math-base-special-betaln';
export { default as digamma } from '@stdlib/math-base-special-digamma';
export { default as gammaln } from '@stdlib/math-base-special-gammaln';
export { default as hyp2f1 } from '@stdlib/math-base-special-hyp2f1';
export { default as chisquareCdf } from '@stdlib/stats-base-dists-chisquare-cdf';
export { default as fCdf } from '@stdlib/stats-base-dists-f-cdf';
export { default as normalCdf } from '@stdlib/stats-base-dists-normal-cdf';
export { default as normalQuantile } from '@stdlib/stats-base-dists-normal-quantile';
export { default as tCdf } from '@stdlib/stats-base-dists-t-cdf';
export { default as tQuantile } from '@stdlib/stats-base-dists-t-quantile';
