/**
 * BG/NBD with time-invariant covariates (Fader & Hardie 2007, "Incorporating time-invariant covariates
 * into the Pareto/NBD and BG/NBD models"): α_i = α exp(−γ_p'z_i) in the purchase process, and the
 * dropout probability's Beta(a, b) with a_i = a exp(γ_d'z_i), b_i = b exp(γ_d'z_i) (the specification of
 * CLVTools). Given (α_i, a_i, b_i) the customer's likelihood and predictions are the BG/NBD's
 * (Fader, Hardie & Lee 2005a).
 */
import type { SummaryData } from '../../types.ts';
import { bgFamilyPredictions, bgFamilyProblem, fitBgNbd, type BgNbdParams } from '../bgnbd.ts';
import type { CovariateMatrix } from './design.ts';
import { fitStaticCovariates, startData, type CovariateSpec, type FamilyLinks, type StaticCovariateFit } from './static-fit.ts';
import { covariatePredictions, type CovariatePredictions } from './predict.ts';

/** α (index 1) scales down by exp(γ_p'z); a and b (indices 2, 3) both scale up by exp(γ_d'z). */
export const BGNBD_LINKS: FamilyLinks = {
  names: ['r', 'alpha', 'a', 'b'],
  purchase: [{ index: 1, sign: -1 }],
  dropout: [{ index: 2, sign: 1 }, { index: 3, sign: 1 }],
};

/**
 * A BG/NBD fitted with static covariates.
 *
 * @example
 * const m: BgNbdCovariateModel = fitBgNbdCovariates(summary, matrix);
 */
export interface BgNbdCovariateModel extends StaticCovariateFit, CovariatePredictions {
  model: 'bgnbd';
  covariates: 'static';
  params: BgNbdParams;
}

/**
 * Fits the BG/NBD with static covariates, starting from the fit without covariates.
 *
 * @example
 * const m = fitBgNbdCovariates(summary, matrix, { purchase: ['Channel'], dropout: ['Gender'] });
 */
export function fitBgNbdCovariates(data: SummaryData, matrix: CovariateMatrix, spec: CovariateSpec = {}): BgNbdCovariateModel {
  const base = fitBgNbd(startData(data), { acceptNonConverged: true });
  const start = [base.params.r, base.params.alpha, base.params.a, base.params.b];
  const fit = fitStaticCovariates('bgnbd', data, matrix, spec, BGNBD_LINKS, (prep) => bgFamilyProblem('bgnbd', prep, Infinity), start);
  return {
    ...fit,
    model: 'bgnbd',
    covariates: 'static',
    params: fit.params as BgNbdParams,
    ...covariatePredictions(fit.customerParams, (p) => bgFamilyPredictions('bgnbd', p as BgNbdParams)),
  };
}
