import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/ingest/table.ts';
import { referralsFromTable } from '../../src/ingest/referrals.ts';
import { parseDate } from '../../src/ingest/dates.ts';
import { matchReferrals } from '../../src/value/referrals/match.ts';
import { customerReferralValue } from '../../src/value/referrals/crv.ts';
import { fitReferralNbd, nbdLogProbability, expectedReferralRate } from '../../src/value/referrals/referral-nbd.ts';
import { CELLS, clvCrvMatrix } from '../../src/value/referrals/matrix.ts';
import { engagementValue } from '../../src/value/referrals/engagement.ts';
import { customerValuesFromTable } from '../../src/ingest/customer-values.ts';
import { statedVersusActual } from '../../src/research/nps-referrals.ts';
import { quantileSorted } from '../../src/value/quantile.ts';

const day = (s: string) => parseDate(s);

// A small portfolio: six customers, their CLV given, first purchases on known days.
const customerIds = ['A', 'B', 'C', 'D', 'E', 'F'];
const clv = [100, 50, 30, 20, 10, 0];
const firstDay = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-05-03'].map(day);
const end = day('2024-06-30');

const LOG = [
  'referrer;referred;date;would_have_joined;acquisition_cost',
  'A;C;01/03/2024;non;', // type one: A gets CLV(C) = 30
  'A;D;01/04/2024;oui;25,5', // type two: A gets its own cost 25.5
  'B;E;01/05/2024;;', // unknown type: s × CLV(E) + (1 − s) × default cost
  'C;X;02/05/2024;non;', // X never bought: value 0, listed as unmatched
  'Z;F;03/05/2024;non;', // Z is not a customer: counts for no one
  'A;A;04/05/2024;non;', // self-referral: rejected
  'B;C;13/05/2024;non;', // C was already referred: rejected
  'F;Y;01/07/2024;non;', // after the end of observation: set aside
].join('\n');

function readLog() {
  return referralsFromTable(parseTable(LOG + '\n', 'refs.csv'));
}

describe('referral log', () => {
  it('reads the semicolon/decimal-comma dialect with day-first dates and accounts for every row', () => {
    const log = readLog();
    expect(log.accounting.read).toBe(8);
    expect(log.accounting.used).toBe(6);
    expect(log.accounting.rejected).toEqual({ 'self-referral': 1, 'referred customer already referred': 1 });
    expect(log.accounting.firstLines).toEqual({ 'self-referral': [7], 'referred customer already referred': [8] });
    expect(log.acquisitionCost[1]).toBe(25.5);
    expect(Array.from(log.type)).toEqual([1, 0, -1, 1, 1, 1]);
    expect(log.day[0]).toBe(day('2024-03-01'));
  });

  it('stops at the first bad cell with file:line:column, or counts it with skipBadRows', () => {
    const bad = 'referrer,referred,date,would_have_joined\nA,B,2024-01-02,maybe\nA,C,2024-01-40,no\n';
    expect(() => referralsFromTable(parseTable(bad, 'r.csv'))).toThrow(/^r\.csv:2:4: expected yes\/no/);
    const log = referralsFromTable(parseTable(bad, 'r.csv'), { skipBadRows: true });
    expect(log.accounting).toEqual({ read: 2, used: 0, rejected: { 'bad would_have_joined': 1, 'bad date': 1 }, firstLines: { 'bad would_have_joined': [2], 'bad date': [3] } });
  });

  it('names the columns it looked for when one is missing', () => {
    expect(() => referralsFromTable(parseTable('who,date\nA,2024-01-01\n', 'r.csv'))).toThrow(/no referrer column .*columns found: who, date/);
  });

  it('matches to the customers: unmatched referred and referrers counted and listed, later rows set aside', () => {
    const m = matchReferrals(readLog(), customerIds, end);
    expect(m.length).toBe(5);
    expect(Array.from(m.referrer)).toEqual([0, 0, 1, 2, -1]);
    expect(Array.from(m.referred)).toEqual([2, 3, 4, -1, 5]);
    expect(m.unmatchedReferred).toEqual(['X']);
    expect(m.unmatchedReferrers).toEqual(['Z']);
    expect(m.unmatchedReferrerRows).toBe(1);
    expect(m.afterEnd).toEqual({ count: 1, firstLines: [9] });
  });
});

