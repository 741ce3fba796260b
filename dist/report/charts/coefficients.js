import { PALETTE, finite, topLevel } from './common.js';
/**
 * Coefficient plot: point estimates with interval bars and a zero line.
 *
 * @example
 * coefficientsSpec({ coefficients: [{ term: 'CC', estimate: 0.31, lower: 0.12, upper: 0.5, p: 0.002 }] },
 *   { title: 'Model 1', x: 'estimate (95% CI)', p: 'p' });
 */
export function coefficientsSpec(input, text, options = {}) {
    const values = input.coefficients.map((c) => ({ term: c.term, estimate: finite(c.estimate), lower: finite(c.lower), upper: finite(c.upper), p: finite(c.p) }));
    const y = { field: 'term', type: 'nominal', sort: input.coefficients.map((c) => c.term), title: null };
    return topLevel({
        width: options.width ?? 380,
        height: options.height ?? Math.max(60, 24 * input.coefficients.length),
        layer: [
            { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#999', strokeDash: [3, 3] }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
            {
                data: { values },
                layer: [
                    { mark: { type: 'rule', color: PALETTE[0], strokeWidth: 2 }, encoding: { y, x: { field: 'lower', type: 'quantitative', title: text.x }, x2: { field: 'upper' } } },
                    {
                        mark: { type: 'point', filled: true, size: 60, color: PALETTE[0] },
                        encoding: {
                            y,
                            x: { field: 'estimate', type: 'quantitative' },
                            tooltip: [
                                { field: 'term', type: 'nominal', title: ' ' },
                                { field: 'estimate', type: 'quantitative', title: text.x, format: '.3f' },
                                { field: 'lower', type: 'quantitative', title: '−', format: '.3f' },
                                { field: 'upper', type: 'quantitative', title: '+', format: '.3f' },
                                { field: 'p', type: 'quantitative', title: text.p, format: '.3f' },
                            ],
                        },
                    },
                ],
            },
        ],
    }, text.title);
}
//# sourceMappingURL=coefficients.js.map