import { PALETTE, topLevel } from './common.js';
/**
 * Segment sizes and value side by side (two bar charts sharing the segment axis).
 *
 * @example
 * segmentsSpec({ segments: [{ segment: 'Champions', customers: 300, value: 51000 }] },
 *   { title: 'Segments', customers: 'customers', value: 'value (€)' });
 */
export function segmentsSpec(input, text, options = {}) {
    const order = input.segments.map((s) => s.segment);
    const height = options.height ?? Math.max(100, 20 * input.segments.length);
    const width = options.width ?? 220;
    const y = { field: 'segment', type: 'nominal', sort: order, title: null };
    const tooltip = [
        { field: 'segment', type: 'nominal', title: ' ' },
        { field: 'customers', type: 'quantitative', title: text.customers, format: ',' },
        { field: 'value', type: 'quantitative', title: text.value, format: ',.0f' },
    ];
    return topLevel({
        data: { values: input.segments },
        hconcat: [
            { width, height, mark: { type: 'bar', color: PALETTE[0] }, encoding: { y, x: { field: 'customers', type: 'quantitative', title: text.customers, axis: { format: ',.0f' } }, tooltip } },
            { width, height, mark: { type: 'bar', color: PALETTE[1] }, encoding: { y: { ...y, axis: null }, x: { field: 'value', type: 'quantitative', title: text.value, axis: { format: ',.0f', tickCount: 4 } }, tooltip } },
        ],
    }, text.title);
}
//# sourceMappingURL=segments.js.map