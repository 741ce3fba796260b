import { basename } from 'node:path';
import { readTouchpoints } from '../ingest/touchpoints.ts';
import { readCovariates } from '../ingest/covariates.ts';
import type { DateFormat } from '../ingest/dates.ts';
import { interactionAnalysis, type InteractionAnalysis } from '../outcomes/interactions.ts';
import { unitDays } from '../summary/summarize.ts';
import type { Day, PeriodUnit, TransactionTable } from '../types.ts';
import type { Accounted } from './build.ts';


/**
 * Options of {@link interactionsReportInput}: the report's own settings (period, calibration end, CLV
 * horizon in months, discount, margin) and those of `clvkit interactions` (transform, bands, plans,
 * grouping by kind, other covariates from a file).
 *
 * @example
 * const o: InteractionsReportOptions = { calibrationEnd: '2025-06-30', plan: [{ channel: 'email', contacts: 1 }] };
 */
export interface InteractionsReportOptions {
  freq?: PeriodUnit;
  end?: string | Day;
  calibrationEnd?: string | Day;
  horizonMonths?: number;
  annualDiscount?: number;
  margin?: number;
  transform?: string;
  bands?: number[];
  plan?: { channel: string; contacts: number }[];
  touchpointBy?: 'channel' | 'kind';
  /** Other covariates (static or time-varying) beside the contacts: a file read with its columns found by name. */
  covariates?: string;
  dateFormat?: DateFormat;
  skipBadRows?: boolean;
}

/**
 * The report section's input from `clvkit report <transactions> --touchpoints <contacts>`: the
 * touchpoint log read (with the transaction reader's dialects and accounting) and the analysis of
 * `clvkit interactions` run with the report's settings; the horizon of the contact plans is the
 * report's CLV horizon in contact periods.
 *
 * @example
 * const inputs = reportInputsFromFiles('orders.csv', table, {}, { calibrationEnd: '2025-06-30' });
 * inputs.interactions = await interactionsReportInput('contacts.csv', table, { calibrationEnd: '2025-06-30' });
 */
export async function interactionsReportInput(touchpointFile: string, table: TransactionTable, o: InteractionsReportOptions = {}): Promise<Accounted<InteractionAnalysis> & { horizon: number }> {
  const freq = o.freq ?? 'week';
  const touchpoints = await readTouchpoints(touchpointFile, { by: o.touchpointBy ?? 'channel', dateFormat: o.dateFormat, skipBadRows: o.skipBadRows });
  // the report's CLV horizon (months) in contact periods
  const horizon = ((o.horizonMonths ?? 12) * unitDays('month')) / unitDays(freq);
  const result = interactionAnalysis(table, touchpoints, {
    freq,
    end: o.end,
    calibrationEnd: o.calibrationEnd,
    transform: o.transform ?? 'log',
    bands: o.bands,
    plan: o.plan,
    horizon,
    discount: o.annualDiscount ?? 0.1,
    margin: o.margin ?? 1,
    covariates: o.covariates ? readCovariates(o.covariates) : undefined,
  });
  return { result, file: basename(touchpointFile), accounting: touchpoints.accounting, horizon };
}
