import { formatDay } from '../ingest/dates.ts';
import type { CsvValue } from '../io/csv.ts';
import { atomicSink, codedColumn, writeColumnsFile, writeCsvColumns, type OutputColumn } from '../io/column-writer.ts';
import { customerIdBytesColumn, summaryIdBytes } from './summarize.ts';
import { writeSummaryCsvBytes } from './summary-csv.ts';
import type { CsvFormat } from '../io/csv.ts';
import { extname } from 'node:path';
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

/**
 * Text of day numbers, made once per distinct day (a million customers share a few hundred dates).
 *
 * @example
 * const text = dayTexts(); text(19723); // '2024-01-01'
 */
export function dayTexts(): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let s = cache.get(day);
    if (s === undefined) cache.set(day, (s = formatDay(day)));
    return s;
  };
}

/**
 * The summary as output columns in summaryColumns order, for the streaming writer (src/io/column-writer.ts):
 * the same cells as summaryRows without a row array per customer.
 *
 * @example
 * writeColumnsFile('summary.csv', summaryOutputColumns(summary), summary.frequency.length);
 */
export function summaryOutputColumns(summary: CustomerSummary): OutputColumn[] {
  const n = summary.frequency.length;
  // the ids copied from the bytes read when the summary has them (no string per customer), else its strings
  const ids = customerIdBytesColumn(summaryIdBytes(summary), n) ?? { name: 'customer_id', text: (i) => summary.customerIds[i] };
  const cols: OutputColumn[] = [
    ids,
    { name: 'frequency', numbers: summary.frequency },
    { name: 'recency', numbers: summary.recency },
    { name: 'T', numbers: summary.T },
    { name: 'monetary_value', numbers: summary.monetaryValue },
    dayColumn('first_purchase', summary.firstPurchase),
    dayColumn('last_purchase', summary.lastPurchase),
    { name: 'transactions', numbers: summary.transactions },
    { name: 'total_spend', numbers: summary.totalSpend },
  ];
  if (summary.holdoutFrequency) {
    cols.push(
      { name: 'holdout_frequency', numbers: summary.holdoutFrequency },
      { name: 'holdout_monetary_value', numbers: summary.holdoutMonetaryValue! },
      { name: 'holdout_T', numbers: summary.holdoutT! },
    );
  }
  return cols;
}

/**
 * A column of dates from day numbers, coded by day (one text per day of the span, made once; codedColumn), so
 * that it is written without a string per row and can go to the row worker; by text where the days are not
 * whole numbers over a span of at most 2^20 days.
 *
 * @example
 * dayColumn('first_purchase', Int32Array.of(19723, 19724)); // 2024-01-01, 2024-01-02
 */
export function dayColumn(name: string, days: ArrayLike<number>): OutputColumn {
  const n = days.length;
  let lo = Infinity;
  let hi = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const d = days[i];
    if (!Number.isInteger(d)) whole = false;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  if (!whole || !(hi - lo < 1 << 20)) {
    const day = dayTexts();
    return { name, text: (i) => day(days[i]) };
  }
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = days[i] - lo;
  return codedColumn(name, Array.from({ length: hi - lo + 1 }, (_, k) => formatDay(lo + k)), rows);
}

/**
 * Write the summary as `file.csv` or `file.json` (by extension; `summary --out`), streamed from the
 * columns and atomically; `--json` on stdout takes the same JSON path with the stdout sink.
 *
 * @example
 * writeSummaryFile(summary, 'summary.csv');
 */
export function writeSummaryFile(summary: CustomerSummary, accounting: RowAccounting, path: string, format?: CsvFormat): void {
  const n = summary.frequency.length;
  if (extname(path).toLowerCase() === '.json') writeColumnsFile(path, summaryOutputColumns(summary), n, { json: summaryJsonFrame(accounting, summaryWarnings(summary)) });
  else {
    // ids copied from the bytes read when the summary has them (summary-csv.ts), else from the strings
    const sink = atomicSink(path);
    try {
      if (!writeSummaryCsvBytes(sink, summary, summaryColumns(summary), format, {})) writeCsvColumns(sink, summaryOutputColumns(summary), n, format);
      sink.commit();
    } catch (e) {
      sink.abort();
      throw e;
    }
  }
}

/** Head and tail of the `summary --json` document around the customer records. */
export function summaryJsonFrame(accounting: RowAccounting, warnings: string[] = []): { head: string; tail: string } {
  return { head: `{"accounting":${JSON.stringify(accounting)},"warnings":${JSON.stringify(warnings)},"customers":[`, tail: ']}\n' };
}

/**
 * The warnings of a summary: amounts missing (monetary values not available, not 0).
 *
 * @example
 * summaryWarnings({ hasAmount: false }); // ['no amounts in the input: ...']
 */
export function summaryWarnings(summary: Pick<CustomerSummary, 'hasAmount'>): string[] {
  return summary.hasAmount === false ? ['no amounts in the input: monetary_value and total_spend are not available (not 0), and so is every value figure built on them'] : [];
}

/** The summary as JSON records (DESIGN.md §3 `summary --json`). */
export function summaryJson(summary: CustomerSummary, accounting: RowAccounting): { accounting: RowAccounting; warnings: string[]; customers: Record<string, CsvValue>[] } {
  const cols = summaryColumns(summary);
  return {
    accounting,
    warnings: summaryWarnings(summary),
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
  if (acc.notes?.length) s += '; ' + acc.notes.join('; ');
  return s;
}
