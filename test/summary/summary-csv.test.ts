import { describe, expect, it } from 'vitest';
import { parseTransactions } from '../../src/ingest/transactions.ts';
import { summarize } from '../../src/summary/summarize.ts';
import { summaryColumns, summaryOutputColumns } from '../../src/summary/export.ts';
import { numberCell, writeSummaryCsvBytes } from '../../src/summary/summary-csv.ts';
import { seededUniform } from '../models/simulate-helpers.ts';
import { writeCsvColumns, type ByteSink } from '../../src/io/column-writer.ts';
import { CSV_EN, CSV_FR, type CsvFormat } from '../../src/io/csv.ts';

/** Everything written to a sink, as one buffer. */
function collect(write: (sink: ByteSink) => unknown): Buffer {
  const parts: Buffer[] = [];
  write({ write: (chunk) => void parts.push(Buffer.from(chunk)) });
  return Buffer.concat(parts);
}

/** The oracle: the string path (writeCsvColumns over summaryOutputColumns, what `summary --out` wrote before). */
const viaStrings = (s: ReturnType<typeof summarize>, format: CsvFormat) => collect((sink) => writeCsvColumns(sink, summaryOutputColumns(s), s.frequency.length, format));
const viaBytes = (s: ReturnType<typeof summarize>, format: CsvFormat) =>
  collect((sink) => {
    expect(writeSummaryCsvBytes(sink, s, summaryColumns(s), format)).toBe(true);
  });

const AWKWARD_IDS = ['C001', '=cmd()', '+33 6', '-7', '@home', 'a,b', 'a;b', 'say "hi"', 'café', 'クライアント', '\tTab', 'x'.repeat(300)];

function log(): string {
  const lines = ['customer_id,date,amount'];
  AWKWARD_IDS.forEach((id, k) => {
    const cell = /[",\n]/.test(id) ? `"${id.replace(/"/g, '""')}"` : id;
    lines.push(`${cell},2024-01-0${1 + (k % 5)},${10 + k}.5`, `${cell},2024-02-1${k % 9},${k}.25`);
    if (k % 3 === 0) lines.push(`${cell},2024-03-01,-3`);
  });
  lines.push('late,2024-06-30,5', 'returns,2024-01-02,-4'); // after --end / returns only: left out of the summary
  return lines.join('\n') + '\n';
}

describe('summary CSV with ids copied from the bytes read (summary-csv.ts) against the string path', () => {
  for (const [name, format] of [['en', CSV_EN], ['fr', CSV_FR]] as const) {
    it(`same bytes (${name}): guarded and quoted ids, non-ASCII ids, customers left out`, () => {
      const s = summarize(parseTransactions(log()), { end: '2024-05-31' });
      expect(s.frequency.length).toBe(AWKWARD_IDS.length);
      const a = viaBytes(s, format);
      expect(a.toString()).toBe(viaStrings(s, format).toString());
      expect(a.toString()).toContain(`'=cmd()`);
    });
  }
  it('same bytes with holdout columns and week periods', () => {
    const s = summarize(parseTransactions(log()), { end: '2024-05-31', calibrationEnd: '2024-02-05', unit: 'week', freq: 'day' });
    expect(viaBytes(s, CSV_EN).toString()).toBe(viaStrings(s, CSV_EN).toString());
  });
  it('same bytes for prefix + digits ids (the key index stores them as numbers), zero-padded, guarded prefix, and odd ids among them', () => {
    for (const prefix of ['C', '=', '', 'é-']) {
      const lines = ['customer_id,date,amount'];
      for (let k = 0; k < 3000; k++) {
        const id = k % 250 === 7 ? `x${k}"q` : `${prefix}${String(k * 37).padStart(k % 3 === 0 ? 7 : 1, '0')}`;
        const cell = id.includes('"') ? `"${id.replace(/"/g, '""')}"` : id;
        lines.push(`${cell},2024-01-0${1 + (k % 7)},${k % 50}.25`, `${cell},2024-03-1${k % 9},1.5`);
      }
      const s = summarize(parseTransactions(lines.join('\n') + '\n'));
      expect(viaBytes(s, CSV_EN).toString(), prefix).toBe(viaStrings(s, CSV_EN).toString());
    }
  });
  it('declines (the string path is used) when the ids were replaced', () => {
    const s = summarize(parseTransactions(log()), { end: '2024-05-31' });
    s.customerIds = s.customerIds.map((id) => id + '!');
    expect(writeSummaryCsvBytes({ write: () => {} }, s, summaryColumns(s))).toBe(false);
  });
});

describe('numberCell writes String(v) (the point as the decimal separator), NaN as nothing', () => {
  const out = Buffer.alloc(64);
  const cell = (v: number, decimal = 46) => out.toString('latin1', 0, numberCell(out, 0, v, decimal));
  it('on edge values: zeros, 2^48 and 2^53, exponent forms, infinities, NaN, subnormals', () => {
    for (const v of [0, -0, 1, -1, 0.1, 0.1 + 0.2, 2 ** 48, 2 ** 48 + 1, 2 ** 53, 1e16, 1e17, 1e21, 123e300, 1e-6, 1e-7, 1.5e-7, -2.5e-10, 5e-324, Number.MAX_VALUE, Infinity, -Infinity, 104.14285714285714]) {
      expect(cell(v), String(v)).toBe(String(v));
    }
    expect(cell(NaN)).toBe('');
    expect(cell(-1.5e-7, 44)).toBe('-1,5e-7');
    expect(cell(30.5, 44)).toBe('30,5');
  });
  it('on 100,000 random doubles of every magnitude', () => {
    const u = seededUniform(3);
    for (let k = 0; k < 100_000; k++) {
      const v = (u() - 0.5) * 10 ** Math.floor(u() * 40 - 20);
      const w = k % 3 === 0 ? Math.round(v) : v;
      if (cell(w) !== String(w)) expect(cell(w)).toBe(String(w));
    }
  });
});
