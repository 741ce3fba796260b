import { ioStudyConfig } from './io-template.ts';
import { createRng } from '../random.ts';

export interface SurveySimulationOptions {
  seed?: number;
  /** Respondents (default 211, the sample of Ramani & Kumar 2008). */
  respondents?: number;
  /** Include the lagged (next-year) outcomes and the binary retention_up (default true). */
  lagged?: boolean;
  /** Share of item answers left blank at random (default 0). */
  missingShare?: number;
}

export interface SurveyTruth {
  seed: number;
  respondents: number;
  /** Standardised loadings of each item on its component (continuous scale, before rounding to 1–7). */
  loadings: Record<string, number>;
  /** Loadings of the four components on interaction orientation. */
  secondOrder: Record<string, number>;
  /**
   * True regression slopes per model name (the template's model names), per term. Effects are on
   * the observed construct scores: the outcomes are generated from the IO score computed from the
   * simulated answers, so OLS/logit on that score is unbiased for them.
   */
  effects: Record<string, Record<string, number>>;
  notes: string;
}

export interface SurveySimulation {
  header: string[];
  /** One row per respondent: respondent_id then the columns of `header` (blank answers as NaN). */
  rows: number[][];
  truth: SurveyTruth;
}

const COMPONENTS = ['CC', 'IRC', 'CE', 'CVM'] as const;
const LOADINGS: Record<string, number[]> = { CC: [0.8, 0.75, 0.7, 0.65], IRC: [0.8, 0.8, 0.7, 0.6], CE: [0.75, 0.7, 0.7, 0.65], CVM: [0.85, 0.75, 0.7, 0.6] };
const SECOND: Record<string, number> = { CC: 0.8, IRC: 0.75, CE: 0.7, CVM: 0.8 };

/** Outcome equations on centred regressors: IOc = IO − 4, size_c = firm_size − 5, comp_c = competition − 4. */
const EQUATIONS: Record<string, { intercept: number; IO: number; firm_size: number; b2b: number; competition: number; sd: number }> = {
  SAT: { intercept: 4.3, IO: 0.5, firm_size: 0.05, b2b: 0.2, competition: -0.1, sd: 0.55 },
  REC: { intercept: 4.1, IO: 0.4, firm_size: 0.0, b2b: -0.15, competition: -0.05, sd: 0.6 },
  recruitment: { intercept: 10, IO: 1.5, firm_size: 0.8, b2b: -1.0, competition: -0.5, sd: 3 },
  conversion: { intercept: 20, IO: 2.0, firm_size: 0.5, b2b: 1.5, competition: -0.8, sd: 4 },
  retention: { intercept: 75, IO: 2.5, firm_size: 1.0, b2b: 2.0, competition: -1.2, sd: 5 },
  satisfaction_t1: { intercept: 4.3, IO: 0.3, firm_size: 0.05, b2b: 0.2, competition: -0.1, sd: 0.6 },
  recommendation_t1: { intercept: 4.1, IO: 0.25, firm_size: 0.0, b2b: -0.15, competition: -0.05, sd: 0.6 },
  recruitment_t1: { intercept: 10, IO: 2.5, firm_size: 0.8, b2b: -1.0, competition: -0.5, sd: 3 },
  conversion_t1: { intercept: 20, IO: 3.0, firm_size: 0.5, b2b: 1.5, competition: -0.8, sd: 4 },
  retention_t1: { intercept: 75, IO: 4.0, firm_size: 1.0, b2b: 2.0, competition: -1.2, sd: 5 },
  retention_up: { intercept: -0.2, IO: 0.9, firm_size: 0.2, b2b: 0.3, competition: -0.2, sd: 0 },
};
/** Moderation of the satisfaction effect by competitive intensity: + δ·IOc·comp_c. */
const SAT_INTERACTION = 0.15;

const MODEL_OF: Record<string, string> = {
  SAT: 'Satisfaction',
  REC: 'Recommendation',
  recruitment: 'Recruitment',
  conversion: 'Conversion',
  retention: 'Retention',
  satisfaction_t1: 'Satisfaction, next year',
  recommendation_t1: 'Recommendation, next year',
  recruitment_t1: 'Recruitment, next year',
  conversion_t1: 'Conversion, next year',
  retention_t1: 'Retention, next year',
  retention_up: 'Retention improved (logit)',
};

/**
 * A synthetic interaction-orientation study with known truth: a latent IO factor drives the four
 * components (second-order loadings), each component its four items (first-order loadings), answers
 * rounded to the 1–7 scale (cc4 reverse-worded); controls; outcomes generated from the observed IO
 * score and the controls with known slopes (satisfaction also moderated by competitive intensity),
 * short-term and, optionally, next-year (lagged) outcomes and a binary retention_up from a logit model.
 * Column names match data/io-study.json.
 *
 * @example
 * const sim = simulateSurvey({ seed: 7 });
 * sim.rows.length; // 211
 * sim.truth.effects.Retention.IO; // 2.5
 */
