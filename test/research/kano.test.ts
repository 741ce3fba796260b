import { describe, expect, it } from 'vitest';
import { kanoCategory, type KanoAnswer, type KanoCategory } from '../../src/research/kano-table.ts';
import { kanoFeatures, kanoFeatureFromCounts, type KanoAnswerRow } from '../../src/research/kano.ts';
import { parseKanoAnswer, KANO_ANSWER_WORDS } from '../../src/research/kano-answer.ts';
import { kanoAnswersFromTable } from '../../src/research/kano-read.ts';
import { fongTest } from '../../src/research/kano-fong.ts';
import { parseTable } from '../../src/ingest/table.ts';
import { ClvkitError } from '../../src/errors.ts';

// The evaluation table of Berger et al. (1993), typed here independently as lists of
// (functional, dysfunctional) cells per category: 1 like, 2 must-be, 3 neutral, 4 live with, 5 dislike.
const CELLS: Record<KanoCategory, [number, number][]> = {
  Q: [[1, 1], [5, 5]],
  A: [[1, 2], [1, 3], [1, 4]],
  O: [[1, 5]],
  M: [[2, 5], [3, 5], [4, 5]],
  R: [[2, 1], [3, 1], [4, 1], [5, 1], [5, 2], [5, 3], [5, 4]],
  I: [[2, 2], [2, 3], [2, 4], [3, 2], [3, 3], [3, 4], [4, 2], [4, 3], [4, 4]],
};

describe('kanoCategory', () => {
  it('classifies all 25 answer pairs as in the evaluation table', () => {
    const seen = new Set<string>();
    for (const [cat, cells] of Object.entries(CELLS)) {
      for (const [f, d] of cells) {
        expect(kanoCategory(f as KanoAnswer, d as KanoAnswer), `(${f}, ${d})`).toBe(cat);
        seen.add(`${f},${d}`);
      }
    }
    expect(seen.size).toBe(25);
  });

  it('rejects codes outside 1..5', () => {
    expect(() => kanoCategory(0 as KanoAnswer, 1)).toThrow(RangeError);
    expect(() => kanoCategory(1, 6 as KanoAnswer)).toThrow(RangeError);
  });
});

describe('parseKanoAnswer', () => {
  it('reads codes, English and French words, ignoring case, accents and apostrophe style', () => {
    expect(parseKanoAnswer(' 3 ')).toBe(3);
    expect(parseKanoAnswer('I like it')).toBe(1);
    expect(parseKanoAnswer('MUST-BE')).toBe(2);
    expect(parseKanoAnswer('I can live with it.')).toBe(4);
    expect(parseKanoAnswer('Ça me plaît')).toBe(1);
    expect(parseKanoAnswer('ca me plait')).toBe(1);
    expect(parseKanoAnswer("C’est normal")).toBe(2);
    expect(parseKanoAnswer('Indifférent')).toBe(3);
    expect(parseKanoAnswer("je m'en accommode")).toBe(4);
    expect(parseKanoAnswer('JE N’AIME PAS')).toBe(5);
    expect(parseKanoAnswer('ça me déplaît')).toBe(5);
    expect(parseKanoAnswer('maybe')).toBeUndefined();
    expect(parseKanoAnswer('6')).toBeUndefined();
    expect(parseKanoAnswer('')).toBeUndefined();
  });

  it('maps every documented word to its own code and no word to two codes', () => {
    for (const [code, words] of Object.entries(KANO_ANSWER_WORDS)) {
      for (const w of words) expect(parseKanoAnswer(w), w).toBe(Number(code));
    }
  });
});

function rowsFor(feature: string, pairs: [number, number][]): KanoAnswerRow[] {
  return pairs.map(([f, d], i) => ({ respondent: `r${i}`, feature, functional: f as KanoAnswer, dysfunctional: d as KanoAnswer }));
}

