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
import type { CustomerSummary, Day, PeriodUnit, TransactionTable } from '../types.ts';
import { type GammaGammaModel } from '../models/gammagamma.ts';
import type { FitResultBase } from '../models/types.ts';
import type { TransactionModel } from '../models/bgnbd.ts';
import { type CustomerValue } from '../value/customer-value.ts';
import { type ValueTiers } from '../segment/pyramid.ts';
import { type RfmScores } from '../segment/rfm.ts';
import { type RfmSegmentRow } from '../segment/rfm-table.ts';
import { type TierRow } from '../segment/tier-table.ts';
import { type MigrationMatrix } from '../segment/migration.ts';
import { type PriorityRow } from '../segment/priorities.ts';
import { type LorenzCurve } from '../segment/lorenz.ts';
import { type WhaleCurve } from '../segment/whale.ts';
import { type CustomerFacts } from '../outcomes/customers.ts';
import { type RecruitmentRow } from '../outcomes/recruitment.ts';
import { type CohortRow } from '../outcomes/cohorts.ts';
import { type Conversion } from '../outcomes/conversion.ts';
export type CountingModelName = 'bgnbd' | 'mbgnbd' | 'paretonbd';
export declare const COUNTING_MODELS: readonly CountingModelName[];
export type FittedCountingModel = FitResultBase<Record<string, number>> & TransactionModel;
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
    /** Called between the long steps (fits, value) with a short name. */
    onStep?: (step: string) => void;
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
    auto: boolean;
    /** The fit used for validation (on the calibration period when split, else on all data). */
    fit: FittedCountingModel;
    /** The same model fitted on all data (the value uses it); equal to `fit` without a calibration end. */
    fullFit: FittedCountingModel;
    unit: PeriodUnit;
    /** Tracking curves on a grid of whole model units from the first purchase day. */
    tracking: {
        t: number[];
        actualCumulative: number[];
        predictedCumulative: number[];
        actualIncremental: number[];
        predictedIncremental: number[];
        calibrationEnd?: number;
        origin: Day;
    };
    /** Mean holdout transactions per calibration frequency (only with a calibration end). */
    holdout?: {
        frequency: string;
        customers: number;
        actual: number;
        predicted: number;
    }[];
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
    migration?: {
        matrix: MigrationMatrix;
        mid: Day;
        end: Day;
    };
    /** Whale curve of historical profit (only with a cost per order). */
    whale?: WhaleCurve;
    margin: number;
    priorities: PriorityRow[];
}
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
/**
 * Indices of the `k` largest values (ties keep the earlier index first), in descending order of value.
 * `sortedAscending`, when given, is the values sorted ascending (without NaN), to spare a sort.
 *
 * @example
 * topIndices([3, 9, 1, 9], 2) // [1, 3]
 */
export declare function topIndices(values: ArrayLike<number>, k: number, sortedAscending?: Float64Array): number[];
/**
 * Run every portfolio analysis the report shows.
 *
 * @example
 * const table = await readTransactions('data/sample-transactions.csv');
 * const a = analyseForReport(table, { calibrationEnd: '2025-06-30' });
 * a.model?.chosen; a.value.gini; a.recruitment.length;
 */
export declare function analyseForReport(table: TransactionTable, options?: ReportAnalysisOptions): ReportAnalysis;
//# sourceMappingURL=analyse.d.ts.map