import { describe, expect, it } from 'vitest';
import { csvDataUrl, escapeHtml, safeFileName, scriptJson, slug } from '../../src/report/escape.ts';
import { formatter, messages } from '../../src/report/i18n.ts';
import { frequencyRecencyCells, logBins, rfmCells } from '../../src/report/aggregate.ts';
import { renderHtml } from '../../src/report/html.ts';
import { topIndices } from '../../src/report/analyse.ts';

describe('escape', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml('<script>"a" & \'b\'</script>')).toBe('&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;');
    expect(escapeHtml(null)).toBe('');
  });
  it('embeds JSON safely in a script element', () => {
    const s = scriptJson({ id: '</script><script>alert(1)</script>', amp: 'a&b', ls: '\u2028' });
    expect(s).not.toContain('<');
    expect(s).not.toContain('>');
    expect(JSON.parse(s)).toEqual({ id: '</script><script>alert(1)</script>', amp: 'a&b', ls: '\u2028' });
  });
  it('makes data URLs, file names and ids', () => {
    expect(csvDataUrl('a,b\n"<x>"\n')).toBe('data:text/csv;charset=utf-8,%EF%BB%BFa%2Cb%0A%22%3Cx%3E%22%0A');
    expect(safeFileName('../<evil>".csv')).toBe('.._evil_.csv');
    expect(slug('Modèle « fit » & validation')).toBe('modele-fit-validation');
  });
});

describe('formatter', () => {
  it('formats French numbers, money and dates with Intl fr-FR separators', () => {
    const f = formatter('fr', 'EUR');
    expect(f.money(1234.56)).toBe('1\u202f234,56\u00a0€');
    expect(formatter('fr').money(1234.56)).toBe('1\u202f234,56'); // no currency given or found: no symbol
    expect(f.int(1234567)).toBe('1\u202f234\u202f567');
    expect(f.pct(0.123)).toBe('12,3\u00a0%');
    expect(f.date(20779)).toBe('22/11/2026');
    expect(f.month('2024-03')).toBe('mars 2024');
    expect(f.num(NaN)).toBe('–');
  });
  it('formats English numbers, money and dates', () => {
    const f = formatter('en', 'EUR');
    expect(f.money(1234.56)).toBe('€1,234.56');
    expect(formatter('en').money(1234.56)).toBe('1,234.56');
    expect(formatter('en', 'USD').money(1234.56)).toBe('US$1,234.56');
    expect(f.date(20779)).toBe('22 Nov 2026');
    expect(f.pct(0.5, 0)).toBe('50%');
  });
  it('has every message in both languages', () => {
    const en = messages('en');
    const fr = messages('fr');
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(typeof fr[k], k).toBe(typeof en[k]);
  });
});

describe('aggregate', () => {
  it('bins positive values on a log scale and counts the rest', () => {
    const b = logBins([0, -1, 0.001, 1.5, 20, 300, NaN], 1, 0.01);
    expect(b.zero).toBe(4);
    expect(b.bins).toEqual([{ lo: 1, hi: 10, customers: 1 }, { lo: 10, hi: 100, customers: 1 }, { lo: 100, hi: 1000, customers: 1 }]);
    expect(b.bins.reduce((s, x) => s + x.customers, 0) + b.zero).toBe(7);
  });
  it('averages over frequency × recency cells, capping the frequency', () => {
    const c = frequencyRecencyCells([0, 1, 1, 15], [0, 5, 6, 40], [0.1, 0.5, 0.7, 0.9], { topFrequency: 10, recencyBins: 4 });
    expect(c.frequencyOrder.at(-1)).toBe('10+');
    const one = c.cells.filter((x) => x.frequency === '1');
    expect(one).toHaveLength(1);
    expect(one[0].value).toBeCloseTo(0.6, 12);
    expect(one[0].customers).toBe(2);
    expect(c.cells.reduce((s, x) => s + x.customers, 0)).toBe(4);
  });
  it('counts RFM cells', () => {
    expect(rfmCells(Int8Array.from([5, 5, 1]), Int8Array.from([1, 1, 2]), [10, 20, 5])).toEqual([
      { recency: 1, frequency: 2, customers: 1, meanValue: 5 },
      { recency: 5, frequency: 1, customers: 2, meanValue: 15 },
    ]);
  });
});

describe('topIndices', () => {
  it('returns the k largest, ties in input order, NaN last', () => {
    expect(topIndices([3, 9, 1, 9], 2)).toEqual([1, 3]);
    expect(topIndices([NaN, 1, 2], 5)).toEqual([2, 1, 0]);
    expect(topIndices([5, 5, 5], 2)).toEqual([0, 1]);
    expect(topIndices([], 3)).toEqual([]);
  });
});

describe('renderHtml', () => {
  it('escapes every text of a document and writes print and phone CSS', () => {
    const html = renderHtml({
      lang: 'en', title: '<t>', subtitle: '"s"', generated: '&',
      sections: [{ id: 'x"><script>', title: '<h>', blocks: [
        { kind: 'paragraph', text: '<x1>' }, { kind: 'list', items: ['<x2>'] }, { kind: 'figures', items: [{ label: '<x3>', value: '<x4>', note: '<x5>' }] },
        { kind: 'table', caption: '<x6>', header: ['<x7>'], rows: [['<x8>']] }, { kind: 'heading', text: '<x9>' },
      ] }],
    });
    for (const raw of ['<t>', '<h>', '"s"', '"><script>']) expect(html).not.toContain(raw);
    for (let k = 1; k <= 9; k++) {
      expect(html).not.toContain(`<x${k}>`);
      expect(html).toContain(`&lt;x${k}&gt;`);
    }
    expect(html).toContain('id="x&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('@media print');
    expect(html).toContain('@media (max-width:600px)');
    expect(html).toContain('name="viewport"');
  });
});
