import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, CSV_FR } from '../../src/io/csv.ts';

describe('csvCell', () => {
  it('guards text cells against formula injection and keeps numbers as numbers', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell(-3.25)).toBe('-3.25');
    expect(csvCell('plain')).toBe('plain');
  });
  it('writes the shortest form that reads back to the same double', () => {
    for (const x of [0.1 + 0.2, 1 / 3, 1e-300, 123456789.123456789, -0.000123]) expect(Number(csvCell(x))).toBe(x);
  });
  it('quotes delimiters, quotes and newlines', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a;b', CSV_FR)).toBe('"a;b"');
    expect(csvCell(1234.5, CSV_FR)).toBe('1234,5');
  });
  it('builds a document', () => {
    expect(toCsv(['id', 'v'], [['C1', 1], ['=C2', 2.5]])).toBe("id,v\nC1,1\n'=C2,2.5\n");
  });
});
