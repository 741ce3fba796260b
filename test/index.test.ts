import { describe, expect, it } from 'vitest';
import * as clvkit from '../src/index.ts';

describe('public API', () => {
  it('exposes the library with one fitting and prediction interface across models', () => {
    for (const name of ['readTransactions', 'summarize', 'fitBgNbd', 'fitMbgNbd', 'fitParetoNbd', 'fitBgBb', 'fitSbg', 'fitBdw', 'fitGammaGamma', 'customerValue', 'analysePortfolio', 'retentionOutcomes', 'analyseSurvey', 'kanoFeatures', 'netPromoterScore', 'simulateTransactions']) {
      expect(typeof (clvkit as Record<string, unknown>)[name]).toBe('function');
    }
  });
  it('runs the README example end to end on simulated data', () => {
    const log = clvkit.simulateTransactions({ customers: 3000, seed: 5 });
    const csv = ['customer_id,date,amount'];
    for (let i = 0; i < log.customer.length; i++) csv.push(`C${log.customer[i]},${clvkit.formatDay(log.day[i])},${log.amount[i]}`);
    const table = clvkit.parseTransactions(csv.join('\n'));
    const summary = clvkit.summarize(table, { freq: 'week' });
    expect(summary.customerIds.length).toBe(3000);
    const model = clvkit.fitBgNbd(summary);
    expect(model.converged).toBe(true);
    const p = model.probabilityAlive({ frequency: 2, recency: 30, T: 60 });
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });
});
