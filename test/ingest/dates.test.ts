import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, formatDay, parseDate, parseDateOption } from '../../src/ingest/dates.ts';
import { parseNumber } from '../../src/ingest/number.ts';

describe('calendar arithmetic', () => {
  it('agrees with Date.UTC over 800 years', () => {
    for (let y = 1600; y <= 2400; y += 7) {
      for (const [m, d] of [[1, 1], [2, 28], [2, 29], [3, 1], [12, 31]]) {
        if (m === 2 && d === 29 && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) continue;
        const z = daysFromCivil(y, m, d);
        expect(z).toBe(Date.UTC(y, m - 1, d) / 864e5);
        expect(civilFromDays(z)).toEqual([y, m, d]);
      }
    }
    expect(formatDay(0)).toBe('1970-01-01');
  });
});

describe('parseDate', () => {
  it('accepts the documented formats and rejects impossible dates', () => {
    const jan31 = daysFromCivil(1997, 1, 31);
    expect(parseDate('1997-01-31')).toBe(jan31);
    expect(parseDate('1997/01/31')).toBe(jan31);
    expect(parseDate('1997-01-31T23:59:59.123+14:00')).toBe(jan31);
    expect(parseDate('1997-01-31 08:00')).toBe(jan31);
    expect(parseDate('19970131')).toBe(jan31);
    expect(parseDate('31/01/1997')).toBe(jan31);
    expect(parseDate('01/31/1997')).toBe(jan31);
    expect(parseDate('31.01.1997')).toBe(jan31);
    expect(parseDate('31-01-1997')).toBe(jan31);
    expect(parseDate('02/03/1997', 'mm/dd/yyyy')).toBe(daysFromCivil(1997, 2, 3));
    expect(parseDate('02/03/1997', 'dd/mm/yyyy')).toBe(daysFromCivil(1997, 3, 2));
    for (const bad of ['1997-02-29', '2023-13-01', '19971301', '32/01/1997', '1997-01-31X', '02/03/1997', 'soon', '']) {
      expect(parseDate(bad)).toBeNaN();
    }
    expect(parseDate('2024-02-29')).toBe(daysFromCivil(2024, 2, 29));
  });

  it('a day-month date may have a time after it, as an ISO date may (Excel in France: 31/01/1997 14:26), which is ignored', () => {
    const jan31 = daysFromCivil(1997, 1, 31);
    for (const good of ['31/01/1997 14:26', '31/01/1997 14:26:05', '31/01/1997T14:26:05Z', '31.01.1997 08:00', '13/2/1997 08:00', '31-01-1997 23:59:59.5']) {
      expect([good, parseDate(good)]).toEqual([good, good.startsWith('13/2') ? daysFromCivil(1997, 2, 13) : jan31]);
    }
    expect(parseDate('02/03/1997 10:00', 'mm/dd/yyyy')).toBe(daysFromCivil(1997, 2, 3));
    for (const bad of ['31/01/1997 14', '31/01/1997 x', '31/01/1997 14:26x', '31/01/1997  14:26', '31/01/19971 14:26', '32/01/1997 14:26', '31/01/1997 ']) {
      expect([bad, parseDate(bad)]).toEqual([bad, bad === '31/01/1997 ' ? jan31 : NaN]);
    }
  });

  it('parseDateOption for the CLI', () => {
    expect(parseDateOption('1997-09-30')).toBe(daysFromCivil(1997, 9, 30));
    expect(parseDateOption(10134)).toBe(10134);
    expect(() => parseDateOption('30/30/1997', '--end')).toThrow('--end: expected a date like 1997-09-30, got "30/30/1997"');
  });
});

describe('parseNumber (amount rules)', () => {
  it('decimal comma, thousands separators, currency, negatives', () => {
    expect(parseNumber('1 234,50', ',')).toBe(1234.5);
    expect(parseNumber('1\u00a0234,50', ',')).toBe(1234.5);
    expect(parseNumber('1\u202f234,50 €', ',')).toBe(1234.5);
    expect(parseNumber('1.234,50', ',')).toBe(1234.5);
    expect(parseNumber('1,234.50', '.')).toBe(1234.5);
    expect(parseNumber("1'234.50", '.')).toBe(1234.5);
    expect(parseNumber('EUR 12', '.')).toBe(12);
    expect(parseNumber('£-3.5', '.')).toBe(-3.5);
    expect(parseNumber('-12,50', ',')).toBe(-12.5);
    expect(parseNumber('12,50', '.')).toBeNaN();
  });
});
