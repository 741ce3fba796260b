import { topLevel } from './common.js';
/**
 * Migration matrix: rows = state in the first period, columns = state in the second, colour = row share.
 *
 * @example
 * migrationSpec({ cells: [{ from: 'Gold', to: 'Lead', customers: 12, share: 0.3 }], order: ['Gold', 'Lead'] },
 *   { title: 'Migration', from: 'first year', to: 'second year', customers: 'customers', share: 'share of row' });
 */
export function migrationSpec(input, text, options = {}) {
    const x = { field: 'to', type: 'nominal', sort: input.order, title: text.to, axis: { labelAngle: 0, orient: 'top' } };
    const y = { field: 'from', type: 'nominal', sort: input.order, title: text.from };
    const size = Math.max(160, 44 * input.order.length);
    return topLevel({
        width: options.width ?? size,
        height: options.height ?? size,
        data: { values: input.cells },
        layer: [
            {
                mark: 'rect',
                encoding: {
                    x, y,
                    color: { field: 'share', type: 'quantitative', title: text.share, scale: { scheme: 'oranges', domain: [0, 1] }, legend: { format: '.0%', orient: 'right' } },
                    tooltip: [
                        { field: 'from', type: 'nominal', title: text.from },
                        { field: 'to', type: 'nominal', title: text.to },
                        { field: 'customers', type: 'quantitative', title: text.customers, format: ',' },
                        { field: 'share', type: 'quantitative', title: text.share, format: '.1%' },
                    ],
                },
            },
            {
                mark: { type: 'text', fontSize: 10 },
                encoding: { x, y, text: { field: 'customers', type: 'quantitative', format: ',' }, color: { condition: { test: 'datum.share > 0.6', value: 'white' }, value: '#222' } },
            },
        ],
    }, text.title);
}
//# sourceMappingURL=migration.js.map