import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import betaln from '@stdlib/math-base-special-betaln';
import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import fCdf from '@stdlib/stats-base-dists-f-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

// Oracle: the @stdlib packages themselves. The build bundles src/stdlib.ts into one file (dist/stdlib.js);
// each function there must return exactly what its package returns, at ordinary points and at the edges.
const dist = join(import.meta.dirname, '..', 'dist', 'stdlib.js');

describe('dist/stdlib.js: the bundled @stdlib functions equal their packages (oracle: the packages)', async () => {
  const bundled = await import(pathToFileURL(dist).href);
  const xs = [1e-300, 1e-8, 0.5, 1, 2.5, 10.5, 171.5, 1e6, 1e300];
  const cases: Array<[string, (...a: number[]) => number, number[][]]> = [
    ['betaln', betaln, xs.map((x) => [x, 3.5])],
    ['digamma', digamma, xs.map((x) => [x])],
    ['gammaln', gammaln, [...xs.map((x) => [x]), [0], [-2.5]]],
    ['hyp2f1', hyp2f1, [[1, 2, 3, 0.5], [0.3, 1.7, 2.9, -0.8], [2, 3, 7, 0.99]]],
    ['chisquareCdf', chisquareCdf, [[3.84, 1], [0, 2], [100, 50], [1e-10, 3]]],
    ['fCdf', fCdf, [[4.1, 2, 30], [0.5, 10, 10], [1e3, 1, 1]]],
    ['normalCdf', normalCdf, [[1.96, 0, 1], [-40, 0, 1], [3, 2, 0.5]]],
    ['normalQuantile', normalQuantile, [[0.975, 0, 1], [1e-300, 0, 1], [0.5, 3, 2], [1, 0, 1]]],
    ['tCdf', tCdf, [[2.228, 10], [-50, 3], [0, 1]]],
    ['tQuantile', tQuantile, [[0.975, 10], [0.999999, 2], [0.5, 30]]],
  ];
  for (const [name, f, args] of cases) {
    it(`${name}: the same doubles`, () => {
      expect(typeof bundled[name]).toBe('function');
      for (const a of args) expect(Object.is(bundled[name](...a), f(...a))).toBe(true);
    });
  }

  it('is one file: it requires no @stdlib module at run time, and keeps the packages\' license comments', () => {
    const text = readFileSync(dist, 'utf8');
    expect(text).not.toMatch(/require\(["']@stdlib/);
    expect(text).toMatch(/@license Apache-2\.0/);
  });
});
