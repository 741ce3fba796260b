/**
 * The analyses behind the report, from a transaction table: it calls the capability modules
 * (summary, models, value, segment, outcomes) and keeps their result objects. Each part is optional
 * in the result, so the page renders a section only when its analysis could be made.
 *
 * It uses the same building blocks as `clvkit segment` (customerValue, valueTiers, rfmScores,
 * rfmSegments, tierTable, prioritisedList, whaleCurve, gini, lorenzCurve) rather than
 * src/segment/portfolio.ts's analysePortfolio, so that the model chosen and validated here is the
 * one valued, predictions are made once per distinct (x, t_x, T), and only the top of the
 * prioritised list is built: the report stays fast on a million customers.
 */
import { comparisonFromFits, type Comparison } from '../models/compare.ts';
import type { CustomerSummary, Day, PeriodUnit, TransactionTable } from '../types.ts';
import { periodTable, summarize, summaryCustomerIdAt, summaryIdBytes, summaryTableCustomers, unitDays } from '../summary/summarize.ts';
import { equityDrawsInWorker } from '../value/equity-draws-async.ts';
import { compressSummary, type CompressedSummary } from '../summary/compress.ts';
import { COUNTING_MODELS, fitByName, fitSampleChoice, sampleChoiceBeside, type CountingModelName, type FitData, type FittedCountingModel, type SampleChoice } from './sample-choice.ts';
import { fitGammaGamma, type GammaGammaModel } from '../models/gammagamma.ts';
import { expectedCumulativeTransactions } from '../models/tracking.ts';
import { customerValue, type CustomerValue } from '../value/customer-value.ts';
import { valueTiers, valueTiersSorted, type ValueTiers } from '../segment/pyramid.ts';
import { rfmScores, type RfmScores } from '../segment/rfm.ts';
import { rfmSegments, DEFAULT_RFM_SEGMENTS } from '../segment/rfm-segments.ts';
import { rfmSegmentTable, type RfmSegmentRow } from '../segment/rfm-table.ts';
import { tierTable, type TierRow } from '../segment/tier-table.ts';
import { NEW_CUSTOMERS, type MigrationMatrix } from '../segment/migration.ts';
import { equityByParameterDraws, type EquityInterval } from '../value/equity-draws.ts';
import { prioritisedList, type PriorityRow } from '../segment/priorities.ts';
import type { FlagOptions } from '../segment/flags.ts';
import { giniSorted } from '../segment/gini.ts';
import { lorenzCurveSorted, type LorenzCurve } from '../segment/lorenz.ts';
import { topSharesSorted } from '../segment/top-shares.ts';
import { whaleCurve, type WhaleCurve } from '../segment/whale.ts';
import { customerFacts, type CustomerFacts } from '../outcomes/customers.ts';
import { recruitment, type RecruitmentRow } from '../outcomes/recruitment.ts';
import { cohortMatrix, type CohortRow } from '../outcomes/cohorts.ts';
import { conversion, type Conversion } from '../outcomes/conversion.ts';
import { chooseOnHoldout, type HoldoutChoice } from '../models/holdout-choice.ts';
import { ClvkitError, UsageError } from '../errors.ts';
import { mapFloat64 } from '../typed-map.ts';
import { createRng } from '../random.ts';
import { customerCount } from '../ingest/transactions.ts';
import { sortedFloat64 } from '../sort-float64.ts';
import { descendingOrder } from '../segment/rank-order.ts';
import { spendThrough } from '../summary/spend-through.ts';

export { COUNTING_MODELS, type CountingModelName, type FittedCountingModel };

/** Options of {@link analyseForReport}. */
export interface ReportAnalysisOptions {
  unit?: PeriodUnit;
  freq?: PeriodUnit;
  /** Observation end (default: the last date). */
  end?: string | Day;
  calibrationEnd?: string | Day;
  /** 'auto' (default) picks the lowest holdout error with a calibration end, else BG/NBD. */
  model?: 'auto' | CountingModelName;
  /** CLV horizon in months (default 12) and annual discount rate (default 0.10). */
  horizonMonths?: number;
  annualDiscount?: number;
  /** Gross margin rate on spend (default 1): CLV and profit use margin × spend. */
  margin?: number;
  /** Cost per order: with it, the whale curve of historical profit (margin × spend − cost per order × orders). */
  costPerOrder?: number;
  /** Rows of the prioritised list kept (default 20). */
  top?: number;
  /**
   * Without a calibration end, above twice this many customers (default 100,000), `auto` compares the
   * candidate models by BIC on a seeded random sample of this many customers, then fits the chosen one on
   * all of them (the report says so).
   */
  choiceSample?: number;
  /** Called between the long steps (fits, value) with a short name. */
  onStep?: (step: string) => void;
  /**
   * Compute the interval of customer equity (40 draws of the purchase model's parameters) in a worker
   * thread while the other analyses run (from the compiled package; else in this thread). The analysis
   * then comes back without `value.equityInterval`, which `settleReportAnalysis` (or `buildReport`) fills.
   */
  equityInWorker?: boolean;
  /**
   * When the candidate models are compared on a sample (large data without a holdout), fit them, and the
   * chosen one on all customers, in a worker thread while this thread makes the analyses that need no model
   * (past value, RFM, migration, the spend model); from the compiled package, else in this thread.
   * The same fits either way.
   */
  fitsInWorker?: boolean;
}

