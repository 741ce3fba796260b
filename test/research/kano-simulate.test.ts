import { describe, expect, it } from 'vitest';
import { simulateKanoAnswers, kanoAnswersCsv } from '../../src/simulate/kano-nps.ts';
import { kanoFeatures } from '../../src/research/kano.ts';
import { kanoAnswersFromTable } from '../../src/research/kano-read.ts';
import { KANO_CATEGORIES } from '../../src/research/kano-table.ts';
import { parseTable } from '../../src/ingest/table.ts';

describe('simulateKanoAnswers', () => {
  it('recovers the true category shares within 4 binomial standard errors and the true modal category', () => {
    const n = 800;
    const sim = simulateKanoAnswers({ respondents: n, seed: 11 });
    const r = kanoFeatures(sim.rows);
    expect(r.respondents).toBe(n);
    r.features.forEach((f, k) => {
      const truth = sim.truth[k];
      expect(f.feature).toBe(truth.name);
      expect(f.category).toBe(truth.category);
      for (const c of KANO_CATEGORIES) {
        const p = truth.probabilities[c];
        const se = Math.sqrt((p * (1 - p)) / n);
        expect(Math.abs(f.shares[c] - p), `${truth.name} ${c}`).toBeLessThanOrEqual(4 * se + 1e-12);
      }
    });
  });

  it('is reproducible for a seed and round-trips through its French CSV', () => {
    const a = simulateKanoAnswers({ respondents: 30, seed: 5, lang: 'fr' });
    const b = simulateKanoAnswers({ respondents: 30, seed: 5, lang: 'fr' });
    expect(a.rows).toEqual(b.rows);
    const csv = kanoAnswersCsv(a, 'fr');
    expect(csv.split('\n')[0]).toBe('répondant;fonctionnalité;fonctionnel;dysfonctionnel');
    const back = kanoAnswersFromTable(parseTable(csv, 'sim.csv'));
    expect(back.rows).toEqual(a.rows);
  });
});
