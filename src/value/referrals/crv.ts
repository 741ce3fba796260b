/**
 * Customer referral value (CRV), Kumar, Petersen & Leone (2010), "Driving profitability by encouraging
 * customer referrals: who, when, and how", Journal of Marketing 74(5), and (2007) HBR 85(10).
 *
 * CRV_i = Σ over i's referrals of [type one: the referred customer's CLV; type two: the acquisition cost
 * the referral saved] (the referrals already made), plus the referrals i is expected to make over the
 * horizon, each worth s·V_new + (1 − s)·ACQ, discounted like CLV (KPL 2010: CRV sums the discounted
 * value of type-one referred customers and the discounted acquisition savings of type-two ones).
 * s is the share of type one (would not have joined without the referral), from the data or an option.
 */
import { ClvkitError } from '../../errors.ts';
import { createRng } from '../../random.ts';
import type { Day } from '../../types.ts';
import { quantileSorted } from '../quantile.ts';
import type { MatchedReferrals } from './match.ts';
import { expectedReferralRate, fitReferralNbd, holdoutLogLikelihood, standardise, type ReferralCounts, type ReferralNbd } from './referral-nbd.ts';

/**
 * Per-customer inputs, in the customers' order (`referrals` matched to the same order).
 *
 * @example
 * const inputs: ReferralValueInputs = { customerIds, clv, firstDay: summary.firstPurchase, end: summary.end, unitDays: 7, referrals };
 */
export interface ReferralValueInputs {
  customerIds: readonly string[];
  /** Each customer's CLV: the value of a type-one referral of this customer. */
  clv: ArrayLike<number>;
  /** Day each customer became a customer (first purchase). */
  firstDay: ArrayLike<number>;
  /** End of observation (inclusive). */
  end: Day;
  /** Days in the model's time unit (7 for weeks): referral rates are per this unit. */
  unitDays: number;
  referrals: MatchedReferrals;
}

/**
 * How future referrals are projected (omit for past referrals only).
 *
 * @example
 * const p: ReferralProjection = { activeTime, newCustomerValue: 84.2 };
 */
export interface ReferralProjection {
  /**
   * Each customer's expected discounted time as an active customer over the horizon, in model units
   * (referrals arrive at the referral rate while active; see activeTimeFromClv).
   */
  activeTime: ArrayLike<number>;
  /** CLV of a newly acquired customer: the value of a future type-one referral. */
  newCustomerValue: number;
  /** Purchase-behaviour covariates over the whole observation, one array per covariate. */
  covariates?: ArrayLike<number>[];
  /** The same covariates from purchases up to the calibration end (for the holdout comparison). */
  calibrationCovariates?: ArrayLike<number>[];
  /** 'auto' (default): covariates when they improve the holdout log-likelihood; 'none'; 'always'. */
  covariateMode?: 'auto' | 'none' | 'always';
  /** Calibration end for the holdout comparison (default: two thirds into the observation). */
  calibrationEnd?: Day;
}

/**
 * @example
 * customerReferralValue(inputs, { typeOneShare: 0.6, acquisitionCost: 40, projection, bootstrap: 200 });
 */
export interface ReferralValueOptions {
  /** Share of type-one referrals: used for referrals whose type is not in the log (required then). */
  typeOneShare?: number;
  /** Acquisition cost saved by a type-two referral, for rows without their own cost (default: none, 0 with a warning). */
  acquisitionCost?: number;
  projection?: ReferralProjection;
  /** Bootstrap draws over customers for the intervals (default 0). */
  bootstrap?: number;
  level?: number;
  seed?: number;
  /** Keep per-customer intervals while customers × draws stays under this (default 2e7). */
  maxIntervalCells?: number;
}

/** Where the type-one share comes from: the log's would_have_joined column or the option. */
export interface TypeOneShare {
  value: number;
  source: 'data' | 'option';
  /** Referrals of known type (type one, type two). */
  known: number;
  typeOne: number;
  /** Binomial standard error when estimated from the data. */
  se?: number;
}

