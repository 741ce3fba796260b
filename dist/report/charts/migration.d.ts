import { type ChartOptions, type ChartText, type TopLevelSpec } from './common.ts';
/** Customers moving from one tier or segment (earlier period) to another (later period). */
export interface MigrationInput {
    cells: {
        from: string;
        to: string;
        customers: number;
        share: number;
    }[];
    order: string[];
}
export interface MigrationText extends ChartText {
    from: string;
    to: string;
    customers: string;
    share: string;
}
/**
 * Migration matrix: rows = state in the first period, columns = state in the second, colour = row share.
 *
 * @example
 * migrationSpec({ cells: [{ from: 'Gold', to: 'Lead', customers: 12, share: 0.3 }], order: ['Gold', 'Lead'] },
 *   { title: 'Migration', from: 'first year', to: 'second year', customers: 'customers', share: 'share of row' });
 */
export declare function migrationSpec(input: MigrationInput, text: MigrationText, options?: ChartOptions): TopLevelSpec;
//# sourceMappingURL=migration.d.ts.map