describe('CRV by hand (Kumar, Petersen & Leone 2010)', () => {
  const matched = () => matchReferrals(readLog(), customerIds, end);
  const inputs = () => ({ customerIds, clv, firstDay, end, unitDays: 7, referrals: matched() });

  it('past referrals: type one at the referred CLV, type two at the cost saved, unknown at the share', () => {
    const s = 0.4;
    const acq = 15; // cost for rows without their own
    const v = customerReferralValue(inputs(), { typeOneShare: s, acquisitionCost: acq });
    // A: C is type one -> CLV(C) = 30; D is type two -> its own cost 25.5
    // B: E of unknown type -> 0.4 × CLV(E) = 0.4 × 10 = 4 type one; 0.6 × 15 = 9 type two
    // C: X never bought -> 0; D, E, F made no referral -> 0; Z's referral of F counts for no one
    expect(Array.from(v.pastTypeOne)).toEqual([30, 4, 0, 0, 0, 0]);
    expect(v.pastTypeTwo[0]).toBe(25.5);
    expect(v.pastTypeTwo[1]).toBeCloseTo(9, 14);
    expect(Array.from(v.referrals)).toEqual([2, 1, 1, 0, 0, 0]);
    expect(v.crv[0]).toBe(55.5);
    expect(v.crv[1]).toBeCloseTo(13, 14);
    // CRV = 0 without referrals and without projection
    expect(Array.from(v.crv.subarray(2))).toEqual([0, 0, 0, 0]);
    expect(v.total.crv).toBeCloseTo(68.5, 12);
    expect(v.typeOneShare).toMatchObject({ value: 0.4, source: 'option', known: 4, typeOne: 3 });
    expect(v.warnings.join(' ')).toMatch(/type-one share 0\.4 is an assumption/);
    expect(v.warnings.join(' ')).toMatch(/1 referred people are not in the transaction file/);
  });

  it('share from the data when every matched type is known: 3 of 4 known referrals are type one', () => {
    const v = customerReferralValue(inputs(), { acquisitionCost: 15 });
    expect(v.typeOneShare.value).toBe(0.75);
    expect(v.typeOneShare.se).toBeCloseTo(Math.sqrt((0.75 * 0.25) / 4), 15);
    expect(v.pastTypeOne[1]).toBeCloseTo(0.75 * 10, 14);
  });

  it('sum of type-one CRV = the referred customers CLV when every referral is type one and projection is off', () => {
    const all = LOG.replace(/;(oui|non|);/g, ';non;');
    const log = referralsFromTable(parseTable(all + '\n', 'refs.csv'));
    const m = matchReferrals(log, customerIds, end);
    const v = customerReferralValue({ customerIds, clv, firstDay, end, unitDays: 7, referrals: m }, { acquisitionCost: 15 });
    // referred customers matched to a customer referrer: C, D, E -> 30 + 20 + 10
    let referredClv = 0;
    for (let k = 0; k < m.length; k++) if (m.referrer[k] >= 0 && m.referred[k] >= 0) referredClv += clv[m.referred[k]];
    expect(referredClv).toBe(60);
    expect(v.total.typeOne).toBe(60);
    expect(v.total.typeTwo).toBe(0);
    expect(v.typeOneShare.value).toBe(1);
  });

  it('projection: expected referrals = (r + n)/(α + e) × discounted active time, valued s·V_new + (1 − s)·ACQ', () => {
    const activeTime = [40, 30, 20, 10, 5, 0];
    const v = customerReferralValue(inputs(), { typeOneShare: 0.4, acquisitionCost: 15, projection: { activeTime, newCustomerValue: 60 } });
    const { r, alpha } = v.model!.fit.params;
    // exposure of A: 2024-01-01 .. 2024-06-30 inclusive = 182 days = 26 weeks
    expect(v.exposure[0]).toBe(26);
    // F bought on 2024-05-03: 59 days to 2024-06-30 inclusive
    expect(v.exposure[5]).toBe(59 / 7);
    const valuePerReferral = 0.4 * 60 + 0.6 * 15; // 33
    expect(v.model!.valuePerReferral).toBe(valuePerReferral);
    for (let i = 0; i < 6; i++) {
      const expected = ((r + v.referrals[i]) / (alpha + v.exposure[i])) * activeTime[i];
      expect(v.expectedReferrals[i]).toBeCloseTo(expected, 12);
      expect(v.crv[i]).toBeCloseTo(v.pastTypeOne[i] + v.pastTypeTwo[i] + expected * valuePerReferral, 10);
    }
    // no active time left and no referrals: CRV 0
    expect(v.crv[5]).toBe(0);
  });
});