/**
 * CRV per customer and its parts (columnar, customers' order) with the assumptions that produced it.
 *
 * @example
 * const v: ReferralValue = customerReferralValue(inputs, options);
 * v.crv[0] === v.crvTypeOne[0] + v.crvTypeTwo[0];
 */
export interface ReferralValue {
  /** Referrals made by each customer up to the end. */
  referrals: Int32Array;
  /** Exposure: model units from the first purchase (or first referral) to the end, inclusive of the first day. */
  exposure: Float64Array;
  pastTypeOne: Float64Array;
  pastTypeTwo: Float64Array;
  /** Expected discounted number of future referrals over the horizon (0 without projection). */
  expectedReferrals: Float64Array;
  futureTypeOne: Float64Array;
  futureTypeTwo: Float64Array;
  crvTypeOne: Float64Array;
  crvTypeTwo: Float64Array;
  crv: Float64Array;
  crvLower?: Float64Array;
  crvUpper?: Float64Array;
  total: { crv: number; typeOne: number; typeTwo: number; past: number; future: number; lower?: number; upper?: number; draws?: number; level?: number };
  typeOneShare: TypeOneShare;
  /** Mean acquisition cost saved per type-two referral (the value of a future type-two referral). */
  acquisitionCost: number;
  acquisitionCostSource: 'data' | 'option' | 'none';
  model?: ReferralModelChoice;
  warnings: string[];
}

/**
 * The referral count model chosen, with the holdout comparison behind the choice.
 *
 * @example
 * v.model.covariates; // true when purchase behaviour improved the holdout fit
 */
export interface ReferralModelChoice {
  fit: ReferralNbd;
  covariates: boolean;
  covariateNames: string[];
  /** Holdout log-likelihood of the model without and with covariates (undefined when not compared). */
  holdout?: { calibrationEnd: Day; customers: number; withoutCovariates: number; withCovariates?: number };
  /** Discounted value of one future referral: s·V_new + (1 − s)·ACQ. */
  valuePerReferral: number;
  newCustomerValue: number;
}

/**
 * CRV per customer (KPL 2010): past referrals at the referred customers' CLV (type one) or the acquisition
 * cost saved (type two), an unknown type at the type-one share s; plus, with `projection`, future referrals
 * from the referral NBD × the customer's discounted active time × (s·V_new + (1 − s)·ACQ).
 *
 * @example
 * const v = customerReferralValue(inputs, { typeOneShare: 1, projection: undefined });
 * v.total.typeOne; // Σ CLV of the matched referred customers
 */
