import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { bgBbModel } from '../../src/models/bgbb.ts';
import {
  discountedConditionalExpectedTransactions,
  predictCustomers,
  ratePerUnit,
  type PredictiveModel,
} from '../../src/models/discounting.ts';
import { gammaGammaModel } from '../../src/models/gammagamma.ts';
import { MODELS, fitModel, modelInfo } from '../../src/models/registry.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';

/** A Poisson customer buying at a constant rate: E[Y(t)] = lambda t, P(alive) = 1. */
const poisson = (lambda: number): PredictiveModel => ({
  conditionalExpectedTransactions: (t) => lambda * t,
  probabilityAlive: () => 1,
});

const ROW = { frequency: 1, recency: 1, T: 2 };

describe('discounting', () => {
  it('converts an annual rate exactly to the model unit', () => {
    // Math.pow(...) - 1 loses ~1e-16 absolute to cancellation, so compare relative to 1e-11
    const rel = (a: number, b: number) => Math.abs(a / b - 1);
    expect(rel(ratePerUnit(0.1, 'week'), Math.pow(1.1, 7 / 365.25) - 1)).toBeLessThan(1e-11);
    expect(rel(ratePerUnit(0.1, 'day'), Math.pow(1.1, 1 / 365.25) - 1)).toBeLessThan(1e-11);
    expect(rel(ratePerUnit(0.1, 'month'), Math.pow(1.1, 1 / 12) - 1)).toBeLessThan(1e-11);
    expect(ratePerUnit(0.1, 'year')).toBe(0.1);
    // 52.1786 weeks compound back to the annual rate
    expect(Math.pow(1 + ratePerUnit(0.1, 'week'), 365.25 / 7)).toBeCloseTo(1.1, 13);
    expect(() => ratePerUnit(-0.1, 'week')).toThrow();
  });

  it('per-period discounting at period ends: lambda * (1 - (1+r)^-K) / r for a constant rate', () => {
    const r = 0.01;
    expect(discountedConditionalExpectedTransactions(poisson(0.3), ROW, 52, r)).toBeCloseTo((0.3 * (1 - Math.pow(1 + r, -52))) / r, 12);
    // a fractional last period is discounted at the horizon
    const frac = (0.3 * (1 - Math.pow(1 + r, -10))) / r + 0.3 * 0.5 * Math.pow(1 + r, -10.5);
    expect(discountedConditionalExpectedTransactions(poisson(0.3), ROW, 10.5, r)).toBeCloseTo(frac, 12);
    // no discounting: exactly the conditional expectation
    expect(discountedConditionalExpectedTransactions(poisson(0.3), ROW, 10.5, 0)).toBe(0.3 * 10.5);
    expect(discountedConditionalExpectedTransactions(poisson(0.3), ROW, 0, r)).toBe(0);
  });

  it('BG/BB: the discounted sum over a long horizon converges to the closed-form DERT', () => {
    const m = bgBbModel({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
    const row = { frequency: 4, recency: 5, periods: 6 };
    const sum = discountedConditionalExpectedTransactions(m, row, 800, 0.1);
    expect(sum).toBeCloseTo(m.discountedExpectedResidualTransactions(row, 0.1), 10);
  });

  it('predictCustomers: clv = discounted transactions x expected spend x margin; with rate 0 = E[Y] x spend x margin', () => {
    const gg = gammaGammaModel({ p: 6.25, q: 3.74, v: 15.44 });
    const data = { customerIds: ['A', 'B'], frequency: [2, 0], recency: [30, 0], T: [39, 39], monetaryValue: [22.35, 0] };
    const r0 = predictCustomers(poisson(0.2), data, { horizon: 52, rate: 0, margin: 0.3, spend: gg });
    expect(r0[0].clv).toBeCloseTo(0.2 * 52 * gg.conditionalExpectedAverageSpend(2, 22.35) * 0.3, 10);
    expect(r0[1].expected_spend).toBeCloseTo((6.25 * 15.44) / 2.74, 10);
    const r = ratePerUnit(0.1, 'week');
    const r1 = predictCustomers(poisson(0.2), data, { horizon: 52, rate: r, margin: 0.3, spend: gg });
    expect(r1[0].clv).toBeCloseTo(((0.2 * (1 - Math.pow(1 + r, -52))) / r) * r1[0].expected_spend! * 0.3, 10);
    expect(r1[0].clv!).toBeLessThan(r0[0].clv!);
    const noSpend = predictCustomers(poisson(0.2), data, { horizon: 52, rate: r });
    expect(noSpend[0].clv).toBeUndefined();
  });
});

describe('model registry', () => {
  it('names and parameter names follow DESIGN.md §3', () => {
    expect(Object.keys(MODELS).slice(0, 7)).toEqual(['bgnbd', 'mbgnbd', 'paretonbd', 'bgbb', 'sbg', 'bdw', 'gammagamma']);
    expect(MODELS.nbd.params).toEqual(['r', 'alpha']);
    expect(MODELS.ggomnbd.params).toEqual(['r', 'alpha', 'b', 's', 'beta']);
    expect(MODELS.bgcnbd.params).toEqual(['k', 'r', 'alpha', 'a', 'b']);
    expect(MODELS.mbgcnbd.params).toEqual(['k', 'r', 'alpha', 'a', 'b']);
    expect(MODELS.paretonbdcor.params).toEqual(['r', 'alpha', 's', 'beta', 'omega']);
    expect(MODELS.bgnbd.params).toEqual(['r', 'alpha', 'a', 'b']);
    expect(MODELS.mbgnbd.params).toEqual(['r', 'alpha', 'a', 'b']);
    expect(MODELS.paretonbd.params).toEqual(['r', 'alpha', 's', 'beta']);
    expect(MODELS.bgbb.params).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    expect(MODELS.sbg.params).toEqual(['alpha', 'beta']);
    expect(MODELS.bdw.params).toEqual(['alpha', 'beta', 'c']);
    expect(MODELS.gammagamma.params).toEqual(['p', 'q', 'v']);
  });

  it('unknown names are usage errors listing the models; spelling variants are accepted', () => {
    expect(() => modelInfo('cnbd')).toThrow(UsageError);
    expect(() => modelInfo('cnbd')).toThrow(/bgnbd, mbgnbd, paretonbd, bgbb, sbg, bdw, gammagamma/);
    expect(modelInfo('BG/BB').name).toBe('bgbb');
    expect(modelInfo('Pareto-NBD').name).toBe('paretonbd');
  });

  it('fits each of its models with the parameter names of the contract, and refuses the wrong input', async () => {
    const sbg = await fitModel('sbg', { kind: 'survivors', cohorts: [{ alive: [1000, 631, 468, 382, 326] }] });
    expect(Object.keys(sbg.params)).toEqual(MODELS.sbg.params);
    const bdw = await fitModel('bdw', { kind: 'survivors', cohorts: [{ alive: [1000, 631, 468, 382, 326] }] });
    expect(Object.keys(bdw.params)).toEqual(MODELS.bdw.params);
    await expect(fitModel('sbg', { kind: 'summary', data: { frequency: [1], recency: [1], T: [2] } })).rejects.toThrow(UsageError);
    await expect(fitModel('gammagamma', { kind: 'summary', data: { frequency: [1], recency: [1], T: [2] } })).rejects.toThrow(/needs a summary with spend/);
  });

  it.runIf(sharedDataAvailable('cdnow_customers_summary_with_transactions.csv', 'donations.csv'))(
    'dispatches every model of the contract on the shared data',
    async () => {
      const rows = readFileSync(sharedPath('cdnow_customers_summary_with_transactions.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',').map(Number));
      const data = { frequency: rows.map((r) => r[1]), recency: rows.map((r) => r[2]), T: rows.map((r) => r[3]), monetaryValue: rows.map((r) => r[4]) };
      for (const name of ['bgnbd', 'paretonbd', 'gammagamma'] as const) {
        const f = await fitModel(name, { kind: 'summary', data });
        expect(Object.keys(f.params)).toEqual(MODELS[name].params);
        expect(f.converged).toBe(true);
      }
      const bgnbd = await fitModel('bgnbd', { kind: 'summary', data });
      expect(bgnbd.params.r.toFixed(3)).toBe('0.243');
      const d = readFileSync(sharedPath('donations.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',').map(Number));
      const bb = await fitModel('bgbb', { kind: 'bgbb', data: { frequency: d.map((r) => r[0]), recency: d.map((r) => r[1]), periods: d.map((r) => r[2]), weights: d.map((r) => r[3]) } });
      expect(Object.keys(bb.params)).toEqual(MODELS.bgbb.params);
    },
  );
});
