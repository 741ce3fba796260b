import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { continuousRatePerUnit, daysInUnit, discreteRatePerPeriod, horizonInModelUnits } from '../../src/value/units.ts';

describe('time units and discount rates', () => {
  it('converts horizons with a 365.25-day year and no fixed 30-day month', () => {
    expect(horizonInModelUnits(12, 'month', 7)).toBeCloseTo(365.25 / 7, 12);
    expect(horizonInModelUnits(1, 'year', 1)).toBe(365.25);
    expect(horizonInModelUnits(2, 'week', 1)).toBe(14);
    expect(horizonInModelUnits('infinite', 'month', 7)).toBe(Infinity);
    expect(daysInUnit('month')).toBe(30.4375);
    expect(() => daysInUnit('fortnight')).toThrow(UsageError);
  });

  it('continuous rate: discounting one year of weeks gives exactly 1/(1+d)', () => {
    const delta = continuousRatePerUnit(0.1, 7);
    expect(Math.exp(-delta * (365.25 / 7))).toBeCloseTo(1 / 1.1, 14);
    expect(continuousRatePerUnit(0, 7)).toBe(0);
  });

  it('discrete rate: compounding twelve months gives exactly 1 + d', () => {
    const d = discreteRatePerPeriod(0.1, 365.25 / 12);
    expect(Math.pow(1 + d, 12)).toBeCloseTo(1.1, 14);
    expect(discreteRatePerPeriod(0.1, 365.25)).toBeCloseTo(0.1, 15);
  });

  it('the two conventions describe the same discount factor: 1 + d_period = exp(delta)', () => {
    for (const days of [1, 7, 30.4375, 365.25]) {
      expect(1 + discreteRatePerPeriod(0.07, days)).toBeCloseTo(Math.exp(continuousRatePerUnit(0.07, days)), 14);
    }
  });

  it('rejects negative rates and horizons', () => {
    expect(() => continuousRatePerUnit(-0.1, 7)).toThrow();
    expect(() => horizonInModelUnits(-1, 'week', 7)).toThrow();
  });
});
