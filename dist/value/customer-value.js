import { ClvkitError } from '../errors.js';
import { discountedWithExtras } from './discounted-transactions.js';
import { horizonInModelUnits } from './units.js';
import { aliveAll, conditionalAll } from './value-model.js';
/**
 * Customer lifetime value per customer = discounted expected residual transactions × expected spend per
 * transaction × margin (Fader, Hardie & Lee 2005b, "RFM and CLV", JMR 42(4), §"Linking RFM to CLV":
 * CLV = margin × E[M] × DERT). The spend is Gamma-Gamma's E[M | x, m̄] (FHL 2005b eq. 6) — for a customer
 * without repeat purchases, the population mean — and the transactions come from `discountedExpectedTransactions`.
 * With `annualDiscount: 0` and a finite horizon, clv / (margin × spend) is exactly E[Y(H) | x, t_x, T].
 *
 * @example
 * const v = customerValue(fitBgNbd(summary), summary, {
 *   horizon: 12, horizonUnit: 'month', modelUnitDays: 7, annualDiscount: 0.1, margin: 0.3, spend: fitGammaGamma(summary),
 * });
 * v.clv[0];
 */
export function customerValue(model, data, o) {
    const n = data.frequency.length;
    if (!(o.modelUnitDays > 0))
        throw new ClvkitError(`the model's time unit must be a positive number of days, got ${o.modelUnitDays}`);
    const horizonUnit = o.horizonUnit;
    const H = horizonUnit === undefined ? (o.horizon === 'infinite' ? Infinity : checkedHorizon(o.horizon)) : horizonInModelUnits(o.horizon, horizonUnit, o.modelUnitDays);
    const annual = o.annualDiscount ?? 0.1;
    const det = discountedWithExtras(model, data, { horizon: H, annualDiscount: annual, unitDays: o.modelUnitDays, method: o.method, factorise: o.factorise }, annual !== 0);
    const expectedTransactions = Number.isFinite(H) ? (annual === 0 ? det.values.slice() : (det.expected ?? conditionalAll(model, data, H))) : new Float64Array(n).fill(NaN);
    const expectedSpend = spendOf(o.spend, data);
    const margin = marginOf(o.margin ?? 1, n);
    const clv = new Float64Array(n);
    for (let i = 0; i < n; i++)
        clv[i] = det.values[i] * expectedSpend[i] * margin[i];
    return {
        clv,
        discountedTransactions: det.values,
        expectedTransactions,
        expectedSpend,
        probabilityAlive: det.probabilityAlive ?? aliveAll(model, data),
        margin,
        horizon: H,
        rate: det.rate,
        rateKind: det.rateKind,
        method: det.method,
    };
}
function checkedHorizon(h) {
    if (!(h >= 0))
        throw new ClvkitError(`the horizon must be a number >= 0 or 'infinite', got ${h}`);
    return h;
}
function spendOf(spend, data) {
    const n = data.frequency.length;
    const out = new Float64Array(n);
    if (typeof spend.conditionalExpectedAverageSpend === 'function') {
        const m = spend;
        if (!data.monetaryValue)
            throw new ClvkitError('expected spend from the Gamma-Gamma model needs the monetary value of each customer');
        for (let i = 0; i < n; i++) {
            const x = data.frequency[i];
            const mv = data.monetaryValue[i];
            out[i] = m.conditionalExpectedAverageSpend(x, x > 0 && Number.isFinite(mv) ? mv : 0);
        }
    }
    else {
        const a = spend;
        if (a.length !== n)
            throw new ClvkitError(`expected spend: ${a.length} values for ${n} customers`);
        for (let i = 0; i < n; i++)
            out[i] = a[i];
    }
    return out;
}
function marginOf(margin, n) {
    if (typeof margin === 'number') {
        if (!Number.isFinite(margin))
            throw new ClvkitError(`the margin must be a finite number, got ${margin}`);
        return new Float64Array(n).fill(margin);
    }
    if (margin.length !== n)
        throw new ClvkitError(`margin: ${margin.length} values for ${n} customers`);
    const out = Float64Array.from(margin);
    for (let i = 0; i < n; i++)
        if (!Number.isFinite(out[i]))
            throw new ClvkitError(`the margin of customer ${i + 1} is not a finite number`);
    return out;
}
//# sourceMappingURL=customer-value.js.map