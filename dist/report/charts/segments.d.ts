import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** Named segments with their size and total value. */
export interface SegmentsInput {
    segments: {
        segment: string;
        customers: number;
        value: number;
    }[];
}
export interface SegmentsText extends ChartText {
    customers: string;
    value: string;
}
/**
 * Segment sizes and value side by side (two bar charts sharing the segment axis).
 *
 * @example
 * segmentsSpec({ segments: [{ segment: 'Champions', customers: 300, value: 51000 }] },
 *   { title: 'Segments', customers: 'customers', value: 'value (€)' });
 */
export declare function segmentsSpec(input: SegmentsInput, text: SegmentsText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=segments.d.ts.map