import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/ingest/table.ts';
import { toCsv } from '../../src/io/csv.ts';
import { ioStudyConfig } from '../../src/research/io-template.ts';
import { ols } from '../../src/research/ols.ts';
import { simulateSurvey } from '../../src/research/simulate-survey.ts';
import { analyseSurvey } from '../../src/research/study.ts';
import { parseMissingRule, parseStudyConfig } from '../../src/research/survey-config.ts';

const simulated = (seed: number, lagged = true) => {
  const sim = simulateSurvey({ seed, lagged });
  return { sim, table: parseTable(toCsv(sim.header, sim.rows), `sim-${seed}.csv`) };
};

describe('interaction-orientation template', () => {
  it('data/io-study.json is the template and passes validation', () => {
    const file = JSON.parse(readFileSync(new URL('../../data/io-study.json', import.meta.url), 'utf8'));
    expect(file).toEqual(ioStudyConfig());
    expect(parseStudyConfig(file)).toEqual(ioStudyConfig());
  });

  it('recovers the simulated true effects: most 95% intervals cover them across seeds', () => {
    // Five independent synthetic studies of 211 respondents; every slope with a known true value.
    let cover = 0;
    let total = 0;
    let ioCover = 0;
    let ioTotal = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const { sim, table } = simulated(seed);
      const study = analyseSurvey(table, ioStudyConfig());
      expect(study.models).toHaveLength(12);
      for (const m of study.models) {
        const truth = sim.truth.effects[m.name];
        expect(truth, m.name).toBeDefined();
        for (const [term, value] of Object.entries(truth)) {
          const c = m.coefficients.find((x) => x.term === term)!;
          const inside = c.ci[0] <= value && value <= c.ci[1];
          total++;
          if (inside) cover++;
          if (term === 'IO') {
            ioTotal++;
            if (inside) ioCover++;
          }
        }
      }
    }
    // Expected coverage 0.95; with ~270 intervals a binomial share below 0.88 would be a 3-sigma event.
    expect(cover / total).toBeGreaterThanOrEqual(0.88);
    expect(ioCover / ioTotal).toBeGreaterThanOrEqual(0.8);
  });

  it('recovers the measurement model: loadings near the truth, reliable components', () => {
    const { sim, table } = simulated(11);
    const study = analyseSurvey(table, ioStudyConfig());
    for (const c of ['CC', 'IRC', 'CE', 'CVM']) {
      expect(study.reliability[c].alpha!).toBeGreaterThan(0.6);
      for (const [item, l] of Object.entries(study.reliability[c].loadings)) {
        // Sampling SE of a loading at n = 211 is about 0.04; rounding to 1–7 attenuates by about 2%.
        expect(Math.abs(l - sim.truth.loadings[item])).toBeLessThan(0.15);
      }
    }
  });

  it('produces every table', () => {
    const { table } = simulated(3);
    const study = analyseSurvey(table, ioStudyConfig());
    expect(Object.keys(study.reliability)).toEqual(['CC', 'IRC', 'CE', 'CVM', 'SAT', 'REC']);
    for (const r of Object.values(study.reliability)) {
      for (const k of ['alpha', 'cr', 'ave'] as const) expect(r[k]).toBeGreaterThan(0);
      expect(Object.keys(r.loadings)).toEqual(r.items);
    }
    expect(study.second_order.IO.components).toEqual(['CC', 'IRC', 'CE', 'CVM']);
    expect(study.fornell_larcker!.constructs).toHaveLength(6);
    expect(study.fornell_larcker!.matrix[0][0]).toBeCloseTo(Math.sqrt(study.reliability.CC.ave!), 14);
    expect(Object.keys(study.scores.descriptives)).toContain('IO');
    expect(study.scores.correlations.matrix).toHaveLength(7);
    // IO score is the mean of the four component scores: so is its sample mean.
    const d = study.scores.descriptives;
    expect(d.IO.mean).toBeCloseTo((d.CC.mean + d.IRC.mean + d.CE.mean + d.CVM.mean) / 4, 12);
    for (const m of study.models) {
      expect(m.hierarchy!.length).toBeGreaterThanOrEqual(2);
      expect(m.coefficients[0].term).toBe('(Intercept)');
    }
    const json = JSON.parse(JSON.stringify(study));
    expect(json.respondentScores).toBeUndefined();
    expect(study.respondentScores.IO).toHaveLength(211);
  });

  it('the IO step of the hierarchy is the R² gain over the controls-only model', () => {
    const { table } = simulated(4);
    const study = analyseSurvey(table, ioStudyConfig());
    const m = study.models.find((x) => x.name === 'Retention')!;
    const s = study.respondentScores;
    const cols = ['firm_size', 'b2b', 'competition', 'retention'].map((c) => Float64Array.from(table.rows, (r) => Number(r[table.header.indexOf(c)])));
    const base = ols(cols[3], cols.slice(0, 3), ['firm_size', 'b2b', 'competition']);
    const full = ols(cols[3], [...cols.slice(0, 3), s.IO], ['firm_size', 'b2b', 'competition', 'IO']);
    expect(m.hierarchy![1].delta_r2).toBeCloseTo(full.r2 - base.r2, 12);
    expect(m.r2).toBeCloseTo(full.r2, 12);
  });

  it('lagged outcomes are optional: skipped with a reason when absent', () => {
    const { table } = simulated(2, false);
    const study = analyseSurvey(table, ioStudyConfig());
    expect(study.models.map((m) => m.name)).toEqual(['Satisfaction', 'Recommendation', 'Recruitment', 'Conversion', 'Retention', 'Satisfaction: IO x competitive intensity']);
    expect(study.skipped).toHaveLength(6);
    expect(study.skipped[0].reason).toMatch(/satisfaction_t1/);
  });

  it('is reproducible from the seed', () => {
    expect(simulateSurvey({ seed: 9 }).rows).toEqual(simulateSurvey({ seed: 9 }).rows);
    expect(simulateSurvey({ seed: 9 }).rows).not.toEqual(simulateSurvey({ seed: 10 }).rows);
  });
});

