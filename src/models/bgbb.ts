/**
 * BG/BB model of discrete-time non-contractual purchasing (Fader, Hardie & Shang 2010, "Customer-base
 * analysis in a discrete-time noncontractual setting", Marketing Science 29(6)).
 *
 * At each of n transaction opportunities a customer who is still alive first dies with probability theta,
 * then (if alive) transacts with probability p; p ~ Beta(alpha, beta), theta ~ Beta(gamma, delta).
 * Data per customer: x = frequency (repeat transactions), t_x = recency (opportunity of the last one,
 * 0 when x = 0) and n = periods (opportunities observed). Fitted on weighted unique (x, t_x, n) rows.
 */
import { betaln, digamma, gammaln } from '../stdlib.ts';
import { ClvkitError } from '../errors.ts';
import { fitWithEngine } from './fit.ts';
import { hyp2f1UnitA } from './sbg.ts';
import { logBetaRatio } from './special.ts';
import type { FitOptions, FitResultBase } from './types.ts';

/**
 * BG/BB parameters: p ~ Beta(alpha, beta), theta ~ Beta(gamma, delta).
 *
 * @example
 * const p: BgBbParams = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 */
export interface BgBbParams extends Record<string, number> {
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
}

/**
 * Columnar BG/BB input, like donations.csv: `frequency,recency,periods[,weights]`.
 *
 * @example
 * const data: BgBbData = { frequency: [0, 1, 6], recency: [0, 1, 6], periods: [6, 6, 6], weights: [3464, 1091, 1203] };
 */
export interface BgBbData {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  periods: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

/**
 * One customer's history: x repeat transactions, the last at opportunity t_x, out of n opportunities.
 * `periods` (n) may be given as `T` (the CLI's common row shape).
 *
 * @example
 * const row: BgBbRow = { frequency: 3, recency: 5, periods: 6 };
 */
export interface BgBbRow {
  frequency: number;
  recency: number;
  periods?: number;
  T?: number;
}

/**
 * A fitted (or parameterised) BG/BB model and its predictions, all in opportunities (periods).
 *
 * @example
 * const m = bgBbModel({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
 * m.conditionalExpectedTransactions(5, { frequency: 6, recency: 6, periods: 6 });
 */
export interface BgBbModel extends FitResultBase<BgBbParams> {
  model: 'bgbb';
  /** E[X(n)]: expected transactions of a new customer over n opportunities. */
  expectedTransactions(n: number): number;
  /** E[X(n, n + nStar) | x, t_x, n]: expected transactions in the next nStar opportunities. */
  conditionalExpectedTransactions(nStar: number, row: BgBbRow): number;
  /** P(alive at opportunity n + 1 | x, t_x, n). */
  probabilityAlive(row: BgBbRow): number;
  /** P(X(n) = x) for a new customer. */
  probabilityOfTransactions(x: number, n: number): number;
  /** P(X(n, n + nStar) = xStar | x, t_x, n): probability of xStar transactions in the next nStar opportunities. */
  conditionalProbabilityOfTransactions(xStar: number, nStar: number, row: BgBbRow): number;
  /** DERT(d | x, t_x, n): discounted expected residual transactions, discount rate d per period. */
  discountedExpectedResidualTransactions(row: BgBbRow, discountRate: number): number;
  /** Log-likelihood of one history, log L(alpha, beta, gamma, delta | x, t_x, n). */
  logLikelihoodOf(row: BgBbRow): number;
}

type Row = { x: number; tx: number; n: number };

function rowOf(row: BgBbRow): Row {
  const n = row.periods ?? row.T;
  if (n === undefined) throw new ClvkitError('a BG/BB row needs periods (the number of transaction opportunities)');
  const r = { x: row.frequency, tx: row.recency, n };
  const problem = checkRow(r.x, r.tx, r.n);
  if (problem) throw new ClvkitError(problem);
  return r;
}

/**
 * Why (x, t_x, n) is not a valid BG/BB history, or undefined.
 *
 * @example
 * checkBgBbRow(3, 2, 6); // 'frequency (3) cannot exceed recency (2): ...'
 */
export function checkBgBbRow(x: number, tx: number, n: number): string | undefined {
  return checkRow(x, tx, n);
}

function checkRow(x: number, tx: number, n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0) return `periods must be a whole number >= 0, got ${n}`;
  if (!Number.isInteger(x) || x < 0) return `frequency must be a whole number >= 0, got ${x}`;
  if (!Number.isInteger(tx) || tx < 0) return `recency must be a whole number >= 0, got ${tx}`;
  if (tx > n) return `recency (${tx}) cannot exceed periods (${n})`;
  if (x > tx) return `frequency (${x}) cannot exceed recency (${tx}): x transactions need at least x opportunities`;
  if (x > 0 && tx === 0) return 'recency must be >= 1 when frequency > 0';
  if (x === 0 && tx !== 0) return `recency must be 0 when frequency is 0, got ${tx}`;
  return undefined;
}

