import { describe, expect, it } from 'vitest';
import { bgBbModel } from '../../src/models/bgbb.ts';
import { bgNbdModel } from '../../src/models/bgnbd.ts';
import { discountedConditionalExpectedTransactions, ratePerUnit } from '../../src/models/discounting.ts';
import { gammaGammaModel } from '../../src/models/gammagamma.ts';
import { mbgNbdModel } from '../../src/models/mbgnbd.ts';
import { paretoNbdModel } from '../../src/models/paretonbd.ts';
import { customerValue } from '../../src/value/customer-value.ts';
import { discountedExpectedTransactions } from '../../src/value/discounted-transactions.ts';
import type { ValueModel } from '../../src/value/value-model.ts';

// published CDNOW parameters (DESIGN.md §5), weeks
const bgnbd = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }) as unknown as ValueModel;
const mbgnbd = mbgNbdModel({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }) as unknown as ValueModel;
const pareto = paretoNbdModel({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }) as unknown as ValueModel;
const gg = gammaGammaModel({ p: 6.25, q: 3.74, v: 15.44 });
const data = {
  frequency: [0, 1, 2, 7, 0, 30],
  recency: [0, 5.5, 30.43, 35.1, 0, 38.5],
  T: [38.86, 38.86, 38.86, 38.86, 10, 39],
  monetaryValue: [0, 12, 22.35, 40, 0, 15.5],
};

