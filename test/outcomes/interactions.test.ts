import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTouchpoints } from '../../src/ingest/touchpoints.ts';
import { parseTransactions } from '../../src/ingest/transactions.ts';
import { contactCounts, followedByPurchase, parseTransform, transformCount, transformNames } from '../../src/summary/contacts.ts';
import { interactionAnalysis } from '../../src/outcomes/interactions.ts';
import { simulateTouchpoints, writeTouchpointCsvs } from '../../src/simulate/touchpoints.ts';
import { readTransactions } from '../../src/ingest/transactions.ts';
import { parsePlan } from '../../src/cli/commands/interactions.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');
const clvkit = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'clvkit-tp-'));

describe('touchpoint log: the transaction reader’s dialects, accounting and errors', () => {
  it('reads a French log (; and dd/mm/yyyy, decimal-comma costs) with channels and costs', async () => {
    const f = join(dir, 'fr.csv');
    writeFileSync(f, '\ufeffid_client;date;canal;type;cout\r\nA;03/01/2024;email;newsletter;0,05\r\nA;10/01/2024;téléphone;appel;4,5\r\nB;15/01/2024;email;relance;0,05\r\n');
    const t = await readTouchpoints(f);
    expect(t.channels).toEqual(['email', 'téléphone']);
    expect(t.hasCost).toBe(true);
    expect(Array.from(t.cost)).toEqual([0.05, 4.5, 0.05]);
    expect(t.accounting).toMatchObject({ read: 3, used: 3 });
    const byKind = await readTouchpoints(f, { by: 'kind' });
    expect(byKind.channels).toEqual(['newsletter', 'appel', 'relance']);
  });

  it('a bad date stops at file:line:column; --skip-bad-rows counts it; no channel column is a one-line error', async () => {
    const f = join(dir, 'bad.csv');
    writeFileSync(f, 'customer_id,date,channel\nA,2024-01-03,email\nB,2024-13-45,sms\n');
    await expect(readTouchpoints(f)).rejects.toThrow(/bad\.csv:3:2/);
    const t = await readTouchpoints(f, { skipBadRows: true });
    expect(t.accounting.used).toBe(1);
    expect(t.accounting.rejected).toEqual({ 'bad date': 1 });
    const g = join(dir, 'nochannel.csv');
    writeFileSync(g, 'customer_id,date\nA,2024-01-03\n');
    await expect(readTouchpoints(g)).rejects.toThrow(/no channel column in the touchpoint log.*columns found: customer_id, date/);
  });
});

describe('contact counts, transforms and follow-up shares (hand-computed)', () => {
  const tp = { customerIds: ['a', 'b', 'z'], customer: Int32Array.of(0, 0, 0, 1, 2), day: Int32Array.of(0, 3, 8, 20, 5), channel: Int32Array.of(0, 1, 0, 0, 0), channels: ['email', 'sms'] };
  it('counts per customer, period and channel; contacts of unknown customers and outside the grid are counted apart', () => {
    const c = contactCounts(tp, ['a', 'b'], { start: 0, periods: 2, periodDays: 7 });
    // a: period 0 email 1, sms 1; period 1 email 1; b: day 20 is outside 2 weeks
    expect(Array.from(c.counts)).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);
    expect(c.unmatched).toBe(1);
    expect(c.outside).toBe(1);
  });
  it('log(1+n), counts and bands', () => {
    const out = new Float64Array(3);
    transformCount(3, parseTransform('bands:1,2,4'), out, 0);
    expect(Array.from(out)).toEqual([0, 1, 0]);
    transformCount(7, parseTransform('bands:1,2,4'), out, 0);
    expect(Array.from(out)).toEqual([0, 0, 1]);
    transformCount(3, parseTransform('log'), out, 0);
    expect(out[0]).toBe(Math.log(4));
    expect(transformNames('email', parseTransform('bands:1,2,4'))).toEqual(['email:1', 'email:2-3', 'email:4+']);
    expect(() => parseTransform('bands:2,1')).toThrow(/increasing/);
    expect(parsePlan('email:+1, phone:2')).toEqual([{ channel: 'email', contacts: 1 }, { channel: 'phone', contacts: 2 }]);
  });
  it('share of contacts followed by a purchase within the window (the contact day excluded)', () => {
    const table = parseTransactions('customer_id,date,amount\na,1970-01-01,5\na,1970-01-05,5\nb,1970-01-30,5\n');
    const rows = followedByPurchase({ ...tp, customerIds: ['a', 'b', 'z'] }, table, 7, 40);
    // a: day 0 email → purchase day 4 (yes); day 3 sms → day 4 (yes); day 8 email → none (no); b day 20 email → day 29 > 27 (no)
    expect(rows).toEqual([{ channel: 'email', contacts: 3, followed: 1 }, { channel: 'sms', contacts: 1, followed: 1 }]);
  });
});

