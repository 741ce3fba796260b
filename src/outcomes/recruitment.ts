import { formatDay } from '../ingest/dates.ts';
import { NO_DAY, type CustomerFacts } from './customers.ts';
import { type OutcomePeriod, ordinalStart, periodLabel, periodOrdinals } from './periods.ts';

/**
 * New customers of one calendar period (one acquisition cohort).
 *
 * @example
 * const row: RecruitmentRow = recruitment(facts, 'month')[0]; // row.new_customers, row.by_channel
 */
export interface RecruitmentRow {
  period: string;
  start: string;
  new_customers: number;
  cumulative: number;
  /** New customers by acquisition channel (the channel of the first purchase); empty without a channel column. */
  by_channel: Record<string, number>;
  /** Revenue, up to the observation end, of the customers acquired in this period (null without amounts). */
  revenue: number | null;
  /** That revenue as a share of all revenue (null without amounts). */
  revenue_share: number | null;
}

/**
 * Acquisitions per calendar period (every period from the first to the last acquisition, zeros
 * included), cumulative acquisitions, acquisitions by channel, and each cohort's share of revenue.
 *
 * @example
 * const rows = recruitment(customerFacts(table, end), 'month');
 * rows[0]; // { period: '2024-01', new_customers: 12, cumulative: 12, by_channel: { web: 9, shop: 3 }, ... }
 */
export function recruitment(facts: CustomerFacts, period: OutcomePeriod): RecruitmentRow[] {
  let lo = Infinity;
  let hi = -Infinity;
  const ord = periodOrdinals(facts.first, period);
  let total = 0;
  for (let c = 0; c < facts.first.length; c++) {
    if (facts.first[c] === NO_DAY) continue;
    if (ord[c] < lo) lo = ord[c];
    if (ord[c] > hi) hi = ord[c];
    if (facts.hasAmount) total += facts.revenue[c];
  }
  if (lo > hi) return [];
  const rows: RecruitmentRow[] = [];
  for (let o = lo; o <= hi; o++) {
    rows.push({ period: periodLabel(o, period), start: formatDay(ordinalStart(o, period)), new_customers: 0, cumulative: 0, by_channel: {}, revenue: facts.hasAmount ? 0 : null, revenue_share: null });
  }
  for (let c = 0; c < facts.first.length; c++) {
    if (facts.first[c] === NO_DAY) continue;
    const row = rows[ord[c] - lo];
    row.new_customers++;
    if (facts.channel[c] >= 0) {
      const name = facts.channels[facts.channel[c]] ?? String(facts.channel[c]);
      row.by_channel[name] = (row.by_channel[name] ?? 0) + 1;
    }
    if (row.revenue !== null) row.revenue += facts.revenue[c];
  }
  let cumulative = 0;
  for (const row of rows) {
    cumulative += row.new_customers;
    row.cumulative = cumulative;
    if (row.revenue !== null) row.revenue_share = total !== 0 ? row.revenue / total : null;
  }
  return rows;
}
