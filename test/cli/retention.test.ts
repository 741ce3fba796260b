import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');
const dir = mkdtempSync(join(tmpdir(), 'clvkit-retention-'));

function clvkit(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
}

const tx = join(dir, 'tx.csv');
writeFileSync(tx, 'customer_id,date,amount,channel\nA,2024-01-05,10,web\nA,2024-01-20,5,web\nB,2024-01-28,20,shop\nB,2024-06-10,6,shop\nC,2024-02-10,8,web\nD,2024-03-31,12,web\nD,2024-04-01,3,web\n');
const contracts = join(dir, 'contracts.csv');
// a: 2 months; b: still active (censored at the end 2024-06-30); c: end before start (rejected); d: 1 month.
writeFileSync(contracts, 'customer,start,end,plan\na,2024-01-01,2024-03-01,basic\nb,2024-01-01,,basic\nc,2024-02-01,2024-01-01,basic\nd,2024-02-01,2024-03-01,=cmd\n');
const leads = join(dir, 'leads.csv');
writeFileSync(leads, 'lead_id,date,source,customer_id\nL1,2024-01-01,ads,A\nL2,2024-01-02,ads,\n');

describe('clvkit retention', () => {
  it('--json prints one document with the DESIGN.md §3 keys; human lines go to stderr', () => {
    const r = clvkit(['retention', tx, '--contracts', contracts, '--leads', leads, '--end', '2024-06-30', '--json', '--no-model']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['recruitment', 'conversion', 'cohorts', 'contracts']));
    expect(Object.keys(doc.contracts)).toEqual(expect.arrayContaining(['km', 'median', 'models', 'retention_rates']));
    expect(Object.keys(doc.contracts.km[0])).toEqual(expect.arrayContaining(['t', 'at_risk', 'events', 'censored', 'survival', 'lower', 'upper']));
    expect(doc.contracts.accounting).toMatchObject({ read: 4, used: 3, rejected: { 'end before start': 1 } });
    // a ends at tenure 2 months, d at 1 month, b censored at 5 + 29/30 months (1 Jun -> 30 Jun of a 30-day month).
    expect(doc.contracts.km.map((s: { t: number }) => s.t)).toEqual([1, 2, 5 + 29 / 30]);
    expect(doc.contracts.median).toBe(2);
    expect(doc.conversion.leads.overall).toMatchObject({ leads: 2, customers: 1 });
    expect(doc.recruitment.map((x: { new_customers: number }) => x.new_customers)).toEqual([2, 1, 1]);
    expect(r.stderr).toContain('contracts');
  });

  it('--out-dir writes the CSV tables with the formula guard', () => {
    const out = join(dir, 'out');
    const r = clvkit(['retention', tx, '--contracts', contracts, '--leads', leads, '--end', '2024-06-30', '--out-dir', out, '--no-model', '--min-group-size', '1']);
    expect(r.status).toBe(0);
    // stdout is one line saying what was written; the summary lines go to stderr
    expect(r.stdout).toBe(`wrote 10 files to ${out}\n`);
    expect(r.stderr).toContain('acquired over 3 months');
    for (const f of ['leads_funnel.csv', 'drivers.csv', 'recruitment.csv', 'conversion.csv', 'cohort_retention.csv', 'time_to_second_purchase_km.csv', 'contracts_km.csv', 'contracts_models.csv', 'contracts_projection.csv', 'contracts_retention_rates.csv']) {
      expect(existsSync(join(out, f))).toBe(true);
    }
    expect(readFileSync(join(out, 'contracts_models.csv'), 'utf8')).toContain("'=cmd");
    expect(readFileSync(join(out, 'leads_funnel.csv'), 'utf8').split('\n')[1]).toMatch(/^all,all,2,1,1,0\.5,/); // L1 -> A, who bought again on 20 Jan
    expect(readFileSync(join(out, 'recruitment.csv'), 'utf8').split('\n')[0]).toBe('period,start,new_customers,cumulative,revenue,revenue_share,channel_shop,channel_web');
  });

  it('bad usage exits 2; a contracts file with no usable row exits 1 at file:line', () => {
    const bad = clvkit(['retention', tx, '--period', 'fortnight']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--period must be one of');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, 'customer,start,end\nx,notadate,\n');
    const r = clvkit(['retention', tx, '--contracts', empty, '--no-model']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${empty}:2: no usable row (1 bad start date)`);
  });
});