/** Equity draws still running in a worker, by the analysis they belong to. */
const PENDING_EQUITY = new WeakMap<ReportAnalysis, Promise<EquityInterval>>();

/**
 * Waits for the equity draws of an analysis made with `equityInWorker` and fills `value.equityInterval`
 * (or `value.equityError`); at once for any other analysis.
 *
 * @example
 * const a = analyseForReport(table, { equityInWorker: true });
 * await settleReportAnalysis(a); a.value.equityInterval;
 */
export async function settleReportAnalysis(a: ReportAnalysis): Promise<ReportAnalysis> {
  const pending = PENDING_EQUITY.get(a);
  if (!pending) return a;
  PENDING_EQUITY.delete(a);
  try {
    a.value.equityInterval = await pending;
  } catch (e) {
    if (!(e instanceof ClvkitError)) throw e;
    a.value.equityError = e.detail;
  }
  return a;
}

/** One candidate model: fitted, or the reason it failed; with its holdout error when there is a holdout. */
export interface ModelCandidate {
  name: CountingModelName;
  fit?: FittedCountingModel;
  error?: string;
  holdoutMae?: number;
}

/** Fit, selection and validation of the counting model. */
export interface ModelAnalysis {
  candidates: ModelCandidate[];
  chosen: CountingModelName;
  /** With a holdout and several candidates: the errors, the noise band and the tie-break by BIC. */
  choice?: HoldoutChoice;
  auto: boolean;
  /** The fit used for validation (on the calibration period when split, else on all data). */
  fit: FittedCountingModel;
  /** The candidates side by side (src/models/compare.ts): LL, AIC, BIC, LR tests, holdout MAE/RMSE/bias/correlation. */
  comparison?: Comparison;
  /** Without a holdout on large data: the candidates were fitted and compared by BIC on a random sample of the customers. */
  sample?: { customers: number; of: number; seed: number };
  /** The same model fitted on all data (the value uses it); equal to `fit` without a calibration end. */
  fullFit: FittedCountingModel;
  unit: PeriodUnit;
  /** Tracking curves on a grid of whole model units from the first purchase day. */
  tracking: { t: number[]; actualCumulative: number[]; predictedCumulative: number[]; actualIncremental: number[]; predictedIncremental: number[]; calibrationEnd?: number; origin: Day };
  /** Mean holdout transactions per calibration frequency (only with a calibration end). */
  holdout?: { frequency: string; customers: number; actual: number; predicted: number }[];
  /** P(alive) and expected transactions over the value horizon, per customer of the summary (all data). */
  probabilityAlive: Float64Array;
  expected: Float64Array;
  expectedHorizon: number;
}

/** Value, tiers and segments. */
export interface ValueAnalysis {
  /** Whether `clv` is model-based (false: historical spend stands in). */
  modelBased: boolean;
  spendModel?: GammaGammaModel;
  spendError?: string;
  value?: CustomerValue;
  /** CLV per customer (or historical spend). */
  clv: Float64Array;
  historical: Float64Array;
  tiers: ValueTiers;
  pastTiers: ValueTiers;
  tierRows: TierRow[];
  gini: number;
  /** Concentration of `clv`, each computed once: total, median, share of the top 20% of customers, Lorenz curve. */
  total: number;
  median: number;
  top20: number;
  lorenz: LorenzCurve;
  horizonMonths: number;
  annualDiscount: number;
  rfm: RfmScores;
  segments: string[];
  segmentRows: RfmSegmentRow[];
  /** Past-value tiers at mid-period (`mid`) and at the end (`end`). */
  migration?: { matrix: MigrationMatrix; mid: Day; end: Day };
  /** Whale curve of historical profit (only with a cost per order). */
  whale?: WhaleCurve;
  margin: number;
  priorities: PriorityRow[];
  /**
   * High-value customers at risk (the `high-value-at-risk` flag: a top past-value tier and P(alive) under
   * 0.5), by past spend, at most AT_RISK_ROWS of them; `count`, `spend` and `clv` are over all of them.
   */
  atRisk: { rows: PriorityRow[]; count: number; spend: number; clv: number };
  /** 90% interval of the base's value (Σ CLV) over the purchase model's parameter uncertainty, when the fit has a covariance. */
  equityInterval?: EquityInterval;
  equityError?: string;
}

/** Parameter draws behind the interval of the base's value (40: the 5% and 95% quantiles from 40 totals). */
export const EQUITY_DRAWS = 40;

/** At most this many at-risk customers are carried into the report (its table and CSV). */
export const AT_RISK_ROWS = 5000;

/** Everything the portfolio sections need. */
export interface ReportAnalysis {
  table: TransactionTable;
  /** Summary over all data (the value, segments and priorities use it). */
  summary: CustomerSummary;
  /** Calibration summary when a calibration end was given. */
  calibration?: CustomerSummary;
  facts: CustomerFacts;
  recruitment: RecruitmentRow[];
  cohorts: CohortRow[];
  conversion: Conversion;
  model?: ModelAnalysis;
  modelError?: string;
  value: ValueAnalysis;
}

/** Customers sampled for the comparison of the candidate models on large data (see ReportAnalysisOptions.choiceSample). */
export const CHOICE_SAMPLE = 100_000;

/** Per-customer values from per-unique-row values. */
function expand(rows: Float64Array, c: CompressedSummary): Float64Array {
  const out = new Float64Array(c.index.length);
  for (let i = 0; i < out.length; i++) out[i] = rows[c.index[i]];
  return out;
}

