import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** Value tiers, top tier first, with their share of customers and of value (0..1). */
export interface PyramidInput {
    tiers: {
        tier: string;
        customerShare: number;
        valueShare: number;
        customers: number;
    }[];
}
export interface PyramidText extends ChartText {
    /** Legend labels of the two bars. */
    customerShare: string;
    valueShare: string;
    /** Axis title of the shares, and tooltip title of the customer count. */
    share: string;
    customers: string;
}
/**
 * Value pyramid (Zeithaml, Rust & Lemon 2001): for each tier, its share of customers to the left and
 * its share of value to the right.
 *
 * @example
 * pyramidSpec({ tiers: [{ tier: 'Platinum', customerShare: 0.01, valueShare: 0.2, customers: 50 }] },
 *   { title: 'Value pyramid', customerShare: 'share of customers', valueShare: 'share of value', share: 'share', customers: 'customers' });
 */
export declare function pyramidSpec(input: PyramidInput, text: PyramidText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=pyramid.d.ts.map