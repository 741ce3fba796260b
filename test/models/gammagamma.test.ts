import { readFileSync } from 'node:fs';
import { sampleCorrelation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { ClvkitError } from '../../src/errors.ts';
import { fitGammaGamma, gammaGammaLogLikelihoodRow, gammaGammaModel } from '../../src/models/gammagamma.ts';
import { createRng } from '../../src/random.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';

describe('Gamma-Gamma: hand-computed cases and identities', () => {
  it('density of the mean at p = q = v = 1, x = 1, m = 1 is 1/(1+m)^2 = 1/4', () => {
    expect(gammaGammaLogLikelihoodRow({ p: 1, q: 1, v: 1 }, 1, 1)).toBeCloseTo(Math.log(0.25), 14);
  });

  it('the density of the mean of x transactions integrates to 1 (x = 1, 3, 10)', () => {
    const prm = { p: 6.25, q: 3.74, v: 15.44 };
    for (const x of [1, 3, 10]) {
      // substitute m = s / (1 - s) on (0, 1), midpoint rule
      const N = 200_000;
      let total = 0;
      for (let k = 0; k < N; k++) {
        const s = (k + 0.5) / N;
        const m = s / (1 - s);
        total += Math.exp(gammaGammaLogLikelihoodRow(prm, x, m)) / ((1 - s) * (1 - s)) / N;
      }
      expect(total).toBeCloseTo(1, 6);
    }
  });

  it('E[M | x, m] is the credibility-weighted mix of the population mean and m', () => {
    const m = gammaGammaModel({ p: 6.25, q: 3.74, v: 15.44 });
    const pop = m.expectedAverageSpend();
    expect(pop).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    for (const [x, mbar] of [[1, 10], [4, 50], [20, 35]]) {
      const w = (3.74 - 1) / (6.25 * x + 3.74 - 1);
      expect(m.conditionalExpectedAverageSpend(x, mbar)).toBeCloseTo(w * pop + (1 - w) * mbar, 12);
    }
    expect(m.conditionalExpectedAverageSpend(0, 0)).toBe(pop);
    expect(gammaGammaModel({ p: 1, q: 0.8, v: 1 }).expectedAverageSpend()).toBe(Infinity);
  });

  it('analytic gradient matches central differences', () => {
    const prm = [2.1, 3.3, 12];
    const g = [0, 0, 0];
    const at = (q: number[]) => ({ p: q[0], q: q[1], v: q[2] });
    gammaGammaLogLikelihoodRow(at(prm), 3, 27.5, g);
    for (let i = 0; i < 3; i++) {
      const h = 1e-6;
      const up = prm.slice();
      const dn = prm.slice();
      up[i] += h;
      dn[i] -= h;
      expect(g[i]).toBeCloseTo((gammaGammaLogLikelihoodRow(at(up), 3, 27.5) - gammaGammaLogLikelihoodRow(at(dn), 3, 27.5)) / (2 * h), 5);
    }
  });
});

describe('Gamma-Gamma against a simulation with known parameters', () => {
  const truth = { p: 4, q: 3, v: 20 };
  const rng = createRng(31337);
  const N = 50_000;
  const freq = new Float64Array(N);
  const mean = new Float64Array(N);
  const nu = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    nu[i] = rng.gamma(truth.q, truth.v); // nu ~ Gamma(shape q, rate v)
    const x = 1 + Math.floor(rng.exponential(0.4)); // repeat transactions, independent of spend
    let s = 0;
    for (let j = 0; j < x; j++) s += rng.gamma(truth.p, nu[i]); // z ~ Gamma(shape p, rate nu)
    freq[i] = x;
    mean[i] = s / x;
  }

  it('recovers p, q, v from 50,000 repeat buyers (within 3 SE) and reports a near-zero correlation', () => {
    const fit = fitGammaGamma({ frequency: freq, monetaryValue: mean });
    expect(fit.converged).toBe(true);
    for (const k of ['p', 'q', 'v'] as const) expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(3 * fit.standardErrors[k]);
    expect(Math.abs(fit.frequencySpendCorrelation)).toBeLessThan(0.03);
  });

  it('E[M | x, m] matches the average true mean spend p/nu of simulated customers with x = 2 and m near 30', () => {
    const model = gammaGammaModel(truth);
    let sumTrue = 0;
    let sumPred = 0;
    let count = 0;
    for (let i = 0; i < N; i++) {
      if (freq[i] === 2 && mean[i] > 28 && mean[i] < 32) {
        sumTrue += truth.p / nu[i];
        sumPred += model.conditionalExpectedAverageSpend(2, mean[i]);
        count++;
      }
    }
    expect(count).toBeGreaterThan(300);
    // posterior sd of p/nu here is about 10: allow 4 standard errors of the mean
    expect(Math.abs(sumTrue / count - sumPred / count)).toBeLessThan((4 * 10) / Math.sqrt(count));
  });

  it('needs repeat buyers; ignores frequency-0 rows; excludes non-positive spend with a count', () => {
    expect(() => fitGammaGamma({ frequency: [0, 0, 0], monetaryValue: [0, 0, 0] })).toThrow(ClvkitError);
    const fit = fitGammaGamma({ frequency: [...freq.subarray(0, 2000), 0, 3], monetaryValue: [...mean.subarray(0, 2000), 0, 0] });
    expect(fit.customers).toBe(2000);
    expect(fit.excludedNonPositiveSpend).toBe(1);
  });
});

describe.runIf(sharedDataAvailable('cdnow_customers_summary_with_transactions.csv'))('Gamma-Gamma on CDNOW (Fader & Hardie 2013 note)', () => {
  it('p = 6.25, q = 3.74, v = 15.44 on the 946 repeat buyers', () => {
    const rows = readFileSync(sharedPath('cdnow_customers_summary_with_transactions.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',').map(Number));
    const fit = fitGammaGamma({ frequency: rows.map((r) => r[1]), monetaryValue: rows.map((r) => r[4]) });
    expect(fit.customers).toBe(946);
    expect(fit.params.p.toFixed(2)).toBe('6.25');
    expect(fit.params.q.toFixed(2)).toBe('3.74');
    // zbar in the file is rounded to the cent; the fit gives 15.448 against the published 15.44
    expect(Math.abs(fit.params.v - 15.44)).toBeLessThan(0.01);
    const repeat = rows.filter((r) => r[1] > 0);
    // the grouped likelihood used by the fit equals the sum of the per-customer densities
    const perRow = repeat.reduce((s, r) => s + gammaGammaLogLikelihoodRow(fit.params, r[1], r[4]), 0);
    expect(fit.logLikelihood).toBeCloseTo(perRow, 8);
    expect(fit.frequencySpendCorrelation).toBeCloseTo(sampleCorrelation(repeat.map((r) => r[1]), repeat.map((r) => r[4])), 12);
    // the model's population mean spend p v/(q-1) is close to the observed mean of the 946 zbar values (35.08)
    const observedMean = repeat.reduce((s, r) => s + r[4], 0) / repeat.length;
    expect(Math.abs(fit.expectedAverageSpend() - observedMean)).toBeLessThan(1);
  });
});
