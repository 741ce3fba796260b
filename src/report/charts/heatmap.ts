import { finite, topLevel, type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';

/** A value averaged over customers in each (frequency, recency) cell. */
export interface FrequencyRecencyInput {
  /** Cells with labelled bins; `customers` is the cell size (0-customer cells may be left out). */
  cells: { frequency: string; recency: string; value: number; customers: number }[];
  frequencyOrder: string[];
  recencyOrder: string[];
  /** 'probability' formats as a percentage on a 0..1 scale; 'count' as a number. */
  kind: 'probability' | 'count';
}

export interface FrequencyRecencyText extends ChartText {
  x: string;
  y: string;
  value: string;
  customers: string;
  /** Words saying the colour scale is by quantiles (expected purchases). */
  quantile?: string;
}

/**
 * Heatmap over frequency × recency, for P(alive) or expected purchases (Fader, Hardie & Lee 2005a, fig. 6-7).
 *
 * @example
 * frequencyRecencySpec({ cells: [{ frequency: '1', recency: '0-4', value: 0.4, customers: 12 }],
 *   frequencyOrder: ['1'], recencyOrder: ['0-4'], kind: 'probability' },
 *   { title: 'P(alive)', x: 'recency (weeks)', y: 'repeat purchases', value: 'P(alive)', customers: 'customers' });
 */
export function frequencyRecencySpec(input: FrequencyRecencyInput, text: FrequencyRecencyText, options: ChartOptions = {}): TopLevelSpec {
  const values = input.cells.map((c) => ({ ...c, value: finite(c.value) }));
  const fmt = input.kind === 'probability' ? '.0%' : ',.2f';
  // expected purchases are skewed (most cells near 0, a few large): a quantile colour scale (7 classes,
  // said in the legend's title) separates the cells a linear scale would paint one colour
  const scale = input.kind === 'probability' ? { scheme: 'viridis', domain: [0, 1] } : { type: 'quantile', scheme: { name: 'viridis', count: 7 } };
  const legendTitle = input.kind === 'probability' || !text.quantile ? text.value : `${text.value} (${text.quantile})`;
  return topLevel(
    {
      width: options.width ?? 480,
      height: options.height ?? 260,
      data: { values },
      mark: { type: 'rect' },
      encoding: {
        x: { field: 'recency', type: 'ordinal', sort: input.recencyOrder, title: text.x, axis: { labelAngle: 0 } },
        y: { field: 'frequency', type: 'ordinal', sort: [...input.frequencyOrder].reverse(), title: text.y },
        color: { field: 'value', type: 'quantitative', title: legendTitle, scale, legend: { format: fmt, orient: 'right', titleLimit: 260 } },
        tooltip: [
          { field: 'frequency', type: 'ordinal', title: text.y },
          { field: 'recency', type: 'ordinal', title: text.x },
          { field: 'value', type: 'quantitative', title: text.value, format: fmt },
          { field: 'customers', type: 'quantitative', title: text.customers, format: ',' },
        ],
      },
    },
    text.title,
  );
}