function logSumExp(v: number[]): number {
  let m = -Infinity;
  for (const a of v) if (a > m) m = a;
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (const a of v) s += Math.exp(a - m);
  return m + Math.log(s);
}

/**
 * log L(alpha, beta, gamma, delta | x, t_x, n) (Fader, Hardie & Shang 2010, §3: the model likelihood):
 * B(a+x, b+n-x)/B(a,b) * B(g, d+n)/B(g,d) + sum_{i=0}^{n-t_x-1} B(a+x, b+t_x-x+i)/B(a,b) * B(g+1, d+t_x+i)/B(g,d),
 * summed in log space. With `grad` (length 4), also its gradient wrt (alpha, beta, gamma, delta).
 *
 * @example
 * bgBbLogLikelihoodRow({ alpha: 1, beta: 1, gamma: 1, delta: 1 }, 0, 0, 1); // log(1/2 * 1/2 + 1/2) = log(0.75)
 */
export function bgBbLogLikelihoodRow(p: BgBbParams, x: number, tx: number, n: number, grad?: Float64Array): number {
  const { alpha: a, beta: b, gamma: g, delta: d } = p;
  const lBab = betaln(a, b);
  const lBgd = betaln(g, d);
  const terms: number[] = [];
  // term k: B(a+x, b+k1)/B(a,b) * B(g+e, d+k2)/B(g,d)
  const k1s: number[] = [n - x];
  const es: number[] = [0];
  const k2s: number[] = [n];
  for (let i = 0; i <= n - tx - 1; i++) {
    k1s.push(tx - x + i);
    es.push(1);
    k2s.push(tx + i);
  }
  for (let k = 0; k < k1s.length; k++) terms.push(betaln(a + x, b + k1s[k]) - lBab + betaln(g + es[k], d + k2s[k]) - lBgd);
  const ll = logSumExp(terms);
  if (grad) {
    const pab = digamma(a + b);
    const pgd = digamma(g + d);
    const pa = digamma(a);
    const pb = digamma(b);
    const pg = digamma(g);
    const pd = digamma(d);
    const pax = digamma(a + x);
    grad.fill(0);
    for (let k = 0; k < terms.length; k++) {
      const w = Math.exp(terms[k] - ll);
      if (w === 0) continue;
      const s1 = digamma(a + b + x + k1s[k]);
      const s2 = digamma(g + d + es[k] + k2s[k]);
      // d/da log B(a, b) = psi(a) - psi(a + b); d/db log B(a, b) = psi(b) - psi(a + b).
      grad[0] += w * (pax - s1 - pa + pab);
      grad[1] += w * (digamma(b + k1s[k]) - s1 - pb + pab);
      grad[2] += w * (digamma(g + es[k]) - s2 - pg + pgd);
      grad[3] += w * (digamma(d + k2s[k]) - s2 - pd + pgd);
    }
  }
  return ll;
}

