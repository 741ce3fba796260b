import { readReferrals } from '../ingest/referrals.ts';
import { statedVersusActual } from '../research/nps-referrals.ts';
import { readNpsScores } from '../research/nps-read.ts';
import type { CustomerSummary, TransactionTable } from '../types.ts';
import { analyseReferrals, type ReferralClvModel } from '../value/referrals/analyse.ts';
import type { Accounted } from './build.ts';
import type { ReferralSectionInput } from './sections/referrals.ts';

/**
 * The referral section's input from the files of `clvkit report --referrals log [--nps scores]`: the log
 * read and valued with the report's CLV settings (horizon in months, discount, margin, model), and, with
 * an NPS file whose rows carry customer ids, stated versus actual recommendation.
 *
 * @example
 * const input = referralReportInput('refs.csv', summary, table, 'nps.csv', { horizonMonths: 12, annualDiscount: 0.1, margin: 1 });
 */
export function referralReportInput(
  logFile: string,
  summary: CustomerSummary,
  table: TransactionTable,
  npsFile: string | undefined,
  o: { model?: string; horizonMonths: number; annualDiscount: number; margin: number; typeOneShare?: number; acquisitionCost?: number; skipBadRows?: boolean },
): Accounted<ReferralSectionInput> {
  const log = readReferrals(logFile, { skipBadRows: o.skipBadRows });
  const model = o.model === 'mbgnbd' || o.model === 'paretonbd' ? (o.model as ReferralClvModel) : 'bgnbd';
  const a = analyseReferrals(summary, log, { model, horizon: o.horizonMonths, horizonUnit: 'month', annualDiscount: o.annualDiscount, margin: o.margin, typeOneShare: o.typeOneShare, acquisitionCost: o.acquisitionCost }, table);
  const warnings = [...a.warnings];
  let nps;
  if (npsFile) {
    try {
      const scores = readNpsScores(npsFile, { ids: true, skipBadRows: true });
      nps = statedVersusActual(scores.ids!, scores.scores, { customerIds: a.customerIds, referrals: a.crv.referrals, exposure: a.crv.exposure, crv: a.crv.crv });
      if (nps.unmatched.length) warnings.push(`${nps.unmatched.length} NPS respondents are not customers of the transaction file: left out of the stated-versus-actual comparison`);
    } catch (e) {
      // the NPS section stands on its own; without customer ids its scores cannot meet the referrals
      warnings.push(`NPS scores not compared with referrals: ${(e as Error).message}`);
    }
  }
  return {
    file: logFile,
    accounting: log.accounting,
    result: { crv: a.crv, matrix: a.matrix, engagement: a.engagement, referrals: a.matched.length, unmatchedReferred: a.matched.unmatchedReferred.length, nps, timeUnit: a.settings.timeUnit, warnings },
  };
}
