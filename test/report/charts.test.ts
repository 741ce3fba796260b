import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import * as charts from '../../src/report/charts/index.ts';
import { compileSpec, renderSvg, estimateTextWidth } from '../../src/report/render.ts';
import type { TopLevelSpec } from '../../src/report/charts/common.ts';

const t = (title: string) => ({ title });

/** One spec per chart, built from small aggregated inputs. */
export const SPECS: Record<string, TopLevelSpec> = {
  tracking: charts.trackingSpec(
    { points: Array.from({ length: 20 }, (_, i) => ({ t: i + 1, actual: 10 * i + (i % 3), predicted: 10 * i })), calibrationEnd: 10 },
    { ...t('Cumulative'), x: 'week', y: 'repeat transactions', actual: 'actual', predicted: 'model', series: '' },
  ),
  holdout: charts.holdoutSpec(
    { groups: ['0', '1', '2', '3+'].map((f, i) => ({ frequency: f, customers: 100 - 20 * i, actual: i * 0.8, predicted: i * 0.75 })) },
    { ...t('Holdout'), x: 'calibration', y: 'holdout', actual: 'actual', predicted: 'model', customers: 'customers' },
  ),
  heatmap: charts.frequencyRecencySpec(
    {
      cells: ['0', '1', '2'].flatMap((f, i) => ['0-4', '5-9'].map((r, j) => ({ frequency: f, recency: r, value: (i + j) / 4, customers: 10 }))),
      frequencyOrder: ['0', '1', '2'], recencyOrder: ['0-4', '5-9'], kind: 'probability',
    },
    { ...t('P(alive)'), x: 'recency', y: 'frequency', value: 'P(alive)', customers: 'customers' },
  ),
  clv: charts.clvDistributionSpec({ bins: [{ lo: 1, hi: 10, customers: 40 }, { lo: 10, hi: 100, customers: 12 }, { lo: 100, hi: 1000, customers: 3 }] }, { ...t('CLV'), x: 'CLV', y: 'customers' }),
  pyramid: charts.pyramidSpec(
    { tiers: [{ tier: 'Platinum', customerShare: 0.01, valueShare: 0.2, customers: 10 }, { tier: 'Lead', customerShare: 0.99, valueShare: 0.8, customers: 990 }] },
    { ...t('Pyramid'), customerShare: 'customers', valueShare: 'value', share: 'share', customers: 'n' },
  ),
  lorenz: charts.lorenzSpec({ points: [{ customerShare: 0, valueShare: 0 }, { customerShare: 0.8, valueShare: 0.3 }, { customerShare: 1, valueShare: 1 }], gini: 0.5 }, { ...t('Lorenz'), x: 'customers', y: 'value', gini: 'Gini = 0.50' }),
  whale: charts.whaleSpec({ points: [{ customerShare: 0, profitShare: 0 }, { customerShare: 0.2, profitShare: 1.4 }, { customerShare: 1, profitShare: 1 }] }, { ...t('Whale'), x: 'customers', y: 'profit' }),
  rfm: charts.rfmSpec({ cells: [1, 2, 3, 4, 5].flatMap((r) => [1, 2, 3, 4, 5].map((f) => ({ recency: r, frequency: f, customers: r * f, meanValue: 10 * r + f }))) }, { ...t('RFM'), x: 'R', y: 'F', customers: 'customers', meanValue: 'mean' }),
  segments: charts.segmentsSpec({ segments: [{ segment: 'Champions', customers: 300, value: 51000 }, { segment: 'Lost', customers: 900, value: 2000 }] }, { ...t('Segments'), customers: 'customers', value: 'value' }),
  migration: charts.migrationSpec(
    { cells: [{ from: 'Gold', to: 'Gold', customers: 5, share: 0.5 }, { from: 'Gold', to: 'Lead', customers: 5, share: 0.5 }, { from: 'Lead', to: 'Lead', customers: 9, share: 0.9 }], order: ['Gold', 'Lead'] },
    { ...t('Migration'), from: 'from', to: 'to', customers: 'customers', share: 'share' },
  ),
  acquisitions: charts.acquisitionsSpec(
    { rows: [{ period: '2024-01', channel: 'web', customers: 12 }, { period: '2024-01', channel: 'store', customers: 5 }, { period: '2024-02', channel: 'web', customers: 8 }], periods: ['2024-01', '2024-02'], channels: ['web', 'store'] },
    { ...t('Acquisitions'), x: 'month', y: 'customers', channel: 'channel' },
  ),
  acquisitionsSingle: charts.acquisitionsSpec({ rows: [{ period: '2024-01', channel: '', customers: 12 }], periods: ['2024-01'], channels: [''] }, { ...t('Acquisitions'), x: 'month', y: 'customers', channel: 'channel' }),
  cohorts: charts.cohortRetentionSpec(
    { cells: [{ cohort: '2024-01', age: 0, retention: 1, active: 10, size: 10 }, { cohort: '2024-01', age: 1, retention: 0.3, active: 3, size: 10 }], cohorts: ['2024-01'] },
    { ...t('Cohorts'), x: 'age', y: 'cohort', retention: 'retention', active: 'active', size: 'size' },
  ),
  survival: charts.survivalSpec(
    { curves: [{ group: 'all', t: 0, survival: 1, lower: 1, upper: 1 }, { group: 'all', t: 1, survival: 0.6, lower: 0.55, upper: 0.65 }], projections: [{ model: 'sBG', t: 0, survival: 1 }, { model: 'sBG', t: 2, survival: 0.45 }] },
    { ...t('Survival'), x: 'months', y: 'active', group: 'group', model: 'model' },
  ),
  funnel: charts.funnelSpec({ steps: [{ step: 'leads', count: 1000, share: 1 }, { step: 'buyers', count: 240, share: 0.24 }] }, { ...t('Funnel'), count: 'count', share: 'share' }),
  kano: charts.kanoSpec({ features: [{ feature: 'wifi', better: 0.7, worse: -0.6, category: 'O' }, { feature: 'bar', better: 0.2, worse: -0.1, category: 'I' }] }, { ...t('Kano'), x: '|Worse|', y: 'Better', category: 'category' }),
  nps: charts.npsSpec({ groups: [{ group: 'all', nps: 23, lower: 18, upper: 28, n: 500 }, { group: 'web', nps: -5, lower: -12, upper: 2, n: 200 }] }, { ...t('NPS'), x: 'NPS', n: 'n' }),
  coefficients: charts.coefficientsSpec({ coefficients: [{ term: 'CC', estimate: 0.31, lower: 0.12, upper: 0.5, p: 0.002 }, { term: 'IO', estimate: -0.1, lower: -0.3, upper: 0.1, p: 0.4 }] }, { ...t('Coefficients'), x: 'estimate', p: 'p' }),
};

