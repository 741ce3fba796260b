import { describe, expect, it } from 'vitest';
import { bgNbdModel } from '../../src/models/bgnbd.ts';
import { paretoNbdModel } from '../../src/models/paretonbd.ts';
import { mbgNbdModel } from '../../src/models/mbgnbd.ts';
import { gammaGammaModel } from '../../src/models/gammagamma.ts';
import { discountedConditionalExpectedTransactions, predictCustomers, ratePerUnit, type PredictiveModel } from '../../src/models/discounting.ts';
import { periodDiscountNodes } from '../../src/value/period-discounting.ts';
import { predictColumns } from '../../src/value/predict-columns.ts';
import { toCsv } from '../../src/io/csv.ts';
import { writeCsvColumns } from '../../src/io/column-writer.ts';

// CDNOW estimates: BG/NBD FHL 2005a, Pareto/NBD FHL 2005b (DESIGN.md §5)
const bg = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
const pn = paretoNbdModel({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 });
const mbg = mbgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
const ROWS = [
  { frequency: 0, recency: 0, T: 38.86 },
  { frequency: 2, recency: 30.43, T: 38.86 },
  { frequency: 20, recency: 38, T: 38.86 },
  { frequency: 1, recency: 0.5, T: 0.5 },
  { frequency: 0, recency: 0, T: 0 },
];
const apply = (nodes: { times: Float64Array; weights: Float64Array }, c: (t: number) => number) => {
  let s = 0;
  for (let j = 0; j < nodes.times.length; j++) s += nodes.weights[j] * c(nodes.times[j]);
  return s;
};

describe('discounting at period ends by a fixed rule (periodDiscountNodes)', () => {
  it('matches the old per-period loop within 1e-12 (BG/NBD, MBG/NBD, Pareto/NBD; weekly, daily, heavy rates; horizons to 20,000 periods)', () => {
    const cases: [PredictiveModel, number, number[]][] = [];
    for (const model of [bg, pn, mbg]) for (const rate of [ratePerUnit(0.1, 'week'), ratePerUnit(0.1, 'day'), 0.1]) cases.push([model, rate, [0.5, 1, 2.5, 33, 34, 52.18, 100, 1000]]);
    cases.push([bg, ratePerUnit(0.1, 'week'), [5200.7, 20000]], [pn, ratePerUnit(0.1, 'day'), [20000]]);
    for (const [model, rate, horizons] of cases) {
      for (const H of horizons) {
        const nodes = periodDiscountNodes(H, rate);
        for (const row of H > 1000 ? ROWS.slice(1, 2) : ROWS) {
          {
            const old = discountedConditionalExpectedTransactions(model, { ...row, periods: row.T }, H, rate);
            const got = apply(nodes, (t) => model.conditionalExpectedTransactions(t, row));
            expect(Math.abs(got - old)).toBeLessThanOrEqual(1e-12 * Math.abs(old));
          }
        }
      }
    }
  });

  it('a Poisson buyer (E[Y(t)] = λt) gets the geometric-series closed form λ v (1 − v^K)/(1 − v) + λ (H − K) v^H, and λ/d for an infinite horizon', () => {
    const lambda = 0.37;
    for (const d of [0.0018, 0.01, 0.1]) {
      const v = 1 / (1 + d);
      for (const H of [10, 64.5, 1000, 1e6, 1e12]) {
        const K = Math.floor(H);
        const want = (lambda * v * (1 - v ** K)) / (1 - v) + lambda * (H - K) * v ** H;
        expect(Math.abs(apply(periodDiscountNodes(H, d), (t) => lambda * t) / want - 1)).toBeLessThan(1e-12);
      }
      expect(Math.abs(apply(periodDiscountNodes(Infinity, d), (t) => lambda * t) / (lambda / d) - 1)).toBeLessThan(1e-12);
    }
  });

  it('costs the same for any horizon: at most a few hundred nodes from 100 periods to 1e12 and Infinity', () => {
    const r = ratePerUnit(0.1, 'week');
    for (const H of [100, 1e4, 1e6, 1e12, Infinity]) expect(periodDiscountNodes(H, r).times.length).toBeLessThan(500);
    // a horizon of 1e12 weeks is the infinite one to the last digits
    const big = apply(periodDiscountNodes(1e12, r), (t) => bg.conditionalExpectedTransactions(t, ROWS[1]));
    const inf = apply(periodDiscountNodes(Infinity, r), (t) => bg.conditionalExpectedTransactions(t, ROWS[1]));
    expect(Math.abs(big / inf - 1)).toBeLessThan(1e-12);
  });

  it('rate 0: the single node E[Y(H)]; an infinite horizon needs a rate', () => {
    const n = periodDiscountNodes(52, 0);
    expect([...n.times]).toEqual([52]);
    expect([...n.weights]).toEqual([1]);
    expect(() => periodDiscountNodes(Infinity, 0)).toThrow(/rate above 0/);
  });
});

