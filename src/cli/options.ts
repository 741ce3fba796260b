import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import { hiddenAlias } from './alias.ts';
import { parseEncoding } from '../ingest/encoding.ts';
import type { PeriodUnit } from '../types.ts';

/** Options shared by every command that reads a transaction file (DESIGN.md §1). */
export interface TransactionCliOptions {
  customerCol?: string;
  dateCol?: string;
  amountCol?: string;
  /** false with --no-amount (commander's negated option). */
  amount?: boolean;
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
  cmd
    .option('--customer-col <name>', 'customer id column (default: customer_id, client, id_client, customer, ...)')
    .option('--date-col <name>', 'date column (default: date, order_date, date_commande, ...)')
    .option('--amount-col <name>', 'amount column (default: amount, montant, Montant TTC (€), Prix unitaire, revenue, sales, ...)')
    .option('--no-amount', 'the file has no amounts, on purpose: value figures are then "not available"')
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
    .option('--calibration-end <date>', 'end of the calibration period: models are fitted on the purchases up to this date and checked on the later ones, the holdout (default: none, no holdout)')
    .option('--quiet', 'no progress bar');
  // pandas' and R's name for the field delimiter
  return hiddenAlias(cmd, '--sep <d>', 'delimiter');
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
    noAmount: o.amount === false ? true : undefined,
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

/**
 * A rate option (`--discount`, `--margin`): a fraction `0.1` or a percentage `10%` (a decimal comma
 * is accepted, `2,5%`). A bare number above 1 is refused with both spellings, since `--discount 10`
 * would otherwise mean 1,000% a year.
 *
 * @example
 * rateOption('discount', '10%'); // 0.1
 * rateOption('margin', '0.3'); // 0.3
 * rateOption('discount', '10'); // UsageError: write 0.1 or 10%
 */
export function rateOption(name: string, value: string | undefined, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const text = value.trim().replace(',', '.');
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(%?)$/i.exec(text);
  if (!m) throw new UsageError(`--${name} must be a fraction such as 0.1 or a percentage such as 10%, got "${value}"`);
  const v = Number(m[1]);
  if (!(v >= 0) || !Number.isFinite(v)) throw new UsageError(`--${name} must be 0 or more, got "${value}"`);
  if (m[2] === '%') return v / 100;
  if (v > 1) {
    const pct = Number(v.toPrecision(12));
    throw new UsageError(`--${name} ${value} is ambiguous: write ${Number((v / 100).toPrecision(12))} or ${pct}% for ${pct} percent (a bare number is a fraction, so ${value} would mean ${Number((v * 100).toPrecision(12))}%)`);
  }
  return v;
}

/** Time units of a horizon: day, week, month (365.25/12 days) and year (365.25 days). */
export type HorizonUnit = 'day' | 'week' | 'month' | 'year';
const HORIZON_DAYS: Record<HorizonUnit, number> = { day: 1, week: 7, month: 365.25 / 12, year: 365.25 };
const HORIZON_LETTERS: Record<string, HorizonUnit> = { d: 'day', w: 'week', m: 'month', y: 'year' };

/**
 * A resolved horizon: what the user wrote, its number and unit, and its length in days (Infinity for `infinite`).
 *
 * @example
 * const h: Horizon = { spec: '12m', value: 12, unit: 'month', days: 365.25, infinite: false };
 */
export interface Horizon {
  spec: string;
  value: number;
  unit: HorizonUnit;
  days: number;
  infinite: boolean;
}

/** The default horizon of predict, segment and report: one year, written as 12 months. */
export const DEFAULT_HORIZON = '12m';

/**
 * The one horizon syntax of every command (DESIGN.md §3): a number with a unit, `52w`, `12m`, `1y`,
 * `365d` (also the words: `52 weeks`, `12 mois`), or `infinite`. A bare number is refused with the
 * spellings unless `legacyUnit` (the old `--horizon-unit`) names its unit.
 *
 * @example
 * horizonOption('52w').days; // 364
 * horizonOption('infinite').infinite; // true
 */
export function horizonOption(value: string | undefined, legacyUnit?: string, fallback = DEFAULT_HORIZON): Horizon {
  if (legacyUnit !== undefined && !(legacyUnit in HORIZON_DAYS)) throw new UsageError(`--horizon-unit must be day, week, month or year, got "${legacyUnit}"`);
  const spec = (value ?? fallback).trim();
  const lower = spec.toLowerCase();
  if (['infinite', 'infinity', 'inf', 'infini', '∞'].includes(lower)) return { spec: 'infinite', value: Infinity, unit: 'year', days: Infinity, infinite: true };
  const m = /^(\d+(?:[.,]\d+)?)\s*([a-zé]*)$/.exec(lower);
  const words: Record<string, HorizonUnit> = {
    d: 'day', day: 'day', days: 'day', j: 'day', jour: 'day', jours: 'day',
    w: 'week', week: 'week', weeks: 'week', wk: 'week', sem: 'week', semaine: 'week', semaines: 'week',
    m: 'month', mo: 'month', month: 'month', months: 'month', mois: 'month',
    y: 'year', yr: 'year', year: 'year', years: 'year', an: 'year', ans: 'year', a: 'year', année: 'year', années: 'year',
  };
  const hint = 'write a number with a unit, 52w, 12m, 1y or 365d, or infinite';
  if (!m) throw new UsageError(`--horizon: ${hint}; got "${spec}"`);
  const n = Number(m[1].replace(',', '.'));
  let unit: HorizonUnit | undefined = m[2] ? words[m[2]] : undefined;
  if (!m[2] && legacyUnit !== undefined) unit = legacyUnit as HorizonUnit;
  if (!unit) throw new UsageError(m[2] ? `--horizon: unknown unit "${m[2]}"; ${hint}` : `--horizon ${spec} has no unit: ${hint} (for example ${spec}w for ${spec} weeks)`);
  if (!(n > 0) || !Number.isFinite(n)) throw new UsageError(`--horizon must be above 0, got "${spec}"`);
  const letter = Object.keys(HORIZON_LETTERS).find((k) => HORIZON_LETTERS[k] === unit)!;
  return { spec: `${n}${letter}`, value: n, unit, days: n * HORIZON_DAYS[unit], infinite: false };
}

/**
 * A horizon in another time unit (the model's), rounded to a whole number when within 1e-9 of one.
 *
 * @example
 * horizonIn(horizonOption('1y'), 'month'); // 12
 * horizonIn(horizonOption('12m'), 'week'); // 52.178...
 */
export function horizonIn(h: Horizon, unit: HorizonUnit): number {
  if (h.infinite) return Infinity;
  const v = h.days / HORIZON_DAYS[unit];
  const r = Math.round(v);
  return Math.abs(v - r) < 1e-9 * Math.max(1, r) ? r : v;
}

/**
 * How a horizon reads in a message: "12 months (52.18 weeks, the model's unit)".
 *
 * @example
 * describeHorizon(horizonOption('12m'), 'week'); // '12 months = 52.18 weeks'
 */
export function describeHorizon(h: Horizon, modelUnit?: HorizonUnit): string {
  if (h.infinite) return 'infinite (discounted)';
  const plural = (v: number, u: string) => `${Number(v.toPrecision(6))} ${u}${v === 1 ? '' : 's'}`;
  const own = plural(h.value, h.unit);
  if (!modelUnit || modelUnit === h.unit) return own;
  return `${own} = ${plural(horizonIn(h, modelUnit), modelUnit)}`;
}

/**
 * `--currency`: an ISO 4217 code that Intl can format (case-insensitive), or undefined when not given.
 *
 * @example
 * currencyOption('usd'); // 'USD'
 * currencyOption('dollars'); // UsageError
 */
export function currencyOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const code = value.trim().toUpperCase();
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  if (!/^[A-Z]{3}$/.test(code) || (known.length > 0 && !known.includes(code))) {
    throw new UsageError(`--currency must be an ISO 4217 code such as EUR, USD, GBP or CHF, got "${value}"`);
  }
  return code;
}
