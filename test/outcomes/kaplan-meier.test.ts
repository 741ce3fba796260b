import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/outcomes/kaplan-meier.ts';

// AML, maintained-chemotherapy group (Miller 1981, Survival Analysis, p. 49; also R's `aml` data):
// 9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+ weeks.
const TIMES = [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161];
const EVENTS = [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0];

describe('Kaplan-Meier on the AML maintained group', () => {
  const km = kaplanMeier(TIMES, EVENTS);
  const at = (t: number) => km.steps.find((s) => s.t === t)!;

  it('product-limit estimates computed by hand', () => {
    // S(9) = 10/11; S(13) = S(9)·9/10 (the censoring at 13 comes after the death);
    // S(18) = S(13)·7/8; S(23) = S(18)·6/7; S(31) = S(23)·4/5; S(34) = S(31)·3/4; S(48) = S(34)·1/2.
    const s9 = 10 / 11;
    const s13 = s9 * (9 / 10);
    const s18 = s13 * (7 / 8);
    const s23 = s18 * (6 / 7);
    const s31 = s23 * (4 / 5);
    const s34 = s31 * (3 / 4);
    const s48 = s34 * (1 / 2);
    expect(at(9).survival).toBeCloseTo(s9, 12); // 0.9091
    expect(at(13).survival).toBeCloseTo(s13, 12); // 0.8182
    expect(at(18).survival).toBeCloseTo(s18, 12); // 0.7159
    expect(at(23).survival).toBeCloseTo(s23, 12); // 0.6136
    expect(at(31).survival).toBeCloseTo(s31, 12); // 0.4909
    expect(at(34).survival).toBeCloseTo(s34, 12); // 0.3682
    expect(at(48).survival).toBeCloseTo(s48, 12); // 0.1841
    expect(km.survivalAt(30)).toBeCloseTo(s23, 12);
    expect(km.survivalAt(5)).toBe(1);
    expect(at(13)).toMatchObject({ at_risk: 10, events: 1, censored: 1 });
    expect(at(28)).toMatchObject({ at_risk: 6, events: 0, censored: 1 });
  });

  it('Greenwood standard errors computed by hand (textbooks print 0.0867, 0.1163, 0.1397, 0.1526, 0.1642, 0.1627, 0.1535)', () => {
    // se(t) = S(t)·sqrt(Σ d/(n(n−d))) over event times up to t.
    const terms = [1 / (11 * 10), 1 / (10 * 9), 1 / (8 * 7), 1 / (7 * 6), 1 / (5 * 4), 1 / (4 * 3), 1 / (2 * 1)];
    const eventTimes = [9, 13, 18, 23, 31, 34, 48];
    let sum = 0;
    eventTimes.forEach((t, k) => {
      sum += terms[k];
      expect(at(t).se).toBeCloseTo(at(t).survival * Math.sqrt(sum), 12);
    });
    expect(at(13).se).toBeCloseTo(0.1163, 4);
    expect(at(48).se).toBeCloseTo(0.1535, 4);
  });

  it('log-log and plain bands from their formulas', () => {
    const z = 1.959963984540054;
    const s = at(13).survival;
    const sigma = Math.sqrt(1 / 110 + 1 / 90);
    // Klein & Moeschberger eq. 4.3.2: θ = exp(z σ / ln S), band [S^(1/θ), S^θ].
    const theta = Math.exp((z * sigma) / Math.log(s));
    expect(at(13).lower).toBeCloseTo(Math.pow(s, 1 / theta), 12); // ≈ 0.447
    expect(at(13).upper).toBeCloseTo(Math.pow(s, theta), 12); // ≈ 0.951
    expect(at(13).lower_plain).toBeCloseTo(s - z * s * sigma, 12);
    expect(at(13).upper_plain).toBe(1); // clipped
  });

  it('median 31 weeks; its interval from where the log-log band crosses 0.5', () => {
    expect(km.median).toBe(31);
    // lower band first <= 0.5 at 13 (0.447); the upper band stays above 0.5 (0.525 at 48): no upper limit.
    expect(km.median_lower).toBe(13);
    expect(Number.isNaN(km.median_upper)).toBe(true);
  });
});

describe('Kaplan-Meier edge cases', () => {
  it('a cohort of one, with an event', () => {
    const km = kaplanMeier([5], [1]);
    expect(km.steps).toHaveLength(1);
    expect(km.steps[0].survival).toBe(0);
    expect(km.median).toBe(5);
  });

  it('all censored: survival stays 1 and there is no median', () => {
    const km = kaplanMeier([3, 4, 4, 9], [0, 0, 0, 0]);
    expect(km.steps.every((s) => s.survival === 1)).toBe(true);
    expect(Number.isNaN(km.median)).toBe(true);
    expect(km.events).toBe(0);
  });

  it('ties between events and censorings: censored ones stay at risk at that time', () => {
    // times 2, 2, 2+, 3: at t = 2, n = 4, d = 2 -> S = 1/2; at t = 3, n = 1, d = 1 -> S = 0.
    const km = kaplanMeier([2, 2, 2, 3], [1, 1, 0, 1]);
    expect(km.steps[0]).toMatchObject({ t: 2, at_risk: 4, events: 2, censored: 1, survival: 0.5 });
    expect(km.steps[1]).toMatchObject({ t: 3, at_risk: 1, events: 1, survival: 0 });
  });

  it('the input order does not matter', () => {
    const a = kaplanMeier(TIMES, EVENTS);
    const idx = TIMES.map((_, i) => i).reverse();
    const b = kaplanMeier(idx.map((i) => TIMES[i]), idx.map((i) => EVENTS[i]));
    expect(b.steps).toEqual(a.steps);
  });
});