/** Mean absolute error per customer of holdout transactions, from the predictions per distinct (x, t_x, T) row. */
function holdoutMae(pred: Float64Array, s: CustomerSummary, c: CompressedSummary): number {
  let err = 0;
  for (let i = 0; i < c.index.length; i++) err += Math.abs(pred[c.index[i]] - s.holdoutFrequency![i]);
  return err / Math.max(1, c.index.length);
}

/**
 * Repeat purchases of the customers whose first purchase is on or before `cohortEnd`, counted per
 * grid step of `stepDays` from `origin`: as in the summary, purchases are collapsed to one per
 * customer per `unit` period (day, week or month; returns, negative amounts, are left out; the
 * first period is the first purchase), and each later period counts once, at its
 * first day, up to `end`.
 */
function actualRepeats(table: TransactionTable, unit: PeriodUnit, cohortEnd: Day, origin: Day, end: Day, stepDays: number, steps: number): Float64Array {
  const m = customerCount(table);
  const day = table.day;
  const customer = table.customer;
  const amount = table.amount;
  const n = table.length;
  const counts = new Float64Array(steps + 1);
  // Grid step of a day: k = ceil((day - origin + 1) / stepDays), steps 1 .. steps.
  const count = (d: number) => {
    const k = Math.ceil((d - origin + 1) / stepDays - 1e-9);
    if (k >= 1 && k <= steps) counts[k]++;
  };
  let dateOrder = true;
  for (let i = 1; i < n; i++) {
    if (day[i] < day[i - 1]) {
      dateOrder = false;
      break;
    }
  }
  // Rows used: on or before the end and not returns (negative amounts).
  if (dateOrder) {
    // rows in date order (as exports usually are): one pass, each customer's purchase periods arrive in order, so
    // the first row used of a customer is its first purchase, and the first row used of the table the earliest day
    let i0 = 0;
    while (i0 < n && (day[i0] > end || amount[i0] < 0)) i0++;
    if (i0 === n) return counts;
    const minDay = day[i0];
    const span = end - minDay + 1;
    const periodOf = unit === 'day' ? undefined : periodTable(minDay, span, unit);
    // each customer's last purchase period; NONE: no purchase yet; OUT: first purchase after cohortEnd (left out).
    // (periods of dates before 1970 are negative: the markers are below any period)
    const NONE = -0x80000000;
    const OUT = -0x7fffffff;
    const last = new Int32Array(m).fill(NONE);
    for (let i = i0; i < n; i++) {
      const d = day[i];
      if (d > end || amount[i] < 0) continue;
      const c = customer[i];
      const l = last[c];
      if (l === OUT) continue;
      const offset = d - minDay;
      const p = periodOf ? periodOf[offset] : offset;
      if (l === NONE) last[c] = d > cohortEnd ? OUT : p; // the first purchase period
      else if (p !== l) {
        last[c] = p;
        count(d);
      }
    }
    return counts;
  }
  const first = new Int32Array(m).fill(2147483647);
  let minDay = Infinity;
  for (let i = 0; i < n; i++) {
    const d = day[i];
    if (d > end || amount[i] < 0) continue;
    const c = customer[i];
    if (d < first[c]) first[c] = d;
    if (d < minDay) minDay = d;
  }
  if (!Number.isFinite(minDay)) return counts;
  const span = end - minDay + 1;
  const periodOf = unit === 'day' ? undefined : periodTable(minDay, span, unit);
  const keys = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const d = day[i];
    if (d > end || amount[i] < 0) continue;
    const c = customer[i];
    if (first[c] > cohortEnd) continue;
    keys[k++] = c * span + (d - minDay);
  }
  const sorted = keys.subarray(0, k).sort();
  let current = -1;
  let period = -1;
  for (let i = 0; i < k; i++) {
    const key = sorted[i];
    const c = Math.floor(key / span);
    const offset = key - c * span;
    const p = periodOf ? periodOf[offset] : offset;
    if (c !== current) {
      current = c; // the first purchase period
      period = p;
      continue;
    }
    if (p === period) continue;
    period = p;
    count(offset + minDay);
  }
  return counts;
}

/**
 * `k` of the `n` customers drawn without replacement (seeded partial Fisher-Yates), in their order.
 *
 * @example
 * sampleIndices(10, 3, 1); // three ascending indices in 0..9
 */
export function sampleIndices(n: number, k: number, seed: number): Int32Array {
  const rng = createRng(seed);
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.uniform() * (n - i));
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.slice(0, k).sort();
}

/** The distinct (x, t_x, T) rows of some customers of a summary, weighted. */
function rowsOf(s: CustomerSummary, idx: Int32Array): CompressedSummary {
  const pick = (a: ArrayLike<number>) => Float64Array.from(idx, (i) => a[i]);
  return compressSummary({ frequency: pick(s.frequency), recency: pick(s.recency), T: pick(s.T) });
}

/** Which counting models are fitted, on which rows. */
interface ModelPlan {
  names: CountingModelName[];
  auto: boolean;
  /** The (calibration) summary the models are fitted on, and its distinct rows. */
  fitData: CustomerSummary;
  fitRows: CompressedSummary;
  /** When the candidates are compared on a sample of customers: its size, and its distinct rows. */
  sample?: { customers: number; of: number; seed: number };
  choiceRows: CompressedSummary;
}

