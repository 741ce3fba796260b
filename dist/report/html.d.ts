import type { ReportDocument } from './document.ts';
export interface HtmlOptions {
    /** Inline the Vega runtime for tooltips (about 0.8 MB). */
    interactive?: boolean;
}
/**
 * The page for a report document. Chart blocks must carry their rendered SVG.
 *
 * @example
 * const html = renderHtml(doc, { interactive: false }); // '<!doctype html><html lang="fr">…'
 */
export declare function renderHtml(doc: ReportDocument, options?: HtmlOptions): string;
//# sourceMappingURL=html.d.ts.map