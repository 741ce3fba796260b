/**
 * The whole referral analysis behind `clvkit referrals`: CLV per customer (transaction model + Gamma-Gamma,
 * as `predict` and `segment` compute it), the referral log matched to the customers, CRV (crv.ts), the
 * CLV × CRV matrix and customer engagement value.
 */
import { ClvkitError } from '../../errors.ts';
import type { CustomerValues } from '../../ingest/customer-values.ts';
import type { ReferralLog } from '../../ingest/referrals.ts';
import { customerCount } from '../../ingest/transactions.ts';
import { fitBgNbd } from '../../models/bgnbd.ts';
import { fitGammaGamma, type GammaGammaModel } from '../../models/gammagamma.ts';
import { fitMbgNbd } from '../../models/mbgnbd.ts';
import { fitParetoNbd } from '../../models/paretonbd.ts';
import type { CustomerSummary, Day, TransactionTable } from '../../types.ts';
import { mapFloat64 } from '../../typed-map.ts';
import { customerValue, type CustomerValue } from '../customer-value.ts';
import { daysInUnit, type HorizonUnit } from '../units.ts';
import type { ValueModel } from '../value-model.ts';
import { activeTimeFromClv, customerReferralValue, type ReferralValue } from './crv.ts';
import { engagementValue, type EngagementValue } from './engagement.ts';
import { matchReferrals, type MatchedReferrals } from './match.ts';
import { clvCrvMatrix, type ValueMatrix } from './matrix.ts';

/** Transaction models the referral analysis can value customers with. */
export type ReferralClvModel = 'bgnbd' | 'mbgnbd' | 'paretonbd';

/**
 * Options of {@link analyseReferrals}; every one has a default but the type-one share when the log lacks it.
 *
 * @example
 * const o: ReferralAnalysisOptions = { horizon: 12, horizonUnit: 'month', annualDiscount: 0.1, typeOneShare: 0.5, acquisitionCost: 40 };
 */
export interface ReferralAnalysisOptions {
  model?: ReferralClvModel;
  /** CLV and projection horizon (default 12) in horizonUnit (default month), or 'infinite'. */
  horizon?: number | 'infinite';
  horizonUnit?: HorizonUnit;
  /** Annual discount rate (default 0.10), converted exactly to the model unit. */
  annualDiscount?: number;
  margin?: number;
  typeOneShare?: number;
  acquisitionCost?: number;
  /** Project future referrals (default true); false values past referrals only. */
  projection?: boolean;
  covariates?: 'auto' | 'none' | 'always';
  bootstrap?: number;
  level?: number;
  seed?: number;
  cutoffs?: { clv?: number; crv?: number };
  influencer?: CustomerValues;
  knowledge?: CustomerValues;
}

/**
 * @example
 * const a: ReferralAnalysis = analyseReferrals(summary, log, { typeOneShare: 0.5 }, table);
 * a.crv.crv; a.matrix.cells; a.engagement.cev;
 */
export interface ReferralAnalysis {
  customerIds: string[];
  model: ValueModel;
  spendModel: GammaGammaModel;
  value: CustomerValue;
  /** CLV of a newly acquired customer (frequency 0, recency 0, T 0): the value of a future type-one referral. */
  newCustomerValue: number;
  matched: MatchedReferrals;
  crv: ReferralValue;
  matrix: ValueMatrix;
  engagement: EngagementValue;
  influencer?: { values: Float64Array; unmatched: string[]; file: string };
  knowledge?: { values: Float64Array; unmatched: string[]; file: string };
  settings: {
    model: ReferralClvModel;
    horizon: number | 'infinite';
    horizonUnit: HorizonUnit;
    timeUnit: string;
    annualDiscount: number;
    margin: number;
    projection: boolean;
  };
  warnings: string[];
}

const FITTERS: Record<ReferralClvModel, (s: CustomerSummary) => ValueModel> = {
  bgnbd: (s) => fitBgNbd(s) as unknown as ValueModel,
  mbgnbd: (s) => fitMbgNbd(s) as unknown as ValueModel,
  paretonbd: (s) => fitParetoNbd(s) as unknown as ValueModel,
};

/**
 * Value every customer's referrals: CLV from the summary (model + Gamma-Gamma), CRV from the log, the
 * CLV × CRV matrix and engagement value. With the transaction table, the referral model's purchase
 * covariates (log of 1 + purchases, log of 1 + mean amount) are measured up to the calibration end for
 * the holdout comparison, without looking at later purchases.
 *
 * @example
 * const table = await readTransactions('orders.csv');
 * const a = analyseReferrals(summarize(table), readReferrals('referrals.csv'), { typeOneShare: 0.6 }, table);
 */
