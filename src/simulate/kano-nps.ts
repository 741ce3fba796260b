import { writeFileAtomic } from '../io/atomic.ts';
import { UsageError } from '../errors.ts';
import { CSV_EN, CSV_FR, toCsv } from '../io/csv.ts';
import { KANO_ANSWER_WORDS } from '../research/kano-answer.ts';
import { KANO_CATEGORIES, kanoCategory, type KanoAnswer, type KanoCategory } from '../research/kano-table.ts';
import type { KanoAnswerRow } from '../research/kano.ts';
import { createRng, type Rng } from '../random.ts';
import { simulatedCustomerId } from './transactions.ts';

/** A simulated feature: its true category probabilities (normalised if they do not add up to 1). */
export interface SimulatedKanoFeature {
  name: string;
  probabilities: Partial<Record<KanoCategory, number>>;
}

export interface KanoSimulationOptions {
  /** Respondents, each answering every feature (default 200). */
  respondents?: number;
  features?: SimulatedKanoFeature[];
  seed?: number;
  /** Feature names in French for the default features. */
  lang?: 'en' | 'fr';
}

export interface SimulatedKano {
  rows: KanoAnswerRow[];
  /** True category probabilities per feature, and the true modal category. */
  truth: { name: string; probabilities: Record<KanoCategory, number>; category: KanoCategory }[];
  seed: number;
}

/**
 * Default features: one clearly must-be, one one-dimensional, one attractive, one indifferent.
 *
 * @example
 * defaultKanoFeatures('fr')[0].name; // 'Livraison gratuite'
 */
export function defaultKanoFeatures(lang: 'en' | 'fr' = 'en'): SimulatedKanoFeature[] {
  const names = lang === 'fr'
    ? ['Livraison gratuite', 'Suivi de commande', 'Emballage cadeau', 'Lettre d’information']
    : ['Free delivery', 'Order tracking', 'Gift wrapping', 'Newsletter'];
  return [
    { name: names[0], probabilities: { M: 0.55, O: 0.2, A: 0.05, I: 0.15, R: 0.03, Q: 0.02 } },
    { name: names[1], probabilities: { M: 0.15, O: 0.5, A: 0.15, I: 0.15, R: 0.03, Q: 0.02 } },
    { name: names[2], probabilities: { M: 0.05, O: 0.1, A: 0.5, I: 0.3, R: 0.03, Q: 0.02 } },
    { name: names[3], probabilities: { M: 0.05, O: 0.05, A: 0.15, I: 0.6, R: 0.12, Q: 0.03 } },
  ];
}

// The answer pairs of each category, read from the evaluation table itself.
const CELLS: Record<KanoCategory, [KanoAnswer, KanoAnswer][]> = { A: [], O: [], M: [], I: [], R: [], Q: [] };
for (let f = 1; f <= 5; f++) {
  for (let d = 1; d <= 5; d++) CELLS[kanoCategory(f as KanoAnswer, d as KanoAnswer)].push([f as KanoAnswer, d as KanoAnswer]);
}

function pick(rng: Rng, weights: readonly number[]): number {
  let u = rng.uniform();
  for (let k = 0; k < weights.length - 1; k++) {
    if (u < weights[k]) return k;
    u -= weights[k];
  }
  return weights.length - 1;
}

function normalise(p: Partial<Record<KanoCategory, number>>): Record<KanoCategory, number> {
  const total = KANO_CATEGORIES.reduce((s, c) => s + (p[c] ?? 0), 0);
  if (!(total > 0)) throw new UsageError('simulated Kano probabilities must be non-negative and not all zero');
  const out = { A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 };
  for (const c of KANO_CATEGORIES) {
    const v = p[c] ?? 0;
    if (!(v >= 0)) throw new UsageError(`simulated Kano probability of ${c} must be non-negative, got ${v}`);
    out[c] = v / total;
  }
  return out;
}

/**
 * Seeded synthetic Kano answers with known category probabilities: each respondent's category for a feature
 * is drawn from the feature's probabilities, then the answer pair uniformly among the cells of the evaluation
 * table that give that category.
 *
 * @example
 * const sim = simulateKanoAnswers({ respondents: 300, seed: 7 });
 * kanoFeatures(sim.rows).features.map((f) => f.category); // usually ['M', 'O', 'A', 'I'] as in sim.truth
 */
