import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../src/ingest/dates.ts';
import { parseTable } from '../../src/ingest/table.ts';
import { parseTransactions } from '../../src/ingest/transactions.ts';
import { cohortMatrix } from '../../src/outcomes/cohorts.ts';
import { conversion } from '../../src/outcomes/conversion.ts';
import { customerFacts } from '../../src/outcomes/customers.ts';
import { driverModels } from '../../src/outcomes/drivers.ts';
import { leadFunnel } from '../../src/outcomes/funnel.ts';
import { leadsFromTable } from '../../src/outcomes/leads.ts';
import { recruitment } from '../../src/outcomes/recruitment.ts';
import { retentionOutcomes } from '../../src/outcomes/retention.ts';
import { createRng } from '../../src/random.ts';
import type { TransactionTable } from '../../src/types.ts';

// A hand-made log. A: 5 Jan (web), 20 Jan, 2 Mar. B: 28 Jan twice the same day (shop first), 10 Jun.
// C: 10 Feb only. D: 31 Mar, 1 Apr. E: 29 and 30 Jun. Observation end 30 Jun 2024.
const LOG = `customer_id,date,amount,channel
A,2024-01-05,10,web
A,2024-01-20,5,shop
A,2024-03-02,7,web
B,2024-01-28,20,shop
B,2024-01-28,4,web
B,2024-06-10,6,shop
C,2024-02-10,8,web
D,2024-03-31,12,web
D,2024-04-01,3,web
E,2024-06-29,9,shop
E,2024-06-30,1,shop
`;
const table = parseTransactions(LOG);
const END = daysFromCivil(2024, 6, 30);
const facts = customerFacts(table, END);

