import { describe, expect, it } from 'vitest';
import { fitModel, MODELS, type FitInput, type ModelName } from '../../src/models/registry.ts';
import { loadModel, saveModel, MODEL_FORMAT_VERSION } from '../../src/models/saved-model.ts';
import { fitGammaGamma } from '../../src/models/gammagamma.ts';
import { simulateSummary, gammaSample, seededUniform } from './simulate-helpers.ts';
import { ClvkitError } from '../../src/errors.ts';

// Oracle: the in-memory fitted model itself. A saved-and-loaded model must give the same doubles (Object.is).
const sim = simulateSummary('bgnbd', { r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, { customers: 600, seed: 11, days: 546, acquisitionDays: 273 });
const u = seededUniform(5);
const money = Float64Array.from(sim.frequency, (x) => (x > 0 ? gammaSample(u, 6, gammaSample(u, 4, 15)) : 0));
const summary = { ...sim, monetaryValue: money };
const bgbbData = (() => {
  const s = simulateSummary('bgnbd', { r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, { customers: 400, seed: 3, minT: 6, maxT: 6 });
  const x = Float64Array.from(s.frequency, (v) => Math.min(v, 6));
  const tx = Float64Array.from(x, (v, i) => (v === 0 ? 0 : Math.max(v, Math.min(6, Math.ceil(s.recency[i])))));
  return { frequency: x, recency: tx, periods: new Float64Array(x.length).fill(6) };
})();
const survivors = [{ name: 'regular', alive: [1000, 631, 468, 382, 326, 289, 262, 241] }];

function inputFor(name: ModelName): FitInput {
  const need = MODELS[name].input;
  if (need === 'survivors') return { kind: 'survivors', cohorts: survivors };
  if (need === 'bgbb') return { kind: 'bgbb', data: bgbbData };
  if (need === 'spend') return { kind: 'spend', data: { frequency: summary.frequency, monetaryValue: summary.monetaryValue } };
  return { kind: 'summary', data: sim };
}

type AnyModel = Record<string, (...a: unknown[]) => number>;

/** Every prediction method the model has, at a few rows and horizons. */
function predictions(m: AnyModel, name: ModelName): number[] {
  const out: number[] = [];
  const need = MODELS[name].input;
  const call = (f: string, ...a: unknown[]) => {
    if (typeof m[f] === 'function') out.push(m[f](...a));
  };
  if (need === 'survivors') {
    for (const t of [1, 2, 5, 12]) call('survival', t), call('retentionRate', t), call('churnProbability', t);
    call('discountedExpectedResidualLifetime', 0.1, 3);
    return out;
  }
  if (need === 'spend') {
    for (let i = 0; i < 50; i++) call('conditionalExpectedAverageSpend', summary.frequency[i], summary.monetaryValue[i]);
    call('expectedAverageSpend');
    return out;
  }
  for (let i = 0; i < 60; i++) {
    const row =
      need === 'bgbb'
        ? { frequency: bgbbData.frequency[i], recency: bgbbData.recency[i], periods: 6, T: 6 }
        : { frequency: sim.frequency[i], recency: sim.recency[i], T: sim.T[i], periods: sim.T[i] };
    for (const t of need === 'bgbb' ? [1, 5] : [0.5, 13, 52]) {
      call('conditionalExpectedTransactions', t, row);
      call('conditionalProbabilityOfTransactions', 0, t, row);
      call('conditionalProbabilityOfTransactions', 2, t, row);
    }
    call('probabilityAlive', row);
  }
  for (const t of need === 'bgbb' ? [1, 5] : [13, 52]) call('expectedTransactions', t), call('probabilityOfTransactions', 1, t);
  return out;
}

describe('saved models: loaded predictions are bit-identical to the fitted model (oracle: the in-memory model)', () => {
  for (const name of Object.keys(MODELS) as ModelName[]) {
    it(name, async () => {
      const fitted = await fitModel(name, inputFor(name), name === 'bgcnbd' || name === 'mbgcnbd' ? { k: 2 } : {});
      const text = JSON.stringify(saveModel(fitted, { data: { input: MODELS[name].input, unit: 'week' } }));
      const { model, saved } = loadModel(text);
      expect(saved.version).toBe(MODEL_FORMAT_VERSION);
      expect(model.params).toEqual(fitted.params);
      expect(model.logLikelihood).toBe(fitted.logLikelihood);
      expect(model.limit).toEqual(fitted.limit);
      const a = predictions(fitted as unknown as AnyModel, name);
      const b = predictions(model as unknown as AnyModel, name);
      expect(a.length).toBeGreaterThan(0);
      expect(b.length).toBe(a.length);
      for (let i = 0; i < a.length; i++) expect(Object.is(a[i], b[i]), `value ${i}: ${a[i]} vs ${b[i]}`).toBe(true);
    });
  }

  it('the spend model travels with the transaction model', async () => {
    const fitted = await fitModel('bgnbd', { kind: 'summary', data: sim });
    const gg = fitGammaGamma({ frequency: summary.frequency, monetaryValue: summary.monetaryValue });
    const { spend } = loadModel(JSON.stringify(saveModel(fitted, { spend: gg })));
    for (let i = 0; i < 100; i++) {
      expect(spend!.conditionalExpectedAverageSpend(summary.frequency[i], summary.monetaryValue[i])).toBe(gg.conditionalExpectedAverageSpend(summary.frequency[i], summary.monetaryValue[i]));
    }
    expect(spend!.covariance).toEqual(gg.covariance);
  });

  it('refuses what it cannot read, in one sentence', async () => {
    const fitted = await fitModel('bgnbd', { kind: 'summary', data: sim });
    const saved = saveModel(fitted);
    expect(() => loadModel('{')).toThrow(/does not parse/);
    expect(() => loadModel({ ...saved, format: 'x' } as never)).toThrow(/"format" must be "clvkit-model"/);
    expect(() => loadModel({ ...saved, version: MODEL_FORMAT_VERSION + 1 })).toThrow(/newer than this clvkit reads/);
    expect(() => loadModel({ ...saved, model: 'xyz' })).toThrow(/unknown model "xyz"/);
    expect(() => loadModel({ ...saved, params: { ...saved.params, r: -1 } })).toThrow(ClvkitError);
    expect(() => loadModel({ ...saved, params: { ...saved.params, s: 1 } })).toThrow(/unknown parameter/);
  });
});
