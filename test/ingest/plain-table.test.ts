import { describe, expect, it } from 'vitest';
import { parsePlainTable } from '../../src/ingest/plain-table.ts';
import { parseTable } from '../../src/ingest/table.ts';

// the CSV parser (csv-parse through parseTable) is the oracle: the fast split must give the same table
const CASES: [string, string][] = [
  ['comma, LF', 'referrer,referred,date\nA,B,2024-01-02\nC,D,2024-01-03\n'],
  ['semicolon, CRLF, BOM, decimal comma, spaces, blank lines', '\ufeffparrain ; filleul ; date ; cout\r\nA ; B ; 01/02/2024 ; 12,5\r\n\r\nC;D;13/02/2024;3\r\n\r\n'],
  ['tab keeps spaces inside fields', 'referrer\treferred\tdate\n A\tB \t2024-01-02\n'],
  ['pipe, no final newline', 'a|b|c\n1|2|3'],
  ['quotes go to the CSV parser', 'a,b,c\n"x,y",2,3\n'],
];

describe('parsePlainTable', () => {
  for (const [name, text] of CASES) {
    it(`same table as parseTable: ${name}`, () => {
      expect(parsePlainTable(text, 'f.csv')).toEqual(parseTable(text, 'f.csv'));
    });
  }

  it('the same error at the same line for a row with the wrong number of fields', () => {
    const text = 'a,b,c\n1,2,3\n\n4,5\n';
    expect(() => parseTable(text, 'f.csv')).toThrow('f.csv:4: expected 3 fields (a, b, c), found 2');
    expect(() => parsePlainTable(text, 'f.csv')).toThrow('f.csv:4: expected 3 fields (a, b, c), found 2');
  });
});
