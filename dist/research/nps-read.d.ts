import { type Table } from '../ingest/table.ts';
import type { RowAccounting } from '../types.ts';
/** Options of {@link readNpsScores}. */
export interface NpsReadOptions {
    /** Score column (default: `score`, French `note`, also `nps`, `ltr`, `recommend`). */
    scoreCol?: string;
    /** Grouping columns, each analysed on its own. */
    by?: string[];
    /** Read the customer id column (for NPS by value tier). */
    ids?: boolean;
    /** Customer id column (default: customer_id, client, id_client, customer, respondent, répondant, id). */
    idCol?: string;
    /** Skip invalid scores (counted by reason) instead of failing at the first. */
    skipBadRows?: boolean;
}
/** Scores read from a file, with row accounting. */
export interface NpsScores {
    file: string;
    scoreColumn: string;
    scores: number[];
    /** 1-based file line of each kept score. */
    lines: number[];
    /** One entry per `by` column: the label of each kept score (an empty cell is the group "(missing)"). */
    groups: {
        column: string;
        labels: string[];
    }[];
    ids?: string[];
    accounting: RowAccounting;
}
export declare const NPS_SCORE_ALIASES: string[];
export declare const NPS_ID_ALIASES: string[];
export declare const MISSING_GROUP = "(missing)";
/**
 * Read an NPS file: a 0–10 score column and any grouping columns. An invalid score (missing, not a number,
 * not a whole number, outside 0–10) is an error at file:line:column unless `skipBadRows`, in which case it is
 * counted in `accounting.rejected` by reason (missing_score, not_a_number, not_an_integer, out_of_range).
 *
 * @example
 * const s = readNpsScores('scores.csv', { by: ['channel'] });
 * npsByGroup(s.scores, s.groups[0].labels);
 */
export declare function readNpsScores(path: string, options?: NpsReadOptions): NpsScores;
/**
 * Same as {@link readNpsScores} from a table already parsed.
 *
 * @example
 * npsScoresFromTable(parseTable('note\n9\n10\n', 'fr.csv')).scores; // [9, 10]
 */
export declare function npsScoresFromTable(table: Table, options?: NpsReadOptions): NpsScores;
//# sourceMappingURL=nps-read.d.ts.map