export function customerReferralValue(inputs: ReferralValueInputs, options: ReferralValueOptions = {}): ReferralValue {
  const n = inputs.customerIds.length;
  const R = inputs.referrals;
  const warnings: string[] = [];
  if (inputs.clv.length !== n || inputs.firstDay.length !== n) throw new ClvkitError(`referral value: clv and firstDay need one value per customer (${n})`);
  if (!(inputs.unitDays > 0)) throw new ClvkitError(`referral value: unitDays must be > 0, got ${inputs.unitDays}`);
  const share = typeOneShareOf(R, options.typeOneShare);
  const s = share.value;
  const acq = acquisitionCostOf(R, options.acquisitionCost, warnings);
  const referrals = new Int32Array(n);
  const start = new Float64Array(n);
  for (let i = 0; i < n; i++) start[i] = inputs.firstDay[i];
  const pastTypeOne = new Float64Array(n);
  const pastTypeTwo = new Float64Array(n);
  for (let k = 0; k < R.length; k++) {
    const i = R.referrer[k];
    if (i < 0) continue;
    referrals[i]++;
    if (R.day[k] < start[i]) start[i] = R.day[k];
    const j = R.referred[k];
    // a referred person not in the transactions never bought: CLV 0, and no acquisition happened to save
    const v1 = j >= 0 ? inputs.clv[j] : 0;
    const v2 = j >= 0 ? (Number.isNaN(R.acquisitionCost[k]) ? acq.value : R.acquisitionCost[k]) : 0;
    const t = R.type[k];
    // KPL (2010): type one counts the referred customer's value, type two the acquisition cost saved
    if (t === 1) pastTypeOne[i] += v1;
    else if (t === 0) pastTypeTwo[i] += v2;
    else {
      pastTypeOne[i] += s * v1;
      pastTypeTwo[i] += (1 - s) * v2;
    }
  }
  const exposure = new Float64Array(n);
  // the first day counts: a customer who bought on the last day was exposed for one day
  for (let i = 0; i < n; i++) exposure[i] = (inputs.end - start[i] + 1) / inputs.unitDays;
  const expectedReferrals = new Float64Array(n);
  const futureTypeOne = new Float64Array(n);
  const futureTypeTwo = new Float64Array(n);
  let model: ReferralModelChoice | undefined;
  let rate: Float64Array | undefined;
  const P = options.projection;
  let totalReferrals = 0;
  for (let i = 0; i < n; i++) totalReferrals += referrals[i];
  if (P) {
    if (P.activeTime.length !== n) throw new ClvkitError(`referral projection: activeTime needs one value per customer (${n})`);
    if (!Number.isFinite(P.newCustomerValue)) throw new ClvkitError(`referral projection: the value of a new customer must be finite, got ${P.newCustomerValue}`);
    if (totalReferrals === 0) {
      warnings.push('no referrals by customers in the log: no referral model fitted, future referrals projected at 0');
    } else {
      model = chooseModel(inputs, referrals, start, exposure, P, warnings);
      model.valuePerReferral = s * P.newCustomerValue + (1 - s) * acq.value;
      model.newCustomerValue = P.newCustomerValue;
      rate = expectedReferralRate(model.fit, { counts: referrals, exposure, covariates: model.covariates ? P.covariates!.map(standardise) : undefined });
      for (let i = 0; i < n; i++) {
        expectedReferrals[i] = rate[i] * P.activeTime[i];
        futureTypeOne[i] = expectedReferrals[i] * s * P.newCustomerValue;
        futureTypeTwo[i] = expectedReferrals[i] * (1 - s) * acq.value;
      }
    }
  }
  const crvTypeOne = new Float64Array(n);
  const crvTypeTwo = new Float64Array(n);
  const crv = new Float64Array(n);
  const total = { crv: 0, typeOne: 0, typeTwo: 0, past: 0, future: 0 } as ReferralValue['total'];
  for (let i = 0; i < n; i++) {
    crvTypeOne[i] = pastTypeOne[i] + futureTypeOne[i];
    crvTypeTwo[i] = pastTypeTwo[i] + futureTypeTwo[i];
    crv[i] = crvTypeOne[i] + crvTypeTwo[i];
    total.typeOne += crvTypeOne[i];
    total.typeTwo += crvTypeTwo[i];
    total.past += pastTypeOne[i] + pastTypeTwo[i];
    total.future += futureTypeOne[i] + futureTypeTwo[i];
  }
  total.crv = total.typeOne + total.typeTwo;
  if (share.source === 'option' && share.known < R.length) {
    warnings.push(`type-one share ${s} is an assumption (option), not in the data: ${R.length - share.known} referrals of unknown type are valued as ${s} × the referred customer's CLV + ${1 - s} × the acquisition cost saved`);
  }
  if (R.unmatchedReferred.length > 0) warnings.push(`${R.unmatchedReferred.length} referred people are not in the transaction file (never bought): valued at 0`);
  if (R.unmatchedReferrerRows > 0) warnings.push(`${R.unmatchedReferrerRows} referrals by ${R.unmatchedReferrers.length} referrers who are not customers count for no one's CRV`);
  if (R.afterEnd.count > 0) warnings.push(`${R.afterEnd.count} referrals dated after the end of observation are left out`);
  const out: ReferralValue = {
    referrals,
    exposure,
    pastTypeOne,
    pastTypeTwo,
    expectedReferrals,
    futureTypeOne,
    futureTypeTwo,
    crvTypeOne,
    crvTypeTwo,
    crv,
    total,
    typeOneShare: share,
    acquisitionCost: acq.value,
    acquisitionCostSource: acq.source,
    model,
    warnings,
  };
  if ((options.bootstrap ?? 0) > 0) bootstrapReferralValue(out, inputs, options, P);
  return out;
}

