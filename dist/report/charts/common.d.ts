/**
 * Shared pieces of the chart specs: sizes, colours and the config every chart carries.
 * Charts are plain Vega-Lite objects built from aggregated data; nothing here does I/O.
 */
import type { TopLevelSpec } from 'vega-lite';
export type { TopLevelSpec };
/** Size of a chart's plotting area in pixels. */
export interface ChartOptions {
    width?: number;
    height?: number;
}
/** Titles shared by every chart: the chart title and, where it has them, axis titles. */
export interface ChartText {
    title: string;
}
export declare const FONT = "Helvetica, Arial, sans-serif";
export declare const PALETTE: string[];
export declare const ACTUAL_COLOUR = "#1f5f8b";
export declare const PREDICTED_COLOUR = "#e07b39";
/** The config block every spec carries: fonts, sizes, no chart border. */
export declare function chartConfig(): Record<string, unknown>;
/**
 * Wrap a single or composed view with the shared config, title and background.
 *
 * @example
 * topLevel({ mark: 'bar', data: { values: [] }, encoding: {} }, 'Title') // { title: 'Title', config: {...}, ... }
 */
export declare function topLevel(view: Record<string, unknown>, title: string): TopLevelSpec;
/** A finite number or null (Vega-Lite drops nulls from quantitative scales). */
export declare function finite(v: number | null | undefined): number | null;
//# sourceMappingURL=common.d.ts.map