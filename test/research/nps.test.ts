import { describe, expect, it } from 'vitest';
import { netPromoterScore, npsCategory } from '../../src/research/nps.ts';
import { npsFromCounts } from '../../src/research/nps-counts.ts';
import { npsDifference } from '../../src/research/nps-difference.ts';
import { npsByGroup } from '../../src/research/nps-groups.ts';
import { npsByValueTier } from '../../src/research/nps-tiers.ts';
import { npsScoresFromTable } from '../../src/research/nps-read.ts';
import { simulateNpsScores } from '../../src/simulate/kano-nps.ts';
import { parseTable } from '../../src/ingest/table.ts';
import { ClvkitError } from '../../src/errors.ts';

const Z95 = 1.959963984540054; // Φ⁻¹(0.975)

describe('npsCategory', () => {
  it('splits 0..10 into detractors 0-6, passives 7-8, promoters 9-10', () => {
    const cats = Array.from({ length: 11 }, (_, s) => npsCategory(s));
    expect(cats).toEqual([...new Array(7).fill('detractor'), 'passive', 'passive', 'promoter', 'promoter']);
    for (const bad of [-1, 11, 7.5, NaN]) expect(() => npsCategory(bad)).toThrow(ClvkitError);
  });
});

describe('npsFromCounts', () => {
  it('matches the trinomial formula at hand-computed values', () => {
    // 50 promoters, 30 passives, 20 detractors: NPS = 30;
    // Var = (0.5 + 0.2 - 0.3^2) / 100 = 0.0061; SE = 100 sqrt(0.0061) = 7.81024967590665
    const r = npsFromCounts(50, 30, 20);
    expect(r.nps).toBeCloseTo(30, 12);
    expect(r.se).toBeCloseTo(7.81024967590665, 10);
    expect(r.ci[0]).toBeCloseTo(30 - Z95 * 7.81024967590665, 9);
    expect(r.ci[1]).toBeCloseTo(30 + Z95 * 7.81024967590665, 9);
    expect(r.n).toBe(100);
  });

  it('agrees with the variance of the +1/0/-1 scores computed directly', () => {
    const x = [...new Array(17).fill(1), ...new Array(9).fill(0), ...new Array(11).fill(-1)];
    const n = x.length;
    const mean = x.reduce((a, b) => a + b, 0) / n;
    const varPop = x.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    const r = npsFromCounts(17, 9, 11);
    expect(r.nps).toBeCloseTo(100 * mean, 12);
    expect(r.se).toBeCloseTo(100 * Math.sqrt(varPop / n), 12);
  });

  it('computes the adjusted Wald interval (3/4 added to promoters and detractors, 3 to n)', () => {
    // 8 promoters, 1 passive, 1 detractor: n' = 13, pP' = 8.75/13, pD' = 1.75/13
    const pP = 8.75 / 13;
    const pD = 1.75 / 13;
    const se = Math.sqrt((pP + pD - (pP - pD) ** 2) / 13);
    const r = npsFromCounts(8, 1, 1);
    expect(r.ciAdjusted[0]).toBeCloseTo(100 * (pP - pD - Z95 * se), 9);
    expect(r.ciAdjusted[1]).toBeCloseTo(100 * (pP - pD + Z95 * se), 9);
  });

  it('uses the requested level', () => {
    const r = npsFromCounts(50, 30, 20, { level: 0.9 });
    expect(r.ci[1] - r.nps).toBeCloseTo(1.6448536269514722 * r.se, 9);
  });

  it('all promoters: NPS 100, SE 0, Wald interval collapses to [100, 100]; adjusted interval stays informative', () => {
    const r = npsFromCounts(40, 0, 0);
    expect(r.nps).toBe(100);
    expect(r.se).toBe(0);
    expect(r.ci).toEqual([100, 100]);
    expect(r.ciAdjusted[1]).toBe(100); // clipped
    expect(r.ciAdjusted[0]).toBeLessThan(100);
    expect(r.ciAdjusted[0]).toBeGreaterThan(80);
  });

  it('clips the interval to [-100, 100]', () => {
    const r = npsFromCounts(0, 1, 9);
    expect(r.ci[0]).toBe(-100);
    expect(r.ci[1]).toBeGreaterThan(-100);
  });

  it('one respondent: SE 0; no respondent: NaN everywhere (null in JSON)', () => {
    const one = npsFromCounts(0, 1, 0);
    expect([one.nps, one.se, ...one.ci]).toEqual([0, 0, 0, 0]);
    const none = npsFromCounts(0, 0, 0);
    expect(Number.isNaN(none.nps)).toBe(true);
    expect(JSON.parse(JSON.stringify(none)).ci).toEqual([null, null]);
  });
});

