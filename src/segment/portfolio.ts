import { ClvkitError } from '../errors.ts';
import { fitBgNbd } from '../models/bgnbd.ts';
import { fitGammaGamma, type GammaGammaModel } from '../models/gammagamma.ts';
import { fitMbgNbd } from '../models/mbgnbd.ts';
import { fitParetoNbd } from '../models/paretonbd.ts';
import type { FitOptions } from '../models/types.ts';
import type { SummaryData } from '../types.ts';
import type { CustomerSummary, TransactionTable } from '../types.ts';
import { allZeroWarning, fitWarnings, oneTimeBuyerNote } from '../models/warnings.ts';
import { bootstrapEquity, type EquityEstimate } from '../value/bootstrap-equity.ts';
import { customerValue, type CustomerValue } from '../value/customer-value.ts';
import type { DertMethod } from '../value/discounted-transactions.ts';
import { daysInUnit, type HorizonUnit } from '../value/units.ts';
import type { ValueModel } from '../value/value-model.ts';
import { abcClasses } from './abc.ts';
import { valueDeciles } from './deciles.ts';
import type { FlagOptions } from './flags.ts';
import { gini, giniSorted } from './gini.ts';
import { lorenzCurve, lorenzCurveSorted, type LorenzCurve } from './lorenz.ts';
import { naturalBreakTiers, naturalBreakTiersBeside } from './natural-breaks.ts';
import { takeOrUndefined } from '../worker-beside.ts';
import { descendingOrder } from './rank-order.ts';
import { priorityTable, type PriorityRow, type PriorityTable } from './priorities.ts';
import { summaryIdBytes, type SummaryIdBytes } from '../summary/summarize.ts';
import { valueTiers, valueTiersSorted } from './pyramid.ts';
import { sortedValues } from './sorted-values.ts';
import { rfmScores, type RfmScores } from './rfm.ts';
import { DEFAULT_RFM_SEGMENTS, rfmSegments, type RfmSegmentRule } from './rfm-segments.ts';
import { rfmSegmentTable, type RfmSegmentRow } from './rfm-table.ts';
import { tierTable, type TierRow } from './tier-table.ts';
import type { TierAssignment } from './tiers-types.ts';
import { topShares, topSharesSorted } from './top-shares.ts';
import { whaleCurve, type WhaleCurve } from './whale.ts';
import { mapFloat64 } from '../typed-map.ts';
import type { ReferralLog } from '../ingest/referrals.ts';
import { referralValueOf, type ReferralAnalysisOptions } from '../value/referrals/analyse.ts';
import { CELLS } from '../value/referrals/matrix.ts';

/** Transaction models `analysePortfolio` can fit. */
export type PortfolioModelName = 'bgnbd' | 'mbgnbd' | 'paretonbd';

const FITTERS: Record<PortfolioModelName, (d: SummaryData, o?: FitOptions) => ValueModel> = {
  bgnbd: (d, o) => fitBgNbd(d, o) as unknown as ValueModel,
  mbgnbd: (d, o) => fitMbgNbd(d, o) as unknown as ValueModel,
  paretonbd: (d, o) => fitParetoNbd(d, o) as unknown as ValueModel,
};

