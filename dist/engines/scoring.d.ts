import type { BgNbdParams } from '../models/bgnbd.ts';
import { type SqlDialect, type SummarySqlSpec } from './sql.ts';
/**
 * BG/NBD P(alive | x, t_x, T) as an SQL expression over three columns (names quoted here):
 * 1 when x = 0, else 1 / (1 + a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x))
 * (Fader, Hardie & Lee 2005a, appendix; their note "Computing P(alive) using the BG/NBD model", eq. 2),
 * computed in log space with the log-odds clamped to ±700 so that neither engine's EXP overflows
 * (PostgreSQL raises an error on float overflow and underflow; the clamp changes P by < 1e-300).
 *
 * @example
 * const expr = bgNbdProbabilityAliveSql({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * // SELECT customer_id, <expr> AS p_alive FROM summary
 */
export declare function bgNbdProbabilityAliveSql(params: BgNbdParams, columns?: {
    frequency?: string;
    recency?: string;
    T?: string;
}, dialect?: SqlDialect): string;
/**
 * The (frequency, recency, T, count) histogram of the summary as one statement: what a fit needs,
 * a few thousand rows whatever the number of customers (see src/summary/histogram.ts).
 *
 * @example
 * const sql = summaryHistogramSql({ dialect: 'postgres', source: 'orders', end: '2024-12-31' });
 */
export declare function summaryHistogramSql(spec: SummarySqlSpec): string;
//# sourceMappingURL=scoring.d.ts.map