import { fitCensoredBdw, fitCensoredSbg } from './censored-fit.js';
import { kaplanMeier } from './kaplan-meier.js';
import { survivorCounts } from './survivor-counts.js';
/**
 * Fit the sBG (Fader & Hardie 2007) and the beta-discrete-Weibull (Fader et al. 2018) to the contracts
 * selected by `include`, from right-censored survivor counts (see survivorCounts), and project the
 * survival curve `horizon` periods beside the group's Kaplan-Meier curve. A model that cannot be
 * fitted (no churn, no whole period observed) is reported with its reason, not thrown.
 *
 * @example
 * const g = contractModelGroup(lifetimes, 'all', 'all', () => true, 24);
 * g.sbg; // { params: { alpha, beta }, ... }
 */
export function contractModelGroup(lifetimes, group, name, include, horizon, level = 0.95) {
    const counts = survivorCounts(lifetimes, include);
    const times = [];
    const events = [];
    let contracts = 0;
    for (let i = 0; i < lifetimes.time.length; i++) {
        if (!include(i))
            continue;
        contracts++;
        times.push(lifetimes.time[i]);
        events.push(lifetimes.event[i]);
    }
    const km = kaplanMeier(times, events, level);
    const maxM = counts.cohorts.reduce((m, c) => Math.max(m, c.alive.length - 1), 0);
    const maxTime = times.reduce((m, t) => Math.max(m, t), 0);
    const H = horizon ?? Math.max(12, maxM + Math.min(36, maxM));
    const sbg = attempt(() => fitCensoredSbg(counts));
    const bdw = attempt(() => fitCensoredBdw(counts));
    const projection = [];
    for (let t = 0; t <= H; t++) {
        projection.push({
            t,
            km: t <= maxTime ? km.survivalAt(t) : null,
            sbg: sbg.model ? sbg.model.survival(t) : null,
            bdw: bdw.model ? bdw.model.survival(t) : null,
            sbg_retention: sbg.model && t > 0 ? sbg.model.retentionRate(t) : null,
            bdw_retention: bdw.model && t > 0 ? bdw.model.retentionRate(t) : null,
        });
    }
    return { group, name, contracts, used: counts.used, too_recent: counts.tooRecent, observed_periods: maxM, sbg: sbg.fit, bdw: bdw.fit, projection };
}
function attempt(fit) {
    try {
        const m = fit();
        return { fit: { params: { ...m.params }, standard_errors: { ...m.standardErrors }, log_likelihood: m.logLikelihood, converged: m.converged, aic: m.aic, bic: m.bic, ...(m.warning ? { warning: m.warning } : {}) }, model: m };
    }
    catch (e) {
        return { fit: { error: e.message } };
    }
}
//# sourceMappingURL=contract-models.js.map