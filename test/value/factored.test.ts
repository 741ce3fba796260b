import { describe, expect, it } from 'vitest';
import { bgNbdModel } from '../../src/models/bgnbd.ts';
import { mbgNbdModel } from '../../src/models/mbgnbd.ts';
import { paretoNbdModel } from '../../src/models/paretonbd.ts';
import { customerValue } from '../../src/value/customer-value.ts';
import { discountNodes } from '../../src/value/discount-nodes.ts';
import { discountedExpectedTransactions } from '../../src/value/discounted-transactions.ts';
import { factoredTransactions } from '../../src/value/factored.ts';
import type { ValueModel } from '../../src/value/value-model.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';
import { readCdnowSummary } from '../models/simulate-helpers.ts';
import { simulateSummaries } from './simulate-summaries.ts';

const hasCdnow = sharedDataAvailable('cdnow_customers_summary.csv');

// published CDNOW parameters (DESIGN.md §5), weeks
const models: ValueModel[] = [
  bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }) as unknown as ValueModel,
  mbgNbdModel({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }) as unknown as ValueModel,
  paretoNbdModel({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }) as unknown as ValueModel,
  // s > 1 and a > 1 as well
  bgNbdModel({ r: 1.5, alpha: 2, a: 3.2, b: 0.7 }) as unknown as ValueModel,
  paretoNbdModel({ r: 0.8, alpha: 3, s: 1.7, beta: 20 }) as unknown as ValueModel,
];

type Rows = { frequency: ArrayLike<number>; recency: ArrayLike<number>; T: ArrayLike<number> };

function expectRelClose(got: Float64Array, want: Float64Array, tol = 1e-10): void {
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < got.length; i++) {
    const scale = Math.max(Math.abs(want[i]), 1e-300);
    worst = Math.max(worst, Math.abs(got[i] - want[i]) / scale);
    if (!Number.isFinite(want[i])) expect(got[i]).toBe(want[i]);
  }
  expect(worst).toBeLessThanOrEqual(tol);
}

/** The factorised sums equal the per-row, per-node evaluation (the general path). */
function compare(data: Rows, cases: readonly (readonly [number, number])[], ms = models): void {
  for (const model of ms) {
    // the factorised path is taken (not the fallback)
    expect(factoredTransactions(model, data, discountNodes(52, 0.002), 52)).toBeDefined();
    for (const [horizon, annualDiscount] of cases) {
      if (model.model === 'paretonbd' && horizon === Infinity) continue; // closed form, not the integral
      const o = { horizon, annualDiscount, unitDays: 7 };
      const fast = discountedExpectedTransactions(model, data, o);
      const slow = discountedExpectedTransactions(model, data, { ...o, factorise: false });
      expect(fast.method).toBe('integral');
      expectRelClose(fast.values, slow.values);
      if (!Number.isFinite(horizon)) continue;
      const cvo = { horizon, modelUnitDays: 7, annualDiscount, spend: new Float64Array(data.frequency.length).fill(1) };
      const vf = customerValue(model, data, cvo);
      const vs = customerValue(model, data, { ...cvo, factorise: false });
      expectRelClose(vf.clv, vs.clv);
      expectRelClose(vf.expectedTransactions, vs.expectedTransactions);
      expectRelClose(vf.probabilityAlive, vs.probabilityAlive, 0);
    }
  }
}

describe('factorised discounted expected transactions (FHL 2005a eq. 10; Fader & Hardie 2005 note §6)', () => {
  it('equals the per-row computation on simulated rows, with frequency 0, huge frequencies and shared T', () => {
    const s = simulateSummaries({ r: 0.25, alpha: 4, a: 0.8, b: 2.5, p: 6, q: 4, v: 15 }, 400, 7);
    const frequency = Array.from(s.frequency);
    const recency = Array.from(s.recency);
    // T on a grid of days, so several rows share (x, T) and T
    const T = Array.from(s.T, (t) => Math.round(t * 7) / 7);
    for (let i = 0; i < T.length; i++) recency[i] = Math.min(recency[i], T[i]);
    frequency.push(0, 0, 1, 500, 5000, 20000, 3);
    recency.push(0, 0, 0.5, 38, 51.9, 52, 52);
    T.push(52, 0, 1, 39, 52, 52, 52);
    compare({ frequency, recency, T }, [[52, 0.1], [13, 0.3], [260, 0.05], [39, 0], [Infinity, 0.1]]);
  });

  it('is used for BG/NBD, MBG/NBD and Pareto/NBD only: other models take the general path', () => {
    const plain: ValueModel = {
      model: 'custom',
      params: {},
      conditionalExpectedTransactions: (t, row) => (row.frequency + 1) * (1 - Math.exp(-t / 10)),
      probabilityAlive: () => 1,
    };
    const data = { frequency: [0, 2], recency: [0, 3], T: [10, 10] };
    const a = discountedExpectedTransactions(plain, data, { horizon: 52, annualDiscount: 0.1, unitDays: 7 });
    const b = discountedExpectedTransactions(plain, data, { horizon: 52, annualDiscount: 0.1, unitDays: 7, factorise: false });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
  });

  it.runIf(hasCdnow)('equals the per-row computation on CDNOW', () => {
    compare(readCdnowSummary(sharedPath('cdnow_customers_summary.csv')), [[52, 0.1], [Infinity, 0.1]], models.slice(0, 3));
  });
});
