import type { ContractLifetimes } from './contract-lifetimes.ts';
/**
 * One fitted model, or why it could not be fitted.
 *
 * @example
 * const fit: ModelFit = group.sbg; if (!('error' in fit)) fit.params.alpha;
 */
export type ModelFit = {
    params: Record<string, number>;
    standard_errors: Record<string, number>;
    log_likelihood: number;
    converged: boolean;
    aic: number;
    bic: number;
    warning?: string;
} | {
    error: string;
};
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
    projection: {
        t: number;
        km: number | null;
        sbg: number | null;
        bdw: number | null;
        sbg_retention: number | null;
        bdw_retention: number | null;
    }[];
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
export declare function contractModelGroup(lifetimes: ContractLifetimes, group: ContractModelGroup['group'], name: string, include: (i: number) => boolean, horizon?: number, level?: number): ContractModelGroup;
//# sourceMappingURL=contract-models.d.ts.map