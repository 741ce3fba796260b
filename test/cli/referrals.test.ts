import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');
const clvkit = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

describe('clvkit simulate --referrals and clvkit referrals', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clvkit-refcli-'));
  const sim = join(dir, 'sim');

  it('simulate writes both files and prints the true referral rates and type-one share', () => {
    const r = clvkit(['simulate', '--referrals', '--out-dir', sim, '--customers', '400', '--seed', '3', '--referral-r', '0.8', '--referral-alpha', '60', '--type-one-share', '0.7', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const truth = JSON.parse(r.stdout);
    expect(truth.referral).toMatchObject({ r: 0.8, alpha: 60, type_one_share: 0.7, mean_rate_per_week: 0.8 / 60 });
    expect(truth.warnings).toEqual([]);
    expect(truth.customers).toBe(truth.root_customers + truth.referred_customers);
    expect(readFileSync(join(sim, 'referrals.csv'), 'utf8').split('\n')[0]).toBe('referrer,referred,date,would_have_joined,acquisition_cost');
  });

  it('--json: settings state the type-one share and its source, accounting, matrix cells, warnings []', () => {
    const r = clvkit(['referrals', join(sim, 'transactions.csv'), '--referrals', join(sim, 'referrals.csv'), '--json', '--covariates', 'none']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.warnings).toEqual([]);
    expect(doc.settings).toMatchObject({ type_one_share_source: 'data', time_unit: 'week', horizon: 12, horizon_unit: 'month', annual_discount: 0.1 });
    expect(doc.accounting.referrals.rejected).toEqual({});
    expect(doc.matrix.cells.map((c: { cell: string }) => c.cell)).toEqual(['champions', 'affluents', 'advocates', 'misers']);
    const total = doc.matrix.cells.reduce((s: number, c: { customers: number }) => s + c.customers, 0);
    expect(total).toBe(doc.customers.length);
    expect(Object.keys(doc.customers[0])).toContain('type_one_share');
    // totals add up: Σ per-customer CRV = total; engagement = CLV + CRV
    const sum = doc.customers.reduce((s: number, c: { crv: number }) => s + c.crv, 0);
    expect(sum).toBeCloseTo(doc.totals.crv, 6);
    expect(doc.engagement.cev).toBeCloseTo(doc.engagement.clv + doc.engagement.crv, 6);
  });

  it('segment --referrals: the prioritised list carries the same CRV and cell as clvkit referrals', () => {
    const args = [join(sim, 'transactions.csv'), '--referrals', join(sim, 'referrals.csv'), '--json'];
    const seg = clvkit(['segment', ...args]);
    const ref = clvkit(['referrals', ...args]);
    expect(seg.status, seg.stderr).toBe(0);
    expect(ref.status, ref.stderr).toBe(0);
    const s = JSON.parse(seg.stdout);
    const r = JSON.parse(ref.stdout);
    const byId = new Map(r.customers.map((c: { customer_id: string }) => [c.customer_id, c]));
    expect(s.priorities).toHaveLength(r.customers.length);
    for (const p of s.priorities) {
      const c = byId.get(p.customer_id) as { crv: number; cell: string };
      expect(p.crv).toBe(c.crv);
      expect(p.clv_crv_cell).toBe(c.cell);
    }
    expect(s.referrals.total_crv).toBe(r.totals.crv);
    expect(s.referrals.type_one_share_source).toBe('data');
  });

  it('report --referrals: the referral section in French with the log in the row accounting', () => {
    const html = join(dir, 'report.html');
    const r = clvkit(['report', join(sim, 'transactions.csv'), '--referrals', join(sim, 'referrals.csv'), '--lang', 'fr', '-o', html, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('Les clients partenaires : valeur de recommandation');
    expect(page).toContain('journal des parrainages');
    expect(page).toContain('Matrice CLV × CRV');
  });

  it('a log without would_have_joined needs --type-one-share (exit 2); with it, every output states the assumption', () => {
    const tx = join(dir, 'tx.csv');
    writeFileSync(tx, 'customer_id,date,amount\n=A,2024-01-02,10\n=A,2024-02-09,30\nB,2024-01-05,20\nB,2024-03-01,25\nC,2024-02-01,15\nC,2024-04-01,5\n');
    const log = join(dir, 'refs.csv');
    writeFileSync(log, 'referrer,referred,date\n=A,B,2024-01-05\n=A,C,2024-02-01\nB,Z,2024-03-03\n');
    const missing = clvkit(['referrals', tx, '--referrals', log, '--json', '--no-projection']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--type-one-share/);
    const out = join(dir, 'out');
    const r = clvkit(['referrals', tx, '--referrals', log, '--type-one-share', '0.5', '--acquisition-cost', '30', '--no-projection', '--json', '--out-dir', out, '--lang', 'fr']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.settings).toMatchObject({ type_one_share: 0.5, type_one_share_source: 'option', acquisition_cost: 30, projection: false });
    expect(doc.warnings.join(' ')).toMatch(/type-one share 0.5 is an assumption/);
    expect(doc.matching.unmatched_referred).toEqual({ count: 1, ids: ['Z'] });
    // =A referred B and C: 0.5 × (CLV_B + CLV_C) + 0.5 × 30 × 2
    const clv = Object.fromEntries(doc.customers.map((c: { customer_id: string; clv: number }) => [c.customer_id, c.clv]));
    const a = doc.customers.find((c: { customer_id: string }) => c.customer_id === '=A');
    expect(a.crv).toBeCloseTo(0.5 * (clv.B + clv.C) + 30, 10);
    const csv = readFileSync(join(out, 'referral_value.csv'), 'utf8').split('\n');
    expect(csv[0].split(';')).toContain('type_one_share');
    expect(csv[0].split(';')).toContain('type_one_share_source');
    expect(csv[1].startsWith("'=A;")).toBe(true); // formula guard
    expect(csv[1]).toMatch(/;0,5;option$/);
    expect(readFileSync(join(out, 'referral_unmatched.csv'), 'utf8')).toBe('id;role\nZ;referred\n');
    expect(readFileSync(join(out, 'referral_matrix.csv'), 'utf8').split('\n')[1]).toMatch(/;0,5;option$/);
    // NPS, influencer and knowledge files: stated vs actual and engagement value by component
    const nps = join(dir, 'nps.csv');
    writeFileSync(nps, 'customer_id,score\n=A,10\nB,3\nC,0\nQ,9\n');
    const inf = join(dir, 'influence.csv');
    writeFileSync(inf, 'customer_id,value\n=A,12\nQ,5\n');
    const e = clvkit(['referrals', tx, '--referrals', log, '--type-one-share', '0.5', '--acquisition-cost', '30', '--no-projection', '--json', '--nps', nps, '--influence', inf, '--out-dir', out]);
    expect(e.status, e.stderr).toBe(0);
    const d = JSON.parse(e.stdout);
    expect(d.nps.matched).toBe(3);
    expect(d.nps.unmatched).toEqual(['Q']);
    const promoters = d.nps.groups.find((g: { category: string }) => g.category === 'promoter');
    expect(promoters).toMatchObject({ customers: 1, crv_mean: a.crv });
    expect(d.engagement.influencer).toBe(12);
    expect(d.engagement.knowledge).toBeNull();
    expect(d.engagement.cev).toBeCloseTo(d.engagement.clv + d.engagement.crv + 12, 8);
    expect(d.warnings.join(' ')).toMatch(/1 customers of the influencer file .* not in the transaction file/);
    expect(d.warnings.join(' ')).toMatch(/1 NPS respondents are not customers/);
    expect(readFileSync(join(out, 'referral_nps.csv'), 'utf8').split('\n')[0]).toContain('referral_rate');
  });

  it('horizon and rates in the shared syntax: --horizon 52w --discount 10% --type-one-share 50%', () => {
    const args = ['referrals', join(sim, 'transactions.csv'), '--referrals', join(sim, 'referrals.csv'), '--json', '--covariates', 'none'];
    const r = clvkit([...args, '--horizon', '52w', '--discount', '10%', '--margin', '30%']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).settings).toMatchObject({ horizon: 52, horizon_unit: 'week', annual_discount: 0.1, margin: 0.3 });
    const bad = clvkit([...args, '--discount', '10']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/0\.1 or 10%/);
  });

  it('refuses to write over an input (exit 2) and names the file and line of a bad log row', () => {
    const tx = join(sim, 'transactions.csv');
    const r = clvkit(['referrals', tx, '--referrals', join(sim, 'referrals.csv'), '--out', tx]);
    expect(r.status).toBe(2);
    expect(existsSync(tx)).toBe(true);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'referrer,referred,date\nR000001,R000002,2024-13-45\n');
    const b = clvkit(['referrals', tx, '--referrals', bad, '--type-one-share', '1']);
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(/bad\.csv:2:3: expected a date/);
    expect(b.stderr).not.toMatch(/at .*\.ts:/);
  });
});
