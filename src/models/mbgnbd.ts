/**
 * MBG/NBD model (Batislam, Denizel & Filiztekin 2007, "Empirical validation and comparison of
 * models for customer base analysis", International Journal of Research in Marketing 24(3), 201-209).
 *
 * As the BG/NBD (Fader, Hardie & Lee 2005a) but a customer may also become inactive right after
 * the first purchase (at time 0), so customers with no repeat purchase can be inactive too.
 */
import { bgFamilyFitted, bgFamilyLogLikelihood, bgFamilyPredictions, bgFamilyProblem, checkPositiveParams, type BgNbdParams, type TransactionModel } from './bgnbd.ts';
import { fitWithEngine, prepareSummary } from './fit.ts';
import type { FitOptions, FitResultBase } from './types.ts';
import type { SummaryData } from '../types.ts';

/**
 * MBG/NBD parameters (same names as BG/NBD): Gamma(r, alpha) purchase rates, Beta(a, b) dropout.
 *
 * @example
 * const p: MbgNbdParams = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
 */
export type MbgNbdParams = BgNbdParams;

/**
 * An MBG/NBD model: fit results plus predictions.
 *
 * @example
 * const m: MbgNbdModel = fitMbgNbd(summary);
 * m.probabilityAlive({ frequency: 0, recency: 0, T: 38.86 }); // < 1, unlike BG/NBD
 */
export interface MbgNbdModel extends FitResultBase<MbgNbdParams>, TransactionModel {
  model: 'mbgnbd';
}

/**
 * Per-row MBG/NBD log-likelihood (Batislam et al. 2007, MBG/NBD likelihood), unweighted:
 * L = B(a,b+x+1)/B(a,b) Γ(r+x)α^r/(Γ(r)(α+T)^{r+x}) + B(a+1,b+x)/B(a,b) Γ(r+x)α^r/(Γ(r)(α+t_x)^{r+x}).
 *
 * @example
 * mbgNbdLogLikelihood({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, { frequency: [0], recency: [0], T: [38.86] });
 */
export function mbgNbdLogLikelihood(params: MbgNbdParams, data: SummaryData): Float64Array {
  return bgFamilyLogLikelihood('mbgnbd', params, data);
}

/**
 * An MBG/NBD model from known parameters (no fitting): predictions only.
 *
 * @example
 * const m = mbgNbdModel({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 });
 * m.expectedTransactions(39);
 */
export function mbgNbdModel(params: MbgNbdParams): MbgNbdModel {
  checkPositiveParams('mbgnbd', params, ['r', 'alpha', 'a', 'b']);
  const p = { r: params.r, alpha: params.alpha, a: params.a, b: params.b };
  return {
    model: 'mbgnbd',
    params: p,
    standardErrors: { r: NaN, alpha: NaN, a: NaN, b: NaN },
    logLikelihood: NaN,
    converged: false,
    iterations: 0,
    aic: NaN,
    bic: NaN,
    customers: 0,
    warning: 'built from parameters, not fitted',
    ...bgFamilyPredictions('mbgnbd', p),
  };
}

/**
 * Fits the MBG/NBD model by maximum likelihood (Batislam et al. 2007) on the compressed
 * summary, with the analytic gradient.
 *
 * @example
 * const m = fitMbgNbd({ frequency, recency, T });
 * m.params; // CDNOW: r 0.525, alpha 6.183, a 0.891, b 1.614 (as cited)
 */
export function fitMbgNbd(data: SummaryData, options: FitOptions = {}): MbgNbdModel {
  const prep = prepareSummary(data, 'mbgnbd');
  const base = fitWithEngine<MbgNbdParams>('mbgnbd', bgFamilyProblem('mbgnbd', prep), options);
  return bgFamilyFitted('mbgnbd', { ...base, model: 'mbgnbd' as const });
}
