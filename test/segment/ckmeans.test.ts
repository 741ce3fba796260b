import { describe, expect, it } from 'vitest';
import { ckmeans } from 'simple-statistics';
import { ckmeansLowerBounds } from '../../src/segment/ckmeans.ts';
import { naturalBreakTiers } from '../../src/segment/natural-breaks.ts';
import { createRng } from '../../src/random.ts';

// Oracle: simple-statistics' ckmeans (Wang & Song 2011), which the typed version replaces.
describe('ckmeansLowerBounds, against simple-statistics ckmeans', () => {
  const rng = createRng(5);
  const shapes: [string, () => number][] = [
    ['uniform', () => rng.uniform() * 100],
    ['heavy-tailed (CLV-like)', () => Math.exp(rng.uniform() * 8) * (rng.uniform() < 0.3 ? 0 : 1)],
    ['few distinct values', () => Math.floor(rng.uniform() * 6)],
    ['clusters', () => [1, 50, 200, 1000][Math.floor(rng.uniform() * 4)] + rng.uniform()],
  ];
  for (const [name, draw] of shapes) {
    it(`${name}: the same cluster lower bounds for K = 1 … 6`, () => {
      for (const n of [2, 3, 17, 500, 5000]) {
        const values = Array.from({ length: n }, draw);
        const sorted = Float64Array.from(values).sort();
        const distinct = new Set(values).size;
        for (let K = 1; K <= Math.min(6, distinct); K++) {
          const want = ckmeans(values, K).map((c) => c[0]);
          expect(ckmeansLowerBounds(sorted, K)).toEqual(want);
        }
      }
    });
  }

  it('naturalBreakTiers: the example and the tiers of the old path (simple-statistics) on 20,000 heavy-tailed values', () => {
    expect(Array.from(naturalBreakTiers([1, 2, 1, 50, 52, 200], 3).tier)).toEqual([2, 2, 2, 1, 1, 0]);
    const values = Array.from({ length: 20_000 }, () => Math.exp(rng.uniform() * 10) * (rng.uniform() < 0.4 ? 0 : 1));
    const lows = ckmeans(values, 4).map((c) => c[0]);
    const want = values.map((v) => {
      let c = 0;
      while (c + 1 < lows.length && v >= lows[c + 1]) c++;
      return lows.length - 1 - c;
    });
    expect(Array.from(naturalBreakTiers(values, 4).tier)).toEqual(want);
  });
});
