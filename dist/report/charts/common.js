export const FONT = 'Helvetica, Arial, sans-serif';
export const PALETTE = ['#1f5f8b', '#e07b39', '#3a9a5b', '#b8434e', '#7a5aa6', '#8c6d46', '#d36aa6', '#6f7378'];
export const ACTUAL_COLOUR = '#1f5f8b';
export const PREDICTED_COLOUR = '#e07b39';
/** The config block every spec carries: fonts, sizes, no chart border. */
export function chartConfig() {
    return {
        font: FONT,
        aria: false,
        view: { stroke: null },
        axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e6e6e6' },
        legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', orient: 'bottom' },
        title: { fontSize: 14, anchor: 'start', fontWeight: 'bold' },
        range: { category: PALETTE },
    };
}
/**
 * Wrap a single or composed view with the shared config, title and background.
 *
 * @example
 * topLevel({ mark: 'bar', data: { values: [] }, encoding: {} }, 'Title') // { title: 'Title', config: {...}, ... }
 */
export function topLevel(view, title) {
    return { title, background: 'white', padding: 8, config: chartConfig(), ...view };
}
/** A finite number or null (Vega-Lite drops nulls from quantitative scales). */
export function finite(v) {
    return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}
//# sourceMappingURL=common.js.map