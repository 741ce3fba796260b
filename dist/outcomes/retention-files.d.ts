import { type DateFormat } from '../ingest/dates.ts';
import { type IngestOptions } from '../ingest/transactions.ts';
import type { PeriodUnit } from '../types.ts';
import { type ContractsInput } from './contracts.ts';
import { type LeadsInput } from './leads.ts';
import { type RetentionOptions, type RetentionReport } from './retention.ts';
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
 * The observation end defaults to the latest date in any input. Returns the report and notes for
 * the user (e.g. why the BG/NBD could not be fitted).
 *
 * @example
 * const { report } = await retentionFromFiles('orders.csv', { period: 'month', contractsFile: 'contracts.csv' });
 */
export declare function retentionFromFiles(file: string, options?: RetentionFilesOptions): Promise<{
    report: RetentionReport;
    notes: string[];
}>;
/**
 * Input types re-exported for callers of retentionFromFiles.
 *
 * @example
 * import type { ContractsInput } from "./retention-files.ts";
 */
export type { ContractsInput, LeadsInput };
//# sourceMappingURL=retention-files.d.ts.map