import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/ingest/table.ts';
import { referralsFromTable } from '../../src/ingest/referrals.ts';
import { parseDate } from '../../src/ingest/dates.ts';
import { statedVersusActual } from '../../src/research/nps-referrals.ts';
import { sectionContext } from '../../src/report/sections/context.ts';
import { referralSection } from '../../src/report/sections/referrals.ts';
import { customerReferralValue } from '../../src/value/referrals/crv.ts';
import { engagementValue } from '../../src/value/referrals/engagement.ts';
import { matchReferrals } from '../../src/value/referrals/match.ts';
import { clvCrvMatrix } from '../../src/value/referrals/matrix.ts';

// the hand case of test/value/referrals.test.ts, past referrals only
const ids = ['A', 'B', 'C', 'D'];
const clv = [100, 50, 30, 20];
const firstDay = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'].map((d) => parseDate(d));
const log = referralsFromTable(parseTable('referrer,referred,date\nA,C,2024-03-01\nA,D,2024-04-01\n', 'r.csv'));
const crv = customerReferralValue({ customerIds: ids, clv, firstDay, end: parseDate('2024-06-30'), unitDays: 7, referrals: matchReferrals(log, ids, parseDate('2024-06-30')) }, { typeOneShare: 0.5, acquisitionCost: 10 });
// A: 0.5 × (30 + 20) + 0.5 × 10 × 2 = 35
const input = {
  crv,
  matrix: clvCrvMatrix(clv, crv.crv),
  engagement: engagementValue({ clv, crv: crv.crv }),
  referrals: 2,
  timeUnit: 'week',
  nps: statedVersusActual(['A', 'B', 'C', 'D'], [10, 9, 2, 0], { customerIds: ids, referrals: crv.referrals, exposure: crv.exposure, crv: crv.crv }),
  warnings: crv.warnings,
};

describe('report section: customers as partners', () => {
  it('English: total CRV, the type-one share stated as an assumption, matrix actions, NPS, engagement', () => {
    const s = referralSection(input, sectionContext('en', 'EUR'));
    const text = JSON.stringify(s.blocks);
    expect(s.title).toBe('Customers as partners: referral value');
    expect(crv.total.crv).toBe(35);
    expect(text).toContain('are worth €35.00');
    expect(text).toContain('This is an assumption given as an option');
    expect(text).toContain('50.0%');
    expect(text).toContain('encourage referrals');
    expect(text).toContain('Referrals per week');
    expect(text).toContain('Engagement value (CEV)');
    expect(text).toContain('€235.00'); // CEV = 200 + 35
  });

  it('French: the same figures in French words and formats', () => {
    const s = referralSection(input, sectionContext('fr', 'EUR'));
    const text = JSON.stringify(s.blocks);
    expect(s.title).toBe('Les clients partenaires : valeur de recommandation');
    expect(text).toMatch(/valent 35,00\s€/);
    expect(text).toContain("C'est une hypothèse donnée en option");
    expect(text).toContain('Parrainages par semaine');
    expect(text).toContain('Ambassadeurs');
    expect(text).not.toContain('Referrals');
  });
});
