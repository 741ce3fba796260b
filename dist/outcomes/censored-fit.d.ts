import { type BdwModel } from '../models/bdw.ts';
import { type SbgModel } from '../models/sbg.ts';
import type { FitOptions } from '../models/types.ts';
import type { SurvivorCounts } from './survivor-counts.ts';
/**
 * Right-censored log-likelihood from compact counts: Σ_t n_t log P(T = t) + Σ_m c_m log S(m), where n_t
 * contracts were seen to churn at T = t and c_m were still active after m periods when observation
 * stopped (Fader & Hardie 2007, §3: churners contribute P(T = t), survivors S(m)). Equal to the
 * survivor-count likelihood of the models over `counts.cohorts`, in O(distinct t + distinct m) instead of
 * O(Σ m), which matters for daily or weekly tenures of staggered contracts.
 *
 * @example
 * censoredLogLikelihood(counts, (t) => sbgLogSurvival(0.7, 1.2, t), (t) => sbgLogChurn(0.7, 1.2, t));
 */
export declare function censoredLogLikelihood(counts: Pick<SurvivorCounts, 'churned' | 'censored'>, logSurvival: (t: number) => number, logChurn: (t: number) => number): number;
/**
 * Fit the sBG (Fader & Hardie 2007) to right-censored contract counts, with its analytic gradient
 * (d/dα log B(α, β) = ψ(α) − ψ(α + β), d/dβ log B(α, β) = ψ(β) − ψ(α + β)), through the models' engine.
 *
 * @example
 * const m = fitCensoredSbg(survivorCounts(lifetimes)); // m.params.alpha, m.projectSurvivors(24, 1000)
 */
export declare function fitCensoredSbg(counts: SurvivorCounts, options?: FitOptions): SbgModel;
/**
 * Fit the beta-discrete-Weibull (Fader et al. 2018) to right-censored contract counts (gradient by central
 * differences in the models' engine). Needs churn or survival observed to period 3 at least to identify c.
 *
 * @example
 * const m = fitCensoredBdw(survivorCounts(lifetimes)); // m.params.c < 1: individual churn falls with tenure
 */
export declare function fitCensoredBdw(counts: SurvivorCounts, options?: FitOptions): BdwModel;
//# sourceMappingURL=censored-fit.d.ts.map