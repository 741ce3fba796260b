import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../src/models/bgnbd.ts';
import { fitGammaGamma } from '../../src/models/gammagamma.ts';
import { createRng } from '../../src/random.ts';
import { normalParameterDraws } from '../../src/value/parameter-draws.ts';
import { predictionIntervals } from '../../src/value/prediction-intervals.ts';
import { simulateSummary } from '../models/simulate-helpers.ts';

// Oracle: the same intervals computed in one thread (invariant). From the compiled package (dist/, built by the
// test setup) a worker thread computes chunks of rows beside the calling thread; the bounds must be the same
// numbers, whichever thread computed a row. (From the TypeScript sources no worker starts: one thread.)
const dist = (p: string) => pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', p)).href;

describe('predictionIntervals on two threads (oracle: one thread)', () => {
  it('gives every customer the same bounds, with a share of the rows computed by the worker', async () => {
    const TRUE = { r: 0.5, alpha: 6, a: 0.7, b: 2.5 };
    const s = simulateSummary('bgnbd', TRUE, { customers: 60000, seed: 5, minT: 20, maxT: 80 });
    const rng = createRng(6);
    const mv = Float64Array.from(s.frequency, (x) => (x > 0 ? Math.round(rng.gamma(6, 4)) + 1 : 0));
    const fit = fitBgNbd(s);
    const gg = fitGammaGamma({ frequency: s.frequency, monetaryValue: mv });
    const td = normalParameterDraws(fit, 24, createRng(1));
    const sd = normalParameterDraws(gg, 24, createRng(2));
    const draws = td.map((params, d) => ({ params, spendParams: sd[d] }));
    const options = { horizon: 30, rate: 0.002, level: 0.9, margin: 0.5, spend: gg };
    const one = predictionIntervals(fit, { ...s, monetaryValue: mv }, draws, options);
    expect(one.rowsBeside).toBeUndefined();
    const compiled = (await import(dist('value/prediction-intervals.js'))) as { predictionIntervals: typeof predictionIntervals };
    const two = compiled.predictionIntervals(fit, { ...s, monetaryValue: mv }, draws, options);
    expect(two.rowsBeside).toBeGreaterThan(0);
    for (const k of ['expectedTransactions', 'probabilityAlive', 'probabilityNoPurchase', 'expectedSpend', 'clv'] as const) {
      expect(Array.from(two[k]!.lower)).toEqual(Array.from(one[k]!.lower));
      expect(Array.from(two[k]!.upper)).toEqual(Array.from(one[k]!.upper));
    }
  }, 120_000);
});