function modelPlan(full: CustomerSummary, fullRows: CompressedSummary, cal: CustomerSummary | undefined, options: ReportAnalysisOptions): ModelPlan {
  const requested = options.model ?? 'auto';
  const auto = requested === 'auto';
  // auto considers BG/NBD, MBG/NBD and Pareto/NBD: on the holdout when there is one, else by BIC
  const names: CountingModelName[] = auto ? [...COUNTING_MODELS] : [requested];
  const fitData = cal ?? full;
  const fitRows = cal ? compressSummary(cal) : fullRows;
  // without a holdout, on large data, the candidates are compared by BIC on a seeded random sample of
  // customers and the chosen model is then fitted on all. With a holdout every candidate is fitted on all
  // customers: holdout errors depend on the fitted parameters more than the sample's precision allows
  // (test/report/choice-sample.test.ts: 6,000 of 30,000 customers turn a clear choice into another)
  const sampleSize = options.choiceSample ?? CHOICE_SAMPLE;
  const n = fitData.frequency.length;
  const sample = !cal && names.length > 1 && n > 2 * sampleSize ? { customers: sampleSize, of: n, seed: 1 } : undefined;
  const choiceRows = sample ? rowsOf(fitData, sampleIndices(n, sample.customers, sample.seed)) : fitRows;
  return { names, auto, fitData, fitRows, ...(sample ? { sample } : {}), choiceRows };
}

/** The rows a fit needs (not the per-customer index): what a worker is sent. */
function fitDataOf(c: CompressedSummary): FitData {
  return { frequency: c.frequency, recency: c.recency, T: c.T, weights: c.weights };
}

/**
 * The model analysis. With a sample plan, `sampled` gives the sampled choice and the chosen model's fit on all
 * rows (fitSampleChoice, possibly computed in a worker while the caller made the analyses that need no model).
 */
function analyseModel(
  table: TransactionTable,
  full: CustomerSummary,
  fullRows: CompressedSummary,
  cal: CustomerSummary | undefined,
  options: ReportAnalysisOptions,
  horizon: number,
  plan: ModelPlan,
  sampled: () => SampleChoice,
): Omit<ModelAnalysis, 'probabilityAlive' | 'expected'> {
  const { names, auto, fitData, fitRows, sample, choiceRows } = plan;
  const calRows = cal ? fitRows : undefined;
  // holdout predictions per distinct calibration row, made once per fit (for its error and the holdout table)
  const holdoutPred = new Map<FittedCountingModel, Float64Array>();
  const choice0 = sample ? sampled() : undefined;
  const candidates: ModelCandidate[] = choice0 ? choice0.candidates.map((k) => (k.fit ? { name: k.name, fit: k.fit } : { name: k.name, error: k.error! })) : names.map((name) => {
    options.onStep?.(`fit ${name}${sample ? ' (sample)' : ''}`);
    try {
      const fit = fitByName(name, choiceRows);
      const c: ModelCandidate = { name, fit };
      if (cal?.holdoutFrequency && calRows) {
        const pred = fit.conditionalExpectedTransactionsAll(cal.holdoutT![0] ?? 0, calRows);
        holdoutPred.set(fit, pred);
        c.holdoutMae = holdoutMae(pred, cal, calRows);
      }
      return c;
    } catch (e) {
      if (!(e instanceof ClvkitError)) throw e;
      return { name, error: e.detail.replace(new RegExp(`^(${name}: )+`), '') };
    }
  });
  // the comparison table of the candidates (no refit; holdout predictions reused), for the auto rule and the report
  const comparison = comparisonFromFits(
    candidates.map((c) => ({ model: c.name, fitted: c.fit, error: c.error, holdoutPredictions: c.fit ? holdoutPred.get(c.fit) : undefined })),
    fitData,
  );
  const ok = candidates.filter((c) => c.fit);
  // (one message when every candidate failed for the same reason, e.g. nobody bought twice)
  if (ok.length === 0) throw new ClvkitError(new Set(candidates.map((c) => c.error)).size === 1 ? candidates[0].error! : candidates.map((c) => `${c.name}: ${c.error}`).join('; '));
  // the holdout decides only beyond its own sampling noise (paired bootstrap of customers); ties and
  // fits without a holdout go to the lower BIC (src/models/holdout-choice.ts)
  let choice: HoldoutChoice | undefined;
  let best = ok.reduce((a, b) => (b.fit!.bic < a.fit!.bic ? b : a));
  if (cal?.holdoutFrequency && calRows && ok.length > 1) {
    choice = chooseOnHoldout(
      ok.map((c) => {
        const pred = holdoutPred.get(c.fit!)!;
        const errors = new Float64Array(calRows.index.length);
        for (let i = 0; i < errors.length; i++) errors[i] = Math.abs(pred[calRows.index[i]] - cal.holdoutFrequency![i]);
        return { name: c.name, bic: c.fit!.bic, absoluteErrors: errors };
      }),
    );
    best = ok.find((c) => c.name === choice!.chosen)!;
  }
  // the chosen model on all the (calibration) customers when the comparison saw a sample
  if (choice0 && !choice0.fit) throw new ClvkitError(choice0.fitError ?? 'the chosen model could not be fitted on all customers');
  const fit = choice0 ? choice0.fit! : best.fit!;

  options.onStep?.('tracking');
  // tracking on the data the fit saw, extended to the end of observation
  const uDays = unitDays(fitData.freq);
  let origin = Infinity;
  for (let i = 0; i < fitData.firstPurchase.length; i++) if (fitData.firstPurchase[i] < origin) origin = fitData.firstPurchase[i];
  const end = full.end;
  // grid of whole model units from the first purchase, plus the partial last unit up to the end
  const h = (end - origin + 1) / uDays;
  const whole = Math.max(1, Math.floor(h + 1e-9));
  const steps = h - whole > 1e-9 ? whole + 1 : whole;
  const firstTimes = mapFloat64(fitData.firstPurchase, (d) => (d - origin) / uDays);
  const curve = expectedCumulativeTransactions(fit, firstTimes, whole, 1);
  const atEnd = steps > whole ? expectedCumulativeTransactions(fit, firstTimes, h, h).cumulative[1] : curve.cumulative[whole];
  const inc = actualRepeats(table, fitData.unit, fitData.calibrationEnd ?? fitData.end, origin, end, uDays, steps);
  const t: number[] = [];
  const ac: number[] = [];
  const pc: number[] = [];
  const ai: number[] = [];
  const pi: number[] = [];
  let cum = 0;
  for (let k = 1; k <= steps; k++) {
    cum += inc[k];
    const predicted = k <= whole ? curve.cumulative[k] : atEnd;
    t.push(k <= whole ? k : h);
    ac.push(cum);
    ai.push(inc[k]);
    pi.push(predicted - (k > 1 ? pc[k - 2] : 0));
    pc.push(predicted);
  }
  let holdout: ModelAnalysis['holdout'];
  if (cal?.holdoutFrequency && cal.holdoutT) {
    const top = 7;
    const pred = expand(holdoutPred.get(fit) ?? fit.conditionalExpectedTransactionsAll(cal.holdoutT[0] ?? 0, fitRows), fitRows);
    const sums = Array.from({ length: top + 1 }, () => ({ n: 0, a: 0, p: 0 }));
    for (let i = 0; i < pred.length; i++) {
      const g = sums[Math.min(top, Math.round(cal.frequency[i]))];
      g.n++;
      g.a += cal.holdoutFrequency[i];
      g.p += pred[i];
    }
    holdout = sums
      .map((g, k) => ({ frequency: k === top ? `${top}+` : String(k), customers: g.n, actual: g.n ? g.a / g.n : NaN, predicted: g.n ? g.p / g.n : NaN }))
      .filter((g) => g.customers > 0);
  }
  // predictions on all data with the same model family (refitted when the fit saw only the calibration period)
  let forAll = fit;
  if (cal) {
    options.onStep?.(`refit ${best.name}`);
    try {
      forAll = fitByName(best.name, fullRows);
    } catch (e) {
      if (!(e instanceof ClvkitError)) throw e; // keep the calibration fit for the predictions
    }
  }
  return {
    candidates,
    comparison,
    ...(sample ? { sample } : {}),
    chosen: best.name,
    ...(choice ? { choice } : {}),
    auto,
    fit,
    unit: fitData.freq,
    tracking: { t, actualCumulative: ac, predictedCumulative: pc, actualIncremental: ai, predictedIncremental: pi, calibrationEnd: cal ? (cal.calibrationEnd! - origin + 1) / uDays : undefined, origin },
    holdout,
    expectedHorizon: horizon,
    fullFit: forAll,
  };
}

