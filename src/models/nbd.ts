/**
 * NBD model (Ehrenberg 1959; the "NBD" benchmark of Platzer & Reutterer 2016, "Ticking away the
 * moments", Marketing Science 35(5), §3): purchases follow a Poisson process with rate
 * λ ~ Gamma(r, α) and customers never drop out. It is the limit of the BG/NBD as the dropout
 * probability vanishes (b → ∞ at fixed a), and of the Pareto/NBD as the dropout rate vanishes.
 */
import { ClvkitError } from '../errors.ts';
import type { SummaryData, SummaryRow } from '../types.ts';
import { checkHorizon, checkPositiveParams, checkSummaryRow, logNbdPmf, type TransactionModel } from './bgnbd.ts';
import { fitWithEngine, prepareSummary, type LikelihoodProblem, type PreparedSummary } from './fit.ts';
import { digamma, gammaln, trigamma } from './special.ts';
import type { FitOptions, FitResultBase } from './types.ts';

/**
 * NBD parameters: purchase rates Gamma(r, alpha).
 *
 * @example
 * const p: NbdParams = { r: 0.385, alpha: 12.072 };
 */
export interface NbdParams extends Record<string, number> {
  r: number;
  alpha: number;
}

/**
 * An NBD model: fit results, predictions and the discounted expected residual transactions.
 *
 * @example
 * const m: NbdModel = fitNbd(summary);
 * m.probabilityAlive({ frequency: 0, recency: 0, T: 39 }); // 1: nobody drops out
 */
export interface NbdModel extends FitResultBase<NbdParams>, TransactionModel {
  model: 'nbd';
  /** DERT: (r+x)/((α+T) δ), purchases after T discounted continuously at rate δ (closed form: no dropout). */
  discountedExpectedResidualTransactions(row: SummaryRow, delta: number): number;
}

const NAMES = ['r', 'alpha'];

/**
 * Per-row NBD log-likelihood of the purchase times (Platzer & Reutterer 2016, eq. for the NBD):
 * log[Γ(r+x) α^r / (Γ(r) (α+T)^{r+x})], unweighted; t_x does not enter.
 *
 * @example
 * nbdLogLikelihood({ r: 1, alpha: 1 }, { frequency: [0], recency: [0], T: [1] }); // [log(1/2)]
 */
export function nbdLogLikelihood(params: NbdParams, data: SummaryData): Float64Array {
  const { r, alpha } = params;
  const n = data.frequency.length;
  const out = new Float64Array(n);
  const lgr = gammaln(r);
  for (let i = 0; i < n; i++) {
    const x = data.frequency[i];
    out[i] = gammaln(r + x) - lgr - r * Math.log1p(data.T[i] / alpha) - x * Math.log(alpha + data.T[i]);
  }
  return out;
}

/**
 * The weighted NBD likelihood over a prepared summary with analytic gradient and Hessian.
 *
 * @example
 * const problem = nbdProblem(prepareSummary(summary, 'nbd'));
 */
export function nbdProblem(prep: PreparedSummary): LikelihoodProblem {
  const { frequency, T, weights, rows, distinctFrequencies: xs, frequencyIndex: fi } = prep;
  const K = xs.length;
  const wx = new Float64Array(K);
  for (let i = 0; i < rows; i++) wx[fi[i]] += weights[i];
  const compute = (p: Float64Array, grad?: Float64Array, hess?: Float64Array): number => {
    const r = p[0];
    const alpha = p[1];
    let ll = 0;
    let gR = 0;
    let gA = 0;
    let hRR = 0;
    let hRA = 0;
    let hAA = 0;
    const lgr = gammaln(r);
    const psiR = grad ? digamma(r) : 0;
    const triR = hess ? trigamma(r) : 0;
    for (let k = 0; k < K; k++) {
      ll += wx[k] * (gammaln(r + xs[k]) - lgr);
      if (grad) gR += wx[k] * (digamma(r + xs[k]) - psiR);
      if (hess) hRR += wx[k] * (trigamma(r + xs[k]) - triR);
    }
    for (let i = 0; i < rows; i++) {
      const w = weights[i];
      const x = frequency[i];
      const t = T[i];
      const at = alpha + t;
      const l1 = Math.log1p(t / alpha);
      ll += w * (-r * l1 - x * Math.log(at));
      if (grad) {
        gR -= w * l1;
        // d/dα [r log α - (r+x) log(α+T)] = r/α - (r+x)/(α+T)
        gA += w * (r / alpha - (r + x) / at);
      }
      if (hess) {
        hRA += w * (1 / alpha - 1 / at);
        hAA += w * (-r / (alpha * alpha) + (r + x) / (at * at));
      }
    }
    if (grad) {
      grad[0] = gR;
      grad[1] = gA;
    }
    if (hess) {
      hess[0] = hRR;
      hess[1] = hRA;
      hess[2] = hRA;
      hess[3] = hAA;
    }
    return ll;
  };
  let sx = 0;
  let sT = 0;
  for (let i = 0; i < rows; i++) {
    sx += weights[i] * frequency[i];
    sT += weights[i] * T[i];
  }
  const r0 = 0.5;
  const g2 = new Float64Array(2);
  return {
    names: NAMES.slice(),
    initial: [r0, Math.min(Math.max(r0 / Math.max(sx / Math.max(sT, 1e-12), 1e-12), 1e-3), 1e6)],
    observations: prep.customers,
    logLikelihood: (p) => compute(p),
    gradient: (p, g) => compute(p, g),
    hessian: (p, h, g) => compute(p, g ?? g2, h),
  };
}

