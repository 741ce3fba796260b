import { reject } from './contracts.js';
import { kaplanMeier } from './kaplan-meier.js';
import { periodLabel, periodOrdinal } from './periods.js';
import { wilsonInterval } from './wilson.js';
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
export function leadFunnel(input, facts, period, level = 0.95) {
    const accounting = structuredClone(input.accounting);
    const index = new Map();
    facts.customerIds.forEach((id, i) => index.set(id, i));
    const bySource = new Map();
    const byPeriod = new Map();
    const overall = tally();
    let existing = 0;
    let unmatched = 0;
    const times = [];
    const events = [];
    for (const lead of input.leads) {
        if (lead.day > facts.end) {
            accounting.used--;
            reject(accounting, 'lead after the observation end', lead.line);
            continue;
        }
        let c = lead.customer === '' ? -1 : (index.get(lead.customer) ?? -1);
        if (lead.customer !== '' && (c < 0 || facts.first[c] < 0)) {
            unmatched++;
            c = -1;
        }
        if (c >= 0 && facts.first[c] < lead.day) {
            existing++;
            continue;
        }
        const bought = c >= 0;
        const repeated = bought && facts.second[c] >= 0;
        const days = bought ? facts.first[c] - lead.day : NaN;
        const o = periodOrdinal(lead.day, period);
        for (const t of [overall, get(bySource, lead.source), get(byPeriod, o)]) {
            t.leads++;
            if (bought) {
                t.customers++;
                t.days.push(days);
            }
            if (repeated)
                t.repeaters++;
        }
        times.push(bought ? days : facts.end - lead.day);
        events.push(bought ? 1 : 0);
    }
    const km = kaplanMeier(times, events, level);
    const row = (group, t) => ({
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
function tally() {
    return { leads: 0, customers: 0, repeaters: 0, days: [] };
}
function get(map, key) {
    let t = map.get(key);
    if (!t)
        map.set(key, (t = tally()));
    return t;
}
function median(values) {
    if (values.length === 0)
        return null;
    const s = [...values].sort((a, b) => a - b);
    const h = s.length >> 1;
    return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}
//# sourceMappingURL=funnel.js.map