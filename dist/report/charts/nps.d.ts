import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** NPS (points, −100..100) with its interval, overall and per group. */
export interface NpsInput {
    groups: {
        group: string;
        nps: number;
        lower: number;
        upper: number;
        n: number;
    }[];
}
export interface NpsText extends ChartText {
    x: string;
    n: string;
}
/**
 * NPS bars with interval whiskers, one bar per group (Reichheld 2003).
 *
 * @example
 * npsSpec({ groups: [{ group: 'all', nps: 23, lower: 18, upper: 28, n: 500 }] }, { title: 'NPS', x: 'NPS (points)', n: 'respondents' });
 */
export declare function npsSpec(input: NpsInput, text: NpsText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=nps.d.ts.map