describe('netPromoterScore', () => {
  it('counts the categories of raw scores', () => {
    const r = netPromoterScore([10, 9, 9, 8, 7, 6, 0, 3]);
    expect([r.promoters, r.passives, r.detractors, r.n]).toEqual([3, 2, 3, 8]);
    expect(r.nps).toBe(0);
  });
});

describe('npsDifference', () => {
  it('adds the variances of independent samples', () => {
    const a = npsFromCounts(50, 30, 20); // 30, var 61
    const b = npsFromCounts(30, 40, 30); // 0, SE^2 = 10^4 (0.6 - 0) / 100 = 60
    const d = npsDifference(a, b);
    expect(d.difference).toBeCloseTo(30, 12);
    expect(d.se).toBeCloseTo(Math.sqrt(61 + 60), 10);
    expect(d.ci[0]).toBeCloseTo(30 - Z95 * 11, 9);
    expect(d.z).toBeCloseTo(30 / 11, 12);
    // two-sided p of z = 2.7273: 2 (1 - Φ(2.7273)) = 0.006385
    expect(d.p).toBeCloseTo(0.006385, 5);
  });

  it('is degenerate (zero width, z and p NaN) when both groups are all promoters', () => {
    const d = npsDifference(npsFromCounts(5, 0, 0), npsFromCounts(9, 0, 0));
    expect(d.difference).toBe(0);
    expect(d.ci).toEqual([0, 0]);
    expect(Number.isNaN(d.z)).toBe(true);
  });
});

describe('npsByGroup', () => {
  it('computes NPS per group and each group against the rest', () => {
    const scores = [10, 9, 3, 10, 7, 0];
    const groups = ['web', 'web', 'web', 'store', 'store', 'store'];
    const g = npsByGroup(scores, groups);
    expect(g.map((x) => x.group)).toEqual(['web', 'store']);
    expect(g[0].nps).toBeCloseTo(100 / 3, 12);
    expect(g[1].nps).toBeCloseTo(0, 12);
    const direct = npsDifference(npsFromCounts(2, 0, 1), npsFromCounts(1, 1, 1));
    expect(g[0].versusRest!.difference).toBeCloseTo(direct.difference, 12);
    expect(g[0].versusRest!.se).toBeCloseTo(direct.se, 12);
    expect(npsByGroup([9, 9], ['a', 'a'])[0].versusRest).toBeNull();
  });
});

describe('npsByValueTier', () => {
  it('maps respondents to the tiers of the whole customer base', () => {
    // 10 customers with spend 100, 90, ..., 10; cuts 20/30/50 → C1,C2 | C3..C5 | C6..C10
    const ids = Array.from({ length: 10 }, (_, i) => `C${i + 1}`);
    const spend = ids.map((_, i) => 100 - 10 * i);
    const r = npsByValueTier(['C1', 'C2', 'C4', 'C9', 'C10', 'X'], [10, 9, 8, 2, 9, 10], ids, spend, {
      cuts: [0.2, 0.3, 0.5],
      names: ['top', 'middle', 'bottom'],
    });
    expect(r.groups.map((g) => [g.group, g.n, g.nps])).toEqual([
      ['top', 2, 100],
      ['middle', 1, 0],
      ['bottom', 2, 0],
    ]);
    expect(r.groups.map((g) => g.tierCustomers)).toEqual([2, 3, 5]);
    expect(r.groups[0].tierValueShare).toBeCloseTo(190 / 550, 12);
    expect([r.matched, r.unmatched, r.unmatchedExamples]).toEqual([5, 1, ['X']]);
  });

  it('keeps empty tiers with n = 0', () => {
    const r = npsByValueTier(['C2'], [9], ['C1', 'C2'], [10, 1]);
    expect(r.groups.map((g) => g.n)).toEqual([0, 0, 0, 1]);
    expect(Number.isNaN(r.groups[0].nps)).toBe(true);
  });
});

