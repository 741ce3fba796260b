import { PALETTE, finite, topLevel } from './common.js';
/**
 * Kano Better/Worse scatter (Berger et al. 1993): x = |Worse|, y = Better, quadrant lines at 0.5.
 *
 * @example
 * kanoSpec({ features: [{ feature: 'wifi', better: 0.7, worse: -0.6, category: 'one-dimensional' }] },
 *   { title: 'Kano', x: '|Worse|', y: 'Better', category: 'category' });
 */
export function kanoSpec(input, text, options = {}) {
    const values = input.features
        .filter((f) => finite(f.better) !== null && finite(f.worse) !== null)
        .map((f) => ({ feature: f.feature, better: f.better, worse: Math.abs(f.worse), category: f.category }));
    const x = { field: 'worse', type: 'quantitative', title: text.x, scale: { domain: [0, 1] }, axis: { format: '.0%' } };
    const y = { field: 'better', type: 'quantitative', title: text.y, scale: { domain: [0, 1] }, axis: { format: '.0%' } };
    return topLevel({
        width: options.width ?? 340,
        height: options.height ?? 340,
        layer: [
            { data: { values: [{ v: 0.5 }] }, mark: { type: 'rule', color: '#aaa', strokeDash: [3, 3] }, encoding: { x: { field: 'v', type: 'quantitative' } } },
            { data: { values: [{ v: 0.5 }] }, mark: { type: 'rule', color: '#aaa', strokeDash: [3, 3] }, encoding: { y: { field: 'v', type: 'quantitative' } } },
            {
                data: { values },
                layer: [
                    {
                        mark: { type: 'point', filled: true, size: 70 },
                        encoding: {
                            x, y,
                            color: { field: 'category', type: 'nominal', title: text.category, scale: { range: PALETTE } },
                            tooltip: [
                                { field: 'feature', type: 'nominal', title: ' ' },
                                { field: 'category', type: 'nominal', title: text.category },
                                { field: 'better', type: 'quantitative', title: text.y, format: '.2f' },
                                { field: 'worse', type: 'quantitative', title: text.x, format: '.2f' },
                            ],
                        },
                    },
                    { mark: { type: 'text', align: 'left', dx: 6, fontSize: 10 }, encoding: { x, y, text: { field: 'feature', type: 'nominal' } } },
                ],
            },
        ],
    }, text.title);
}
//# sourceMappingURL=kano.js.map