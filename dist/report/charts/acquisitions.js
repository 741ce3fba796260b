import { topLevel } from './common.js';
/**
 * Acquisitions per period: stacked bars of first purchases per channel.
 *
 * @example
 * acquisitionsSpec({ rows: [{ period: '2024-01', channel: 'web', customers: 120 }], periods: ['2024-01'], channels: ['web'] },
 *   { title: 'New customers', x: 'month', y: 'new customers', channel: 'channel' });
 */
export function acquisitionsSpec(input, text, options = {}) {
    const split = input.channels.length > 1 || (input.channels.length === 1 && input.channels[0] !== '');
    const encoding = {
        x: { field: 'period', type: 'ordinal', sort: input.periods, title: text.x, axis: { labelAngle: -45, labelOverlap: true } },
        y: { field: 'customers', type: 'quantitative', title: text.y, stack: 'zero', axis: { format: ',.0f' } },
        tooltip: [
            { field: 'period', type: 'ordinal', title: text.x },
            ...(split ? [{ field: 'channel', type: 'nominal', title: text.channel }] : []),
            { field: 'customers', type: 'quantitative', title: text.y, format: ',' },
        ],
    };
    if (split)
        encoding.color = { field: 'channel', type: 'nominal', title: text.channel, scale: { domain: input.channels } };
    return topLevel({ width: options.width ?? 520, height: options.height ?? 220, data: { values: input.rows }, mark: { type: 'bar', ...(split ? {} : { color: '#1f5f8b' }) }, encoding }, text.title);
}
//# sourceMappingURL=acquisitions.js.map