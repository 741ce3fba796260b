/** Row label of customers seen at the second date only. */
export const NEW_CUSTOMERS = '(new)';
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
export function migrationMatrix(first, second, order = []) {
    const states = [...order];
    const add = (s) => {
        if (!states.includes(s))
            states.push(s);
    };
    first.labels.forEach(add);
    second.labels.forEach(add);
    const from = [...states, NEW_CUSTOMERS];
    const to = [...states];
    const rowOf = new Map(from.map((s, k) => [s, k]));
    const colOf = new Map(to.map((s, k) => [s, k]));
    const before = new Map();
    first.ids.forEach((id, i) => before.set(id, first.labels[i]));
    const counts = from.map(() => new Array(to.length).fill(0));
    second.ids.forEach((id, i) => {
        const r = rowOf.get(before.get(id) ?? NEW_CUSTOMERS);
        counts[r][colOf.get(second.labels[i])]++;
    });
    const rowShares = counts.map((row) => {
        const t = row.reduce((a, b) => a + b, 0);
        return row.map((c) => (t === 0 ? NaN : c / t));
    });
    return { from, to, counts, rowShares };
}
//# sourceMappingURL=migration.js.map