import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSummaryFile, summaryFromTable, type SummaryFileData } from '../../src/ingest/summary-file.ts';
import { readTable } from '../../src/ingest/table.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'clvkit-summary-bytes-'));

/** The old path: csv-parse into string rows, then the row-by-row reader (summaryFromTable). */
function oldRead(path: string): unknown {
  try {
    return view(summaryFromTable(readTable(path), { kind: 'summary' }) as SummaryFileData);
  } catch (e) {
    return { error: (e as Error).message };
  }
}
function newRead(path: string): unknown {
  try {
    return view(readSummaryFile(path, { kind: 'summary' }) as SummaryFileData);
  } catch (e) {
    return { error: (e as Error).message };
  }
}
const view = (s: SummaryFileData) => ({
  naming: s.naming,
  ids: [...s.customerIds],
  frequency: [...s.frequency],
  recency: [...s.recency],
  T: [...s.T],
  monetaryValue: s.monetaryValue && [...s.monetaryValue],
  weights: s.weights && [...s.weights],
});

const CASES: Record<string, string> = {
  plain: 'customer_id,frequency,recency,T,monetary_value\nC1,2,30.428571428571427,38.857142857142854,22.5\nC2,0,0,38.86,0\nC3,1,0.1,5,1234.5678901234567\n',
  crlfBomBlank: '\uFEFFcustomer_id,frequency,recency,T,monetary_value\r\n\r\nC1,2,30.43,38.86,22.5\r\n\r\n"C,2",1,3,4,5\r\n',
  quotedIds: 'ID,x,t_x,T,zbar\n"=HYPER""LINK""",1,2,3,4\n"two\nlines",0,0,3,\n  café  , 1 , 2 , 3 , 4 \n',
  frenchDecimal: 'client;frequence;recence;T;valeur_monetaire\nA;2;30,5;38,25;12,5\nB;0;0;38;0\nC;1;1;2;"1 234,50"\n',
  tabs: 'customer_id\tfrequency\trecency\tT\nA\t1\t2\t3\nB\t0\t0\t3\n',
  weightsNoId: 'frequency,recency,T,weights\n0,0,5,10\n1,2,5,3.5\n',
  emptySpendColumn: 'customer_id,frequency,recency,T,monetary_value\nA,2,3,4,\nB,0,0,4,\n',
  signsAndExponents: 'customer_id,frequency,recency,T,monetary_value\nA,+2,3e0,4.,.5\nB,0,-0,4,0\nC,1,0001.5000,2,$12.00\n',
  noHeaderRows: 'customer_id,frequency,recency,T\n',
  badFrequency: 'customer_id,frequency,recency,T\nA,1.5,1,2\n',
  badCell: 'customer_id,frequency,recency,T\nA,1,1,2\nB,x,1,2\n',
  fields: 'customer_id,frequency,recency,T\nA,1,1,2\nB,1,1\n',
  recencyAboveT: 'customer_id,frequency,recency,T\nA,1,3,2\n',
  spendMissingThenPresent: 'customer_id,frequency,recency,T,monetary_value\nA,1,1,2,\nB,1,1,2,5\n',
  spendMissingThenBadRow: 'customer_id,frequency,recency,T,monetary_value\nA,1,1,2,\nB,x,1,2,\nC,1,1,2,\n',
  spendMissingThenBadRowThenSpend: 'customer_id,frequency,recency,T,monetary_value\nA,1,1,2,\nB,x,1,2,\nC,1,1,2,7\n',
  negativeSpend: 'customer_id,frequency,recency,T,monetary_value\nA,1,1,2,-3\n',
  missingColumn: 'customer_id,frequency,T\nA,1,2\n',
  longDigits: 'customer_id,frequency,recency,T,monetary_value\nA,3,12345678.123456789012,99999999.99999999999,0.000000000000000000000001234\n',
  // the fast row loop (summary-rows.ts) and the general path meeting on awkward cells
  mixedFastAndGeneral:
    '\uFEFFcustomer_id,frequency,recency,T,monetary_value\r\nA,1,102.42857142857143,104.14285714285714,39.33200000000001\r\nB,1,102.42857142857143,104.14285714285714,1e1\r\n"C",2,102.42857142857143,104.14285714285714,5\r\nD, 3 ,\t1.5 ,2,-0\r\nE,0,-0,2,0\r\nF,2,9007199254740993,9007199254740995,1\r\n',
  hugeAndTiny: 'customer_id,frequency,recency,T,monetary_value\nA,1,0,1e400,2\nB,1,0,12345678901234567890123456789,2\nC,1,0.0000000000000000000000001,1,2\nD,1,1,2,99999999999999999999999999999999999999999999999\n',
  spendAfterEmpty: 'customer_id,frequency,recency,T,monetary_value\nA,0,0,2,\nB,1,1,2,\nC,2,1,2,\nD,1,1,2,4\n',
  crlfAndSpaces: 'customer_id,frequency,recency,T\nA,1,1,2\r\nB,1,1,2\r\n  C \t,1,1,2  \r\n',
  frenchLong: 'client;frequence;recence;T;valeur_monetaire\nA;2;30,428571428571427;38,857142857142854;12,5\nB;0;0;38;0\nC;1;1;2;1234,5678901234567\n',
  weightsFast: 'frequency,recency,T,weights\n0,0,5,10\n1,2,5,3.5\n1,2,5,-1\n',
  nonAsciiIds: 'customer_id,frequency,recency,T\nclient-é,1,1,2\nクライアント,0,0,2\n',
};

