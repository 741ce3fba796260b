import { digamma } from '../stdlib.ts';
import { ClvkitError } from '../errors.ts';
import { type BdwModel, type BdwParams, bdwLogChurn, bdwLogSurvival, bdwModel } from '../models/bdw.ts';
import { fitRetentionModel } from '../models/retention-data.ts';
import { type SbgModel, type SbgParams, sbgLogChurn, sbgLogSurvival, sbgModel } from '../models/sbg.ts';
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
export function censoredLogLikelihood(counts: Pick<SurvivorCounts, 'churned' | 'censored'>, logSurvival: (t: number) => number, logChurn: (t: number) => number): number {
  let ll = 0;
  for (const [t, n] of counts.churned) ll += n * logChurn(t);
  for (const [m, n] of counts.censored) ll += n * logSurvival(m);
  return ll;
}

function sizes(counts: SurvivorCounts, model: string): { customers: number; periods: number } {
  const churned = counts.churned.reduce((s, [, n]) => s + n, 0);
  const customers = churned + counts.censored.reduce((s, [, n]) => s + n, 0);
  if (!(churned > 0)) throw new ClvkitError(`no contract was seen to churn: the ${model} cannot be identified (retention looks like 100%)`);
  const periods = Math.max(counts.churned[counts.churned.length - 1]?.[0] ?? 0, counts.censored[counts.censored.length - 1]?.[0] ?? 0);
  return { customers, periods };
}

/**
 * Fit the sBG (Fader & Hardie 2007) to right-censored contract counts, with its analytic gradient
 * (d/dα log B(α, β) = ψ(α) − ψ(α + β), d/dβ log B(α, β) = ψ(β) − ψ(α + β)), through the models' engine.
 *
 * @example
 * const m = fitCensoredSbg(survivorCounts(lifetimes)); // m.params.alpha, m.projectSurvivors(24, 1000)
 */
export function fitCensoredSbg(counts: SurvivorCounts, options: FitOptions = {}): SbgModel {
  const { customers, periods } = sizes(counts, 'sBG');
  const ll = (a: number, b: number) => censoredLogLikelihood(counts, (t) => sbgLogSurvival(a, b, t), (t) => sbgLogChurn(a, b, t));
  const base = fitRetentionModel<SbgParams>(
    'sbg',
    {
      names: ['alpha', 'beta'],
      initial: [1, 1],
      logLikelihood: (p) => ll(p[0], p[1]),
      gradient: (p, g) => {
        const [a, b] = [p[0], p[1]];
        const pab = digamma(a + b);
        const dA0 = digamma(a) - pab;
        const dB0 = digamma(b) - pab;
        let ga = 0;
        let gb = 0;
        // log P(T = t) = log B(α + 1, β + t − 1) − log B(α, β); log S(m) = log B(α, β + m) − log B(α, β).
        for (const [t, n] of counts.churned) {
          const s = digamma(a + b + t);
          ga += n * (digamma(a + 1) - s - dA0);
          gb += n * (digamma(b + t - 1) - s - dB0);
        }
        for (const [m, n] of counts.censored) {
          const s = digamma(a + b + m);
          ga += n * (digamma(a) - s - dA0);
          gb += n * (digamma(b + m) - s - dB0);
        }
        g[0] = ga;
        g[1] = gb;
        return ll(a, b);
      },
      observations: customers,
    },
    options,
  );
  return sbgModel(base.params, { ...base, cohorts: [{ name: 'contracts', periods, size: customers }] });
}

/**
 * Fit the beta-discrete-Weibull (Fader et al. 2018) to right-censored contract counts (gradient by central
 * differences in the models' engine). Needs churn or survival observed to period 3 at least to identify c.
 *
 * @example
 * const m = fitCensoredBdw(survivorCounts(lifetimes)); // m.params.c < 1: individual churn falls with tenure
 */
export function fitCensoredBdw(counts: SurvivorCounts, options: FitOptions = {}): BdwModel {
  const { customers, periods } = sizes(counts, 'BdW');
  if (periods < 3) throw new ClvkitError('the BdW needs contracts observed for at least 3 whole periods to identify its three parameters');
  const base = fitRetentionModel<BdwParams>(
    'bdw',
    {
      names: ['alpha', 'beta', 'c'],
      initial: [1, 1, 1],
      logLikelihood: (p) => censoredLogLikelihood(counts, (t) => bdwLogSurvival(p[0], p[1], p[2], t), (t) => bdwLogChurn(p[0], p[1], p[2], t)),
      observations: customers,
    },
    options,
  );
  return bdwModel(base.params, { ...base, cohorts: [{ name: 'contracts', periods, size: customers }] });
}
