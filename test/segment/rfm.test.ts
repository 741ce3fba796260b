import { describe, expect, it } from 'vitest';
import { ClvkitError } from '../../src/errors.ts';
import { quantileScores } from '../../src/segment/rfm-scores.ts';
import { rfmScores } from '../../src/segment/rfm.ts';
import { DEFAULT_RFM_SEGMENTS, UNMATCHED_SEGMENT, parseRfmRules, rfmSegments } from '../../src/segment/rfm-segments.ts';
import { rfmSegmentTable } from '../../src/segment/rfm-table.ts';

/** Checks the tie rule's invariants: ties share a score, scores rise with values, no two values' bins overlap. */
function checkBins(values: number[], scores: Int8Array) {
  const byValue = new Map<number, number>();
  values.forEach((v, i) => {
    if (byValue.has(v)) expect(scores[i]).toBe(byValue.get(v));
    byValue.set(v, scores[i]);
  });
  const distinct = [...byValue.keys()].sort((a, b) => a - b);
  for (let k = 1; k < distinct.length; k++) expect(byValue.get(distinct[k])!).toBeGreaterThanOrEqual(byValue.get(distinct[k - 1])!);
  // non-overlapping: the value ranges of two scores do not interleave (implied by monotone scores)
  return { distinct, byValue };
}

describe('quantile scores', () => {
  it('gives exact quintiles for distinct values', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i * 7) % 20);
    const s = quantileScores(values);
    values.forEach((v, i) => expect(s[i]).toBe(Math.floor(v / 4) + 1));
  });

  it('handles heavy ties: 60% zeros, still five non-empty bins when there are five distinct values', () => {
    const values = [...new Array(60).fill(0), ...new Array(20).fill(1), ...new Array(10).fill(2), ...new Array(5).fill(3), ...new Array(5).fill(4)];
    const s = quantileScores(values);
    checkBins(values, s);
    const counts = [1, 2, 3, 4, 5].map((k) => s.filter((x) => x === k).length);
    // five distinct values, five bins: each value its own bin, none empty
    expect(counts).toEqual([60, 20, 10, 5, 5]);
  });

  it('keeps ties together when more than five distinct values cluster (chosen cuts nearest the quintiles)', () => {
    // 8 ones then 2..7: ideal cuts at 2.8, 5.6, 8.4, 11.2 customers; the ones cannot be split, so the
    // first cut is after them (8), the others at 9, 10, 11 (each bin non-empty, summed distance 10.4 is the least)
    const values = [1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7];
    const s = quantileScores(values);
    expect(Array.from(s)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5]);
  });

  it('merges bins with fewer than five distinct values, lowest value scoring 1, none sharing a score', () => {
    // zeros (60%) start at 0 → 1; ones start at 60% → 4; two at 80% → 5; three at 90% → 5: clash → pushed
    // up past 5, then down: three 5, two 4, ones 3
    const s = quantileScores([0, 0, 0, 0, 0, 0, 1, 1, 2, 3]);
    expect(Array.from(s)).toEqual([1, 1, 1, 1, 1, 1, 3, 3, 4, 5]);
  });

  it('scores all-equal values and a single customer 1', () => {
    expect(Array.from(quantileScores([4, 4, 4]))).toEqual([1, 1, 1]);
    expect(Array.from(quantileScores([9]))).toEqual([1]);
    expect(Array.from(quantileScores([]))).toEqual([]);
  });

  it('satisfies the invariants on many tied random-looking samples', () => {
    for (let seed = 1; seed < 40; seed++) {
      const n = 5 + ((seed * 13) % 60);
      const values = Array.from({ length: n }, (_, i) => Math.floor(((i * 2654435761 + seed * 97) % 1000) / (50 + seed * 10)));
      const s = quantileScores(values);
      const { distinct, byValue } = checkBins(values, s);
      const used = new Set(byValue.values());
      // no empty bin: with >= 5 distinct values all five scores are used; otherwise one score per distinct value
      expect(used.size).toBe(Math.min(5, distinct.length));
      for (const v of used) expect(v >= 1 && v <= 5).toBe(true);
    }
  });

  it('rejects NaN', () => {
    expect(() => quantileScores([1, NaN])).toThrow(ClvkitError);
  });
});

