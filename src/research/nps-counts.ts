import { normalQuantile } from '../stdlib.ts';
import { ClvkitError } from '../errors.ts';

/** Options of the NPS functions. */
export interface NpsOptions {
  /** Confidence level of the intervals, default 0.95. */
  level?: number;
}

/** A Net Promoter Score with its precision. NPS, SE and interval ends are in points (−100..100). */
export interface NpsResult {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** 100 (P − D) / n; NaN (null in JSON) when n = 0. */
  nps: number;
  /** Standard error, points: 100 · sqrt((p_P + p_D − (p_P − p_D)²) / n). */
  se: number;
  /** Wald interval nps ± z·se, clipped to [−100, 100]. Zero width when se = 0 (e.g. all promoters). */
  ci: [number, number];
  /** Adjusted Wald interval (Rocks 2016): ¾ pseudo-respondent added to promoters and to detractors, 3 to n. */
  ciAdjusted: [number, number];
  level: number;
}

/**
 * z = Φ⁻¹(1 − (1 − level)/2), checking the level.
 *
 * @example
 * zForLevel(0.95); // 1.959963984540054
 */
export function zForLevel(level: number): number {
  if (!(level > 0 && level < 1)) throw new ClvkitError(`the confidence level must be between 0 and 1 (e.g. 0.95), got ${level}`);
  return normalQuantile(1 - (1 - level) / 2, 0, 1);
}

const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * NPS, standard error and intervals from the counts of promoters (9–10), passives (7–8) and detractors (0–6).
 *
 * Variance: each respondent scores +1 (promoter), 0 or −1 (detractor); NPS/100 is the mean of these
 * trinomial scores, whose variance is E[X²] − E[X]² = p_P + p_D − (p_P − p_D)², so
 * Var(NPS/100) = (p_P + p_D − (p_P − p_D)²)/n (Rocks 2016, The American Statistician 70(4), Wald variance).
 * With one respondent, or when all answers fall in one category, the estimated variance is 0 and the
 * Wald interval collapses to the point; `ciAdjusted` (the adjusted Wald interval Rocks recommends) stays
 * informative in those cases.
 *
 * @example
 * const r = npsFromCounts(50, 30, 20);
 * r.nps; // 30
 * r.se;  // 100 * sqrt((0.5 + 0.2 - 0.09) / 100) = 7.8102...
 * r.ci;  // [14.69..., 45.30...]
 */
export function npsFromCounts(promoters: number, passives: number, detractors: number, options: NpsOptions = {}): NpsResult {
  const level = options.level ?? 0.95;
  const z = zForLevel(level);
  for (const c of [promoters, passives, detractors]) {
    if (!(Number.isInteger(c) && c >= 0)) throw new ClvkitError(`NPS counts must be non-negative integers, got ${c}`);
  }
  const n = promoters + passives + detractors;
  if (n === 0) {
    return { n, promoters, passives, detractors, nps: NaN, se: NaN, ci: [NaN, NaN], ciAdjusted: [NaN, NaN], level };
  }
  const pP = promoters / n;
  const pD = detractors / n;
  const net = pP - pD;
  // Rocks (2016): Var of the mean of trinomial scores {+1, 0, −1} = (p_P + p_D − (p_P − p_D)²)/n
  const se = Math.sqrt(Math.max(0, pP + pD - net * net) / n);
  // Rocks (2016), adjusted Wald: add 3/4 to promoters and detractors and 3 to n
  const nA = n + 3;
  const pPA = (promoters + 0.75) / nA;
  const pDA = (detractors + 0.75) / nA;
  const netA = pPA - pDA;
  const seA = Math.sqrt((pPA + pDA - netA * netA) / nA);
  return {
    n,
    promoters,
    passives,
    detractors,
    nps: 100 * net,
    se: 100 * se,
    ci: [clip(100 * (net - z * se), -100, 100), clip(100 * (net + z * se), -100, 100)],
    ciAdjusted: [clip(100 * (netA - z * seA), -100, 100), clip(100 * (netA + z * seA), -100, 100)],
    level,
  };
}
