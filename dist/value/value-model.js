/**
 * Whether the model works in discrete transaction opportunities (BG/BB) rather than continuous time.
 *
 * @example
 * isDiscreteTime({ model: 'bgbb' } as ValueModel); // true
 */
export function isDiscreteTime(model) {
    return model.model === 'bgbb';
}
/**
 * Row i of a summary as the model's row (BG/BB reads `periods`, given as T).
 *
 * @example
 * rowAt({ frequency: [2], recency: [30], T: [39] }, 0); // { frequency: 2, recency: 30, T: 39, periods: 39 }
 */
export function rowAt(data, i) {
    return { frequency: data.frequency[i], recency: data.recency[i], T: data.T[i], periods: data.T[i] };
}
/**
 * E[Y(t) | row] for every customer (vectorised when the model can).
 *
 * @example
 * conditionalAll(model, summary, 52); // Float64Array, one per customer
 */
export function conditionalAll(model, data, t) {
    if (model.conditionalExpectedTransactionsAll)
        return model.conditionalExpectedTransactionsAll(t, data);
    const n = data.frequency.length;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++)
        out[i] = model.conditionalExpectedTransactions(t, rowAt(data, i));
    return out;
}
/**
 * P(alive) for every customer (vectorised when the model can).
 *
 * @example
 * aliveAll(model, summary); // Float64Array
 */
export function aliveAll(model, data) {
    if (model.probabilityAliveAll)
        return model.probabilityAliveAll(data);
    const n = data.frequency.length;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++)
        out[i] = model.probabilityAlive(rowAt(data, i));
    return out;
}
//# sourceMappingURL=value-model.js.map