import { count, plural } from '../../plural.ts';
import type { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { readTransactions } from '../../ingest/transactions.ts';
import { readSummaryFile, sniffModelInputKind } from '../../ingest/summary-file.ts';
import { summarize } from '../../summary/summarize.ts';
import { formatAccounting } from '../../summary/export.ts';
import { COMPARABLE_MODELS, compareModels, comparisonJson, formatComparison, type Comparison } from '../../models/compare.ts';
import { modelInfo, type ModelName } from '../../models/registry.ts';
import { addTransactionOptions, ingestOptionsFrom, numberOption, summaryOptionsFrom, type TransactionCliOptions } from '../options.ts';

/**
 * Options of `clvkit compare`.
 *
 * @example
 * const o: CompareCliOptions = { models: 'bgnbd,paretonbd', calibrationEnd: '1997-09-30' };
 */
export interface CompareCliOptions extends TransactionCliOptions {
  models?: string;
  json?: boolean;
  penalizer?: string;
  k?: string;
}

/**
 * The comparison behind `clvkit compare`: a transaction file (summarised with the summary options;
 * with --calibration-end the holdout metrics and the tracking error) or a summary file.
 *
 * @example
 * const { comparison } = await compareFromFile('CDNOW_sample.txt', { models: 'nbd,bgnbd', calibrationEnd: '1997-09-30' });
 */
export async function compareFromFile(file: string, o: CompareCliOptions): Promise<{ comparison: Comparison; notes: string[] }> {
  const models = (o.models ?? 'nbd,bgnbd,mbgnbd,paretonbd,ggomnbd,bgcnbd')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((m) => {
      const name = m.toLowerCase().replace(/[^a-z]/g, '') === 'paretonbdcorrelation' ? 'paretonbdcor' : modelInfo(m).name;
      if (!COMPARABLE_MODELS.includes(name as ModelName)) throw new UsageError(`--models takes ${COMPARABLE_MODELS.join(', ')}; got "${m}"`);
      return name as ModelName;
    });
  const penalizer = numberOption('penalizer', o.penalizer, (v) => v >= 0 && Number.isFinite(v));
  const k = numberOption('k', o.k, (v) => Number.isInteger(v) && v >= 1 && v <= 100);
  const notes: string[] = [];
  const kind = sniffModelInputKind(file, o.delimiter === 'tab' ? '\t' : o.delimiter);
  if (kind === 'summary') {
    const data = readSummaryFile(file, { kind: 'summary' });
    if (data.kind !== 'summary') throw new UsageError(`${file}: expected a customer summary`);
    notes.push(`${file}: a summary file (no holdout metrics, no litt: CNBD-k models need --k)`);
    const comparison = await compareModels(data, { models, ...(penalizer !== undefined ? { penalizer } : {}), ...(k !== undefined ? { k } : {}) });
    return { comparison, notes };
  }
  if (kind !== undefined) throw new UsageError(`${file}: compare needs a transaction file or a customer summary, not ${kind} rows`);
  const table = await readTransactions(file, ingestOptionsFrom(o) as never);
  const summary = summarize(table, summaryOptionsFrom(o) as never);
  if (summary.accounting) notes.push(`${file}: ${formatAccounting(summary.accounting)}; ${count(summary.frequency.length, 'customer', 'customers')}`);
  const comparison = await compareModels(summary, { models, table, ...(penalizer !== undefined ? { penalizer } : {}), ...(k !== undefined ? { k } : {}) });
  return { comparison, notes };
}

/**
 * @example
 * register(program); // adds `clvkit compare <input> --models …`
 */
export function register(program: Command): void {
  const cmd = program
    .command('compare')
    .description('fit several models and compare them: parameters, LL, AIC, BIC, LR tests of nested pairs, holdout errors and tracking with --calibration-end')
    .argument('<input>', 'transaction file (or a summary file frequency,recency,T)');
  addTransactionOptions(cmd)
    .option('--models <list>', `comma-separated: ${COMPARABLE_MODELS.join(', ')} (default nbd,bgnbd,mbgnbd,paretonbd,ggomnbd,bgcnbd)`)
    .option('--k <k>', 'CNBD-k models: fix k (default: chosen by likelihood)')
    .option('--penalizer <x>', 'L2 penalizer on the parameters, default 0')
    .option('--json', 'print the comparison as one JSON document on stdout')
    .action(async (file: string, o: CompareCliOptions) => {
      const { comparison, notes } = await compareFromFile(file, o);
      for (const n of notes) process.stderr.write(n + '\n');
      if (o.json) process.stdout.write(JSON.stringify(comparisonJson(comparison)) + '\n');
      else process.stdout.write(formatComparison(comparison));
    });
}
