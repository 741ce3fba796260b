import { type Table } from '../ingest/table.ts';
import type { RowAccounting } from '../types.ts';
import type { KanoAnswerRow } from './kano.ts';
/** Options of {@link readKanoAnswers}. */
export interface KanoReadOptions {
    /** Skip rows with a missing or unknown answer (counted in the accounting) instead of failing. */
    skipBadRows?: boolean;
    /** Explicit column names (otherwise found by their English or French names). */
    respondentCol?: string;
    featureCol?: string;
    functionalCol?: string;
    dysfunctionalCol?: string;
}
/** Answers read from a file, with row accounting. */
export interface KanoAnswers {
    file: string;
    rows: KanoAnswerRow[];
    /** 1-based file line of each row. */
    lines: number[];
    accounting: RowAccounting;
}
export declare const KANO_COLUMN_ALIASES: {
    readonly respondent: readonly ['respondent', 'respondent_id', 'id', 'repondant', 'id_repondant', 'customer_id', 'client'];
    readonly feature: readonly ['feature', 'attribute', 'fonctionnalite', 'attribut', 'caracteristique'];
    readonly functional: readonly ['functional', 'fonctionnel', 'functional_answer', 'reponse_fonctionnelle'];
    readonly dysfunctional: readonly ['dysfunctional', 'dysfonctionnel', 'dysfunctional_answer', 'reponse_dysfonctionnelle'];
};
/**
 * Read a long-form Kano answers file: `respondent, feature, functional, dysfunctional`
 * (or `répondant, fonctionnalité, fonctionnel, dysfonctionnel`), answers as codes 1..5 or words.
 * An unknown or missing answer is an error at file:line:column listing the accepted answers, unless
 * `skipBadRows`; a respondent answering the same feature twice is always an error.
 *
 * @example
 * const { rows, accounting } = readKanoAnswers('answers.csv');
 * const result = kanoFeatures(rows);
 */
export declare function readKanoAnswers(path: string, options?: KanoReadOptions): KanoAnswers;
/**
 * Same as {@link readKanoAnswers} from a table already parsed.
 *
 * @example
 * const t = parseTable('respondent,feature,functional,dysfunctional\n1,wifi,1,5\n', 'a.csv');
 * kanoAnswersFromTable(t).rows[0]; // { respondent: '1', feature: 'wifi', functional: 1, dysfunctional: 5 }
 */
export declare function kanoAnswersFromTable(table: Table, options?: KanoReadOptions): KanoAnswers;
//# sourceMappingURL=kano-read.d.ts.map