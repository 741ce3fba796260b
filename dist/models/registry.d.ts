import type { BgBbData } from './bgbb.ts';
import type { GammaGammaData } from './gammagamma.ts';
import type { RetentionCohort } from './retention-data.ts';
import type { FitOptions, FitResultBase, SummaryData } from './types.ts';
/**
 * @example
 * const name: ModelName = 'bgbb';
 */
export type ModelName = 'bgnbd' | 'mbgnbd' | 'paretonbd' | 'bgbb' | 'sbg' | 'bdw' | 'gammagamma';
/**
 * Input a model is fitted on: a customer summary, BG/BB rows, survivor counts, or (spend) a summary with monetary values.
 *
 * @example
 * MODELS.sbg.input; // 'survivors'
 */
export type ModelInputNeed = 'summary' | 'bgbb' | 'survivors' | 'spend';
/**
 * What the CLI needs to know about a model.
 *
 * @example
 * MODELS.paretonbd.params; // ['r', 'alpha', 's', 'beta']
 */
export interface ModelInfo {
    name: ModelName;
    title: string;
    params: string[];
    input: ModelInputNeed;
    reference: string;
}
/**
 * Every model by name.
 *
 * @example
 * Object.keys(MODELS); // ['bgnbd', 'mbgnbd', 'paretonbd', 'bgbb', 'sbg', 'bdw', 'gammagamma']
 */
export declare const MODELS: Record<ModelName, ModelInfo>;
/**
 * The model of that name, or a UsageError listing the names.
 *
 * @example
 * modelInfo('bgbb').params; // ['alpha', 'beta', 'gamma', 'delta']
 */
export declare function modelInfo(name: string | undefined): ModelInfo;
/**
 * Input of fitModel.
 *
 * @example
 * const input: FitInput = { kind: 'survivors', cohorts: [{ alive: [1000, 631, 468] }] };
 */
export type FitInput = {
    kind: 'summary';
    data: SummaryData & {
        monetaryValue?: ArrayLike<number>;
    };
} | {
    kind: 'bgbb';
    data: BgBbData;
} | {
    kind: 'survivors';
    cohorts: RetentionCohort[];
} | {
    kind: 'spend';
    data: GammaGammaData;
};
/**
 * Fit a model by name. Model modules are loaded on demand (the CLI stays fast to start).
 *
 * @example
 * const fitted = await fitModel('sbg', { kind: 'survivors', cohorts: [{ name: 'regular', alive: [1000, 631, 468] }] });
 * fitted.params; // { alpha, beta }
 */
export declare function fitModel(name: ModelName, input: FitInput, options?: FitOptions): Promise<FitResultBase<Record<string, number>>>;
//# sourceMappingURL=registry.d.ts.map