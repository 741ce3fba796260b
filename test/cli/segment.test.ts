import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulateTransactions, writeSimulatedCsv } from '../../src/simulate/transactions.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');
const clvkit = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'clvkit-segment-'));
const file = join(dir, 'tx.csv');

beforeAll(async () => {
  await writeSimulatedCsv(simulateTransactions({ customers: 400, seed: 11 }), file);
});

describe('clvkit segment', () => {
  it('prints exactly one JSON document with the DESIGN.md §3 keys, messages on stderr', () => {
    const r = clvkit(['segment', file, '--json', '--horizon', '6', '--horizon-unit', 'month', '--discount', '0.08']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(r.stdout.trim().split('\n').length).toBe(1);
    for (const k of ['tiers', 'rfm', 'concentration', 'migration', 'priorities']) expect(doc).toHaveProperty(k);
    expect(doc.value.horizon_model_units).toBeCloseTo((6 * 365.25) / 12 / 7, 12);
    expect(doc.value.rate_per_model_unit).toBeCloseTo((Math.log(1.08) * 7) / 365.25, 15);
    expect(r.stderr).toMatch(/customer equity/);
  }, 60_000);

  it('writes every table as CSV with --out-dir, with migration, costs, an RFM config and a guarded id', () => {
    // a customer whose id looks like a formula must come out guarded in priorities.csv
    const tx = readFileSync(file, 'utf8').replace(/^C000001,/gm, '=HYPERLINK(1),');
    const guarded = join(dir, 'guarded.csv');
    writeFileSync(guarded, tx);
    const rfm = join(dir, 'rfm.json');
    writeFileSync(rfm, JSON.stringify({ segments: [{ name: 'Recent', r: [4, 5] }, { name: 'Older' }] }));
    const out = join(dir, 'out');
    const r = clvkit(['segment', guarded, '--out-dir', out, '--migration-date', '2025-06-30', '--cost-per-order', '3', '--rfm-config', rfm, '--bootstrap', '4']);
    expect(r.status).toBe(0);
    for (const f of ['tiers_pyramid.csv', 'tiers_deciles.csv', 'tiers_abc.csv', 'rfm_segments.csv', 'concentration.csv', 'lorenz.csv', 'whale.csv', 'priorities.csv', 'equity.csv', 'migration_tiers.csv', 'migration_rfm.csv']) {
      expect(existsSync(join(out, f))).toBe(true);
    }
    const priorities = readFileSync(join(out, 'priorities.csv'), 'utf8');
    expect(priorities.split('\n')[0]).toBe(
      'rank,customer_id,clv,clv_lower,clv_upper,probability_alive,expected_transactions,expected_spend,historical_spend,days_since_last_purchase,tier,past_tier,rfm_segment,rfm_score,flags',
    );
    expect(priorities).toContain(",'=HYPERLINK(1),");
    const segments = readFileSync(join(out, 'rfm_segments.csv'), 'utf8');
    expect(segments).toMatch(/^Recent,/m);
    expect(segments).toMatch(/^Older,/m);
    expect(readFileSync(join(out, 'lorenz.csv'), 'utf8').trim().split('\n').length).toBe(102);
  }, 60_000);

  it('reads the margin and the cost to serve from columns: a 0.5 margin halves the equity', () => {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const withCols = join(dir, 'with-columns.csv');
    writeFileSync(withCols, [lines[0] + ',margin_rate,serve_cost', ...lines.slice(1).map((l) => l + ',0.5,1')].join('\n') + '\n');
    const full = JSON.parse(clvkit(['segment', withCols, '--json']).stdout);
    const half = JSON.parse(clvkit(['segment', withCols, '--json', '--margin', 'margin_rate', '--cost-col', 'serve_cost']).stdout);
    expect(half.equity.equity / full.equity.equity).toBeCloseTo(0.5, 12);
    // whale: profit = 0.5 × spend − 1 per row
    const spend = full.priorities.reduce((s: number, p: { historical_spend: number }) => s + p.historical_spend, 0);
    expect(half.concentration.whale.total_profit).toBeCloseTo(0.5 * spend - (lines.length - 1), 6);
  }, 60_000);

  it('exits 2 on bad usage and 1 on bad input', () => {
    expect(clvkit(['segment', file, '--model', 'bgbb']).status).toBe(2);
    expect(clvkit(['segment', file, '--horizon-unit', 'fortnight']).status).toBe(2);
    expect(clvkit(['segment', file, '--horizon', 'infinite', '--discount', '0']).status).toBe(2);
    const noAmount = join(dir, 'dates-only.csv');
    writeFileSync(noAmount, 'customer_id,date\nA,2024-01-01\nA,2024-02-01\nB,2024-01-05\n');
    const r = clvkit(['segment', noAmount]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/amount/);
  }, 60_000);
});
