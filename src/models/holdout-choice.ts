/**
 * Choosing a model on a holdout period without choosing on noise (issue 16): the mean absolute error
 * per customer decides only when the difference exceeds the holdout's own sampling noise; smaller
 * differences are ties, broken by the lower BIC (Schwarz 1978) of the calibration fits.
 */
import { createRng } from '../random.ts';

/** One candidate: its name, its BIC on the calibration data, and its absolute holdout error per customer. */
export interface HoldoutCandidate {
  name: string;
  bic: number;
  absoluteErrors: ArrayLike<number>;
}

/** Customers beyond which the noise is the analytic standard error rather than a bootstrap. */
export const ANALYTIC_ABOVE = 200_000;

/** The decision and its figures, per candidate. */
export interface HoldoutChoice {
  chosen: string;
  /** The candidate with the lowest holdout error (chosen unless a tie is broken by BIC). */
  lowestError: string;
  candidates: { name: string; mae: number; bic: number; difference: number; noise: number; tie: boolean }[];
  /** Bootstrap draws of customers (0: the analytic standard error, past `analyticAbove` customers) and the multiplier of the standard error that makes the noise band. */
  draws: number;
  z: number;
  seed: number;
  /** Customers in the holdout comparison. */
  customers: number;
}

/**
 * The model to use: the lowest holdout mean absolute error (MAE) per customer, unless another candidate
 * is within the noise, z times the bootstrap standard error of the paired MAE difference (customers
 * resampled with replacement, `draws` times, seeded; past `analyticAbove` customers, the standard error
 * the bootstrap estimates, sd/√n, exactly); among those ties, the lowest BIC.
 *
 * @example
 * const c = chooseOnHoldout([{ name: 'bgnbd', bic: 100, absoluteErrors: e1 }, { name: 'paretonbd', bic: 120, absoluteErrors: e2 }]);
 * c.chosen; c.candidates[1].noise;
 */
export function chooseOnHoldout(candidates: HoldoutCandidate[], options: { draws?: number; z?: number; seed?: number; analyticAbove?: number } = {}): HoldoutChoice {
  if (candidates.length === 0) throw new Error('chooseOnHoldout: no candidates');
  const n = candidates[0].absoluteErrors.length;
  const z = options.z ?? 1.96;
  const seed = options.seed ?? 1;
  // past `analyticAbove` customers (default 200,000) the standard error is the one the bootstrap estimates,
  // sd of the paired differences / √n, computed exactly: draws × customers random draws would take seconds
  const analytic = options.draws === undefined && n > (options.analyticAbove ?? ANALYTIC_ABOVE);
  // the bootstrap costs draws x customers per candidate: fewer draws on very large holdouts (the SE is then tiny anyway)
  const draws = analytic ? 0 : (options.draws ?? Math.max(50, Math.min(200, Math.floor(4e7 / Math.max(1, n * candidates.length)))));
  const mean = (e: ArrayLike<number>) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += e[i];
    return s / Math.max(1, n);
  };
  const maes = candidates.map((c) => mean(c.absoluteErrors));
  let best = 0;
  for (let k = 1; k < candidates.length; k++) if (maes[k] < maes[best]) best = k;
  const eb = candidates[best].absoluteErrors;
  const rows = candidates.map((c, k) => {
    if (k === best) return { name: c.name, mae: maes[k], bic: c.bic, difference: 0, noise: 0, tie: true };
    const e = c.absoluteErrors;
    const difference = maes[k] - maes[best];
    if (analytic) {
      // the bootstrap's limit: sd of the mean of n paired differences, sqrt(Σ (d − d̄)² / n) / √n
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const d = e[i] - eb[i] - difference;
        ss += d * d;
      }
      const noise = (z * Math.sqrt(ss / n)) / Math.sqrt(n);
      return { name: c.name, mae: maes[k], bic: c.bic, difference, noise, tie: difference <= noise };
    }
    // paired bootstrap of customers: the same resampled customers for both models
    const rng = createRng(seed + k);
    let s1 = 0;
    let s2 = 0;
    for (let b = 0; b < draws; b++) {
      let s = 0;
      for (let j = 0; j < n; j++) {
        const i = Math.floor(rng.uniform() * n);
        s += e[i] - eb[i];
      }
      const m = s / n;
      s1 += m;
      s2 += m * m;
    }
    const sd = Math.sqrt(Math.max(0, (s2 - (s1 * s1) / draws) / Math.max(1, draws - 1)));
    const noise = z * sd;
    return { name: c.name, mae: maes[k], bic: c.bic, difference, noise, tie: difference <= noise };
  });
  let chosen = best;
  for (let k = 0; k < rows.length; k++) if (rows[k].tie && rows[k].bic < rows[chosen].bic) chosen = k;
  return { chosen: rows[chosen].name, lowestError: rows[best].name, candidates: rows, draws, z, seed, customers: n };
}
