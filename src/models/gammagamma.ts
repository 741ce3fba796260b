/**
 * Gamma-Gamma model of monetary value (Fader, Hardie & Lee 2005b, "RFM and CLV: using iso-value curves for
 * customer base analysis", JMR 42(4); Fader & Hardie 2013, "The Gamma-Gamma model of monetary value").
 *
 * A customer's transaction values z_i ~ Gamma(p, nu), nu ~ Gamma(q, v) across customers (the note's gamma is
 * our `v`). The mean m of x repeat transactions is the sufficient statistic. The model assumes spend is
 * independent of frequency: the fit reports their correlation among repeat buyers.
 */
import { digamma, gammaln } from '../stdlib.ts';
import { ClvkitError } from '../errors.ts';
import { fitWithEngine } from './fit.ts';
import type { FitOptions, FitResultBase } from './types.ts';

/**
 * Gamma-Gamma parameters: z ~ Gamma(p, nu), nu ~ Gamma(q, v).
 *
 * @example
 * const p: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };
 */
export interface GammaGammaParams extends Record<string, number> {
  p: number;
  q: number;
  v: number;
}

/**
 * Input: frequency (repeat transactions) and monetaryValue (mean value of those repeat transactions) per customer.
 * Customers with frequency 0 are ignored in the fit.
 *
 * @example
 * const data: GammaGammaData = { frequency: [2, 1, 0], monetaryValue: [22.35, 11.77, 0] };
 */
export interface GammaGammaData {
  frequency: ArrayLike<number>;
  monetaryValue: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

/**
 * A fitted (or parameterised) Gamma-Gamma model.
 *
 * @example
 * const m = gammaGammaModel({ p: 6.25, q: 3.74, v: 15.44 });
 * m.expectedAverageSpend(); // p v / (q - 1) = 35.22
 * m.conditionalExpectedAverageSpend(2, 22.35);
 */
export interface GammaGammaModel extends FitResultBase<GammaGammaParams> {
  model: 'gammagamma';
  /** Pearson correlation of frequency and monetary value among the repeat buyers fitted (NaN without a fit). */
  frequencySpendCorrelation: number;
  /** Customers left out of the fit because their mean repeat spend was not positive. */
  excludedNonPositiveSpend: number;
  /** E[M] = p v / (q - 1), the population mean spend per transaction (Infinity when q <= 1). */
  expectedAverageSpend(): number;
  /** E[M | x, m] = p (v + x m) / (p x + q - 1), the conditional mean spend per transaction. */
  conditionalExpectedAverageSpend(frequency: number, monetaryValue: number): number;
}

/**
 * log f(m | p, q, v, x): density of the mean m of x transactions (Fader & Hardie 2013 note, §2, the
 * distribution of the mean; FHL 2005b, the spend submodel): Gamma(px+q)/(Gamma(px) Gamma(q)) v^q m^(px-1) x^(px) / (v + m x)^(px+q).
 * With `grad` (length 3) adds its gradient wrt (p, q, v).
 *
 * @example
 * gammaGammaLogLikelihoodRow({ p: 1, q: 1, v: 1 }, 1, 1); // log(1/4)
 */
export function gammaGammaLogLikelihoodRow(params: GammaGammaParams, x: number, m: number, grad?: Float64Array | number[]): number {
  const { p, q, v } = params;
  const px = p * x;
  const lvm = Math.log(v + m * x);
  const ll = gammaln(px + q) - gammaln(px) - gammaln(q) + q * Math.log(v) + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * lvm;
  if (grad) {
    const s = digamma(px + q);
    grad[0] = x * (s - digamma(px) + Math.log(m) + Math.log(x) - lvm);
    grad[1] = s - digamma(q) + Math.log(v) - lvm;
    grad[2] = q / v - (px + q) / (v + m * x);
  }
  return ll;
}

/** Weighted Pearson correlation coefficient of two equal-length samples (NaN when either is constant). */
function pearson(a: ArrayLike<number>, b: ArrayLike<number>, w?: ArrayLike<number>): number {
  let sw = 0;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < a.length; i++) {
    const wi = w ? w[i] : 1;
    sw += wi;
    ma += wi * a[i];
    mb += wi * b[i];
  }
  ma /= sw;
  mb /= sw;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const wi = w ? w[i] : 1;
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += wi * da * db;
    saa += wi * da * da;
    sbb += wi * db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}

/**
 * A Gamma-Gamma model from known parameters (no fit).
 *
 * @example
 * gammaGammaModel({ p: 6.25, q: 3.74, v: 15.44 }).conditionalExpectedAverageSpend(0, 0); // = population mean
 */
