import { ClvkitError } from '../errors.js';
import { parseNumber } from '../ingest/number.js';
import { normalizeHeader } from '../ingest/table.js';
const MISSING_TOKENS = new Set(['', 'na', 'n/a', 'nan', '.', 'null', 'missing', '-', '?', 'nr', 'ns']);
/**
 * Reads the named columns of a responses table: numbers (decimal comma or point), empty cells and
 * NA-like tokens as missing, item answers checked against the scale and reverse-coded as
 * (min + max − x), then the missing-answer rule applied within each construct. Columns not in the
 * file are listed in `absent` (the caller decides whether that is an error).
 *
 * @example
 * const data = readSurveyColumns(table, config, ['cc1', 'cc2', 'firm_size'], { kind: 'listwise' });
 * data.columns.cc1; // Float64Array, NaN where missing
 */
export function readSurveyColumns(table, config, names, rule) {
    const norm = table.header.map(normalizeHeader);
    const itemConstruct = new Map();
    for (const [c, spec] of Object.entries(config.constructs ?? {}))
        for (const it of spec.items)
            itemConstruct.set(it, c);
    const n = table.rows.length;
    const columns = {};
    const absent = [];
    for (const name of names) {
        let col = table.header.indexOf(name);
        if (col < 0)
            col = norm.indexOf(normalizeHeader(name));
        if (col < 0) {
            absent.push(name);
            continue;
        }
        const construct = itemConstruct.get(name);
        const spec = construct ? config.constructs[construct] : undefined;
        const reverse = spec?.reverse?.includes(name) ?? false;
        const values = new Float64Array(n);
        for (let i = 0; i < n; i++) {
            const raw = table.rows[i][col].trim();
            if (MISSING_TOKENS.has(raw.toLowerCase())) {
                values[i] = NaN;
                continue;
            }
            const v = parseNumber(raw, table.decimal);
            const where = { file: table.file, line: table.lines[i], column: col + 1 };
            if (Number.isNaN(v))
                throw new ClvkitError(`expected a number or an empty cell in column "${table.header[col]}", got "${raw}"`, where);
            if (construct && config.scale && (v < config.scale[0] || v > config.scale[1])) {
                throw new ClvkitError(`answer ${raw} to item "${name}" is outside the scale ${config.scale[0]}–${config.scale[1]}`, where);
            }
            // Reverse coding x' = min + max − x (e.g. 8 − x on a 1–7 scale).
            values[i] = reverse ? config.scale[0] + config.scale[1] - v : v;
        }
        columns[name] = values;
    }
    let imputed = 0;
    let missingAnswers = 0;
    for (const spec of Object.values(config.constructs ?? {})) {
        const cols = spec.items.map((it) => columns[it]).filter((c) => c !== undefined);
        for (let i = 0; i < n; i++) {
            let miss = 0;
            let sum = 0;
            for (const c of cols) {
                if (Number.isNaN(c[i]))
                    miss++;
                else
                    sum += c[i];
            }
            if (miss === 0)
                continue;
            // Person-mean imputation within a construct (Schafer & Graham 2002, Psychological Methods 7(2), "person mean"), limited to a share of items.
            if (rule.kind === 'mean' && miss < cols.length && miss / cols.length <= rule.maxShare + 1e-12) {
                const m = sum / (cols.length - miss);
                for (const c of cols)
                    if (Number.isNaN(c[i]))
                        c[i] = m;
                imputed += miss;
            }
            else
                missingAnswers += miss;
        }
    }
    return { file: table.file, respondents: n, columns, imputed, missingAnswers, absent };
}
//# sourceMappingURL=survey-data.js.map