import { ACTUAL_COLOUR, PREDICTED_COLOUR, finite, topLevel, type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';

/** Actual and predicted repeat transactions of the whole cohort per period (or cumulated). */
export interface TrackingInput {
  /** One row per period: `t` = end of the period in the model's time unit. */
  points: { t: number; actual: number; predicted: number }[];
  /** End of the calibration period, drawn as a vertical rule. */
  calibrationEnd?: number;
}

export interface TrackingText extends ChartText {
  x: string;
  y: string;
  actual: string;
  predicted: string;
  series: string;
}

/**
 * Tracking plot: actual vs predicted repeat transactions over time (Fader, Hardie & Lee 2005a, fig. 3-4).
 * Pass cumulative points for the cumulative plot and per-period points for the weekly one.
 *
 * @example
 * trackingSpec({ points: [{ t: 1, actual: 10, predicted: 9.5 }, { t: 2, actual: 21, predicted: 20 }], calibrationEnd: 1 },
 *   { title: 'Cumulative repeat transactions', x: 'week', y: 'transactions', actual: 'actual', predicted: 'model', series: '' });
 */
export function trackingSpec(input: TrackingInput, text: TrackingText, options: ChartOptions = {}): TopLevelSpec {
  const values: { t: number; series: string; value: number | null }[] = [];
  for (const p of input.points) {
    values.push({ t: p.t, series: text.actual, value: finite(p.actual) });
    values.push({ t: p.t, series: text.predicted, value: finite(p.predicted) });
  }
  const layers: Record<string, unknown>[] = [
    {
      data: { values },
      mark: { type: 'line', strokeWidth: 2 },
      encoding: {
        x: { field: 't', type: 'quantitative', title: text.x },
        y: { field: 'value', type: 'quantitative', title: text.y, axis: { format: ',.0f' } },
        color: {
          field: 'series', type: 'nominal', title: text.series || null,
          scale: { domain: [text.actual, text.predicted], range: [ACTUAL_COLOUR, PREDICTED_COLOUR] },
        },
        strokeDash: { field: 'series', type: 'nominal', title: text.series || null, scale: { domain: [text.actual, text.predicted], range: [[1, 0], [6, 3]] } },
        tooltip: [
          { field: 't', type: 'quantitative', title: text.x },
          { field: 'series', type: 'nominal', title: text.series || ' ' },
          { field: 'value', type: 'quantitative', title: text.y, format: ',.1f' },
        ],
      },
    },
  ];
  if (input.calibrationEnd !== undefined) {
    layers.push({ data: { values: [{ t: input.calibrationEnd }] }, mark: { type: 'rule', color: '#888', strokeDash: [2, 2] }, encoding: { x: { field: 't', type: 'quantitative' } } });
  }
  return topLevel({ width: options.width ?? 520, height: options.height ?? 240, layer: layers }, text.title);
}
