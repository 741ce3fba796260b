import { describe, expect, it } from 'vitest';
import { toDataFrame, summaryFromDataFrame } from '../../src/ingest/dataframe.ts';
import type { CustomerSummary } from '../../src/types.ts';

const summary: CustomerSummary = {
  customerIds: ['A', 'B'],
  frequency: Float64Array.from([0, 2]),
  recency: Float64Array.from([0, 30.43]),
  T: Float64Array.from([38.86, 38.86]),
  monetaryValue: Float64Array.from([0, 22.5]),
  firstPurchase: Int32Array.from([9862, 9862]),
  lastPurchase: Int32Array.from([9862, 10075]),
  transactions: Int32Array.from([1, 3]),
  totalSpend: Float64Array.from([10, 55]),
  unit: 'day',
  freq: 'week',
  end: 10134,
};

describe('DataFrame interop', () => {
  it('round-trips a summary through a danfo DataFrame', async () => {
    const df = await toDataFrame(summary);
    expect(df.columns).toContain('monetary_value');
    expect(df.shape).toEqual([2, 7]);
    const back = summaryFromDataFrame(df);
    expect(back.customerIds).toEqual(['A', 'B']);
    expect(Array.from(back.recency)).toEqual([0, 30.43]);
    expect(Array.from(back.monetaryValue)).toEqual([0, 22.5]);
  });
  it('accepts the literature naming and rejects impossible rows', async () => {
    const { DataFrame } = (await import('danfojs-node')) as never as { DataFrame: new (d: unknown) => unknown };
    const df = new DataFrame({ x: [1], t_x: [5], T: [10], zbar: [3] });
    expect(summaryFromDataFrame(df).frequency[0]).toBe(1);
    const bad = new DataFrame({ x: [1], t_x: [50], T: [10] });
    expect(() => summaryFromDataFrame(bad)).toThrow('DataFrame row 0: recency 50 is greater than T 10');
    const missing = new DataFrame({ x: [1], T: [10] });
    expect(() => summaryFromDataFrame(missing)).toThrow('no recency (or t_x) column; columns found: x, T');
  });
});