describe('reading scores', () => {
  it('reads the French alias "note" and grouping columns', () => {
    const s = npsScoresFromTable(parseTable('id_client;canal;note\nC1;web;9\nC2;;4\n', 'fr.csv'), { by: ['canal'], ids: true });
    expect(s.scores).toEqual([9, 4]);
    expect(s.groups).toEqual([{ column: 'canal', labels: ['web', '(missing)'] }]);
    expect(s.ids).toEqual(['C1', 'C2']);
  });

  it('fails on an invalid score at file:line:column by default', () => {
    expect(() => npsScoresFromTable(parseTable('id,score\n1,9\n2,11\n', 's.csv'))).toThrow(/^s\.csv:3:2: expected a whole number from 0 to 10, got "11"/);
    expect(() => npsScoresFromTable(parseTable('id,score\n1,\n', 's.csv'))).toThrow(/^s\.csv:2:2: missing score/);
  });

  it('skips and accounts invalid scores by reason on request', () => {
    const text = 'id,score\n1,9\n2,11\n3,7.5\n4,abc\n5,\n6,0\n7,-1\n';
    const s = npsScoresFromTable(parseTable(text, 's.csv'), { skipBadRows: true });
    expect(s.scores).toEqual([9, 0]);
    expect(s.accounting.read).toBe(7);
    expect(s.accounting.used).toBe(2);
    expect(s.accounting.rejected).toEqual({ out_of_range: 2, not_an_integer: 1, not_a_number: 1, missing_score: 1 });
    expect(s.accounting.firstLines!.out_of_range).toEqual([3, 8]);
  });

  it('accepts --score-col and lists the columns when the score column is absent', () => {
    expect(npsScoresFromTable(parseTable('id,ltr_q1\n1,9\n', 's.csv'), { scoreCol: 'ltr_q1' }).scores).toEqual([9]);
    expect(() => npsScoresFromTable(parseTable('id,rating\n1,9\n', 's.csv'))).toThrow(/columns found: id, rating/);
  });
});

describe('interval coverage on simulated scores', () => {
  it('the 95% Wald interval covers the true NPS in about 95% of 200 seeded samples', () => {
    const groups = [{ name: 'all', share: 1, probabilities: { promoter: 0.45, passive: 0.3, detractor: 0.25 } }];
    let covered = 0;
    let coveredAdjusted = 0;
    const reps = 200;
    for (let rep = 0; rep < reps; rep++) {
      const sim = simulateNpsScores({ respondents: 150, groups, seed: 1000 + rep });
      const r = netPromoterScore(sim.scores);
      const truth = sim.truth.nps; // 100 (0.45 - 0.25) = 20
      if (r.ci[0] <= truth && truth <= r.ci[1]) covered++;
      if (r.ciAdjusted[0] <= truth && truth <= r.ciAdjusted[1]) coveredAdjusted++;
    }
    expect(covered / reps).toBeGreaterThanOrEqual(0.9);
    expect(covered / reps).toBeLessThanOrEqual(0.99);
    expect(coveredAdjusted / reps).toBeGreaterThanOrEqual(0.9);
    expect(coveredAdjusted / reps).toBeLessThanOrEqual(0.99);
  });

  it('the two-group difference interval covers the true difference in about 95% of seeded samples', () => {
    let covered = 0;
    const reps = 200;
    for (let rep = 0; rep < reps; rep++) {
      const sim = simulateNpsScores({ respondents: 400, seed: 5000 + rep });
      const g = npsByGroup(sim.scores, sim.group);
      const web = g.find((x) => x.group === 'web')!;
      const store = g.find((x) => x.group === 'store')!;
      const d = npsDifference(web, store);
      const truth = sim.truth.groups[0].nps - sim.truth.groups[1].nps; // 30 - 5
      if (d.ci[0] <= truth && truth <= d.ci[1]) covered++;
    }
    expect(covered / reps).toBeGreaterThanOrEqual(0.9);
    expect(covered / reps).toBeLessThanOrEqual(0.99);
  });
});