describe('referral NBD', () => {
  it('log-probability matches the negative binomial by hand: P(2 | e=1, r=2, α=1) = Γ(4)/(Γ(2)·2!)·(1/2)²·(1/2)² = 3/16', () => {
    expect(nbdLogProbability(2, 1, 2, 1)).toBeCloseTo(Math.log(3 / 16), 14);
    expect(nbdLogProbability(0, 3, 2, 1)).toBeCloseTo(2 * Math.log(1 / 4), 14);
    // large counts go through gammaln: P(100 | e, r=1) = (α/(α+e)) (e/(α+e))^100 (geometric)
    expect(nbdLogProbability(100, 2, 1, 1)).toBeCloseTo(Math.log(1 / 3) + 100 * Math.log(2 / 3), 9);
  });

  it('with equal exposures the fitted mean rate r/α equals the observed mean count per unit (first-order condition in α)', () => {
    const counts = [0, 0, 0, 1, 0, 2, 5, 0, 1, 0, 0, 3, 0, 0, 1];
    const exposure = counts.map(() => 10);
    const m = fitReferralNbd({ counts, exposure });
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length / 10;
    expect(m.converged).toBe(true);
    expect(m.params.r / m.params.alpha).toBeCloseTo(mean, 6);
    const rate = expectedReferralRate(m, { counts, exposure });
    expect(rate[6]).toBeCloseTo((m.params.r + 5) / (m.params.alpha + 10), 14);
  });
});

describe('CLV × CRV matrix and engagement value by hand', () => {
  // the past-only CRV of the hand case above: A 55.5, B 13, others 0
  const crv = [55.5, 13, 0, 0, 0, 0];

  it('median cut-offs: CLV median (30 + 20)/2 = 25, CRV median (0 + 0)/2 = 0; high means strictly above', () => {
    const m = clvCrvMatrix(clv, crv);
    expect(m.cutoffs).toEqual({ clv: 25, crv: 0, source: 'median' });
    // A (100, 55.5) and B (50, 13): champions; C (30, 0): affluent; D, E, F: misers; no advocate
    expect(Array.from(m.cellOf).map((c) => CELLS[c])).toEqual(['champions', 'champions', 'affluents', 'misers', 'misers', 'misers']);
    const byCell = Object.fromEntries(m.cells.map((c) => [c.cell, c]));
    expect(byCell.champions).toMatchObject({ customers: 2, share_customers: 2 / 6, clv_total: 150, clv_mean: 75, crv_total: 68.5, crv_mean: 34.25 });
    expect(byCell.affluents).toMatchObject({ customers: 1, clv_total: 30, crv_total: 0 });
    expect(byCell.advocates.customers).toBe(0);
    expect(byCell.advocates.clv_mean).toBeNaN();
    expect(byCell.misers).toMatchObject({ customers: 3, clv_total: 30, clv_mean: 10, crv_total: 0 });
    expect(byCell.affluents.action).toMatch(/encourage referrals/);
  });

  it('the median by selection equals the sorted-sample median (quantileSorted, Hyndman & Fan 7) with ties, even and odd sizes', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const n of [1, 2, 3, 4, 9, 10, 101, 1000]) {
      for (let rep = 0; rep < 10; rep++) {
        const x = Array.from({ length: n }, () => (rnd() < 0.5 ? 0 : Math.floor(rnd() * 5)));
        const y = Array.from({ length: n }, () => rnd() * 100);
        const m = clvCrvMatrix(x, y);
        expect(m.cutoffs.clv).toBe(quantileSorted(Float64Array.from(x).sort(), 0.5));
        expect(m.cutoffs.crv).toBe(quantileSorted(Float64Array.from(y).sort(), 0.5));
      }
    }
  });

  it('given cut-offs: CLV 60, CRV 10 -> A champion, B advocate (50 <= 60, 13 > 10), the rest misers', () => {
    const m = clvCrvMatrix(clv, crv, { clv: 60, crv: 10 });
    expect(m.cutoffs.source).toBe('given');
    expect(Array.from(m.cellOf).map((c) => CELLS[c])).toEqual(['champions', 'advocates', 'misers', 'misers', 'misers', 'misers']);
  });

  it('CEV = CLV + CRV + influencer + knowledge, each apart; a component without a source is null', () => {
    const influence = customerValuesFromTable(parseTable('customer_id,value\nA,10\nA,2\nB,3\nQ,5\n', 'influence.csv'));
    expect(influence.values.get('A')).toBe(12);
    const civ = customerIds.map((id) => influence.values.get(id) ?? 0); // Q is not a customer
    const knowledge = [0, 0, 7, 0, 0, 0];
    const e = engagementValue({ clv, crv, influencer: civ, knowledge });
    // A: 100 + 55.5 + 12 + 0 = 167.5; B: 50 + 13 + 3 = 66; C: 30 + 0 + 0 + 7 = 37; D 20, E 10, F 0
    expect(Array.from(e.cev)).toEqual([167.5, 66, 37, 20, 10, 0]);
    expect(e.totals).toEqual({ clv: 210, crv: 68.5, influencer: 15, knowledge: 7, cev: 300.5 });
    const bare = engagementValue({ clv, crv });
    expect(bare.totals.influencer).toBeNull();
    expect(bare.components).toEqual(['clv', 'crv']);
  });
});

