import type { ReferralLog } from '../../ingest/referrals.ts';
import type { Day } from '../../types.ts';

/**
 * Referrals matched to the customers of the transaction file: `referrer[k]` and `referred[k]` are customer
 * indices (in `customerIds` order) or -1 when the id is not a customer. Referrals dated after the end of
 * observation are set aside (counted, first lines kept) as the summary sets aside later purchases.
 *
 * @example
 * const m: MatchedReferrals = matchReferrals(log, summary.customerIds, summary.end);
 * m.unmatchedReferred; // ids of referred people who never bought
 */
export interface MatchedReferrals {
  referrer: Int32Array;
  referred: Int32Array;
  day: Int32Array;
  type: Int8Array;
  acquisitionCost: Float64Array;
  length: number;
  /** Referrers that are not customers (their referrals count for no one's CRV), in first-seen order. */
  unmatchedReferrers: string[];
  /** Referrals whose referrer is not a customer. */
  unmatchedReferrerRows: number;
  /** Referred people not in the transaction file (never bought: their CLV is 0), in log order. */
  unmatchedReferred: string[];
  afterEnd: { count: number; firstLines: number[] };
}

/**
 * Match a referral log to the customers (ids compared exactly, after trimming).
 *
 * @example
 * const m = matchReferrals(readReferrals('refs.csv'), ['A', 'B'], end);
 * m.referrer[0]; // 0 when the first referrer is A
 */
export function matchReferrals(log: ReferralLog, customerIds: readonly string[], end: Day): MatchedReferrals {
  // Index only the ids in the log (fewer than the customers), then scan the customers once.
  const at = new Map<string, number>();
  for (let k = 0; k < log.length; k++) {
    at.set(log.referrer[k], -1);
    at.set(log.referred[k], -1);
  }
  for (let i = 0; i < customerIds.length; i++) if (at.get(customerIds[i]) === -1) at.set(customerIds[i], i);
  const keep: number[] = [];
  const afterEnd = { count: 0, firstLines: [] as number[] };
  for (let k = 0; k < log.length; k++) {
    if (log.day[k] > end) {
      afterEnd.count++;
      if (afterEnd.firstLines.length < 5) afterEnd.firstLines.push(log.line[k]);
    } else keep.push(k);
  }
  const m = keep.length;
  const out: MatchedReferrals = {
    referrer: new Int32Array(m),
    referred: new Int32Array(m),
    day: new Int32Array(m),
    type: new Int8Array(m),
    acquisitionCost: new Float64Array(m),
    length: m,
    unmatchedReferrers: [],
    unmatchedReferrerRows: 0,
    unmatchedReferred: [],
    afterEnd,
  };
  const listed = new Set<string>();
  keep.forEach((k, j) => {
    out.referrer[j] = at.get(log.referrer[k])!;
    out.referred[j] = at.get(log.referred[k])!;
    out.day[j] = log.day[k];
    out.type[j] = log.type[k];
    out.acquisitionCost[j] = log.acquisitionCost[k];
    if (out.referrer[j] < 0) {
      out.unmatchedReferrerRows++;
      if (!listed.has(log.referrer[k])) {
        listed.add(log.referrer[k]);
        out.unmatchedReferrers.push(log.referrer[k]);
      }
    }
    if (out.referred[j] < 0) out.unmatchedReferred.push(log.referred[k]);
  });
  return out;
}
