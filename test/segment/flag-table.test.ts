import { describe, expect, it } from 'vitest';
import { flagTable } from '../../src/segment/flag-table.ts';

// Oracle: counts and sums of four hand-written customers.
describe('flagTable (hand-summed)', () => {
  it('counts and sums each flag, a customer with two flags in both rows, empty flags kept', () => {
    const rows = flagTable([
      { flags: ['high-value-at-risk', 'lapsed'], clv: 10, historical_spend: 100, probability_alive: 0.05 },
      { flags: ['high-value-at-risk'], clv: 30, historical_spend: 300, probability_alive: 0.45 },
      { flags: [], clv: 50, historical_spend: 20, probability_alive: 0.9 },
      { flags: ['lapsed'], clv: 1, historical_spend: 5, probability_alive: 0.01 },
    ]);
    expect(rows.map((r) => r.flag)).toEqual(['high-value-at-risk', 'rising', 'lapsed']);
    expect(rows[0]).toEqual({ flag: 'high-value-at-risk', customers: 2, share_customers: 0.5, clv: 40, historical_spend: 400, mean_probability_alive: 0.25 });
    expect(rows[1].customers).toBe(0);
    expect(rows[1].mean_probability_alive).toBeNaN();
    expect(rows[2]).toMatchObject({ customers: 2, clv: 11, historical_spend: 105 });
    expect(rows[2].mean_probability_alive).toBeCloseTo(0.03, 12);
  });
});
