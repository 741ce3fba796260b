import { formatDay } from '../ingest/dates.js';
import { contractLifetimes } from './contract-lifetimes.js';
import { contractModelGroup } from './contract-models.js';
import { kaplanMeier } from './kaplan-meier.js';
import { periodLabel, periodOrdinal } from './periods.js';
import { retentionRates, retentionTrend } from './retention-rates.js';
import { survivorCounts } from './survivor-counts.js';
/**
 * Contractual retention from a contracts file: Kaplan-Meier survival in `period` units from each
 * contract's start with Greenwood log-log bands, the median lifetime and its interval, the observed
 * retention-rate curve by tenure, and the sBG and beta-discrete-Weibull fitted to all contracts, to
 * each plan and to each start cohort (calendar period of the start) with projections beside KM.
 *
 * @example
 * const r = contractRetention(readContracts('contracts.csv'), { end: parseDate('2024-12-31'), period: 'month' });
 * r.median; r.retention_rates; r.models.groups[0].sbg;
 */
export function contractRetention(input, options) {
    const { end, period } = options;
    const level = options.level ?? 0.95;
    const minGroup = options.minGroupSize ?? 30;
    const accounting = structuredClone(input.accounting);
    const lt = contractLifetimes(input.contracts, end, period, accounting);
    const km = kaplanMeier(lt.time, lt.event, level);
    const counts = survivorCounts(lt);
    const rates = retentionRates(counts, level);
    const trend = retentionTrend(rates);
    const groups = [contractModelGroup(lt, 'all', 'all', () => true, options.horizon, level)];
    const skipped = [];
    const maxFits = options.maxCohortFits ?? 24;
    const addGroups = (group, keyOf) => {
        const members = new Map();
        for (let i = 0; i < lt.contracts.length; i++)
            members.set(keyOf(i), (members.get(keyOf(i)) ?? 0) + 1);
        if (members.size < 2)
            return;
        const large = [...members.values()].filter((n) => n >= minGroup).length;
        for (const [name, n] of [...members.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
            if (n < minGroup)
                skipped.push({ group, name, contracts: n, reason: `fewer than ${minGroup} contracts` });
            else if (group === 'cohort' && large > maxFits)
                skipped.push({ group, name, contracts: n, reason: `more than ${maxFits} start cohorts to fit: use a longer --period for per-cohort fits` });
            else
                groups.push(contractModelGroup(lt, group, name, (i) => keyOf(i) === name, options.horizon, level));
        }
    };
    if (input.hasPlan)
        addGroups('plan', (i) => lt.contracts[i].plan);
    const cohortKey = lt.contracts.map((c) => periodLabel(periodOrdinal(c.start, period), period));
    addGroups('cohort', (i) => cohortKey[i]);
    const ended = lt.event.reduce((s, e) => s + e, 0);
    return {
        accounting,
        end: formatDay(end),
        period,
        contracts: lt.contracts.length,
        ended,
        censored: lt.contracts.length - ended,
        ended_after_end_censored: lt.endedAfterEnd,
        censoring: `t is the tenure in ${period}s from each contract's start (calendar ${period}s for month, quarter, year). Contracts without an end, or ending after ${formatDay(end)}, are right-censored there. ` +
            'A contract is active at the start of period t when it ends after its t-th anniversary. For the sBG and BdW a contract observed for m whole periods is a churn at T = max(1, ceil(tenure)) when T <= m and a survivor censored at m otherwise (its last, incomplete period is not used); contracts observed for less than one whole period are left out of the models.',
        km: km.steps,
        band: `Greenwood variance; lower/upper are the log-log ("exponential Greenwood") ${Math.round(level * 100)}% band (Kalbfleisch & Prentice 1980), lower_plain/upper_plain the plain S ± z·se band`,
        median: km.median,
        median_lower: km.median_lower,
        median_upper: km.median_upper,
        retention_rates: rates,
        retention_trend: trend,
        heterogeneity_note: heterogeneityNote(trend),
        models: { groups, skipped },
    };
}
function heterogeneityNote(trend) {
    const n = trend.last_t;
    if (!(n >= 2))
        return 'Too few whole periods observed to see how retention rates change with tenure.';
    const pct = (x) => `${(100 * x).toFixed(1)}%`;
    if (trend.rising) {
        return `Aggregate retention rises with tenure (${pct(trend.first)} in period 1, ${pct(trend.last)} in period ${n}, the last with at least 30 contracts at risk). That does not mean a customer grows more loyal: customers differ in their churn propensity, the least loyal leave first, and the survivors are an ever more loyal mix (Fader & Hardie 2007, "How to project customer retention"; the sBG reproduces this with a constant churn probability per customer).`;
    }
    return `Aggregate retention does not rise with tenure here (${pct(trend.first)} in period 1, ${pct(trend.last)} in period ${n}); compare the BdW's c: c > 1 means individual churn propensities increase with tenure (Fader et al. 2018).`;
}
//# sourceMappingURL=contract-retention.js.map