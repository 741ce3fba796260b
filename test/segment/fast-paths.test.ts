import { describe, expect, it } from 'vitest';
import { gini, giniSorted } from '../../src/segment/gini.ts';
import { lorenzCurve, lorenzCurveSorted } from '../../src/segment/lorenz.ts';
import { valueTiers, valueTiersSorted } from '../../src/segment/pyramid.ts';
import { quantileScores } from '../../src/segment/rfm-scores.ts';
import { DEFAULT_RFM_SEGMENTS, rfmSegments, UNMATCHED_SEGMENT, type RfmSegmentRule } from '../../src/segment/rfm-segments.ts';
import { topShares, topSharesSorted } from '../../src/segment/top-shares.ts';
import { createRng } from '../../src/random.ts';
import { referenceValueTiers } from './reference-pyramid.ts';
import { referenceQuantileScores } from './reference-rfm-scores.ts';

/** Value sets with many ties, signed zeros, a single value, few distinct values, and continuous values. */
function samples(): number[][] {
  const rng = createRng(77);
  const out: number[][] = [[], [5], [0, -0, 0, -0, 1], [3, 3, 3, 3], [-1, 2, -1, 2, 0, 0, 7]];
  for (const n of [7, 10, 21, 100, 999, 5000]) {
    out.push(Array.from({ length: n }, () => Math.floor(rng.uniform() * 4))); // few distinct values
    out.push(Array.from({ length: n }, () => Math.floor(rng.uniform() * n) / 7 - 3)); // ties and negatives
    out.push(Array.from({ length: n }, () => rng.gamma(0.5, 0.01))); // continuous, skewed
    out.push(Array.from({ length: n }, () => (rng.uniform() < 0.6 ? 0 : rng.uniform() < 0.5 ? -0 : Math.round(rng.uniform() * 50)))); // mostly zeros
  }
  return out;
}

describe('single-sort fast paths equal the index-sort implementations', () => {
  it('valueTiers (default cuts, deciles, uneven and tiny cuts)', () => {
    const options = [{}, { cuts: new Array<number>(10).fill(0.1) }, { cuts: [0.5, 0.3, 0.2] }, { cuts: [0.001, 0.001, 0.998] }, { cuts: [1] }, { cuts: [0.2, 0.2, 0.2, 0.2, 0.2] }];
    for (const v of samples()) {
      for (const o of options) {
        const got = valueTiers(v, o);
        const want = referenceValueTiers(v, o);
        expect(Array.from(got.tier)).toEqual(Array.from(want.tier));
        expect({ ...got, tier: undefined }).toEqual({ ...want, tier: undefined });
      }
      expect(valueTiers(Float64Array.from(v))).toEqual(referenceValueTiers(Float64Array.from(v)));
    }
  });

  it('quantileScores (quintiles, deciles, 3 and 100 bins; Infinity among the values)', () => {
    const all = samples();
    all.push([Infinity, 1, Infinity, -Infinity, 2, 3, 4, 5, 6]);
    for (const v of all) {
      for (const bins of [5, 10, 3, 100, 1]) expect(Array.from(quantileScores(v, bins))).toEqual(Array.from(referenceQuantileScores(v, bins)));
      expect(quantileScores(Int32Array.from(v, (x) => (Number.isFinite(x) ? Math.round(x * 10) : 0)))).toEqual(referenceQuantileScores(Int32Array.from(v, (x) => (Number.isFinite(x) ? Math.round(x * 10) : 0))));
    }
  });

  it('the sorted variants (tiers, scores, Gini, top shares, Lorenz curve) equal the plain ones', () => {
    for (const v of samples()) {
      const sorted = Float64Array.from(v).sort();
      let total = 0;
      for (const x of v) total += x;
      let sortedTotal = 0;
      for (const x of sorted) sortedTotal += x;
      expect(valueTiersSorted(v, sorted)).toEqual(valueTiers(v));
      expect(valueTiersSorted(v, sorted, { cuts: [0.5, 0.3, 0.2] })).toEqual(valueTiers(v, { cuts: [0.5, 0.3, 0.2] }));
      expect(quantileScores(v, 5, sorted)).toEqual(quantileScores(v));
      expect(quantileScores(v, 10, sorted)).toEqual(referenceQuantileScores(v, 10));
      if (v.every((x) => x >= 0)) expect(Object.is(giniSorted(sorted, total), gini(v))).toBe(true);
      // top shares and the Lorenz curve of a sorted copy (as the report passes them)
      expect(topSharesSorted(sorted, sortedTotal)).toEqual(topShares(sorted));
      expect(lorenzCurveSorted(sorted, sortedTotal, 11)).toEqual(lorenzCurve(sorted, 11));
    }
  });

  it('rfmSegments (looked up once per score triple) equals the rule search per customer', () => {
    const rng = createRng(5);
    const n = 3000;
    const scores = {
      recency: Int8Array.from({ length: n }, () => 1 + Math.floor(rng.uniform() * 5)),
      frequency: Int8Array.from({ length: n }, () => 1 + Math.floor(rng.uniform() * 5)),
      monetary: Int8Array.from({ length: n }, (_, i) => (i % 97 === 0 ? 20 + (i % 3) : 1 + Math.floor(rng.uniform() * 5))),
    };
    const rules: RfmSegmentRule[] = [...DEFAULT_RFM_SEGMENTS, { name: 'Big', m: [20, 21] }];
    const inside = (x: number, b?: [number, number]) => b === undefined || (x >= b[0] && x <= b[1]);
    for (const rs of [DEFAULT_RFM_SEGMENTS, rules]) {
      const want = Array.from({ length: n }, (_, i) => rs.find((x) => inside(scores.recency[i], x.r) && inside(scores.frequency[i], x.f) && inside(scores.monetary[i], x.m))?.name ?? UNMATCHED_SEGMENT);
      expect(rfmSegments(scores, rs)).toEqual(want);
    }
  });
});
