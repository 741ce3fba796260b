import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { naturalBreakTiers, naturalBreakTiersBeside } from '../../src/segment/natural-breaks.ts';
import { createRng } from '../../src/random.ts';

// Oracle: naturalBreakTiers in this thread (invariant). From the compiled package (dist/, built by the test setup)
// the clustering of 100,000 values or more runs in a worker thread; every value must get the same tier.
const dist = (p: string) => pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', p)).href;
const compiled = async () => (await import(dist('segment/natural-breaks.js'))) as typeof import('../../src/segment/natural-breaks.ts');

describe('natural breaks with the clustering in a worker thread (oracle: the same in this thread)', () => {
  const rng = createRng(8);
  // CLV-like: heavy-tailed, a third at zero
  const values = Float64Array.from({ length: 120_000 }, () => Math.exp(rng.uniform() * 8) * (rng.uniform() < 0.3 ? 0 : 1));
  const sorted = values.slice().sort();

  it('the same tiers and names, for K = 2, 4 and 6', async () => {
    const { naturalBreakTiersBeside: beside } = await compiled();
    for (const k of [2, 4, 6]) {
      const here = naturalBreakTiers(values, k, sorted);
      const there = beside(values, k, sorted);
      expect(there).toBeDefined();
      const got = there!.take();
      expect(got.names).toEqual(here.names);
      expect(Array.from(got.tier)).toEqual(Array.from(here.tier));
      expect(new Set(here.tier).size).toBe(k);
    }
  });

  it('no worker from the sources, below 100,000 values, or with CLVKIT_BREAKS_WORKER=0; bad values refused at once', async () => {
    const { naturalBreakTiersBeside: beside } = await compiled();
    expect(naturalBreakTiersBeside(values, 4, sorted)).toBeUndefined();
    expect(beside(values.subarray(0, 99_999), 4)).toBeUndefined();
    process.env.CLVKIT_BREAKS_WORKER = '0';
    try {
      expect(beside(values, 4, sorted)).toBeUndefined();
    } finally {
      delete process.env.CLVKIT_BREAKS_WORKER;
    }
    expect(() => beside(Float64Array.of(1, NaN, 3), 2)).toThrow(/value 2 is NaN/);
  });
});
