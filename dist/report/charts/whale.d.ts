import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** Whale curve: cumulative share of total profit (can exceed 1) against the share of customers ranked by profit, best first. */
export interface WhaleInput {
    points: {
        customerShare: number;
        profitShare: number;
    }[];
}
export interface WhaleText extends ChartText {
    x: string;
    y: string;
}
/**
 * Whale curve of cumulative profitability (Kaplan & Cooper 1998): it rises above 100% and falls
 * back to 100% as the unprofitable customers are added.
 *
 * @example
 * whaleSpec({ points: [{ customerShare: 0, profitShare: 0 }, { customerShare: 0.2, profitShare: 1.4 }, { customerShare: 1, profitShare: 1 }] },
 *   { title: 'Whale curve', x: 'customers ranked by profit', y: 'cumulative profit' });
 */
export declare function whaleSpec(input: WhaleInput, text: WhaleText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=whale.d.ts.map