import { ClvkitError, UsageError } from '../errors.js';
/** Days in each horizon unit. */
export const HORIZON_UNIT_DAYS = { day: 1, week: 7, month: 365.25 / 12, year: 365.25 };
/**
 * Days in a unit name, or a UsageError listing the names.
 *
 * @example
 * daysInUnit('month'); // 30.4375
 */
export function daysInUnit(unit) {
    const d = HORIZON_UNIT_DAYS[unit];
    if (d === undefined)
        throw new UsageError(`the time unit must be day, week, month or year, got "${unit}"`);
    return d;
}
/**
 * A horizon converted to the model's time unit: horizon × days(horizonUnit) / days(modelUnit);
 * 'infinite' (or Infinity) stays Infinity.
 *
 * @example
 * horizonInModelUnits(12, 'month', 7);  // 52.178… weeks (365.25 / 7)
 * horizonInModelUnits('infinite', 'year', 7); // Infinity
 */
export function horizonInModelUnits(horizon, horizonUnit, modelUnitDays) {
    if (horizon === 'infinite' || horizon === Infinity)
        return Infinity;
    if (!(horizon >= 0) || !Number.isFinite(horizon))
        throw new ClvkitError(`the horizon must be a number >= 0 or 'infinite', got ${horizon}`);
    return (horizon * daysInUnit(horizonUnit)) / modelUnitDays;
}
/**
 * Continuous discount rate per model unit equivalent to an annual rate d: delta = ln(1 + d) · days / 365.25,
 * so that exp(−delta · t) = (1 + d)^(−t · days / 365.25) exactly. Used for the continuous-time models
 * (BG/NBD, MBG/NBD, Pareto/NBD; the delta of Fader, Hardie & Lee 2005b, eq. 2).
 *
 * @example
 * continuousRatePerUnit(0.1, 7); // 0.0018265… per week
 */
export function continuousRatePerUnit(annualRate, unitDays) {
    checkAnnual(annualRate);
    return (Math.log1p(annualRate) * unitDays) / 365.25;
}
/**
 * Discrete discount rate per period equivalent to an annual rate d: (1 + d)^(days / 365.25) − 1, compounding
 * once a period. Used for the discrete-time BG/BB (the d of Fader, Hardie & Shang 2010, eq. 14).
 *
 * @example
 * discreteRatePerPeriod(0.1, 365.25);   // 0.1 for yearly periods
 * discreteRatePerPeriod(0.1, 365.25/12); // 0.0079741… a month
 */
export function discreteRatePerPeriod(annualRate, periodDays) {
    checkAnnual(annualRate);
    return Math.expm1((Math.log1p(annualRate) * periodDays) / 365.25);
}
function checkAnnual(d) {
    if (!(d >= 0) || !Number.isFinite(d))
        throw new ClvkitError(`the annual discount rate must be a number >= 0, got ${d}`);
}
//# sourceMappingURL=units.js.map