import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePortfolio } from '../../src/segment/portfolio.ts';
import { writePortfolioCsv } from '../../src/segment/portfolio-csv.ts';
import { flagTable, flagTableOf } from '../../src/segment/flag-table.ts';
import { parseTransactions } from '../../src/ingest/transactions.ts';
import { simulateTransactions } from '../../src/simulate/transactions.ts';
import { summarize } from '../../src/summary/summarize.ts';
import { formatDay } from '../../src/ingest/dates.ts';
import { CSV_FR, toCsv, type CsvFormat, type CsvValue } from '../../src/io/csv.ts';

// Oracle: the prioritised list's rows (prioritisedList), written as records by toCsv (the path the columns
// replace): the same file, byte for byte, whether the ids come from the bytes read or from strings.
const odd = ['=SUM(A1)', 'a,b', 'say "hi"', 'café', '+33 1', '-5', '@me', 'plain'];

function analysis(withBytes: boolean) {
  const n = 600;
  const log = simulateTransactions({ customers: n, seed: 4 });
  const id = (c: number) => `${odd[c % odd.length]}${c}`;
  const quoted = (t: string) => (/[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  const lines = Array.from(log.customer, (c, k) => `${quoted(id(c))},${formatDay(log.day[k])},${log.amount[k]}`);
  const table = parseTransactions(`customer_id,date,amount\n${lines.join('\n')}\n`);
  if (!withBytes) table.customerIds = table.customerIds.slice(); // replaced ids: no bytes, the strings are used
  return analysePortfolio(summarize(table, {}), { bootstrap: 4, seed: 2 });
}

function priorities(a: ReturnType<typeof analysis>, format?: CsvFormat): string {
  const dir = mkdtempSync(join(tmpdir(), 'clvkit-prio-'));
  writePortfolioCsv(a, dir, undefined, format);
  return readFileSync(join(dir, 'priorities.csv'), 'utf8');
}

describe('priorities.csv written from the columns in rank order equals the rows written as records', () => {
  for (const withBytes of [true, false]) {
    it(`ids ${withBytes ? 'copied from the bytes read' : 'from strings'}, bootstrap bounds included, English and French`, () => {
      const a = analysis(withBytes);
      expect(a.customerIdBytes() !== undefined).toBe(withBytes);
      const rows = a.priorities;
      const header = ['rank', 'customer_id', 'clv', 'clv_lower', 'clv_upper', 'probability_alive', 'expected_transactions', 'expected_spend', 'historical_spend', 'days_since_last_purchase', 'tier', 'past_tier', 'rfm_segment', 'rfm_score', 'flags'];
      const records = rows.map((r) => header.map((h) => (h === 'flags' ? r.flags.join(' ') : (r as unknown as Record<string, CsvValue>)[h])));
      for (const format of [undefined, CSV_FR]) expect(priorities(a, format)).toBe(toCsv(header, records, format));
      // the guarded and quoted ids are there
      expect(priorities(a)).toContain(`'=SUM(A1)`);
      expect(priorities(a)).toContain('"a,b');
    });
  }
  it('the flag table of the columns equals the one of the rows (the same sums, in rank order)', () => {
    const a = analysis(true);
    expect(flagTableOf(a.priorityTable)).toEqual(flagTable(a.priorities));
    expect(flagTableOf(a.priorityTable).some((r) => r.customers > 0)).toBe(true);
  });
});