/** Total, median, top-20% share and Lorenz curve of the values, given sorted ascending. */
function concentration(sorted: Float64Array): { total: number; median: number; top20: number; lorenz: LorenzCurve } {
  let total = 0;
  for (let i = 0; i < sorted.length; i++) total += sorted[i];
  const n = sorted.length;
  const median = n === 0 ? NaN : n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { total, median, top20: topSharesSorted(sorted, total, [0.2])['0.2'], lorenz: lorenzCurveSorted(sorted, total, 101) };
}

/**
 * Indices of the `k` largest values (ties keep the earlier index first), in descending order of value.
 * `sortedAscending`, when given, is the values sorted ascending (without NaN), to spare a sort.
 *
 * @example
 * topIndices([3, 9, 1, 9], 2) // [1, 3]
 */
export function topIndices(values: ArrayLike<number>, k: number, sortedAscending?: Float64Array): number[] {
  const n = values.length;
  if (n === 0 || k <= 0) return [];
  let threshold = -Infinity;
  if (n > k) {
    // the values sorted ascending, NaN as -Infinity (a caller's sorted copy when it has no NaN)
    const sorted = sortedAscending ?? mapFloat64(values as ArrayLike<number>, (x) => (Number.isNaN(x) ? -Infinity : x)).sort();
    threshold = sorted[n - k];
  }
  const v = (i: number) => (Number.isNaN(values[i]) ? -Infinity : values[i]);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (v(i) >= threshold) idx.push(i);
  idx.sort((a, b) => (v(b) > v(a) ? 1 : v(b) < v(a) ? -1 : a - b));
  return idx.slice(0, k);
}

/**
 * Transition counts between past-value tiers at two dates, customers matched by id (the earlier
 * summary's ids are a subsequence of the later one's when both come from one table; a map is used
 * otherwise). Customers absent at the first date form the `(new)` row, as in src/segment/migration.
 */
