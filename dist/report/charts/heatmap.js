import { finite, topLevel } from './common.js';
/**
 * Heatmap over frequency × recency, for P(alive) or expected purchases (Fader, Hardie & Lee 2005a, fig. 6-7).
 *
 * @example
 * frequencyRecencySpec({ cells: [{ frequency: '1', recency: '0-4', value: 0.4, customers: 12 }],
 *   frequencyOrder: ['1'], recencyOrder: ['0-4'], kind: 'probability' },
 *   { title: 'P(alive)', x: 'recency (weeks)', y: 'repeat purchases', value: 'P(alive)', customers: 'customers' });
 */
export function frequencyRecencySpec(input, text, options = {}) {
    const values = input.cells.map((c) => ({ ...c, value: finite(c.value) }));
    const fmt = input.kind === 'probability' ? '.0%' : ',.2f';
    const scale = input.kind === 'probability' ? { scheme: 'viridis', domain: [0, 1] } : { scheme: 'viridis' };
    return topLevel({
        width: options.width ?? 480,
        height: options.height ?? 260,
        data: { values },
        mark: { type: 'rect' },
        encoding: {
            x: { field: 'recency', type: 'ordinal', sort: input.recencyOrder, title: text.x, axis: { labelAngle: 0 } },
            y: { field: 'frequency', type: 'ordinal', sort: [...input.frequencyOrder].reverse(), title: text.y },
            color: { field: 'value', type: 'quantitative', title: text.value, scale, legend: { format: fmt, orient: 'right' } },
            tooltip: [
                { field: 'frequency', type: 'ordinal', title: text.y },
                { field: 'recency', type: 'ordinal', title: text.x },
                { field: 'value', type: 'quantitative', title: text.value, format: fmt },
                { field: 'customers', type: 'quantitative', title: text.customers, format: ',' },
            ],
        },
    }, text.title);
}
//# sourceMappingURL=heatmap.js.map