/**
 * Touchpoints to per-customer, per-period contact counts by channel, the transforms that let a model
 * show saturation (log(1 + n), contact-frequency bands), and the descriptive tables of the
 * interaction log: contacts per customer and period by channel (and by value tier), and the share of
 * contacts followed by a purchase within 7 or 30 days with Wilson intervals.
 */
import { ClvkitError } from '../errors.ts';
import type { Day, TransactionTable } from '../types.ts';

/**
 * Contact counts: `counts[(i * periods + p) * channels.length + c]` contacts of customer i (the
 * order of `customerIds`) on channel c in period p, which covers days [periodStarts[p], periodStarts[p] + periodDays).
 * Contacts of customers not in `customerIds`, or outside the periods, are counted in `unmatched`
 * and `outside`.
 *
 * @example
 * const c = contactCounts(touchpoints, summary.customerIds, { start: 19723, periods: 104, periodDays: 7 });
 */
export interface ContactCounts {
  customerIds: string[];
  channels: string[];
  periodStarts: Int32Array;
  periodDays: number;
  counts: Float32Array;
  /** Contacts of customers who are not in the transactions. */
  unmatched: number;
  /** Contacts dated outside the periods. */
  outside: number;
}

/**
 * Counts contacts per customer, period and channel on a grid of `periods` periods of `periodDays`
 * days from day `start`.
 *
 * @example
 * contactCounts({ customerIds: ['a'], customer: Int32Array.of(0, 0), day: Int32Array.of(0, 8), channel: Int32Array.of(0, 0), channels: ['email'] }, ['a'], { start: 0, periods: 2, periodDays: 7 }).counts; // [1, 1]
 */
export function contactCounts(
  touchpoints: { customerIds: string[]; customer: Int32Array; day: Int32Array; channel: Int32Array; channels: string[] },
  customerIds: string[],
  grid: { start: Day; periods: number; periodDays: number },
): ContactCounts {
  const { start, periods, periodDays } = grid;
  if (!(periods > 0) || !(periodDays > 0)) throw new ClvkitError('contact counts need at least one period of at least one day');
  const C = touchpoints.channels.length;
  const at = new Map<string, number>();
  customerIds.forEach((id, i) => at.set(id, i));
  const map = Int32Array.from(touchpoints.customerIds, (id) => at.get(id) ?? -1);
  const counts = new Float32Array(customerIds.length * periods * C);
  let unmatched = 0;
  let outside = 0;
  for (let r = 0; r < touchpoints.customer.length; r++) {
    const i = map[touchpoints.customer[r]];
    if (i < 0) {
      unmatched++;
      continue;
    }
    const p = Math.floor((touchpoints.day[r] - start) / periodDays);
    if (p < 0 || p >= periods) {
      outside++;
      continue;
    }
    counts[(i * periods + p) * C + touchpoints.channel[r]]++;
  }
  const periodStarts = Int32Array.from({ length: periods }, (_, p) => start + p * periodDays);
  return { customerIds, channels: touchpoints.channels.slice(), periodStarts, periodDays, counts, unmatched, outside };
}

/**
 * How contact counts enter a model: `count` (n), `log` (log(1 + n), concave: each extra contact
 * adds less), or `bands` (indicators of contact-frequency bands against 0 contacts: the band effects
 * show where more contacts stop helping or start hurting).
 *
 * @example
 * const t: ContactTransform = { kind: 'bands', edges: [1, 2, 4] }; // bands 1, 2-3, 4+
 */
export type ContactTransform = { kind: 'count' } | { kind: 'log' } | { kind: 'bands'; edges: number[] };

/**
 * Names of the covariates a transform makes for a channel.
 *
 * @example
 * transformNames('email', { kind: 'bands', edges: [1, 2, 4] }); // ['email:1', 'email:2-3', 'email:4+']
 */
export function transformNames(channel: string, t: ContactTransform): string[] {
  if (t.kind === 'count') return [channel];
  if (t.kind === 'log') return [`log1p(${channel})`];
  return t.edges.map((lo, j) => {
    const hi = t.edges[j + 1];
    return hi === undefined ? `${channel}:${lo}+` : hi - 1 === lo ? `${channel}:${lo}` : `${channel}:${lo}-${hi - 1}`;
  });
}

/**
 * The transformed values of a count `n` (one per name of `transformNames`), written into `out` at `o`.
 *
 * @example
 * const out = new Float64Array(3); transformCount(3, { kind: 'bands', edges: [1, 2, 4] }, out, 0); // [0, 1, 0]
 */
export function transformCount(n: number, t: ContactTransform, out: Float64Array, o: number): void {
  if (t.kind === 'count') out[o] = n;
  else if (t.kind === 'log') out[o] = Math.log1p(n);
  else {
    for (let j = 0; j < t.edges.length; j++) {
      const lo = t.edges[j];
      const hi = t.edges[j + 1] ?? Infinity;
      out[o + j] = n >= lo && n < hi ? 1 : 0;
    }
  }
}