describe('summary files read as bytes (summary-bytes.ts) against the old csv-parse path', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`same columns, ids or error message: ${name}`, () => {
      const path = join(dir, `${name}.csv`);
      writeFileSync(path, text);
      expect(newRead(path)).toEqual(oldRead(path));
    });
  }

  it('a file longer than one read chunk (4 MiB): same columns as the old path', () => {
    const lines = ['customer_id,frequency,recency,T,monetary_value'];
    for (let i = 0; i < 110_000; i++) {
      const x = i % 7;
      lines.push(`C${String(i).padStart(14, "0")},${x},${x ? (i % 97) / 7 : 0},${100 / 7 + (i % 13)},${x ? (i % 1000) / 100 + 0.1 / 3 : 0}`);
    }
    const path = join(dir, 'big.csv');
    writeFileSync(path, lines.join('\n') + '\n');
    expect(newRead(path)).toEqual(oldRead(path));
  });

  it('a file of awkward rows among plain ones, over several chunks: same columns or message as the old path', () => {
    const lines = ['customer_id;frequency;recency;T;monetary_value;weights'];
    const odd = ['"Q;1";1;1;2;3;1', 'E;1;1e0;2;3;1', 'S;  2 ;1;2; 4 ;1', 'N;1;1;2;1 234,5;1', 'Z;0;-0;2;0;1', 'L;1;1;2;3;1\r', ''];
    for (let i = 0; i < 150_000; i++) {
      const x = i % 5;
      const rec = x ? String((i % 97) / 7).replace('.', ',') : '0';
      lines.push(i % 997 === 0 ? odd[(i / 997) % odd.length] : `C${i};${x};${rec};${String(100 / 7 + (i % 13)).replace('.', ',')};${x ? String((i % 1000) / 100 + 0.1 / 3).replace('.', ',') : 0};${1 + (i % 3)}`);
    }
    const path = join(dir, 'awkward-big.csv');
    writeFileSync(path, lines.join('\n') + '\n');
    expect(newRead(path)).toEqual(oldRead(path));
  });

  for (const file of ['cdnow_customers_summary.csv', 'cdnow_customers_summary_with_transactions.csv']) {
    it.runIf(sharedDataAvailable(file))(`CDNOW ${file}: same columns as the old path`, () => {
      expect(newRead(sharedPath(file))).toEqual(oldRead(sharedPath(file)));
    });
  }
});
