import { ACTUAL_COLOUR, PREDICTED_COLOUR, topLevel, type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';

/** The histogram and the Erlang-k reference of `regularity` (src/models/regularity.ts). */
export interface RegularityChartInput {
  histogram: { from: number; to: number; density: number }[];
  erlang: { x: number; density: number }[];
}

export interface RegularityText extends ChartText {
  x: string;
  y: string;
  observed: string;
  erlang: string;
}

/**
 * Normalised inter-purchase times (each divided by its customer's mean) as a density histogram, with
 * the density expected under Erlang-k at the estimated k (Wheat & Morrison 1990): a pure Vega-Lite spec.
 *
 * @example
 * regularitySpec({ histogram: [{ from: 0, to: 0.1, density: 0.3 }], erlang: [{ x: 0.05, density: 0.28 }] },
 *   { title: 'Purchase regularity', x: 'inter-purchase time / customer mean', y: 'density', observed: 'observed', erlang: 'Erlang-2' });
 */
export function regularitySpec(input: RegularityChartInput, text: RegularityText, options: ChartOptions = {}): TopLevelSpec {
  const bars = input.histogram.map((b) => ({ from: b.from, to: b.to, density: b.density, series: text.observed }));
  const line = input.erlang.map((p) => ({ x: p.x, density: p.density, series: text.erlang }));
  return topLevel(
    {
      width: options.width ?? 520,
      height: options.height ?? 240,
      layer: [
        {
          data: { values: bars },
          mark: { type: 'bar', opacity: 0.7, color: ACTUAL_COLOUR },
          encoding: {
            x: { field: 'from', type: 'quantitative', title: text.x, bin: { binned: true, step: 0.1 } },
            x2: { field: 'to' },
            y: { field: 'density', type: 'quantitative', title: text.y },
            tooltip: [
              { field: 'from', type: 'quantitative', title: text.x, format: '.1f' },
              { field: 'density', type: 'quantitative', title: text.observed, format: '.3f' },
            ],
          },
        },
        {
          data: { values: line },
          mark: { type: 'line', strokeWidth: 2, color: PREDICTED_COLOUR },
          encoding: {
            x: { field: 'x', type: 'quantitative' },
            y: { field: 'density', type: 'quantitative' },
          },
        },
      ],
    },
    text.title,
  );
}
