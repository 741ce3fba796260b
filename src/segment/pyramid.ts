import { ClvkitError } from '../errors.ts';
import { sortedFloat64 } from '../sort-float64.ts';

/** Options of {@link valueTiers}. */
export interface ValueTierOptions {
  /** Share of customers in each tier, top tier first; positive, summing to 1. Default [0.01, 0.04, 0.15, 0.80]. */
  cuts?: number[];
  /** One name per tier, top first. Default ['Platinum', 'Gold', 'Iron', 'Lead'] (Zeithaml, Rust & Lemon 2001). */
  names?: string[];
}

/** Result of {@link valueTiers}. */
export interface ValueTiers {
  /** Tier of each customer, in input order: 0 = top tier. */
  tier: Int32Array;
  names: string[];
  /** Customers per tier. */
  counts: number[];
  /** counts / n per tier (NaN when n = 0). */
  customerShares: number[];
  /** Sum of values in the tier / sum of all values (NaN when the total is 0). */
  valueShares: number[];
  /** Rank boundaries: tier k holds ranks [boundaries[k], boundaries[k + 1]) (0-based, by value descending). */
  boundaries: number[];
}

/** The customer pyramid of Zeithaml, Rust & Lemon (2001), California Management Review 43(4): top 1%, next 4%, next 15%, last 80%. */
export const DEFAULT_TIER_CUTS: readonly number[] = [0.01, 0.04, 0.15, 0.8];
export const DEFAULT_TIER_NAMES: readonly string[] = ['Platinum', 'Gold', 'Iron', 'Lead'];

/**
 * Value tiers (the customer pyramid): customers ranked by value, highest first, then cut by shares of customers.
 *
 * Ranking: by value descending; equal values keep their input order (the earlier customer ranks higher),
 * so the result is deterministic. Tier sizes: with cumulative shares c_k = cuts[0] + … + cuts[k], tier k
 * holds the ranks from ceil(n·c_{k-1}) to ceil(n·c_k) − 1 (a product n·c_k within 1e-9 of an integer counts
 * as that integer, so floating-point sums such as 0.1 + 0.2 do not move a boundary). The top tiers therefore
 * round up: with n = 10 and the default cuts, Platinum holds 1 customer, Gold 0, Iron 1, Lead 8. A tier is
 * empty when n is too small for its share; with the default cuts every tier is non-empty from n = 21.
 *
 * @param values one value per customer (e.g. historical total spend or CLV); must be finite
 * @example
 * const t = valueTiers([5, 100, 20, 1]);
 * // ranks: 100 (index 1), 20, 5, 1 → boundaries [0, 1, 1, 1, 4]
 * t.tier;   // Int32Array [3, 0, 3, 3]
 * t.counts; // [1, 0, 0, 3]
 */
export function valueTiers(values: ArrayLike<number>, options: ValueTierOptions = {}): ValueTiers {
  return valueTiersSorted(values, undefined, options);
}

/**
 * {@link valueTiers} with the values already sorted ascending (a Float64Array copy, e.g. shared with the
 * Gini coefficient and the top of the prioritised list), so that a caller sorts them once.
 *
 * @example
 * const v = [5, 100, 20, 1];
 * valueTiersSorted(v, Float64Array.from(v).sort()).tier; // Int32Array [3, 0, 3, 3]
 */
export function valueTiersSorted(values: ArrayLike<number>, sortedAscending: Float64Array | undefined, options: ValueTierOptions = {}): ValueTiers {
  const cuts = options.cuts ?? [...DEFAULT_TIER_CUTS];
  const names = options.names ?? (options.cuts === undefined ? [...DEFAULT_TIER_NAMES] : cuts.map((_, k) => `Tier ${k + 1}`));
  if (cuts.length === 0) throw new ClvkitError('value tiers need at least one cut');
  if (names.length !== cuts.length) throw new ClvkitError(`value tiers: ${cuts.length} cuts but ${names.length} names`);
  if (new Set(names).size !== names.length) throw new ClvkitError(`value tier names must be distinct, got ${names.join(', ')}`);
  let total = 0;
  for (const c of cuts) {
    if (!(c > 0) || !Number.isFinite(c)) throw new ClvkitError(`value tier cuts must be positive shares, got ${c}`);
    total += c;
  }
  if (Math.abs(total - 1) > 1e-9) throw new ClvkitError(`value tier cuts must add up to 1, they add up to ${total}`);

  const n = values.length;
  if (sortedAscending && sortedAscending.length !== n) throw new ClvkitError(`value tiers: ${sortedAscending.length} sorted values for ${n} customers`);
  // a sorted copy holds any value that is not finite at one of its ends: the scan (which names it) only then
  const finiteEnds = sortedAscending !== undefined && (n === 0 || (Number.isFinite(sortedAscending[0]) && Number.isFinite(sortedAscending[n - 1])));
  if (!finiteEnds) {
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(values[i])) throw new ClvkitError(`value tiers need finite values; value ${i + 1} is ${values[i]}`);
    }
  }
  // one native sort of the values (no index sort): tier boundaries become value thresholds below
  const sorted = sortedAscending ?? sortedFloat64(values); // ascending; rank r (descending) is sorted[n - 1 - r]

  const K = cuts.length;
  const boundaries = [0];
  let cumulative = 0;
  for (let k = 0; k < K; k++) {
    cumulative += cuts[k];
    const x = n * cumulative;
    const r = Math.round(x);
    const b = k === K - 1 ? n : Math.min(n, Math.abs(x - r) < 1e-9 ? r : Math.ceil(x));
    boundaries.push(Math.max(b, boundaries[k]));
  }

  const counts = new Array<number>(K).fill(0);
  const sums = new Array<number>(K).fill(0);
  let grand = 0;
  for (let k = 0; k < K; k++) {
    // summed in rank order, as the ranked customers' values
    let sum = 0; // (the same additions in the same order as into sums[k])
    for (let r = boundaries[k]; r < boundaries[k + 1]; r++) sum += sorted[n - 1 - r];
    sums[k] = sum;
    counts[k] = boundaries[k + 1] - boundaries[k];
    grand += sums[k];
  }
  // Customer i ranks before boundary b when its value exceeds the value at rank b, or equals it and it is among
  // the first `need` such customers in input order (ties rank in input order). Its tier is the number of
  // boundaries b_1..b_{K-1} it does not rank before.
  const inner = boundaries.slice(1, K).filter((b) => b > 0);
  const skipped = K - 1 - inner.length; // boundaries at rank 0: every customer is at or past them
  const J = inner.length;
  const thr = new Float64Array(J);
  const need = new Float64Array(J);
  const seenEq = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    const b = inner[j];
    if (b >= n) {
      thr[j] = -Infinity; // every customer ranks before it
      need[j] = 0;
      continue;
    }
    const t = sorted[n - 1 - b];
    // customers with a value above t: those after the last index holding a value <= t
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] > t) hi = mid;
      else lo = mid + 1;
    }
    thr[j] = t;
    need[j] = b - (n - lo);
  }
  const tier = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let k = skipped;
    for (let j = 0; j < J; j++) {
      const t = thr[j];
      if (v > t) continue;
      if (v === t && seenEq[j]++ < need[j]) continue;
      k++;
    }
    tier[i] = k;
  }
  return {
    tier,
    names,
    counts,
    customerShares: counts.map((c) => (n === 0 ? NaN : c / n)),
    valueShares: sums.map((s) => (grand === 0 ? NaN : s / grand)),
    boundaries,
  };
}