describe('kanoFeatures', () => {
  it('computes counts, category, Better and Worse by hand', () => {
    // 3 A (1,3), 4 O (1,5), 2 M (2,5), 1 I (3,3), 1 R (5,1), 1 Q (1,1): n = 12
    const pairs: [number, number][] = [
      [1, 3], [1, 3], [1, 2],
      [1, 5], [1, 5], [1, 5], [1, 5],
      [2, 5], [4, 5],
      [3, 3],
      [5, 1],
      [1, 1],
    ];
    const f = kanoFeatures(rowsFor('wifi', pairs)).features[0];
    expect(f.counts).toEqual({ A: 3, O: 4, M: 2, I: 1, R: 1, Q: 1 });
    expect(f.n).toBe(12);
    expect(f.category).toBe('O');
    expect(f.tie).toBeNull();
    // Better = (3 + 4) / (3 + 4 + 2 + 1) = 0.7 ; Worse = -(4 + 2) / 10 = -0.6
    expect(f.better).toBeCloseTo(0.7, 15);
    expect(f.worse).toBeCloseTo(-0.6, 15);
    expect(f.shares.O).toBeCloseTo(4 / 12, 15);
    // Fong: a = 4, b = 3, n = 12: 1 < 1.65 sqrt(7 * 17 / 24) ≈ 3.674 → not significant
    expect(f.fong.significant).toBe(false);
    expect(f.fong.threshold).toBeCloseTo(1.65 * Math.sqrt((7 * 17) / 24), 12);
  });

  it('reports ties and picks the first in the order M > O > A > I', () => {
    const f = kanoFeatures(rowsFor('x', [[1, 3], [1, 3], [3, 3], [3, 3], [1, 5]])).features[0];
    expect(f.tie).toEqual(['A', 'I']);
    expect(f.category).toBe('A');
    const g = kanoFeatureFromCounts('y', { A: 0, O: 0, M: 2, I: 2, R: 2, Q: 0 });
    expect(g.tie).toEqual(['M', 'I', 'R']);
    expect(g.category).toBe('M');
  });

  it('keeps features in first-seen order and counts distinct respondents', () => {
    const rows = [...rowsFor('b', [[1, 5], [2, 5]]), ...rowsFor('a', [[3, 3]])];
    const r = kanoFeatures(rows);
    expect(r.features.map((f) => f.feature)).toEqual(['b', 'a']);
    expect(r.respondents).toBe(2);
  });

  it('gives NaN coefficients (null in JSON) when only R and Q answers exist, and works with one respondent', () => {
    const f = kanoFeatures(rowsFor('z', [[5, 1]])).features[0];
    expect(f.category).toBe('R');
    expect(Number.isNaN(f.better)).toBe(true);
    expect(JSON.parse(JSON.stringify(f)).worse).toBeNull();
    const one = kanoFeatures(rowsFor('w', [[2, 5]])).features[0];
    expect(one.category).toBe('M');
    expect(one.better).toBe(0);
    expect(one.worse).toBe(-1);
  });
});

describe('fongTest', () => {
  it('matches the formula at hand-computed values', () => {
    // 1.65 * sqrt(40 * 60 / 100) = 8.0833...
    const t = fongTest(30, 10, 50);
    expect(t.threshold).toBeCloseTo(8.0833, 3);
    expect(t.significant).toBe(true);
    expect(fongTest(12, 10, 30).significant).toBe(false);
  });
});

describe('reading answers', () => {
  it('reads a French file with words and semicolons', () => {
    const text = [
      'répondant;fonctionnalité;fonctionnel;dysfonctionnel',
      "1;Livraison gratuite;J'aime;Je n'aime pas",
      '2;Livraison gratuite;C’est normal;Je n’aime pas',
      '3;Livraison gratuite;ça me plaît;neutre',
      '1;Suivi du colis;indifférent;je peux tolérer',
    ].join('\n');
    const { rows, accounting } = kanoAnswersFromTable(parseTable(text, 'fr.csv'));
    expect(accounting).toMatchObject({ read: 4, used: 4, rejected: {} });
    const r = kanoFeatures(rows);
    expect(r.features.map((f) => [f.feature, f.counts])).toEqual([
      ['Livraison gratuite', { A: 1, O: 1, M: 1, I: 0, R: 0, Q: 0 }],
      ['Suivi du colis', { A: 0, O: 0, M: 0, I: 1, R: 0, Q: 0 }],
    ]);
    expect(r.features[0].tie).toEqual(['M', 'O', 'A']);
  });

  it('fails on an unknown word at file:line:column, listing the accepted words', () => {
    const text = 'respondent,feature,functional,dysfunctional\n1,wifi,like,dislike\n2,wifi,like,meh\n';
    let err: unknown;
    try {
      kanoAnswersFromTable(parseTable(text, 'a.csv'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ClvkitError);
    expect((err as Error).message).toMatch(/^a\.csv:3:4: unknown Kano answer "meh"/);
    expect((err as Error).message).toContain('live with');
    expect((err as Error).message).toContain("je n'aime pas");
  });

  it('skips bad rows on request and accounts for them by reason', () => {
    const text = 'respondent,feature,functional,dysfunctional\n1,wifi,1,5\n2,wifi,,5\n3,wifi,7,5\n4,wifi,2,5\n';
    const { rows, accounting } = kanoAnswersFromTable(parseTable(text, 'a.csv'), { skipBadRows: true });
    expect(rows).toHaveLength(2);
    expect(accounting.read).toBe(4);
    expect(accounting.used).toBe(2);
    expect(accounting.rejected).toEqual({ missing_answer: 1, unknown_answer: 1 });
    expect(accounting.firstLines).toEqual({ missing_answer: [3], unknown_answer: [4] });
  });

  it('rejects a respondent who answers the same feature twice', () => {
    const text = 'respondent,feature,functional,dysfunctional\n1,wifi,1,5\n1,wifi,2,5\n';
    expect(() => kanoAnswersFromTable(parseTable(text, 'a.csv'))).toThrow(/a\.csv:3:2: respondent "1" answers feature "wifi" twice \(first at line 2\)/);
  });

  it('names the columns found when one is missing', () => {
    const text = 'respondent,feature,functional\n1,wifi,1\n';
    expect(() => kanoAnswersFromTable(parseTable(text, 'a.csv'))).toThrow(/no dysfunctional answer column.*columns found: respondent, feature, functional/);
  });
});
