import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** Funnel steps in order with their counts and shares (0..1, relative to the first step; the bar widths follow the shares). */
export interface FunnelInput {
    steps: {
        step: string;
        count: number;
        share: number;
    }[];
}
export interface FunnelText extends ChartText {
    count: string;
    share: string;
}
/**
 * Conversion funnel: one centred bar per step (lead → first purchase → repeat purchase …).
 *
 * @example
 * funnelSpec({ steps: [{ step: 'leads', count: 1000, share: 1 }, { step: 'buyers', count: 240, share: 0.24 }] },
 *   { title: 'Funnel', count: 'count', share: 'share of first step' });
 */
export declare function funnelSpec(input: FunnelInput, text: FunnelText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=funnel.d.ts.map