import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bdwLogLikelihood, bdwLogSurvival, bdwModel, fitBdw } from '../../src/models/bdw.ts';
import { survivorsFromPercentages } from '../../src/models/retention-data.ts';
import { fitSbg, sbgLogLikelihood, sbgModel } from '../../src/models/sbg.ts';
import { createRng } from '../../src/random.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';

/**
 * Survivors at the start of periods 0..periods of a simulated BdW cohort: theta ~ Beta(alpha, beta) and
 * P(T > t | theta) = (1 - theta)^(t^c), so T = floor((ln u / ln(1 - theta))^(1/c)) + 1 for u ~ U(0,1).
 */
function simulateBdwCohort(seed: number, size: number, alpha: number, beta: number, c: number, periods: number): number[] {
  const rng = createRng(seed);
  const alive = new Array(periods + 1).fill(0);
  for (let i = 0; i < size; i++) {
    const theta = rng.beta(alpha, beta);
    const u = 1 - rng.uniform(); // (0, 1]
    const T = theta >= 1 ? 1 : Math.floor(Math.pow(Math.log(u) / Math.log1p(-theta), 1 / c)) + 1;
    for (let t = 0; t <= periods && t < T; t++) alive[t]++;
  }
  return alive;
}

describe('beta-discrete-Weibull', () => {
  it('c = 1 reduces to the sBG: survival, churn, retention, likelihood and DERL', () => {
    for (const [alpha, beta] of [[0.7, 1.2], [3.1, 0.4]]) {
      const b = bdwModel({ alpha, beta, c: 1 });
      const s = sbgModel({ alpha, beta });
      for (const t of [1, 2, 7, 50]) {
        expect(b.survival(t)).toBeCloseTo(s.survival(t), 13);
        expect(b.churnProbability(t)).toBeCloseTo(s.churnProbability(t), 13);
        expect(b.retentionRate(t)).toBeCloseTo(s.retentionRate(t), 13);
      }
      const cohorts = [{ alive: [1000, 631, 468, 382] }];
      expect(bdwLogLikelihood(cohorts, alpha, beta, 1)).toBeCloseTo(sbgLogLikelihood(cohorts, alpha, beta), 9);
      // series DERL (BdW) against the sBG closed form via 2F1
      expect(b.discountedExpectedResidualLifetime(0.1, 3)).toBeCloseTo(s.discountedExpectedResidualLifetime(0.1, 3), 10);
    }
  });

  it('hand-computed: alpha = beta = 1, c = 2 gives S(t) = 1/(1 + t^2)', () => {
    const m = bdwModel({ alpha: 1, beta: 1, c: 2 });
    for (const t of [1, 2, 3]) expect(m.survival(t)).toBeCloseTo(1 / (1 + t * t), 14);
    expect(m.churnProbability(2)).toBeCloseTo(1 / 2 - 1 / 5, 14);
    expect(m.retentionRate(3)).toBeCloseTo(5 / 10, 14);
  });

  it('analytic gradient matches central differences', () => {
    const cohorts = [{ alive: [1000, 631, 468, 382, 326, 289] }];
    const g = new Float64Array(3);
    const p = [0.8, 1.4, 0.7];
    bdwLogLikelihood(cohorts, p[0], p[1], p[2], g);
    for (let i = 0; i < 3; i++) {
      const h = 1e-6;
      const up = p.slice();
      const dn = p.slice();
      up[i] += h;
      dn[i] -= h;
      const fd = (bdwLogLikelihood(cohorts, up[0], up[1], up[2]) - bdwLogLikelihood(cohorts, dn[0], dn[1], dn[2])) / (2 * h);
      expect(g[i]).toBeCloseTo(fd, 4);
    }
  });

  it('log survival is finite far out and for tiny c', () => {
    expect(Number.isFinite(bdwLogSurvival(0.5, 0.5, 3, 1e5))).toBe(true);
    expect(bdwModel({ alpha: 0.5, beta: 0.5, c: 0.01 }).churnProbability(1000)).toBeGreaterThan(0);
  });

  for (const c of [0.6, 1.5]) {
    it(`recovers alpha = 1.1, beta = 2.5, c = ${c} from 50,000 simulated customers (within 3 SE)`, () => {
      const alive = simulateBdwCohort(7 + Math.round(c * 10), 50_000, 1.1, 2.5, c, 10);
      const fit = fitBdw(alive);
      expect(fit.converged).toBe(true);
      expect(Math.abs(fit.params.alpha - 1.1)).toBeLessThan(3 * fit.standardErrors.alpha);
      expect(Math.abs(fit.params.beta - 2.5)).toBeLessThan(3 * fit.standardErrors.beta);
      expect(Math.abs(fit.params.c - c)).toBeLessThan(3 * fit.standardErrors.c);
    });
  }

  it('on sBG-simulated data c is within 3 SE of 1 and the fit is at least as good as the sBG', () => {
    const rng = createRng(99);
    const alive = new Array(9).fill(0);
    for (let i = 0; i < 50_000; i++) {
      const theta = rng.beta(0.9, 2.2);
      alive[0]++;
      for (let t = 1; t <= 8; t++) {
        if (rng.uniform() < theta) break;
        alive[t]++;
      }
    }
    const b = fitBdw(alive);
    const s = fitSbg(alive);
    expect(Math.abs(b.params.c - 1)).toBeLessThan(3 * b.standardErrors.c);
    expect(b.logLikelihood).toBeGreaterThanOrEqual(s.logLikelihood - 1e-6);
  });

  it('needs periods 0..3 to identify c', () => {
    expect(() => fitBdw([100, 80, 70])).toThrow(/at least periods 0\.\.3/);
  });
});

describe.runIf(sharedDataAvailable('sbg_retention.csv'))('BdW on sbg_retention.csv (years 1-7, 1,000 customers a group)', () => {
  const rows = readFileSync(sharedPath('sbg_retention.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',').map(Number));
  for (const col of [1, 2]) {
    it(`column ${col}: nests the sBG (LL at least as high) and projects years 8-12 within 2 points`, () => {
      const percent = rows.map((r) => r[col]);
      const alive = survivorsFromPercentages(percent.slice(0, 8), 1000);
      const b = fitBdw(alive);
      const s = fitSbg(alive);
      expect(b.logLikelihood).toBeGreaterThanOrEqual(s.logLikelihood - 1e-6);
      const projected = b.survivalCurve(12).map((v) => 100 * v);
      for (let year = 8; year <= 12; year++) expect(Math.abs(projected[year] - percent[year])).toBeLessThan(2);
    });
  }
});
