import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { analyseForReport, sampleIndices, type ReportAnalysis } from '../../src/report/analyse.ts';
import { modelSection } from '../../src/report/sections/portfolio.ts';
import { sectionContext } from '../../src/report/sections/context.ts';
import { simulateTransactions, writeSimulatedCsv } from '../../src/simulate/transactions.ts';
import type { TransactionTable } from '../../src/types.ts';

// a BG/NBD log (the known model) of 30,000 customers; the comparison sample is 6,000 of them
let table: TransactionTable;
beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'clvkit-choice-')), 'log.csv');
  await writeSimulatedCsv(simulateTransactions({ customers: 30_000, seed: 5, params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 } }), file);
  table = await readTransactions(file);
}, 60_000);

function text(a: ReportAnalysis, lang: 'en' | 'fr'): string {
  return JSON.stringify(modelSection(a.model!, a.summary, sectionContext(lang)).blocks.filter((b) => b.kind === 'paragraph'));
}

describe('the candidate models compared on a sample of customers (report, large data)', () => {
  it('by BIC: the sample\'s choice is the full data\'s, the known model (BG/NBD), and the chosen fit uses every customer', () => {
    const full = analyseForReport(table, { choiceSample: 1e9 });
    const sampled = analyseForReport(table, { choiceSample: 6000 });
    expect(full.model!.sample).toBeUndefined();
    expect(sampled.model!.sample).toEqual({ customers: 6000, of: 30_000, seed: 1 });
    expect(full.model!.chosen).toBe('bgnbd');
    expect(sampled.model!.chosen).toBe('bgnbd');
    // the fit used for validation and value is the one on all customers, the same doubles as without a sample
    expect(sampled.model!.fit.customers).toBe(30_000);
    expect(sampled.model!.fit.params).toEqual(full.model!.fit.params);
    expect(Array.from(sampled.value.clv)).toEqual(Array.from(full.value.clv));
    // the candidates were fitted on the sample
    for (const c of sampled.model!.candidates) expect(c.fit!.customers).toBe(6000);
    // and the report says so, in both languages
    expect(text(sampled, 'en')).toContain('random sample of 6,000 of the 30,000 customers');
    expect(text(sampled, 'fr')).toContain('échantillon aléatoire de 6\u202f000 des 30\u202f000 clients');
    expect(text(full, 'en')).not.toContain('random sample');
  }, 60_000);
  it('with a holdout no sample is taken (the holdout errors of sample fits pick another model here): every candidate is fitted on all customers', () => {
    const a = analyseForReport(table, { calibrationEnd: '2025-03-31', choiceSample: 6000 });
    expect(a.model!.sample).toBeUndefined();
    for (const c of a.model!.candidates) expect(c.fit!.customers).toBe(a.calibration!.frequency.length);
  }, 60_000);
  it('samples k distinct customers in their order, the same for the same seed (invariant)', () => {
    const a = sampleIndices(1000, 100, 1);
    expect(a.length).toBe(100);
    for (let i = 1; i < a.length; i++) expect(a[i]).toBeGreaterThan(a[i - 1]);
    expect(a[0]).toBeGreaterThanOrEqual(0);
    expect(a[99]).toBeLessThan(1000);
    expect(Array.from(sampleIndices(1000, 100, 1))).toEqual(Array.from(a));
    expect(Array.from(sampleIndices(1000, 100, 2))).not.toEqual(Array.from(a));
    expect(Array.from(sampleIndices(5, 5, 3))).toEqual([0, 1, 2, 3, 4]);
  });
});
