import { describe, expect, it } from 'vitest';
import { simulateNpsScores, npsScoresCsv, trueNps } from '../../src/simulate/kano-nps.ts';
import { npsScoresFromTable } from '../../src/research/nps-read.ts';
import { parseTable } from '../../src/ingest/table.ts';

describe('simulateNpsScores', () => {
  it('draws distinct customer ids, scores in 0..10, reproducibly, with the stated true NPS', () => {
    const a = simulateNpsScores({ respondents: 300, seed: 9 });
    const b = simulateNpsScores({ respondents: 300, seed: 9 });
    expect(a.ids).toEqual(b.ids);
    expect(Array.from(a.scores)).toEqual(Array.from(b.scores));
    expect(new Set(a.ids).size).toBe(300);
    expect(a.ids.every((id) => /^C\d{6}$/.test(id))).toBe(true);
    expect(Array.from(a.scores).every((s) => s >= 0 && s <= 10)).toBe(true);
    // 0.6 · 100 (0.5 − 0.2) + 0.4 · 100 (0.35 − 0.3)
    expect(a.truth.nps).toBeCloseTo(0.6 * 30 + 0.4 * 5, 12);
    expect(trueNps({ promoter: 2, passive: 1, detractor: 1 })).toBe(25);
  });

  it('round-trips through its French CSV', () => {
    const sim = simulateNpsScores({ respondents: 20, seed: 2 });
    const s = npsScoresFromTable(parseTable(npsScoresCsv(sim, 'fr'), 'fr.csv'), { by: ['canal'], ids: true });
    expect(s.scores).toEqual(Array.from(sim.scores));
    expect(s.ids).toEqual(sim.ids);
    expect(s.groups[0].labels).toEqual(sim.group);
  });
});
