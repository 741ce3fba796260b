/**
 * Chart sizes for the page: a wide rendition that fills the report's column on a desktop and a narrow
 * one laid out for a phone, so that no label is scaled below its set size (10–14 px) on a small screen.
 * Pure functions over Vega-Lite specs; composed views (concat, facet) keep their own layout.
 */
import type { TopLevelSpec } from 'vega-lite';

/** Total width of a chart that fills the report's column (980 px less the page's padding). */
export const COLUMN_WIDTH = 940;
/** Total width of a chart on a phone (390 px less the page's padding). */
export const PHONE_WIDTH = 360;
/** Plotting widths from which a chart is stretched to the column (narrower ones are square-ish views: Lorenz, RFM). */
const STRETCH_FROM = 480;

function singleView(spec: Record<string, unknown>): boolean {
  return typeof spec.width === 'number' && !('hconcat' in spec) && !('vconcat' in spec) && !('concat' in spec) && !('facet' in spec) && !('repeat' in spec);
}

/**
 * Side-by-side views stacked for a phone, each as wide as the screen allows; a view that shared its
 * neighbour's axis (axis: null) gets its own back.
 */
function stacked(s: Record<string, unknown>): TopLevelSpec | undefined {
  const views = s.hconcat as Record<string, unknown>[];
  const widths = views.map((v) => v.width);
  if (widths.some((w) => typeof w !== 'number')) return undefined;
  if ((widths as number[]).reduce((a, w) => a + w + 120, 0) <= PHONE_WIDTH) return undefined;
  const vconcat = views.map((v) => {
    const encoding = { ...(v.encoding as Record<string, Record<string, unknown>> | undefined) };
    for (const ch of ['x', 'y']) if (encoding[ch] && encoding[ch].axis === null) encoding[ch] = { ...encoding[ch], axis: {} };
    return { ...v, encoding, width: Math.min(v.width as number, PHONE_WIDTH - 150) };
  });
  const { hconcat: _wide, ...rest } = s;
  return { ...rest, vconcat } as unknown as TopLevelSpec;
}

/** The spec with its total width (axes and legend included) fitted to `width` pixels. */
function fitted(spec: TopLevelSpec, width: number): TopLevelSpec {
  return { ...(spec as object), width, autosize: { type: 'fit-x', contains: 'padding' } } as unknown as TopLevelSpec;
}

/** Legends placed under the plot, where a phone has room, in a view and its layers. */
function legendsBelow(view: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...view };
  const enc = view.encoding as Record<string, Record<string, unknown>> | undefined;
  if (enc) {
    const e: Record<string, Record<string, unknown>> = { ...enc };
    for (const ch of ['color', 'fill', 'size', 'shape', 'opacity', 'strokeDash']) {
      const l = e[ch]?.legend;
      if (e[ch] && l !== null) e[ch] = { ...e[ch], legend: { ...(l as object | undefined), orient: 'bottom' } };
    }
    out.encoding = e;
  }
  if (Array.isArray(view.layer)) out.layer = (view.layer as Record<string, unknown>[]).map(legendsBelow);
  return out;
}

/** Characters of a 14 px bold title that fit a phone rendition's width (about 8 px each, padding left). */
const PHONE_TITLE_CHARS = 40;

/**
 * A chart title broken into lines at spaces so that each fits `chars` characters (Vega-Lite draws an
 * array of strings as lines); a single word longer than that stays whole.
 *
 * @example
 * wrapTitle('Pyramide de valeur : part des clients et de la valeur par palier', 40);
 * // ['Pyramide de valeur : part des clients et', 'de la valeur par palier']
 */
export function wrapTitle(title: string, chars: number): string | string[] {
  if (title.length <= chars) return title;
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(' ')) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The spec with a plain-string title wrapped for a phone (a title object is left as it is). */
function phoneTitle(spec: TopLevelSpec | undefined): TopLevelSpec | undefined {
  const s = spec as unknown as Record<string, unknown> | undefined;
  if (!s || typeof s.title !== 'string') return spec;
  return { ...s, title: wrapTitle(s.title, PHONE_TITLE_CHARS) } as unknown as TopLevelSpec;
}

/**
 * The wide (desktop) and, when the chart would not fit a phone, narrow renditions of a chart spec
 * (its title broken into lines that fit the phone's width).
 *
 * @example
 * const { wide, narrow } = responsiveSpecs(trackingSpec(...)); // wide: 940 px in all, narrow: 360 px
 */
export function responsiveSpecs(spec: TopLevelSpec): { wide: TopLevelSpec; narrow?: TopLevelSpec } {
  const s = spec as unknown as Record<string, unknown>;
  if (Array.isArray(s.hconcat)) return { wide: spec, narrow: phoneTitle(stacked(s)) };
  if (!singleView(s)) return { wide: spec };
  const width = s.width as number;
  return {
    wide: width >= STRETCH_FROM ? fitted(spec, COLUMN_WIDTH) : spec,
    // axes, legend and padding take 120 to 200 px beside the plotting area
    narrow: width + 200 > PHONE_WIDTH ? phoneTitle(fitted(legendsBelow(s) as unknown as TopLevelSpec, PHONE_WIDTH)) : undefined,
  };
}