/**
 * Sum_{t=from}^{from+count-1} B(gamma, delta + t) / B(gamma, delta) = sum of E[(1-theta)^t]: by a running
 * product for up to 2e6 terms, else the telescoped closed form of Fader, Hardie & Shang (2010, §3: E[X(n)] and E[X(n, n+n*)]).
 */
function survivalSum(g: number, d: number, from: number, count: number): number {
  if (count <= 0) return 0;
  if (count <= 2_000_000) {
    let r = Math.exp(betaln(g, d + from) - betaln(g, d));
    let s = 0;
    for (let t = from; t < from + count; t++) {
      s += r;
      r *= (d + t) / (g + d + t);
    }
    return s;
  }
  const to = from + count; // sum_{t=from}^{to-1}
  if (Math.abs(g - 1) < 1e-6) return d * (digamma(d + to) - digamma(d + from)); // gamma = 1: sum d/(d+t)
  // sum_{t>=from} B(g, d+t)/B(g,d) telescopes to Gamma(g+d) Gamma(d+from) / ((g-1) Gamma(d) Gamma(g+d+from-1)).
  const c = gammaln(g + d) - gammaln(d);
  const head = Math.exp(c + gammaln(d + from) - gammaln(g + d + from - 1));
  const tail = Math.exp(c + gammaln(d + to) - gammaln(g + d + to - 1));
  return (head - tail) / (g - 1);
}

/**
 * log of survivalSum, summed relative to its first term so that a first term below the double range
 * (gamma huge, long histories) does not turn the conditional expectation into 0 x Infinity; the first
 * term B(gamma, delta + from)/B(gamma, delta) as a product of ratios (exact for huge gamma).
 */
function logSurvivalSum(g: number, d: number, from: number, count: number): number {
  if (count <= 0) return -Infinity;
  if (count > 2_000_000) return Math.log(survivalSum(g, d, from, count));
  const l0 = logBetaRatio(g, d, 0, from);
  let r = 1;
  let s = 0;
  for (let t = from; t < from + count; t++) {
    s += r;
    r *= (d + t) / (g + d + t);
  }
  return l0 + Math.log(s);
}

/**
 * A BG/BB model from known parameters (no fit).
 *
 * @example
 * const m = bgBbModel({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
 * m.probabilityAlive({ frequency: 3, recency: 4, periods: 6 });
 */