describe('interactions on a simulated log with known channel effects', () => {
  it('recovers the purchase effects (log(1+n)), finds the saturation of sms on attrition, and prices contact plans', async () => {
    const sim = simulateTouchpoints({ customers: 500, seed: 11, weeks: 65, acquisitionWeeks: 26 });
    await writeTouchpointCsvs(sim, (name, text) => writeFileSync(join(dir, `sim-${name}`), text));
    const table = await readTransactions(join(dir, 'sim-transactions.csv'));
    const tps = await readTouchpoints(join(dir, 'sim-touchpoints.csv'));
    const a = interactionAnalysis(table, tps, { calibrationEnd: '2025-01-31', plan: [{ channel: 'phone', contacts: 1 }] });
    expect(a.lrTest.df).toBe(6);
    expect(a.lrTest.p).toBeLessThan(1e-6);
    for (const ch of sim.truth.channels) {
      const e = a.effects.find((x) => x.channel === ch.name && x.process === 'purchase')!;
      expect(Math.abs(e.estimate - ch.purchaseEffect) / e.se).toBeLessThan(3);
    }
    // sms: 3 and more contacts a week raise attrition by e^0.8 per contact beyond 2 (×5 at 4): the 4+ band
    // multiplies dropout by more than the 1 band does (×1 in truth)
    const sat = (band: string) => a.saturation.find((x) => x.channel === 'sms' && x.band === band && x.process === 'dropout')!;
    expect(sat('4+').multiplier).toBeGreaterThan(1.5);
    expect(sat('4+').multiplier).toBeGreaterThan(sat('1').multiplier);
    // a phone contact more per week raises CLV in every tier (its purchase effect is +0.5)
    const all = a.plan.find((p) => p.tier === 'all')!;
    expect(all.customers).toBe(a.customers);
    expect(all.change_total).toBeGreaterThan(0);
    expect(a.holdout!.actual).toBeGreaterThan(0);
    const f = a.tables.followedByPurchase.find((r) => r.channel === 'email' && r.window_days === 30)!;
    expect(f.lower).toBeLessThan(f.share);
    expect(f.upper).toBeGreaterThan(f.share);
  });
});

describe('clvkit simulate --touchpoints and clvkit interactions', () => {
  it('writes both logs, then the analysis as JSON and CSV files', () => {
    const out = join(dir, 'simcli');
    const s = clvkit(['simulate', '--touchpoints', '--out-dir', out, '--customers', '200', '--seed', '4', '--days', '280', '--acquisition-days', '90', '--json']);
    expect(s.status, s.stderr).toBe(0);
    const truth = JSON.parse(s.stdout);
    expect(truth.channels.map((c: { name: string }) => c.name)).toEqual(['email', 'phone', 'sms']);
    expect(truth.warnings).toEqual([]);
    const r = clvkit(['interactions', join(out, 'transactions.csv'), '--touchpoints', join(out, 'touchpoints.csv'), '--bands', '2', '--plan', 'email:+1', '--out-dir', join(out, 'res'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Array.isArray(doc.warnings)).toBe(true);
    expect(doc.effects.length).toBe(6);
    for (const name of ['effects.csv', 'saturation.csv', 'plan.csv', 'contacts_per_period.csv', 'followed_by_purchase.csv']) expect(existsSync(join(out, 'res', name))).toBe(true);
    expect(readFileSync(join(out, 'res', 'effects.csv'), 'utf8').split('\n')[0]).toBe('channel,covariate,process,estimate,se,multiplier,lower,upper,p');
    expect(doc.saturation.map((e: { band: string }) => e.band)).toContain('2+');
  });
});