export function simulateKanoAnswers(options: KanoSimulationOptions = {}): SimulatedKano {
  const respondents = options.respondents ?? 200;
  const seed = options.seed ?? 1;
  if (!(Number.isInteger(respondents) && respondents > 0)) throw new UsageError(`respondents must be a positive whole number, got ${respondents}`);
  const features = options.features ?? defaultKanoFeatures(options.lang);
  const rng = createRng(seed);
  const truth = features.map((f) => {
    const probabilities = normalise(f.probabilities);
    const category = KANO_CATEGORIES.reduce((best, c) => (probabilities[c] > probabilities[best] ? c : best), 'A' as KanoCategory);
    return { name: f.name, probabilities, category };
  });
  const rows: KanoAnswerRow[] = [];
  const width = String(respondents).length;
  for (let r = 0; r < respondents; r++) {
    const respondent = 'R' + String(r + 1).padStart(Math.max(4, width), '0');
    for (const t of truth) {
      const category = KANO_CATEGORIES[pick(rng, KANO_CATEGORIES.map((c) => t.probabilities[c]))];
      const cells = CELLS[category];
      const [functional, dysfunctional] = cells[rng.integer(cells.length)];
      rows.push({ respondent, feature: t.name, functional, dysfunctional });
    }
  }
  return { rows, truth, seed };
}

/**
 * Simulated Kano answers as CSV: English (`respondent,feature,functional,dysfunctional`, codes 1–5) or French
 * (`répondant;fonctionnalité;fonctionnel;dysfonctionnel`, answers as French words).
 *
 * @example
 * kanoAnswersCsv(simulateKanoAnswers({ respondents: 2 }), 'fr').split('\n')[0];
 * // 'répondant;fonctionnalité;fonctionnel;dysfonctionnel'
 */
export function kanoAnswersCsv(sim: SimulatedKano, lang: 'en' | 'fr' = 'en'): string {
  if (lang === 'fr') {
    // French words: the first French label of each code in KANO_ANSWER_WORDS
    const word = (a: KanoAnswer) => KANO_ANSWER_WORDS[a].find((w) => FRENCH_LABELS.has(w))!;
    return toCsv(['répondant', 'fonctionnalité', 'fonctionnel', 'dysfonctionnel'], sim.rows.map((r) => [r.respondent, r.feature, word(r.functional), word(r.dysfunctional)]), CSV_FR);
  }
  return toCsv(['respondent', 'feature', 'functional', 'dysfunctional'], sim.rows.map((r) => [r.respondent, r.feature, r.functional, r.dysfunctional]), CSV_EN);
}

const FRENCH_LABELS = new Set(["j'aime", "c'est normal", 'neutre', 'je peux tolérer', "je n'aime pas"]);

/** NPS category probabilities. */
export interface NpsProbabilities {
  promoter: number;
  passive: number;
  detractor: number;
}

export interface NpsSimulationOptions {
  /** Respondents (default 500). */
  respondents?: number;
  /** Groups with their share of respondents and true category probabilities. */
  groups?: { name: string; share: number; probabilities: NpsProbabilities }[];
  /** Respondents are distinct customers drawn from ids C000001… of a base of this size (default 5000, as `clvkit simulate`). */
  customers?: number;
  seed?: number;
}

export interface SimulatedNps {
  ids: string[];
  scores: Int8Array;
  group: string[];
  truth: { nps: number; groups: { name: string; share: number; probabilities: NpsProbabilities; nps: number }[] };
  seed: number;
}

export const DEFAULT_NPS_GROUPS: { name: string; share: number; probabilities: NpsProbabilities }[] = [
  { name: 'web', share: 0.6, probabilities: { promoter: 0.5, passive: 0.3, detractor: 0.2 } },
  { name: 'store', share: 0.4, probabilities: { promoter: 0.35, passive: 0.35, detractor: 0.3 } },
];

/**
 * True NPS in points of category probabilities: 100 (p_P − p_D) (Reichheld 2003).
 *
 * @example
 * trueNps({ promoter: 0.5, passive: 0.3, detractor: 0.2 }); // 30
 */
export function trueNps(p: NpsProbabilities): number {
  const total = p.promoter + p.passive + p.detractor;
  return (100 * (p.promoter - p.detractor)) / total;
}

