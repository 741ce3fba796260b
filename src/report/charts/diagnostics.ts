import { ACTUAL_COLOUR, PALETTE, PREDICTED_COLOUR, finite, topLevel, type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';

/** Customers by repeat purchases in calibration, actual and expected (src/models/diagnostics.ts periodTransactions). */
export interface PeriodTransactionsInput {
  bins: { label: string; actual: number; expected: number }[];
}

export interface PeriodTransactionsText extends ChartText {
  x: string;
  y: string;
  actual: string;
  expected: string;
}

/**
 * Customers by number of repeat purchases in calibration, actual against the model's expectation, as grouped
 * bars (lifetimes' plot_period_transactions; FHL 2005a fig. 2): a pure Vega-Lite spec.
 *
 * @example
 * periodTransactionsSpec({ bins: [{ label: '0', actual: 1411, expected: 1392.6 }, { label: '1+', actual: 946, expected: 964.4 }] },
 *   { title: 'Repeat purchases in calibration', x: 'repeat purchases', y: 'customers', actual: 'actual', expected: 'model' });
 */
export function periodTransactionsSpec(input: PeriodTransactionsInput, text: PeriodTransactionsText, options: ChartOptions = {}): TopLevelSpec {
  const order = input.bins.map((b) => b.label);
  const values = input.bins.flatMap((b) => [
    { repeat: b.label, series: text.actual, customers: finite(b.actual) },
    { repeat: b.label, series: text.expected, customers: finite(b.expected) },
  ]);
  return topLevel(
    {
      width: options.width ?? 520,
      height: options.height ?? 240,
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'repeat', type: 'ordinal', sort: order, title: text.x, axis: { labelAngle: 0 } },
        xOffset: { field: 'series', type: 'nominal', sort: [text.actual, text.expected] },
        y: { field: 'customers', type: 'quantitative', title: text.y, axis: { format: ',.0f' } },
        color: { field: 'series', type: 'nominal', title: null, scale: { domain: [text.actual, text.expected], range: [ACTUAL_COLOUR, PREDICTED_COLOUR] } },
        tooltip: [
          { field: 'repeat', type: 'ordinal', title: text.x },
          { field: 'series', type: 'nominal', title: null },
          { field: 'customers', type: 'quantitative', title: text.y, format: ',.1f' },
        ],
      },
    },
    text.title,
  );
}

/** P(alive) over time of one or more customers (src/models/diagnostics.ts aliveHistory). */
export interface AliveHistoryInput {
  customers: { id: string; points: { t: number; probabilityAlive: number; purchase: boolean }[] }[];
}

export interface AliveHistoryText extends ChartText {
  x: string;
  y: string;
  customer: string;
  purchase: string;
}

/**
 * P(alive) of given customers over their purchase history, purchases marked (lifetimes' plot_history_alive):
 * a pure Vega-Lite spec.
 *
 * @example
 * aliveHistorySpec({ customers: [{ id: 'A', points: [{ t: 0, probabilityAlive: 1, purchase: false }, { t: 5, probabilityAlive: 0.7, purchase: true }] }] },
 *   { title: 'P(alive) over time', x: 'weeks since first purchase', y: 'P(alive)', customer: 'customer', purchase: 'purchase' });
 */
export function aliveHistorySpec(input: AliveHistoryInput, text: AliveHistoryText, options: ChartOptions = {}): TopLevelSpec {
  const values = input.customers.flatMap((c) => c.points.map((p) => ({ customer: c.id, t: p.t, p: finite(p.probabilityAlive), purchase: p.purchase })));
  const ids = input.customers.map((c) => c.id);
  const colour = { field: 'customer', type: 'nominal', title: text.customer, scale: { domain: ids, range: PALETTE } };
  return topLevel(
    {
      width: options.width ?? 520,
      height: options.height ?? 240,
      data: { values },
      layer: [
        {
          mark: { type: 'line', strokeWidth: 2, interpolate: 'linear' },
          encoding: {
            x: { field: 't', type: 'quantitative', title: text.x },
            y: { field: 'p', type: 'quantitative', title: text.y, scale: { domain: [0, 1] } },
            color: colour,
          },
        },
        {
          transform: [{ filter: 'datum.purchase' }],
          mark: { type: 'point', filled: true, size: 50 },
          encoding: {
            x: { field: 't', type: 'quantitative' },
            y: { field: 'p', type: 'quantitative' },
            color: colour,
            tooltip: [
              { field: 'customer', type: 'nominal', title: text.customer },
              { field: 't', type: 'quantitative', title: text.purchase, format: '.1f' },
              { field: 'p', type: 'quantitative', title: text.y, format: '.3f' },
            ],
          },
        },
      ],
    },
    text.title,
  );
}

/** Density points of the fitted mixing distributions (src/models/diagnostics.ts heterogeneity). */
export interface HeterogeneityInput {
  points: { distribution: string; x: number; density: number }[];
}

export interface HeterogeneityText extends ChartText {
  x: string;
  y: string;
}

/**
 * The fitted heterogeneity distributions (one panel each, independent scales): a pure Vega-Lite spec.
 *
 * @example
 * heterogeneitySpec({ points: [{ distribution: 'purchase rate λ ~ Gamma(r, α)', x: 0.1, density: 2.3 }] },
 *   { title: 'How customers differ', x: 'value', y: 'density' });
 */
export function heterogeneitySpec(input: HeterogeneityInput, text: HeterogeneityText, options: ChartOptions = {}): TopLevelSpec {
  const values = input.points.map((p) => ({ distribution: p.distribution, x: p.x, density: finite(p.density) }));
  return topLevel(
    {
      data: { values },
      facet: { row: { field: 'distribution', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left', labelOrient: 'top' } } },
      resolve: { scale: { x: 'independent', y: 'independent' } },
      spec: {
        width: options.width ?? 520,
        height: options.height ?? 140,
        mark: { type: 'area', opacity: 0.6, color: ACTUAL_COLOUR, line: { color: ACTUAL_COLOUR } },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: text.x },
          y: { field: 'density', type: 'quantitative', title: text.y },
        },
      },
    },
    text.title,
  );
}
