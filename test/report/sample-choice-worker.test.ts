import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulateTransactions, writeSimulatedCsv } from '../../src/simulate/transactions.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

// Oracle: the same analysis made in this thread (invariant): fitting the sampled candidates and the chosen
// model in a worker thread, beside the analyses that need no model, must change no figure. The worker runs
// from the compiled package (dist/, built by the test setup), as `clvkit report` runs it.
const dist = (p: string) => pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', p)).href;

describe('the sampled model choice fitted in a worker equals the one fitted in this thread (invariant)', async () => {
  const { readTransactions } = await import(dist('ingest/transactions.js'));
  const { analyseForReport, settleReportAnalysis } = await import(dist('report/analyse.js'));
  const { sampleChoiceBeside, fitSampleChoice } = await import(dist('report/sample-choice.js'));
  const { compressSummary } = await import(dist('summary/compress.js'));
  const { simulateSummary } = await import('../models/simulate-helpers.ts');

  it('the whole report analysis: the same candidates, fits, predictions, value, tiers and outcomes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clvkit-choice-worker-')), 'log.csv');
    await writeSimulatedCsv(simulateTransactions({ customers: 20_000, seed: 11, params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 } }), file);
    const table = await readTransactions(file);
    const steps: string[] = [];
    const here = analyseForReport(table, { choiceSample: 4000 });
    const beside = await settleReportAnalysis(analyseForReport(table, { choiceSample: 4000, fitsInWorker: true, equityInWorker: true, onStep: (s: string) => steps.push(s) }));
    // the worker was used (its step is said) and the sample was taken
    expect(steps).toContain('fits (waiting for the worker)');
    expect(beside.model.sample).toEqual({ customers: 4000, of: 20_000, seed: 1 });
    // every figure the report shows comes out the same (methods compared by what they return)
    const plain = (a: unknown) => JSON.parse(JSON.stringify(a, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
    expect(plain({ ...beside, table: undefined })).toEqual(plain({ ...here, table: undefined }));
    for (const [k, c] of here.model.candidates.entries()) expect(beside.model.candidates[k].fit.conditionalExpectedTransactions(10, { frequency: 2, recency: 20, T: 40 })).toBe(c.fit.conditionalExpectedTransactions(10, { frequency: 2, recency: 20, T: 40 }));
  }, 120_000);

  it('a candidate that cannot be fitted: the same reason, from the worker as from this thread', () => {
    // nobody bought twice: every fit fails with the same ClvkitError
    const none = { frequency: new Float64Array(50), recency: new Float64Array(50), T: new Float64Array(50).fill(30), weights: new Float64Array(50).fill(1) };
    const names = ['bgnbd', 'paretonbd'];
    const here = fitSampleChoice(names, none, none);
    const there = sampleChoiceBeside(names, none, none).take();
    expect(there).toEqual(here);
    expect(here.chosen).toBeUndefined();
    expect(here.candidates.every((c: { error?: string }) => typeof c.error === 'string' && c.error.length > 0)).toBe(true);
  });

  it('fits rebuilt from the worker predict as the fits made here (BG/NBD, MBG/NBD, Pareto/NBD)', () => {
    const sim = simulateSummary('bgnbd', { r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, { customers: 3000, seed: 3, days: 546, acquisitionDays: 273 });
    const rows = compressSummary(sim);
    const data = { frequency: rows.frequency, recency: rows.recency, T: rows.T, weights: rows.weights };
    const names = ['bgnbd', 'mbgnbd', 'paretonbd'];
    const here = fitSampleChoice(names, data, data);
    const there = sampleChoiceBeside(names, data, data).take();
    for (const [k, c] of here.candidates.entries()) {
      const t = there.candidates[k].fit;
      expect(t.params).toEqual(c.fit.params);
      expect(t.logLikelihood).toBe(c.fit.logLikelihood);
      expect(t.standardErrors).toEqual(c.fit.standardErrors);
      for (const row of [{ frequency: 0, recency: 0, T: 30 }, { frequency: 5, recency: 25, T: 30 }]) {
        expect(t.probabilityAlive(row)).toBe(c.fit.probabilityAlive(row));
        expect(t.conditionalExpectedTransactions(52, row)).toBe(c.fit.conditionalExpectedTransactions(52, row));
      }
    }
    expect(there.chosen).toBe(here.chosen);
    expect(there.fit.params).toEqual(here.fit.params);
  });
});
