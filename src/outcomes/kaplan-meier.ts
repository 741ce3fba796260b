import { normalQuantile } from '../stdlib.ts';
import { sortedFloat64 } from '../sort-float64.ts';

/**
 * One step of a Kaplan-Meier curve: at time `t`, `at_risk` subjects were still under observation
 * just before t, `events` ended at t and `censored` were last seen at t (censorings at the same time
 * as events are taken to come just after them, the usual convention).
 *
 * @example
 * const step: KmStep = kaplanMeier([9, 13], [1, 0]).steps[0]; // { t: 9, at_risk: 2, events: 1, survival: 0.5, ... }
 */
export interface KmStep {
  t: number;
  at_risk: number;
  events: number;
  censored: number;
  survival: number;
  /** Greenwood standard error of the survival, S·sqrt(Σ d/(n(n−d))). */
  se: number;
  /** Log-log ("exponential Greenwood") band: the default, always inside [0, 1]. */
  lower: number;
  upper: number;
  /** Plain band S ± z·se, clipped to [0, 1]. */
  lower_plain: number;
  upper_plain: number;
}

/**
 * The Kaplan-Meier estimate with its median and interval.
 *
 * @example
 * const km: KaplanMeier = kaplanMeier([9, 13, 18], [1, 0, 1]); // km.median = 18
 */
export interface KaplanMeier {
  steps: KmStep[];
  n: number;
  events: number;
  level: number;
  /** Smallest t with S(t) <= 0.5 (NaN when the curve never reaches 0.5). */
  median: number;
  /** Brookmeyer-Crowley interval from the log-log band: where the lower and upper bands first reach 0.5 (NaN = not reached). */
  median_lower: number;
  median_upper: number;
  /** S(t): the step function, 1 before the first event. */
  survivalAt(t: number): number;
}

/**
 * Kaplan-Meier product-limit estimator (Kaplan & Meier 1958, JASA 53, the product-limit estimate: S(t) = Π_{t_i <= t} (1 − d_i/n_i))
 * with Greenwood's variance (Greenwood 1926; Klein & Moeschberger 2003, Survival Analysis, eq. 4.2.2)
 * and two pointwise bands: plain S ± z·se, and log-log S^(1/θ) .. S^θ with θ = exp(z·σ/ln S),
 * σ² = Σ d/(n(n−d)) (Klein & Moeschberger 2003, eq. 4.3.2; Kalbfleisch & Prentice 1980). Steps are
 * listed at every distinct time with an event or a censoring.
 *
 * @example
 * // AML, maintained group (Miller 1981): 9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+
 * const km = kaplanMeier([9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0]);
 * km.survivalAt(13); // 0.8182
 * km.median;         // 31
 */
export function kaplanMeier(times: ArrayLike<number>, events: ArrayLike<number | boolean>, level = 0.95): KaplanMeier {
  const n = times.length;
  // event and censoring times, each sorted (typed arrays: a million subjects sort in tens of milliseconds);
  // a step is every distinct time of either, in ascending order, with its counts of both
  let ne = 0;
  for (let i = 0; i < n; i++) if (events[i]) ne++;
  const et = new Float64Array(ne);
  const ct = new Float64Array(n - ne);
  let nan = false;
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    const t = +times[i];
    if (t !== t) nan = true;
    if (events[i]) et[a++] = t;
    else ct[b++] = t;
  }
  if (nan) return kaplanMeierOrdered(times, events, level);
  // the radix sort of a million times: the same order as Float64Array#sort, a fraction of its time
  const eventTimes = sortedFloat64(et);
  const censorTimes = sortedFloat64(ct);
  return kaplanMeierSorted(eventTimes, censorTimes, n, level);
}

