import { describe, expect, it } from 'vitest';
import { responsiveSpecs, wrapTitle } from '../../src/report/charts/responsive.ts';

// Oracle: lines broken by hand at the last space that keeps each line within the limit.
describe('chart titles on a phone (hand-broken lines)', () => {
  it('breaks a long title at spaces, each line within the limit, no word lost', () => {
    const t = 'Pyramide de valeur : part des clients et de la valeur par palier';
    expect(wrapTitle(t, 40)).toEqual(['Pyramide de valeur : part des clients et', 'de la valeur par palier']);
    expect(wrapTitle('Short title', 40)).toBe('Short title');
    expect(wrapTitle('Averyveryverylongwordthatcannotbreak and more', 10)).toEqual(['Averyveryverylongwordthatcannotbreak', 'and more']);
  });
  it('the narrow rendition gets the wrapped title, the wide one keeps it whole', () => {
    const spec = { title: 'Pyramide de valeur : part des clients et de la valeur par palier', width: 600, mark: 'bar', data: { values: [] }, encoding: {} };
    const { wide, narrow } = responsiveSpecs(spec as never);
    expect((wide as { title: unknown }).title).toBe(spec.title);
    expect((narrow as { title: unknown }).title).toEqual(['Pyramide de valeur : part des clients et', 'de la valeur par palier']);
  });
});
