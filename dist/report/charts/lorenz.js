import { PALETTE, topLevel } from './common.js';
/**
 * Lorenz curve of value with the line of equality and the Gini coefficient.
 *
 * @example
 * lorenzSpec({ points: [{ customerShare: 0, valueShare: 0 }, { customerShare: 0.8, valueShare: 0.3 }, { customerShare: 1, valueShare: 1 }], gini: 0.5 },
 *   { title: 'Lorenz', x: 'share of customers', y: 'share of value', gini: 'Gini = 0.50' });
 */
export function lorenzSpec(input, text, options = {}) {
    const x = { field: 'customerShare', type: 'quantitative', title: text.x, scale: { domain: [0, 1] }, axis: { format: '.0%' } };
    const y = { field: 'valueShare', type: 'quantitative', title: text.y, scale: { domain: [0, 1] }, axis: { format: '.0%' } };
    return topLevel({
        width: options.width ?? 300,
        height: options.height ?? 300,
        layer: [
            { data: { values: [{ customerShare: 0, valueShare: 0 }, { customerShare: 1, valueShare: 1 }] }, mark: { type: 'line', color: '#999', strokeDash: [4, 3] }, encoding: { x, y } },
            {
                data: { values: input.points },
                mark: { type: 'line', color: PALETTE[0], strokeWidth: 2 },
                encoding: {
                    x, y,
                    tooltip: [
                        { field: 'customerShare', type: 'quantitative', title: text.x, format: '.1%' },
                        { field: 'valueShare', type: 'quantitative', title: text.y, format: '.1%' },
                    ],
                },
            },
            { data: { values: [{ label: text.gini }] }, mark: { type: 'text', x: 8, y: 12, align: 'left', fontSize: 12 }, encoding: { text: { field: 'label', type: 'nominal' } } },
        ],
    }, text.title);
}
//# sourceMappingURL=lorenz.js.map