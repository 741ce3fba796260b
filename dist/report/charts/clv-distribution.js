import { PALETTE, topLevel } from './common.js';
/**
 * CLV distribution as a histogram on a logarithmic value axis (customers with zero value are
 * counted in the text, not drawn).
 *
 * @example
 * clvDistributionSpec({ bins: [{ lo: 1, hi: 10, customers: 40 }, { lo: 10, hi: 100, customers: 12 }] },
 *   { title: 'CLV', x: 'CLV (€, log scale)', y: 'customers' });
 */
export function clvDistributionSpec(input, text, options = {}) {
    const values = input.bins.filter((b) => b.lo > 0 && b.hi > b.lo);
    // ticks and grid lines at the powers of ten only
    const decades = [];
    if (values.length) {
        const lo = Math.floor(Math.log10(Math.min(...values.map((v) => v.lo))) + 1e-9);
        const hi = Math.ceil(Math.log10(Math.max(...values.map((v) => v.hi))) - 1e-9);
        for (let e = lo; e <= hi; e++)
            decades.push(Number((10 ** e).toPrecision(12)));
    }
    return topLevel({
        width: options.width ?? 520,
        height: options.height ?? 220,
        data: { values },
        mark: { type: 'rect', color: PALETTE[0], stroke: 'white', strokeWidth: 0.5 },
        encoding: {
            x: { field: 'lo', type: 'quantitative', scale: { type: 'log' }, title: text.x, axis: { format: ',~r', ...(decades.length ? { values: decades } : {}) } },
            x2: { field: 'hi' },
            y: { field: 'customers', type: 'quantitative', title: text.y, axis: { format: ',.0f' } },
            y2: { datum: 0 },
            tooltip: [
                { field: 'lo', type: 'quantitative', title: '≥', format: ',.2f' },
                { field: 'hi', type: 'quantitative', title: '<', format: ',.2f' },
                { field: 'customers', type: 'quantitative', title: text.y, format: ',' },
            ],
        },
    }, text.title);
}
//# sourceMappingURL=clv-distribution.js.map