/**
 * Discounted expected active time over the horizon from the CLV model: DERT_i / E[purchase rate_i | data],
 * the posterior purchase rate of the NBD purchase process being (r + x)/(α + T) (Fader, Hardie & Lee 2005a,
 * eq. 9 form, Pareto/NBD and BG/NBD alike). DERT counts purchases while active, so this is the discounted
 * time active, in which referrals arrive at the referral rate.
 *
 * @example
 * activeTimeFromClv(value.discountedTransactions, summary, { r: 0.24, alpha: 4.41 });
 */
export function activeTimeFromClv(
  discountedTransactions: ArrayLike<number>,
  summary: { frequency: ArrayLike<number>; T: ArrayLike<number> },
  params: { r: number; alpha: number },
): Float64Array {
  const n = discountedTransactions.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rate = (params.r + summary.frequency[i]) / (params.alpha + summary.T[i]);
    out[i] = rate > 0 ? discountedTransactions[i] / rate : 0;
  }
  return out;
}

function typeOneShareOf(R: MatchedReferrals, option: number | undefined): TypeOneShare {
  let known = 0;
  let typeOne = 0;
  for (let k = 0; k < R.length; k++) {
    if (R.type[k] >= 0) known++;
    if (R.type[k] === 1) typeOne++;
  }
  if (option !== undefined) {
    if (!(option >= 0 && option <= 1)) throw new ClvkitError(`the type-one share must be between 0 and 1, got ${option}`, {}, 2);
    return { value: option, source: 'option', known, typeOne };
  }
  if (known === 0) {
    if (R.length === 0) return { value: 0, source: 'option', known, typeOne };
    throw new ClvkitError(
      'the referral log does not say which referred customers would have joined anyway (no would_have_joined values): give the type-one share (--type-one-share 0..1, the share who would not have joined without the referral)',
      {},
      2,
    );
  }
  const p = typeOne / known;
  // binomial standard error of a proportion
  return { value: p, source: 'data', known, typeOne, se: Math.sqrt((p * (1 - p)) / known) };
}

function acquisitionCostOf(R: MatchedReferrals, option: number | undefined, warnings: string[]): { value: number; source: 'data' | 'option' | 'none' } {
  if (option !== undefined) {
    if (!(option >= 0 && Number.isFinite(option))) throw new ClvkitError(`the acquisition cost must be a number >= 0, got ${option}`, {}, 2);
    return { value: option, source: 'option' };
  }
  let sum = 0;
  let count = 0;
  for (let k = 0; k < R.length; k++) {
    if (!Number.isNaN(R.acquisitionCost[k])) {
      sum += R.acquisitionCost[k];
      count++;
    }
  }
  if (count > 0) return { value: sum / count, source: 'data' };
  let typeTwoPossible = false;
  for (let k = 0; k < R.length && !typeTwoPossible; k++) typeTwoPossible = R.type[k] !== 1;
  if (typeTwoPossible) warnings.push('no acquisition cost (no acquisition_cost column, no --acquisition-cost): type-two referrals are valued at 0');
  return { value: 0, source: 'none' };
}

/** Customers used at most by the holdout comparison of the referral models. */
const HOLDOUT_CUSTOMERS = 200_000;

