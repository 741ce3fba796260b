/**
 * Server-side rendering of Vega-Lite specs to SVG with vega + vega-lite in Node: no canvas, no
 * browser. Text widths come from a per-character table of a Helvetica-like sans-serif instead of
 * vega's flat 0.8 em estimate, so axis labels and legends are not padded.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { ClvkitError } from '../errors.ts';

import { NUMBER_LOCALES, type Lang } from './locales.ts';

export { NUMBER_LOCALES, type Lang };

// Advance widths in em of a Helvetica-like font, by character class (approximate, measured by eye
// against common sans-serif metrics; good to a few per cent on words and numbers).
const NARROW = new Set("il.,:;|!'`");
const SEMI = new Set('fjrtI()[]{}/\\-" ');
const WIDE_LOWER = new Set('mw');
const WIDE_UPPER = new Set('MW');
const ROUND_UPPER = new Set('CDGHNOQRU');

/** Width in em of one character. */
function charWidth(c: string): number {
  if (NARROW.has(c)) return 0.24;
  if (SEMI.has(c)) return 0.32;
  if (c >= '0' && c <= '9') return 0.556;
  if (WIDE_LOWER.has(c)) return 0.8;
  if (WIDE_UPPER.has(c)) return 0.9;
  if (ROUND_UPPER.has(c)) return 0.72;
  if (c >= 'A' && c <= 'Z') return 0.65;
  if (c === '%') return 0.89;
  if (c === '\u202f' || c === '\u00a0') return 0.2;
  if (c === '€') return 0.556;
  if (c === '\u2212' || c === '+' || c === '=' || c === '<' || c === '>') return 0.584;
  return 0.53;
}

/**
 * Estimated width in pixels of a text at a font size (bold adds 7%).
 *
 * @example
 * estimateTextWidth('Customers', 11) // about 52
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const c of text) em += charWidth(c);
  return em * fontSize * (bold ? 1.07 : 1);
}

interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
}

let metricsInstalled = false;

/** Replace vega's text-width estimate with {@link estimateTextWidth} (once per process). */
export function installTextMetrics(): void {
  if (metricsInstalled) return;
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;
  metrics.width = (item: TextItem, text?: unknown) => {
    const t = text ?? item.text;
    const s = t === null || t === undefined ? '' : Array.isArray(t) ? t.join(' ') : String(t);
    const size = item.fontSize ?? 11;
    const bold = item.fontWeight === 'bold' || (typeof item.fontWeight === 'number' && item.fontWeight >= 600);
    return estimateTextWidth(s, size, bold);
  };
  metricsInstalled = true;
}

/** Compile a Vega-Lite spec, collecting vega-lite's warnings instead of printing them. */
export function compileSpec(spec: TopLevelSpec): { spec: vega.Spec; warnings: string[] } {
  const warnings: string[] = [];
  const logger = {
    level(): never { return logger as never; },
    error(...a: unknown[]) { warnings.push(a.map(String).join(' ')); return logger; },
    warn(...a: unknown[]) { warnings.push(a.map(String).join(' ')); return logger; },
    info() { return logger; },
    debug() { return logger; },
  };
  const out = compile(spec, { logger: logger as never });
  return { spec: out.spec as vega.Spec, warnings };
}

/**
 * Render a Vega-Lite spec to an SVG string (headless vega View with renderer 'none').
 * Number formats follow the language; namespace attributes are dropped since the SVG is inlined in HTML.
 *
 * @example
 * const svg = await renderSvg(trackingSpec(...), 'fr'); // '<svg class="marks" width="…" …>…</svg>'
 */
export async function renderSvg(spec: TopLevelSpec, lang: Lang = 'en'): Promise<string> {
  installTextMetrics();
  const { spec: vg } = compileSpec(spec);
  let view: vega.View | undefined;
  try {
    view = new vega.View(vega.parse(vg), { renderer: 'none', locale: { number: NUMBER_LOCALES[lang] } } as never);
    const svg = await view.toSVG();
    return svg.replace(/ xmlns(:xlink)?="[^"]*"/g, '');
  } catch (e) {
    throw new ClvkitError(`could not render a chart: ${(e as Error).message}`);
  } finally {
    view?.finalize();
  }
}