export function gammaGammaModel(
  params: GammaGammaParams,
  fit?: Omit<FitResultBase<GammaGammaParams>, 'params' | 'model'> & { frequencySpendCorrelation?: number; excludedNonPositiveSpend?: number },
): GammaGammaModel {
  for (const [k, val] of Object.entries(params)) {
    if (!(val > 0) || !Number.isFinite(val)) throw new ClvkitError(`parameter ${k} must be a positive finite number, got ${val}`);
  }
  const { p, q, v } = params;
  return {
    model: 'gammagamma',
    params: { p, q, v },
    logLikelihood: fit?.logLikelihood ?? NaN,
    standardErrors: fit?.standardErrors ?? { p: NaN, q: NaN, v: NaN },
    converged: fit?.converged ?? true,
    iterations: fit?.iterations ?? 0,
    aic: fit?.aic ?? NaN,
    bic: fit?.bic ?? NaN,
    customers: fit?.customers ?? 0,
    ...(fit?.covariance ? { covariance: fit.covariance } : {}),
    ...(fit?.warning ? { warning: fit.warning } : {}),
    frequencySpendCorrelation: fit?.frequencySpendCorrelation ?? NaN,
    excludedNonPositiveSpend: fit?.excludedNonPositiveSpend ?? 0,
    // E[M] = p v / (q - 1)   (Fader & Hardie 2013 note, mean of the marginal distribution of zeta; FHL 2005b).
    expectedAverageSpend: () => (q > 1 ? (p * v) / (q - 1) : Infinity),
    // E[M | p, q, v, m, x] = p (v + m x) / (p x + q - 1)   (Fader & Hardie 2013 note, the conditional expectation; FHL 2005b).
    conditionalExpectedAverageSpend(frequency, monetaryValue) {
      if (!(frequency >= 0) || !Number.isFinite(frequency)) throw new ClvkitError(`frequency must be >= 0, got ${frequency}`);
      if (frequency === 0) return q > 1 ? (p * v) / (q - 1) : Infinity;
      if (!(monetaryValue >= 0) || !Number.isFinite(monetaryValue)) {
        throw new ClvkitError(`monetary value must be a number >= 0, got ${monetaryValue}`);
      }
      const denom = p * frequency + q - 1;
      return denom > 0 ? (p * (v + monetaryValue * frequency)) / denom : Infinity;
    },
  };
}

/**
 * Fit the Gamma-Gamma model on the repeat buyers (frequency > 0 and a positive mean spend), by maximum
 * likelihood with analytic gradients; reports the frequency-spend correlation the model assumes is zero.
 *
 * @example
 * const fitted = fitGammaGamma({ frequency: summary.frequency, monetaryValue: summary.monetaryValue });
 * fitted.params; // CDNOW: { p: 6.25, q: 3.74, v: 15.44 }
 * fitted.frequencySpendCorrelation; // 0.11 on CDNOW
 */
