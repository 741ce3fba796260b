import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatDay } from '../../src/ingest/dates.ts';
import { addPeriods, ordinalStart, periodLabel, periodOrdinal, periodOrdinals, tenure, NO_DAY } from '../../src/outcomes/periods.ts';

const d = (s: string) => {
  const [y, m, dd] = s.split('-').map(Number);
  return daysFromCivil(y, m, dd);
};

describe('calendar periods', () => {
  it('ISO 8601 weeks: Monday start; 30 Dec 2024 is in 2025-W01; 1 Jan 2021 is in 2020-W53', () => {
    expect(periodLabel(periodOrdinal(d('2024-12-30'), 'week'), 'week')).toBe('2025-W01');
    expect(periodLabel(periodOrdinal(d('2021-01-01'), 'week'), 'week')).toBe('2020-W53');
    expect(formatDay(ordinalStart(periodOrdinal(d('2024-01-07'), 'week'), 'week'))).toBe('2024-01-01'); // Sunday -> that Monday
    expect(periodOrdinal(d('2024-01-08'), 'week') - periodOrdinal(d('2024-01-07'), 'week')).toBe(1);
  });
  it('months, quarters and years: labels, starts, consecutive ordinals', () => {
    expect(periodLabel(periodOrdinal(d('2024-11-15'), 'quarter'), 'quarter')).toBe('2024-Q4');
    expect(formatDay(ordinalStart(periodOrdinal(d('2024-11-15'), 'quarter'), 'quarter'))).toBe('2024-10-01');
    expect(periodOrdinal(d('2025-01-01'), 'month') - periodOrdinal(d('2024-12-31'), 'month')).toBe(1);
    expect(periodLabel(periodOrdinal(d('1999-02-03'), 'month'), 'month')).toBe('1999-02');
    expect(periodLabel(periodOrdinal(d('1999-02-03'), 'year'), 'year')).toBe('1999');
    for (const p of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      const o = periodOrdinal(d('2023-05-17'), p);
      expect(periodOrdinal(ordinalStart(o, p), p)).toBe(o);
      expect(periodOrdinal(ordinalStart(o, p) - 1, p)).toBe(o - 1);
    }
  });
  it('adding months clamps to the month length; tenure is whole on anniversaries', () => {
    expect(formatDay(addPeriods(d('2024-01-31'), 1, 'month'))).toBe('2024-02-29');
    expect(formatDay(addPeriods(d('2023-01-31'), 1, 'month'))).toBe('2023-02-28');
    expect(formatDay(addPeriods(d('2024-02-29'), 1, 'year'))).toBe('2025-02-28');
    expect(formatDay(addPeriods(d('2024-11-30'), 1, 'quarter'))).toBe('2025-02-28');
    expect(tenure(d('2024-01-15'), d('2024-03-15'), 'month')).toBe(2);
    expect(tenure(d('2024-01-15'), d('2024-01-14'), 'month')).toBeLessThan(0);
    expect(tenure(d('2024-01-15'), d('2024-02-01'), 'month')).toBeCloseTo(17 / 31, 12);
    expect(tenure(d('2024-01-01'), d('2024-01-15'), 'week')).toBe(2);
    expect(tenure(d('2020-03-01'), d('2023-03-01'), 'year')).toBe(3);
  });
});

describe('periodOrdinals (a lookup table over the days of a column)', () => {
  it('equals periodOrdinal day by day, NaN where there is no purchase (NO_DAY), days before 1970 included, for every period (invariant)', () => {
    const days = Int32Array.from([daysFromCivil(2024, 2, 29), NO_DAY, daysFromCivil(1999, 12, 31), daysFromCivil(2024, 1, 1), daysFromCivil(2030, 6, 15), NO_DAY, -1, daysFromCivil(1955, 3, 1)]);
    for (const period of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      const got = periodOrdinals(days, period);
      days.forEach((d, i) => (d === NO_DAY ? expect(got[i]).toBeNaN() : expect(got[i]).toBe(periodOrdinal(d, period))));
    }
    expect(periodOrdinals(Int32Array.of(NO_DAY, NO_DAY), 'month').every(Number.isNaN)).toBe(true);
  });
});
