import { describe, expect, it } from 'vitest';
import { bgNbdModel } from '../../src/models/bgnbd.ts';
import { mbgNbdModel } from '../../src/models/mbgnbd.ts';
import { compressSummary } from '../../src/summary/compress.ts';
import { BgDrawColumns } from '../../src/value/bg-draw-columns.ts';
import { createRng } from '../../src/random.ts';
import { simulateSummary } from '../models/simulate-helpers.ts';
import { expectBgRow } from './bg-row-oracle.ts';

const TRUE = { r: 0.5, alpha: 6, a: 0.7, b: 2.5 };

describe('BgDrawColumns (oracle: each draw\'s model methods)', () => {
  it('gives, row by row, every draw\'s E[Y], P(alive), P(Y=0) and discounted purchases (BG/NBD and MBG/NBD)', () => {
    const s = simulateSummary('bgnbd', TRUE, { customers: 600, seed: 11, days: 300, acquisitionDays: 100 });
    const c = compressSummary(s);
    const perm = Array.from({ length: c.frequency.length }, (_, k) => k).sort((i, j) => c.frequency[i] - c.frequency[j] || c.T[i] - c.T[j] || c.recency[i] - c.recency[j]);
    const rng = createRng(2);
    const params = Array.from({ length: 7 }, () => ({ r: TRUE.r * (0.8 + 0.4 * rng.uniform()), alpha: TRUE.alpha * (0.8 + 0.4 * rng.uniform()), a: TRUE.a * (0.8 + 0.4 * rng.uniform()), b: TRUE.b * (0.8 + 0.4 * rng.uniform()) }));
    const nodes = { times: Float64Array.of(0, 10, 20, 30), weights: Float64Array.of(0.5, 0.9, 0.8, 0.7) };
    for (const family of ['bgnbd', 'mbgnbd'] as const) {
      const models = params.map((p) => (family === 'bgnbd' ? bgNbdModel(p) : mbgNbdModel(p)));
      const cols = BgDrawColumns.of(family, params, 30, nodes)!;
      let kx = NaN;
      let kT = NaN;
      for (const k of perm) {
        const row = { frequency: c.frequency[k], recency: c.recency[k], T: c.T[k] };
        if (row.frequency !== kx || row.T !== kT) cols.key((kx = row.frequency), (kT = row.T));
        cols.row(row.frequency, row.recency, row.T);
        models.forEach((m, d) => expectBgRow(m, row, { alive: cols.alive[d], expected: cols.expected[d], noPurchase: cols.noPurchase[d], discounted: cols.discounted![d] }));
      }
    }
  });

  it('declines other families, an infinite horizon and a draw at a limit of the parameter space', () => {
    expect(BgDrawColumns.of('paretonbd', [TRUE], 30)).toBeUndefined();
    expect(BgDrawColumns.of('bgnbd', [TRUE], Infinity)).toBeUndefined();
    expect(BgDrawColumns.of('bgnbd', [TRUE, { ...TRUE, a: 1e12, b: 3e12 }], 30)).toBeUndefined();
    expect(BgDrawColumns.of('bgnbd', [TRUE], 30)).toBeDefined();
  });
});
