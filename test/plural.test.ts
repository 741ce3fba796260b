import { describe, expect, it } from 'vitest';
import { count, plural } from '../src/plural.ts';

// Oracle: the CLDR plural rules (English: one = exactly 1; French: one = 0 <= n < 2).
describe('plural (CLDR rules for en and fr)', () => {
  it('English takes the singular for exactly 1 only', () => {
    expect(count(1, 'customer', 'customers')).toBe('1 customer');
    expect(count(0, 'customer', 'customers')).toBe('0 customers');
    expect(count(2, 'customer', 'customers')).toBe('2 customers');
    expect(count(1.5, 'week', 'weeks')).toBe('1.5 weeks');
    expect(plural(-1, 'day', 'days')).toBe('day');
  });
  it('French takes the singular for 0 and 1 (and below 2)', () => {
    expect(count(0, 'client', 'clients', 'fr')).toBe('0 client');
    expect(count(1, 'client', 'clients', 'fr')).toBe('1 client');
    expect(count(2, 'client', 'clients', 'fr')).toBe('2 clients');
    expect(plural(1.5, 'semaine', 'semaines', 'fr')).toBe('semaine');
  });
  it('formats the number with the given function', () => {
    expect(count(23570, 'customer', 'customers', 'en', (n) => n.toLocaleString('en-US'))).toBe('23,570 customers');
  });
});

describe('pluralText (numbers as the report writes them)', () => {
  it('reads English and French number texts back', async () => {
    const { pluralText } = await import('../src/plural.ts');
    expect(pluralText('1', 'month', 'months')).toBe('month');
    expect(pluralText('12', 'month', 'months')).toBe('months');
    expect(pluralText('23,570', 'customer', 'customers')).toBe('customers');
    expect(pluralText('0', 'client', 'clients', 'fr')).toBe('client');
    expect(pluralText('1,5', 'jour', 'jours', 'fr')).toBe('jour');
    expect(pluralText('1\u202f234', 'client', 'clients', 'fr')).toBe('clients');
    expect(pluralText('n/a', 'client', 'clients', 'fr')).toBe('clients');
  });
});
