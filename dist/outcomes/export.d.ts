import { type CsvFormat } from '../report/csv.ts';
import type { RetentionReport } from './retention.ts';
/**
 * Write the tables of a retention report as CSV files in `dir` (created if needed), through the
 * shared CSV writer (formula-injection guard, full-precision numbers). Returns the paths written.
 *
 * @example
 * writeRetentionCsvs(retentionOutcomes(table), 'out'); // ['out/recruitment.csv', 'out/conversion.csv', ...]
 */
export declare function writeRetentionCsvs(report: RetentionReport, dir: string, format?: CsvFormat): string[];
//# sourceMappingURL=export.d.ts.map