import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReferrals } from '../../src/ingest/referrals.ts';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { simulateReferrals, writeSimulatedReferrals } from '../../src/simulate/referrals.ts';
import { summarize } from '../../src/summary/summarize.ts';
import { analyseReferrals } from '../../src/value/referrals/analyse.ts';
import { referralJson, writeReferralJson } from '../../src/segment/referral-output.ts';

describe('simulated referrals: known rates and type-one share are recovered', () => {
  it('referral NBD r, alpha, mean rate and the type-one share within 3 standard errors (two seeds)', async () => {
    for (const [seed, truth] of [
      [11, { r: 0.5, alpha: 50, typeOneShare: 0.6 }],
      [12, { r: 1.5, alpha: 120, typeOneShare: 0.3 }],
    ] as const) {
      const sim = simulateReferrals({ customers: 3000, seed, referral: truth });
      const dir = mkdtempSync(join(tmpdir(), 'clvkit-ref-'));
      const files = writeSimulatedReferrals(sim, dir);
      const table = await readTransactions(files.transactions);
      const summary = summarize(table);
      const log = readReferrals(files.referrals);
      expect(log.accounting.used).toBe(sim.referrals.length);
      const a = analyseReferrals(summary, log, { covariates: 'none' }, table);
      const fit = a.crv.model!.fit;
      expect(a.crv.model!.covariates).toBe(false);
      const { r, alpha } = fit.params;
      expect(Math.abs(r - truth.r)).toBeLessThan(3 * fit.standardErrors.r);
      expect(Math.abs(alpha - truth.alpha)).toBeLessThan(3 * fit.standardErrors.alpha);
      // mean rate r/alpha, delta-method standard error from the covariance of (r, alpha)
      const [[vr, c], [, va]] = fit.covariance;
      const g = [1 / alpha, -r / alpha ** 2];
      const seMean = Math.sqrt(g[0] ** 2 * vr + 2 * g[0] * g[1] * c + g[1] ** 2 * va);
      expect(Math.abs(r / alpha - truth.r / truth.alpha)).toBeLessThan(3 * seMean);
      const s = a.crv.typeOneShare;
      expect(s.source).toBe('data');
      expect(s.known).toBe(sim.referrals.length);
      expect(Math.abs(s.value - truth.typeOneShare)).toBeLessThan(3 * s.se!);
      // every referred customer bought, every referrer is a customer
      expect(a.matched.unmatchedReferred).toEqual([]);
      expect(a.matched.unmatchedReferrers).toEqual([]);
      expect(a.warnings).toEqual([]);
    }
  });

  it('with every referral type one and projection off, total type-one CRV = Σ CLV of the referred customers', async () => {
    const sim = simulateReferrals({ customers: 800, seed: 5, referral: { typeOneShare: 1 } });
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-ref-'));
    const files = writeSimulatedReferrals(sim, dir);
    const table = await readTransactions(files.transactions);
    const summary = summarize(table);
    const a = analyseReferrals(summary, readReferrals(files.referrals), { projection: false }, table);
    const referred = new Set(a.matched.referred);
    let sum = 0;
    for (const j of referred) sum += a.value.clv[j];
    expect(referred.size).toBe(sim.referrals.length);
    expect(a.crv.total.typeOne).toBeCloseTo(sum, 8);
    expect(a.crv.total.typeTwo).toBe(0);
    // the streamed --json document is byte for byte JSON.stringify of the whole document
    const chunks: Buffer[] = [];
    writeReferralJson({ write: (c) => void chunks.push(Buffer.from(c)) }, a, { log: readReferrals(files.referrals) });
    expect(Buffer.concat(chunks).toString('utf8')).toBe(JSON.stringify(referralJson(a, { log: readReferrals(files.referrals) })) + '\n');
    // CRV = 0 exactly for customers without referrals when nothing is projected
    for (let i = 0; i < a.customerIds.length; i++) if (a.crv.referrals[i] === 0) expect(a.crv.crv[i]).toBe(0);
  });

  it('bootstrap: no spread without projection when every type is known; with projection the interval brackets the total', async () => {
    const sim = simulateReferrals({ customers: 600, seed: 9 });
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-ref-'));
    const files = writeSimulatedReferrals(sim, dir);
    const table = await readTransactions(files.transactions);
    const summary = summarize(table);
    const log = readReferrals(files.referrals);
    // past referrals of known type do not depend on any estimate: every draw gives the same total
    const fixed = analyseReferrals(summary, log, { projection: false, bootstrap: 20, seed: 3 }, table);
    expect(fixed.crv.total.draws).toBe(20);
    expect(fixed.crv.total.lower).toBeCloseTo(fixed.crv.total.crv, 6);
    expect(fixed.crv.total.upper).toBeCloseTo(fixed.crv.total.crv, 6);
    const a = analyseReferrals(summary, log, { covariates: 'none', bootstrap: 40, seed: 3 }, table);
    expect(a.crv.total.lower!).toBeLessThan(a.crv.total.crv);
    expect(a.crv.total.upper!).toBeGreaterThan(a.crv.total.crv);
    expect(a.crv.crvLower).toHaveLength(a.customerIds.length);
    for (let i = 0; i < a.customerIds.length; i++) expect(a.crv.crvLower![i]).toBeLessThanOrEqual(a.crv.crvUpper![i]);
  });
});

