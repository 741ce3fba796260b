import { NO_DAY, type CustomerFacts } from './customers.ts';
import { type KmStep, kaplanMeier } from './kaplan-meier.ts';
import { type OutcomePeriod, periodLabel, periodOrdinals } from './periods.ts';
import { type Proportion, wilsonInterval } from './wilson.ts';

/**
 * Conversion of one group (a cohort, or everybody) within each window.
 *
 * @example
 * const g: ConversionGroup = conversion(facts, 'month').cohorts[0]; // g.windows.within_30.rate
 */
export interface ConversionGroup {
  period: string;
  customers: number;
  /** Keyed `within_30`, `within_90`, ... : eligible customers (observed for the whole window), converted, Wilson interval. */
  windows: Record<string, Proportion>;
}

/**
 * First-to-second purchase conversion (DESIGN.md §3 `conversion`).
 *
 * @example
 * const c: Conversion = conversion(facts, 'month'); // c.time_to_second.median
 */
export interface Conversion {
  windows_days: number[];
  note: string;
  overall: ConversionGroup & { ever: Proportion };
  cohorts: ConversionGroup[];
  time_to_second: { unit: 'day'; customers: number; repeaters: number; median: number; median_lower: number; median_upper: number; km: KmStep[] };
}

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
export function conversion(facts: CustomerFacts, period: OutcomePeriod, windows: number[] = CONVERSION_WINDOWS, level = 0.95): Conversion {
  const groups = new Map<number, { customers: number; n: number[]; k: number[] }>();
  const all = { customers: 0, n: windows.map(() => 0), k: windows.map(() => 0) };
  const m = facts.first.length;
  const times = new Float64Array(m);
  const events = new Uint8Array(m);
  const ordinals = periodOrdinals(facts.first, period);
  // each cohort's counts found by its ordinal's offset (customers come in id order, their cohorts at random)
  let lowest = Infinity;
  let highest = -Infinity;
  for (let c = 0; c < m; c++) {
    const o = ordinals[c];
    if (o < lowest) lowest = o;
    if (o > highest) highest = o;
  }
  const byOffset: Array<{ customers: number; n: number[]; k: number[] } | undefined> = highest >= lowest && highest - lowest < 1 << 20 ? new Array(highest - lowest + 1) : [];
  const direct = byOffset.length > 0;
  let used = 0;
  let repeaters = 0;
  let last = NaN;
  let g = all;
  for (let c = 0; c < m; c++) {
    const f = facts.first[c];
    if (f === NO_DAY) continue;
    const o = ordinals[c];
    if (o !== last) {
      let found = direct ? byOffset[o - lowest] : groups.get(o);
      if (!found) {
        groups.set(o, (found = { customers: 0, n: windows.map(() => 0), k: windows.map(() => 0) }));
        if (direct) byOffset[o - lowest] = found;
      }
      g = found;
      last = o;
    }
    g.customers++;
    all.customers++;
    const s = facts.second[c];
    if (s !== NO_DAY) repeaters++;
    for (let j = 0; j < windows.length; j++) {
      const w = windows[j];
      if (facts.end - f < w) continue;
      g.n[j]++;
      all.n[j]++;
      if (s !== NO_DAY && s - f <= w) {
        g.k[j]++;
        all.k[j]++;
      }
    }
    times[used] = s !== NO_DAY ? s - f : facts.end - f;
    events[used++] = s !== NO_DAY ? 1 : 0;
  }
  const windowsOf = (g: { n: number[]; k: number[] }) => Object.fromEntries(windows.map((w, j) => [`within_${w}`, wilsonInterval(g.k[j], g.n[j], level)]));
  const km = kaplanMeier(times.subarray(0, used), events.subarray(0, used), level);
  return {
    windows_days: windows,
    note:
      'conversion = a second purchase on a later day within w days of the first; only customers acquired at least w days before the end count in the w-day rate; intervals are Wilson score intervals; "ever" counts repeats up to the end whatever the tenure.',
    overall: { period: 'all', customers: all.customers, windows: windowsOf(all), ever: wilsonInterval(repeaters, all.customers, level) },
    cohorts: [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([o, g]) => ({ period: periodLabel(o, period), customers: g.customers, windows: windowsOf(g) })),
    time_to_second: { unit: 'day', customers: all.customers, repeaters, median: km.median, median_lower: km.median_lower, median_upper: km.median_upper, km: km.steps },
  };
}