/** Options of {@link analysePortfolio}; every one has a default. */
export interface PortfolioOptions {
  /** Transaction model (default 'bgnbd'). */
  model?: PortfolioModelName;
  /** CLV horizon (default 12) in horizonUnit (default 'month'), or 'infinite'. */
  horizon?: number | 'infinite';
  horizonUnit?: HorizonUnit;
  /** Annual discount rate (default 0.10). */
  annualDiscount?: number;
  /** Margin on spend: a number (default 1) or one per customer (summary order). */
  margin?: number | ArrayLike<number>;
  method?: DertMethod;
  /** Cost to serve per customer (summary order) and/or a cost per order, for the whale curve. */
  costToServe?: ArrayLike<number>;
  costPerOrder?: number;
  /** Bootstrap draws for the equity and per-customer intervals (default 0: none). */
  bootstrap?: number;
  level?: number;
  seed?: number;
  onProgress?(done: number, total: number): void;
  /** Named RFM segments (default DEFAULT_RFM_SEGMENTS). */
  rfmRules?: readonly RfmSegmentRule[];
  /** Pyramid cuts and names (default 1/4/15/80%: Platinum, Gold, Iron, Lead). */
  tierCuts?: number[];
  tierNames?: string[];
  /** ABC shares of value (default 80/15/5). */
  abcShares?: number[];
  /** Number of natural-breaks tiers (default 4). */
  naturalBreaks?: number;
  flags?: FlagOptions;
  fitOptions?: FitOptions;
  /** A referral log: CRV and the CLV × CRV cell join the prioritised list (see referralValueOf). */
  referrals?: { log: ReferralLog; options?: Pick<ReferralAnalysisOptions, 'typeOneShare' | 'acquisitionCost' | 'projection' | 'covariates' | 'cutoffs'>; table?: TransactionTable };
}

/** Everything `clvkit segment` reports, per customer in summary order and as tables. */
export interface PortfolioAnalysis {
  readonly customerIds: string[];
  modelName: PortfolioModelName;
  model: ValueModel & { logLikelihood?: number };
  spendModel: GammaGammaModel;
  value: CustomerValue;
  settings: { horizon: number | 'infinite'; horizonUnit: HorizonUnit; modelUnit: string; annualDiscount: number };
  equity: { equity: number; bootstrap?: EquityEstimate };
  historicalSpend: Float64Array;
  daysSinceLastPurchase: Float64Array;
  assignments: { pyramid: TierAssignment; pastPyramid: TierAssignment; deciles: TierAssignment; abc: TierAssignment; naturalBreaks: TierAssignment };
  tiers: { pyramid: TierRow[]; pastPyramid: TierRow[]; deciles: TierRow[]; abc: TierRow[]; naturalBreaks: TierRow[] };
  rfm: { scores: RfmScores; segments: string[]; table: RfmSegmentRow[]; rules: readonly RfmSegmentRule[] };
  concentration: {
    giniSpend: number;
    giniClv: number;
    topShares: { spend: Record<string, number>; clv: Record<string, number> };
    lorenzSpend: LorenzCurve;
    lorenzClv: LorenzCurve;
    whale?: WhaleCurve;
  };
  /** The prioritised list as columns (rank order, flags and scores on demand). */
  priorityTable: PriorityTable;
  /** Its rows (prioritisedList), made on first use. */
  readonly priorities: PriorityRow[];
  /** The customer ids as the bytes read, when the summary was made from a file read here (summaryIdBytes). */
  customerIdBytes: () => SummaryIdBytes | undefined;
  referrals?: ReturnType<typeof referralValueOf>;
  /** What the user must know: the fit's limit and notes, one-time buyers forced alive (BG/NBD), zero value. */
  warnings: string[];
}

/**
 * The portfolio analysis of DESIGN.md §1 "Value" and "Segments": fits the transaction model and the
 * Gamma-Gamma spend model on the summary, computes each customer's CLV (customerValue), the customer
 * equity (with a bootstrap interval when asked), the value tiers (pyramid, deciles, ABC, natural breaks),
 * RFM scores and segments, concentration (Gini, Lorenz, top shares, whale curve with costs) and the
 * prioritised list. Past value (for the `rising` and `high-value-at-risk` flags) is historical spend.
 *
 * @example
 * const a = analysePortfolio(summary, { model: 'bgnbd', horizon: 12, horizonUnit: 'month', annualDiscount: 0.1 });
 * a.equity.equity; a.tiers.pyramid; a.priorities[0];
 */
