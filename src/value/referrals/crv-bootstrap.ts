import { ClvkitError } from '../../errors.ts';
import { createRng } from '../../random.ts';
import { quantileSorted } from '../quantile.ts';
import type { ReferralProjection, ReferralValue, ReferralValueInputs, ReferralValueOptions } from './crv.ts';
import { expectedReferralRate, fitReferralNbd, standardise } from './referral-nbd.ts';

/**
 * Customer bootstrap of CRV: customers resampled with replacement, the referral model refitted and the
 * type-one share re-estimated (when it comes from the data) at each draw; percentile intervals of the total
 * and, while customers × draws stays under `maxIntervalCells`, of each customer's CRV (written into `out`).
 *
 * @example
 * bootstrapReferralValue(value, inputs, { bootstrap: 200, level: 0.9, seed: 1 }, projection);
 */
export function bootstrapReferralValue(out: ReferralValue, inputs: ReferralValueInputs, options: ReferralValueOptions, P: ReferralProjection | undefined): void {
  const B = options.bootstrap!;
  const level = options.level ?? 0.9;
  if (!(level > 0 && level < 1)) throw new ClvkitError(`the interval level must be between 0 and 1, got ${level}`, {}, 2);
  const n = out.crv.length;
  const rng = createRng(options.seed ?? 1);
  const R = inputs.referrals;
  // per customer: referrals of known type and of type one (for resampling the share)
  const known = new Float64Array(n);
  const ones = new Float64Array(n);
  const unknownOne = new Float64Array(n); // Σ CLV of unknown-type referred customers
  const unknownTwo = new Float64Array(n); // Σ acquisition cost of unknown-type referred customers
  for (let k = 0; k < R.length; k++) {
    const i = R.referrer[k];
    if (i < 0) continue;
    if (R.type[k] >= 0) known[i]++;
    if (R.type[k] === 1) ones[i]++;
    if (R.type[k] < 0 && R.referred[k] >= 0) {
      unknownOne[i] += inputs.clv[R.referred[k]];
      unknownTwo[i] += Number.isNaN(R.acquisitionCost[k]) ? out.acquisitionCost : R.acquisitionCost[k];
    }
  }
  const keepCustomers = n * B <= (options.maxIntervalCells ?? 2e7);
  const draws = keepCustomers ? new Float32Array(n * B) : undefined;
  const totals = new Float64Array(B);
  const weights = new Float64Array(n);
  const s0 = out.typeOneShare.value;
  const covariates = out.model?.covariates ? P!.covariates!.map(standardise) : undefined;
  let done = 0;
  for (let b = 0; b < B; b++) {
    weights.fill(0);
    for (let i = 0; i < n; i++) weights[rng.integer(n)]++;
    let s = s0;
    if (out.typeOneShare.source === 'data') {
      let kn = 0;
      let on = 0;
      for (let i = 0; i < n; i++) {
        kn += weights[i] * known[i];
        on += weights[i] * ones[i];
      }
      s = kn > 0 ? on / kn : s0;
    }
    let rate: Float64Array | undefined;
    if (out.model && P) {
      try {
        const f = out.model.fit;
        const refit = fitReferralNbd({ counts: out.referrals, exposure: out.exposure, weights, covariates }, { r: f.params.r, alpha: f.params.alpha, effects: f.effects });
        rate = expectedReferralRate(refit, { counts: out.referrals, exposure: out.exposure, covariates });
      } catch {
        continue; // a resample without referrals cannot be fitted: skipped, counted below
      }
    }
    let total = 0;
    const acq = out.acquisitionCost;
    for (let i = 0; i < n; i++) {
      // only the unknown-type part of past value moves with s
      let v = out.pastTypeOne[i] + out.pastTypeTwo[i] + (s - s0) * (unknownOne[i] - unknownTwo[i]);
      if (rate) v += rate[i] * P!.activeTime[i] * (s * P!.newCustomerValue + (1 - s) * acq);
      total += v;
      if (draws) draws[done * n + i] = v;
    }
    totals[done++] = total;
  }
  if (done < B) out.warnings.push(`${B - done} of ${B} bootstrap draws failed (a resample without referrals) and were skipped`);
  if (done === 0) return;
  const lo = (1 - level) / 2;
  const sorted = totals.slice(0, done).sort();
  out.total.lower = quantileSorted(sorted, lo);
  out.total.upper = quantileSorted(sorted, 1 - lo);
  out.total.draws = done;
  out.total.level = level;
  if (draws) {
    out.crvLower = new Float64Array(n);
    out.crvUpper = new Float64Array(n);
    const col = new Float64Array(done);
    for (let i = 0; i < n; i++) {
      for (let b = 0; b < done; b++) col[b] = draws[b * n + i];
      col.sort();
      out.crvLower[i] = quantileSorted(col, lo);
      out.crvUpper[i] = quantileSorted(col, 1 - lo);
    }
  } else out.warnings.push(`per-customer CRV intervals left out (${n} customers × ${B} draws is too many to keep); the total has its interval`);
}
