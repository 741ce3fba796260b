/**
 * Server-side rendering of Vega-Lite specs to SVG with vega + vega-lite in Node: no canvas, no
 * browser. Text widths come from a per-character table of a Helvetica-like sans-serif instead of
 * vega's flat 0.8 em estimate, so axis labels and legends are not padded.
 */
import * as vega from 'vega';
import { type TopLevelSpec } from 'vega-lite';
export type Lang = 'en' | 'fr';
/** Number locales for vega's d3-format (French: decimal comma, U+202F narrow no-break space thousands, as Intl 'fr-FR'). */
export declare const NUMBER_LOCALES: Record<Lang, Record<string, unknown>>;
/**
 * Estimated width in pixels of a text at a font size (bold adds 7%).
 *
 * @example
 * estimateTextWidth('Customers', 11) // about 52
 */
export declare function estimateTextWidth(text: string, fontSize: number, bold?: boolean): number;
/** Replace vega's text-width estimate with {@link estimateTextWidth} (once per process). */
export declare function installTextMetrics(): void;
/** Compile a Vega-Lite spec, collecting vega-lite's warnings instead of printing them. */
export declare function compileSpec(spec: TopLevelSpec): {
    spec: vega.Spec;
    warnings: string[];
};
/**
 * Render a Vega-Lite spec to an SVG string (headless vega View with renderer 'none').
 * Number formats follow the language; namespace attributes are dropped since the SVG is inlined in HTML.
 *
 * @example
 * const svg = await renderSvg(trackingSpec(...), 'fr'); // '<svg class="marks" width="…" …>…</svg>'
 */
export declare function renderSvg(spec: TopLevelSpec, lang?: Lang): Promise<string>;
//# sourceMappingURL=render.d.ts.map