import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** A value averaged over customers in each (frequency, recency) cell. */
export interface FrequencyRecencyInput {
    /** Cells with labelled bins; `customers` is the cell size (0-customer cells may be left out). */
    cells: {
        frequency: string;
        recency: string;
        value: number;
        customers: number;
    }[];
    frequencyOrder: string[];
    recencyOrder: string[];
    /** 'probability' formats as a percentage on a 0..1 scale; 'count' as a number. */
    kind: 'probability' | 'count';
}
export interface FrequencyRecencyText extends ChartText {
    x: string;
    y: string;
    value: string;
    customers: string;
}
/**
 * Heatmap over frequency × recency, for P(alive) or expected purchases (Fader, Hardie & Lee 2005a, fig. 6-7).
 *
 * @example
 * frequencyRecencySpec({ cells: [{ frequency: '1', recency: '0-4', value: 0.4, customers: 12 }],
 *   frequencyOrder: ['1'], recencyOrder: ['0-4'], kind: 'probability' },
 *   { title: 'P(alive)', x: 'recency (weeks)', y: 'repeat purchases', value: 'P(alive)', customers: 'customers' });
 */
export declare function frequencyRecencySpec(input: FrequencyRecencyInput, text: FrequencyRecencyText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=heatmap.d.ts.map