/** The estimate from the event and censoring times, each sorted ascending (kaplanMeier's steps). */
function kaplanMeierSorted(et: Float64Array, ct: Float64Array, n: number, level: number): KaplanMeier {
  const ne = et.length;
  const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
  const steps: KmStep[] = [];
  let atRisk = n;
  let s = 1;
  let sigma2 = 0;
  let totalEvents = 0;
  for (let a = 0, b = 0; a < ne || b < ct.length; ) {
    const t = b >= ct.length || (a < ne && et[a] <= ct[b]) ? et[a] : ct[b];
    let d = 0;
    let c = 0;
    while (a < ne && et[a] === t) {
      d++;
      a++;
    }
    while (b < ct.length && ct[b] === t) {
      c++;
      b++;
    }
    if (d > 0) {
      s *= 1 - d / atRisk; // product-limit step, Kaplan & Meier (1958)
      sigma2 += atRisk > d ? d / (atRisk * (atRisk - d)) : Infinity; // Greenwood (1926); K&M 2003 eq. 4.2.2
    }
    totalEvents += d;
    steps.push({ t, at_risk: atRisk, events: d, censored: c, survival: s, ...bands(s, sigma2, z) });
    atRisk -= d + c;
  }
  return estimate(steps, n, totalEvents, level);
}

/** The estimator over an index order (times with NaN, whose order a comparator decides). */
function kaplanMeierOrdered(times: ArrayLike<number>, events: ArrayLike<number | boolean>, level: number): KaplanMeier {
  const n = times.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => times[a] - times[b]);
  const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
  const steps: KmStep[] = [];
  let atRisk = n;
  let s = 1;
  let sigma2 = 0;
  let totalEvents = 0;
  for (let k = 0; k < n; ) {
    const t = times[order[k]];
    let d = 0;
    let c = 0;
    while (k < n && times[order[k]] === t) {
      if (events[order[k]]) d++;
      else c++;
      k++;
    }
    if (d > 0) {
      s *= 1 - d / atRisk; // product-limit step, Kaplan & Meier (1958)
      sigma2 += atRisk > d ? d / (atRisk * (atRisk - d)) : Infinity; // Greenwood (1926); K&M 2003 eq. 4.2.2
    }
    totalEvents += d;
    steps.push({ t, at_risk: atRisk, events: d, censored: c, survival: s, ...bands(s, sigma2, z) });
    atRisk -= d + c;
  }
  return estimate(steps, n, totalEvents, level);
}

function estimate(steps: KmStep[], n: number, totalEvents: number, level: number): KaplanMeier {
  const median = firstAtOrBelow(steps, (x) => x.survival);
  return {
    steps,
    n,
    events: totalEvents,
    level,
    median,
    // Brookmeyer & Crowley (1982), Biometrics 38: {t : 0.5 inside the band}, read where each band crosses 0.5.
    median_lower: firstAtOrBelow(steps, (x) => x.lower),
    median_upper: firstAtOrBelow(steps, (x) => x.upper),
    survivalAt: (t) => survivalAt(steps, t),
  };
}

function bands(s: number, sigma2: number, z: number): Pick<KmStep, 'se' | 'lower' | 'upper' | 'lower_plain' | 'upper_plain'> {
  if (s === 0 || !Number.isFinite(sigma2)) return { se: NaN, lower: NaN, upper: NaN, lower_plain: NaN, upper_plain: NaN };
  const sigma = Math.sqrt(sigma2);
  const se = s * sigma; // Greenwood: Var S = S² Σ d/(n(n−d))
  if (s === 1) return { se: 0, lower: 1, upper: 1, lower_plain: 1, upper_plain: 1 };
  const theta = Math.exp((z * sigma) / Math.log(s)); // Klein & Moeschberger (2003), eq. 4.3.2
  return {
    se,
    lower: Math.pow(s, 1 / theta),
    upper: Math.pow(s, theta),
    lower_plain: Math.max(0, s - z * se),
    upper_plain: Math.min(1, s + z * se),
  };
}

function firstAtOrBelow(steps: KmStep[], value: (s: KmStep) => number): number {
  // A band is undefined where S = 0; it is 0 there.
  for (const st of steps) if (st.events > 0 && (st.survival === 0 ? 0 : value(st)) <= 0.5) return st.t;
  return NaN;
}

function survivalAt(steps: KmStep[], t: number): number {
  let s = 1;
  for (const st of steps) {
    if (st.t > t) break;
    s = st.survival;
  }
  return s;
}
