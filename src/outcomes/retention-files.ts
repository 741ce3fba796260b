import { ClvkitError } from '../errors.ts';
import { type DateFormat, formatDay } from '../ingest/dates.ts';
import { type IngestOptions, readTransactions } from '../ingest/transactions.ts';
import { fitBgNbd } from '../models/bgnbd.ts';
import { FIT_BESIDE_FROM, bgNbdAliveBeside } from '../models/fit-beside.ts';
import { takeOrUndefined } from '../worker-beside.ts';
import { summarize, summaryTableCustomers } from '../summary/summarize.ts';
import type { Day, PeriodUnit } from '../types.ts';
import { type ContractsInput, type FileAccounting, readContracts } from './contracts.ts';
import { type LeadsInput, readLeads } from './leads.ts';
import { type RetentionOptions, type RetentionReport, retentionOutcomes } from './retention.ts';

/**
 * @example
 * const o: RetentionFilesOptions = { period: 'week', contractsFile: 'contracts.csv', model: false };
 */
export interface RetentionFilesOptions extends Omit<RetentionOptions, 'leads' | 'contracts' | 'probabilityAlive'> {
  ingest?: IngestOptions;
  leadsFile?: string;
  contractsFile?: string;
  /** Date format of the leads and contracts files (default: decided per file). */
  dateFormat?: DateFormat;
  /** Fit a BG/NBD for the expected active customers per cohort (default true); a failed fit is a note, not an error. */
  model?: boolean;
  /** Purchase period and model time unit of the BG/NBD summary (defaults day and week). */
  unit?: PeriodUnit;
  freq?: PeriodUnit;
}

/**
 * Read the transaction file (and the optional leads and contracts files), fit a BG/NBD for P(alive)
 * unless asked not to, and compute every outcome: the library behind `clvkit retention`.
 * The observation end defaults to the latest transaction date (leads and contracts never move it). Returns the report and notes for
 * the user (e.g. why the BG/NBD could not be fitted).
 *
 * @example
 * const { report } = await retentionFromFiles('orders.csv', { period: 'month', contractsFile: 'contracts.csv' });
 */
export async function retentionFromFiles(file: string, options: RetentionFilesOptions = {}): Promise<{ report: RetentionReport; notes: string[] }> {
  const table = await readTransactions(file, options.ingest ?? {});
  const leads = options.leadsFile ? usable(readLeads(options.leadsFile, { dateFormat: options.dateFormat })) : undefined;
  const contracts = options.contractsFile ? usable(readContracts(options.contractsFile, { dateFormat: options.dateFormat })) : undefined;
  let end: Day | undefined = options.end;
  if (end === undefined) {
    // Only the transactions set the end (issue 15): a lead or contract dated later is counted after the end.
    let latest = -Infinity;
    for (let i = 0; i < table.length; i++) if (table.day[i] > latest) latest = table.day[i];
    if (!Number.isFinite(latest)) throw new ClvkitError('no dated transaction: nothing to analyse', { file });
    end = latest;
  }
  const notes: string[] = [];
  let probabilityAlive: RetentionOptions['probabilityAlive'];
  if (options.model !== false) {
    const failed = (e: unknown) => {
      notes.push(`no BG/NBD for the expected active customers: ${(e as Error).message}`);
      return undefined;
    };
    try {
      const summary = summarize(table, { end: formatDay(end), unit: options.unit ?? 'day', freq: options.freq ?? 'week' });
      // matched to the table's customers by index when the summary can say which is which (no million id strings)
      const tableCustomers = summaryTableCustomers(summary);
      const given = (values: Float64Array) => (tableCustomers ? { tableCustomers, values, model: 'bgnbd' } : { customerIds: summary.customerIds, values, model: 'bgnbd' });
      // the fit on the other core while this one makes the outcomes that do not need it (the same fit as here)
      const beside = summary.frequency.length >= FIT_BESIDE_FROM ? bgNbdAliveBeside(summary) : undefined;
      probabilityAlive = () => {
        try {
          // the fit's own error is the answer; a worker that failed otherwise means fitting here
          const there = takeOrUndefined(beside);
          if (there) return given(there.probabilityAlive);
          const model = fitBgNbd(summary);
          return given(model.probabilityAliveAll(summary));
        } catch (e) {
          return failed(e);
        }
      };
    } catch (e) {
      failed(e);
    }
  }
  const report = retentionOutcomes(table, { ...options, end, leads, contracts, probabilityAlive });
  // a driver model that could not be fitted says so beside the result, not only in its own entry
  for (const d of report.drivers) if (d.error) notes.push(`the ${d.outcome} driver model was not fitted: ${d.error}`);
  return { report, notes };
}

/** A small input with no usable row is an error at the first rejected line. */
function usable<T extends { accounting: FileAccounting }>(input: T): T {
  const a = input.accounting;
  if (a.used === 0) {
    const [reason, lines] = Object.entries(a.first_lines)[0] ?? ['no rows', []];
    throw new ClvkitError(`no usable row (${Object.entries(a.rejected).map(([r, n]) => `${n} ${r}`).join(', ')}); first: ${reason}`, { file: a.file, line: lines[0] });
  }
  return input;
}

/**
 * Input types re-exported for callers of retentionFromFiles.
 *
 * @example
 * import type { ContractsInput } from "./retention-files.ts";
 */
export type { ContractsInput, LeadsInput };
