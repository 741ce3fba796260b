import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** Actual and predicted repeat transactions of the whole cohort per period (or cumulated). */
export interface TrackingInput {
    /** One row per period: `t` = end of the period in the model's time unit. */
    points: {
        t: number;
        actual: number;
        predicted: number;
    }[];
    /** End of the calibration period, drawn as a vertical rule. */
    calibrationEnd?: number;
}
export interface TrackingText extends ChartText {
    x: string;
    y: string;
    actual: string;
    predicted: string;
    series: string;
}
/**
 * Tracking plot: actual vs predicted repeat transactions over time (Fader, Hardie & Lee 2005a, fig. 3-4).
 * Pass cumulative points for the cumulative plot and per-period points for the weekly one.
 *
 * @example
 * trackingSpec({ points: [{ t: 1, actual: 10, predicted: 9.5 }, { t: 2, actual: 21, predicted: 20 }], calibrationEnd: 1 },
 *   { title: 'Cumulative repeat transactions', x: 'week', y: 'transactions', actual: 'actual', predicted: 'model', series: '' });
 */
export declare function trackingSpec(input: TrackingInput, text: TrackingText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=tracking.d.ts.map