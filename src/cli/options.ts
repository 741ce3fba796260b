import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import { parseEncoding } from '../ingest/encoding.ts';
import type { PeriodUnit } from '../types.ts';

/** Options shared by every command that reads a transaction file (DESIGN.md §1). */
export interface TransactionCliOptions {
  customerCol?: string;
  dateCol?: string;
  amountCol?: string;
  channelCol?: string;
  delimiter?: string;
  columns?: string;
  dateFormat?: string;
  decimal?: string;
  skipBadRows?: boolean;
  encoding?: string;
  unit?: string;
  freq?: string;
  end?: string;
  calibrationEnd?: string;
  quiet?: boolean;
}

/** Add the transaction-file and summary options to a command. */
export function addTransactionOptions(cmd: Command): Command {
  return cmd
    .option('--customer-col <name>', 'customer id column (default: customer_id, client, id_client, customer, ...)')
    .option('--date-col <name>', 'date column (default: date, order_date, date_commande, ...)')
    .option('--amount-col <name>', 'amount column (default: amount, montant, revenue, sales, ...); optional')
    .option('--channel-col <name>', 'channel or source column (default: channel, canal, source)')
    .option('--delimiter <d>', "field delimiter: ',' ';' tab '|' or whitespace (default: detected)")
    .option('--columns <names>', 'comma-separated column names for a file without a header row')
    .option('--date-format <fmt>', 'iso, yyyymmdd, dd/mm/yyyy or mm/dd/yyyy (default: detected)')
    .option('--decimal <sep>', "decimal separator '.' or ',' (default: detected)")
    .option('--skip-bad-rows', 'count bad rows by reason and keep going instead of stopping at the first')
    .option('--encoding <enc>', 'utf8, utf16, latin1 or cp1252 (default: UTF-8; UTF-16 with a byte-order mark; Windows-1252 when not valid UTF-8)')
    .option('--unit <unit>', 'purchases are collapsed to one per customer per day|week|month', 'day')
    .option('--freq <unit>', "the model's time unit: day|week|month (month = 365.25/12 days)", 'week')
    .option('--end <date>', 'end of observation (default: the last date in the file); later rows are excluded and counted')
    .option('--calibration-end <date>', 'split into a calibration period and a holdout period')
    .option('--quiet', 'no progress bar');
}

const UNITS: PeriodUnit[] = ['day', 'week', 'month'];

export function periodUnit(name: string, value: string | undefined, fallback: PeriodUnit): PeriodUnit {
  if (value === undefined) return fallback;
  if (!(UNITS as string[]).includes(value)) throw new UsageError(`--${name} must be one of ${UNITS.join(', ')}, got "${value}"`);
  return value as PeriodUnit;
}

function delimiterOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const aliases: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|', space: 'whitespace', whitespace: 'whitespace' };
  const d = aliases[value] ?? value;
  if (![',', ';', '\t', '|', 'whitespace'].includes(d)) throw new UsageError(`--delimiter must be , ; tab | or whitespace, got "${value}"`);
  return d;
}

/** Ingest options (for readTransactions) from parsed CLI options. */
export function ingestOptionsFrom(o: TransactionCliOptions): Record<string, unknown> {
  if (o.decimal !== undefined && o.decimal !== '.' && o.decimal !== ',') throw new UsageError(`--decimal must be . or , got "${o.decimal}"`);
  if (o.dateFormat !== undefined && !['iso', 'yyyymmdd', 'dd/mm/yyyy', 'mm/dd/yyyy'].includes(o.dateFormat)) {
    throw new UsageError(`--date-format must be iso, yyyymmdd, dd/mm/yyyy or mm/dd/yyyy, got "${o.dateFormat}"`);
  }
  const opts: Record<string, unknown> = {
    customerCol: o.customerCol,
    dateCol: o.dateCol,
    amountCol: o.amountCol,
    channelCol: o.channelCol,
    delimiter: delimiterOption(o.delimiter),
    columns: o.columns?.split(',').map((c) => c.trim()),
    dateFormat: o.dateFormat,
    decimal: o.decimal,
    skipBadRows: o.skipBadRows ?? false,
    encoding: parseEncoding(o.encoding),
  };
  for (const k of Object.keys(opts)) if (opts[k] === undefined) delete opts[k];
  return opts;
}

/** Summary options (for summarize) from parsed CLI options. */
export function summaryOptionsFrom(o: TransactionCliOptions): Record<string, unknown> {
  const opts: Record<string, unknown> = {
    unit: periodUnit('unit', o.unit, 'day'),
    freq: periodUnit('freq', o.freq, 'week'),
    end: o.end,
    calibrationEnd: o.calibrationEnd,
  };
  for (const k of Object.keys(opts)) if (opts[k] === undefined) delete opts[k];
  return opts;
}

/** Parse a number option or fail with a usage error naming it. */
export function numberOption(name: string, value: string | undefined, check: (v: number) => boolean = Number.isFinite): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (!check(v)) throw new UsageError(`--${name}: invalid value "${value}"`);
  return v;
}
