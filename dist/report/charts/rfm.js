import { topLevel } from './common.js';
/**
 * RFM heatmap: colour = mean monetary value, label = number of customers in each R × F cell.
 *
 * @example
 * rfmSpec({ cells: [{ recency: 5, frequency: 5, customers: 120, meanValue: 310 }] },
 *   { title: 'RFM', x: 'recency score', y: 'frequency score', customers: 'customers', meanValue: 'mean value' });
 */
export function rfmSpec(input, text, options = {}) {
    const x = { field: 'recency', type: 'ordinal', title: text.x, axis: { labelAngle: 0 } };
    const y = { field: 'frequency', type: 'ordinal', title: text.y, sort: 'descending' };
    const maxValue = Math.max(0, ...input.cells.map((c) => (Number.isFinite(c.meanValue) ? c.meanValue : 0)));
    return topLevel({
        width: options.width ?? 320,
        height: options.height ?? 260,
        data: { values: input.cells },
        layer: [
            {
                mark: 'rect',
                encoding: {
                    x, y,
                    color: { field: 'meanValue', type: 'quantitative', title: text.meanValue, scale: { scheme: 'blues' }, legend: { orient: 'right', format: ',.0f' } },
                    tooltip: [
                        { field: 'recency', type: 'ordinal', title: text.x },
                        { field: 'frequency', type: 'ordinal', title: text.y },
                        { field: 'customers', type: 'quantitative', title: text.customers, format: ',' },
                        { field: 'meanValue', type: 'quantitative', title: text.meanValue, format: ',.2f' },
                    ],
                },
            },
            {
                mark: { type: 'text', fontSize: 10 },
                encoding: { x, y, text: { field: 'customers', type: 'quantitative', format: ',' }, color: { condition: { test: `datum.meanValue > ${0.65 * maxValue}`, value: 'white' }, value: '#222' } },
            },
        ],
    }, text.title);
}
//# sourceMappingURL=rfm.js.map