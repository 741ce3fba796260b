/**
 * Pareto/NBD with time-invariant covariates (Fader & Hardie 2007, "Incorporating time-invariant
 * covariates into the Pareto/NBD and BG/NBD models", eq. for α_i and β_i): α_i = α exp(−γ_p'z_i),
 * β_i = β exp(−γ_d'z_i), so exp(γ_p) multiplies the mean purchase rate r/α_i and exp(γ_d) the mean
 * dropout rate s/β_i. Given (α_i, β_i) the customer's likelihood and predictions are the Pareto/NBD's.
 */
import type { SummaryData } from '../../types.ts';
import { fitParetoNbd, paretoNbdPredictions, paretoNbdProblem, type ParetoNbdParams } from '../paretonbd.ts';
import type { CovariateMatrix } from './design.ts';
import { fitStaticCovariates, startData, type CovariateSpec, type FamilyLinks, type StaticCovariateFit } from './static-fit.ts';
import { paretoNbdRowDerivatives } from './paretonbd-row.ts';
import { covariatePredictions, type CovariatePredictions } from './predict.ts';

/** α (index 1) and β (index 3) scale down by exp(γ'z): Fader & Hardie (2007). */
export const PARETO_LINKS: FamilyLinks = {
  names: ['r', 'alpha', 's', 'beta'],
  purchase: [{ index: 1, sign: -1 }],
  dropout: [{ index: 3, sign: -1 }],
};

/**
 * A Pareto/NBD fitted with static covariates.
 *
 * @example
 * const m: ParetoNbdCovariateModel = fitParetoNbdCovariates(summary, matrix);
 * m.coefficients; m.probabilityAliveAll(summary, matrix);
 */
export interface ParetoNbdCovariateModel extends StaticCovariateFit, CovariatePredictions {
  model: 'paretonbd';
  covariates: 'static';
  params: ParetoNbdParams;
}

/**
 * Fits the Pareto/NBD with static covariates by maximum likelihood (Newton on exact derivatives),
 * starting from the fit without covariates.
 *
 * @example
 * const m = fitParetoNbdCovariates(summary, matrix, { constrained: ['Gender'] });
 * m.logLikelihood; // apparel data, Gender and Channel in both processes: −5,821.06
 */
export function fitParetoNbdCovariates(data: SummaryData, matrix: CovariateMatrix, spec: CovariateSpec = {}): ParetoNbdCovariateModel {
  const base = fitParetoNbd(startData(data), { acceptNonConverged: true });
  const start = [base.params.r, base.params.alpha, base.params.s, base.params.beta];
  const fit = fitStaticCovariates('paretonbd', data, matrix, spec, PARETO_LINKS, (prep) => paretoNbdProblem(prep, Infinity), start, paretoNbdRowDerivatives);
  return {
    ...fit,
    model: 'paretonbd',
    covariates: 'static',
    params: fit.params as ParetoNbdParams,
    ...covariatePredictions(fit.customerParams, (p) => paretoNbdPredictions(p as ParetoNbdParams)),
  };
}