describe('survey input rules', () => {
  const config = parseStudyConfig({
    scale: [1, 5],
    constructs: { A: { items: ['a1', 'a2', 'a3'], reverse: ['a3'] }, B: { items: ['b1', 'b2'] } },
    models: [{ name: 'm', type: 'ols', dependent: 'y', predictors: ['A', 'B'] }],
  });
  // Respondent 2 skipped a2. a3 is reverse-coded: x' = 1 + 5 − x = 6 − x.
  const csv = 'id,a1,a2,a3,b1,b2,y\n1,4,5,2,3,3,10\n2,2,,4,2,3,7\n3,5,4,1,4,5,12\n4,3,3,3,3,2,9\n5,1,2,5,1,2,4\n6,4,4,2,5,4,11\n';
  const table = parseTable(csv, 'small.csv');

  it('reverse coding and item-mean scores', () => {
    const s = analyseSurvey(table, config).respondentScores;
    // Respondent 1: a = 4, 5, 6 − 2 = 4 → mean 13/3.
    expect(s.A[0]).toBeCloseTo(13 / 3, 14);
    expect(s.B[0]).toBe(3);
  });
  it('listwise: a respondent missing an item has no score and leaves the reliability sample', () => {
    const a = analyseSurvey(table, config, { missing: 'listwise' });
    expect(Number.isNaN(a.respondentScores.A[1])).toBe(true);
    expect(a.reliability.A.n).toBe(5);
    expect(a.reliability.B.n).toBe(6);
    expect(a.models[0].n).toBe(5);
    expect(a.missing).toEqual({ rule: 'listwise', imputed: 0, unanswered: 1 });
  });
  it('mean:0.34 fills one missing item of three with the respondent’s mean of the others', () => {
    const a = analyseSurvey(table, config, { missing: 'mean:0.34' });
    // Respondent 2: a1 = 2, a3 = 6 − 4 = 2 → a2 := 2, score 2.
    expect(a.respondentScores.A[1]).toBe(2);
    expect(a.reliability.A.n).toBe(6);
    expect(a.missing.imputed).toBe(1);
    // One of three items is a share of 1/3 > 0.3: not filled under mean:0.3.
    expect(analyseSurvey(table, config, { missing: 'mean:0.3' }).missing.imputed).toBe(0);
  });
  it('bad rules are rejected', () => {
    expect(() => parseMissingRule('pairwise')).toThrow(/listwise/);
    expect(() => parseMissingRule('mean:1.5')).toThrow(/share/);
  });
  it('an answer outside the scale is an error at file:line:column', () => {
    const bad = parseTable(csv.replace('3,5,4,1', '3,5,9,1'), 'bad.csv');
    expect(() => analyseSurvey(bad, config)).toThrow(/bad\.csv:4:3: answer 9 to item "a2" is outside the scale 1–5/);
  });
  it('a text answer is an error at file:line:column', () => {
    const bad = parseTable(csv.replace('4,3,3,3', '4,3,x,3'), 'bad.csv');
    expect(() => analyseSurvey(bad, config)).toThrow(/bad\.csv:5:3: expected a number/);
  });
  it('a constant item is a clear error naming it', () => {
    const bad = parseTable('a1,a2,a3,b1,b2,y\n1,3,2,1,2,1\n2,3,3,2,2,2\n3,3,5,3,4,3\n4,3,4,5,5,4\n', 'c.csv');
    expect(() => analyseSurvey(bad, config)).toThrow(/item "a2" of construct A has the same answer \(3\) from all 4 respondents/);
  });
  it('a model naming an unknown variable lists the columns', () => {
    const c2 = parseStudyConfig({ constructs: { B: { items: ['b1', 'b2'] } }, models: [{ name: 'm', dependent: 'yy', predictors: ['B'] }] });
    expect(() => analyseSurvey(table, c2)).toThrow(/model "m": "yy" is neither a construct \(B\) nor a column of the responses \(columns: id, a1/);
  });
  it('a missing item column is named', () => {
    const c3 = parseStudyConfig({ constructs: { B: { items: ['b1', 'b9'] } } });
    expect(() => analyseSurvey(table, c3)).toThrow(/items not found in the responses: b9/);
  });
  it('config errors name the place in the JSON', () => {
    expect(() => parseStudyConfig({ constructs: { A: { items: ['a1'], reverse: ['a1'] } } })).toThrow(/constructs\.A\.reverse: reverse-coded items need the answer range/);
    expect(() => parseStudyConfig({ models: [{ dependent: 'y', predictors: ['x'], type: 'probit' }] })).toThrow(/models\[0\]\.type/);
    expect(() => parseStudyConfig({ constructs: { A: { items: ['a'] } }, secondOrder: { S: { components: ['A', 'Z'] } } })).toThrow(/"Z" is not a construct/);
  });
  it('a logit model with separation fails with the model named', () => {
    const c4 = parseStudyConfig({ models: [{ name: 'sep', type: 'logit', dependent: 'd', predictors: ['x'] }] });
    const t = parseTable('x,d\n1,0\n2,0\n3,0\n4,1\n5,1\n6,1\n', 's.csv');
    expect(() => analyseSurvey(t, c4)).toThrow(/model "sep": logit: separation/);
  });
});
