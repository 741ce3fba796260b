import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** Pre-binned positive CLV values on a log scale: bins [lo, hi) with lo > 0. */
export interface ClvDistributionInput {
    bins: {
        lo: number;
        hi: number;
        customers: number;
    }[];
}
export interface ClvDistributionText extends ChartText {
    x: string;
    y: string;
}
/**
 * CLV distribution as a histogram on a logarithmic value axis (customers with zero value are
 * counted in the text, not drawn).
 *
 * @example
 * clvDistributionSpec({ bins: [{ lo: 1, hi: 10, customers: 40 }, { lo: 10, hi: 100, customers: 12 }] },
 *   { title: 'CLV', x: 'CLV (€, log scale)', y: 'customers' });
 */
export declare function clvDistributionSpec(input: ClvDistributionInput, text: ClvDistributionText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=clv-distribution.d.ts.map