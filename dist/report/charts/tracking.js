import { ACTUAL_COLOUR, PREDICTED_COLOUR, finite, topLevel } from './common.js';
/**
 * Tracking plot: actual vs predicted repeat transactions over time (Fader, Hardie & Lee 2005a, fig. 3-4).
 * Pass cumulative points for the cumulative plot and per-period points for the weekly one.
 *
 * @example
 * trackingSpec({ points: [{ t: 1, actual: 10, predicted: 9.5 }, { t: 2, actual: 21, predicted: 20 }], calibrationEnd: 1 },
 *   { title: 'Cumulative repeat transactions', x: 'week', y: 'transactions', actual: 'actual', predicted: 'model', series: '' });
 */
export function trackingSpec(input, text, options = {}) {
    const values = [];
    for (const p of input.points) {
        values.push({ t: p.t, series: text.actual, value: finite(p.actual) });
        values.push({ t: p.t, series: text.predicted, value: finite(p.predicted) });
    }
    const layers = [
        {
            data: { values },
            mark: { type: 'line', strokeWidth: 2 },
            encoding: {
                x: { field: 't', type: 'quantitative', title: text.x },
                y: { field: 'value', type: 'quantitative', title: text.y, axis: { format: ',.0f' } },
                color: {
                    field: 'series', type: 'nominal', title: text.series || null,
                    scale: { domain: [text.actual, text.predicted], range: [ACTUAL_COLOUR, PREDICTED_COLOUR] },
                },
                strokeDash: { field: 'series', type: 'nominal', title: text.series || null, scale: { domain: [text.actual, text.predicted], range: [[1, 0], [6, 3]] } },
                tooltip: [
                    { field: 't', type: 'quantitative', title: text.x },
                    { field: 'series', type: 'nominal', title: text.series || ' ' },
                    { field: 'value', type: 'quantitative', title: text.y, format: ',.1f' },
                ],
            },
        },
    ];
    if (input.calibrationEnd !== undefined) {
        layers.push({ data: { values: [{ t: input.calibrationEnd }] }, mark: { type: 'rule', color: '#888', strokeDash: [2, 2] }, encoding: { x: { field: 't', type: 'quantitative' } } });
    }
    return topLevel({ width: options.width ?? 520, height: options.height ?? 240, layer: layers }, text.title);
}
//# sourceMappingURL=tracking.js.map