import { topLevel } from './common.js';
/**
 * Cohort retention heatmap: rows = acquisition cohorts, columns = periods since acquisition.
 *
 * @example
 * cohortRetentionSpec({ cells: [{ cohort: '2024-01', age: 1, retention: 0.21, active: 42, size: 200 }], cohorts: ['2024-01'] },
 *   { title: 'Retention', x: 'months since first purchase', y: 'cohort', retention: 'active share', active: 'active', size: 'cohort size' });
 */
export function cohortRetentionSpec(input, text, options = {}) {
    const ages = new Set(input.cells.map((c) => c.age)).size;
    return topLevel({
        width: options.width ?? Math.min(560, Math.max(200, 22 * ages)),
        height: options.height ?? Math.max(120, 16 * input.cohorts.length),
        data: { values: input.cells },
        mark: 'rect',
        encoding: {
            x: { field: 'age', type: 'ordinal', title: text.x, axis: { labelAngle: 0, labelOverlap: true } },
            y: { field: 'cohort', type: 'ordinal', sort: input.cohorts, title: text.y },
            color: { field: 'retention', type: 'quantitative', title: text.retention, scale: { scheme: 'greens' }, legend: { format: '.0%', orient: 'right' } },
            tooltip: [
                { field: 'cohort', type: 'ordinal', title: text.y },
                { field: 'age', type: 'ordinal', title: text.x },
                { field: 'retention', type: 'quantitative', title: text.retention, format: '.1%' },
                { field: 'active', type: 'quantitative', title: text.active, format: ',' },
                { field: 'size', type: 'quantitative', title: text.size, format: ',' },
            ],
        },
    }, text.title);
}
//# sourceMappingURL=cohorts.js.map