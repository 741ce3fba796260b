import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** New customers per period (labels already formatted, in order), optionally split by channel. */
export interface AcquisitionsInput {
    rows: {
        period: string;
        channel: string;
        customers: number;
    }[];
    periods: string[];
    /** Channel names in legend order; a single '' channel means no split. */
    channels: string[];
}
export interface AcquisitionsText extends ChartText {
    x: string;
    y: string;
    channel: string;
}
/**
 * Acquisitions per period: stacked bars of first purchases per channel.
 *
 * @example
 * acquisitionsSpec({ rows: [{ period: '2024-01', channel: 'web', customers: 120 }], periods: ['2024-01'], channels: ['web'] },
 *   { title: 'New customers', x: 'month', y: 'new customers', channel: 'channel' });
 */
export declare function acquisitionsSpec(input: AcquisitionsInput, text: AcquisitionsText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=acquisitions.d.ts.map