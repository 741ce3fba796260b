import type { ReferralModelChoice, ReferralProjection, ReferralValueInputs } from './crv.ts';
import { fitReferralNbd, holdoutLogLikelihood, standardise, type ReferralCounts, type ReferralNbd } from './referral-nbd.ts';

/** Customers used at most by the holdout comparison of the referral models. */
const HOLDOUT_CUSTOMERS = 200_000;

/**
 * Fit the referral NBD, with purchase-behaviour covariates when asked (`always`) or, with `auto`, when they
 * improve the predictive log-likelihood of the referrals after a calibration end (both models fitted on the
 * referrals before it, scored on those after).
 *
 * @example
 * const choice = chooseReferralModel(inputs, counts, start, exposure, projection, warnings);
 * choice.covariates; // true when purchase behaviour improved the holdout fit
 */
export function chooseReferralModel(inputs: ReferralValueInputs, counts: Int32Array, start: Float64Array, exposure: Float64Array, P: ReferralProjection, warnings: string[]): ReferralModelChoice {
  const mode = P.covariateMode ?? 'auto';
  const names = P.covariates ? P.covariates.map((_, j) => `covariate${j + 1}`) : [];
  const hasCovariates = (P.covariates?.length ?? 0) > 0;
  const full = (withCov: boolean) => fitReferralNbd({ counts, exposure, covariates: withCov ? P.covariates!.map(standardise) : undefined });
  const choice = (fit: ReferralNbd, covariates: boolean, holdout?: ReferralModelChoice['holdout']): ReferralModelChoice => {
    if (fit.warning) warnings.push(`referral model: ${fit.warning}`);
    return { fit, covariates, covariateNames: names, holdout, valuePerReferral: NaN, newCustomerValue: NaN };
  };
  if (!hasCovariates || mode === 'none') return choice(full(false), false);
  if (mode === 'always') return choice(full(true), true);
  // holdout comparison: fit both on referrals up to the calibration end, score the later referrals
  const n = counts.length;
  let minStart = Infinity;
  for (let i = 0; i < n; i++) minStart = Math.min(minStart, start[i]);
  const calEnd = P.calibrationEnd ?? Math.floor(inputs.end - (inputs.end - minStart) / 3);
  const eligible: number[] = [];
  for (let i = 0; i < n; i++) if (start[i] <= calEnd) eligible.push(i);
  // the comparison only chooses the model: on a large base, every k-th customer (at most HOLDOUT_CUSTOMERS) is enough
  const stride = Math.ceil(eligible.length / HOLDOUT_CUSTOMERS);
  const idx = stride > 1 ? eligible.filter((_, j) => j % stride === 0) : eligible;
  const m = idx.length;
  const calCounts = new Float64Array(m);
  const calExposure = new Float64Array(m);
  const holdCounts = new Float64Array(m);
  const holdExposure = new Float64Array(m).fill((inputs.end - calEnd) / inputs.unitDays);
  const pos = new Int32Array(n).fill(-1);
  idx.forEach((i, j) => {
    pos[i] = j;
    calExposure[j] = (calEnd - start[i] + 1) / inputs.unitDays;
  });
  const R = inputs.referrals;
  for (let k = 0; k < R.length; k++) {
    const j = R.referrer[k] >= 0 ? pos[R.referrer[k]] : -1;
    if (j < 0) continue;
    if (R.day[k] <= calEnd) calCounts[j]++;
    else holdCounts[j]++;
  }
  let calTotal = 0;
  let holdTotal = 0;
  for (let j = 0; j < m; j++) {
    calTotal += calCounts[j];
    holdTotal += holdCounts[j];
  }
  if (calTotal === 0 || holdTotal === 0 || !(calEnd < inputs.end)) {
    warnings.push('referral model: too few referrals before and after the calibration end to compare models on a holdout; fitted without covariates');
    return choice(full(false), false);
  }
  const calCov = (P.calibrationCovariates ?? P.covariates!).map((c) => standardise(idx.map((i) => c[i])));
  if (!P.calibrationCovariates) warnings.push('referral model: covariates for the holdout comparison are taken over the whole observation (no calibration covariates given)');
  const calibration: ReferralCounts = { counts: calCounts, exposure: calExposure };
  const calibrationCov: ReferralCounts = { ...calibration, covariates: calCov };
  const without = holdoutLogLikelihood(fitReferralNbd(calibration), calibration, holdCounts, holdExposure);
  let withCov: number | undefined;
  try {
    withCov = holdoutLogLikelihood(fitReferralNbd(calibrationCov), calibrationCov, holdCounts, holdExposure);
  } catch (e) {
    warnings.push(`referral model with covariates failed on the calibration period (${(e as Error).message}); fitted without covariates`);
  }
  const holdout = { calibrationEnd: calEnd, customers: m, withoutCovariates: without, withCovariates: withCov };
  const better = withCov !== undefined && withCov > without;
  return choice(full(better), better, holdout);
}

