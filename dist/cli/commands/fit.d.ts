import type { Command } from 'commander';
import { type ModelInputFile } from '../../ingest/summary-file.ts';
import { type FitInput, type ModelInfo } from '../../models/registry.ts';
import type { FitResultBase } from '../../models/types.ts';
import type { TimeUnit } from '../../models/discounting.ts';
import { type EngineCliOptions } from '../engine-options.ts';
/**
 * Options shared by `fit` and `predict`.
 *
 * @example
 * const o: ModelCliOptions = { model: 'sbg', column: 'regular', cohortSize: '1000' };
 */
export interface ModelCliOptions extends EngineCliOptions {
    model?: string;
    json?: boolean;
    penalizer?: string;
    column?: string;
    cohortSize?: string;
    through?: string;
}
/**
 * What a model is fitted on, read from the command's input file: a summary file, BG/BB rows, survivor
 * counts, or a transaction file summarised with the summary options.
 *
 * @example
 * const loaded: LoadedInput = await loadModelInput('donations.csv', modelInfo('bgbb'), {});
 */
export interface LoadedInput {
    input: FitInput;
    /** Per-customer rows for predictions (absent for survivor counts). */
    customers?: {
        customerIds: string[];
        frequency: ArrayLike<number>;
        recency: ArrayLike<number>;
        T: ArrayLike<number>;
        monetaryValue?: ArrayLike<number>;
    };
    /** Whether spend is known (monetary values present). */
    hasSpend: boolean;
    /** Where it came from. */
    source: 'transactions' | ModelInputFile['kind'];
    /** Survivor counts: the cohorts as observed, all periods (the fit may use fewer, see --through). */
    cohorts?: {
        name: string;
        alive: number[];
    }[];
    /** Notes for stderr. */
    notes: string[];
}
/**
 * Add the options of `fit` and `predict` to a command.
 *
 * @example
 * addModelOptions(program.command('fit').argument('<input>'));
 */
export declare function addModelOptions(cmd: Command): Command;
/**
 * Read the input of `fit`/`predict` for a model: detects a summary / BG/BB / survivor file from its header,
 * otherwise reads it as a transaction file and summarises it (--unit, --freq, --end, --calibration-end, ...).
 *
 * @example
 * const loaded = await loadModelInput('donations.csv', modelInfo('bgbb'), {});
 * await fitModel('bgbb', loaded.input);
 */
export declare function loadModelInput(input: string | undefined, info: ModelInfo, o: ModelCliOptions): Promise<LoadedInput>;
/**
 * The model's time unit for discounting: --freq (day, week, month, or year for summary files whose unit is a year).
 *
 * @example
 * modelTimeUnit({ freq: 'week' }); // 'week'
 */
export declare function modelTimeUnit(o: {
    freq?: string;
}): TimeUnit;
/**
 * The JSON document of `fit --json` (DESIGN.md §3 **contract**), plus aic, bic, iterations, and for
 * the Gamma-Gamma model the frequency-spend correlation.
 *
 * @example
 * fitJson(fitted); // { model: 'bgbb', params: {...}, logLikelihood, standardErrors, converged, customers, aic, bic, iterations }
 */
export declare function fitJson(fitted: FitResultBase<Record<string, number>>): Record<string, unknown>;
/**
 * Human-readable fit report (for stderr).
 *
 * @example
 * process.stderr.write(formatFit(fitted, modelInfo('bgbb')));
 */
export declare function formatFit(fitted: FitResultBase<Record<string, number>>, info: ModelInfo): string;
/**
 * Fit a model to a file: the library call behind `clvkit fit`.
 *
 * @example
 * const { fitted } = await fitFromFile('donations.csv', { model: 'bgbb' });
 */
export declare function fitFromFile(file: string | undefined, o: ModelCliOptions): Promise<{
    info: ModelInfo;
    loaded: LoadedInput;
    fitted: FitResultBase<Record<string, number>>;
}>;
/**
 * @example
 * register(program); // adds `clvkit fit <input> --model <name>`
 */
export declare function register(program: Command): void;
//# sourceMappingURL=fit.d.ts.map