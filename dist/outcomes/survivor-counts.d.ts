import type { ContractLifetimes } from './contract-lifetimes.ts';
/**
 * Survivor counts for the sBG / BdW: one "cohort" per number of whole periods observed.
 *
 * @example
 * const s: SurvivorCounts = survivorCounts(lifetimes); // s.cohorts: [{ name: 'observed 4 periods', alive: [4, 3, 2, 2, 2] }]
 */
export interface SurvivorCounts {
    cohorts: {
        name: string;
        alive: number[];
    }[];
    /** Contracts used (observed for at least one whole period). */
    used: number;
    /** Contracts observed for less than one whole period: no information for the models. */
    tooRecent: number;
    /** The same information compactly: [T, contracts churning at T] for observed churns, ascending T. */
    churned: [number, number][];
    /** [m, contracts censored at m], ascending m. */
    censored: [number, number][];
}
/**
 * Turn right-censored contract lifetimes into survivor counts the sBG and BdW fit exactly.
 * In discrete time a contract is active at the start of period t when it ends after its t-th
 * anniversary, so a contract ending at tenure u churned at T = max(1, ceil(u)). A contract observed
 * for m whole periods contributes an observed churn at T when T <= m, and is otherwise a survivor
 * censored at m (a churn inside the last, incomplete period is not used: that period was not watched
 * for everyone). Grouping contracts by m gives cohorts alive[0..m] whose joint survivor-count
 * likelihood, Σ lost_t log P(T = t) + alive_m log S(m) per group, is exactly the sBG likelihood with
 * right-censored lifetimes (Fader & Hardie 2007, §3: churners contribute P(T = t), survivors S(m)),
 * and the same for the BdW (Fader et al. 2018, §2).
 *
 * @example
 * const counts = survivorCounts(contractLifetimes(contracts, end, 'month'));
 * fitSbg(counts.cohorts);
 */
export declare function survivorCounts(lifetimes: Pick<ContractLifetimes, 'time' | 'event' | 'observedPeriods'>, include?: (i: number) => boolean): SurvivorCounts;
//# sourceMappingURL=survivor-counts.d.ts.map