import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPredictionTable } from '../../src/cli/prediction-table.ts';

const root = join(import.meta.dirname, '..', '..');
const hasScript = spawnSync('script', ['--version']).status === 0;

// Oracle: a hand-made portfolio of five customers: totals and the ranking done by hand.
describe('formatPredictionTable (hand-computed totals and top customers)', () => {
  const ids = ['A', 'B', 'C', 'D', 'E'];
  const clv = [10, 500.5, 7.25, 500.5, NaN];
  const tx = [1, 2, 0.5, 3, 0];
  const cols = [
    { name: 'customer_id', text: (i: number) => ids[i] },
    { name: 'expected_transactions', numbers: tx },
    { name: 'clv', numbers: clv },
  ];
  it('sums expected transactions and CLV (NaN left out), ranks by CLV, earlier row first on ties', () => {
    const t = formatPredictionTable(cols, 5, { top: 3 });
    const lines = t.split('\n');
    expect(lines[0]).toBe('5 customers; total expected transactions 6.50; total clv 1,018.25');
    expect(lines[2]).toBe('customer_id  expected_transactions     clv');
    expect(lines.slice(3, 6).map((l) => l.split(/\s+/)[0])).toEqual(['B', 'D', 'A']);
    expect(t).toMatch(/the 3 customers with the largest clv; every customer and column: --out predictions\.csv/);
  });
  it('without CLV ranks by expected transactions; one customer is singular', () => {
    const t = formatPredictionTable(cols.slice(0, 2), 1, { top: 10 });
    expect(t.split('\n')[0]).toBe('1 customer; total expected transactions 1.00');
    expect(t).toMatch(/the 1 customer with the largest expected transactions/);
  });
  it('on a narrow terminal leaves out columns, never cuts the ids', () => {
    const wide = [{ name: 'customer_id', text: (i: number) => `customer-${ids[i]}` }, ...['frequency', 'recency', 'T', 'probability_alive', 'expected_spend'].map((name) => ({ name, numbers: [1, 2, 3, 4, 5] })), ...cols.slice(1)];
    const t = formatPredictionTable(wide, 5, { width: 60 });
    for (const line of t.split('\n').slice(2, 8)) expect([...line].length).toBeLessThanOrEqual(60);
    expect(t).toContain('customer-B');
    expect(t).not.toContain('recency');
  });
});

// Oracle: the contract of the command: on a terminal (a real pseudo-terminal from script(1)) a readable
// summary; piped, the CSV with every row.
describe.skipIf(!hasScript)('predict and simulate on a terminal and in a pipe', () => {
  const bin = join(root, 'bin', 'clvkit.js');
  const sample = join(root, 'data', 'sample-transactions.csv');
  it('predict: totals and top 10 on a terminal, 5,001 CSV lines in a pipe', () => {
    const tty = execFileSync('script', ['-qec', `node ${bin} predict ${sample} -m bgnbd 2>/dev/null`, '/dev/null'], { encoding: 'utf8' });
    expect(tty).toMatch(/^5,000 customers; total expected transactions [\d,.]+; total clv [\d,.]+/);
    expect(tty).toMatch(/the 10 customers with the largest clv/);
    const piped = execFileSync('node', [bin, 'predict', sample, '-m', 'bgnbd'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(piped.trimEnd().split('\n')).toHaveLength(5001);
    expect(piped.startsWith('customer_id,frequency,recency,T,expected_transactions,probability_alive,expected_spend,clv\n')).toBe(true);
  });
  it('simulate: what was drawn on a terminal, the CSV in a pipe', () => {
    const tty = execFileSync('script', ['-qec', `node ${bin} simulate --customers 50 --seed 3`, '/dev/null'], { encoding: 'utf8' });
    expect(tty).toMatch(/^simulated \d+ transactions of 50 customers over 730 days from 2024-01-01 \(seed 3\)/);
    const piped = execFileSync('node', [bin, 'simulate', '--customers', '50', '--seed', '3'], { encoding: 'utf8' });
    expect(piped.split('\n')[0]).toMatch(/^customer_id,date,amount/);
  });
});
