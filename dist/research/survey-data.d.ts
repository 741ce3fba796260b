import { type Table } from '../ingest/table.ts';
import type { MissingRule, StudyConfig } from './survey-config.ts';
export interface SurveyData {
    file: string;
    /** Respondents (data rows) read. */
    respondents: number;
    /** Columns by name (items reverse-coded, missing imputed per the rule); NaN = missing. */
    columns: Record<string, Float64Array>;
    /** Missing item answers filled with the respondent's construct mean. */
    imputed: number;
    /** Item answers still missing after the rule. */
    missingAnswers: number;
    /** Requested columns not found in the file. */
    absent: string[];
}
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
export declare function readSurveyColumns(table: Table, config: StudyConfig, names: string[], rule: MissingRule): SurveyData;
//# sourceMappingURL=survey-data.d.ts.map