import type { Command } from 'commander';
import { type CsvValue } from '../../report/csv.ts';
import { type ModelCliOptions } from './fit.ts';
interface PredictCliOptions extends ModelCliOptions {
    horizon?: string;
    horizonUnit?: string;
    discount?: string;
    margin?: string;
    out?: string;
    lang?: string;
}
/**
 * The result of `clvkit predict`: a table (header + records) and the JSON document.
 *
 * @example
 * const r: PredictResult = await predictFromFile('donations.csv', { model: 'bgbb', horizon: '5', freq: 'year' });
 */
export interface PredictResult {
    header: string[];
    records: Record<string, CsvValue>[];
    json: Record<string, unknown>;
    notes: string[];
}
/**
 * Fit the model and predict over the horizon: the library call behind `clvkit predict` (DESIGN.md §3).
 *
 * - BG/NBD, MBG/NBD, Pareto/NBD, BG/BB: one row per customer with expected transactions over the horizon and
 *   P(alive); when spend is known, a Gamma-Gamma model is fitted on the repeat buyers for `expected_spend`
 *   and `clv` = discounted expected transactions x expected_spend x margin (discrete discounting at period ends).
 * - gammagamma: one row per customer with `monetary_value` and `expected_spend`.
 * - sbg, bdw: one row per cohort and period 0..horizon: survival, retention rate, churn probability, expected
 *   and observed survivors, and DERL (discounted expected residual lifetime of a customer active at that period).
 *
 * @example
 * const r = await predictFromFile('cdnow_customers_summary_with_transactions.csv', { model: 'bgnbd', horizon: '52' });
 * r.records[0].clv;
 */
export declare function predictFromFile(file: string | undefined, o: PredictCliOptions): Promise<PredictResult>;
/**
 * @example
 * register(program); // adds `clvkit predict <input> --model <name> --horizon <t>`
 */
export declare function register(program: Command): void;
export {};
//# sourceMappingURL=predict.d.ts.map