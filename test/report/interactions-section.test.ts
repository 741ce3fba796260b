import { describe, expect, it } from 'vitest';
import type { InteractionAnalysis } from '../../src/outcomes/interactions.ts';
import { interactionsSection } from '../../src/report/sections/interactions.ts';
import { sectionContext } from '../../src/report/sections/context.ts';

const analysis: InteractionAnalysis = {
  channels: ['email'],
  transform: 'log',
  freq: 'week',
  periodDays: 7,
  customers: 1234,
  contacts: { read: 10, used: 10, rejected: {}, unmatched: 0, outside: 0 },
  models: { without: { params: {}, logLikelihood: -100, parameters: 4 }, with: { params: {}, logLikelihood: -90, parameters: 6, converged: true } },
  lrTest: { statistic: 20, df: 2, p: 4.5e-5 },
  effects: [{ channel: 'email', covariate: 'log1p(email)', process: 'purchase', estimate: 0.3, se: 0.1, multiplier: 1.3499, lower: 1.1096, upper: 1.6422, p: 0.0027 }],
  saturation: [{ channel: 'email', covariate: 'email:4+', band: '4+', process: 'dropout', estimate: 0.6, se: 0.2, multiplier: 1.8221, lower: 1.2311, upper: 2.6967, p: 0.0027 }],
  holdout: { periods: 10, actual: 100, predictedWithout: 90, predictedWith: 95, maeWithout: 1.2, maeWith: 1.1, rmseWithout: 2, rmseWith: 1.9, improvement: 1 - 1.1 / 1.2 },
  plan: [{ channel: 'email', contacts: 1, tier: 'Platinum', customers: 12, clv_base: 100, clv_plan: 112, change_per_customer: 1, change_total: 12 }],
  tables: { contactsPerPeriod: [], followedByPurchase: [{ channel: 'email', window_days: 7, contacts: 50, followed: 10, share: 0.2, lower: 0.112, upper: 0.33 }], costPerContact: [] },
  warnings: ['a warning'],
};

describe('the interactions report section (pure builder)', () => {
  it('English: the numbers of the analysis, its tables and chart, and its warnings', () => {
    const s = interactionsSection(analysis, sectionContext('en'))!;
    expect(s.title).toBe('Contacts, purchasing and attrition');
    const text = JSON.stringify(s.blocks);
    expect(text).toContain('1,234 customers');
    expect(text).toContain('1.35');
    expect(text).toContain('[1.11, 1.64]');
    expect(text).toContain('p < 0.0001');
    expect(s.blocks.some((b) => b.kind === 'chart')).toBe(true);
    expect(text).toContain('a warning');
    expect(text).toContain('"text":"Warnings"');
  });
  it('French: decimal commas, French words, tier names translated', () => {
    const s = interactionsSection(analysis, sectionContext('fr'))!;
    expect(s.title).toBe('Contacts, achats et attrition');
    const text = JSON.stringify(s.blocks);
    expect(text).toContain('1,35');
    expect(text).toContain('[1,11 ; 1,64]');
    expect(text).toContain('achat');
  });
  it('no channel: no section', () => {
    expect(interactionsSection({ ...analysis, channels: [] }, sectionContext('en'))).toBeNull();
  });
});
