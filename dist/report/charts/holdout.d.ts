import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** Mean holdout transactions, actual and predicted, per calibration frequency group. */
export interface HoldoutInput {
    /** `frequency` is a group label such as "0", "1", … "7+"; `customers` the group size. */
    groups: {
        frequency: string;
        customers: number;
        actual: number;
        predicted: number;
    }[];
}
export interface HoldoutText extends ChartText {
    x: string;
    y: string;
    actual: string;
    predicted: string;
    customers: string;
}
/**
 * Calibration vs holdout: mean repeat transactions in the holdout period by the number of repeat
 * transactions in the calibration period, actual vs model (Fader, Hardie & Lee 2005a, fig. 5).
 *
 * @example
 * holdoutSpec({ groups: [{ frequency: '0', customers: 1400, actual: 0.2, predicted: 0.23 }] },
 *   { title: 'Holdout', x: 'repeat purchases (calibration)', y: 'mean in holdout', actual: 'actual', predicted: 'model', customers: 'customers' });
 */
export declare function holdoutSpec(input: HoldoutInput, text: HoldoutText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=holdout.d.ts.map