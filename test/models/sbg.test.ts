import { readFileSync } from 'node:fs';
import stdlibHyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { describe, expect, it } from 'vitest';
import { ClvkitError } from '../../src/errors.ts';
import { survivorsFromPercentages, seriesResidualLifetime } from '../../src/models/retention-data.ts';
import { fitSbg, hyp2f1UnitA, sbgLogLikelihood, sbgLogSurvival, sbgModel } from '../../src/models/sbg.ts';
import { createRng } from '../../src/random.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';

/** Survivors at the start of periods 0..periods of a simulated sBG cohort (theta ~ Beta(alpha, beta), geometric churn). */
function simulateSbgCohort(seed: number, size: number, alpha: number, beta: number, periods: number): number[] {
  const rng = createRng(seed);
  const alive = new Array(periods + 1).fill(0);
  for (let i = 0; i < size; i++) {
    const theta = rng.beta(alpha, beta);
    alive[0]++;
    for (let t = 1; t <= periods; t++) {
      if (rng.uniform() < theta) break;
      alive[t]++;
    }
  }
  return alive;
}

describe('sBG: hand-computed cases', () => {
  it('alpha = beta = 1 gives S(t) = 1/(1+t), P(T=t) = 1/(t(t+1)), r_t = t/(t+1)', () => {
    const m = sbgModel({ alpha: 1, beta: 1 });
    for (const t of [1, 2, 5, 40]) {
      expect(m.survival(t)).toBeCloseTo(1 / (1 + t), 14);
      expect(m.churnProbability(t)).toBeCloseTo(1 / (t * (t + 1)), 14);
      expect(m.retentionRate(t)).toBeCloseTo(t / (t + 1), 14);
    }
    expect(m.survival(0)).toBe(1);
  });

  it('retention rate equals (beta + t - 1)/(alpha + beta + t - 1) (Fader & Hardie 2007)', () => {
    const m = sbgModel({ alpha: 2.3, beta: 0.7 });
    for (const t of [1, 3, 10, 100]) expect(m.retentionRate(t)).toBeCloseTo((0.7 + t - 1) / (3 + t - 1), 13);
    expect(m.retentionRateCurve(3)).toHaveLength(3);
    expect(m.survivalCurve(3)).toHaveLength(4);
  });

  it('log-likelihood of [10, 5, 2] at alpha = beta = 1 is 5 ln(1/2) + 3 ln(1/6) + 2 ln(1/3)', () => {
    const ll = sbgLogLikelihood([{ alive: [10, 5, 2] }], 1, 1);
    expect(ll).toBeCloseTo(5 * Math.log(1 / 2) + 3 * Math.log(1 / 6) + 2 * Math.log(1 / 3), 12);
  });

  it('analytic gradient matches central differences', () => {
    const cohorts = [{ alive: [1000, 631, 468, 382, 326] }, { alive: [500, 420, 380] }];
    const g = new Float64Array(2);
    sbgLogLikelihood(cohorts, 0.8, 1.4, g);
    const h = 1e-6;
    const fd0 = (sbgLogLikelihood(cohorts, 0.8 + h, 1.4) - sbgLogLikelihood(cohorts, 0.8 - h, 1.4)) / (2 * h);
    const fd1 = (sbgLogLikelihood(cohorts, 0.8, 1.4 + h) - sbgLogLikelihood(cohorts, 0.8, 1.4 - h)) / (2 * h);
    expect(g[0]).toBeCloseTo(fd0, 4);
    expect(g[1]).toBeCloseTo(fd1, 4);
  });

  it('survival stays finite and positive far out (log space)', () => {
    const m = sbgModel({ alpha: 50, beta: 0.01 });
    const s = m.survival(1e6);
    expect(s).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(sbgLogSurvival(50, 0.01, 1e6))).toBe(true);
    expect(m.churnProbability(1e6)).toBeGreaterThanOrEqual(0);
  });
});

