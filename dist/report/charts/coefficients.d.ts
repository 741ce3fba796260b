import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** Regression coefficients (intercept usually left out) with their confidence intervals. */
export interface CoefficientsInput {
    coefficients: {
        term: string;
        estimate: number;
        lower: number;
        upper: number;
        p: number;
    }[];
}
export interface CoefficientsText extends ChartText {
    x: string;
    p: string;
}
/**
 * Coefficient plot: point estimates with interval bars and a zero line.
 *
 * @example
 * coefficientsSpec({ coefficients: [{ term: 'CC', estimate: 0.31, lower: 0.12, upper: 0.5, p: 0.002 }] },
 *   { title: 'Model 1', x: 'estimate (95% CI)', p: 'p' });
 */
export declare function coefficientsSpec(input: CoefficientsInput, text: CoefficientsText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=coefficients.d.ts.map