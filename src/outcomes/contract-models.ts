import { fitCensoredBdw, fitCensoredSbg } from './censored-fit.ts';
import type { ContractLifetimes } from './contract-lifetimes.ts';
import { kaplanMeier } from './kaplan-meier.ts';
import { survivorCounts } from './survivor-counts.ts';

/**
 * One fitted model, or why it could not be fitted.
 *
 * @example
 * const fit: ModelFit = group.sbg; if (!('error' in fit)) fit.params.alpha;
 */
export type ModelFit =
  | { params: Record<string, number>; standard_errors: Record<string, number>; log_likelihood: number; converged: boolean; aic: number; bic: number; warning?: string }
  | { error: string };

/**
 * sBG and BdW fitted to one group of contracts, with projections beside Kaplan-Meier.
 *
 * @example
 * const g: ContractModelGroup = report.contracts!.models.groups[0]; // g.projection[12].sbg
 */
export interface ContractModelGroup {
  /** 'all', 'plan' or 'cohort' (calendar period of the start). */
  group: 'all' | 'plan' | 'cohort';
  name: string;
  contracts: number;
  /** Contracts observed for at least one whole period (the ones the models see). */
  used: number;
  too_recent: number;
  observed_periods: number;
  sbg: ModelFit;
  bdw: ModelFit;
  /** t = 0..horizon: KM survival (null past the data), model survival and model retention rates. */
  projection: { t: number; km: number | null; sbg: number | null; bdw: number | null; sbg_retention: number | null; bdw_retention: number | null }[];
}

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
export function contractModelGroup(
  lifetimes: ContractLifetimes,
  group: ContractModelGroup['group'],
  name: string,
  include: (i: number) => boolean,
  horizon?: number,
  level = 0.95,
): ContractModelGroup {
  const counts = survivorCounts(lifetimes, include);
  const times: number[] = [];
  const events: number[] = [];
  let contracts = 0;
  for (let i = 0; i < lifetimes.time.length; i++) {
    if (!include(i)) continue;
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

type Fitted = { params: Record<string, number>; standardErrors: Record<string, number>; logLikelihood: number; converged: boolean; aic: number; bic: number; warning?: string; survival(t: number): number; retentionRate(t: number): number };

function attempt(fit: () => Fitted): { fit: ModelFit; model?: Fitted } {
  try {
    const m = fit();
    return { fit: { params: { ...m.params }, standard_errors: { ...m.standardErrors }, log_likelihood: m.logLikelihood, converged: m.converged, aic: m.aic, bic: m.bic, ...(m.warning ? { warning: m.warning } : {}) }, model: m };
  } catch (e) {
    return { fit: { error: (e as Error).message } };
  }
}
