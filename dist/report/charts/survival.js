import { topLevel } from './common.js';
/**
 * Survival curves (Kaplan-Meier, step lines with 95% bands) and dashed model projections (sBG, BdW).
 *
 * @example
 * survivalSpec({ curves: [{ group: 'all', t: 0, survival: 1, lower: 1, upper: 1 }, { group: 'all', t: 1, survival: 0.6, lower: 0.55, upper: 0.65 }],
 *   projections: [{ model: 'sBG', t: 2, survival: 0.45 }] },
 *   { title: 'Survival', x: 'months', y: 'still active', group: 'group', model: 'projection' });
 */
export function survivalSpec(input, text, options = {}) {
    const x = { field: 't', type: 'quantitative', title: text.x };
    const y = { field: 'survival', type: 'quantitative', title: text.y, scale: { domain: [0, 1] }, axis: { format: '.0%' } };
    const groups = new Set(input.curves.map((c) => c.group)).size;
    const color = { field: 'group', type: 'nominal', title: text.group, ...(groups > 1 ? {} : { legend: null }) };
    const layers = [
        {
            data: { values: input.curves },
            layer: [
                { mark: { type: 'area', interpolate: 'step-after', opacity: 0.18 }, encoding: { x, y: { field: 'lower', type: 'quantitative', scale: { domain: [0, 1] } }, y2: { field: 'upper' }, color } },
                {
                    mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
                    encoding: {
                        x, y, color,
                        tooltip: [
                            { field: 'group', type: 'nominal', title: text.group },
                            { field: 't', type: 'quantitative', title: text.x },
                            { field: 'survival', type: 'quantitative', title: text.y, format: '.1%' },
                            { field: 'lower', type: 'quantitative', title: '−', format: '.1%' },
                            { field: 'upper', type: 'quantitative', title: '+', format: '.1%' },
                        ],
                    },
                },
            ],
        },
    ];
    if (input.projections?.length) {
        layers.push({
            data: { values: input.projections },
            mark: { type: 'line', strokeWidth: 1.5, color: '#555' },
            encoding: {
                x, y,
                strokeDash: { field: 'model', type: 'nominal', title: text.model, scale: { range: [[6, 3], [2, 2], [8, 2, 2, 2]] } },
                tooltip: [
                    { field: 'model', type: 'nominal', title: text.model },
                    { field: 't', type: 'quantitative', title: text.x },
                    { field: 'survival', type: 'quantitative', title: text.y, format: '.1%' },
                ],
            },
        });
    }
    return topLevel({ width: options.width ?? 520, height: options.height ?? 240, layer: layers }, text.title);
}
//# sourceMappingURL=survival.js.map