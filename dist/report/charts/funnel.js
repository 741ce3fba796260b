import { PALETTE, topLevel } from './common.js';
/**
 * Conversion funnel: one centred bar per step (lead → first purchase → repeat purchase …).
 *
 * @example
 * funnelSpec({ steps: [{ step: 'leads', count: 1000, share: 1 }, { step: 'buyers', count: 240, share: 0.24 }] },
 *   { title: 'Funnel', count: 'count', share: 'share of first step' });
 */
export function funnelSpec(input, text, options = {}) {
    const order = input.steps.map((s) => s.step);
    const values = input.steps.map((s) => ({ ...s, left: -s.share / 2, right: s.share / 2 }));
    const max = Math.max(1, ...input.steps.map((s) => s.share));
    const y = { field: 'step', type: 'nominal', sort: order, title: null };
    return topLevel({
        width: options.width ?? 420,
        height: options.height ?? Math.max(90, 36 * input.steps.length),
        data: { values },
        layer: [
            {
                mark: { type: 'bar', color: PALETTE[0] },
                encoding: {
                    y,
                    x: { field: 'left', type: 'quantitative', axis: null, scale: { domain: [-max / 2, max / 2] } },
                    x2: { field: 'right' },
                    tooltip: [
                        { field: 'step', type: 'nominal', title: ' ' },
                        { field: 'count', type: 'quantitative', title: text.count, format: ',' },
                        { field: 'share', type: 'quantitative', title: text.share, format: '.1%' },
                    ],
                },
            },
            {
                mark: { type: 'text', fontSize: 11, color: '#111', align: 'left', dx: 4 },
                encoding: { y, x: { field: 'right', type: 'quantitative' }, text: { field: 'share', type: 'quantitative', format: '.1%' } },
            },
        ],
    }, text.title);
}
//# sourceMappingURL=funnel.js.map