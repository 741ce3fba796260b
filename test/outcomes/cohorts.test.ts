import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/ingest/dates.ts';
import { parseTransactions } from '../../src/ingest/transactions.ts';
import { cohortMatrix, type CohortRow } from '../../src/outcomes/cohorts.ts';
import { customerFacts, type CustomerFacts } from '../../src/outcomes/customers.ts';
import { ordinalStart, periodLabel, periodOrdinal, type OutcomePeriod } from '../../src/outcomes/periods.ts';
import { createRng } from '../../src/random.ts';
import type { TransactionTable } from '../../src/types.ts';

/** The straightforward cohort matrix (a Map of cohorts, a Set of (customer, period) keys): the reference. */
function reference(table: TransactionTable, facts: CustomerFacts, period: OutcomePeriod, probabilityAlive?: ArrayLike<number>): CohortRow[] {
  const endOrd = periodOrdinal(facts.end, period);
  const partial = ordinalStart(endOrd + 1, period) - 1 > facts.end;
  const m = facts.first.length;
  const cohortOf = new Float64Array(m).fill(NaN);
  const rows = new Map<number, CohortRow>();
  for (let c = 0; c < m; c++) {
    if (facts.first[c] < 0) continue;
    const o = periodOrdinal(facts.first[c], period);
    cohortOf[c] = o;
    let r = rows.get(o);
    if (!r) {
      const len = endOrd - o + 1;
      r = {
        cohort: periodLabel(o, period), size: 0, active: new Array<number>(len).fill(0), retention: [],
        revenue: facts.hasAmount ? new Array<number>(len).fill(0) : [], revenue_retention: [], last_partial: partial,
        expected_active: probabilityAlive ? 0 : null,
      };
      rows.set(o, r);
    }
    r.size++;
    if (probabilityAlive && r.expected_active !== null) r.expected_active += probabilityAlive[c];
  }
  const seen = new Set<number>();
  const width = endOrd + 1;
  for (let i = 0; i < table.length; i++) {
    const d = table.day[i];
    if (d > facts.end) continue;
    const c = table.customer[i];
    const o = cohortOf[c];
    const k = periodOrdinal(d, period) - o;
    const r = rows.get(o)!;
    if (facts.hasAmount) r.revenue[k] += table.amount[i];
    const key = c * width + k;
    if (!seen.has(key)) {
      seen.add(key);
      r.active[k]++;
    }
  }
  const out = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  for (const r of out) {
    r.retention = r.active.map((a) => a / r.size);
    if (facts.hasAmount) r.revenue_retention = r.revenue.map((v) => (r.revenue[0] !== 0 ? v / r.revenue[0] : NaN));
  }
  return out;
}

/** A random log in random order: repeat purchases, same-day and same-period duplicates, returns, days after the end. */
function randomLog(seed: number, customers: number, withAmount: boolean, spread = 500): string {
  const rng = createRng(seed);
  const start = 19000; // 2022-01-08
  const lines: string[] = [];
  for (let c = 0; c < customers; c++) {
    const first = start + Math.floor(rng.uniform() * spread);
    const n = 1 + Math.floor(rng.uniform() * 6);
    for (let j = 0; j < n; j++) {
      const d = j === 0 ? first : first + Math.floor(rng.uniform() * 400);
      const amount = rng.uniform() < 0.05 ? -5 : Math.round(rng.uniform() * 10000) / 100;
      lines.push(`C${c},${formatDay(d)}${withAmount ? `,${amount}` : ''}`);
    }
  }
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  return `customer_id,date${withAmount ? ',amount' : ''}\n${lines.join('\n')}\n`;
}

/** The same log with its rows in day order (stable), as the ingest makes a log. */
function inDayOrder(csv: string): string {
  const [head, ...lines] = csv.trim().split('\n');
  const byDay = lines.map((l, i) => ({ l, i, d: l.split(',')[1] })).sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : a.i - b.i));
  return `${head}\n${byDay.map((x) => x.l).join('\n')}\n`;
}

describe('cohortMatrix equals the straightforward computation', () => {
  for (const dayOrder of [false, true]) {
    for (const withAmount of [true, false]) {
      const order = dayOrder ? 'in day order, as the ingest makes it' : 'in random order';
      it(`on a random log ${order} (${withAmount ? 'with' : 'without'} amounts), every period, with and without P(alive)`, () => {
        const log = randomLog((dayOrder ? 21 : 11) + (withAmount ? 0 : 1), 300, withAmount);
        const table = parseTransactions(dayOrder ? inDayOrder(log) : log);
        let maxDay = 0;
        for (let i = 0; i < table.length; i++) maxDay = Math.max(maxDay, table.day[i]);
        for (const end of [maxDay, maxDay - 200]) {
          const facts = customerFacts(table, end);
          const alive = Float64Array.from(facts.first, (_, c) => (c % 7) / 7);
          for (const period of ['day', 'week', 'month', 'quarter', 'year'] as const) {
            expect(cohortMatrix(table, facts, period)).toEqual(reference(table, facts, period));
            expect(cohortMatrix(table, facts, period, alive)).toEqual(reference(table, facts, period, alive));
          }
        }
      });
    }
  }

  it('over more than 2048 days by day (more than 4M cohort cells: counted in the rows), in random and in day order', () => {
    const log = randomLog(13, 200, true, 2500);
    for (const table of [parseTransactions(log), parseTransactions(inDayOrder(log))]) {
      let maxDay = 0;
      for (let i = 0; i < table.length; i++) maxDay = Math.max(maxDay, table.day[i]);
      const facts = customerFacts(table, maxDay);
      for (const period of ['day', 'week'] as const) expect(cohortMatrix(table, facts, period)).toEqual(reference(table, facts, period));
    }
  });
});
