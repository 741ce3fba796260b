/**
 * Cohort tracking curves (Fader, Hardie & Lee 2005a, Figure 2 / "tracking plot"): the expected
 * cumulative repeat transactions of a cohort whose members made their first purchase at
 * staggered times, on a calendar grid, from a fitted model's E[X(t)].
 */
import { ClvkitError } from '../errors.js';
/**
 * The tracking curve of a cohort: at each grid time t, the sum over customers of E[X(t - t_i)],
 * where t_i is the customer's first-purchase time (same units as the model, from a calendar
 * origin) and E[X(·)] the model's expected repeat transactions of a new customer. Identical
 * first-purchase times are grouped, and E[X(·)] is evaluated once per distinct elapsed time
 * (rounded to 1e-9 of a time unit).
 *
 * @example
 * const m = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * const curve = expectedCumulativeTransactions(m, firstPurchaseWeeks, 78, 1);
 * curve.cumulative[39]; // expected repeat transactions of the cohort by week 39
 */
export function expectedCumulativeTransactions(model, firstPurchaseTimes, horizon, step) {
    if (!(step > 0) || !Number.isFinite(step))
        throw new ClvkitError(`tracking step must be a positive number, got ${step}`);
    if (!(horizon >= 0) || !Number.isFinite(horizon))
        throw new ClvkitError(`tracking horizon must be a finite number >= 0, got ${horizon}`);
    const counts = new Map();
    for (let i = 0; i < firstPurchaseTimes.length; i++) {
        const t = firstPurchaseTimes[i];
        if (!Number.isFinite(t))
            throw new ClvkitError(`first-purchase time ${i + 1} is not a finite number: ${t}`);
        counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    const starts = [...counts.keys()].sort((a, b) => a - b);
    const weights = starts.map((t) => counts.get(t));
    const nSteps = Math.floor(horizon / step + 1e-9);
    const times = new Float64Array(nSteps + 1);
    for (let k = 0; k <= nSteps; k++)
        times[k] = k * step;
    const cache = new Map();
    const ex = (d) => {
        const key = Math.round(d * 1e9) / 1e9;
        let v = cache.get(key);
        if (v === undefined) {
            v = model.expectedTransactions(key);
            cache.set(key, v);
        }
        return v;
    };
    const cumulative = new Float64Array(nSteps + 1);
    for (let k = 0; k <= nSteps; k++) {
        const t = times[k];
        let s = 0;
        for (let j = 0; j < starts.length && starts[j] < t; j++)
            s += weights[j] * ex(t - starts[j]);
        cumulative[k] = s;
    }
    const incremental = new Float64Array(nSteps + 1);
    for (let k = 0; k <= nSteps; k++)
        incremental[k] = k === 0 ? cumulative[0] : cumulative[k] - cumulative[k - 1];
    return { times, cumulative, incremental };
}
//# sourceMappingURL=tracking.js.map