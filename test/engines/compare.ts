/** Column-by-column comparison of two summaries, customers matched by id (engines order them differently). */
import { expect } from 'vitest';
import type { CustomerSummary } from '../../src/types.ts';

const EXACT = ['frequency', 'firstPurchase', 'lastPurchase', 'transactions', 'holdoutFrequency'] as const;
const CLOSE = ['recency', 'T', 'monetaryValue', 'totalSpend', 'holdoutMonetaryValue', 'holdoutT', 'litt'] as const;

/** Sorted-by-id view of a summary's columns. */
export function byId(s: CustomerSummary): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (let i = 0; i < s.customerIds.length; i++) {
    const row: Record<string, number> = {};
    for (const k of [...EXACT, ...CLOSE]) {
      const col = s[k] as ArrayLike<number> | undefined;
      if (col) row[k] = col[i];
    }
    out.set(s.customerIds[i], row);
  }
  return out;
}

/**
 * Every customer and column equal: frequency, dates, counts exactly; recency, T and money within
 * 1e-9 (NaN equals NaN: no amounts). Returns the number of customers compared.
 */
export function expectSameSummary(actual: CustomerSummary, expected: CustomerSummary): number {
  expect(actual.customerIds.length).toBe(expected.customerIds.length);
  expect([...actual.customerIds].sort()).toEqual([...expected.customerIds].sort());
  expect(actual.unit).toBe(expected.unit);
  expect(actual.freq).toBe(expected.freq);
  expect(actual.end).toBe(expected.end);
  expect(actual.calibrationEnd).toBe(expected.calibrationEnd);
  expect(actual.holdoutFrequency === undefined).toBe(expected.holdoutFrequency === undefined);
  const a = byId(actual);
  const mismatches: string[] = [];
  for (const [id, e] of byId(expected)) {
    const r = a.get(id)!;
    for (const k of EXACT) {
      if (k in e && !(r[k] === e[k] || (Number.isNaN(r[k]) && Number.isNaN(e[k])))) mismatches.push(`${id} ${k}: ${r[k]} vs ${e[k]}`);
    }
    for (const k of CLOSE) {
      if (!(k in e)) continue;
      const ok = Number.isNaN(e[k]) ? Number.isNaN(r[k]) : Math.abs(r[k] - e[k]) <= 1e-9 * Math.max(1, Math.abs(e[k]));
      if (!ok) mismatches.push(`${id} ${k}: ${r[k]} vs ${e[k]}`);
    }
  }
  expect(mismatches.slice(0, 10)).toEqual([]);
  expect(actual.accounting?.read).toBe(expected.accounting?.read);
  expect(actual.accounting?.used).toBe(expected.accounting?.used);
  expect(actual.accounting?.rejected).toEqual(expected.accounting?.rejected);
  expect((actual as { excludedCustomers?: unknown }).excludedCustomers).toEqual((expected as { excludedCustomers?: unknown }).excludedCustomers);
  return expected.customerIds.length;
}