export function analysePortfolio(summary: CustomerSummary, o: PortfolioOptions = {}): PortfolioAnalysis {
  const n = summary.frequency.length;
  if (n === 0) throw new ClvkitError('no customers to analyse');
  if (summary.totalSpend.every((v) => Number.isNaN(v))) throw new ClvkitError('customer value needs amounts: the transaction file has no amount column (give --amount-col)');
  if (!hasSpend(summary)) throw new ClvkitError('customer value needs the spend model, which needs repeat buyers with a positive mean spend; there are none');
  const modelName = o.model ?? 'bgnbd';
  const fit = FITTERS[modelName];
  if (!fit) throw new ClvkitError(`the portfolio model must be bgnbd, mbgnbd or paretonbd, got "${modelName}"`);
  const model = fit(summary, o.fitOptions);
  const spendModel = fitGammaGamma({ frequency: summary.frequency, monetaryValue: summary.monetaryValue }, o.fitOptions);
  const settings = { horizon: o.horizon ?? 12, horizonUnit: o.horizonUnit ?? 'month', modelUnit: summary.freq, annualDiscount: o.annualDiscount ?? 0.1 };
  const valueOptions = {
    horizon: settings.horizon,
    horizonUnit: settings.horizonUnit,
    modelUnitDays: daysInUnit(summary.freq),
    annualDiscount: settings.annualDiscount,
    margin: o.margin ?? 1,
    method: o.method,
  };
  const value = customerValue(model, summary, { ...valueOptions, spend: spendModel });
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(value.clv[i])) throw new ClvkitError(`the CLV of customer ${summary.customerIds[i]} is not finite (spend model q = ${spendModel.params.q}; mean spend needs q > 1)`);
  }
  let bootstrap: EquityEstimate | undefined;
  if ((o.bootstrap ?? 0) > 0) {
    bootstrap = bootstrapEquity(summary, {
      model,
      fitTransactions: (d, initial) => fit(d, { ...o.fitOptions, initial }),
      spend: spendModel,
      fitSpend: (d, initial) => fitGammaGamma(d, { ...o.fitOptions, initial }),
      value: valueOptions,
      draws: o.bootstrap,
      level: o.level,
      seed: o.seed,
      onProgress: o.onProgress,
    });
  }
  const clv = value.clv;
  const referrals = o.referrals
    ? referralValueOf(summary, o.referrals.log, { model, spendModel, value, margin: typeof o.margin === 'number' ? o.margin : sum(value.margin) / n, annualDiscount: settings.annualDiscount }, o.referrals.options, o.referrals.table)
    : undefined;
  const historicalSpend = Float64Array.from(summary.totalSpend);
  const daysSinceLastPurchase = mapFloat64(summary.lastPurchase, (d) => summary.end - d);
  const tierOptions = { cuts: o.tierCuts, names: o.tierNames };
  // each column sorted once for the tiers, deciles, Gini, top shares and Lorenz curves (clv is finite here;
  // a spend that is not finite leaves the functions to sort, and to say which value is wrong, themselves)
  const clvSorted = sortedValues(clv, 'CLV');
  // the ranking by CLV, once: ABC classes and the prioritised list
  const clvOrder = descendingOrder(clv);
  const spendSorted = historicalSpend.every(Number.isFinite) ? sortedValues(historicalSpend, 'historical spend') : undefined;
  // the natural breaks' clustering (the costly step of the tiers) on the other core while this one makes the rest
  const breaksK = o.naturalBreaks ?? 4;
  const breaksBeside = naturalBreakTiersBeside(clv, breaksK, clvSorted.sorted);
  const pyramid = valueTiersSorted(clv, clvSorted.sorted, tierOptions);
  const past = valueTiersSorted(historicalSpend, spendSorted?.sorted, tierOptions);
  const assignments = {
    pyramid: { tier: pyramid.tier, names: pyramid.names },
    pastPyramid: { tier: past.tier, names: past.names },
    deciles: valueDeciles(clv, clvSorted.sorted),
    abc: abcClasses(clv, { shares: o.abcShares, order: clvOrder }),
    // from the worker: taken below, once the RFM segments and the prioritised list are made
    naturalBreaks: breaksBeside ? (undefined as unknown as TierAssignment) : naturalBreakTiers(clv, breaksK, clvSorted.sorted),
  };
  const measures = { clv, probabilityAlive: value.probabilityAlive, historicalSpend };
  const rules = o.rfmRules ?? DEFAULT_RFM_SEGMENTS;
  const scores = rfmScores(summary);
  const segments = rfmSegments(scores, rules);
  const orders = summary.transactions;
  const whale =
    o.costToServe || o.costPerOrder !== undefined
      ? whaleCurve({ spend: historicalSpend, margin: value.margin, costToServe: o.costToServe, costPerOrder: o.costPerOrder, orders })
      : undefined;
  // what travels with the result (stderr, --json, warnings.csv, the report)
  const warnings = fitWarnings(model as never);
  const oneTime = oneTimeBuyerNote(modelName, summary.frequency, (model as { limit?: { name: string } }).limit?.name);
  if (oneTime) warnings.push(oneTime);
  const zeroClv = allZeroWarning('CLV', clv);
  if (zeroClv) warnings.push(zeroClv);
  else if (!(sum(clv) > 0)) warnings.push(`customer equity is ${sum(clv)}: not a finding but a sign of a degenerate fit or missing amounts`);
  // the prioritised list as columns (priorities.csv is written from them); its rows only when asked (JSON)
  const priorityColumns = priorityTable(
    {
      // the id strings only when the rows are made (a CSV writer copies the ids from the bytes read)
      get customerIds() {
        return summary.customerIds;
      },
      clv,
      clvLower: bootstrap?.customerLower,
      clvUpper: bootstrap?.customerUpper,
      probabilityAlive: value.probabilityAlive,
      expectedTransactions: value.expectedTransactions,
      expectedSpend: value.expectedSpend,
      historicalSpend,
      daysSinceLastPurchase,
      valueTier: assignments.pyramid,
      pastTier: assignments.pastPyramid,
      rfmSegment: segments,
      rfm: scores,
      crv: referrals?.crv.crv,
      clvCrvCell: referrals ? Array.from(referrals.matrix.cellOf, (c) => CELLS[c]) : undefined,
    },
    o.flags,
    clvOrder,
  );
  if (breaksBeside) assignments.naturalBreaks = takeOrUndefined(breaksBeside) ?? naturalBreakTiers(clv, breaksK, clvSorted.sorted);
  return {
    warnings,
    get customerIds() {
      return summary.customerIds;
    },
    customerIdBytes: () => summaryIdBytes(summary),
    modelName,
    model,
    spendModel,
    value,
    settings,
    equity: { equity: sum(clv), bootstrap },
    historicalSpend,
    daysSinceLastPurchase,
    assignments,
    tiers: {
      pyramid: tierTable(assignments.pyramid, measures),
      pastPyramid: tierTable(assignments.pastPyramid, measures),
      deciles: tierTable(assignments.deciles, measures),
      abc: tierTable(assignments.abc, measures),
      naturalBreaks: tierTable(assignments.naturalBreaks, measures),
    },
    rfm: { scores, segments, table: rfmSegmentTable(segments, clv, historicalSpend, value.probabilityAlive, rules), rules },
    concentration: {
      giniSpend: spendSorted ? giniSorted(spendSorted.sorted, spendSorted.total) : gini(historicalSpend),
      giniClv: giniSorted(clvSorted.sorted, clvSorted.total),
      topShares: { spend: spendSorted ? topSharesSorted(spendSorted.sorted, spendSorted.total) : topShares(historicalSpend), clv: topSharesSorted(clvSorted.sorted, clvSorted.total) },
      lorenzSpend: spendSorted ? lorenzCurveSorted(spendSorted.sorted, spendSorted.total) : lorenzCurve(historicalSpend),
      lorenzClv: lorenzCurveSorted(clvSorted.sorted, clvSorted.total),
      ...(whale ? { whale } : {}),
    },
    priorityTable: priorityColumns,
    get priorities() {
      return priorityColumns.rows();
    },
    ...(referrals ? { referrals } : {}),
  };
}

function hasSpend(s: CustomerSummary): boolean {
  for (let i = 0; i < s.frequency.length; i++) if (s.frequency[i] > 0 && s.monetaryValue[i] > 0) return true;
  return false;
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
