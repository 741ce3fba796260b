import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReferrals } from '../../src/ingest/referrals.ts';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { analysePortfolio } from '../../src/segment/portfolio.ts';
import { portfolioJson, writePortfolioJson } from '../../src/segment/portfolio-json.ts';
import { portfolioMigration } from '../../src/segment/portfolio-migration.ts';
import { simulateReferrals, writeSimulatedReferrals } from '../../src/simulate/referrals.ts';
import { summarize } from '../../src/summary/summarize.ts';

// Oracle: the document as one JSON.stringify of portfolioJson (the contract, DESIGN.md §3). The streamed
// writer (the prioritised list from its columns) must give exactly those bytes, whatever the options add.
function streamed(...args: Parameters<typeof writePortfolioJson> extends [unknown, ...infer R] ? R : never): string {
  const parts: Buffer[] = [];
  writePortfolioJson({ write: (c) => void parts.push(Buffer.from(c)) }, ...args);
  return Buffer.concat(parts).toString('utf8');
}

describe('segment --json streamed equals JSON.stringify(portfolioJson(...)) (oracle: the one-string document)', async () => {
  const sim = simulateReferrals({ customers: 600, seed: 4 });
  const files = writeSimulatedReferrals(sim, mkdtempSync(join(tmpdir(), 'clvkit-portfolio-json-')));
  // ids read from a file: the list's ids come from their bytes
  const table = await readTransactions(files.transactions);
  const summary = summarize(table);

  it('the default analysis, with a migration from an earlier date', () => {
    const a = analysePortfolio(summary, { costPerOrder: 2 });
    const earlier = analysePortfolio(summarize(table, { end: summary.end - 120 }), {});
    const m = portfolioMigration(earlier, a);
    expect(streamed(a, m)).toBe(JSON.stringify(portfolioJson(a, m)) + '\n');
    expect(streamed(a)).toBe(JSON.stringify(portfolioJson(a)) + '\n');
  });

  it('with per-customer bounds (bootstrap) and with referral value (CRV and the CLV x CRV cell)', () => {
    const b = analysePortfolio(summary, { bootstrap: 3, seed: 2 });
    expect(streamed(b)).toBe(JSON.stringify(portfolioJson(b)) + '\n');
    const log = readReferrals(files.referrals);
    const r = analysePortfolio(summary, { referrals: { log, options: { covariates: 'none' }, table } });
    const text = streamed(r);
    expect(text).toBe(JSON.stringify(portfolioJson(r)) + '\n');
    const doc = JSON.parse(text) as { priorities: Array<Record<string, unknown>>; referrals: unknown };
    expect(doc.referrals).toBeDefined();
    expect(Object.keys(doc.priorities[0])).toContain('clv_crv_cell');
  });
});
