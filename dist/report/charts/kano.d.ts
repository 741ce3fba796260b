import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** Kano features with their Better (0..1) and Worse (−1..0) coefficients and category label. */
export interface KanoInput {
    features: {
        feature: string;
        better: number;
        worse: number;
        category: string;
    }[];
}
export interface KanoText extends ChartText {
    x: string;
    y: string;
    category: string;
}
/**
 * Kano Better/Worse scatter (Berger et al. 1993): x = |Worse|, y = Better, quadrant lines at 0.5.
 *
 * @example
 * kanoSpec({ features: [{ feature: 'wifi', better: 0.7, worse: -0.6, category: 'one-dimensional' }] },
 *   { title: 'Kano', x: '|Worse|', y: 'Better', category: 'category' });
 */
export declare function kanoSpec(input: KanoInput, text: KanoText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=kano.d.ts.map