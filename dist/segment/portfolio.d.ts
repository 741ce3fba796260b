import { type GammaGammaModel } from '../models/gammagamma.ts';
import type { FitOptions } from '../models/types.ts';
import type { CustomerSummary } from '../types.ts';
import { type EquityEstimate } from '../value/bootstrap-equity.ts';
import { type CustomerValue } from '../value/customer-value.ts';
import type { DertMethod } from '../value/discounted-transactions.ts';
import { type HorizonUnit } from '../value/units.ts';
import type { ValueModel } from '../value/value-model.ts';
import type { FlagOptions } from './flags.ts';
import { type LorenzCurve } from './lorenz.ts';
import { type PriorityRow } from './priorities.ts';
import { type RfmScores } from './rfm.ts';
import { type RfmSegmentRule } from './rfm-segments.ts';
import { type RfmSegmentRow } from './rfm-table.ts';
import { type TierRow } from './tier-table.ts';
import type { TierAssignment } from './tiers-types.ts';
import { type WhaleCurve } from './whale.ts';
/** Transaction models `analysePortfolio` can fit. */
export type PortfolioModelName = 'bgnbd' | 'mbgnbd' | 'paretonbd';
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
}
/** Everything `clvkit segment` reports, per customer in summary order and as tables. */
export interface PortfolioAnalysis {
    customerIds: string[];
    modelName: PortfolioModelName;
    model: ValueModel & {
        logLikelihood?: number;
    };
    spendModel: GammaGammaModel;
    value: CustomerValue;
    settings: {
        horizon: number | 'infinite';
        horizonUnit: HorizonUnit;
        modelUnit: string;
        annualDiscount: number;
    };
    equity: {
        equity: number;
        bootstrap?: EquityEstimate;
    };
    historicalSpend: Float64Array;
    daysSinceLastPurchase: Float64Array;
    assignments: {
        pyramid: TierAssignment;
        pastPyramid: TierAssignment;
        deciles: TierAssignment;
        abc: TierAssignment;
        naturalBreaks: TierAssignment;
    };
    tiers: {
        pyramid: TierRow[];
        pastPyramid: TierRow[];
        deciles: TierRow[];
        abc: TierRow[];
        naturalBreaks: TierRow[];
    };
    rfm: {
        scores: RfmScores;
        segments: string[];
        table: RfmSegmentRow[];
        rules: readonly RfmSegmentRule[];
    };
    concentration: {
        giniSpend: number;
        giniClv: number;
        topShares: {
            spend: Record<string, number>;
            clv: Record<string, number>;
        };
        lorenzSpend: LorenzCurve;
        lorenzClv: LorenzCurve;
        whale?: WhaleCurve;
    };
    priorities: PriorityRow[];
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
export declare function analysePortfolio(summary: CustomerSummary, o?: PortfolioOptions): PortfolioAnalysis;
//# sourceMappingURL=portfolio.d.ts.map