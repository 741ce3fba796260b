import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { currencyOption, describeHorizon, horizonIn, horizonOption, rateOption } from '../../src/cli/options.ts';

describe('rates cannot be misread (issue 16)', () => {
  it('0.1, 10%, 10 %, 2,5% and 0 are read as fractions', () => {
    expect(rateOption('discount', '0.1')).toBe(0.1);
    expect(rateOption('discount', '10%')).toBe(0.1);
    expect(rateOption('discount', '10 %')).toBe(0.1);
    expect(rateOption('margin', '2,5%')).toBe(0.025);
    expect(rateOption('margin', '0')).toBe(0);
    expect(rateOption('margin', '1')).toBe(1);
    expect(rateOption('margin', undefined, 1)).toBe(1);
  });
  it('a bare number above 1 is an error that shows both spellings (--discount 10 was 1,000% a year)', () => {
    expect(() => rateOption('discount', '10')).toThrow(UsageError);
    expect(() => rateOption('discount', '10')).toThrow(/write 0\.1 or 10% .*1000%/);
    expect(() => rateOption('margin', '30')).toThrow(/write 0\.3 or 30%/);
    expect(() => rateOption('discount', 'ten')).toThrow(/0\.1 .* 10%/);
    expect(() => rateOption('discount', '-5%')).toThrow(UsageError);
  });
});

describe('one horizon syntax (issue 16)', () => {
  it('52w, 12m, 1y, 365d and the words are a number of days: 364, 365.25, 365.25, 365', () => {
    expect(horizonOption('52w').days).toBe(364);
    expect(horizonOption('12m').days).toBeCloseTo(365.25, 12);
    expect(horizonOption('1y').days).toBe(365.25);
    expect(horizonOption('365d').days).toBe(365);
    expect(horizonOption('12 mois').spec).toBe('12m');
    expect(horizonOption('2 years').spec).toBe('2y');
    expect(horizonOption('infinite').infinite).toBe(true);
  });
  it('the default is 12m; a bare number is refused with the spellings unless --horizon-unit names its unit', () => {
    expect(horizonOption(undefined).spec).toBe('12m');
    expect(() => horizonOption('52')).toThrow(/has no unit: .*52w, 12m, 1y or 365d.*52w for 52 weeks/);
    expect(horizonOption('12', 'month').spec).toBe('12m');
    expect(() => horizonOption('12 fortnights')).toThrow(UsageError);
    expect(() => horizonOption('0w')).toThrow(UsageError);
  });
  it('in the model unit: 12m = 365.25/7 weeks, 1y = 12 months exactly, 52w = 52 weeks; described with both', () => {
    expect(horizonIn(horizonOption('12m'), 'week')).toBeCloseTo(365.25 / 7, 12);
    expect(horizonIn(horizonOption('1y'), 'month')).toBe(12);
    expect(horizonIn(horizonOption('52w'), 'week')).toBe(52);
    expect(describeHorizon(horizonOption('12m'), 'week')).toBe('12 months = 52.1786 weeks');
  });
});

describe('--currency is an ISO 4217 code Intl knows', () => {
  it('usd -> USD, EUR, CHF; dollars and XYZ are refused', () => {
    expect(currencyOption('usd')).toBe('USD');
    expect(currencyOption('CHF')).toBe('CHF');
    expect(currencyOption(undefined)).toBeUndefined();
    expect(() => currencyOption('dollars')).toThrow(UsageError);
    expect(() => currencyOption('XYZ')).toThrow(UsageError);
  });
});