describe('RFM scores and segments', () => {
  it('scores recency by the last purchase day (more recent = higher)', () => {
    const s = rfmScores({ lastPurchase: [100, 500, 300, 200, 400], transactions: [1, 1, 1, 1, 1], totalSpend: [5, 4, 3, 2, 1] });
    expect(Array.from(s.recency)).toEqual([1, 5, 3, 2, 4]);
    expect(Array.from(s.frequency)).toEqual([1, 1, 1, 1, 1]);
    expect(Array.from(s.monetary)).toEqual([5, 4, 3, 2, 1]);
  });

  it('names segments by the documented table, first match wins', () => {
    const cases: [number, number, number, string][] = [
      [5, 5, 5, 'Champions'],
      [5, 5, 1, 'Loyal'],
      [3, 4, 5, 'Loyal'],
      [4, 2, 3, 'Potential loyalists'],
      [5, 3, 1, 'Potential loyalists'],
      [5, 1, 5, 'New'],
      [4, 1, 1, 'Promising'],
      [3, 3, 3, 'Need attention'],
      [3, 1, 2, 'About to sleep'],
      [2, 5, 4, 'Cannot lose them'],
      [1, 4, 3, 'At risk'],
      [2, 3, 5, 'At risk'],
      [2, 2, 5, 'Hibernating'],
      [1, 1, 1, 'Lost'],
      [1, 2, 5, 'Lost'],
    ];
    const scores = {
      recency: Int8Array.from(cases.map((c) => c[0])),
      frequency: Int8Array.from(cases.map((c) => c[1])),
      monetary: Int8Array.from(cases.map((c) => c[2])),
    };
    expect(rfmSegments(scores)).toEqual(cases.map((c) => c[3]));
  });

  it('covers all 125 score combinations with the default table', () => {
    const r: number[] = [];
    const f: number[] = [];
    const m: number[] = [];
    for (let a = 1; a <= 5; a++) for (let b = 1; b <= 5; b++) for (let c = 1; c <= 5; c++) (r.push(a), f.push(b), m.push(c));
    const names = rfmSegments({ recency: Int8Array.from(r), frequency: Int8Array.from(f), monetary: Int8Array.from(m) });
    expect(names).not.toContain(UNMATCHED_SEGMENT);
    expect(new Set(names)).toEqual(new Set(DEFAULT_RFM_SEGMENTS.map((s) => s.name)));
  });

  it('reads custom bounds from JSON and reports unmatched customers as Other', () => {
    const rules = parseRfmRules(JSON.parse('{"segments": [{"name": "Best", "r": [5, 5], "f": [4, 5]}, {"name": "Recent", "r": [4, 5]}]}'));
    const scores = { recency: Int8Array.from([5, 4, 1]), frequency: Int8Array.from([5, 1, 1]), monetary: Int8Array.from([1, 1, 1]) };
    expect(rfmSegments(scores, rules)).toEqual(['Best', 'Recent', 'Other']);
    expect(() => parseRfmRules([{ name: 'x', r: [4, 2] }])).toThrow(/low <= high/);
    expect(() => parseRfmRules([{ name: 'x', q: [1, 2] }])).toThrow(/unknown field/);
    expect(() => parseRfmRules([{ name: 'x' }, { name: 'x' }])).toThrow(/twice/);
    expect(() => parseRfmRules({})).toThrow(ClvkitError);
  });

  it('tabulates sizes and value per segment, shares adding up to 1', () => {
    const rows = rfmSegmentTable(['Lost', 'New', 'New', 'Other'], [1, 2, 3, 4], [10, 20, 30, 40], [0.1, 0.9, 0.8, 0.5], [{ name: 'New' }, { name: 'Lost' }]);
    expect(rows.map((r) => r.segment)).toEqual(['New', 'Lost', 'Other']);
    expect(rows[0]).toMatchObject({ customers: 2, value: 5, share_value: 0.5, historical_spend: 50 });
    expect(rows.reduce((s, r) => s + r.share_customers, 0)).toBeCloseTo(1, 14);
    expect(rows.reduce((s, r) => s + r.share_value, 0)).toBeCloseTo(1, 14);
  });
});