describe('predictColumns: once per distinct row, scattered', () => {
  // a hand-made base: repeated rows, a customer without repeat purchases, a heavy buyer
  const frequency = Float64Array.from([2, 0, 2, 7, 0, 2, 1, 7]);
  const recency = Float64Array.from([30.43, 0, 30.43, 37, 0, 30.43, 5, 37]);
  const T = Float64Array.from([38.86, 38.86, 38.86, 38.86, 20, 38.86, 10, 38.86]);
  const monetaryValue = Float64Array.from([22.5, 0, 30, 41.2, 0, 22.5, 9.99, 41.2]);
  const spend = gammaGammaModel({ p: 6.25, q: 3.74, v: 15.44 });
  const ids = frequency.map((_, i) => i).reduce<string[]>((a, i) => [...a, `C${i}`], []);

  it('writes the same CSV bytes as the old path (predictCustomers + toCsv), clv within 1e-12', () => {
    for (const model of [bg, pn]) {
      const options = { horizon: 52, rate: ratePerUnit(0.1, 'week'), margin: 0.3, spend };
      const old = predictCustomers(model, { customerIds: ids, frequency, recency, T, monetaryValue }, options);
      const p = predictColumns(model, { frequency, recency, T, monetaryValue }, options);
      expect(p.distinctRows).toBe(5);
      const header = ['customer_id', 'frequency', 'recency', 'T', 'expected_transactions', 'probability_alive', 'expected_spend'];
      const parts: Buffer[] = [];
      writeCsvColumns({ write: (c) => void parts.push(Buffer.from(c)) }, [
        { name: 'customer_id', text: (i) => ids[i] },
        { name: 'frequency', numbers: frequency },
        { name: 'recency', numbers: recency },
        { name: 'T', numbers: T },
        { name: 'expected_transactions', numbers: p.expectedTransactions },
        { name: 'probability_alive', numbers: p.probabilityAlive },
        { name: 'expected_spend', numbers: p.expectedSpend! },
      ], ids.length);
      expect(Buffer.concat(parts).toString()).toBe(toCsv(header, old.map((r) => header.map((h) => (r as unknown as Record<string, number>)[h]))));
      old.forEach((r, i) => expect(Math.abs(p.clv![i] - r.clv!)).toBeLessThanOrEqual(1e-12 * r.clv!));
    }
  });

  it('the per-row predictions, scattered by the row index, are the per-customer columns and the rows hold the customers\' own values', () => {
    const p = predictColumns(bg, { frequency, recency, T, monetaryValue }, { horizon: 52, rate: ratePerUnit(0.1, 'week'), spend });
    const { index, ...rows } = p.rows;
    expect(rows.expectedTransactions.length).toBe(5);
    for (let i = 0; i < frequency.length; i++) {
      const k = index[i];
      expect([rows.frequency[k], rows.recency[k], rows.T[k]]).toEqual([frequency[i], recency[i], T[i]]);
      expect(p.expectedTransactions[i]).toBe(rows.expectedTransactions[k]);
      expect(p.probabilityAlive[i]).toBe(rows.probabilityAlive[k]);
      expect(p.expectedTransactions[i]).toBe(bg.conditionalExpectedTransactions(52, { frequency: frequency[i], recency: recency[i], T: T[i] }));
    }
  });

  it('a horizon of 1e12 weeks returns (the old loop never did) and equals one of 1e15 weeks', () => {
    const r = ratePerUnit(0.1, 'week');
    const a = predictColumns(bg, { frequency, recency, T, monetaryValue }, { horizon: 1e12, rate: r, spend });
    const b = predictColumns(bg, { frequency, recency, T, monetaryValue }, { horizon: 1e15, rate: r, spend });
    for (let i = 0; i < frequency.length; i++) expect(Math.abs(a.clv![i] / b.clv![i] - 1)).toBeLessThan(1e-12);
  });
});

describe('customer value once per distinct row (discountedWithExtras)', () => {
  it('gives every customer the same doubles as computing its row alone (BG/NBD and Pareto/NBD, finite and infinite horizons)', async () => {
    const { discountedWithExtras } = await import('../../src/value/discounted-transactions.ts');
    const frequency = [2, 0, 2, 7, 0, 2, 1, 7, 3];
    const recency = [30.43, 0, 30.43, 37, 0, 30.43, 5, 37, 20];
    const T = [38.86, 38.86, 38.86, 38.86, 20, 38.86, 10, 38.86, 38.86];
    for (const model of [bg, pn]) {
      for (const horizon of [52, Infinity]) {
        const o = { horizon, annualDiscount: 0.1, unitDays: 7 };
        const all = discountedWithExtras(model, { frequency, recency, T }, o, true);
        for (let i = 0; i < frequency.length; i++) {
          const one = discountedWithExtras(model, { frequency: [frequency[i]], recency: [recency[i]], T: [T[i]] }, o, true);
          expect(all.values[i]).toBe(one.values[0]);
          if (one.expected) expect(all.expected![i]).toBe(one.expected[0]);
          if (one.probabilityAlive) expect(all.probabilityAlive![i]).toBe(one.probabilityAlive[0]);
        }
      }
    }
  });
});
