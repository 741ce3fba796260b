import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** Customers and mean value per (recency score, frequency score) cell, scores 1..5 (5 = best). */
export interface RfmInput {
    cells: {
        recency: number;
        frequency: number;
        customers: number;
        meanValue: number;
    }[];
}
export interface RfmText extends ChartText {
    x: string;
    y: string;
    customers: string;
    meanValue: string;
}
/**
 * RFM heatmap: colour = mean monetary value, label = number of customers in each R × F cell.
 *
 * @example
 * rfmSpec({ cells: [{ recency: 5, frequency: 5, customers: 120, meanValue: 310 }] },
 *   { title: 'RFM', x: 'recency score', y: 'frequency score', customers: 'customers', meanValue: 'mean value' });
 */
export declare function rfmSpec(input: RfmInput, text: RfmText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=rfm.d.ts.map