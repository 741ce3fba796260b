import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** Share of each acquisition cohort still buying `age` periods after acquisition (0..1). */
export interface CohortRetentionInput {
    cells: {
        cohort: string;
        age: number;
        retention: number;
        active: number;
        size: number;
    }[];
    cohorts: string[];
}
export interface CohortRetentionText extends ChartText {
    x: string;
    y: string;
    retention: string;
    active: string;
    size: string;
}
/**
 * Cohort retention heatmap: rows = acquisition cohorts, columns = periods since acquisition.
 *
 * @example
 * cohortRetentionSpec({ cells: [{ cohort: '2024-01', age: 1, retention: 0.21, active: 42, size: 200 }], cohorts: ['2024-01'] },
 *   { title: 'Retention', x: 'months since first purchase', y: 'cohort', retention: 'active share', active: 'active', size: 'cohort size' });
 */
export declare function cohortRetentionSpec(input: CohortRetentionInput, text: CohortRetentionText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=cohorts.d.ts.map