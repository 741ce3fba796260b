import { fittedFromBase } from '../models/saved-model.ts';
import type { FitResultBase } from '../models/types.ts';
import { createRng } from '../random.ts';
import type { SummaryData } from '../types.ts';
import { customerValue, type CustomerValueOptions } from './customer-value.ts';
import { discountNodes } from './discount-nodes.ts';
import { rowPlan, rowTotal } from './equity-rows.ts';
import { continuousRatePerUnit, horizonInModelUnits } from './units.ts';
import { normalParameterDraws } from './parameter-draws.ts';
import { centralInterval } from './select-quantile.ts';
import type { ValueModel } from './value-model.ts';

/** An interval of customer equity from the uncertainty of the purchase model's parameters. */
export interface EquityInterval {
  lower: number;
  upper: number;
  level: number;
  draws: number;
}

/**
 * Customer equity (Σ CLV) at parameter sets drawn from the asymptotic normal of the purchase model's
 * estimates (on the log scale, as `normalParameterDraws`), and its central interval. The spend per
 * customer is held at its estimate: the interval covers the purchase model's parameter uncertainty,
 * not the spend model's nor the customers' own randomness. Discounted transactions are computed once
 * per distinct (x, t_x, T) row and draw, then weighted by the rows' summed spend × margin: for BG/NBD,
 * MBG/NBD and Pareto/NBD over a finite horizon by src/value/equity-rows.ts (the θ-free structure of the
 * rows made once, then one exponential per row and draw), else by customerValue per draw.
 *
 * @example
 * const rows = compressSummary(summary); // rowValue[r] = Σ over the row's customers of spend × margin
 * equityByParameterDraws(fitBgNbd(summary), rows, rowValue, { horizon: 12, horizonUnit: 'month', modelUnitDays: 7 }, 40, 0.9, 1);
 * // { lower: 95_210, upper: 106_870, level: 0.9, draws: 40 }
 */
export function equityByParameterDraws(
  fit: FitResultBase<Record<string, number>>,
  rows: SummaryData,
  rowValue: ArrayLike<number>,
  options: Omit<CustomerValueOptions, 'spend'>,
  draws: number,
  level: number,
  seed: number,
): EquityInterval {
  const sets = normalParameterDraws(fit, draws, createRng(seed));
  const totals = new Float64Array(sets.length);
  // the discount nodes of customerValue's integral path, and the rows' structure, once for all draws
  const H = options.horizonUnit === undefined ? (options.horizon === 'infinite' ? Infinity : options.horizon) : horizonInModelUnits(options.horizon, options.horizonUnit, options.modelUnitDays);
  const fast = Number.isFinite(H) && H >= 0 && options.method !== 'closed-form' && options.factorise !== false;
  const nodes = fast ? discountNodes(H, continuousRatePerUnit(options.annualDiscount ?? 0.1, options.modelUnitDays)) : undefined;
  const plan = fast ? rowPlan(rows) : undefined;
  let ones: Float64Array | undefined;
  for (let d = 0; d < sets.length; d++) {
    const model = fittedFromBase({ ...fit, params: sets[d] }) as unknown as ValueModel;
    const quick = plan && nodes ? rowTotal(model, plan, rowValue, nodes) : undefined;
    if (quick !== undefined) {
      totals[d] = quick;
      continue;
    }
    ones ??= new Float64Array(rowValue.length).fill(1);
    const perRow = customerValue(model, rows, { ...options, spend: ones, margin: 1 });
    let total = 0;
    for (let r = 0; r < rowValue.length; r++) total += perRow.clv[r] * rowValue[r];
    totals[d] = total;
  }
  const [lower, upper] = centralInterval(totals, totals.length, level);
  return { lower, upper, level, draws };
}
