import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulateSummary } from '../models/simulate-helpers.ts';

// Oracle: equityByParameterDraws in this thread, on the same inputs and seed (the worker must give the
// same doubles, and the same one-line error). The worker runs from the compiled package (dist/, built by
// the test setup), as `clvkit report` runs it.
const dist = (p: string) => pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', p)).href;

describe('equity draws in a worker thread equal those made in this thread (invariant)', async () => {
  const { equityDrawsInWorker } = await import(dist('value/equity-draws-async.js'));
  const { equityByParameterDraws } = await import(dist('value/equity-draws.js'));
  const { fitBgNbd } = await import(dist('models/bgnbd.js'));
  const { fitParetoNbd } = await import(dist('models/paretonbd.js'));
  const { compressSummary } = await import(dist('summary/compress.js'));
  const sim = simulateSummary('bgnbd', { r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, { customers: 3000, seed: 7, days: 546, acquisitionDays: 273 });
  const rows = compressSummary(sim);
  const rowValue = Float64Array.from(rows.weights, (w: number, k: number) => w * (20 + (k % 7)));
  const settings = { horizon: 12, horizonUnit: 'month', modelUnitDays: 7, annualDiscount: 0.1 };
  for (const [name, fit] of [['BG/NBD', fitBgNbd], ['Pareto/NBD', fitParetoNbd]] as const) {
    it(name, async () => {
      const fitted = fit(sim);
      const here = equityByParameterDraws(fitted, rows, rowValue, settings, 40, 0.9, 1);
      const pending = equityDrawsInWorker(fitted, rows, rowValue, settings, 40, 0.9, 1);
      expect(pending).toBeDefined();
      expect(await pending).toEqual(here);
    });
  }
  it('a fit without a covariance: the same error, as a ClvkitError', async () => {
    const fitted = { ...fitBgNbd(sim), covariance: undefined };
    let message = '';
    try {
      equityByParameterDraws(fitted, rows, rowValue, settings, 40, 0.9, 1);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/no covariance matrix/);
    await expect(equityDrawsInWorker(fitted, rows, rowValue, settings, 40, 0.9, 1)).rejects.toThrow(message);
  });
});