/**
 * Parses `count`, `log`, or `bands:1,2,4` (lower edges of the bands above 0).
 *
 * @example
 * parseTransform('bands:1,3,6'); // { kind: 'bands', edges: [1, 3, 6] }
 */
export function parseTransform(text: string): ContactTransform {
  if (text === 'count' || text === 'log') return { kind: text };
  const m = /^bands(?::(.*))?$/.exec(text);
  if (m) {
    const edges = (m[1] ?? '1,2,4').split(',').map(Number);
    if (edges.length === 0 || edges.some((e, j) => !Number.isInteger(e) || e < 1 || (j > 0 && e <= edges[j - 1]))) {
      throw new ClvkitError(`contact bands need increasing whole numbers >= 1 (the lower edge of each band above 0), got "${m[1]}"`);
    }
    return { kind: 'bands', edges };
  }
  throw new ClvkitError(`unknown contact transform "${text}" (count, log, or bands:1,2,4)`);
}

/**
 * Mean contacts per customer and period by channel, over each customer's own periods (from the
 * period of their first purchase to `end`), overall and per group (e.g. value tier).
 *
 * @example
 * const rows = contactsPerPeriod(counts, summary.firstPurchase, end, tiers.tier, tiers.names);
 */
export function contactsPerPeriod(
  counts: ContactCounts,
  firstPurchase: ArrayLike<number>,
  end: Day,
  group?: ArrayLike<number>,
  groupNames: string[] = [],
): { group: string; channel: string; customers: number; customer_periods: number; contacts: number; per_customer_period: number }[] {
  const C = counts.channels.length;
  const P = counts.periodStarts.length;
  const G = group ? groupNames.length : 0;
  const contacts = new Float64Array((G + 1) * C);
  const periodsOf = new Float64Array(G + 1);
  const customers = new Float64Array(G + 1);
  for (let i = 0; i < counts.customerIds.length; i++) {
    const p0 = Math.max(0, Math.floor((firstPurchase[i] - counts.periodStarts[0]) / counts.periodDays));
    const p1 = Math.min(P - 1, Math.floor((end - counts.periodStarts[0]) / counts.periodDays));
    if (p1 < p0) continue;
    const gs = group ? [0, group[i] + 1] : [0];
    for (const g of gs) {
      customers[g]++;
      periodsOf[g] += p1 - p0 + 1;
    }
    for (let p = p0; p <= p1; p++) {
      for (let c = 0; c < C; c++) {
        const v = counts.counts[(i * P + p) * C + c];
        if (v === 0) continue;
        for (const g of gs) contacts[g * C + c] += v;
      }
    }
  }
  const rows: { group: string; channel: string; customers: number; customer_periods: number; contacts: number; per_customer_period: number }[] = [];
  for (let g = 0; g <= G; g++) {
    for (let c = 0; c < C; c++) {
      rows.push({ group: g === 0 ? 'all' : groupNames[g - 1], channel: counts.channels[c], customers: customers[g], customer_periods: periodsOf[g], contacts: contacts[g * C + c], per_customer_period: periodsOf[g] > 0 ? contacts[g * C + c] / periodsOf[g] : NaN });
    }
  }
  return rows;
}

/**
 * For each contact (of a customer in the transactions, up to `end` − window so that the window is
 * observed), whether the customer bought within `window` days after it (the contact day excluded,
 * later days up to day + window included): counts per channel.
 *
 * @example
 * followedByPurchase(touchpoints, table, 30, end); // [{ channel: 'email', contacts: 120, followed: 31 }]
 */
export function followedByPurchase(
  touchpoints: { customerIds: string[]; customer: Int32Array; day: Int32Array; channel: Int32Array; channels: string[] },
  table: TransactionTable,
  window: number,
  end: Day,
): { channel: string; contacts: number; followed: number }[] {
  // purchase days per customer, sorted
  const at = new Map<string, number>();
  table.customerIds.forEach((id, i) => at.set(id, i));
  const days: number[][] = table.customerIds.map(() => []);
  for (let r = 0; r < table.length; r++) if (!(table.amount[r] < 0)) days[table.customer[r]].push(table.day[r]);
  for (const d of days) d.sort((a, b) => a - b);
  const C = touchpoints.channels.length;
  const contacts = new Float64Array(C);
  const followed = new Float64Array(C);
  const map = Int32Array.from(touchpoints.customerIds, (id) => at.get(id) ?? -1);
  for (let r = 0; r < touchpoints.customer.length; r++) {
    const i = map[touchpoints.customer[r]];
    const d = touchpoints.day[r];
    if (i < 0 || d + window > end) continue;
    const c = touchpoints.channel[r];
    contacts[c]++;
    // first purchase day > d
    const list = days[i];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] <= d) lo = mid + 1;
      else hi = mid;
    }
    if (lo < list.length && list[lo] <= d + window) followed[c]++;
  }
  return touchpoints.channels.map((channel, c) => ({ channel, contacts: contacts[c], followed: followed[c] }));
}
