import { pValueText } from '../../p-value-text.ts';
import { count } from '../../plural.ts';
import { wroteNote } from '../output.ts';
import type { Command } from 'commander';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { ClvkitError, UsageError } from '../../errors.ts';
import { checkOutputFolder, writeFileAtomic } from '../../io/atomic.ts';
import { toCsv } from '../../io/csv.ts';
import { UNIT_DAYS, type TimeUnit } from '../../models/discounting.ts';
import { aliveHistory, heterogeneity, periodTransactions, type AlivePoint, type HeterogeneityPoint, type PeriodTransactions } from '../../models/diagnostics.ts';
import type { FitResultBase } from '../../models/types.ts';
import { numberOption } from '../options.ts';
import { transactionsFromEngine } from '../engine-options.ts';
import { addModelOptions, fitFromFile, modelTimeUnit } from './fit.ts';
import { fromModelFile, type PredictCliOptions } from './predict.ts';

interface DiagnoseCliOptions extends PredictCliOptions {
  outDir?: string;
  customers?: string;
  bins?: string;
}

/**
 * The diagnostics of a fitted model, as `clvkit diagnose` computes them.
 *
 * @example
 * const d: Diagnostics = await diagnoseFromFile('tx.csv', { model: 'bgnbd', customers: 'C000001' });
 * d.periodTransactions.chiSquare;
 */
export interface Diagnostics {
  model: FitResultBase<Record<string, number>>;
  periodTransactions?: PeriodTransactions;
  heterogeneity: HeterogeneityPoint[];
  aliveHistory: { id: string; points: AlivePoint[] }[];
  warnings: string[];
  notes: string[];
}

/**
 * Fit the model (or load it with `modelFile`) and compute the diagnostics on the input: period transactions
 * with the chi-square, the heterogeneity densities, and the P(alive) history of `customers` (comma-separated
 * ids; transaction files only).
 *
 * @example
 * const d = await diagnoseFromFile('tx.csv', { model: 'bgnbd', customers: 'C000001,C000002' });
 */
export async function diagnoseFromFile(file: string | undefined, o: DiagnoseCliOptions): Promise<Diagnostics> {
  const bins = numberOption('bins', o.bins ?? '8', (v) => Number.isInteger(v) && v >= 2 && v <= 1000)!;
  const { info, loaded, fitted } = o.modelFile ? await fromModelFile(file, o) : await fitFromFile(file, o);
  const notes = [...loaded.notes];
  const warnings: string[] = [...(fitted.warnings ?? [])];
  const c = loaded.customers;
  let pt: PeriodTransactions | undefined;
  const pmf = (fitted as { probabilityOfTransactions?: (n: number, t: number) => number }).probabilityOfTransactions;
  if (c && pmf && (info.input === 'summary' || info.input === 'bgbb')) {
    const nParams = Object.keys(fitted.standardErrors).length;
    const weights = 'data' in loaded.input ? (loaded.input.data as { weights?: ArrayLike<number> }).weights : undefined;
    pt = periodTransactions(fitted as never, { frequency: c.frequency, T: c.T, ...(weights ? { weights } : {}) }, { bins, parameters: nParams });
    warnings.push(...pt.warnings);
  }
  const history: Diagnostics['aliveHistory'] = [];
  const ids = (o.customers ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length) {
    if (loaded.source !== 'transactions' || !c) throw new UsageError('--customers needs a transaction file: the P(alive) history follows each purchase');
    if (info.input !== 'summary') throw new UsageError(`--customers: no P(alive) history for ${info.title}`);
    const table = await transactionsFromEngine(file, o);
    // the model unit: --freq, or the saved model's (fromModelFile fills o.freq when it is missing)
    const unitDays = UNIT_DAYS[modelTimeUnit({ freq: o.freq ?? savedUnit(o) }) as TimeUnit];
    if ((o.unit ?? 'day') !== 'day') warnings.push(`the P(alive) history places purchases on their days (--unit ${o.unit} groups them by ${o.unit} in the fit)`);
    const rowOf = new Map<string, number>();
    c.customerIds.forEach((id, i) => rowOf.set(id, i));
    const tableIndex = new Map<string, number>();
    table.customerIds.forEach((id, i) => tableIndex.set(id, i));
    for (const id of ids) {
      const i = rowOf.get(id);
      const k = tableIndex.get(id);
      if (i === undefined || k === undefined) throw new ClvkitError(`--customers: no customer "${id}" in the summary (first purchase by the calibration end)`, { file });
      const days = new Set<number>();
      for (let r = 0; r < table.length; r++) if (table.customer[r] === k && !(table.amount[r] < 0)) days.add(table.day[r]);
      const sorted = [...days].sort((a, b) => a - b);
      const times = sorted.map((d) => (d - sorted[0]) / unitDays);
      history.push({ id, points: aliveHistory(fitted as never, times, c.T[i], 100) });
    }
  }
  return { model: fitted, ...(pt ? { periodTransactions: pt } : {}), heterogeneity: heterogeneity(fitted), aliveHistory: history, warnings, notes };
}

function savedUnit(o: DiagnoseCliOptions): string | undefined {
  if (!o.modelFile) return undefined;
  try {
    return (JSON.parse(readFileSync(o.modelFile, 'utf8')) as { data?: { unit?: string } }).data?.unit;
  } catch {
    return undefined;
  }
}

