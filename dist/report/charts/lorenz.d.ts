import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** Lorenz curve points (cumulative share of customers, from the lowest value, and of value), 0..1. */
export interface LorenzInput {
    points: {
        customerShare: number;
        valueShare: number;
    }[];
    gini: number;
}
export interface LorenzText extends ChartText {
    x: string;
    y: string;
    /** Text of the Gini annotation, already formatted (e.g. "Gini = 0.62"). */
    gini: string;
}
/**
 * Lorenz curve of value with the line of equality and the Gini coefficient.
 *
 * @example
 * lorenzSpec({ points: [{ customerShare: 0, valueShare: 0 }, { customerShare: 0.8, valueShare: 0.3 }, { customerShare: 1, valueShare: 1 }], gini: 0.5 },
 *   { title: 'Lorenz', x: 'share of customers', y: 'share of value', gini: 'Gini = 0.50' });
 */
export declare function lorenzSpec(input: LorenzInput, text: LorenzText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=lorenz.d.ts.map