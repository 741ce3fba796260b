import { describe, expect, it } from 'vitest';
import { pValueText } from '../src/p-value-text.ts';

// Oracle: the texts written by hand.
describe('pValueText (hand-written texts)', () => {
  it('underflowed and tiny p-values read as below 0.0001; others with three significant digits', () => {
    expect(pValueText(0)).toBe('p < 0.0001');
    expect(pValueText(3e-300)).toBe('p < 0.0001');
    expect(pValueText(0.0001)).toBe('p = 0.0001');
    expect(pValueText(0.043219)).toBe('p = 0.0432');
    expect(pValueText(1)).toBe('p = 1');
    expect(pValueText(NaN)).toBe('p n/a');
  });
});
