import { type KanoCategory } from '../research/kano-table.ts';
import type { KanoAnswerRow } from '../research/kano.ts';
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
    truth: {
        name: string;
        probabilities: Record<KanoCategory, number>;
        category: KanoCategory;
    }[];
    seed: number;
}
/**
 * Default features: one clearly must-be, one one-dimensional, one attractive, one indifferent.
 *
 * @example
 * defaultKanoFeatures('fr')[0].name; // 'Livraison gratuite'
 */
export declare function defaultKanoFeatures(lang?: 'en' | 'fr'): SimulatedKanoFeature[];
/**
 * Seeded synthetic Kano answers with known category probabilities: each respondent's category for a feature
 * is drawn from the feature's probabilities, then the answer pair uniformly among the cells of the evaluation
 * table that give that category.
 *
 * @example
 * const sim = simulateKanoAnswers({ respondents: 300, seed: 7 });
 * kanoFeatures(sim.rows).features.map((f) => f.category); // usually ['M', 'O', 'A', 'I'] as in sim.truth
 */
export declare function simulateKanoAnswers(options?: KanoSimulationOptions): SimulatedKano;
/**
 * Simulated Kano answers as CSV: English (`respondent,feature,functional,dysfunctional`, codes 1–5) or French
 * (`répondant;fonctionnalité;fonctionnel;dysfonctionnel`, answers as French words).
 *
 * @example
 * kanoAnswersCsv(simulateKanoAnswers({ respondents: 2 }), 'fr').split('\n')[0];
 * // 'répondant;fonctionnalité;fonctionnel;dysfonctionnel'
 */
export declare function kanoAnswersCsv(sim: SimulatedKano, lang?: 'en' | 'fr'): string;
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
    groups?: {
        name: string;
        share: number;
        probabilities: NpsProbabilities;
    }[];
    /** Respondents are distinct customers drawn from ids C000001… of a base of this size (default 5000, as `clvkit simulate`). */
    customers?: number;
    seed?: number;
}
export interface SimulatedNps {
    ids: string[];
    scores: Int8Array;
    group: string[];
    truth: {
        nps: number;
        groups: {
            name: string;
            share: number;
            probabilities: NpsProbabilities;
            nps: number;
        }[];
    };
    seed: number;
}
export declare const DEFAULT_NPS_GROUPS: {
    name: string;
    share: number;
    probabilities: NpsProbabilities;
}[];
/**
 * True NPS in points of category probabilities: 100 (p_P − p_D) (Reichheld 2003).
 *
 * @example
 * trueNps({ promoter: 0.5, passive: 0.3, detractor: 0.2 }); // 30
 */
export declare function trueNps(p: NpsProbabilities): number;
/**
 * Seeded synthetic 0–10 scores with known category probabilities per group: the category is drawn from the
 * group's probabilities, then the score uniformly within it (9–10, 7–8, 0–6).
 *
 * @example
 * const sim = simulateNpsScores({ respondents: 1000, seed: 3 });
 * sim.truth.nps; // 0.6 * 30 + 0.4 * 5 = 20
 * netPromoterScore(sim.scores).nps; // near 20
 */
export declare function simulateNpsScores(options?: NpsSimulationOptions): SimulatedNps;
/**
 * Simulated NPS scores as CSV: English `customer_id,channel,score` or French `id_client;canal;note`.
 *
 * @example
 * npsScoresCsv(simulateNpsScores({ respondents: 3 })).split('\n')[0]; // 'customer_id,channel,score'
 */
export declare function npsScoresCsv(sim: SimulatedNps, lang?: 'en' | 'fr'): string;
/**
 * `clvkit simulate --kano`: write the file, return the truth (printed by the caller with --json).
 *
 * @example
 * simulateKanoCommand({ seed: 1, respondents: 200, out: 'data/kano.csv', lang: 'fr' });
 */
export declare function simulateKanoCommand(o: {
    seed?: number;
    respondents?: number;
    out: string;
    lang?: string;
}): {
    kind: string;
    seed: number;
    respondents: number;
    features: {
        name: string;
        probabilities: Record<KanoCategory, number>;
        category: KanoCategory;
    }[];
};
/**
 * `clvkit simulate --nps`: write the file, return the truth (printed by the caller with --json).
 *
 * @example
 * simulateNpsCommand({ seed: 1, respondents: 500, out: 'data/nps.csv' });
 */
export declare function simulateNpsCommand(o: {
    seed?: number;
    respondents?: number;
    out: string;
    lang?: string;
}): {
    kind: string;
    seed: number;
    respondents: number;
    nps: number;
    groups: {
        name: string;
        share: number;
        probabilities: NpsProbabilities;
        nps: number;
    }[];
};
//# sourceMappingURL=kano-nps.d.ts.map