describe('CLV invariants', () => {
  it('with discount 0 and horizon t, CLV / (margin × spend) is the conditional expected transactions over t', () => {
    for (const model of [bgnbd, mbgnbd, pareto]) {
      const v = customerValue(model, data, { horizon: 52, modelUnitDays: 7, annualDiscount: 0, margin: 0.3, spend: gg });
      for (let i = 0; i < data.frequency.length; i++) {
        const row = { frequency: data.frequency[i], recency: data.recency[i], T: data.T[i] };
        const expected = model.conditionalExpectedTransactions(52, row);
        expect(v.clv[i] / (0.3 * v.expectedSpend[i])).toBeCloseTo(expected, 12);
        expect(v.expectedTransactions[i]).toBeCloseTo(expected, 12);
      }
    }
  });

  it('value falls as the discount rises', () => {
    for (const model of [bgnbd, pareto]) {
      let prev: Float64Array | undefined;
      for (const d of [0, 0.05, 0.1, 0.2, 0.5]) {
        const v = customerValue(model, data, { horizon: 3, horizonUnit: 'year', modelUnitDays: 7, annualDiscount: d, spend: gg });
        if (prev) for (let i = 0; i < v.clv.length; i++) expect(v.clv[i]).toBeLessThan(prev[i]);
        prev = v.clv;
      }
    }
  });

  it('Pareto/NBD: closed-form DERT (FHL 2005b eq. 2) and the integral agree, and a long horizon tends to it', () => {
    const closed = discountedExpectedTransactions(pareto, data, { horizon: Infinity, annualDiscount: 0.15, unitDays: 7, method: 'closed-form' });
    const integral = discountedExpectedTransactions(pareto, data, { horizon: Infinity, annualDiscount: 0.15, unitDays: 7, method: 'integral' });
    const long = discountedExpectedTransactions(pareto, data, { horizon: 52 * 400, annualDiscount: 0.15, unitDays: 7, method: 'integral' });
    const year = discountedExpectedTransactions(pareto, data, { horizon: 52, annualDiscount: 0.15, unitDays: 7 });
    expect(closed.method).toBe('closed-form');
    expect(integral.method).toBe('integral');
    for (let i = 0; i < data.frequency.length; i++) {
      expect(integral.values[i] / closed.values[i]).toBeCloseTo(1, 8);
      expect(long.values[i] / closed.values[i]).toBeCloseTo(1, 8);
      expect(year.values[i]).toBeLessThan(closed.values[i]);
    }
    // 'auto' picks the closed form for an infinite horizon
    expect(discountedExpectedTransactions(pareto, data, { horizon: Infinity, annualDiscount: 0.15, unitDays: 7 }).method).toBe('closed-form');
    expect(() => discountedExpectedTransactions(bgnbd, data, { horizon: Infinity, annualDiscount: 0.1, unitDays: 7, method: 'closed-form' })).toThrow(/no closed-form/);
  });

  it('BG/BB: the closed-form DERT (FHS 2010 eq. 14) equals the discounted sum over periods', () => {
    const bgbb = bgBbModel({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }) as unknown as ValueModel;
    const rows = { frequency: [0, 3, 6, 2], recency: [0, 5, 6, 3], T: [6, 6, 6, 6] };
    // yearly opportunities, 10% a year: d = 0.1 per period
    const closed = discountedExpectedTransactions(bgbb, rows, { horizon: Infinity, annualDiscount: 0.1, unitDays: 365.25, method: 'closed-form' });
    const sum = discountedExpectedTransactions(bgbb, rows, { horizon: 400, annualDiscount: 0.1, unitDays: 365.25, method: 'integral' });
    expect(closed.rateKind).toBe('discrete');
    expect(closed.rate).toBeCloseTo(0.1, 14);
    for (let i = 0; i < 4; i++) expect(sum.values[i] / closed.values[i]).toBeCloseTo(1, 9);
    // no discount over 5 periods: the conditional expectation itself
    const flat = discountedExpectedTransactions(bgbb, rows, { horizon: 5, annualDiscount: 0, unitDays: 365.25 });
    for (let i = 0; i < 4; i++) {
      expect(flat.values[i]).toBeCloseTo(bgbb.conditionalExpectedTransactions(5, { frequency: rows.frequency[i], recency: rows.recency[i], T: 6, periods: 6 }), 12);
    }
  });

  it('continuous discounting lies between period-end discounting (clvkit predict) and that times 1 + rate', () => {
    // each period's purchases are discounted at its end by (1+r)^-k, and at most one period less in continuous time
    const r = ratePerUnit(0.1, 'week');
    const v = discountedExpectedTransactions(bgnbd, data, { horizon: 52, annualDiscount: 0.1, unitDays: 7 });
    for (let i = 0; i < data.frequency.length; i++) {
      const row = { frequency: data.frequency[i], recency: data.recency[i], T: data.T[i] };
      const periodEnd = discountedConditionalExpectedTransactions(bgnbd, row, 52, r);
      expect(v.values[i]).toBeGreaterThanOrEqual(periodEnd);
      expect(v.values[i]).toBeLessThanOrEqual(periodEnd * (1 + r));
    }
  });

  it('converts the horizon unit exactly: 12 months = 365.25/7 weeks', () => {
    const a = customerValue(bgnbd, data, { horizon: 12, horizonUnit: 'month', modelUnitDays: 7, spend: gg });
    const b = customerValue(bgnbd, data, { horizon: 365.25 / 7, modelUnitDays: 7, spend: gg });
    expect(a.horizon).toBeCloseTo(365.25 / 7, 12);
    for (let i = 0; i < a.clv.length; i++) expect(a.clv[i]).toBeCloseTo(b.clv[i], 10);
  });

  it('applies a per-customer margin, a zero margin giving zero value, and Gamma-Gamma spend (population mean without repeats)', () => {
    const margins = [0, 0.5, 1, 0.25, 2, 0.1];
    const v = customerValue(bgnbd, data, { horizon: 52, modelUnitDays: 7, annualDiscount: 0.1, margin: margins, spend: gg });
    const one = customerValue(bgnbd, data, { horizon: 52, modelUnitDays: 7, annualDiscount: 0.1, margin: 1, spend: gg });
    expect(v.clv[0]).toBe(0);
    for (let i = 0; i < margins.length; i++) expect(v.clv[i]).toBeCloseTo(one.clv[i] * margins[i], 10);
    // p v / (q - 1) = 6.25 · 15.44 / 2.74
    expect(v.expectedSpend[0]).toBeCloseTo((6.25 * 15.44) / 2.74, 10);
    // E[M | x, m] = p (v + x m) / (p x + q - 1) for x = 2, m = 22.35
    expect(v.expectedSpend[2]).toBeCloseTo((6.25 * (15.44 + 2 * 22.35)) / (6.25 * 2 + 2.74), 10);
  });

  it('works for one customer and for fixed spend; an infinite horizon reports no undiscounted count', () => {
    const one = { frequency: [2], recency: [30.43], T: [38.86] };
    const v = customerValue(pareto, one, { horizon: 'infinite', modelUnitDays: 7, annualDiscount: 0.1, spend: [25] });
    expect(v.clv.length).toBe(1);
    expect(v.clv[0]).toBeCloseTo(25 * pareto.discountedExpectedResidualTransactions!({ frequency: 2, recency: 30.43, T: 38.86 }, Math.log(1.1) * 7 / 365.25), 10);
    expect(v.expectedTransactions[0]).toBeNaN();
    expect(() => customerValue(pareto, one, { horizon: 'infinite', modelUnitDays: 7, annualDiscount: 0, spend: [25] })).toThrow(/discount rate above 0/);
  });
});
