/** Calendar units a horizon may be given in; a month is 365.25/12 days, a year 365.25 days (no fixed 30-day month). */
export type HorizonUnit = 'day' | 'week' | 'month' | 'year';
/** Days in each horizon unit. */
export declare const HORIZON_UNIT_DAYS: Readonly<Record<HorizonUnit, number>>;
/**
 * Days in a unit name, or a UsageError listing the names.
 *
 * @example
 * daysInUnit('month'); // 30.4375
 */
export declare function daysInUnit(unit: string): number;
/**
 * A horizon converted to the model's time unit: horizon × days(horizonUnit) / days(modelUnit);
 * 'infinite' (or Infinity) stays Infinity.
 *
 * @example
 * horizonInModelUnits(12, 'month', 7);  // 52.178… weeks (365.25 / 7)
 * horizonInModelUnits('infinite', 'year', 7); // Infinity
 */
export declare function horizonInModelUnits(horizon: number | 'infinite', horizonUnit: HorizonUnit, modelUnitDays: number): number;
/**
 * Continuous discount rate per model unit equivalent to an annual rate d: delta = ln(1 + d) · days / 365.25,
 * so that exp(−delta · t) = (1 + d)^(−t · days / 365.25) exactly. Used for the continuous-time models
 * (BG/NBD, MBG/NBD, Pareto/NBD; the delta of Fader, Hardie & Lee 2005b, eq. 2).
 *
 * @example
 * continuousRatePerUnit(0.1, 7); // 0.0018265… per week
 */
export declare function continuousRatePerUnit(annualRate: number, unitDays: number): number;
/**
 * Discrete discount rate per period equivalent to an annual rate d: (1 + d)^(days / 365.25) − 1, compounding
 * once a period. Used for the discrete-time BG/BB (the d of Fader, Hardie & Shang 2010, eq. 14).
 *
 * @example
 * discreteRatePerPeriod(0.1, 365.25);   // 0.1 for yearly periods
 * discreteRatePerPeriod(0.1, 365.25/12); // 0.0079741… a month
 */
export declare function discreteRatePerPeriod(annualRate: number, periodDays: number): number;
//# sourceMappingURL=units.d.ts.map