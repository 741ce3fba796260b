import type { DateFormat } from '../ingest/dates.ts';
import type { TransactionTable } from '../types.ts';
import { type ReportAnalysisOptions } from './analyse.ts';
import type { ReportInputs } from './build.ts';
/** Files of a report besides the transactions. */
export interface ReportFiles {
    contracts?: string;
    leads?: string;
    survey?: string;
    /** Study config (JSON) of the survey. */
    config?: string;
    kano?: string;
    nps?: string;
    /** NPS grouping column. */
    npsBy?: string;
    dateFormat?: DateFormat;
    skipBadRows?: boolean;
}
/**
 * Everything a report needs, from a transaction table and the optional files.
 *
 * @example
 * const table = await readTransactions('orders.csv');
 * const inputs = reportInputsFromFiles('orders.csv', table, { nps: 'nps.csv', kano: 'kano.csv' }, { model: 'auto' });
 * const html = await buildReport(inputs, { lang: 'fr' });
 */
export declare function reportInputsFromFiles(source: string, table: TransactionTable, files: ReportFiles, options?: ReportAnalysisOptions): ReportInputs;
//# sourceMappingURL=inputs.d.ts.map