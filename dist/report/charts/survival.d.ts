import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** Kaplan-Meier steps with confidence bands per group, and optional model projections. */
export interface SurvivalInput {
    curves: {
        group: string;
        t: number;
        survival: number;
        lower: number;
        upper: number;
    }[];
    projections?: {
        model: string;
        t: number;
        survival: number;
    }[];
}
export interface SurvivalText extends ChartText {
    x: string;
    y: string;
    group: string;
    model: string;
}
/**
 * Survival curves (Kaplan-Meier, step lines with 95% bands) and dashed model projections (sBG, BdW).
 *
 * @example
 * survivalSpec({ curves: [{ group: 'all', t: 0, survival: 1, lower: 1, upper: 1 }, { group: 'all', t: 1, survival: 0.6, lower: 0.55, upper: 0.65 }],
 *   projections: [{ model: 'sBG', t: 2, survival: 0.45 }] },
 *   { title: 'Survival', x: 'months', y: 'still active', group: 'group', model: 'projection' });
 */
export declare function survivalSpec(input: SurvivalInput, text: SurvivalText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=survival.d.ts.map