import { ClvkitError } from '../errors.js';
import { fitBgNbd } from '../models/bgnbd.js';
import { fitGammaGamma } from '../models/gammagamma.js';
import { fitMbgNbd } from '../models/mbgnbd.js';
import { fitParetoNbd } from '../models/paretonbd.js';
import { bootstrapEquity } from '../value/bootstrap-equity.js';
import { customerValue } from '../value/customer-value.js';
import { daysInUnit } from '../value/units.js';
import { abcClasses } from './abc.js';
import { valueDeciles } from './deciles.js';
import { gini } from './gini.js';
import { lorenzCurve } from './lorenz.js';
import { naturalBreakTiers } from './natural-breaks.js';
import { prioritisedList } from './priorities.js';
import { valueTiers } from './pyramid.js';
import { rfmScores } from './rfm.js';
import { DEFAULT_RFM_SEGMENTS, rfmSegments } from './rfm-segments.js';
import { rfmSegmentTable } from './rfm-table.js';
import { tierTable } from './tier-table.js';
import { topShares } from './top-shares.js';
import { whaleCurve } from './whale.js';
import { mapFloat64 } from '../typed-map.js';
const FITTERS = {
    bgnbd: (d, o) => fitBgNbd(d, o),
    mbgnbd: (d, o) => fitMbgNbd(d, o),
    paretonbd: (d, o) => fitParetoNbd(d, o),
};
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
export function analysePortfolio(summary, o = {}) {
    const n = summary.customerIds.length;
    if (n === 0)
        throw new ClvkitError('no customers to analyse');
    if (summary.totalSpend.every((v) => Number.isNaN(v)))
        throw new ClvkitError('customer value needs amounts: the transaction file has no amount column (give --amount-col)');
    if (!hasSpend(summary))
        throw new ClvkitError('customer value needs the spend model, which needs repeat buyers with a positive mean spend; there are none');
    const modelName = o.model ?? 'bgnbd';
    const fit = FITTERS[modelName];
    if (!fit)
        throw new ClvkitError(`the portfolio model must be bgnbd, mbgnbd or paretonbd, got "${modelName}"`);
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
        if (!Number.isFinite(value.clv[i]))
            throw new ClvkitError(`the CLV of customer ${summary.customerIds[i]} is not finite (spend model q = ${spendModel.params.q}; mean spend needs q > 1)`);
    }
    let bootstrap;
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
    const historicalSpend = Float64Array.from(summary.totalSpend);
    const daysSinceLastPurchase = mapFloat64(summary.lastPurchase, (d) => summary.end - d);
    const tierOptions = { cuts: o.tierCuts, names: o.tierNames };
    const pyramid = valueTiers(clv, tierOptions);
    const past = valueTiers(historicalSpend, tierOptions);
    const assignments = {
        pyramid: { tier: pyramid.tier, names: pyramid.names },
        pastPyramid: { tier: past.tier, names: past.names },
        deciles: valueDeciles(clv),
        abc: abcClasses(clv, { shares: o.abcShares }),
        naturalBreaks: naturalBreakTiers(clv, o.naturalBreaks ?? 4),
    };
    const measures = { clv, probabilityAlive: value.probabilityAlive, historicalSpend };
    const rules = o.rfmRules ?? DEFAULT_RFM_SEGMENTS;
    const scores = rfmScores(summary);
    const segments = rfmSegments(scores, rules);
    const orders = summary.transactions;
    const whale = o.costToServe || o.costPerOrder !== undefined
        ? whaleCurve({ spend: historicalSpend, margin: value.margin, costToServe: o.costToServe, costPerOrder: o.costPerOrder, orders })
        : undefined;
    return {
        customerIds: summary.customerIds,
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
            giniSpend: gini(historicalSpend),
            giniClv: gini(clv),
            topShares: { spend: topShares(historicalSpend), clv: topShares(clv) },
            lorenzSpend: lorenzCurve(historicalSpend),
            lorenzClv: lorenzCurve(clv),
            ...(whale ? { whale } : {}),
        },
        priorities: prioritisedList({
            customerIds: summary.customerIds,
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
        }, o.flags),
    };
}
function hasSpend(s) {
    for (let i = 0; i < s.frequency.length; i++)
        if (s.frequency[i] > 0 && s.monetaryValue[i] > 0)
            return true;
    return false;
}
function sum(a) {
    let s = 0;
    for (let i = 0; i < a.length; i++)
        s += a[i];
    return s;
}
//# sourceMappingURL=portfolio.js.map