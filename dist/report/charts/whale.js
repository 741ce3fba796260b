import { PALETTE, topLevel } from './common.js';
/**
 * Whale curve of cumulative profitability (Kaplan & Cooper 1998): it rises above 100% and falls
 * back to 100% as the unprofitable customers are added.
 *
 * @example
 * whaleSpec({ points: [{ customerShare: 0, profitShare: 0 }, { customerShare: 0.2, profitShare: 1.4 }, { customerShare: 1, profitShare: 1 }] },
 *   { title: 'Whale curve', x: 'customers ranked by profit', y: 'cumulative profit' });
 */
export function whaleSpec(input, text, options = {}) {
    return topLevel({
        width: options.width ?? 420,
        height: options.height ?? 260,
        layer: [
            { data: { values: [{ y: 1 }] }, mark: { type: 'rule', color: '#999', strokeDash: [4, 3] }, encoding: { y: { field: 'y', type: 'quantitative' } } },
            {
                data: { values: input.points },
                mark: { type: 'line', color: PALETTE[0], strokeWidth: 2 },
                encoding: {
                    x: { field: 'customerShare', type: 'quantitative', title: text.x, scale: { domain: [0, 1] }, axis: { format: '.0%' } },
                    y: { field: 'profitShare', type: 'quantitative', title: text.y, axis: { format: '.0%' } },
                    tooltip: [
                        { field: 'customerShare', type: 'quantitative', title: text.x, format: '.1%' },
                        { field: 'profitShare', type: 'quantitative', title: text.y, format: '.1%' },
                    ],
                },
            },
        ],
    }, text.title);
}
//# sourceMappingURL=whale.js.map