export function bgBbModel(params: BgBbParams, fit?: Omit<FitResultBase<BgBbParams>, 'params' | 'model'>): BgBbModel {
  for (const [k, v] of Object.entries(params)) {
    if (!(v > 0) || !Number.isFinite(v)) throw new ClvkitError(`parameter ${k} must be a positive finite number, got ${v}`);
  }
  const { alpha: a, beta: b, gamma: g, delta: d } = params;
  const p: BgBbParams = { alpha: a, beta: b, gamma: g, delta: d };
  const lBab = betaln(a, b);
  const lBgd = betaln(g, d);
  const logL = (r: Row) => bgBbLogLikelihoodRow(p, r.x, r.tx, r.n);
  const checkCount = (v: number, what: string) => {
    if (!Number.isInteger(v) || v < 0) throw new ClvkitError(`${what} must be a whole number of periods >= 0, got ${v}`);
  };
  return {
    model: 'bgbb',
    params: p,
    logLikelihood: fit?.logLikelihood ?? NaN,
    standardErrors: fit?.standardErrors ?? { alpha: NaN, beta: NaN, gamma: NaN, delta: NaN },
    converged: fit?.converged ?? true,
    iterations: fit?.iterations ?? 0,
    aic: fit?.aic ?? NaN,
    bic: fit?.bic ?? NaN,
    customers: fit?.customers ?? 0,
    ...(fit?.covariance ? { covariance: fit.covariance } : {}),
    ...(fit?.warning ? { warning: fit.warning } : {}),
    // E[X(n)] = alpha/(alpha+beta) * sum_{t=1}^n B(gamma, delta+t)/B(gamma, delta)  (FHS 2010 §3, E[X(n)], written as a sum).
    expectedTransactions(n) {
      checkCount(n, 'n');
      return (a / (a + b)) * survivalSum(g, d, 1, n);
    },
    // E[X(n, n+n*) | x, t_x, n] = B(a+x+1, b+n-x)/B(a,b) * sum_{t=1}^{n*} B(g, d+n+t)/B(g,d) / L  (FHS 2010 §3, conditional expectation).
    conditionalExpectedTransactions(nStar, row) {
      checkCount(nStar, 'the horizon');
      const r = rowOf(row);
      return nStar === 0 ? 0 : Math.exp(betaln(a + r.x + 1, b + r.n - r.x) - lBab - logL(r) + logSurvivalSum(g, d, r.n + 1, nStar));
    },
    // P(alive at n+1 | x, t_x, n) = B(a+x, b+n-x)/B(a,b) * B(g, d+n+1)/B(g,d) / L  (FHS 2010 §3, P(alive in period n+1)).
    probabilityAlive(row) {
      const r = rowOf(row);
      return Math.exp(betaln(a + r.x, b + r.n - r.x) - lBab + betaln(g, d + r.n + 1) - lBgd - logL(r));
    },
    // P(X(n)=x) = C(n,x) B(a+x,b+n-x)/B(a,b) B(g,d+n)/B(g,d) + sum_{i=x}^{n-1} C(i,x) B(a+x,b+i-x)/B(a,b) B(g+1,d+i)/B(g,d)  (FHS 2010 §3, P(X(n)=x)).
    probabilityOfTransactions(x, n) {
      checkCount(n, 'n');
      checkCount(x, 'x');
      if (x > n) return 0;
      const lchoose = (m: number, k: number) => gammaln(m + 1) - gammaln(k + 1) - gammaln(m - k + 1);
      const terms = [lchoose(n, x) + betaln(a + x, b + n - x) - lBab + betaln(g, d + n) - lBgd];
      for (let i = x; i <= n - 1; i++) terms.push(lchoose(i, x) + betaln(a + x, b + i - x) - lBab + betaln(g + 1, d + i) - lBgd);
      return Math.exp(logSumExp(terms));
    },
    // P(X(n,n+n*) = x* | x, t_x, n) (FHS 2010 §3, conditional pmf): the history's likelihood times the future's,
    // integrated over p and theta, over L; customers already dead at n (L minus the alive-at-n term) add to x* = 0.
    conditionalProbabilityOfTransactions(xStar, nStar, row) {
      checkCount(nStar, 'the horizon');
      checkCount(xStar, 'the number of transactions');
      const r = rowOf(row);
      if (xStar > nStar) return 0;
      const ll = logL(r);
      const lchoose = (m: number, k: number) => gammaln(m + 1) - gammaln(k + 1) - gammaln(m - k + 1);
      const xa = a + r.x + xStar;
      const terms = [lchoose(nStar, xStar) + betaln(xa, b + r.n - r.x + nStar - xStar) - lBab + betaln(g, d + r.n + nStar) - lBgd];
      for (let i = xStar; i <= nStar - 1; i++) {
        terms.push(lchoose(i, xStar) + betaln(xa, b + r.n - r.x + i - xStar) - lBab + betaln(g + 1, d + r.n + i) - lBgd);
      }
      let p = Math.exp(logSumExp(terms) - ll);
      if (xStar === 0) {
        const aliveAtN = betaln(a + r.x, b + r.n - r.x) - lBab + betaln(g, d + r.n) - lBgd;
        p += -Math.expm1(aliveAtN - ll); // 1 - P(alive at n | history)
      }
      return p;
    },
    // DERT = B(a+x+1,b+n-x)/B(a,b) * B(g,d+n+1)/(B(g,d)(1+d_r)) * 2F1(1, d+n+1; g+d+n+1; 1/(1+d_r)) / L  (FHS 2010 §3, DERT).
    discountedExpectedResidualTransactions(row, discountRate) {
      if (!(discountRate > 0) || !Number.isFinite(discountRate)) {
        throw new ClvkitError(`the discount rate per period must be > 0, got ${discountRate}`);
      }
      const r = rowOf(row);
      const lead = betaln(a + r.x + 1, b + r.n - r.x) - lBab + betaln(g, d + r.n + 1) - lBgd - logL(r) - Math.log1p(discountRate);
      return Math.exp(lead) * hyp2f1UnitA(d + r.n + 1, g + d + r.n + 1, 1 / (1 + discountRate));
    },
    logLikelihoodOf(row) {
      return logL(rowOf(row));
    },
  };
}

