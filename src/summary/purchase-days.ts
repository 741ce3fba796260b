/**
 * The days of each customer's repeat purchases (day purchase periods, as `summarize` counts them
 * with `unit: 'day'`): the purchase times the time-varying covariate model evaluates covariates at
 * (Bachmann, Meierer & Näf 2021, the Π e^{γ'z(t_j)} factor).
 */
import { ClvkitError } from '../errors.ts';
import type { CustomerSummary, TransactionTable } from '../types.ts';

/**
 * For each customer of `summary` (in its order), the sorted days after the first purchase and up to
 * the (calibration) end with a purchase: a day with no negative rows, or whose net amount is positive.
 * Their count must equal the summary's frequency (a summary made with `unit: 'day'`).
 *
 * @example
 * const days = repeatPurchaseDays(table, summarize(table, { freq: 'week', calibrationEnd: '2006-12-31' }));
 * days[0].length === summary.frequency[0];
 */
export function repeatPurchaseDays(table: TransactionTable, summary: Pick<CustomerSummary, 'customerIds' | 'firstPurchase' | 'frequency' | 'end' | 'calibrationEnd' | 'unit'>): number[][] {
  if (summary.unit !== 'day') throw new ClvkitError(`time-varying covariates need purchases counted per day (--unit day), got --unit ${summary.unit}`);
  const end = summary.calibrationEnd ?? summary.end;
  const index = new Map<string, number>();
  summary.customerIds.forEach((id, i) => index.set(id, i));
  const tableToSummary = Int32Array.from(table.customerIds, (id) => index.get(id) ?? -1);
  // net amount and negative flag per (customer, day)
  const perDay: Map<number, { net: number; negative: boolean }>[] = summary.customerIds.map(() => new Map());
  for (let r = 0; r < table.length; r++) {
    const i = tableToSummary[table.customer[r]];
    if (i < 0) continue;
    const d = table.day[r];
    if (d <= summary.firstPurchase[i] || d > end) continue;
    const a = table.amount[r];
    let e = perDay[i].get(d);
    if (!e) perDay[i].set(d, (e = { net: 0, negative: false }));
    if (Number.isFinite(a)) {
      e.net += a;
      if (a < 0) e.negative = true;
    }
  }
  return perDay.map((m, i) => {
    const days = [...m.entries()].filter(([, e]) => !e.negative || e.net > 0).map(([d]) => d).sort((a, b) => a - b);
    if (days.length !== summary.frequency[i]) {
      throw new ClvkitError(`customer "${summary.customerIds[i]}": ${days.length} repeat purchase days but frequency ${summary.frequency[i]} in the summary (make the summary with --unit day)`);
    }
    return days;
  });
}
