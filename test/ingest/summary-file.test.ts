import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClvkitError } from '../../src/errors.ts';
import { detectModelInputKind, readSummaryFile, sniffModelInputKind } from '../../src/ingest/summary-file.ts';
import { sharedDataAvailable, sharedPath } from '../helpers/shared-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'clvkit-summary-file-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
function errorOf(fn: () => unknown): ClvkitError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClvkitError) return e;
    throw e;
  }
  throw new Error('expected a ClvkitError');
}

describe('detecting the kind of model input from the header', () => {
  it('recognises both summary namings, BG/BB rows and survivor tables; transaction headers are not model input', () => {
    expect(detectModelInputKind(['customer_id', 'frequency', 'recency', 'T', 'monetary_value'])).toBe('summary');
    expect(detectModelInputKind(['ID', 'x', 't_x', 'T', 'zbar'])).toBe('summary');
    expect(detectModelInputKind(['frequency', 'recency', 'periods', 'weights'])).toBe('bgbb');
    expect(detectModelInputKind(['period', 'alive'])).toBe('survivors');
    expect(detectModelInputKind(['year', 'regular', 'high_end'])).toBe('survivors');
    expect(detectModelInputKind(['customer_id', 'date', 'amount'])).toBeUndefined();
    expect(detectModelInputKind(['date', 'id'])).toBeUndefined();
  });

  it('sniffs only the first line of a file', () => {
    expect(sniffModelInputKind(file('s.csv', 'x;t_x;T\n1;2;3\n'))).toBe('summary');
    expect(sniffModelInputKind(file('tx.csv', 'customer_id,date,amount\nA,2024-01-01,3\n'))).toBeUndefined();
    expect(sniffModelInputKind(join(dir, 'missing.csv'))).toBeUndefined();
    // a transaction file with a week column is not a survivor table
    expect(sniffModelInputKind(file('txw.csv', 'client,week,amount\nA,2024-W01,3\n'))).toBeUndefined();
    expect(sniffModelInputKind(file('svw.csv', 'week,alive\n0,100\n1,80\n'))).toBe('survivors');
  });
});

describe('customer summaries', () => {
  it('reads the lifetimes naming with ids and monetary value', () => {
    const s = readSummaryFile(file('a.csv', 'customer_id,frequency,recency,T,monetary_value\nA,2,30.43,38.86,22.35\nB,0,0,38.86,0\n'));
    expect(s.kind).toBe('summary');
    if (s.kind !== 'summary') return;
    expect(s.naming).toBe('lifetimes');
    expect(s.customerIds).toEqual(['A', 'B']);
    expect(Array.from(s.frequency)).toEqual([2, 0]);
    expect(Array.from(s.recency)).toEqual([30.43, 0]);
    expect(Array.from(s.T)).toEqual([38.86, 38.86]);
    expect(Array.from(s.monetaryValue!)).toEqual([22.35, 0]);
  });

  it('reads the Fader-Hardie naming (ID,x,t_x,T,zbar) and a ; file with decimal commas', () => {
    const s = readSummaryFile(file('b.csv', 'ID;x;t_x;T;zbar\n7;1;1,71;38,86;11,77\n'));
    if (s.kind !== 'summary') throw new Error('kind');
    expect(s.naming).toBe('hardie');
    expect(s.customerIds).toEqual(['7']);
    expect(s.recency[0]).toBe(1.71);
    expect(s.monetaryValue![0]).toBe(11.77);
  });

  it('without an id column numbers the customers and has no monetary value', () => {
    const s = readSummaryFile(file('c.csv', 'frequency,recency,T\n1,2,5\n0,0,5\n'));
    if (s.kind !== 'summary') throw new Error('kind');
    expect(s.customerIds).toEqual(['1', '2']);
    expect(s.monetaryValue).toBeUndefined();
  });

  it('reports bad cells at file:line:column', () => {
    const neg = errorOf(() => readSummaryFile(file('neg.csv', 'frequency,recency,T\n1,2,5\n-1,2,5\n')));
    expect(neg.location).toMatchObject({ line: 3, column: 1 });
    expect(neg.message).toMatch(/neg\.csv:3:1: frequency must be a whole number >= 0/);
    const late = errorOf(() => readSummaryFile(file('late.csv', 'frequency,recency,T\n1,6,5\n')));
    expect(late.message).toMatch(/late\.csv:2:2: recency \(6\) cannot exceed T \(5\)/);
    const text = errorOf(() => readSummaryFile(file('text.csv', 'frequency,recency,T\n1,2,abc\n')));
    expect(text.message).toMatch(/text\.csv:2:3: expected a customer age T in column "T", got "abc"/);
    const zero = errorOf(() => readSummaryFile(file('zero.csv', 'frequency,recency,T\n0,2,5\n')));
    expect(zero.location).toMatchObject({ line: 2, column: 2 });
    const frac = errorOf(() => readSummaryFile(file('frac.csv', 'frequency,recency,T\n1.5,2,5\n')));
    expect(frac.location).toMatchObject({ line: 2, column: 1 });
  });

  it('rejects a file of another kind with the columns found', () => {
    expect(() => readSummaryFile(file('tx2.csv', 'customer_id,date\nA,2024-01-01\n'))).toThrow(/columns found: customer_id, date/);
  });
});

