import { NO_DAY, type CustomerFacts } from './customers.ts';
import { type FileAccounting, reject } from './contracts.ts';
import { type KmStep, kaplanMeier } from './kaplan-meier.ts';
import type { LeadsInput } from './leads.ts';
import { type OutcomePeriod, periodLabel, periodOrdinal } from './periods.ts';
import { type Proportion, wilsonInterval } from './wilson.ts';

/**
 * The funnel lead -> first purchase -> repeat purchase of one group of leads.
 *
 * @example
 * const row: FunnelRow = leadFunnel(leads, facts, 'month').by_source[0]; // row.lead_to_customer.rate
 */
export interface FunnelRow {
  group: string;
  leads: number;
  customers: number;
  repeaters: number;
  /** customers / leads. */
  lead_to_customer: Proportion;
  /** repeaters / customers. */
  customer_to_repeat: Proportion;
  /** repeaters / leads. */
  lead_to_repeat: Proportion;
  /** Median days from lead to first purchase among those who bought (null when none). */
  median_days_to_first: number | null;
}

/**
 * Leads funnel (the `conversion.leads` part of `retention --json`).
 *
 * @example
 * const f: LeadFunnel = leadFunnel(readLeads('leads.csv'), facts, 'month'); // f.overall, f.time_to_first
 */
export interface LeadFunnel {
  accounting: FileAccounting;
  note: string;
  /** Leads whose customer had bought before the lead date: not counted in the funnel. */
  existing_customers: number;
  /** Leads naming a customer id with no purchase in the transactions (up to the end): counted as not converted. */
  unmatched_customer_ids: number;
  overall: FunnelRow;
  by_source: FunnelRow[];
  by_period: FunnelRow[];
  /** Days from lead to first purchase, Kaplan-Meier, censored at the observation end. */
  time_to_first: { unit: 'day'; median: number; median_lower: number; median_upper: number; km: KmStep[] };
}

/**
 * The funnel lead -> first purchase -> repeat purchase, overall, per source and per calendar period of
 * the lead, with Wilson intervals, and the time from lead to first purchase (Kaplan-Meier in days,
 * censored at the observation end). A lead converts when its customer id has a first purchase on or
 * after the lead date; a customer who bought before the lead date is an existing customer, left out of
 * the funnel; a repeat is a second purchase day up to the end. Leads dated after the end are rejected.
 *
 * @example
 * const f = leadFunnel(readLeads('leads.csv'), customerFacts(table, end), 'month');
 * f.by_source; // [{ group: 'ads', leads: 120, customers: 30, repeaters: 9, ... }]
 */
export function leadFunnel(input: LeadsInput, facts: CustomerFacts, period: OutcomePeriod, level = 0.95): LeadFunnel {
  const accounting: FileAccounting = structuredClone(input.accounting);
  const index = new Map<string, number>();
  facts.customerIds.forEach((id, i) => index.set(id, i));
  const bySource = new Map<string, Tally>();
  const byPeriod = new Map<number, Tally>();
  const overall = tally();
  let existing = 0;
  let unmatched = 0;
  const times: number[] = [];
  const events: number[] = [];
  for (const lead of input.leads) {
    if (lead.day > facts.end) {
      accounting.used--;
      reject(accounting, 'lead after the observation end', lead.line);
      continue;
    }
    let c = lead.customer === '' ? -1 : (index.get(lead.customer) ?? -1);
    if (lead.customer !== '' && (c < 0 || facts.first[c] === NO_DAY)) {
      unmatched++;
      c = -1;
    }
    if (c >= 0 && facts.first[c] < lead.day) {
      existing++;
      continue;
    }
    const bought = c >= 0;
    const repeated = bought && facts.second[c] !== NO_DAY;
    const days = bought ? facts.first[c] - lead.day : NaN;
    const o = periodOrdinal(lead.day, period);
    for (const t of [overall, get(bySource, lead.source), get(byPeriod, o)]) {
      t.leads++;
      if (bought) {
        t.customers++;
        t.days.push(days);
      }
      if (repeated) t.repeaters++;
    }
    times.push(bought ? days : facts.end - lead.day);
    events.push(bought ? 1 : 0);
  }
  const km = kaplanMeier(times, events, level);
  const row = (group: string, t: Tally): FunnelRow => ({
    group,
    leads: t.leads,
    customers: t.customers,
    repeaters: t.repeaters,
    lead_to_customer: wilsonInterval(t.customers, t.leads, level),
    customer_to_repeat: wilsonInterval(t.repeaters, t.customers, level),
    lead_to_repeat: wilsonInterval(t.repeaters, t.leads, level),
    median_days_to_first: median(t.days),
  });
  return {
    accounting,
    note: 'A lead converts when its customer id has a first purchase on or after the lead date; customers who bought before the lead date are counted as existing customers and left out; a repeat is a second purchase day up to the end. Recent leads had less time to convert: see time_to_first (Kaplan-Meier, censored at the end).',
    existing_customers: existing,
    unmatched_customer_ids: unmatched,
    overall: row('all', overall),
    by_source: [...bySource.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, t]) => row(k, t)),
    by_period: [...byPeriod.entries()].sort((a, b) => a[0] - b[0]).map(([o, t]) => row(periodLabel(o, period), t)),
    time_to_first: { unit: 'day', median: km.median, median_lower: km.median_lower, median_upper: km.median_upper, km: km.steps },
  };
}

interface Tally {
  leads: number;
  customers: number;
  repeaters: number;
  days: number[];
}

function tally(): Tally {
  return { leads: 0, customers: 0, repeaters: 0, days: [] };
}

function get<K>(map: Map<K, Tally>, key: K): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = tally()));
  return t;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}
