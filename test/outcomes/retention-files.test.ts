import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { fitBgNbd } from '../../src/models/bgnbd.ts';
import { retentionFromFiles } from '../../src/outcomes/retention-files.ts';
import { summarize } from '../../src/summary/summarize.ts';

const sample = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'sample-transactions.csv');

describe('retentionFromFiles with the BG/NBD', () => {
  it('expected active customers per cohort add up to Σ P(alive) over all customers', async () => {
    const { report, notes } = await retentionFromFiles(sample, { period: 'quarter', drivers: false });
    expect(notes).toEqual([]);
    expect(report.expected_active_model).toBe('bgnbd');
    const table = await readTransactions(sample);
    const summary = summarize(table, { end: report.end });
    const total = fitBgNbd(summary).probabilityAliveAll(summary).reduce((s, p) => s + p, 0);
    const byCohort = report.cohorts.reduce((s, c) => s + (c.expected_active ?? NaN), 0);
    expect(byCohort).toBeCloseTo(total, 6);
    for (const c of report.cohorts) {
      expect(c.expected_active!).toBeGreaterThan(0);
      expect(c.expected_active!).toBeLessThanOrEqual(c.size);
    }
    expect(report.recruitment.reduce((s, r) => s + r.new_customers, 0)).toBe(summary.customerIds.length);
  });
});
