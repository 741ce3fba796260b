import { normalCdf } from '../stdlib.ts';
import { zForLevel, type NpsOptions, type NpsResult } from './nps-counts.ts';

/** Difference between two NPS from independent samples, in points. */
export interface NpsDifference {
  /** a.nps − b.nps */
  difference: number;
  /** sqrt(se_a² + se_b²) */
  se: number;
  /** difference ± z·se, clipped to [−200, 200]. */
  ci: [number, number];
  /** difference / se; NaN (null in JSON) when se = 0. */
  z: number;
  /** Two-sided p-value of the normal test; NaN when se = 0. */
  p: number;
  level: number;
}

/**
 * Difference between the NPS of two independent groups: the variances add, so
 * SE = sqrt(SE_a² + SE_b²) and the Wald interval is difference ± z·SE (Rocks 2016, two-sample Wald).
 * When both groups have zero estimated variance (e.g. each is all promoters) the interval has zero width
 * and z, p are NaN.
 *
 * @example
 * const d = npsDifference(npsFromCounts(50, 30, 20), npsFromCounts(30, 40, 30));
 * d.difference; // 30 - 0 = 30
 * d.se;         // sqrt(7.8102² + 7.7460²) = 11.0000
 */
export function npsDifference(a: NpsResult, b: NpsResult, options: NpsOptions = {}): NpsDifference {
  const level = options.level ?? a.level ?? 0.95;
  const z = zForLevel(level);
  const difference = a.nps - b.nps;
  // independent samples: Var(a − b) = Var(a) + Var(b)
  const se = Math.sqrt(a.se * a.se + b.se * b.se);
  const stat = se > 0 ? difference / se : NaN;
  return {
    difference,
    se,
    ci: [Math.max(-200, difference - z * se), Math.min(200, difference + z * se)],
    z: stat,
    p: Number.isNaN(stat) ? NaN : 2 * normalCdf(-Math.abs(stat), 0, 1),
    level,
  };
}
