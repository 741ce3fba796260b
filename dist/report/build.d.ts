/**
 * buildReport: the whole portfolio report as one HTML string, from whatever results are given.
 * The page is a list of independent sections, each built from one result object; a section appears
 * only when its input is there (contracts, leads, Kano, NPS, survey) or its analysis succeeded (model).
 */
import type { RowAccounting, TransactionTable } from '../types.ts';
import type { ContractRetention } from '../outcomes/contract-retention.ts';
import type { LeadFunnel } from '../outcomes/funnel.ts';
import type { KanoResult } from '../research/kano.ts';
import type { SurveyAnalysis } from '../research/study.ts';
import { type ReportAnalysisOptions, type ReportAnalysis } from './analyse.ts';
import type { Section } from './document.ts';
import { type Lang } from './render.ts';
import { type NpsInput } from './sections/research.ts';
/** A research input with its file and row accounting. */
export interface Accounted<T> {
    result: T;
    file: string;
    accounting?: RowAccounting | {
        read: number;
        used: number;
        rejected: Record<string, number>;
    };
}
/** The inputs of a report; only `source` and `table` are required. */
export interface ReportInputs {
    /** Name of the transaction file as shown in the report. */
    source: string;
    table: TransactionTable;
    /** The portfolio analyses; computed from the table with the options when absent. */
    portfolio?: ReportAnalysis;
    contracts?: Accounted<ContractRetention>;
    leads?: Accounted<LeadFunnel>;
    kano?: Accounted<KanoResult>;
    nps?: Accounted<NpsInput>;
    survey?: Accounted<SurveyAnalysis>;
}
/** Options of {@link buildReport}. */
export interface ReportOptions extends ReportAnalysisOptions {
    lang?: Lang;
    /** Inline the Vega runtime for tooltips. */
    interactive?: boolean;
    /** ISO 4217 currency of the amounts (default EUR). */
    currency?: string;
    /** Date printed as the generation date (default today), for reproducible files. */
    generatedOn?: Date;
    /** Called after each chart is rendered (done, total). */
    onChart?: (done: number, total: number) => void;
}
/**
 * The report's sections, in page order, from the inputs (no rendering).
 *
 * @example
 * const sections = reportSections({ source: 'tx.csv', table }, analyseForReport(table), 'en');
 * sections.map((s) => s.id); // ['key-figures', 'inputs', 'value', 'model', 'segments', 'recruitment', 'priorities', 'methods']
 */
export declare function reportSections(inputs: ReportInputs, p: ReportAnalysis, lang: Lang, options?: {
    currency?: string;
    model?: string;
}): Section[];
/**
 * The whole report as a self-contained HTML page.
 *
 * @example
 * const table = await readTransactions('data/sample-transactions.csv');
 * const html = await buildReport({ source: 'sample-transactions.csv', table }, { lang: 'fr', calibrationEnd: '2025-06-30' });
 * writeFileSync('reports/demo.html', html);
 */
export declare function buildReport(inputs: ReportInputs, options?: ReportOptions): Promise<string>;
//# sourceMappingURL=build.d.ts.map