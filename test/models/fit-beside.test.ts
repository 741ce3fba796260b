import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../src/models/bgnbd.ts';
import { bgNbdAliveBeside, fitFromPlain, plainFit } from '../../src/models/fit-beside.ts';
import { retentionFromFiles } from '../../src/outcomes/retention-files.ts';
import { simulateTransactions, writeSimulatedCsv } from '../../src/simulate/transactions.ts';
import { ClvkitError } from '../../src/errors.ts';
import { simulateSummary } from './simulate-helpers.ts';

// Oracle: the same fit made in this thread (invariant). From the compiled package (dist/, built by the test
// setup) the fit runs in a worker thread and comes back as plain fields rebuilt here; every figure and every
// prediction must be the same numbers. (From the TypeScript sources no worker starts.)
const dist = (p: string) => pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', p)).href;
const compiled = async () => (await import(dist('models/fit-beside.js'))) as typeof import('../../src/models/fit-beside.ts');

describe('fits in a worker thread equal the fits made here (invariant)', () => {
  const s = simulateSummary('bgnbd', { r: 0.5, alpha: 6, a: 0.7, b: 2.5 }, { customers: 5000, seed: 9, minT: 20, maxT: 80 });

  it('from the TypeScript sources, or with CLVKIT_FIT_WORKER=0, no worker starts (the caller fits itself)', async () => {
    expect(bgNbdAliveBeside(s)).toBeUndefined();
    process.env.CLVKIT_FIT_WORKER = '0';
    try {
      expect((await compiled()).bgNbdAliveBeside(s)).toBeUndefined();
    } finally {
      delete process.env.CLVKIT_FIT_WORKER;
    }
  });

  it('a plain fit rebuilt predicts as the fit (plainFit, fitFromPlain)', () => {
    const here = fitBgNbd(s);
    const rebuilt = fitFromPlain<typeof here>(JSON.parse(JSON.stringify(plainFit(here))));
    expect(rebuilt.params).toEqual(here.params);
    for (const t of [1, 10, 52]) expect(rebuilt.conditionalExpectedTransactions(t, { frequency: 3, recency: 30, T: 60 })).toBe(here.conditionalExpectedTransactions(t, { frequency: 3, recency: 30, T: 60 }));
    expect(rebuilt.probabilityAlive({ frequency: 3, recency: 30, T: 60 })).toBe(here.probabilityAlive({ frequency: 3, recency: 30, T: 60 }));
  });

  it('BG/NBD: the same parameters and P(alive) of every row', async () => {
    const here = fitBgNbd(s);
    const { fit, probabilityAlive } = (await compiled()).bgNbdAliveBeside(s)!.take();
    expect(fit.params).toEqual(here.params);
    expect(fit.logLikelihood).toBe(here.logLikelihood);
    expect(Array.from(probabilityAlive)).toEqual(Array.from(here.probabilityAliveAll(s)));
  });

  it('a fit that fails: the same ClvkitError from the worker as here', async () => {
    // nobody bought twice: the purchase rate cannot be estimated
    const none = { frequency: new Float64Array(30), recency: new Float64Array(30), T: new Float64Array(30).fill(40) };
    let message = '';
    try {
      fitBgNbd(none);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/repeat purchase/);
    let thrown: unknown;
    try {
      (await compiled()).bgNbdAliveBeside(none)!.take();
    } catch (e) {
      thrown = e;
    }
    expect((thrown as Error).name).toBe(ClvkitError.name);
    expect((thrown as Error).message).toBe(message);
  });

  it('retention: the same report when the BG/NBD is fitted in a worker beside the outcomes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clvkit-fit-beside-')), 'log.csv');
    // above the 20,000 customers from which the compiled retention fits beside
    await writeSimulatedCsv(simulateTransactions({ customers: 24_000, seed: 12, params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 } }), file);
    const here = await retentionFromFiles(file);
    const { retentionFromFiles: fromDist } = (await import(dist('outcomes/retention-files.js'))) as { retentionFromFiles: typeof retentionFromFiles };
    const there = await fromDist(file);
    expect(here.report.expected_active_model).toBe('bgnbd');
    expect(here.report.cohorts.some((c) => (c.expected_active ?? 0) > 0)).toBe(true);
    expect(JSON.stringify(there)).toBe(JSON.stringify(here));
  }, 120_000);
});
