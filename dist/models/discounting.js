/**
 * Discounting helpers for CLV over a finite horizon (DESIGN.md §3 `predict`).
 *
 * Convention: discrete per-period discounting at period ends, as finance expects. The expected
 * transactions of period k (from k-1 to k, in the model's time unit) are
 * E[Y(k) | row] - E[Y(k-1) | row] and are discounted by (1 + r)^k; a fractional last period
 * (horizon not a whole number) is discounted at the horizon itself. With r = 0 the result is exactly
 * conditionalExpectedTransactions(horizon, row).
 */
import { ClvkitError } from '../errors.js';
/**
 * Days in a time unit: a year is 365.25 days, a month 365.25/12, a week 7.
 *
 * @example
 * UNIT_DAYS.month; // 30.4375
 */
export const UNIT_DAYS = { day: 1, week: 7, month: 365.25 / 12, year: 365.25 };
/**
 * Convert an annual discount rate to the rate per model unit, exactly: (1 + annual)^(days / 365.25) - 1.
 *
 * @example
 * ratePerUnit(0.1, 'week'); // 1.1^(7/365.25) - 1 = 0.001828...
 * ratePerUnit(0.1, 'year'); // 0.1
 */
export function ratePerUnit(annualRate, unit) {
    if (!(annualRate >= 0) || !Number.isFinite(annualRate))
        throw new ClvkitError(`the annual discount rate must be >= 0, got ${annualRate}`);
    if (!(unit in UNIT_DAYS))
        throw new ClvkitError(`unknown time unit "${unit}" (day, week, month, year)`);
    if (unit === 'year')
        return annualRate;
    return Math.expm1((UNIT_DAYS[unit] / 365.25) * Math.log1p(annualRate));
}
/**
 * Discounted expected transactions of one customer over (0, horizon] in model units: the sum over
 * periods k = 1..ceil(horizon) of the period's expected transactions discounted by (1 + rate)^min(k, horizon).
 *
 * @example
 * const det = discountedConditionalExpectedTransactions(bgnbd, { frequency: 2, recency: 30.43, T: 38.86 }, 52, ratePerUnit(0.1, 'week'));
 */
export function discountedConditionalExpectedTransactions(model, row, horizon, rate) {
    if (!(horizon >= 0) || !Number.isFinite(horizon))
        throw new ClvkitError(`the horizon must be a number >= 0, got ${horizon}`);
    if (!(rate >= 0) || !Number.isFinite(rate))
        throw new ClvkitError(`the discount rate per period must be >= 0, got ${rate}`);
    if (horizon === 0)
        return 0;
    if (rate === 0)
        return model.conditionalExpectedTransactions(horizon, row);
    const whole = Math.floor(horizon);
    const logFactor = Math.log1p(rate);
    let prev = 0;
    let sum = 0;
    for (let k = 1; k <= whole; k++) {
        const cum = model.conditionalExpectedTransactions(k, row);
        sum += (cum - prev) * Math.exp(-k * logFactor);
        prev = cum;
    }
    if (horizon > whole) {
        const cum = model.conditionalExpectedTransactions(horizon, row);
        sum += (cum - prev) * Math.exp(-horizon * logFactor);
    }
    return sum;
}
/**
 * Predictions for every customer of a summary.
 *
 * @example
 * const rows = predictCustomers(bgnbd, summary, { horizon: 52, rate: ratePerUnit(0.1, 'week'), spend: gg });
 * rows[0].expected_transactions; rows[0].clv;
 */
export function predictCustomers(model, data, options) {
    const margin = options.margin ?? 1;
    const out = [];
    const wantValue = options.spend !== undefined && data.monetaryValue !== undefined;
    // Customers with the same (x, t_x, T) share their transaction predictions: computed once.
    const cache = new Map();
    for (let i = 0; i < data.frequency.length; i++) {
        const row = { frequency: data.frequency[i], recency: data.recency[i], T: data.T[i], periods: data.T[i] };
        const key = `${row.frequency},${row.recency},${row.T}`;
        let hit = cache.get(key);
        if (!hit) {
            const expected = model.conditionalExpectedTransactions(options.horizon, row);
            const discounted = !wantValue ? NaN : options.rate === 0 ? expected : discountedConditionalExpectedTransactions(model, row, options.horizon, options.rate);
            hit = [expected, model.probabilityAlive(row), discounted];
            cache.set(key, hit);
        }
        const p = {
            customer_id: data.customerIds ? data.customerIds[i] : String(i + 1),
            frequency: row.frequency,
            recency: row.recency,
            T: row.T,
            expected_transactions: hit[0],
            probability_alive: hit[1],
        };
        if (wantValue) {
            const m = data.monetaryValue[i];
            p.expected_spend = options.spend.conditionalExpectedAverageSpend(row.frequency, row.frequency > 0 && Number.isFinite(m) ? m : 0);
            p.clv = hit[2] * p.expected_spend * margin;
        }
        out.push(p);
    }
    return out;
}
//# sourceMappingURL=discounting.js.map