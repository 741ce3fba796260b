import { fCdf as fcdf } from '../stdlib.ts';
import { ClvkitError } from '../errors.ts';
import { ols, type OlsResult } from './ols.ts';

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
export function hierarchicalOls(y: ArrayLike<number>, blocks: { names: string[]; columns: ArrayLike<number>[] }[]): HierarchicalStep[] {
  if (blocks.length === 0) throw new ClvkitError('hierarchical regression needs at least one block of predictors');
  const names: string[] = [];
  const columns: ArrayLike<number>[] = [];
  let prevR2 = 0;
  return blocks.map((block) => {
    if (block.names.length === 0) throw new ClvkitError('hierarchical regression: a block has no predictors');
    names.push(...block.names);
    columns.push(...block.columns);
    const fit = ols(y, columns, names);
    const m = block.names.length;
    const delta = fit.r2 - prevR2;
    const f = (delta / m) / ((1 - fit.r2) / fit.df_residual);
    prevR2 = fit.r2;
    return { added: [...block.names], r2: fit.r2, adj_r2: fit.adj_r2, delta_r2: delta, f_change: f, df1: m, df2: fit.df_residual, p: 1 - fcdf(f, m, fit.df_residual), fit };
  });
}
