/** A transition matrix between two observation dates. */
export interface MigrationMatrix {
    /** Row labels (state at the first date), including `(new)` for customers absent then. */
    from: string[];
    /** Column labels (state at the second date). */
    to: string[];
    /** counts[i][j]: customers in from[i] at the first date and to[j] at the second. */
    counts: number[][];
    /** counts[i][j] / row total (NaN for an empty row). */
    rowShares: number[][];
}
/** Row label of customers seen at the second date only. */
export declare const NEW_CUSTOMERS = "(new)";
/**
 * Transition matrix of customers between the states (tiers or segments) they hold at two dates.
 * Customers are matched by id; those present only at the second date form the `(new)` row;
 * those present only at the first date are not counted (a summary keeps every customer ever seen,
 * so this does not happen with two summaries of one log). States are ordered as given in `order`
 * (states not listed are appended in first-seen order).
 *
 * @example
 * const m = migrationMatrix({ ids: ['a', 'b'], labels: ['Gold', 'Lead'] },
 *   { ids: ['a', 'b', 'c'], labels: ['Lead', 'Lead', 'Gold'] }, ['Gold', 'Lead']);
 * m.from;   // ['Gold', 'Lead', '(new)']
 * m.counts; // [[0, 1], [0, 1], [1, 0]]
 */
export declare function migrationMatrix(first: {
    ids: readonly string[];
    labels: readonly string[];
}, second: {
    ids: readonly string[];
    labels: readonly string[];
}, order?: readonly string[]): MigrationMatrix;
//# sourceMappingURL=migration.d.ts.map