describe('recruitment on a hand-made log', () => {
  const rows = recruitment(facts, 'month');
  it('new customers per month, zeros included, cumulative, by first-purchase channel', () => {
    expect(rows.map((r) => r.period)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    expect(rows.map((r) => r.new_customers)).toEqual([2, 1, 1, 0, 0, 1]);
    expect(rows.map((r) => r.cumulative)).toEqual([2, 3, 4, 4, 4, 5]);
    // B's first transaction on its first day is the shop one.
    expect(rows[0].by_channel).toEqual({ web: 1, shop: 1 });
  });
  it('revenue share of each acquisition cohort: A 22 + B 30 of 85 for January', () => {
    expect(rows[0].revenue).toBe(52);
    expect(rows[0].revenue_share).toBeCloseTo(52 / 85, 12);
    expect(rows.reduce((s, r) => s + (r.revenue_share ?? 0), 0)).toBeCloseTo(1, 12);
  });
  it('ISO weeks start on Monday: 5 Jan 2024 (a Friday) is in 2024-W01, 28 Jan (a Sunday) in 2024-W04', () => {
    const weeks = recruitment(facts, 'week');
    expect(weeks[0]).toMatchObject({ period: '2024-W01', start: '2024-01-01', new_customers: 1 });
    expect(weeks[3]).toMatchObject({ period: '2024-W04', start: '2024-01-22', new_customers: 1 });
  });
});

describe('conversion on the hand-made log', () => {
  const conv = conversion(facts, 'month');
  // Days to the second purchase: A 15, B 134, D 1, E 1; C none. Days observed: A 177, B 154, C 141, D 91, E 1.
  it('only customers observed for the whole window count', () => {
    expect(conv.overall.windows.within_30).toMatchObject({ n: 4, successes: 2 }); // A, B, C, D; A and D
    expect(conv.overall.windows.within_90).toMatchObject({ n: 4, successes: 2 }); // D observed 91 >= 90 days
    expect(conv.overall.windows.within_180.n).toBe(0);
    expect(conv.overall.ever).toMatchObject({ n: 5, successes: 4 });
    expect(conv.cohorts[0]).toMatchObject({ period: '2024-01', customers: 2 });
    expect(conv.cohorts[0].windows.within_90).toMatchObject({ n: 2, successes: 1 });
  });
  it('time to second purchase: KM with C censored at 141 days', () => {
    // t = 1: n 5, d 2 -> 0.6; t = 15: n 3, d 1 -> 0.4; t = 134: n 2, d 1 -> 0.2; 141 censored.
    const km = conv.time_to_second.km;
    expect(km.map((s) => [s.t, s.at_risk, s.events, s.censored])).toEqual([[1, 5, 2, 0], [15, 3, 1, 0], [134, 2, 1, 0], [141, 1, 0, 1]]);
    [0.6, 0.4, 0.2, 0.2].forEach((s, k) => expect(km[k].survival).toBeCloseTo(s, 12));
    expect(conv.time_to_second.median).toBe(15);
  });
  it('no repeat buyers at all: conversions are 0 with Wilson bounds, KM stays at 1', () => {
    const single = customerFacts(parseTransactions('customer_id,date\nA,2024-01-01\nB,2024-02-01\n'), END);
    const c = conversion(single, 'month');
    expect(c.overall.windows.within_30).toMatchObject({ n: 2, successes: 0, rate: 0, lower: 0 });
    expect(c.time_to_second.km.every((s) => s.survival === 1)).toBe(true);
    expect(Number.isNaN(c.time_to_second.median)).toBe(true);
  });
});

describe('cohort activity matrix on the hand-made log', () => {
  const rows = cohortMatrix(table, facts, 'month', Float64Array.from(facts.customerIds, (_, i) => [0.9, 0.5, 0.1, 0.7, 1][i]));
  it('share of each cohort buying in its k-th month', () => {
    expect(rows.map((r) => [r.cohort, r.size])).toEqual([['2024-01', 2], ['2024-02', 1], ['2024-03', 1], ['2024-06', 1]]);
    // January: A and B in month 0; A in March (k = 2); B in June (k = 5). B's two same-day purchases count once.
    expect(rows[0].active).toEqual([2, 0, 1, 0, 0, 1]);
    expect(rows[0].retention).toEqual([1, 0, 0.5, 0, 0, 0.5]);
    expect(rows[2].retention).toEqual([1, 1, 0, 0]);
    expect(rows[3].active).toEqual([1]);
    expect(rows[0].last_partial).toBe(false);
  });
  it('revenue retention and Σ P(alive) per cohort', () => {
    expect(rows[0].revenue).toEqual([39, 0, 7, 0, 0, 6]);
    expect(rows[0].revenue_retention[2]).toBeCloseTo(7 / 39, 12);
    expect(rows[0].expected_active).toBeCloseTo(1.4, 12);
    expect(rows[2].expected_active).toBeCloseTo(0.7, 12);
  });
  it('an earlier end cuts the last month and drops later transactions', () => {
    const f = customerFacts(table, daysFromCivil(2024, 6, 15));
    expect(f.afterEnd).toBe(2);
    const m = cohortMatrix(table, f, 'month');
    expect(m.map((r) => r.cohort)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(m[0].last_partial).toBe(true);
    expect(m[0].expected_active).toBeNull();
  });
});

describe('leads funnel on a hand-made file', () => {
  const leads = leadsFromTable(
    parseTable(
      [
        'lead_id,date,source,customer_id',
        'L1,2024-01-01,ads,A', // bought 4 days later, repeat
        'L2,2024-01-15,ads,', // not converted
        'L3,2024-01-20,seo,B', // bought 8 days later, repeat
        'L4,2024-02-01,seo,C', // bought 9 days later, no repeat
        'L5,2024-03-01,ads,A', // A bought before the lead: existing customer
        'L6,2024-03-05,ads,Z', // no such customer: not converted
        'L7,2024-07-15,ads,', // after the end: rejected
        'L8,bad,ads,', // bad date: rejected
        'L1,2024-01-02,ads,', // duplicate id: rejected
      ].join('\n'),
      'leads.csv',
    ),
  );
  const f = leadFunnel(leads, facts, 'month');
  it('accounts for every row', () => {
    expect(f.accounting).toMatchObject({ read: 9, used: 6, rejected: { 'bad date': 1, 'duplicate lead id': 1, 'lead after the observation end': 1 } });
    expect(f.existing_customers).toBe(1);
    expect(f.unmatched_customer_ids).toBe(1);
  });
  it('lead -> first purchase -> repeat, overall, by source and by month', () => {
    expect(f.overall).toMatchObject({ leads: 5, customers: 3, repeaters: 2, median_days_to_first: 8 });
    expect(f.overall.lead_to_customer.rate).toBeCloseTo(3 / 5, 12);
    expect(f.overall.customer_to_repeat.rate).toBeCloseTo(2 / 3, 12);
    expect(f.by_source.map((r) => [r.group, r.leads, r.customers, r.repeaters])).toEqual([['ads', 3, 1, 1], ['seo', 2, 2, 1]]);
    expect(f.by_period.map((r) => [r.group, r.leads, r.customers, r.repeaters])).toEqual([['2024-01', 3, 2, 2], ['2024-02', 1, 1, 0], ['2024-03', 1, 0, 0]]);
  });
  it('time from lead to first purchase, censored at the end', () => {
    // events at 4, 8, 9 days; L6 censored at 117 days, L2 at 167 days.
    expect(f.time_to_first.km.map((s) => [s.t, s.events, s.censored])).toEqual([[4, 1, 0], [8, 1, 0], [9, 1, 0], [117, 0, 1], [167, 0, 1]]);
    expect(f.time_to_first.km[2].survival).toBeCloseTo(2 / 5, 12);
  });
});

describe('driver models on simulated customers with known log-odds', () => {
  // Conversion within 180 days: logit p = -1 + 0.8·[shop] + 0.5·log(first order value); acquisition date has no effect.
  const rng = createRng(2024);
  const n = 4000;
  const start = daysFromCivil(2022, 1, 1);
  const customer: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  const channel: number[] = [];
  for (let c = 0; c < n; c++) {
    const first = start + rng.integer(365);
    const shop = rng.uniform() < 0.4 ? 1 : 0;
    const value = Math.exp(3 + 0.7 * rng.normal());
    const p = 1 / (1 + Math.exp(-(-1 + 0.8 * shop + 0.5 * (Math.log(value) - 3))));
    customer.push(c), day.push(first), amount.push(value), channel.push(shop);
    if (rng.uniform() < p) customer.push(c), day.push(first + 1 + rng.integer(180)), amount.push(10), channel.push(shop);
  }
  const t: TransactionTable = {
    customerIds: Array.from({ length: n }, (_, i) => `C${i}`),
    customer: Int32Array.from(customer),
    day: Int32Array.from(day),
    amount: Float64Array.from(amount),
    hasAmount: true,
    length: customer.length,
    channel: Int32Array.from(channel),
    channels: ['web', 'shop'],
    accounting: { read: customer.length, used: customer.length, rejected: {} },
  };
  const [conv, ret] = driverModels(customerFacts(t, daysFromCivil(2023, 12, 31)), 30.4375);
  const coef = (term: string) => conv.coefficients!.find((k) => k.term === term)!;

  it('recovers the odds ratios within 3 standard errors', () => {
    expect(conv.reference_channel).toBe('web');
    expect(conv.n).toBe(n);
    expect(Math.abs(coef('channel: shop').estimate - 0.8)).toBeLessThan(3 * coef('channel: shop').se);
    expect(Math.abs(coef('log_first_order_value').estimate - 0.5)).toBeLessThan(3 * coef('log_first_order_value').se);
    expect(Math.abs(coef('acquisition_years').estimate)).toBeLessThan(3 * coef('acquisition_years').se);
    expect(coef('channel: shop').odds_ratio).toBeCloseTo(Math.exp(coef('channel: shop').estimate), 12);
  });

  it('retention model: nobody buys in the last month here, so it reports why it cannot be fitted', () => {
    expect(ret.events).toBe(0);
    expect(ret.error).toMatch(/constant/);
  });
});

describe('retentionOutcomes', () => {
  it('puts the parts together with the end defaulting to the latest date', () => {
    const r = retentionOutcomes(table, { period: 'month' });
    expect(r.end).toBe('2024-06-30');
    expect(r.recruitment).toHaveLength(6);
    expect(r.cohorts[0].expected_active).toBeNull();
    expect(r.expected_active_model).toBeNull();
    expect(r.contracts).toBeUndefined();
    expect(r.drivers).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(r)).conversion.overall.windows.within_180.rate).toBeNull();
  });
});