function tierMigration(firstIds: ArrayLike<string | number>, firstTier: Int32Array, secondIds: ArrayLike<string | number>, secondTier: Int32Array, names: string[]): MigrationMatrix {
  const k = names.length;
  const counts = Array.from({ length: k + 1 }, () => new Array<number>(k).fill(0));
  let j = 0;
  let aligned = true;
  const seen = new Uint8Array(secondIds.length);
  for (let i = 0; i < firstIds.length; i++) {
    while (j < secondIds.length && secondIds[j] !== firstIds[i]) j++;
    if (j === secondIds.length) {
      aligned = false;
      break;
    }
    seen[j] = 1;
    counts[firstTier[i]][secondTier[j]]++;
    j++;
  }
  if (!aligned) {
    for (const row of counts) row.fill(0);
    seen.fill(0);
    const pos = new Map<string | number, number>();
    for (let q = 0; q < secondIds.length; q++) pos.set(secondIds[q], q);
    for (let i = 0; i < firstIds.length; i++) {
      const q = pos.get(firstIds[i]);
      if (q === undefined) continue;
      seen[q] = 1;
      counts[firstTier[i]][secondTier[q]]++;
    }
  }
  for (let q = 0; q < secondIds.length; q++) if (!seen[q]) counts[k][secondTier[q]]++;
  const rowShares = counts.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((c) => (total > 0 ? c / total : NaN));
  });
  return { from: [...names, NEW_CUSTOMERS], to: [...names], counts, rowShares };
}

/**
 * The table index of every customer of two summaries of one table (by their id bytes), or undefined
 * when either cannot say it (then the ids are compared as strings).
 */
function sameTableRows(first: CustomerSummary, second: CustomerSummary): { first: ArrayLike<number>; second: ArrayLike<number> } | undefined {
  const a = summaryIdBytes(first);
  const b = summaryIdBytes(second);
  if (!a || !b || a.keys !== b.keys) return undefined;
  return { first: summaryTableCustomers(first)!, second: summaryTableCustomers(second)! };
}

/**
 * Migration of past-value tiers between the middle and the end of the observation period (undefined when the
 * period has no middle, or the half summary cannot be made).
 */
function pastTierMigration(table: TransactionTable, base: { unit: PeriodUnit; freq: PeriodUnit; end?: string | Day }, full: CustomerSummary, pastTiers: ValueTiers, options: ReportAnalysisOptions): ValueAnalysis['migration'] {
  let first = Infinity;
  for (let i = 0; i < full.firstPurchase.length; i++) if (full.firstPurchase[i] < first) first = full.firstPurchase[i];
  const mid = Math.floor((first + full.end) / 2);
  if (!(mid > first)) return undefined;
  try {
    options.onStep?.('migration');
    const names = pastTiers.names; // the tier names (those of the CLV tiers too: both are the default pyramid)
    // with day periods, the spend up to the middle in one pass over the rows before it (the half summary's
    // customers and totalSpend, to the last bit), the customers matched by their table index
    const fullRows = base.unit === 'day' ? summaryTableCustomers(full) : undefined;
    const through = fullRows ? spendThrough(table, mid) : undefined;
    if (fullRows && through) {
      const spend = through.spend;
      for (let k = 0; k < spend.length; k++) if (!Number.isFinite(spend[k])) spend[k] = 0;
      return { matrix: tierMigration(through.customers, valueTiers(spend).tier, fullRows, pastTiers.tier, names), mid, end: full.end };
    }
    const half = summarize(table, { ...base, end: mid });
    const halfTiers = valueTiers(mapFloat64(half.totalSpend, (x) => (Number.isFinite(x) ? x : 0)));
    // customers matched by their index in the table when both summaries can say it (no id strings made)
    const rows = sameTableRows(half, full);
    return { matrix: rows ? tierMigration(rows.first, halfTiers.tier, rows.second, pastTiers.tier, names) : tierMigration(half.customerIds, halfTiers.tier, full.customerIds, pastTiers.tier, names), mid, end: full.end };
  } catch (e) {
    if (!(e instanceof ClvkitError)) throw e;
    return undefined;
  }
}

/**
 * Run every portfolio analysis the report shows.
 *
 * @example
 * const table = await readTransactions('data/sample-transactions.csv');
 * const a = analyseForReport(table, { calibrationEnd: '2025-06-30' });
 * a.model?.chosen; a.value.gini; a.recruitment.length;
 */