/**
 * Prediction methods of an NBD model (posterior λ | x, T ~ Gamma(r+x, α+T); everybody stays alive).
 *
 * @example
 * nbdPredictions({ r: 1, alpha: 2 }).expectedTransactions(4); // r t / α = 2
 */
export function nbdPredictions(params: NbdParams): TransactionModel & Pick<NbdModel, 'discountedExpectedResidualTransactions'> {
  const { r, alpha } = params;
  const each = (data: SummaryData, f: (x: number, T: number) => number) => {
    const out = new Float64Array(data.frequency.length);
    for (let i = 0; i < out.length; i++) out[i] = f(data.frequency[i], data.T[i]);
    return out;
  };
  return {
    // E[X(t)] = r t / α (mean of the NBD count)
    expectedTransactions: (t) => (checkHorizon(t), (r * t) / alpha),
    // E[Y(t) | x, T] = (r+x) t / (α+T): the Gamma posterior mean rate times t
    conditionalExpectedTransactions(t, row) {
      checkHorizon(t);
      checkSummaryRow(row);
      return ((r + row.frequency) * t) / (alpha + row.T);
    },
    probabilityAlive: (row) => (checkSummaryRow(row), 1),
    probabilityOfTransactions: (n, t) => (checkHorizon(t), !(n >= 0) || Math.floor(n) !== n ? 0 : Math.exp(logNbdPmf(n, r, alpha, t))),
    conditionalProbabilityOfTransactions(n, t, row) {
      checkHorizon(t);
      checkSummaryRow(row);
      return !(n >= 0) || Math.floor(n) !== n ? 0 : Math.exp(logNbdPmf(n, r + row.frequency, alpha + row.T, t));
    },
    probabilityAliveAll: (data) => new Float64Array(data.frequency.length).fill(1),
    conditionalExpectedTransactionsAll: (t, data) => (checkHorizon(t), each(data, (x, T) => ((r + x) * t) / (alpha + T))),
    // ∫_0^∞ e^{-δu} (r+x)/(α+T) du: constant posterior rate, no dropout
    discountedExpectedResidualTransactions(row, delta) {
      checkSummaryRow(row);
      if (!(delta > 0) || !Number.isFinite(delta)) throw new ClvkitError(`discount rate delta must be a positive number, got ${delta}`);
      return (r + row.frequency) / ((alpha + row.T) * delta);
    },
  };
}

/**
 * An NBD model from known parameters (no fitting): predictions only.
 *
 * @example
 * nbdModel({ r: 0.385, alpha: 12.072 }).expectedTransactions(39);
 */
export function nbdModel(params: NbdParams): NbdModel {
  checkPositiveParams('nbd', params, NAMES);
  const p = { r: params.r, alpha: params.alpha };
  return {
    model: 'nbd',
    params: p,
    standardErrors: { r: NaN, alpha: NaN },
    logLikelihood: NaN,
    converged: false,
    iterations: 0,
    aic: NaN,
    bic: NaN,
    customers: 0,
    warning: 'built from parameters, not fitted',
    ...nbdPredictions(p),
  };
}

/**
 * Fits the NBD model by maximum likelihood on the compressed summary (analytic gradient and Hessian).
 *
 * @example
 * const m = fitNbd({ frequency, recency, T });
 * m.params; // { r, alpha }
 */
export function fitNbd(data: SummaryData, options: FitOptions = {}): NbdModel {
  const prep = prepareSummary(data, 'nbd');
  const base = fitWithEngine<NbdParams>('nbd', nbdProblem(prep), options);
  return { ...base, model: 'nbd', ...nbdPredictions(base.params) };
}
