import type { Command } from 'commander';
import { checkOutputFile, companionPath, writeFileAtomic } from '../../io/atomic.ts';
import { largeInput } from '../../io/parallel-rows.ts';
import { prewarmSummaryCsv } from '../../summary/summary-csv.ts';
import { extname } from 'node:path';
import { readTransactions } from '../../ingest/transactions.ts';
import { summarize } from '../../summary/summarize.ts';
import { formatAccounting, summaryJsonFrame, summaryWarnings, summaryOutputColumns, writeSummaryFile } from '../../summary/export.ts';
import { CSV_EN, CSV_FR } from '../../io/csv.ts';
import { prewarmCsvColumns, stdoutSink, writeJsonColumns } from '../../io/column-writer.ts';
import { addTransactionOptions, ingestOptionsFrom, summaryOptionsFrom, type TransactionCliOptions } from '../options.ts';
import { createProgress } from '../progress.ts';
import { UsageError } from '../../errors.ts';
import { count } from '../../plural.ts';
import { describeSummary, type SummaryDescription } from '../../summary/describe.ts';
import { formatTable } from '../table.ts';
import { useColor } from '../color.ts';
import { statSync } from 'node:fs';
import { addEngineOptions, printSqlIfAsked, summaryFromEngine, type EngineCliOptions } from '../engine-options.ts';

interface SummaryCliOptions extends EngineCliOptions {
  out?: string;
  json?: boolean;
  lang?: string;
}

export function register(program: Command): void {
  const cmd = program
    .command('summary')
    .description('per-customer summary: frequency, recency, T, monetary value, with row accounting (definitions: docs/ingest.md)')
    .argument('[transactions]', 'transaction file (CSV, TSV, ; separated, whitespace separated; .parquet with --engine duckdb); none with --engine postgres');
  addEngineOptions(addTransactionOptions(cmd), true)
    .option('-o, --out <file>', 'write the summary to file.csv or file.json')
    .option('--lang <en|fr>', 'CSV export dialect: en (, and .) or fr (; and decimal comma)', 'en')
    .option('--json', 'print {accounting, customers} as one JSON document on stdout')
    .action(async (file: string | undefined, o: SummaryCliOptions) => {
      if (o.lang !== 'en' && o.lang !== 'fr') throw new UsageError(`--lang must be en or fr, got "${o.lang}"`);
      if (o.out) checkOutputFile(o.out, [file]);
      // a CSV cannot hold the accounting and the warnings: they go beside it, in its companion file
      const companion = o.out && extname(o.out).toLowerCase() !== '.json' ? companionPath(o.out) : undefined;
      if (companion) checkOutputFile(companion, [file]);
      if (await printSqlIfAsked(file, o)) return;
      // the CSV's rows are formatted on two cores: the second one's worker starts while the input is read
      if (companion && largeInput(file)) prewarmSummaryCsv();
      else if ((o.out || o.json) && largeInput(file)) prewarmCsvColumns();
      const summary = await summaryFromEngine(file, o);
      const accounting = summary.accounting!;
      // Streamed from the columns (src/io/column-writer.ts): no row objects, the file written atomically.
      if (o.out) writeSummaryFile(summary, accounting, o.out, o.lang === 'fr' ? CSV_FR : CSV_EN);
      if (companion) writeFileAtomic(companion, JSON.stringify({ file: o.out, input: file ?? null, customers: summary.frequency.length, accounting, warnings: summaryWarnings(summary) }, null, 2) + '\n');
      if (o.json) {
        const { head, tail } = summaryJsonFrame(accounting, summaryWarnings(summary));
        writeJsonColumns(stdoutSink(), summaryOutputColumns(summary), summary.frequency.length, head, tail, {});
      }
      if (summary.columnsNote) process.stderr.write(summary.columnsNote + '\n');
      for (const w of summaryWarnings(summary)) process.stderr.write(`warning: ${w}\n`);
      const label = file ?? o.table ?? '--query';
      const n = summary.frequency.length;
      process.stderr.write(`${label}: ${formatAccounting(accounting)}; ${count(n, 'customer', 'customers')}\n`);
      if (o.json) {
        if (o.out) process.stderr.write(`wrote ${count(n, 'customer', 'customers')} to ${o.out}${companion ? ` (accounting and warnings in ${companion})` : ''}\n`);
      } else if (o.out) {
        process.stdout.write(`wrote ${count(n, 'customer', 'customers')} to ${o.out}${companion ? ` (accounting and warnings in ${companion})` : ''}\n`);
      } else {
        process.stdout.write(formatSummaryDescription(label, describeSummary(summary), useColor(process.stdout), process.stdout.columns));
      }
    });
}

/**
 * The readable result of `clvkit summary`: counts, repeat share, and the distribution of frequency,
 * recency, T and the monetary value (the per-customer table goes to --out or --json).
 *
 * @example
 * process.stdout.write(formatSummaryDescription('orders.csv', describeSummary(summary)));
 */
export function formatSummaryDescription(label: string, d: SummaryDescription, color = false, width?: number): string {
  const num = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : 'n/a');
  const unit = `${d.freq}s`;
  const head =
    `${label}: ${count(d.customers, 'customer', 'customers', 'en', num)}, ${count(d.repeatCustomers, 'repeat buyer', 'repeat buyers', 'en', num)} (${pct(d.repeatShare)}), ` +
    `${count(d.transactions, 'transaction', 'transactions', 'en', num)}` +
    (Number.isFinite(d.totalSpend) ? `, total spend ${num(d.totalSpend)}` : ', no amounts') +
    `; times in ${unit}\n\n`;
  const rows: (string | number)[][] = [
    ['frequency (repeat purchases)', ...five(d.frequency)],
    [`recency (${unit})`, ...five(d.recency)],
    [`T, age (${unit})`, ...five(d.T)],
  ];
  if (d.monetaryValue) rows.push(['monetary value (repeat buyers)', ...five(d.monetaryValue)]);
  return head + formatTable(['', 'min', '25%', 'median', '75%', 'max', 'mean'], rows, { color, width });
}

function five(c: SummaryDescription['frequency']): number[] {
  return [c.min, c.q1, c.median, c.q3, c.max, c.mean];
}

/** Read a transaction file and summarise it with the CLI options (shared by several commands). */
export async function summaryFromFile(file: string, o: TransactionCliOptions) {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    /* readTransactions reports the missing file */
  }
  const progress = await createProgress('reading', size, o.quiet || size < 20_000_000);
  try {
    const table = await readTransactions(file, { ...ingestOptionsFrom(o), onProgress: (done: number) => progress.update(done) } as never);
    return summarize(table, summaryOptionsFrom(o) as never);
  } finally {
    progress.stop();
  }
}