export function analyseForReport(table: TransactionTable, options: ReportAnalysisOptions = {}): ReportAnalysis {
  if (options.model !== undefined && options.model !== 'auto' && !COUNTING_MODELS.includes(options.model)) {
    throw new UsageError(`--model must be auto, ${COUNTING_MODELS.join(', ')}; got "${options.model}"`);
  }
  const base = { unit: options.unit ?? 'day', freq: options.freq ?? 'week', ...(options.end !== undefined ? { end: options.end } : {}) };
  options.onStep?.('summary');
  const full = summarize(table, base);
  const cal = options.calibrationEnd !== undefined ? summarize(table, { ...base, calibrationEnd: options.calibrationEnd }) : undefined;
  const horizonMonths = options.horizonMonths ?? 12;
  const margin = options.margin ?? 1;
  if (!(margin > 0 && margin <= 1)) throw new UsageError(`the margin must be a rate in (0, 1], got ${margin}`);
  const annualDiscount = options.annualDiscount ?? 0.1;
  const uDays = unitDays(full.freq);
  const horizon = (horizonMonths * 365.25) / 12 / uDays;

  let model: ModelAnalysis | undefined;
  let modelError: string | undefined;
  const fullRows = compressSummary(full);
  /** A ClvkitError of the model analysis becomes modelError (the report says it); anything else is thrown. */
  const modelStep = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof ClvkitError) || e instanceof UsageError) throw e;
      modelError = e.detail;
      return undefined;
    }
  };
  const plan = modelStep(() => modelPlan(full, fullRows, cal, options));
  // the sampled choice of large data fits on a second core while this thread makes the analyses that need no model
  const beside = plan?.sample && options.fitsInWorker ? sampleChoiceBeside(plan.names, fitDataOf(plan.choiceRows), fitDataOf(plan.fitRows)) : undefined;

  // the customer facts, past value, RFM, migration and the spend model need no counting model: made while a worker fits it
  // (the outcomes, which need none either, are made later, while the equity draws run beside)
  options.onStep?.(beside ? 'customers, past value, migration, spend model (the fits beside)' : 'customers and past value');
  const facts = customerFacts(table, full.end);
  const historical = mapFloat64(full.totalSpend, (x) => (Number.isFinite(x) ? x : 0));
  const historicalSorted = sortedFloat64(historical); // for the past-value tiers and the M score
  const pastTiers = valueTiersSorted(historical, historicalSorted);
  const rfm = rfmScores({ lastPurchase: full.lastPurchase, transactions: full.transactions, totalSpend: historical, totalSpendSorted: historicalSorted });
  const segments = rfmSegments(rfm);
  const migration = pastTierMigration(table, base, full, pastTiers, options);
  const whale = options.costPerOrder !== undefined && table.hasAmount ? whaleCurve({ spend: historical, margin, costPerOrder: options.costPerOrder, orders: full.transactions }) : undefined;
  // the spend model (used only with a counting model; its failure is said then)
  let spendFit: GammaGammaModel | ClvkitError | undefined;
  if (table.hasAmount && (beside || plan)) {
    options.onStep?.('spend model');
    try {
      spendFit = fitGammaGamma({ frequency: full.frequency, monetaryValue: full.monetaryValue });
    } catch (e) {
      if (!(e instanceof ClvkitError)) throw e;
      spendFit = e;
    }
  }

  let fitted: Omit<ModelAnalysis, 'probabilityAlive' | 'expected'> | undefined;
  if (plan) {
    const onStep = options.onStep;
    fitted = modelStep(() => analyseModel(table, full, fullRows, cal, options, horizon, plan, () => (beside ? (onStep?.('fits (waiting for the worker)'), beside.take()) : fitSampleChoice(plan.names, plan.choiceRows, plan.fitRows, onStep))));
  }

  options.onStep?.('value');
  let spendModel: GammaGammaModel | undefined;
  let spendError: string | undefined;
  let value: CustomerValue | undefined;
  let equityInterval: EquityInterval | undefined;
  let equityError: string | undefined;
  let pendingEquity: Promise<EquityInterval> | undefined;
  if (fitted && table.hasAmount) {
    try {
      if (spendFit instanceof ClvkitError) throw spendFit;
      spendModel = spendFit ?? fitGammaGamma({ frequency: full.frequency, monetaryValue: full.monetaryValue });
      // discounted transactions once per distinct (x, t_x, T), then times each customer's expected spend
      const perRow = customerValue(fitted.fullFit, fullRows, {
        horizon: horizonMonths, horizonUnit: 'month', modelUnitDays: uDays, annualDiscount, spend: new Float64Array(fullRows.weights.length).fill(1),
      });
      const n = full.frequency.length;
      const spend = new Float64Array(n);
      const clvs = new Float64Array(n);
      let spendAtZero: number | undefined;
      for (let i = 0; i < n; i++) {
        const x = full.frequency[i];
        const mv = full.monetaryValue[i];
        // customers without repeat purchases share one expected spend (the population mean): computed once
        spend[i] = x > 0 ? spendModel.conditionalExpectedAverageSpend(x, Number.isFinite(mv) ? mv : 0) : (spendAtZero ??= spendModel.conditionalExpectedAverageSpend(x, 0));
        clvs[i] = perRow.clv[fullRows.index[i]] * spend[i] * margin;
        if (!Number.isFinite(clvs[i])) throw new ClvkitError(`the CLV of customer ${full.customerIds[i]} is not finite (spend model q = ${spendModel.params.q}; a finite mean spend needs q > 1)`);
      }
      // equity interval over the purchase model's parameter uncertainty (spend at its estimate)
      options.onStep?.('equity draws');
      try {
        const rowValue = new Float64Array(fullRows.weights.length);
        for (let i = 0; i < n; i++) rowValue[fullRows.index[i]] += spend[i] * margin;
        const settings = { horizon: horizonMonths, horizonUnit: 'month' as const, modelUnitDays: uDays, annualDiscount };
        pendingEquity = options.equityInWorker ? equityDrawsInWorker(fitted.fullFit, fullRows, rowValue, settings, EQUITY_DRAWS, 0.9, 1) : undefined;
        if (!pendingEquity) equityInterval = equityByParameterDraws(fitted.fullFit, fullRows, rowValue, settings, EQUITY_DRAWS, 0.9, 1);
      } catch (e) {
        if (!(e instanceof ClvkitError)) throw e;
        equityError = e.detail;
      }
      value = {
        ...perRow,
        clv: clvs,
        discountedTransactions: expand(perRow.discountedTransactions, fullRows),
        expectedTransactions: expand(perRow.expectedTransactions, fullRows),
        expectedSpend: spend,
        probabilityAlive: expand(perRow.probabilityAlive, fullRows),
        margin: new Float64Array(n).fill(margin),
      };
    } catch (e) {
      if (!(e instanceof ClvkitError)) throw e;
      spendError = e.detail;
    }
  }
  if (fitted) {
    // P(alive) and expected transactions over the value horizon: from the value when it was computed, else from the model
    model = {
      ...fitted,
      probabilityAlive: value ? value.probabilityAlive : expand(fitted.fullFit.probabilityAliveAll(fullRows), fullRows),
      expected: value ? value.expectedTransactions : expand(fitted.fullFit.conditionalExpectedTransactionsAll(horizon, fullRows), fullRows),
    };
  }
  options.onStep?.('tiers and segments');
  const clv = value ? value.clv : historical;
  const alive = model ? model.probabilityAlive : new Float64Array(clv.length).fill(NaN);
  // CLV sorted once for its tiers, its Gini coefficient and the top of the prioritised list
  const clvSorted = sortedFloat64(clv);
  const tiers = valueTiersSorted(clv, clvSorted);
  let clvTotal = 0;
  for (let i = 0; i < clv.length; i++) clvTotal += clv[i]; // in input order, as gini() sums
  const segmentRows = rfmSegmentTable(segments, clv, historical, alive, DEFAULT_RFM_SEGMENTS);
  const tierRows = tierTable(tiers, { clv, probabilityAlive: alive, historicalSpend: historical });

  options.onStep?.('priorities');
  const top = options.top ?? 20;
  const best = topIndices(clv, top, clvSorted);
  // the prioritised-list rows of some customers (by index), with the flags of segment/flags.ts
  const idAt = summaryCustomerIdAt(full);
  const listOf = (idx: number[], flagOptions: FlagOptions = {}) => {
    const pick = <T extends ArrayLike<number>>(a: T) => Float64Array.from(idx, (i) => a[i]);
    const nan = new Float64Array(idx.length).fill(NaN);
    return prioritisedList({
      customerIds: idx.map(idAt),
      clv: pick(clv),
      probabilityAlive: pick(alive),
      expectedTransactions: value ? pick(value.expectedTransactions) : nan,
      expectedSpend: value ? pick(value.expectedSpend) : nan,
      historicalSpend: pick(historical),
      daysSinceLastPurchase: Float64Array.from(idx, (i) => full.end - full.lastPurchase[i]),
      valueTier: { tier: Int32Array.from(idx, (i) => tiers.tier[i]), names: tiers.names },
      pastTier: { tier: Int32Array.from(idx, (i) => pastTiers.tier[i]), names: pastTiers.names },
      rfmSegment: idx.map((i) => segments[i]),
      rfm: { recency: Int8Array.from(idx, (i) => rfm.recency[i]), frequency: Int8Array.from(idx, (i) => rfm.frequency[i]), monetary: Int8Array.from(idx, (i) => rfm.monetary[i]) },
    }, flagOptions);
  };
  const priorities = listOf(best);
  // the high-value-at-risk rule of segment/flags.ts, over every customer: a top past-value tier, P(alive) < 0.5
  const highValueTiers = Math.max(1, pastTiers.names.length - 1);
  const risky: number[] = [];
  let riskSpend = 0;
  let riskClv = 0;
  for (let i = 0; i < alive.length; i++) {
    if (pastTiers.tier[i] < highValueTiers && alive[i] < 0.5) {
      risky.push(i);
      riskSpend += Number.isFinite(historical[i]) ? historical[i] : 0;
      riskClv += Number.isFinite(clv[i]) ? clv[i] : 0;
    }
  }
  const riskCount = risky.length;
  // the first AT_RISK_ROWS by past spend, highest first, ties by customer (risky is in customer order): the order of
  // risky.sort((i, j) => historical[j] - historical[i] || i - j), without a comparator sort of them all
  const byHistorical = descendingOrder(Float64Array.from(risky, (i) => historical[i]));
  const topRisky = Array.from(byHistorical.subarray(0, AT_RISK_ROWS), (k) => risky[k]);
  const atRiskRows = listOf(topRisky, { highValueTiers }).sort((x, y) => y.historical_spend - x.historical_spend);
  options.onStep?.('outcomes');
  const outcomes = { recruitment: recruitment(facts, 'month'), cohorts: cohortMatrix(table, facts, 'month', undefined), conversion: conversion(facts, 'month') };

  const analysis: ReportAnalysis = {
    table,
    summary: full,
    calibration: cal,
    facts,
    ...outcomes,
    model,
    modelError,
    value: {
      modelBased: value !== undefined,
      spendModel,
      spendError,
      value,
      clv,
      historical,
      tiers,
      pastTiers,
      tierRows,
      gini: giniSorted(clvSorted, clvTotal),
      ...concentration(clvSorted),
      horizonMonths,
      annualDiscount,
      rfm,
      segments,
      segmentRows,
      migration,
      whale,
      margin,
      priorities,
      atRisk: { rows: atRiskRows, count: riskCount, spend: riskSpend, clv: riskClv },
      equityInterval,
      equityError,
    },
  };
  if (pendingEquity) PENDING_EQUITY.set(analysis, pendingEquity);
  return analysis;
}