const FILES = ['period_transactions.csv', 'period_transactions.vl.json', 'heterogeneity.csv', 'heterogeneity.vl.json', 'alive_history.csv', 'alive_history.vl.json'];

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v);
}

/**
 * @example
 * register(program); // adds `clvkit diagnose <input> --model <name> [--out-dir dir] [--customers ids]`
 */
export function register(program: Command): void {
  const cmd = program
    .command('diagnose')
    .description('model diagnostics: customers by repeat purchases, actual vs model with a chi-square; P(alive) history of given customers; the fitted heterogeneity distributions (CSV + Vega-Lite)')
    .argument('[input]', 'transaction file or summary file (as for clvkit fit)');
  addModelOptions(cmd)
    .option('--model-file <model.json>', 'a model saved by clvkit fit --save (no refitting)')
    .option('--bins <n>', 'bins of the period-transactions comparison: 0 .. n-2 repeat purchases and n-1 or more', '8')
    .option('--customers <ids>', 'comma-separated customer ids whose P(alive) history to compute (transaction files)')
    .option('--out-dir <dir>', 'write the CSV files and Vega-Lite specs here')
    .action(async (file: string | undefined, o: DiagnoseCliOptions, command: Command) => {
      if (o.modelFile) for (const k of ['freq', 'unit'] as const) if (command.getOptionValueSource(k) === 'default') delete o[k];
      if (o.outDir) checkOutputFolder(o.outDir, [file, o.modelFile], FILES);
      const d = await diagnoseFromFile(file, o);
      for (const n of d.notes) process.stderr.write(n + '\n');
      for (const w of d.warnings) process.stderr.write(`warning: ${w}\n`);
      const pt = d.periodTransactions;
      if (o.outDir) {
        const { periodTransactionsSpec, heterogeneitySpec, aliveHistorySpec } = await import('../../report/charts/diagnostics.ts');
        const write = (name: string, text: string) => writeFileAtomic(join(o.outDir!, name), text);
        if (pt) {
          write('period_transactions.csv', toCsv(['repeat_purchases', 'or_more', 'actual', 'expected'], pt.bins.map((b) => [b.repeat, b.orMore, b.actual, b.expected])));
          write('period_transactions.vl.json', JSON.stringify(periodTransactionsSpec(pt, { title: `Customers by repeat purchases: actual vs ${d.model.model} (chi-square ${fmt(pt.chiSquare)}, df ${pt.degreesOfFreedom}, p ${fmt(pt.pValue)})`, x: 'repeat purchases in calibration', y: 'customers', actual: 'actual', expected: 'model' })) + '\n');
        }
        write('heterogeneity.csv', toCsv(['distribution', 'parameter', 'x', 'density'], d.heterogeneity.map((p) => [p.distribution, p.parameter, p.x, p.density])));
        write('heterogeneity.vl.json', JSON.stringify(heterogeneitySpec({ points: d.heterogeneity }, { title: `How customers differ: the fitted ${d.model.model} mixing distributions`, x: 'value', y: 'density' })) + '\n');
        if (d.aliveHistory.length) {
          write('alive_history.csv', toCsv(['customer_id', 't', 'frequency', 'recency', 'probability_alive', 'purchase'], d.aliveHistory.flatMap((h) => h.points.map((p) => [h.id, p.t, p.frequency, p.recency, p.probabilityAlive, p.purchase]))));
          write('alive_history.vl.json', JSON.stringify(aliveHistorySpec({ customers: d.aliveHistory }, { title: 'P(alive) over each purchase history', x: 'time since first purchase (model units)', y: 'P(alive)', customer: 'customer', purchase: 'purchase at' })) + '\n');
        }
        wroteNote(o, `wrote the diagnostics (CSV files and Vega-Lite specs) to ${o.outDir}`);
      }
      if (o.json) {
        process.stdout.write(JSON.stringify({ model: d.model.model, params: d.model.params, ...(pt ? { periodTransactions: pt } : {}), aliveHistory: d.aliveHistory, heterogeneity: d.heterogeneity, warnings: d.warnings }) + '\n');
      } else {
        // with --out-dir the readable result makes way for the one line saying what was written: it goes to stderr
        const to = o.outDir ? process.stderr : process.stdout;
        const params = Object.entries(d.model.params as Record<string, number>).map(([k, v]) => `${k} = ${fmt(v)}`).join(', ');
        const lines = [`model ${d.model.model}: ${params}`];
        if (pt) {
          lines.push('repeat purchases  actual  expected', ...pt.bins.map((b) => `${b.label.padStart(16)}  ${String(b.actual).padStart(6)}  ${fmt(b.expected).padStart(8)}`));
          lines.push(`chi-square ${fmt(pt.chiSquare)} on ${count(pt.degreesOfFreedom, 'degree', 'degrees')} of freedom, ${pValueText(pt.pValue)} (${count(pt.customers, 'customer', 'customers', 'en', (n) => n.toLocaleString('en-US'))})`);
        }
        if (d.aliveHistory.length) lines.push(`P(alive) history of ${count(d.aliveHistory.length, 'customer', 'customers')}: in --json and --out-dir`);
        to.write(lines.join('\n') + '\n');
      }
    });
}
