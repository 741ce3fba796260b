import { ClvkitError } from '../errors.js';
import { columnIndex, readTable } from '../ingest/table.js';
import { parseNumber } from '../ingest/number.js';
export const NPS_SCORE_ALIASES = ['score', 'note', 'nps', 'nps_score', 'ltr', 'recommend', 'recommandation'];
export const NPS_ID_ALIASES = ['customer_id', 'client', 'id_client', 'customer', 'respondent', 'repondant', 'id'];
export const MISSING_GROUP = '(missing)';
/**
 * Read an NPS file: a 0–10 score column and any grouping columns. An invalid score (missing, not a number,
 * not a whole number, outside 0–10) is an error at file:line:column unless `skipBadRows`, in which case it is
 * counted in `accounting.rejected` by reason (missing_score, not_a_number, not_an_integer, out_of_range).
 *
 * @example
 * const s = readNpsScores('scores.csv', { by: ['channel'] });
 * npsByGroup(s.scores, s.groups[0].labels);
 */
export function readNpsScores(path, options = {}) {
    return npsScoresFromTable(readTable(path), options);
}
/**
 * Same as {@link readNpsScores} from a table already parsed.
 *
 * @example
 * npsScoresFromTable(parseTable('note\n9\n10\n', 'fr.csv')).scores; // [9, 10]
 */
export function npsScoresFromTable(table, options = {}) {
    const cS = columnIndex(table, NPS_SCORE_ALIASES, 'score', options.scoreCol);
    const byCols = (options.by ?? []).map((name) => columnIndex(table, [], 'grouping', name));
    const cId = options.ids || options.idCol !== undefined ? columnIndex(table, NPS_ID_ALIASES, 'customer id', options.idCol) : -1;
    const accounting = { read: 0, used: 0, rejected: {}, firstLines: {} };
    const scores = [];
    const lines = [];
    const groups = byCols.map((c) => ({ column: table.header[c], labels: [] }));
    const ids = cId >= 0 ? [] : undefined;
    for (let i = 0; i < table.rows.length; i++) {
        const cells = table.rows[i];
        const line = table.lines[i];
        accounting.read++;
        const raw = cells[cS].trim();
        const v = parseNumber(raw, table.decimal);
        const reason = raw === '' ? 'missing_score' : Number.isNaN(v) ? 'not_a_number' : !Number.isInteger(v) ? 'not_an_integer' : v < 0 || v > 10 ? 'out_of_range' : undefined;
        if (reason !== undefined) {
            if (!options.skipBadRows) {
                const what = raw === '' ? 'missing score' : `expected a whole number from 0 to 10, got "${raw}"`;
                throw new ClvkitError(`${what} in column "${table.header[cS]}" (use --skip-bad-rows to skip such rows)`, { file: table.file, line, column: cS + 1 });
            }
            accounting.rejected[reason] = (accounting.rejected[reason] ?? 0) + 1;
            const first = (accounting.firstLines[reason] ??= []);
            if (first.length < 5)
                first.push(line);
            continue;
        }
        scores.push(v === 0 ? 0 : v);
        lines.push(line);
        byCols.forEach((c, k) => groups[k].labels.push(cells[c].trim() === '' ? MISSING_GROUP : cells[c].trim()));
        if (ids)
            ids.push(cells[cId].trim());
        accounting.used++;
    }
    if (scores.length === 0)
        throw new ClvkitError('no valid scores in the file', { file: table.file });
    return { file: table.file, scoreColumn: table.header[cS], scores, lines, groups, ids, accounting };
}
//# sourceMappingURL=nps-read.js.map