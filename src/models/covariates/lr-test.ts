/**
 * Likelihood-ratio test between nested maximum-likelihood fits (Wilks 1938): 2 (LL_full − LL_restricted)
 * is asymptotically χ² with as many degrees of freedom as the restrictions.
 */
import { chisquareCdf as chisqCdf } from '../../stdlib.ts';
import { ClvkitError } from '../../errors.ts';

/**
 * The test's statistic, degrees of freedom and p-value.
 *
 * @example
 * const t: LikelihoodRatioTest = { statistic: 10.943, df: 1, p: 0.00094 };
 */
export interface LikelihoodRatioTest {
  statistic: number;
  df: number;
  p: number;
}

/**
 * LR test of a restricted fit against the fit it is nested in (fits with `logLikelihood` and
 * `parameters`, the count of free parameters; a plain fit without covariates has 4).
 *
 * @example
 * likelihoodRatioTest({ logLikelihood: -5821.0627, parameters: 8 }, { logLikelihood: -5826.5342, parameters: 7 });
 * // { statistic: 10.943, df: 1, p: 0.00094 }
 */
export function likelihoodRatioTest(full: { logLikelihood: number; parameters: number }, restricted: { logLikelihood: number; parameters: number }): LikelihoodRatioTest {
  const df = full.parameters - restricted.parameters;
  if (!(df > 0)) throw new ClvkitError(`likelihood-ratio test: the full model must have more parameters than the restricted one (got ${full.parameters} and ${restricted.parameters})`);
  // a restricted optimum can sit a hair above the full one through rounding: the statistic is then 0
  const statistic = Math.max(0, 2 * (full.logLikelihood - restricted.logLikelihood));
  return { statistic, df, p: 1 - chisqCdf(statistic, df) };
}