export function fitGammaGamma(data: GammaGammaData, options: FitOptions = {}): GammaGammaModel {
  const len = data.frequency.length;
  if (data.monetaryValue.length !== len || (data.weights && data.weights.length !== len)) {
    throw new ClvkitError('frequency and monetaryValue (and weights) must have the same length');
  }
  // The repeat buyers with a positive mean spend, in input order (typed columns; weights only when given).
  let rows = 0;
  let excluded = 0;
  for (let i = 0; i < len; i++) {
    const x = data.frequency[i];
    const w = data.weights ? data.weights[i] : 1;
    if (!(x >= 0) || !Number.isFinite(x)) throw new ClvkitError(`row ${i + 1}: frequency must be a number >= 0, got ${x}`);
    if (x === 0 || w === 0) continue;
    const m = data.monetaryValue[i];
    if (Number.isNaN(m)) throw new ClvkitError(`row ${i + 1}: monetary value is missing for a repeat buyer`);
    if (!(m > 0)) excluded += w;
    else rows++;
  }
  const xs = new Float64Array(rows);
  const ms = new Float64Array(rows);
  const ws = data.weights ? new Float64Array(rows) : undefined;
  for (let i = 0, j = 0; i < len; i++) {
    const x = data.frequency[i];
    const w = data.weights ? data.weights[i] : 1;
    const m = data.monetaryValue[i];
    if (x === 0 || w === 0 || !(m > 0)) continue;
    xs[j] = x;
    ms[j] = m;
    if (ws) ws[j] = w;
    j++;
  }
  let customers = 0;
  for (let i = 0; i < rows; i++) customers += ws ? ws[i] : 1;
  if (rows < 2) throw new ClvkitError(`the Gamma-Gamma model needs repeat buyers with a positive mean spend; found ${rows}`);
  // Moment start: the mean spend and its spread set p v/(q-1); start at p = 1, q = 2 matched to the mean.
  let sumM = 0;
  for (let i = 0; i < rows; i++) sumM += ms[i] * (ws ? ws[i] : 1);
  const meanM = sumM / customers;
  // Terms that depend on x only are computed once per distinct x (same density as gammaGammaLogLikelihoodRow),
  // and within an x the repeated mean spends once each, weighted (a million customers have about a
  // third as many distinct (x, m) pairs: mean spends are sums of amounts in cents over x).
  // Groups in first-seen order of x; Σ w log m summed in input order within a group.
  // (frequencies are whole counts below 65,536 in every summary made here: a table; any other value: a Map)
  const small = new Int32Array(65536).fill(-1);
  const groupOf = new Map<number, number>();
  const groupX: number[] = [];
  const groupW: number[] = [];
  const groupWlogm: number[] = [];
  const groupRows: number[] = [];
  const rowGroup = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const x = xs[i];
    const whole = x < 65536 && (x | 0) === x;
    let g = whole ? small[x] : groupOf.get(x);
    if (g === undefined || g < 0) {
      g = groupX.length;
      if (whole) small[x] = g;
      else groupOf.set(x, g);
      groupX.push(x), groupW.push(0), groupWlogm.push(0), groupRows.push(0);
    }
    const w = ws ? ws[i] : 1;
    groupW[g] += w;
    groupWlogm[g] += w * Math.log(ms[i]);
    groupRows[g]++;
    rowGroup[i] = g;
  }
  // each group's mean spends (with their weights) side by side, then sorted within the group
  const G = groupX.length;
  const start = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) start[g + 1] = start[g] + groupRows[g];
  const fill = start.slice(0, G);
  const sortedM = new Float64Array(rows);
  const order = ws ? new Int32Array(rows) : undefined;
  for (let i = 0; i < rows; i++) {
    const at = fill[rowGroup[i]]++;
    sortedM[at] = ms[i];
    if (order) order[at] = i;
  }
  // the distinct mean spends of each group and their summed weights, written in place after the group's start
  const uniqueM = new Float64Array(rows);
  const uniqueW = new Float64Array(rows);
  const glist = groupX.map((x, g) => {
    let u = start[g];
    if (ws) {
      const idx = Array.from(order!.subarray(start[g], start[g + 1])).sort((a, b) => ms[a] - ms[b]);
      for (const i of idx) {
        if (u > start[g] && uniqueM[u - 1] === ms[i]) uniqueW[u - 1] += ws[i];
        else (uniqueM[u] = ms[i]), (uniqueW[u] = ws[i]), u++;
      }
    } else {
      // Unweighted (the usual case): a numeric sort of the values, then runs.
      const sorted = sortedM.subarray(start[g], start[g + 1]).sort();
      for (let k = 0; k < sorted.length; k++) {
        const v = sorted[k];
        if (u > start[g] && uniqueM[u - 1] === v) uniqueW[u - 1]++;
        else (uniqueM[u] = v), (uniqueW[u] = 1), u++;
      }
    }
    return [x, { w: groupW[g], wlogm: groupWlogm[g], m: uniqueM.subarray(start[g], u), mw: uniqueW.subarray(start[g], u) }] as const;
  });
  const ll = (t: Float64Array, grad?: Float64Array) => {
    const [p, q, v] = [t[0], t[1], t[2]];
    const lv = Math.log(v);
    let total = 0;
    let gp = 0;
    let gq = 0;
    let gv = 0;
    const dq = grad ? digamma(q) : 0;
    for (const [x, g] of glist) {
      const px = p * x;
      const lx = Math.log(x);
      let sumLog = 0;
      let sumInv = 0;
      const gm = g.m;
      const gw = g.mw;
      for (let k = 0; k < gm.length; k++) {
        const a = v + gm[k] * x;
        sumLog += gw[k] * Math.log(a);
        if (grad) sumInv += gw[k] / a;
      }
      total += g.w * (gammaln(px + q) - gammaln(px) - gammaln(q) + q * lv + px * lx) + (px - 1) * g.wlogm - (px + q) * sumLog;
      if (grad) {
        const s = digamma(px + q);
        gp += x * (g.w * (s - digamma(px) + lx) + g.wlogm - sumLog);
        gq += g.w * (s - dq + lv) - sumLog;
        gv += (g.w * q) / v - (px + q) * sumInv;
      }
    }
    if (grad) {
      grad[0] = gp;
      grad[1] = gq;
      grad[2] = gv;
    }
    return total;
  };
  const base = fitWithEngine<GammaGammaParams>(
    'gammagamma',
    {
      names: ['p', 'q', 'v'],
      initial: [1, 2, meanM],
      logLikelihood: (t) => ll(t),
      gradient: (t, g) => ll(t, g),
      observations: customers,
    },
    options,
  );
  return gammaGammaModel(base.params, {
    ...base,
    customers,
    frequencySpendCorrelation: pearson(xs, ms, ws),
    excludedNonPositiveSpend: excluded,
  });
}