/**
 * Collapse BG/BB rows to unique (x, t_x, n) with summed weights; validates every row
 * (a ClvkitError names the row, 1-based).
 *
 * @example
 * compressBgBb({ frequency: [1, 1], recency: [2, 2], periods: [6, 6] }); // one row of weight 2
 */
export function compressBgBb(data: BgBbData): { x: number[]; tx: number[]; n: number[]; w: number[] } {
  const len = data.frequency.length;
  if (data.recency.length !== len || data.periods.length !== len || (data.weights && data.weights.length !== len)) {
    throw new ClvkitError('frequency, recency, periods (and weights) must have the same length');
  }
  const index = new Map<string, number>();
  const out = { x: [] as number[], tx: [] as number[], n: [] as number[], w: [] as number[] };
  for (let i = 0; i < len; i++) {
    const x = data.frequency[i];
    const tx = data.recency[i];
    const n = data.periods[i];
    const w = data.weights ? data.weights[i] : 1;
    const problem = checkRow(x, tx, n);
    if (problem) throw new ClvkitError(`row ${i + 1}: ${problem}`);
    if (!(w >= 0) || !Number.isFinite(w)) throw new ClvkitError(`row ${i + 1}: weight must be a number >= 0, got ${w}`);
    if (w === 0) continue;
    const key = `${x},${tx},${n}`;
    const k = index.get(key);
    if (k === undefined) {
      index.set(key, out.x.length);
      out.x.push(x);
      out.tx.push(tx);
      out.n.push(n);
      out.w.push(w);
    } else out.w[k] += w;
  }
  return out;
}

/**
 * Fit the BG/BB by maximum likelihood (FHS 2010 §3 likelihood, summed over weighted rows), with analytic gradients.
 *
 * @example
 * const fitted = fitBgBb({ frequency, recency, periods, weights }); // donations.csv
 * fitted.params; // { alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783 }
 * fitted.discountedExpectedResidualTransactions({ frequency: 6, recency: 6, periods: 6 }, 0.1);
 */
export function fitBgBb(data: BgBbData, options: FitOptions = {}): BgBbModel {
  const c = compressBgBb(data);
  const customers = c.w.reduce((s, v) => s + v, 0);
  if (c.x.length === 0) throw new ClvkitError('no customers to fit (all weights are 0)');
  if (!c.x.some((x, i) => x > 0 && c.w[i] > 0)) throw new ClvkitError('no repeat transactions at all: the BG/BB cannot be identified');
  const rowGrad = new Float64Array(4);
  const ll = (q: Float64Array, grad?: Float64Array) => {
    const p = { alpha: q[0], beta: q[1], gamma: q[2], delta: q[3] };
    let total = 0;
    if (grad) grad.fill(0);
    for (let i = 0; i < c.x.length; i++) {
      total += c.w[i] * bgBbLogLikelihoodRow(p, c.x[i], c.tx[i], c.n[i], grad ? rowGrad : undefined);
      if (grad) for (let k = 0; k < 4; k++) grad[k] += c.w[i] * rowGrad[k];
    }
    return total;
  };
  const base = fitWithEngine<BgBbParams>(
    'bgbb',
    {
      names: ['alpha', 'beta', 'gamma', 'delta'],
      initial: [1, 1, 1, 1],
      logLikelihood: (q) => ll(q),
      gradient: (q, g) => ll(q, g),
      observations: customers,
    },
    options,
  );
  return bgBbModel(base.params, { ...base, customers });
}