/** Fit the referral NBD, with purchase-behaviour covariates when asked or when they improve the holdout fit. */
function chooseModel(inputs: ReferralValueInputs, counts: Int32Array, start: Float64Array, exposure: Float64Array, P: ReferralProjection, warnings: string[]): ReferralModelChoice {
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

/** Customer bootstrap: refit the referral model (and the type-one share when from the data) on resampled customers. */
function bootstrapReferralValue(out: ReferralValue, inputs: ReferralValueInputs, options: ReferralValueOptions, P: ReferralProjection | undefined): void {
  const B = options.bootstrap!;
  const level = options.level ?? 0.9;
  if (!(level > 0 && level < 1)) throw new ClvkitError(`the interval level must be between 0 and 1, got ${level}`, {}, 2);
  const n = out.crv.length;
  const rng = createRng(options.seed ?? 1);
  const R = inputs.referrals;
  // per customer: referrals of known type and of type one (for resampling the share)
  const known = new Float64Array(n);
  const ones = new Float64Array(n);
  const unknownOne = new Float64Array(n); // Σ CLV of unknown-type referred customers
  const unknownTwo = new Float64Array(n); // Σ acquisition cost of unknown-type referred customers
  for (let k = 0; k < R.length; k++) {
    const i = R.referrer[k];
    if (i < 0) continue;
    if (R.type[k] >= 0) known[i]++;
    if (R.type[k] === 1) ones[i]++;
    if (R.type[k] < 0 && R.referred[k] >= 0) {
      unknownOne[i] += inputs.clv[R.referred[k]];
      unknownTwo[i] += Number.isNaN(R.acquisitionCost[k]) ? out.acquisitionCost : R.acquisitionCost[k];
    }
  }
  const keepCustomers = n * B <= (options.maxIntervalCells ?? 2e7);
  const draws = keepCustomers ? new Float32Array(n * B) : undefined;
  const totals = new Float64Array(B);
  const weights = new Float64Array(n);
  const s0 = out.typeOneShare.value;
  const covariates = out.model?.covariates ? P!.covariates!.map(standardise) : undefined;
  let done = 0;
  for (let b = 0; b < B; b++) {
    weights.fill(0);
    for (let i = 0; i < n; i++) weights[rng.integer(n)]++;
    let s = s0;
    if (out.typeOneShare.source === 'data') {
      let kn = 0;
      let on = 0;
      for (let i = 0; i < n; i++) {
        kn += weights[i] * known[i];
        on += weights[i] * ones[i];
      }
      s = kn > 0 ? on / kn : s0;
    }
    let rate: Float64Array | undefined;
    if (out.model && P) {
      try {
        const f = out.model.fit;
        const refit = fitReferralNbd({ counts: out.referrals, exposure: out.exposure, weights, covariates }, { r: f.params.r, alpha: f.params.alpha, effects: f.effects });
        rate = expectedReferralRate(refit, { counts: out.referrals, exposure: out.exposure, covariates });
      } catch {
        continue; // a resample without referrals cannot be fitted: skipped, counted below
      }
    }
    let total = 0;
    const acq = out.acquisitionCost;
    for (let i = 0; i < n; i++) {
      // only the unknown-type part of past value moves with s
      let v = out.pastTypeOne[i] + out.pastTypeTwo[i] + (s - s0) * (unknownOne[i] - unknownTwo[i]);
      if (rate) v += rate[i] * P!.activeTime[i] * (s * P!.newCustomerValue + (1 - s) * acq);
      total += v;
      if (draws) draws[done * n + i] = v;
    }
    totals[done++] = total;
  }
  if (done < B) out.warnings.push(`${B - done} of ${B} bootstrap draws failed (a resample without referrals) and were skipped`);
  if (done === 0) return;
  const lo = (1 - level) / 2;
  const sorted = totals.slice(0, done).sort();
  out.total.lower = quantileSorted(sorted, lo);
  out.total.upper = quantileSorted(sorted, 1 - lo);
  out.total.draws = done;
  out.total.level = level;
  if (draws) {
    out.crvLower = new Float64Array(n);
    out.crvUpper = new Float64Array(n);
    const col = new Float64Array(done);
    for (let i = 0; i < n; i++) {
      for (let b = 0; b < done; b++) col[b] = draws[b * n + i];
      col.sort();
      out.crvLower[i] = quantileSorted(col, lo);
      out.crvUpper[i] = quantileSorted(col, 1 - lo);
    }
  } else out.warnings.push(`per-customer CRV intervals left out (${n} customers × ${B} draws is too many to keep); the total has its interval`);
}
