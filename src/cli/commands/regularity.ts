import { count, plural } from '../../plural.ts';
import { hiddenAlias } from '../alias.ts';
import type { Command } from 'commander';
import { readTransactions } from '../../ingest/transactions.ts';
import { parseDateOption } from '../../ingest/dates.ts';
import { regularity } from '../../models/regularity.ts';
import { regularitySpec } from '../../report/charts/regularity.ts';
import { addTransactionOptions, ingestOptionsFrom, numberOption, periodUnit, type TransactionCliOptions } from '../options.ts';

/**
 * Options of `clvkit regularity`.
 *
 * @example
 * const o: RegularityCliOptions = { unit: 'day', json: true };
 */
export interface RegularityCliOptions extends TransactionCliOptions {
  json?: boolean;
  bootstrap?: string;
  seed?: string;
}

/**
 * @example
 * register(program); // adds `clvkit regularity <transactions>`
 */
export function register(program: Command): void {
  const cmd = program
    .command('regularity')
    .description('how regular purchases are: the Wheat & Morrison (1990) estimate of the Erlang order k with a bootstrap interval, the histogram of normalised inter-purchase times against Erlang-k, and a plain reading')
    .argument('<transactions>', 'transaction file');
  addTransactionOptions(cmd)
    .option('--bootstrap <n>', 'bootstrap resamples of customers for the interval of k, 100 or more (default 1000)')
    .option('--seed <n>', 'random seed of the bootstrap (default 1)')
    .option('--json', 'print the result, with the Vega-Lite chart spec, as one JSON document on stdout')
    .action(async (file: string, o: RegularityCliOptions) => {
      const table = await readTransactions(file, ingestOptionsFrom(o) as never);
      const resamples = numberOption('bootstrap', o.bootstrap, (v) => Number.isInteger(v) && v >= 100);
      const seed = numberOption('seed', o.seed, Number.isInteger);
      const r = regularity(table, {
        unit: periodUnit('unit', o.unit, 'day'),
        ...(o.end ? { end: parseDateOption(o.end, '--end') } : {}),
        ...(resamples !== undefined ? { resamples } : {}),
        ...(seed !== undefined ? { seed } : {}),
      });
      const chart = regularitySpec(r, { title: 'Purchase regularity', x: 'inter-purchase time / the customer’s mean', y: 'density', observed: 'observed', erlang: `Erlang-${r.k.toFixed(1)}` });
      if (o.json) process.stdout.write(JSON.stringify({ ...r, chart }) + '\n');
      else {
        process.stdout.write(`k = ${r.k.toFixed(3)} (95% interval ${r.interval[0].toFixed(3)} to ${r.interval[1].toFixed(3)}), from ${count(r.customers, 'customer', 'customers', 'en', (n) => n.toLocaleString('en-US'))} with three or more purchases (Wheat & Morrison 1990)\n`);
        process.stdout.write(r.reading + '\n');
      }
      for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
    });
  hiddenAlias(cmd, '--resamples <n>', 'bootstrap');
}