export function simulateSurvey(options: SurveySimulationOptions = {}): SurveySimulation {
  const seed = options.seed ?? 1;
  const n = Math.round(options.respondents ?? 211);
  const lagged = options.lagged ?? true;
  const missingShare = options.missingShare ?? 0;
  const rng = createRng(seed);
  const config = ioStudyConfig();
  const constructs = config.constructs!;
  const likert = (z: number, centre = 4, spread = 1.3) => Math.min(7, Math.max(1, Math.round(centre + spread * z)));
  const outcomes = lagged ? Object.keys(EQUATIONS) : ['SAT', 'REC', 'recruitment', 'conversion', 'retention'];
  const rawOutcomes = outcomes.filter((o) => o !== 'SAT' && o !== 'REC');
  const itemNames = Object.values(constructs).flatMap((c) => c.items);
  const header = ['respondent_id', ...itemNames, 'firm_size', 'b2b', 'competition', ...rawOutcomes];
  const rows: number[][] = [];
  for (let r = 0; r < n; r++) {
    const values: Record<string, number> = {};
    const io = rng.normal();
    const componentScores: number[] = [];
    for (const comp of COMPONENTS) {
      const g = SECOND[comp];
      const eta = g * io + Math.sqrt(1 - g * g) * rng.normal();
      const items = constructs[comp].items;
      let sum = 0;
      items.forEach((it, j) => {
        const l = LOADINGS[comp][j];
        const answer = likert(l * eta + Math.sqrt(1 - l * l) * rng.normal());
        sum += answer;
        values[it] = constructs[comp].reverse?.includes(it) ? 8 - answer : answer;
      });
      componentScores.push(sum / items.length);
    }
    const ioScore = componentScores.reduce((a, b) => a + b, 0) / componentScores.length;
    const firmSize = 5 + 1.2 * rng.normal();
    const b2b = rng.uniform() < 0.45 ? 1 : 0;
    const competition = likert(rng.normal(), 4, 1.4);
    values.firm_size = firmSize;
    values.b2b = b2b;
    values.competition = competition;
    const x = { IO: ioScore - 4, firm_size: firmSize - 5, b2b, competition: competition - 4 };
    for (const o of outcomes) {
      const e = EQUATIONS[o];
      let m = e.intercept + e.IO * x.IO + e.firm_size * x.firm_size + e.b2b * x.b2b + e.competition * x.competition;
      if (o === 'SAT') m += SAT_INTERACTION * x.IO * x.competition;
      if (o === 'SAT' || o === 'REC') {
        // Multi-item outcome: three answers around the construct's level (rounding is nearly unbiased inside 1–7).
        const level = m + e.sd * rng.normal();
        for (const it of constructs[o].items) values[it] = likert(0.55 * rng.normal(), level, 1);
      } else if (o === 'retention_up') {
        values[o] = rng.uniform() < 1 / (1 + Math.exp(-m)) ? 1 : 0;
      } else {
        values[o] = m + e.sd * rng.normal();
      }
    }
    if (missingShare > 0) for (const it of itemNames) if (rng.uniform() < missingShare) values[it] = NaN;
    rows.push([r + 1, ...header.slice(1).map((h) => values[h])]);
  }
  const effects: Record<string, Record<string, number>> = {};
  for (const o of outcomes) {
    const e = EQUATIONS[o];
    effects[MODEL_OF[o]] = { IO: e.IO, firm_size: e.firm_size, b2b: e.b2b, competition: e.competition };
  }
  // In the centred moderation model the IO and competition main effects are the effects at the means.
  effects['Satisfaction: IO x competitive intensity'] = { IO: EQUATIONS.SAT.IO, firm_size: EQUATIONS.SAT.firm_size, b2b: EQUATIONS.SAT.b2b, competition: EQUATIONS.SAT.competition, 'IO:competition': SAT_INTERACTION };
  const loadings: Record<string, number> = {};
  for (const comp of COMPONENTS) constructs[comp].items.forEach((it, j) => (loadings[it] = LOADINGS[comp][j]));
  return {
    header,
    rows,
    truth: {
      seed,
      respondents: n,
      loadings,
      secondOrder: { ...SECOND },
      effects,
      notes:
        'Slopes are per unit of the observed scores (IO = mean of the four component scores on the 1-7 scale; firm_size = log employees; b2b 0/1; competition 1-7). Logit slopes are on the log-odds scale. Loadings are on the continuous scale before answers are rounded to 1-7, so estimated loadings are slightly lower.',
    },
  };
}
