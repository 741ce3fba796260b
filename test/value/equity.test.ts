import { describe, expect, it } from 'vitest';
import { ClvkitError } from '../../src/errors.ts';
import { bgNbdModel, fitBgNbd } from '../../src/models/bgnbd.ts';
import { fitGammaGamma, gammaGammaModel } from '../../src/models/gammagamma.ts';
import type { SummaryData } from '../../src/types.ts';
import { bootstrapEquity } from '../../src/value/bootstrap-equity.ts';
import { customerValue } from '../../src/value/customer-value.ts';
import type { ValueModel } from '../../src/value/value-model.ts';
import { simulateSummaries } from './simulate-summaries.ts';

const TRUE = { r: 0.25, alpha: 4, a: 0.8, b: 2.5, p: 6, q: 4, v: 15 };
const fitBg = (d: SummaryData, initial?: Record<string, number>) => fitBgNbd(d, { initial }) as unknown as ValueModel;

describe('customer equity bootstrap', () => {
  it('covers the true equity in most of 20 seeded repetitions (90% intervals, B = 40, 1000 customers, BG/NBD)', () => {
    // "True equity" = Σ_i CLV_i computed with the TRUE BG/NBD and Gamma-Gamma parameters on each customer's
    // observed history (the expected residual value of this portfolio given its data). The interval is the
    // percentile interval of Σ_i CLV_i(θ_b) over the refits, i.e. it measures parameter uncertainty.
    // Horizon 52 weeks without discounting (discounting is tested on its own in customer-value.test.ts).
    const value = { horizon: 52, modelUnitDays: 7, annualDiscount: 0 };
    const truthModel = bgNbdModel({ r: TRUE.r, alpha: TRUE.alpha, a: TRUE.a, b: TRUE.b }) as unknown as ValueModel;
    const truthSpend = gammaGammaModel({ p: TRUE.p, q: TRUE.q, v: TRUE.v });
    let covered = 0;
    const reps = 20;
    for (let rep = 0; rep < reps; rep++) {
      const d = simulateSummaries(TRUE, 1000, 100 + rep);
      const trueEquity = customerValue(truthModel, d, { ...value, spend: truthSpend }).clv.reduce((s, x) => s + x, 0);
      const eq = bootstrapEquity(d, {
        model: fitBg(d),
        fitTransactions: fitBg,
        spend: fitGammaGamma(d),
        fitSpend: (s, initial) => fitGammaGamma(s, { initial }),
        value,
        draws: 40,
        level: 0.9,
        seed: rep + 1,
        customerIntervals: false,
      });
      expect(eq.lower).toBeLessThan(eq.upper);
      if (eq.lower <= trueEquity && trueEquity <= eq.upper) covered++;
    }
    // nominal 90%: P(at most 14 of 20 | p = 0.9) = 1.1%
    expect(covered).toBeGreaterThanOrEqual(15);
  }, 60_000);

  const small = simulateSummaries(TRUE, 300, 7);
  const base = {
    model: fitBg(small),
    fitTransactions: fitBg,
    spend: fitGammaGamma(small),
    fitSpend: (s: { frequency: ArrayLike<number>; monetaryValue: ArrayLike<number>; weights: ArrayLike<number> }, initial?: Record<string, number>) =>
      fitGammaGamma(s, { initial }),
    value: { horizon: 26, modelUnitDays: 7, annualDiscount: 0.1 },
    draws: 8,
  };

  it('is reproducible with a seed, and per-customer intervals come from the same draws', () => {
    const seen: number[] = [];
    const a = bootstrapEquity(small, { ...base, seed: 5, onProgress: (done, total) => seen.push(done / total) });
    const b = bootstrapEquity(small, { ...base, seed: 5 });
    const c = bootstrapEquity(small, { ...base, seed: 6 });
    expect(Array.from(a.equityDraws)).toEqual(Array.from(b.equityDraws));
    expect(Array.from(a.equityDraws)).not.toEqual(Array.from(c.equityDraws));
    expect(seen.length).toBe(8);
    expect(seen[7]).toBe(1);
    expect(a.draws).toBe(8);
    // the point estimate is the full-sample equity
    expect(a.equity).toBeCloseTo(a.clv.reduce((s, x) => s + x, 0), 8);
    for (let i = 0; i < small.frequency.length; i++) expect(a.customerLower![i]).toBeLessThanOrEqual(a.customerUpper![i]);
    // with one draw each customer's interval collapses to that draw's CLV, and the customers' CLVs add up to
    // the draw's equity (up to the Float32 storage of the per-customer draws)
    const one = bootstrapEquity(small, { ...base, draws: 1, seed: 5 });
    let total = 0;
    for (let i = 0; i < small.frequency.length; i++) {
      expect(one.customerLower![i]).toBe(one.customerUpper![i]);
      total += one.customerLower![i];
    }
    expect(total / one.equityDraws[0]).toBeCloseTo(1, 6);
    expect(one.lower).toBe(one.equityDraws[0]);
  });

  it('skips draws whose refit fails, and stops when more than half fail', () => {
    let calls = 0;
    const flaky = (d: SummaryData, initial?: Record<string, number>) => {
      if (++calls % 4 === 0) throw new ClvkitError('did not converge');
      return fitBg(d, initial);
    };
    const r = bootstrapEquity(small, { ...base, fitTransactions: flaky, seed: 1 });
    expect(r.failedDraws).toBe(2);
    expect(r.draws).toBe(6);
    const broken = () => {
      throw new ClvkitError('did not converge');
    };
    expect(() => bootstrapEquity(small, { ...base, fitTransactions: broken, seed: 1 })).toThrow(/refits failed/);
  });

  it('rejects bad settings', () => {
    expect(() => bootstrapEquity(small, { ...base, draws: 0 })).toThrow(/draws/);
    expect(() => bootstrapEquity(small, { ...base, level: 1 })).toThrow(/level/);
  });
});
