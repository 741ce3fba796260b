import type { Command } from 'commander';
import { checkOutputFile, companionPath, writeFileAtomic } from '../../io/atomic.ts';
import { extname } from 'node:path';
import { readTransactions } from '../../ingest/transactions.ts';
import { summarize } from '../../summary/summarize.ts';
import { formatAccounting, summaryJsonFrame, summaryWarnings, summaryOutputColumns, writeSummaryFile } from '../../summary/export.ts';
import { CSV_EN, CSV_FR } from '../../io/csv.ts';
import { stdoutSink, writeJsonColumns } from '../../io/column-writer.ts';
import { addTransactionOptions, ingestOptionsFrom, summaryOptionsFrom, type TransactionCliOptions } from '../options.ts';
import { createProgress } from '../progress.ts';
import { UsageError } from '../../errors.ts';
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
      const summary = await summaryFromEngine(file, o);
      const accounting = summary.accounting!;
      // Streamed from the columns (src/io/column-writer.ts): no row objects, the file written atomically.
      if (o.out) writeSummaryFile(summary, accounting, o.out, o.lang === 'fr' ? CSV_FR : CSV_EN);
      if (companion) writeFileAtomic(companion, JSON.stringify({ file: o.out, input: file ?? null, customers: summary.customerIds.length, accounting, warnings: summaryWarnings(summary) }, null, 2) + '\n');
      if (o.json) {
        const { head, tail } = summaryJsonFrame(accounting, summaryWarnings(summary));
        writeJsonColumns(stdoutSink(), summaryOutputColumns(summary), summary.frequency.length, head, tail);
      }
      if (summary.columnsNote) process.stderr.write(summary.columnsNote + '\n');
      for (const w of summaryWarnings(summary)) process.stderr.write(`warning: ${w}\n`);
      process.stderr.write(`${file ?? o.table ?? '--query'}: ${formatAccounting(accounting)}; ${summary.customerIds.length} customers${o.out ? ` written to ${o.out}` : ''}\n`);
      if (!o.out && !o.json) process.stderr.write('(use --out file.csv or --json to get the per-customer table)\n');
    });
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