describe('chart specs', () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    it(`${name} compiles without warnings and renders a non-empty SVG`, async () => {
      const { warnings } = compileSpec(spec);
      expect(warnings).toEqual([]);
      const svg = await renderSvg(spec);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toMatch(/<path|<rect|<line/);
      expect(svg.length).toBeGreaterThan(1000);
      expect(svg).not.toMatch(/https?:\/\//);
    });
  }

  it('the text-width estimate is tighter than vega’s 0.8 em per character', () => {
    const w = estimateTextWidth('Customers', 11);
    expect(w).toBeLessThan(0.8 * 9 * 11 * 0.75);
    expect(w).toBeGreaterThan(40);
    expect(estimateTextWidth('iiii', 10)).toBeLessThan(estimateTextWidth('MMMM', 10) / 2);
  });

  it('renders labels tighter than vega’s default estimate (the SVG is narrower, nothing is padded)', async () => {
    const spec = charts.segmentsSpec(
      { segments: ['Champions', 'Potential loyalists', 'About to sleep', 'Cannot lose them'].map((segment, i) => ({ segment, customers: 100 * (i + 1), value: 1000 * (i + 1) })) },
      { ...t('Segments'), customers: 'customers', value: 'value' },
    );
    const ours = await renderSvg(spec);
    const metrics = (vega as unknown as { textMetrics: { width: unknown; estimateWidth: unknown } }).textMetrics;
    const installed = metrics.width;
    metrics.width = metrics.estimateWidth;
    let theirs: string;
    try {
      theirs = await renderSvg(spec);
    } finally {
      metrics.width = installed;
    }
    const width = (svg: string) => Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    expect(width(ours)).toBeLessThan(width(theirs) - 20);
  });

  it('formats axis numbers in French with a decimal comma and narrow no-break spaces', async () => {
    const spec = charts.acquisitionsSpec({ rows: [{ period: 'janv. 2024', channel: '', customers: 12500 }], periods: ['janv. 2024'], channels: [''] }, { ...t('Nouveaux clients'), x: 'mois', y: 'clients', channel: 'canal' });
    const fr = await renderSvg(spec, 'fr');
    const en = await renderSvg(spec, 'en');
    expect(fr).toContain('12\u202f000');
    expect(en).toContain('12,000');
  });

  it('labels both sides of the pyramid with positive shares', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const svg = await renderSvg(SPECS.pyramid, lang);
      const labels = [...svg.matchAll(/<text[^>]*>([^<]*%)<\/text>/g)].map((m) => m[1]);
      expect(labels.length).toBeGreaterThan(4);
      for (const l of labels) expect(l, lang).not.toMatch(/^[-\u2212]/);
      expect(svg).toContain(lang === 'fr' ? '1,0\u00a0%' : '1.0%'); // as Intl formats percentages in the tables
    }
  });

  it('escapes data text inside the SVG', async () => {
    const spec = charts.segmentsSpec({ segments: [{ segment: '<script>alert("x")</script> & co', customers: 3, value: 10 }] }, { ...t('S'), customers: 'c', value: 'v' });
    const svg = await renderSvg(spec);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});

describe('compileSpec', () => {
  it('collects vega-lite warnings (so the no-warning assertions above are meaningful)', () => {
    const { warnings } = compileSpec({ data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' }, shape: { field: 'a', type: 'nominal' } } } as TopLevelSpec);
    expect(warnings.length).toBeGreaterThan(0);
  });
});

// Oracle: the geometry of the rendered SVG: a label of a bar longer than 60% sits inside the bar (white on
// the bar), so that it cannot run into the tier names; a short bar's label sits outside it, in dark grey.
describe('pyramid labels: inside long bars, outside short ones', () => {
  it('the 99% label is white and starts right of the plot edge; the 1% label is dark', async () => {
    const svg = await renderSvg(SPECS.pyramid);
    const labels = [...svg.matchAll(/<text [^>]*transform="translate\(([-\d.]+),[-\d.]+\)"[^>]*fill="([^"]+)"[^>]*>([^<]*%)<\/text>/g)].map((m) => ({ x: Number(m[1]), fill: m[2], text: m[3] }));
    const big = labels.find((l) => l.text === '99.0%');
    const small = labels.find((l) => l.text === '1.0%');
    expect(big?.fill).toBe('white');
    expect(small?.fill).toBe('#222');
    expect(big!.x).toBeGreaterThan(0);
  });
});
