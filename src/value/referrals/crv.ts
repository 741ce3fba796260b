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
import type { Day } from '../../types.ts';
import type { MatchedReferrals } from './match.ts';
import { bootstrapReferralValue } from './crv-bootstrap.ts';
import { chooseReferralModel } from './referral-model-choice.ts';
import { expectedReferralRate, standardise, type ReferralNbd } from './referral-nbd.ts';

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
      model = chooseReferralModel(inputs, referrals, start, exposure, P, warnings);
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