describe('BG/BB rows', () => {
  it('reads frequency,recency,periods,weights and checks the histories', () => {
    const d = readSummaryFile(file('bb.csv', 'frequency,recency,periods,weights\n0,0,6,10\n2,5,6,3\n'));
    if (d.kind !== 'bgbb') throw new Error('kind');
    expect(Array.from(d.weights)).toEqual([10, 3]);
    expect(Array.from(d.periods)).toEqual([6, 6]);
    expect(errorOf(() => readSummaryFile(file('bb2.csv', 'frequency,recency,periods\n3,2,6\n'))).location).toMatchObject({ line: 2, column: 1 });
    expect(errorOf(() => readSummaryFile(file('bb3.csv', 'frequency,recency,periods\n1,7,6\n'))).message).toMatch(/recency \(7\) cannot exceed periods \(6\)/);
    // weights default to 1
    const e = readSummaryFile(file('bb4.csv', 'frequency,recency,periods\n1,1,3\n'));
    if (e.kind !== 'bgbb') throw new Error('kind');
    expect(Array.from(e.weights)).toEqual([1]);
  });
});

describe('survivor tables', () => {
  const multi = 'year,regular,high_end\n0,100,100\n1,63.1,86.9\n2,46.8,74.3\n3,38.2,\n';

  it('period,alive counts', () => {
    const d = readSummaryFile(file('sv.csv', 'period,alive\n0,1000\n1,631\n2,468\n'));
    if (d.kind !== 'survivors') throw new Error('kind');
    expect(d.cohorts).toEqual([{ name: 'alive', alive: [1000, 631, 468] }]);
    expect(d.fromPercentages).toBe(false);
  });

  it('a column chosen by name, percentages with a cohort size, younger cohorts ending early, --through', () => {
    const d = readSummaryFile(file('m.csv', multi), { column: 'high_end', cohortSize: 1000 });
    if (d.kind !== 'survivors') throw new Error('kind');
    expect(d.columns).toEqual(['regular', 'high_end']);
    expect(d.cohorts[0].name).toBe('high_end');
    expect(d.cohorts[0].alive.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([1000, 869, 743]);
    const both = readSummaryFile(file('m2.csv', multi), { column: 'regular,high_end', cohortSize: 1000, through: 1 });
    if (both.kind !== 'survivors') throw new Error('kind');
    expect(both.cohorts.map((c) => c.alive.length)).toEqual([2, 2]);
  });

  it('asks for --column when there are several cohorts, and names the columns', () => {
    const e = errorOf(() => readSummaryFile(file('m3.csv', multi)));
    expect(e.message).toMatch(/several cohort columns \(regular, high_end\)/);
    expect(e.exitCode).toBe(2);
    expect(() => readSummaryFile(file('m4.csv', multi), { column: 'premium' })).toThrow(/no cohort column "premium"; cohort columns found: regular, high_end/);
  });

  it('long tables cohort,period,alive: every cohort by default (pooled), or those named with column', () => {
    const long = 'cohort,period,alive\n2023-01,0,500\n2023-01,1,400\n2023-01,2,350\n2023-02,0,300\n2023-02,1,250\n';
    expect(sniffModelInputKind(file('long.csv', long))).toBe('survivors');
    const d = readSummaryFile(file('long.csv', long));
    if (d.kind !== 'survivors') throw new Error('kind');
    expect(d.cohorts).toEqual([
      { name: '2023-01', alive: [500, 400, 350] },
      { name: '2023-02', alive: [300, 250] },
    ]);
    const one = readSummaryFile(file('long.csv', long), { column: '2023-02' });
    if (one.kind !== 'survivors') throw new Error('kind');
    expect(one.cohorts.map((c) => c.name)).toEqual(['2023-02']);
    expect(errorOf(() => readSummaryFile(file('long2.csv', 'cohort,period,alive\nA,0,5\nA,2,4\n'))).location).toMatchObject({ line: 3, column: 2 });
  });

  it('rejects increasing survivors, out-of-order periods, percentages over 100', () => {
    expect(errorOf(() => readSummaryFile(file('inc.csv', 'period,alive\n0,100\n1,120\n'))).location).toMatchObject({ line: 3, column: 2 });
    expect(errorOf(() => readSummaryFile(file('ord.csv', 'period,alive\n1,100\n2,90\n'))).message).toMatch(/periods must be 0, 1, 2/);
    expect(() => readSummaryFile(file('pct.csv', 'period,alive\n0,1000\n1,900\n'), { cohortSize: 1000 })).toThrow(/percentages/);
  });
});

describe.runIf(sharedDataAvailable('donations.csv', 'cdnow_customers_summary_with_transactions.csv', 'sbg_retention.csv'))('shared data files', () => {
  it('donations.csv: 22 BG/BB rows of 11,104 donors', () => {
    const d = readSummaryFile(sharedPath('donations.csv'));
    if (d.kind !== 'bgbb') throw new Error('kind');
    expect(d.frequency.length).toBe(22);
    expect(d.weights.reduce((s, w) => s + w, 0)).toBe(11104);
  });
  it('CDNOW summary with zbar: 2,357 customers, 946 repeat buyers', () => {
    const d = readSummaryFile(sharedPath('cdnow_customers_summary_with_transactions.csv'));
    if (d.kind !== 'summary') throw new Error('kind');
    expect(d.customerIds.length).toBe(2357);
    expect(Array.from(d.frequency).filter((x) => x > 0).length).toBe(946);
  });
  it('sbg_retention.csv: two cohorts over years 0..12', () => {
    const d = readSummaryFile(sharedPath('sbg_retention.csv'), { column: 'regular', cohortSize: 1000 });
    if (d.kind !== 'survivors') throw new Error('kind');
    expect(d.periodColumn).toBe('year');
    expect(d.cohorts[0].alive.length).toBe(13);
  });
});
