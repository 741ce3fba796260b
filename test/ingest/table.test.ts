import { describe, expect, it } from 'vitest';
import { parseTable, columnIndex, numberCell, detectDelimiter } from '../../src/ingest/table.ts';
import { parseNumber } from '../../src/ingest/number.ts';

describe('parseNumber', () => {
  it('reads decimal commas, thousands separators and currency', () => {
    expect(parseNumber('12,50', ',')).toBe(12.5);
    expect(parseNumber('1 234,50', ',')).toBe(1234.5);
    expect(parseNumber('1\u00a0234,50 €', ',')).toBe(1234.5);
    expect(parseNumber('1.234,50', ',')).toBe(1234.5);
    expect(parseNumber('$1,234.50', '.')).toBe(1234.5);
    expect(parseNumber('-3.5', '.')).toBe(-3.5);
    expect(parseNumber('(12.00)', '.')).toBe(-12);
    expect(parseNumber('EUR 7', '.')).toBe(7);
    expect(parseNumber('1e3', '.')).toBe(1000);
  });
  it('returns NaN for text that is not a number', () => {
    for (const s of ['', 'abc', '1,23,4', '12.5.6', '1,2345.0', '--1']) expect(parseNumber(s, '.')).toBeNaN();
    expect(parseNumber('12,5,0', ',')).toBeNaN();
  });
});

describe('parseTable', () => {
  it('detects ; with decimal commas, BOM and CRLF, and keeps line numbers across quoted newlines', () => {
    const t = parseTable('\ufeffid;note;texte\r\n1;9,5;"a\r\nb"\r\n2;7;c\r\n', 'x.csv');
    expect(t.delimiter).toBe(';');
    expect(t.decimal).toBe(',');
    expect(t.header).toEqual(['id', 'note', 'texte']);
    expect(t.lines).toEqual([2, 4]);
    expect(numberCell(t, 0, 1, 'a score')).toBe(9.5);
  });
  it('names file, line and column for a bad cell', () => {
    const t = parseTable('id,score\n1,7\n2,x\n', 'scores.csv');
    expect(() => numberCell(t, 1, 1, 'a score from 0 to 10')).toThrow('scores.csv:3:2: expected a score from 0 to 10 in column "score", got "x"');
  });
  it('lists the columns found when one is missing', () => {
    const t = parseTable('a,b\n1,2\n', 'f.csv');
    expect(() => columnIndex(t, ['score', 'note'], 'score')).toThrow('f.csv:1: no score column (looked for score, note); columns found: a, b');
    expect(columnIndex(t, [], 'x', '2')).toBe(1);
  });
  it('rejects empty, header-only and ragged files with one clear message each', () => {
    expect(() => parseTable('', 'e.csv')).toThrow('e.csv: the file is empty');
    expect(() => parseTable('a,b\n', 'h.csv')).toThrow('h.csv:1: the file has a header but no data rows');
    expect(() => parseTable('a,b\n1,2\n3\n', 'r.csv')).toThrow('r.csv:3: expected 2 fields (a, b), found 1');
  });
  it('detects delimiters', () => {
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2')).toBe('|');
    expect(detectDelimiter('a b c\n1 2 3')).toBe('whitespace');
  });
});
