import { describe, expect, it } from 'vitest';
import { formatInteractions } from '../../src/cli/commands/interactions.ts';
import { effectIdentified } from '../../src/outcomes/interactions.ts';

// Oracle: the rule of the covariate fits' "not identified" warning (finite SE up to 50, |coefficient| up to 8)
// and the contract that no NaN reaches the reader.
describe('interactions text: an effect the data do not identify is said in words', () => {
  const eff = (estimate: number, se: number) => ({ channel: 'phone', covariate: 'log1p(phone)', process: 'dropout' as const, estimate, se, multiplier: Math.exp(estimate), lower: Math.exp(estimate - 1.96 * se), upper: Math.exp(estimate + 1.96 * se), p: 0.5 });
  it('effectIdentified follows the rule', () => {
    expect(effectIdentified(eff(0.3, 0.1))).toBe(true);
    expect(effectIdentified(eff(-14.1, NaN))).toBe(false);
    expect(effectIdentified(eff(9, 1))).toBe(false);
    expect(effectIdentified(eff(0.1, 60))).toBe(false);
  });
  it('prints the identified effect with its interval and the other in words, no NaN', () => {
    const a = {
      customers: 1500, channels: ['phone'], transform: 'log', periodDays: 7,
      models: { without: { logLikelihood: -100 }, with: { logLikelihood: -90 } },
      lrTest: { statistic: 20, df: 2, p: 1e-9 },
      effects: [eff(0.3, 0.1), eff(-14.1, NaN)],
      saturation: [{ ...eff(-14.1, NaN), band: '2-3' }],
      plan: [],
      tables: { followedByPurchase: [{ channel: 'phone', window_days: 7, contacts: 35227, share: 0.085, lower: 0.082, upper: 0.088 }] },
      warnings: [],
    };
    const text = formatInteractions(a as never);
    expect(text).toMatch(/^Contacts and the purchase and attrition models: 1,500 customers/);
    expect(text).toMatch(/p < 0\.0001/);
    expect(text).toMatch(/dropout +×1\.35/);
    expect(text).toMatch(/dropout +not identified by the data/);
    expect(text).toMatch(/of 35,227 contacts/);
    expect(text).not.toMatch(/NaN/);
  });
});
