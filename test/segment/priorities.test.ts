import { describe, expect, it } from 'vitest';
import { actionFlags } from '../../src/segment/flags.ts';
import { prioritisedList } from '../../src/segment/priorities.ts';

describe('action flags', () => {
  it('flags a top past-value customer with a low P(alive) as high-value-at-risk', () => {
    expect(actionFlags({ valueTier: 0, pastTier: 0, probabilityAlive: 0.4, daysSinceLastPurchase: 10 })).toEqual(['high-value-at-risk']);
    expect(actionFlags({ valueTier: 0, pastTier: 0, probabilityAlive: 0.6, daysSinceLastPurchase: 10 })).toEqual([]);
    // the bottom tier (index 3) is not high value by default
    expect(actionFlags({ valueTier: 3, pastTier: 3, probabilityAlive: 0.4, daysSinceLastPurchase: 10 })).toEqual([]);
    expect(actionFlags({ valueTier: 0, pastTier: 1, probabilityAlive: 0.4, daysSinceLastPurchase: 10 }, { highValueTiers: 1 })).toEqual(['rising']);
  });

  it('flags rising when the CLV tier is above the past tier, lapsed by P(alive) or by days', () => {
    expect(actionFlags({ valueTier: 1, pastTier: 3, probabilityAlive: 0.9, daysSinceLastPurchase: 5 })).toEqual(['rising']);
    expect(actionFlags({ valueTier: 3, pastTier: 3, probabilityAlive: 0.05, daysSinceLastPurchase: 5 })).toEqual(['lapsed']);
    expect(actionFlags({ valueTier: 3, pastTier: 3, probabilityAlive: 0.5, daysSinceLastPurchase: 366 })).toEqual(['lapsed']);
    expect(actionFlags({ valueTier: 3, pastTier: 3, probabilityAlive: 0.5, daysSinceLastPurchase: 365 })).toEqual([]);
    expect(actionFlags({ valueTier: 3, pastTier: 3, probabilityAlive: 0.5, daysSinceLastPurchase: 100 }, { lapsedDays: 90 })).toEqual(['lapsed']);
  });
});

describe('prioritised list', () => {
  it('ranks every customer by CLV, ties in input order', () => {
    const names = ['Top', 'Bottom'];
    const rows = prioritisedList({
      customerIds: ['a', 'b', 'c'],
      clv: [5, 9, 5],
      probabilityAlive: [0.9, 0.2, 0.05],
      expectedTransactions: [1, 2, 0.1],
      expectedSpend: [5, 4.5, 50],
      historicalSpend: [10, 100, 1],
      daysSinceLastPurchase: [3, 200, 400],
      valueTier: { tier: Int32Array.from([1, 0, 1]), names },
      pastTier: { tier: Int32Array.from([1, 0, 1]), names },
      rfmSegment: ['New', 'At risk', 'Lost'],
      rfm: { recency: Int8Array.from([5, 2, 1]), frequency: Int8Array.from([1, 4, 1]), monetary: Int8Array.from([2, 5, 1]) },
    });
    expect(rows.map((r) => r.customer_id)).toEqual(['b', 'a', 'c']);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(rows[0]).toMatchObject({ tier: 'Top', past_tier: 'Top', rfm_segment: 'At risk', rfm_score: '245', flags: ['high-value-at-risk'] });
    // with two tiers only the top one is high value: c (Bottom) is lapsed, not high value at risk
    expect(rows[2].flags).toEqual(['lapsed']);
    expect(rows[1].flags).toEqual([]);
  });
});
