import { type OlsResult } from './ols.ts';
export interface HierarchicalStep {
    /** Terms entered at this step. */
    added: string[];
    r2: number;
    adj_r2: number;
    /** R² gain over the previous step (the first step: over the intercept-only model). */
    delta_r2: number;
    /** F test of the gain, with df1 = terms added, df2 = n − k of this step. */
    f_change: number;
    df1: number;
    df2: number;
    p: number;
    fit: OlsResult;
}
/**
 * Hierarchical (blockwise) OLS: fits the model after each block of predictors is added and tests
 * each R² gain with F = (ΔR²/m) / ((1 − R²_full)/(n − k_full)) (Cohen, Cohen, West & Aiken 2003,
 * Applied Multiple Regression/Correlation Analysis, 3rd ed., §5.5).
 *
 * @example
 * const steps = hierarchicalOls(y, [{ names: ['size'], columns: [size] }, { names: ['io'], columns: [io] }]);
 * steps[1].delta_r2; // R² gained by adding io
 */
export declare function hierarchicalOls(y: ArrayLike<number>, blocks: {
    names: string[];
    columns: ArrayLike<number>[];
}[]): HierarchicalStep[];
//# sourceMappingURL=hierarchical.d.ts.map