export function analyseReferrals(summary: CustomerSummary, log: ReferralLog, o: ReferralAnalysisOptions = {}, table?: TransactionTable): ReferralAnalysis {
  const n = summary.frequency.length;
  if (n === 0) throw new ClvkitError('no customers to value');
  const modelName = o.model ?? 'bgnbd';
  const fit = FITTERS[modelName];
  if (!fit) throw new ClvkitError(`the model must be bgnbd, mbgnbd or paretonbd, got "${modelName}"`, {}, 2);
  const settings = {
    model: modelName,
    horizon: o.horizon ?? 12,
    horizonUnit: o.horizonUnit ?? 'month',
    timeUnit: summary.freq,
    annualDiscount: o.annualDiscount ?? 0.1,
    margin: o.margin ?? 1,
    projection: o.projection ?? true,
  };
  if (summary.totalSpend.every((v) => Number.isNaN(v))) throw new ClvkitError('referral value needs amounts (the CLV of referred customers): the transaction file has no amount column (give --amount-col)');
  const model = fit(summary);
  const spendModel = fitGammaGamma({ frequency: summary.frequency, monetaryValue: summary.monetaryValue });
  const unitDays = daysInUnit(summary.freq);
  const valueOptions = { horizon: settings.horizon, horizonUnit: settings.horizonUnit, modelUnitDays: unitDays, annualDiscount: settings.annualDiscount, margin: settings.margin };
  const value = customerValue(model, summary, { ...valueOptions, spend: spendModel });
  const r = referralValueOf(summary, log, { model, spendModel, value, margin: settings.margin, annualDiscount: settings.annualDiscount }, o, table);
  const customerIds = summary.customerIds;
  const { crv, matrix, matched, newCustomerValue } = r;
  const warnings: string[] = [];
  const influencer = o.influencer ? perCustomer(o.influencer, customerIds) : undefined;
  const knowledge = o.knowledge ? perCustomer(o.knowledge, customerIds) : undefined;
  if (influencer?.unmatched.length) warnings.push(`${influencer.unmatched.length} customers of the influencer file ${influencer.file} are not in the transaction file: left out`);
  if (knowledge?.unmatched.length) warnings.push(`${knowledge.unmatched.length} customers of the knowledge file ${knowledge.file} are not in the transaction file: left out`);
  const engagement = engagementValue({ clv: value.clv, crv: crv.crv, influencer: influencer?.values, knowledge: knowledge?.values });
  return {
    customerIds,
    model,
    spendModel,
    value,
    newCustomerValue,
    matched,
    crv,
    matrix,
    engagement,
    influencer,
    knowledge,
    settings,
    warnings: [...r.warnings, ...warnings],
  };
}

/**
 * CRV and the CLV × CRV matrix for customers whose CLV is already computed (by analyseReferrals, or by
 * analysePortfolio for `segment --referrals`): the referral log matched, the new-customer value from the
 * same model and settings, the referral model with purchase covariates when asked.
 *
 * @example
 * const r = referralValueOf(summary, log, { model, spendModel, value, margin: 1, annualDiscount: 0.1 }, { typeOneShare: 0.5 }, table);
 * r.crv.crv; r.matrix.cellOf;
 */
export function referralValueOf(
  summary: CustomerSummary,
  log: ReferralLog,
  clv: { model: ValueModel; spendModel: GammaGammaModel; value: CustomerValue; margin: number; annualDiscount: number },
  o: Omit<ReferralAnalysisOptions, 'model' | 'margin' | 'annualDiscount' | 'horizon' | 'horizonUnit' | 'influencer' | 'knowledge'> = {},
  table?: TransactionTable,
): { crv: ReferralValue; matrix: ValueMatrix; matched: MatchedReferrals; newCustomerValue: number; warnings: string[] } {
  const unitDays = daysInUnit(summary.freq);
  const v = clv.value;
  const valueOptions = { horizon: v.horizon, modelUnitDays: unitDays, annualDiscount: clv.annualDiscount, margin: clv.margin };
  // a customer just acquired: no repeat purchase yet, observed for no time (FHL 2005a: E[Y(t) | 0, 0, 0] = E[X(t)])
  const newCustomer = customerValue(clv.model, { frequency: [0], recency: [0], T: [0], monetaryValue: [0] }, { ...valueOptions, spend: clv.spendModel });
  const newCustomerValue = newCustomer.clv[0];
  const matched = matchReferrals(log, summary.customerIds, summary.end);
  const warnings: string[] = [];
  let projection;
  if (o.projection ?? true) {
    const params = clv.model.params as { r: number; alpha: number };
    const activeTime = activeTimeFromClv(v.discountedTransactions, summary, params);
    const cov = purchaseCovariates(summary, table, matched, o.covariates ?? 'auto');
    if (cov.warning) warnings.push(cov.warning);
    projection = { activeTime, newCustomerValue, covariates: cov.full, calibrationCovariates: cov.calibration, calibrationEnd: cov.calibrationEnd, covariateMode: o.covariates ?? 'auto' };
  }
  const crv = customerReferralValue(
    { customerIds: summary.customerIds, clv: v.clv, firstDay: summary.firstPurchase, end: summary.end, unitDays, referrals: matched },
    { typeOneShare: o.typeOneShare, acquisitionCost: o.acquisitionCost, projection, bootstrap: o.bootstrap, level: o.level, seed: o.seed },
  );
  if (projection && crv.model) crv.model.covariateNames = crv.model.covariates ? ['log_1p_purchases', 'log_1p_mean_amount'] : [];
  const matrix = clvCrvMatrix(v.clv, crv.crv, o.cutoffs);
  return { crv, matrix, matched, newCustomerValue, warnings: [...crv.warnings, ...warnings] };
}