describe('stated versus actual recommendation by hand', () => {
  it('promoters A (10), B (9); passive C (8); detractors D (3), E (0); Q is not a customer', () => {
    const exposure = [26, 151 / 7, 122 / 7, 91 / 7, 61 / 7, 59 / 7];
    const referralsMade = [2, 1, 1, 0, 0, 0];
    const crv = [55.5, 13, 0, 0, 0, 0];
    const s = statedVersusActual(['A', 'B', 'C', 'D', 'E', 'Q'], [10, 9, 8, 3, 0, 10], { customerIds, referrals: referralsMade, exposure, crv });
    expect(s.matched).toBe(5);
    expect(s.unmatched).toEqual(['Q']);
    const [P, A, D] = s.groups;
    const z = 1.959963984540054;
    // promoters: 2 of 2 referred; rate 3 / (26 + 151/7) per week
    const eP = 26 + 151 / 7;
    const R = 3 / eP;
    expect(P.referrers.successes).toBe(2);
    expect(P.referral_rate).toBeCloseTo(R, 14);
    // ratio-estimator variance: Σ (n_i − R e_i)² × n/(n−1) / (Σ e)²
    const varR = (((2 - R * 26) ** 2 + (1 - (R * 151) / 7) ** 2) * 2) / eP ** 2;
    expect(P.referral_rate_upper).toBeCloseTo(R + z * Math.sqrt(varR), 12);
    // CRV mean (55.5 + 13)/2 = 34.25; sd² = 2 × 21.25² / 1; se = sqrt(903.125 / 2) = 21.25
    expect(P.crv_mean).toBe(34.25);
    expect(P.crv_lower).toBeCloseTo(34.25 - z * 21.25, 10);
    expect(A.customers).toBe(1);
    expect(A.crv_lower).toBeNaN(); // one passive: no spread to estimate
    expect(D).toMatchObject({ customers: 2, referral_rate: 0, crv_mean: 0 });
    // difference 34.25 with se 21.25 (detractors' variance 0): interval holds 0 -> stated intent does not predict here
    expect(s.difference.crv).toBe(34.25);
    expect(s.difference.crv_lower).toBeCloseTo(34.25 - z * 21.25, 10);
    expect(s.predicts).toBe('no');
  });
});
