/**
 * Stated versus actual recommendation: the referral behaviour and referral value of promoters, passives and
 * detractors (Reichheld 2003's categories) among the customers who answered the NPS question. Kumar,
 * Petersen & Leone (2007, HBR 85(10)) found stated intent a poor guide to actual referrals; this measures it
 * in the user's own data.
 */
import { wilsonInterval, type Proportion } from '../outcomes/wilson.ts';
import { zForLevel } from './nps-counts.ts';
import { npsCategory, type NpsCategory } from './nps.ts';

/**
 * Per customer (customers' order): referrals made, exposure (time units) and CRV.
 *
 * @example
 * const b: ReferralBehaviour = { customerIds: ['A'], referrals: [2], exposure: [26], crv: [55.5] };
 */
export interface ReferralBehaviour {
  customerIds: readonly string[];
  referrals: ArrayLike<number>;
  exposure: ArrayLike<number>;
  crv: ArrayLike<number>;
}

/**
 * One NPS category: who referred, at what rate, for what value (with intervals).
 *
 * @example
 * g.category; g.referrers.rate; g.referral_rate; g.crv_mean;
 */
export interface StatedGroup {
  category: NpsCategory;
  customers: number;
  /** Customers with at least one referral: Wilson interval. */
  referrers: Proportion;
  /** Referrals per time unit of exposure (ratio estimator) with a normal interval. */
  referral_rate: number;
  referral_rate_lower: number;
  referral_rate_upper: number;
  crv_mean: number;
  crv_lower: number;
  crv_upper: number;
}

/**
 * @example
 * const s: StatedVersusActual = statedVersusActual(ids, scores, behaviour);
 * s.difference.crv; // promoters' mean CRV − detractors'
 */
export interface StatedVersusActual {
  groups: StatedGroup[];
  /** Respondents whose id is a customer, and those that are not (left out, listed). */
  matched: number;
  unmatched: string[];
  /** Promoters minus detractors: mean CRV and referral rate, Welch normal intervals. */
  difference: { crv: number; crv_lower: number; crv_upper: number; referral_rate: number; referral_rate_lower: number; referral_rate_upper: number };
  /** 'yes' when promoters' mean CRV is above detractors' with the interval above 0; 'no' when the interval holds 0 or is below; 'unknown' without both groups. */
  predicts: 'yes' | 'no' | 'unknown';
  level: number;
}

/**
 * Referral rate and CRV of promoters (9–10), passives (7–8) and detractors (0–6). Referral rate = Σ referrals /
 * Σ exposure, its variance that of a ratio estimator, Σ (n_i − R e_i)² / (Σ e_i)² (Cochran 1977, eq. 6.9,
 * with n/(n−1)); mean CRV with the normal interval mean ± z·sd/√n. A respondent answering twice counts once
 * (the last answer).
 *
 * @example
 * statedVersusActual(['A', 'B'], [10, 3], behaviour).groups[0].crv_mean;
 */
export function statedVersusActual(ids: readonly string[], scores: ArrayLike<number>, b: ReferralBehaviour, level = 0.95): StatedVersusActual {
  const z = zForLevel(level);
  const index = new Map<string, number>();
  for (let k = 0; k < ids.length; k++) index.set(ids[k], -1);
  for (let i = 0; i < b.customerIds.length; i++) if (index.get(b.customerIds[i]) === -1) index.set(b.customerIds[i], i);
  const byCustomer = new Map<number, number>();
  const unmatched: string[] = [];
  for (let k = 0; k < ids.length; k++) {
    const i = index.get(ids[k])!;
    if (i < 0) unmatched.push(ids[k]);
    else byCustomer.set(i, scores[k]);
  }
  const members: Record<NpsCategory, number[]> = { promoter: [], passive: [], detractor: [] };
  for (const [i, score] of byCustomer) members[npsCategory(score)].push(i);
  const stats = (cat: NpsCategory) => {
    const m = members[cat];
    const n = m.length;
    let refs = 0;
    let exp = 0;
    let referrers = 0;
    let crv = 0;
    for (const i of m) {
      refs += b.referrals[i];
      exp += b.exposure[i];
      crv += b.crv[i];
      if (b.referrals[i] > 0) referrers++;
    }
    const rate = exp > 0 ? refs / exp : NaN;
    const meanCrv = n ? crv / n : NaN;
    let ssRate = 0;
    let ssCrv = 0;
    for (const i of m) {
      ssRate += (b.referrals[i] - rate * b.exposure[i]) ** 2;
      ssCrv += (b.crv[i] - meanCrv) ** 2;
    }
    // ratio-estimator variance (Cochran 1977, eq. 6.9) and the variance of a mean
    const varRate = n > 1 ? (ssRate * n) / (n - 1) / (exp * exp) : NaN;
    const varCrv = n > 1 ? ssCrv / (n - 1) / n : NaN;
    return { n, referrers, rate, meanCrv, varRate, varCrv };
  };
  const s = { promoter: stats('promoter'), passive: stats('passive'), detractor: stats('detractor') };
  const groups: StatedGroup[] = (['promoter', 'passive', 'detractor'] as const).map((category) => {
    const g = s[category];
    return {
      category,
      customers: g.n,
      referrers: wilsonInterval(g.referrers, g.n, level),
      referral_rate: g.rate,
      referral_rate_lower: Math.max(0, g.rate - z * Math.sqrt(g.varRate)),
      referral_rate_upper: g.rate + z * Math.sqrt(g.varRate),
      crv_mean: g.meanCrv,
      crv_lower: g.meanCrv - z * Math.sqrt(g.varCrv),
      crv_upper: g.meanCrv + z * Math.sqrt(g.varCrv),
    };
  });
  const P = s.promoter;
  const D = s.detractor;
  // Welch: independent groups, variances added
  const dCrv = P.meanCrv - D.meanCrv;
  const seCrv = Math.sqrt(P.varCrv + D.varCrv);
  const dRate = P.rate - D.rate;
  const seRate = Math.sqrt(P.varRate + D.varRate);
  const difference = {
    crv: dCrv,
    crv_lower: dCrv - z * seCrv,
    crv_upper: dCrv + z * seCrv,
    referral_rate: dRate,
    referral_rate_lower: dRate - z * seRate,
    referral_rate_upper: dRate + z * seRate,
  };
  const predicts = Number.isFinite(difference.crv_lower) ? (difference.crv_lower > 0 ? 'yes' : 'no') : 'unknown';
  return { groups, matched: byCustomer.size, unmatched, difference, predicts, level };
}
