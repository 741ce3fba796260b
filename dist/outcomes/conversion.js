import { kaplanMeier } from './kaplan-meier.js';
import { periodLabel, periodOrdinal } from './periods.js';
import { wilsonInterval } from './wilson.js';
/**
 * @example
 * conversion(facts, 'month', CONVERSION_WINDOWS); // 30, 90 and 180 days
 */
export const CONVERSION_WINDOWS = [30, 90, 180];
/**
 * First-to-second purchase conversion by acquisition cohort within each window (days), with Wilson
 * intervals. Only customers observed for the whole window count in a window's rate: a customer
 * acquired less than w days before the end is left out of the w-day rate (otherwise recent cohorts
 * would look worse). The time to the second purchase is a Kaplan-Meier curve in days, censored at
 * the observation end.
 *
 * @example
 * const conv = conversion(customerFacts(table, end), 'month');
 * conv.overall.windows.within_90; // { successes, n, rate, lower, upper }
 */
export function conversion(facts, period, windows = CONVERSION_WINDOWS, level = 0.95) {
    const groups = new Map();
    const all = { customers: 0, n: windows.map(() => 0), k: windows.map(() => 0) };
    const times = [];
    const events = [];
    let repeaters = 0;
    for (let c = 0; c < facts.first.length; c++) {
        const f = facts.first[c];
        if (f < 0)
            continue;
        const o = periodOrdinal(f, period);
        let found = groups.get(o);
        if (!found)
            groups.set(o, (found = { customers: 0, n: windows.map(() => 0), k: windows.map(() => 0) }));
        const g = found;
        g.customers++;
        all.customers++;
        const s = facts.second[c];
        if (s >= 0)
            repeaters++;
        windows.forEach((w, j) => {
            if (facts.end - f < w)
                return;
            g.n[j]++;
            all.n[j]++;
            if (s >= 0 && s - f <= w) {
                g.k[j]++;
                all.k[j]++;
            }
        });
        times.push(s >= 0 ? s - f : facts.end - f);
        events.push(s >= 0 ? 1 : 0);
    }
    const windowsOf = (g) => Object.fromEntries(windows.map((w, j) => [`within_${w}`, wilsonInterval(g.k[j], g.n[j], level)]));
    const km = kaplanMeier(times, events, level);
    return {
        windows_days: windows,
        note: 'conversion = a second purchase on a later day within w days of the first; only customers acquired at least w days before the end count in the w-day rate; intervals are Wilson score intervals; "ever" counts repeats up to the end whatever the tenure.',
        overall: { period: 'all', customers: all.customers, windows: windowsOf(all), ever: wilsonInterval(repeaters, all.customers, level) },
        cohorts: [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([o, g]) => ({ period: periodLabel(o, period), customers: g.customers, windows: windowsOf(g) })),
        time_to_second: { unit: 'day', customers: all.customers, repeaters, median: km.median, median_lower: km.median_lower, median_upper: km.median_upper, km: km.steps },
    };
}
//# sourceMappingURL=conversion.js.map