/**
 * Seeded synthetic 0–10 scores with known category probabilities per group: the category is drawn from the
 * group's probabilities, then the score uniformly within it (9–10, 7–8, 0–6).
 *
 * @example
 * const sim = simulateNpsScores({ respondents: 1000, seed: 3 });
 * sim.truth.nps; // 0.6 * 30 + 0.4 * 5 = 20
 * netPromoterScore(sim.scores).nps; // near 20
 */
export function simulateNpsScores(options: NpsSimulationOptions = {}): SimulatedNps {
  const n = options.respondents ?? 500;
  const seed = options.seed ?? 1;
  const customers = options.customers ?? 5000;
  const groups = options.groups ?? DEFAULT_NPS_GROUPS;
  if (!(Number.isInteger(n) && n > 0)) throw new UsageError(`respondents must be a positive whole number, got ${n}`);
  if (n > customers) throw new UsageError(`cannot draw ${n} distinct respondents from ${customers} customers`);
  if (groups.length === 0) throw new UsageError('at least one group is needed');
  const shareTotal = groups.reduce((s, g) => s + g.share, 0);
  const rng = createRng(seed);
  // distinct customers by a partial Fisher–Yates shuffle
  const pool = Int32Array.from({ length: customers }, (_, i) => i);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const j = i + rng.integer(customers - i);
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
    ids.push(simulatedCustomerId(pool[i], customers));
  }
  const scores = new Int8Array(n);
  const group: string[] = [];
  const shares = groups.map((g) => g.share / shareTotal);
  for (let i = 0; i < n; i++) {
    const g = groups[pick(rng, shares)];
    group.push(g.name);
    const p = g.probabilities;
    const total = p.promoter + p.passive + p.detractor;
    const k = pick(rng, [p.promoter / total, p.passive / total, p.detractor / total]);
    scores[i] = k === 0 ? 9 + rng.integer(2) : k === 1 ? 7 + rng.integer(2) : rng.integer(7);
  }
  const truthGroups = groups.map((g, k) => ({ name: g.name, share: shares[k], probabilities: g.probabilities, nps: trueNps(g.probabilities) }));
  return { ids, scores, group, truth: { nps: truthGroups.reduce((s, g) => s + g.share * g.nps, 0), groups: truthGroups }, seed };
}

/**
 * Simulated NPS scores as CSV: English `customer_id,channel,score` or French `id_client;canal;note`.
 *
 * @example
 * npsScoresCsv(simulateNpsScores({ respondents: 3 })).split('\n')[0]; // 'customer_id,channel,score'
 */
export function npsScoresCsv(sim: SimulatedNps, lang: 'en' | 'fr' = 'en'): string {
  const header = lang === 'fr' ? ['id_client', 'canal', 'note'] : ['customer_id', 'channel', 'score'];
  return toCsv(header, Array.from(sim.scores, (s, i) => [sim.ids[i], sim.group[i], s]), lang === 'fr' ? CSV_FR : CSV_EN);
}

/**
 * `clvkit simulate --kano`: write the file, return the truth (the caller says what was written, or prints it with --json).
 *
 * @example
 * simulateKanoCommand({ seed: 1, respondents: 200, out: 'data/kano.csv', lang: 'fr' });
 */
export function simulateKanoCommand(o: { seed?: number; respondents?: number; out: string; lang?: string }) {
  const lang = o.lang === 'fr' ? 'fr' : 'en';
  const sim = simulateKanoAnswers({ seed: o.seed, respondents: o.respondents === undefined ? undefined : Math.round(o.respondents), lang });
  writeFileAtomic(o.out, kanoAnswersCsv(sim, lang));
  return { kind: 'kano', seed: sim.seed, respondents: sim.rows.length / sim.truth.length, features: sim.truth };
}

/**
 * `clvkit simulate --nps`: write the file, return the truth (the caller says what was written, or prints it with --json).
 *
 * @example
 * simulateNpsCommand({ seed: 1, respondents: 500, out: 'data/nps.csv' });
 */
export function simulateNpsCommand(o: { seed?: number; respondents?: number; out: string; lang?: string }) {
  const lang = o.lang === 'fr' ? 'fr' : 'en';
  const sim = simulateNpsScores({ seed: o.seed, respondents: o.respondents === undefined ? undefined : Math.round(o.respondents) });
  writeFileAtomic(o.out, npsScoresCsv(sim, lang));
  return { kind: 'nps', seed: sim.seed, respondents: sim.scores.length, nps: sim.truth.nps, groups: sim.truth.groups };
}