function perCustomer(v: CustomerValues, ids: readonly string[]): { values: Float64Array; unmatched: string[]; file: string } {
  const out = new Float64Array(ids.length);
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    const x = v.values.get(ids[i]);
    if (x !== undefined) {
      out[i] = x;
      seen.add(ids[i]);
    }
  }
  const unmatched: string[] = [];
  for (const id of v.values.keys()) if (!seen.has(id)) unmatched.push(id);
  return { values: out, unmatched, file: v.file };
}

/**
 * Purchase behaviour as the referral model's covariates: log(1 + purchases) and log(1 + mean amount) per
 * customer, over the whole observation and up to the calibration end (from the table when given).
 */
function purchaseCovariates(
  summary: CustomerSummary,
  table: TransactionTable | undefined,
  matched: MatchedReferrals,
  mode: 'auto' | 'none' | 'always',
): { full?: Float64Array[]; calibration?: Float64Array[]; calibrationEnd?: Day; warning?: string } {
  if (mode === 'none') return {};
  const n = summary.frequency.length;
  // the calibration end crv.ts would choose: two thirds into the observation
  let minStart = Infinity;
  for (let i = 0; i < n; i++) minStart = Math.min(minStart, summary.firstPurchase[i]);
  for (let k = 0; k < matched.length; k++) if (matched.referrer[k] >= 0) minStart = Math.min(minStart, matched.day[k]);
  const calibrationEnd = Math.floor(summary.end - (summary.end - minStart) / 3);
  if (!table) {
    const full = [mapFloat64(summary.transactions, (t) => Math.log1p(t)), meanAmount(summary.totalSpend, summary.transactions)];
    return { full, calibrationEnd, warning: mode === 'auto' ? 'referral model: without the transaction table, the holdout comparison uses purchase covariates over the whole observation' : undefined };
  }
  const m = customerCount(table);
  // table customer -> summary customer (the summary keeps the table's order, leaving some out)
  let toSummary: Int32Array | undefined;
  if (m !== n) {
    const at = new Map<string, number>();
    const ids = summary.customerIds;
    for (let i = 0; i < n; i++) at.set(ids[i], i);
    const tableIds = table.customerIds;
    toSummary = new Int32Array(m);
    for (let j = 0; j < m; j++) toSummary[j] = at.get(tableIds[j]) ?? -1;
  }
  // one 32-byte record per customer (count, spend, and the same up to the calibration end): the rows
  // are in date order, so each one touches one cache line, not four arrays
  const acc = new Float64Array(4 * n);
  const { customer, day, amount } = table;
  const end = summary.end;
  const hasAmount = table.hasAmount;
  const identity = m === n;
  for (let k = 0; k < table.length; k++) {
    const d = day[k];
    if (d > end) continue;
    const i = identity ? customer[k] : toSummary![customer[k]];
    if (i < 0) continue;
    const a = hasAmount && amount[k] === amount[k] ? amount[k] : 0;
    const o = 4 * i;
    acc[o]++;
    acc[o + 1] += a;
    if (d <= calibrationEnd) {
      acc[o + 2]++;
      acc[o + 3] += a;
    }
  }
  const count = new Float64Array(n);
  const spend = new Float64Array(n);
  const countCal = new Float64Array(n);
  const spendCal = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    count[i] = acc[4 * i];
    spend[i] = acc[4 * i + 1];
    countCal[i] = acc[4 * i + 2];
    spendCal[i] = acc[4 * i + 3];
  }
  const covs = (c: Float64Array, s: Float64Array) => [mapFloat64(c, (x) => Math.log1p(x)), meanAmount(s, c)];
  return { full: covs(count, spend), calibration: covs(countCal, spendCal), calibrationEnd };
}

function meanAmount(spend: ArrayLike<number>, count: ArrayLike<number>): Float64Array {
  const out = new Float64Array(spend.length);
  for (let i = 0; i < out.length; i++) out[i] = count[i] > 0 && spend[i] > 0 ? Math.log1p(spend[i] / count[i]) : 0;
  return out;
}
