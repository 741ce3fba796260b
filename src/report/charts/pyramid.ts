import { PALETTE, topLevel, type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';

/** Value tiers, top tier first, with their share of customers and of value (0..1). */
export interface PyramidInput {
  tiers: { tier: string; customerShare: number; valueShare: number; customers: number }[];
}

export interface PyramidText extends ChartText {
  /** Legend labels of the two bars. */
  customerShare: string;
  valueShare: string;
  /** Axis title of the shares, and tooltip title of the customer count. */
  share: string;
  customers: string;
}

/**
 * Value pyramid (Zeithaml, Rust & Lemon 2001): for each tier, its share of customers to the left and
 * its share of value to the right.
 *
 * @example
 * pyramidSpec({ tiers: [{ tier: 'Platinum', customerShare: 0.01, valueShare: 0.2, customers: 50 }] },
 *   { title: 'Value pyramid', customerShare: 'share of customers', valueShare: 'share of value', share: 'share', customers: 'customers' });
 */
export function pyramidSpec(input: PyramidInput, text: PyramidText, options: ChartOptions = {}): TopLevelSpec {
  const order = input.tiers.map((t) => t.tier);
  const values = input.tiers.flatMap((t) => [
    { tier: t.tier, measure: text.customerShare, share: -t.customerShare, label: t.customerShare, customers: t.customers },
    { tier: t.tier, measure: text.valueShare, share: t.valueShare, label: t.valueShare, customers: t.customers },
  ]);
  const encoding = {
    y: { field: 'tier', type: 'nominal', sort: order, title: null },
    x: { field: 'share', type: 'quantitative', title: text.share, scale: { domain: [-1, 1] }, axis: { format: '.0%', labelExpr: "replace(replace(datum.label, '-', ''), '\u2212', '')" } },
  };
  return topLevel(
    {
      width: options.width ?? 480,
      height: options.height ?? Math.max(120, 34 * input.tiers.length),
      data: { values },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            ...encoding,
            color: { field: 'measure', type: 'nominal', title: null, scale: { domain: [text.customerShare, text.valueShare], range: [PALETTE[0], PALETTE[1]] } },
            tooltip: [
              { field: 'tier', type: 'nominal', title: ' ' },
              { field: 'measure', type: 'nominal', title: ' ' },
              { field: 'label', type: 'quantitative', title: text.share, format: '.1%' },
              { field: 'customers', type: 'quantitative', title: text.customers, format: ',' },
            ],
          },
        },
        {
          // a label outside a bar longer than 60% would run into the tier names (or off the plot): it goes inside, in white
          mark: {
            type: 'text',
            fontSize: 10,
            dx: { expr: '(datum.share < 0) != (abs(datum.share) > 0.6) ? -3 : 3' },
            align: { expr: "(datum.share < 0) != (abs(datum.share) > 0.6) ? 'right' : 'left'" },
            color: { expr: "abs(datum.share) > 0.6 ? 'white' : '#222'" },
          },
          encoding: { ...encoding, text: { field: 'label', type: 'quantitative', format: '.1%' } },
        },
      ],
    },
    text.title,
  );
}