describe('2F1(1, b; c; z) and DERL', () => {
  it('matches closed forms and stdlib', () => {
    for (const z of [0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1UnitA(1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 12);
      expect(hyp2f1UnitA(3.5, 3.5, z)).toBeCloseTo(1 / (1 - z), 10);
      expect(hyp2f1UnitA(1.7, 4.2, z)).toBeCloseTo(stdlibHyp2f1(1, 1.7, 4.2, z), 10);
    }
    expect(hyp2f1UnitA(2, 5, 1)).toBeCloseTo(4 / 2, 14);
    expect(hyp2f1UnitA(2, 2.5, 1)).toBe(Infinity);
  });

  it('closed-form DERL (Fader & Hardie 2010) equals the series sum of S(t)', () => {
    for (const [alpha, beta] of [[0.704, 1.182], [0.668, 3.806], [2.5, 0.4]]) {
      const m = sbgModel({ alpha, beta });
      for (const d of [0.01, 0.1, 0.3]) {
        for (const n of [0, 1, 4, 30]) {
          const closed = m.discountedExpectedResidualLifetime(d, n);
          const series = seriesResidualLifetime((t) => sbgLogSurvival(alpha, beta, t), d, n);
          expect(closed / series - 1).toBeLessThan(1e-12);
          expect(series / closed - 1).toBeLessThan(1e-12);
        }
        // DEL = 2F1(1, beta; alpha + beta; 1/(1+d)) (Fader & Hardie 2010), computed independently by stdlib
        expect(m.discountedExpectedLifetime(d)).toBeCloseTo(1 + m.discountedExpectedResidualLifetime(d, 0) / (1 + d), 12);
        expect(m.discountedExpectedLifetime(d)).toBeCloseTo(stdlibHyp2f1(1, beta, alpha + beta, 1 / (1 + d)), 9);
      }
    }
  });

  it('DERL with d = 0 is (beta + n)/(alpha - 1), checked by direct summation', () => {
    const alpha = 3.2;
    const beta = 1.5;
    const n = 2;
    let sum = 0;
    for (let t = n + 1; t < n + 200_000; t++) sum += Math.exp(sbgLogSurvival(alpha, beta, t) - sbgLogSurvival(alpha, beta, n));
    expect(sbgModel({ alpha, beta }).discountedExpectedResidualLifetime(0, n)).toBeCloseTo(sum, 6);
    expect(sbgModel({ alpha: 0.9, beta }).discountedExpectedResidualLifetime(0, n)).toBe(Infinity);
  });
});

describe('sBG fit', () => {
  it('recovers known parameters from a simulated cohort of 50,000 (within 3 SE)', () => {
    const alive = simulateSbgCohort(20260101, 50_000, 0.9, 2.2, 8);
    const fit = fitSbg(alive);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.params.alpha - 0.9)).toBeLessThan(3 * fit.standardErrors.alpha);
    expect(Math.abs(fit.params.beta - 2.2)).toBeLessThan(3 * fit.standardErrors.beta);
    expect(fit.customers).toBe(50_000);
  });

  it('two identical cohorts give the same parameters and twice the log-likelihood', () => {
    const one = fitSbg([1000, 700, 550, 460]);
    const two = fitSbg([{ name: 'a', alive: [1000, 700, 550, 460] }, { name: 'b', alive: [1000, 700, 550, 460] }]);
    expect(two.params.alpha).toBeCloseTo(one.params.alpha, 5);
    expect(two.params.beta).toBeCloseTo(one.params.beta, 5);
    expect(two.logLikelihood).toBeCloseTo(2 * one.logLikelihood, 6);
    expect(two.cohorts.map((c) => c.name)).toEqual(['a', 'b']);
  });

  it('rejects increasing survivors, no churn and a single period', () => {
    expect(() => fitSbg([100, 90, 95])).toThrow(ClvkitError);
    expect(() => fitSbg([100, 100, 100])).toThrow(/no customer churned/);
    expect(() => fitSbg([100])).toThrow(/at least periods 0 and 1/);
    expect(() => fitSbg([100, -1])).toThrow(ClvkitError);
  });
});

describe.runIf(sharedDataAvailable('sbg_retention.csv'))('sBG on Fader & Hardie (2007) sbg_retention.csv', () => {
  const rows = readFileSync(sharedPath('sbg_retention.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',').map(Number));
  const groups = {
    regular: { col: 1, alpha: 0.704, beta: 1.182 },
    high_end: { col: 2, alpha: 0.668, beta: 3.806 },
  };
  for (const [name, g] of Object.entries(groups)) {
    it(`${name}: years 1-7 as 1,000 customers reproduce the published alpha, beta; years 8-12 projected within 2 points`, () => {
      const percent = rows.map((r) => r[g.col]);
      const fit = fitSbg(survivorsFromPercentages(percent.slice(0, 8), 1000));
      expect(Number(fit.params.alpha.toFixed(3))).toBe(g.alpha);
      expect(Number(fit.params.beta.toFixed(3))).toBe(g.beta);
      const projected = fit.survivalCurve(12).map((s) => 100 * s);
      for (let year = 8; year <= 12; year++) expect(Math.abs(projected[year] - percent[year])).toBeLessThan(2);
      // the fit itself tracks the calibration years closely
      for (let year = 1; year <= 7; year++) expect(Math.abs(projected[year] - percent[year])).toBeLessThan(2);
    });
  }
});


describe('sBG at the homogeneous boundary', () => {
  it('a cohort with the same churn for everyone returns the geometric limit with a warning instead of failing', () => {
    // 1% churn a period for everyone (expected counts of a homogeneous cohort of 100,000)
    const alive = Array.from({ length: 8 }, (_, t) => 100_000 * Math.pow(0.99, t));
    const fit = fitSbg(alive);
    expect(fit.warning ?? '').toMatch(/homogeneous/);
    for (let t = 1; t <= 7; t++) expect(fit.retentionRate(t)).toBeCloseTo(0.99, 3);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });
});
