import { describe, expect, it } from 'vitest';
import { bgNbdModel, fitBgNbd } from '../../src/models/bgnbd.ts';
import { fitMbgNbd, mbgNbdModel } from '../../src/models/mbgnbd.ts';
import { fitParetoNbd, paretoNbdModel } from '../../src/models/paretonbd.ts';
import { fittedFromBase } from '../../src/models/saved-model.ts';
import { compressSummary } from '../../src/summary/compress.ts';
import { customerValue } from '../../src/value/customer-value.ts';
import { discountNodes } from '../../src/value/discount-nodes.ts';
import { equityByParameterDraws } from '../../src/value/equity-draws.ts';
import { rowPlan, rowTotal } from '../../src/value/equity-rows.ts';
import { continuousRatePerUnit } from '../../src/value/units.ts';
import type { ValueModel } from '../../src/value/value-model.ts';
import { simulateSummaries } from './simulate-summaries.ts';

const s = simulateSummaries({ r: 0.25, alpha: 4, a: 0.8, b: 2.5, p: 6, q: 4, v: 15 }, 1500, 11);
const rows = compressSummary(s);
const spend = Float64Array.from(s.frequency, (x, i) => (x > 0 ? s.monetaryValue[i] : 20));
const rowValue = new Float64Array(rows.weights.length);
for (let i = 0; i < spend.length; i++) rowValue[rows.index[i]] += spend[i] * 0.3;

// published CDNOW parameters (DESIGN.md §5), weeks; a > 1, s > 1, and β ≫ α (Pareto/NBD's direct integration)
const models: [string, ValueModel][] = [
  ['BG/NBD', bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }) as unknown as ValueModel],
  ['MBG/NBD', mbgNbdModel({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }) as unknown as ValueModel],
  ['Pareto/NBD', paretoNbdModel({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }) as unknown as ValueModel],
  ['BG/NBD a > 1', bgNbdModel({ r: 1.5, alpha: 2, a: 3.2, b: 0.7 }) as unknown as ValueModel],
  ['Pareto/NBD s > 1', paretoNbdModel({ r: 0.8, alpha: 3, s: 1.7, beta: 20 }) as unknown as ValueModel],
  ['Pareto/NBD β ≫ α', paretoNbdModel({ r: 0.5, alpha: 2, s: 0.4, beta: 5000 }) as unknown as ValueModel],
];

/** Σ over customers of margin × spend × DET, customer by customer, node by node (customerValue's general path). */
function perCustomer(model: ValueModel, horizonWeeks: number, annualDiscount: number): number {
  const v = customerValue(model, s, { horizon: horizonWeeks, modelUnitDays: 7, annualDiscount, spend, margin: 0.3, factorise: false });
  let total = 0;
  for (let i = 0; i < v.clv.length; i++) total += v.clv[i];
  return total;
}

describe('equity over distinct rows (equity-rows.ts)', () => {
  const plan = rowPlan({ frequency: rows.frequency, recency: rows.recency, T: rows.T });
  for (const [name, model] of models) {
    for (const [H, d] of [[52, 0.1], [26, 0], [520, 0.15]] as const) {
      it(`${name}, ${H} weeks at ${d}: the distinct-row total equals the per-customer, per-node sum (to 1e-10)`, () => {
        const got = rowTotal(model, plan, rowValue, discountNodes(H, continuousRatePerUnit(d, 7)));
        expect(got).toBeDefined();
        const want = perCustomer(model, H, d);
        expect(Math.abs(got! - want) / want).toBeLessThan(1e-10);
      });
    }
  }
  it('declines a model at a limit of its parameters (a, b -> infinity: one dropout probability), which customerValue then values', () => {
    const limit = fittedFromBase({ ...fitBgNbd(s), params: { r: 0.53, alpha: 7.2, a: 7e6, b: 2.3e7 } }) as unknown as ValueModel;
    expect((limit as { limit?: unknown }).limit).toBeDefined();
    expect(rowTotal(limit, plan, rowValue, discountNodes(52, 0.002))).toBeUndefined();
  });
  for (const [name, fit] of [['BG/NBD', fitBgNbd(s)], ['MBG/NBD', fitMbgNbd(s)], ['Pareto/NBD', fitParetoNbd(s)]] as const) {
    it(`${name}: the interval from 8 draws equals the one valued draw by draw with customerValue (to 1e-10)`, () => {
      const options = { horizon: 12, horizonUnit: 'month' as const, modelUnitDays: 7, annualDiscount: 0.1 };
      const quick = equityByParameterDraws(fit, rows, rowValue, options, 8, 0.9, 1);
      const slow = equityByParameterDraws(fit, rows, rowValue, { ...options, factorise: false }, 8, 0.9, 1);
      expect(Math.abs(quick.lower - slow.lower) / slow.lower).toBeLessThan(1e-10);
      expect(Math.abs(quick.upper - slow.upper) / slow.upper).toBeLessThan(1e-10);
    });
  }
});
