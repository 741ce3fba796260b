import type { SummaryData } from '../models/types.ts';
import type { Day, PeriodUnit } from '../types.ts';
export declare const HISTOGRAM_FORMAT = "clvkit-histogram";
export declare const HISTOGRAM_VERSION = 1;
/** A (frequency, recency, T) histogram, columnar, rows sorted by (frequency, recency, T). */
export interface Histogram {
    /** Time unit of recency and T. */
    freq: PeriodUnit;
    /** Purchase period the summary collapsed to (metadata). */
    unit?: PeriodUnit;
    /** Observation (calibration) end, 'YYYY-MM-DD' (metadata). */
    end?: string;
    frequency: Float64Array;
    recency: Float64Array;
    T: Float64Array;
    count: Float64Array;
}
/**
 * The histogram of a customer summary (weights, when given, are counts).
 *
 * @example
 * const h = histogramFromSummary(summarize(table, { end: '1997-09-30' }));
 * h.count.reduce((a, b) => a + b, 0); // 2357
 */
export declare function histogramFromSummary(summary: SummaryData & {
    freq?: PeriodUnit;
    unit?: PeriodUnit;
    end?: Day;
}, meta?: {
    freq?: PeriodUnit;
    unit?: PeriodUnit;
    end?: Day | string;
}): Histogram;
/**
 * Merge histograms of customer shards (same freq; same unit and end when given): counts of equal
 * (x, t_x, T) rows add up.
 *
 * @example
 * const all = mergeHistograms([readHistogram('shard1.json'), readHistogram('shard2.json')]);
 */
export declare function mergeHistograms(histograms: Histogram[]): Histogram;
/**
 * The histogram as model input: one weighted row per distinct (x, t_x, T).
 *
 * @example
 * const model = fitBgNbd(histogramToSummaryData(h));
 */
export declare function histogramToSummaryData(h: Histogram): Required<SummaryData>;
/** Number of customers in a histogram. */
export declare function histogramCustomers(h: Histogram): number;
/** The versioned JSON document. */
export declare function histogramToJson(h: Histogram): string;
/** Parse the JSON document (any version but 1 is refused with a clear message). */
export declare function histogramFromJson(text: string, where?: string): Histogram;
/** The CSV form: metadata line, header, rows. */
export declare function histogramToCsv(h: Histogram): string;
/** Parse the CSV form. */
export declare function histogramFromCsv(text: string, where?: string): Histogram;
/** Write as JSON (`.json`) or CSV (any other extension). */
export declare function writeHistogram(path: string, h: Histogram): void;
/** Read a histogram file, JSON or CSV (decided by the content). */
export declare function readHistogram(path: string): Histogram;
//# sourceMappingURL=histogram.d.ts.map