import { type RfmSegmentRule } from './rfm-segments.ts';
/** One row of the RFM segment table. */
export interface RfmSegmentRow {
    segment: string;
    customers: number;
    share_customers: number;
    /** Sum of CLV in the segment. */
    value: number;
    share_value: number;
    mean_clv: number;
    historical_spend: number;
    mean_probability_alive: number;
}
/**
 * Sizes and value per named RFM segment, in rule order (then `Other` when some customers matched no
 * rule); segments without customers are kept with zero counts so the table is the same shape for
 * every portfolio.
 *
 * @example
 * rfmSegmentTable(['Lost', 'New', 'New'], [1, 2, 3], [10, 20, 30], [0.1, 0.9, 0.8], [{ name: 'New' }, { name: 'Lost' }]);
 * // [{ segment: 'New', customers: 2, value: 5, share_value: 5/6, ... }, { segment: 'Lost', customers: 1, ... }]
 */
export declare function rfmSegmentTable(segments: readonly string[], clv: ArrayLike<number>, historicalSpend: ArrayLike<number>, probabilityAlive: ArrayLike<number>, rules: readonly RfmSegmentRule[]): RfmSegmentRow[];
//# sourceMappingURL=rfm-table.d.ts.map