import { describe, expect, it } from 'vitest';
import { analysePortfolio } from '../../src/segment/portfolio.ts';
import { portfolioMigration } from '../../src/segment/portfolio-migration.ts';
import { portfolioJson } from '../../src/segment/portfolio-json.ts';
import { valueTiers } from '../../src/segment/pyramid.ts';
import { simulateTransactions } from '../../src/simulate/transactions.ts';
import { summarize } from '../../src/summary/summarize.ts';
import type { TransactionTable } from '../../src/types.ts';

/** A simulated log (BG/NBD + Gamma-Gamma, known parameters) as a TransactionTable. */
function simulatedTable(customers: number, seed: number): TransactionTable {
  const log = simulateTransactions({ customers, seed });
  return {
    customerIds: Array.from({ length: customers }, (_, i) => `C${i + 1}`),
    customer: log.customer,
    day: log.day,
    amount: log.amount,
    hasAmount: true,
    length: log.customer.length,
    accounting: { read: log.customer.length, used: log.customer.length, rejected: {} },
  };
}

const table = simulatedTable(800, 3);
const summary = summarize(table, {});
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

describe('portfolio analysis', () => {
  const a = analysePortfolio(summary, { horizon: 12, horizonUnit: 'month', annualDiscount: 0.1, costPerOrder: 2 });
  const n = summary.customerIds.length;

  it('adds up: equity = Σ CLV, tier and segment tables cover every customer once', () => {
    expect(a.equity.equity).toBeCloseTo(sum(a.value.clv), 8);
    for (const rows of [a.tiers.pyramid, a.tiers.deciles, a.tiers.abc, a.tiers.naturalBreaks, a.tiers.pastPyramid]) {
      expect(sum(rows.map((r) => r.customers))).toBe(n);
      expect(sum(rows.map((r) => r.share_customers))).toBeCloseTo(1, 12);
      expect(sum(rows.map((r) => r.share_value))).toBeCloseTo(1, 12);
    }
    expect(sum(a.rfm.table.map((r) => r.customers))).toBe(n);
    expect(a.tiers.pyramid.map((r) => r.customers)).toEqual(valueTiers(a.value.clv).counts);
  });

  it('ranks every customer once by CLV in the prioritised list', () => {
    expect(a.priorities.length).toBe(n);
    expect(new Set(a.priorities.map((p) => p.customer_id)).size).toBe(n);
    for (let k = 1; k < n; k++) expect(a.priorities[k].clv).toBeLessThanOrEqual(a.priorities[k - 1].clv);
    for (const p of a.priorities.slice(0, 20)) {
      expect(p.probability_alive).toBeGreaterThanOrEqual(0);
      expect(p.probability_alive).toBeLessThanOrEqual(1);
    }
  });

  it('computes the whale curve from the cost per order: total profit = spend − 2 × orders', () => {
    expect(a.concentration.whale!.totalProfit).toBeCloseTo(sum(summary.totalSpend) - 2 * sum(summary.transactions), 6);
    expect(a.concentration.giniClv).toBeGreaterThan(0);
    expect(a.concentration.giniClv).toBeLessThan(1);
  });

  it('gives the DESIGN.md §3 JSON shape', () => {
    const json = JSON.parse(JSON.stringify(portfolioJson(a))) as Record<string, any>;
    expect(Object.keys(json.tiers)).toEqual(expect.arrayContaining(['pyramid', 'deciles', 'abc']));
    expect(Array.isArray(json.rfm.segments)).toBe(true);
    expect(Object.keys(json.concentration)).toEqual(expect.arrayContaining(['gini_spend', 'gini_clv', 'top_shares', 'lorenz']));
    expect(json.concentration.lorenz.length).toBe(101);
    expect(json).toHaveProperty('migration');
    expect(json.priorities.length).toBe(n);
    expect(Object.keys(json.priorities[0])).toEqual(expect.arrayContaining(['customer_id', 'clv', 'probability_alive', 'tier', 'rfm_segment', 'flags']));
    expect(json.concentration.top_shares.top_1pct.clv).toBeGreaterThan(0.01);
  });

  it('reports migration between two observation ends, newcomers in (new)', () => {
    const firstEnd = summary.end - 500;
    const earlier = summarize(table, { end: firstEnd });
    const before = analysePortfolio(earlier, {});
    const m = portfolioMigration(before, a);
    const total = sum(m.tiers.counts.map((row) => sum(row)));
    expect(total).toBe(n);
    // newcomers: first purchase after the first end
    const newcomers = Array.from(summary.firstPurchase).filter((d) => d > firstEnd).length;
    expect(newcomers).toBeGreaterThan(50);
    expect(sum(m.rfmSegments.counts[m.rfmSegments.from.length - 1])).toBe(newcomers);
    expect(sum(m.pastTiers.counts[m.pastTiers.from.length - 1])).toBe(newcomers);
  });

  it('adds equity and per-customer intervals with a bootstrap', () => {
    const b = analysePortfolio(summary, { bootstrap: 5, seed: 2 });
    expect(b.equity.bootstrap!.draws).toBe(5);
    expect(b.priorities[0].clv_lower).toBeLessThanOrEqual(b.priorities[0].clv_upper!);
  });

  it('refuses a summary without amounts', () => {
    const noAmount = { ...summary, totalSpend: new Float64Array(n).fill(NaN), monetaryValue: new Float64Array(n).fill(NaN) };
    expect(() => analysePortfolio(noAmount, {})).toThrow(/amount/);
  });
});
