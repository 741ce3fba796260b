import { PALETTE, finite, topLevel } from './common.js';
/**
 * NPS bars with interval whiskers, one bar per group (Reichheld 2003).
 *
 * @example
 * npsSpec({ groups: [{ group: 'all', nps: 23, lower: 18, upper: 28, n: 500 }] }, { title: 'NPS', x: 'NPS (points)', n: 'respondents' });
 */
export function npsSpec(input, text, options = {}) {
    const values = input.groups.map((g) => ({ ...g, nps: finite(g.nps), lower: finite(g.lower), upper: finite(g.upper) }));
    const y = { field: 'group', type: 'nominal', sort: input.groups.map((g) => g.group), title: null };
    return topLevel({
        width: options.width ?? 420,
        height: options.height ?? Math.max(60, 26 * input.groups.length),
        data: { values },
        layer: [
            {
                mark: { type: 'bar', opacity: 0.85 },
                encoding: {
                    y,
                    x: { field: 'nps', type: 'quantitative', title: text.x, scale: { domain: [-100, 100] } },
                    color: { condition: { test: 'datum.nps < 0', value: PALETTE[3] }, value: PALETTE[2] },
                    tooltip: [
                        { field: 'group', type: 'nominal', title: ' ' },
                        { field: 'nps', type: 'quantitative', title: 'NPS', format: '.1f' },
                        { field: 'lower', type: 'quantitative', title: '−', format: '.1f' },
                        { field: 'upper', type: 'quantitative', title: '+', format: '.1f' },
                        { field: 'n', type: 'quantitative', title: text.n, format: ',' },
                    ],
                },
            },
            { mark: { type: 'rule', color: '#222' }, encoding: { y, x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } } },
        ],
    }, text.title);
}
//# sourceMappingURL=nps.js.map