import { ACTUAL_COLOUR, PREDICTED_COLOUR, finite, topLevel } from './common.js';
/**
 * Calibration vs holdout: mean repeat transactions in the holdout period by the number of repeat
 * transactions in the calibration period, actual vs model (Fader, Hardie & Lee 2005a, fig. 5).
 *
 * @example
 * holdoutSpec({ groups: [{ frequency: '0', customers: 1400, actual: 0.2, predicted: 0.23 }] },
 *   { title: 'Holdout', x: 'repeat purchases (calibration)', y: 'mean in holdout', actual: 'actual', predicted: 'model', customers: 'customers' });
 */
export function holdoutSpec(input, text, options = {}) {
    const order = input.groups.map((g) => g.frequency);
    const values = input.groups.flatMap((g) => [
        { frequency: g.frequency, series: text.actual, value: finite(g.actual), customers: g.customers },
        { frequency: g.frequency, series: text.predicted, value: finite(g.predicted), customers: g.customers },
    ]);
    return topLevel({
        width: options.width ?? 520,
        height: options.height ?? 240,
        data: { values },
        mark: { type: 'line', point: true, strokeWidth: 2 },
        encoding: {
            x: { field: 'frequency', type: 'ordinal', sort: order, title: text.x, axis: { labelAngle: 0 } },
            y: { field: 'value', type: 'quantitative', title: text.y, axis: { format: ',.1f' } },
            color: { field: 'series', type: 'nominal', title: null, scale: { domain: [text.actual, text.predicted], range: [ACTUAL_COLOUR, PREDICTED_COLOUR] } },
            strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: [text.actual, text.predicted], range: [[1, 0], [6, 3]] } },
            tooltip: [
                { field: 'frequency', type: 'ordinal', title: text.x },
                { field: 'series', type: 'nominal', title: ' ' },
                { field: 'value', type: 'quantitative', title: text.y, format: ',.2f' },
                { field: 'customers', type: 'quantitative', title: text.customers, format: ',' },
            ],
        },
    }, text.title);
}
//# sourceMappingURL=holdout.js.map