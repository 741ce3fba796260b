import { formatDay } from '../ingest/dates.ts';
import type { CsvValue } from '../io/csv.ts';
import type { CustomerSummary, RowAccounting } from '../types.ts';

/** Column names of `clvkit summary --out` (DESIGN.md §3, a contract). */
export function summaryColumns(summary: CustomerSummary): string[] {
  const cols = ['customer_id', 'frequency', 'recency', 'T', 'monetary_value', 'first_purchase', 'last_purchase', 'transactions', 'total_spend'];
  if (summary.holdoutFrequency) cols.push('holdout_frequency', 'holdout_monetary_value', 'holdout_T');
  return cols;
}

/**
 * The summary as rows of plain values in summaryColumns order (dates as YYYY-MM-DD).
 *
 * @example
 * const rows = summaryRows(summary); // [['C000001', 2, 30.43, 38.86, 22.5, '1997-01-01', ...], ...]
 */
export function summaryRows(summary: CustomerSummary): CsvValue[][] {
  const rows: CsvValue[][] = new Array(summary.customerIds.length);
  for (let i = 0; i < summary.customerIds.length; i++) {
    const row: CsvValue[] = [
      summary.customerIds[i],
      summary.frequency[i],
      summary.recency[i],
      summary.T[i],
      summary.monetaryValue[i],
      formatDay(summary.firstPurchase[i]),
      formatDay(summary.lastPurchase[i]),
      summary.transactions[i],
      summary.totalSpend[i],
    ];
    if (summary.holdoutFrequency) row.push(summary.holdoutFrequency[i], summary.holdoutMonetaryValue![i], summary.holdoutT![i]);
    rows[i] = row;
  }
  return rows;
}

/** The summary as JSON records (DESIGN.md §3 `summary --json`). */
export function summaryJson(summary: CustomerSummary, accounting: RowAccounting): { accounting: RowAccounting; customers: Record<string, CsvValue>[] } {
  const cols = summaryColumns(summary);
  return {
    accounting,
    customers: summaryRows(summary).map((row) => Object.fromEntries(cols.map((c, j) => [c, Number.isNaN(row[j]) ? null : row[j]]))),
  };
}

/** One line per reason, for stderr and reports. */
export function formatAccounting(acc: RowAccounting): string {
  const rejected = Object.entries(acc.rejected);
  const total = rejected.reduce((s, [, n]) => s + n, 0);
  let s = `rows read ${acc.read}, used ${acc.used}, rejected ${total}`;
  if (rejected.length) {
    s += ' (' + rejected.map(([reason, n]) => {
      const lines = acc.firstLines?.[reason];
      return `${reason}: ${n}${lines?.length ? `, first at line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}` : ''}`;
    }).join('; ') + ')';
  }
  return s;
}
