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

  it('P(alive) matched by table index equals P(alive) matched by id, excluded customers counting 0 (returns only, after the end)', async () => {
    // a customer with returns only and one first seen after the end: in the table, not in the summary
    const { writeFileSync, mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-retention-'));
    try {
      const file = join(dir, 'tx.csv');
      writeFileSync(file, readFileSync(sample, 'utf8').trimEnd() + '\nRETURNS_ONLY,2024-03-01,-5,web\n');
      const table = await readTransactions(file);
      const end = table.day.reduce((a, b) => Math.max(a, b), -Infinity) - 30;
      const summary = summarize(table, { end });
      const values = fitBgNbd(summary).probabilityAliveAll(summary);
      const { retentionOutcomes } = await import('../../src/outcomes/retention.ts');
      const { summaryIdBytes } = await import('../../src/summary/summarize.ts');
      const rows = summaryIdBytes(summary)!.rows!;
      expect(rows.length).toBeLessThan(table.customerIds.length); // some table customers are not in the summary
      const byIndex = retentionOutcomes(table, { end, drivers: false, probabilityAlive: { tableCustomers: rows, values } });
      const byId = retentionOutcomes(table, { end, drivers: false, probabilityAlive: { customerIds: summary.customerIds, values } });
      expect(byIndex.cohorts).toEqual(byId.cohorts);
      expect(byIndex.cohorts.some((c) => (c.expected_active ?? 0) > 0)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('retentionFromFiles: a driver model that cannot be fitted', () => {
  it('is said in the notes (stderr and the JSON warnings), not only in its own entry', async () => {
    // every customer buys once: no conversion to a second purchase, so the conversion model has a constant outcome
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'clvkit-drivers-')), 'tx.csv');
    const lines = ['customer_id,date,amount'];
    for (let i = 0; i < 400; i++) lines.push(`C${i},2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${10 + (i % 37)}`);
    writeFileSync(file, lines.join('\n') + '\n');
    const { report, notes } = await retentionFromFiles(file, { model: false });
    const conversion = report.drivers.find((d) => d.outcome === 'conversion')!;
    expect(conversion.error).toBeTruthy();
    expect(notes).toContain(`the conversion driver model was not fitted: ${conversion.error}`);
  });
});
