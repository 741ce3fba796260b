import { ClvkitError } from '../errors.js';
import { columnIndex, readTable } from '../ingest/table.js';
import { acceptedKanoAnswers, parseKanoAnswer } from './kano-answer.js';
export const KANO_COLUMN_ALIASES = {
    respondent: ['respondent', 'respondent_id', 'id', 'repondant', 'id_repondant', 'customer_id', 'client'],
    feature: ['feature', 'attribute', 'fonctionnalite', 'attribut', 'caracteristique'],
    functional: ['functional', 'fonctionnel', 'functional_answer', 'reponse_fonctionnelle'],
    dysfunctional: ['dysfunctional', 'dysfonctionnel', 'dysfunctional_answer', 'reponse_dysfonctionnelle'],
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
export function readKanoAnswers(path, options = {}) {
    return kanoAnswersFromTable(readTable(path), options);
}
/**
 * Same as {@link readKanoAnswers} from a table already parsed.
 *
 * @example
 * const t = parseTable('respondent,feature,functional,dysfunctional\n1,wifi,1,5\n', 'a.csv');
 * kanoAnswersFromTable(t).rows[0]; // { respondent: '1', feature: 'wifi', functional: 1, dysfunctional: 5 }
 */
export function kanoAnswersFromTable(table, options = {}) {
    const cR = columnIndex(table, [...KANO_COLUMN_ALIASES.respondent], 'respondent', options.respondentCol);
    const cF = columnIndex(table, [...KANO_COLUMN_ALIASES.feature], 'feature', options.featureCol);
    const cFun = columnIndex(table, [...KANO_COLUMN_ALIASES.functional], 'functional answer', options.functionalCol);
    const cDys = columnIndex(table, [...KANO_COLUMN_ALIASES.dysfunctional], 'dysfunctional answer', options.dysfunctionalCol);
    const accounting = { read: 0, used: 0, rejected: {}, firstLines: {} };
    const reject = (reason, line) => {
        accounting.rejected[reason] = (accounting.rejected[reason] ?? 0) + 1;
        const first = (accounting.firstLines[reason] ??= []);
        if (first.length < 5)
            first.push(line);
    };
    const rows = [];
    const lines = [];
    const seen = new Map();
    for (let i = 0; i < table.rows.length; i++) {
        const cells = table.rows[i];
        const line = table.lines[i];
        accounting.read++;
        const respondent = cells[cR].trim();
        const feature = cells[cF].trim();
        let bad;
        if (respondent === '')
            bad = { reason: 'missing_respondent', col: cR, message: 'missing respondent' };
        else if (feature === '')
            bad = { reason: 'missing_feature', col: cF, message: 'missing feature' };
        const answers = [];
        for (const col of [cFun, cDys]) {
            if (bad)
                break;
            const text = cells[col];
            const a = parseKanoAnswer(text);
            if (a === undefined) {
                bad =
                    text.trim() === ''
                        ? { reason: 'missing_answer', col, message: `missing answer in column "${table.header[col]}"` }
                        : {
                            reason: 'unknown_answer',
                            col,
                            message: `unknown Kano answer "${text}" in column "${table.header[col]}"; accepted: ${acceptedKanoAnswers()}`,
                        };
            }
            else
                answers.push(a);
        }
        if (bad) {
            if (!options.skipBadRows) {
                throw new ClvkitError(`${bad.message} (use --skip-bad-rows to skip such rows)`, { file: table.file, line, column: bad.col + 1 });
            }
            reject(bad.reason, line);
            continue;
        }
        const key = `${respondent}\u0000${feature}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
            throw new ClvkitError(`respondent "${respondent}" answers feature "${feature}" twice (first at line ${earlier})`, {
                file: table.file,
                line,
                column: cF + 1,
            });
        }
        seen.set(key, line);
        rows.push({ respondent, feature, functional: answers[0], dysfunctional: answers[1] });
        lines.push(line);
        accounting.used++;
    }
    if (rows.length === 0)
        throw new ClvkitError('no usable Kano answers in the file', { file: table.file });
    return { file: table.file, rows, lines, accounting };
}
//# sourceMappingURL=kano-read.js.map