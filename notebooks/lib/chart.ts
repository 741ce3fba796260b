/**
 * Chart outputs that every notebook viewer can show: one display_data bundle holding the SVG (sharp,
 * for Jupyter and GitHub) and a PNG rendition of it (for viewers that show SVG as a blank box, such as
 * Debian's nbconvert 6.5). The PNG is rasterised in Node by resvg (no browser), at twice the size, in
 * DejaVu Sans Condensed: the charts' Helvetica and Arial are rarely installed on Linux, and DejaVu
 * Sans is wider than the text widths the charts were laid out with.
 */
import { createRequire } from 'node:module';
import { standaloneSvg } from './format.ts';

const require = createRequire(import.meta.url);

/** The MIME bundle of a chart: `image/svg+xml` and a base64 `image/png`. */
export function chartBundle(svg: string): Record<string, string> {
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const full = standaloneSvg(svg);
  // the rasteriser's copy only: DejaVu Sans Condensed is a width of the DejaVu Sans family
  const raster = full.replace(/font-family="[^"]*"/g, 'font-family="DejaVu Sans" font-stretch="condensed"');
  const png = new Resvg(raster, { fitTo: { mode: 'zoom', value: 2 }, background: 'white', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  return { 'image/svg+xml': full, 'image/png': Buffer.from(png).toString('base64') };
}

/**
 * Display a chart in the running tslab kernel as one output with both renditions. tslab's public
 * `display` sends one MIME type per output, so this goes through the same channel with the bundle.
 */
export function showChart(svg: string): void {
  const jupyter = require('tslab/dist/jupyter.js') as { lastWriteDisplayData?: (data: unknown, update: boolean) => void };
  if (typeof jupyter.lastWriteDisplayData !== 'function') throw new Error('showChart runs inside a tslab kernel');
  jupyter.lastWriteDisplayData({ data: chartBundle(svg), metadata: {}, transient: {} }, false);
}
