import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { addTransactionOptions } from '../../src/cli/options.ts';
import { addEngineOptions, histogramFromEngine, printSqlIfAsked, summaryFromEngine, transactionsFromEngine, type EngineCliOptions } from '../../src/cli/engine-options.ts';
import { simulateTransactions, writeSimulatedCsv } from '../../src/simulate/transactions.ts';
import { UsageError } from '../../src/errors.ts';
import { expectSameSummary } from './compare.ts';

let dir: string;
let csv: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clvkit-engine-cli-'));
  csv = join(dir, 'tx.csv');
  await writeSimulatedCsv(simulateTransactions({ customers: 1500, seed: 9 }), csv);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Parse a command line the way a command with the shared options does. */
function parse(args: string[]): { file?: string; o: EngineCliOptions } {
  let got: { file?: string; o: EngineCliOptions } = { o: {} };
  const cmd = new Command('summary').argument('[transactions]').exitOverride();
  addEngineOptions(addTransactionOptions(cmd), true).action((file: string | undefined, o: EngineCliOptions) => {
    got = { file, o };
  });
  cmd.parse(args, { from: 'user' });
  return got;
}

function sink(): { stream: Writable; text: () => string } {
  let s = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      s += chunk.toString();
      cb();
    },
  });
  return { stream, text: () => s };
}

describe('--engine options', () => {
  it('--engine duckdb gives the node summary; --engine node is the default', async () => {
    const a = parse([csv, '--engine', 'duckdb', '--unit', 'week', '--calibration-end', '2024-09-30']);
    const b = parse([csv, '--unit', 'week', '--calibration-end', '2024-09-30']);
    expect(b.o.engine).toBe('node');
    expectSameSummary(await summaryFromEngine(a.file, a.o), await summaryFromEngine(b.file, b.o));
    expect(await histogramFromEngine(a.file, a.o)).toEqual(await histogramFromEngine(b.file, b.o));
    const t = await transactionsFromEngine(a.file, a.o);
    expect(t.length).toBe((await transactionsFromEngine(b.file, b.o)).length);
  });

  it('usage errors: unknown engine, postgres options without postgres, postgres without --db/--table, a file with postgres', async () => {
    await expect(summaryFromEngine(csv, parse([csv, '--engine', 'spark']).o)).rejects.toThrow(/--engine must be node, duckdb, postgres or clickhouse/);
    await expect(summaryFromEngine(csv, parse([csv, '--table', 'x']).o)).rejects.toThrow(/go with --engine postgres/);
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      await expect(summaryFromEngine(undefined, parse(['--engine', 'postgres', '--table', 'x']).o)).rejects.toThrow(/needs --db/);
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
    await expect(summaryFromEngine(undefined, parse(['--engine', 'postgres', '--db', 'postgres://h/d']).o)).rejects.toThrow(/--table name or --query/);
    await expect(summaryFromEngine(csv, parse([csv, '--engine', 'postgres', '--db', 'postgres://h/d', '--table', 't']).o)).rejects.toThrow(UsageError);
    await expect(summaryFromEngine(undefined, parse(['--engine', 'duckdb']).o)).rejects.toThrow(/needs a transaction file/);
  });

  it('--print-sql prints one statement per dialect, names quoted', async () => {
    const d = sink();
    expect(await printSqlIfAsked(csv, parse([csv, '--print-sql', '--end', '2025-12-30']).o, d.stream)).toBe(true);
    expect(d.text()).toMatch(/^-- clvkit customer summary \(unit day, freq week, end 2025-12-30; dialect duckdb\)/);
    expect(d.text()).toMatch(/read_csv\('.*tx\.csv'/);
    const p = sink();
    await printSqlIfAsked(undefined, parse(['--print-sql', '--dialect', 'postgres', '--table', 'sales.orders', '--engine', 'postgres', '--customer-col', 'client "x"']).o, p.stream);
    expect(p.text()).toMatch(/FROM "sales"\."orders"/);
    expect(p.text()).toMatch(/CAST\("client ""x""" AS VARCHAR\)/);
    expect(p.text()).toMatch(/DOUBLE PRECISION/);
    expect(await printSqlIfAsked(csv, parse([csv]).o)).toBe(false);
    await expect(printSqlIfAsked(csv, parse([csv, '--print-sql', '--dialect', 'oracle']).o)).rejects.toThrow(/--dialect must be one of duckdb, postgres, clickhouse, bigquery, snowflake, spark/);
  });
});
