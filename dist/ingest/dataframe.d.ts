import type { CustomerSummary, PeriodUnit } from '../types.ts';
/**
 * DataFrame interop with danfojs-node, for notebooks and users who hold their data in DataFrames.
 * danfo (and TensorFlow.js under it) is imported only when these functions are called, and never
 * on the hot path: its groupby takes minutes at 100k customers, so clvkit summarises on typed arrays.
 */
type DataFrame = any;
/**
 * A CustomerSummary as a danfo DataFrame with the snake_case columns of `clvkit summary --out`.
 *
 * @example
 * const df = await toDataFrame(summary);
 * df.head().print();
 */
export declare function toDataFrame(summary: CustomerSummary): Promise<DataFrame>;
/**
 * A CustomerSummary from a DataFrame with columns frequency, recency, T and optionally customer_id,
 * monetary_value (or the literature's x, t_x, T, zbar). The time unit is the caller's (`freq`).
 *
 * @example
 * const summary = summaryFromDataFrame(df, { freq: 'week' });
 * fitBgNbd(summary);
 */
export declare function summaryFromDataFrame(df: DataFrame, options?: {
    freq?: PeriodUnit;
}): CustomerSummary;
export {};
//# sourceMappingURL=dataframe.d.ts.map