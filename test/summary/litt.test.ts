import { describe, expect, it } from 'vitest';
import { parseTransactions } from '../../src/ingest/transactions.ts';
import { periodTable, summarize, unitDays } from '../../src/summary/summarize.ts';
import type { PeriodUnit, TransactionTable } from '../../src/types.ts';

function log(seed: number, customers: number, rows: number): string {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const lines = ['customer_id,date,amount'];
  let d = Date.UTC(2023, 0, 1);
  for (let i = 0; i < rows; i++) {
    if (rand() < 0.05) d += 86400000 * (1 + Math.floor(rand() * 3));
    const c = Math.floor(rand() * customers);
    const amount = rand() < 0.1 ? -(Math.floor(rand() * 5000) / 100) : Math.floor(rand() * 10000) / 100 + 0.01;
    lines.push(`c${c},${new Date(d).toISOString().slice(0, 10)},${amount}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * litt by its definition (Platzer & Reutterer 2016; BTYDplus): per customer, the purchase periods up to
 * the end (a period is a purchase when it has no return or nets positive), and Σ log of the gaps
 * between consecutive ones in freq units. Written from scratch with a Map per customer and period.
 */
function littByDefinition(t: TransactionTable, unit: PeriodUnit, freq: PeriodUnit, end: number): Map<string, number> {
  const min = Math.min(...t.day);
  const period = periodTable(min, end - min + 1, unit);
  const per = new Map<string, Map<number, { net: number; ret: boolean }>>();
  for (let i = 0; i < t.length; i++) {
    if (t.day[i] > end) continue;
    const id = t.customerIds[t.customer[i]];
    const p = period[t.day[i] - min];
    const m = per.get(id) ?? new Map();
    per.set(id, m);
    const e = m.get(p) ?? { net: 0, ret: false };
    e.net += t.amount[i];
    if (t.amount[i] < 0) e.ret = true;
    m.set(p, e);
  }
  const scale = unit === freq ? 1 : unitDays(unit) / unitDays(freq);
  const out = new Map<string, number>();
  for (const [id, m] of per) {
    const ps = [...m.entries()].filter(([, e]) => !e.ret || e.net > 0).map(([p]) => p).sort((a, b) => a - b);
    let s = 0;
    for (let k = 1; k < ps.length; k++) s += Math.log((ps[k] - ps[k - 1]) * scale);
    if (ps.length > 0) out.set(id, s);
  }
  return out;
}

describe('litt, the sum of log inter-purchase times, in the summary pass (BTYDplus definition)', () => {
  const table = parseTransactions(log(3, 1500, 12000));
  const last = Math.max(...table.day);
  for (const [unit, freq, endOffset, cal] of [['day', 'week', 0, false], ['day', 'day', -20, false], ['week', 'week', 0, false], ['month', 'week', 0, false], ['day', 'week', 0, true]] as const) {
    it(`equals the definition: unit ${unit}, freq ${freq}${endOffset ? ', end inside the log' : ''}${cal ? ', calibration split (calibration purchases only)' : ''}`, () => {
      const end = last + endOffset;
      const calEnd = cal ? end - 40 : undefined;
      const s = summarize(table, { unit, freq, end, ...(calEnd !== undefined ? { calibrationEnd: calEnd } : {}) });
      const ref = littByDefinition(table, unit, freq, calEnd ?? end);
      let checked = 0;
      for (let i = 0; i < s.customerIds.length; i++) {
        const want = ref.get(s.customerIds[i])!;
        expect(Math.abs(s.litt![i] - want)).toBeLessThan(1e-9 * (1 + Math.abs(want)));
        if (s.frequency[i] === 0) expect(s.litt![i]).toBe(0);
        checked++;
      }
      expect(checked).toBeGreaterThan(1000);
    });
  }
});
