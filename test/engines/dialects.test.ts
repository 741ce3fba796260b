/**
 * `--print-sql --dialect bigquery|snowflake|spark`: each text is parsed by a dialect-aware SQL
 * parser from npm (node-sql-parser's BigQuery and Snowflake grammars; dt-sql-parser's Spark SQL
 * grammar, generated from Spark's own ANTLR grammar). These warehouses are not run here; the
 * ClickHouse text is run on the test cluster (clickhouse.test.ts). The negative controls show what
 * each parser can tell apart: the PostgreSQL text must be rejected where the parser knows the dialect.
 */
import { describe, expect, it, vi } from 'vitest';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import NodeSqlParser from 'node-sql-parser';
import { SparkSQL } from 'dt-sql-parser';
import { addTransactionOptions } from '../../src/cli/options.ts';
import { addEngineOptions, printSqlIfAsked, type EngineCliOptions } from '../../src/cli/engine-options.ts';
import { summarySql } from '../../src/engines/sql.ts';
import { summaryHistogramSql } from '../../src/engines/scoring.ts';

const parser = new (NodeSqlParser as unknown as { Parser: new () => { astify(sql: string, o: { database: string }): unknown } }).Parser();

/** The statement the CLI prints for these arguments. */
async function printed(args: string[]): Promise<string> {
  let o: EngineCliOptions = {};
  const cmd = new Command('summary').argument('[transactions]').exitOverride();
  addEngineOptions(addTransactionOptions(cmd), true).action((_f: string | undefined, opts: EngineCliOptions) => {
    o = opts;
  });
  cmd.parse(['--print-sql', ...args], { from: 'user' });
  let text = '';
  const out = new Writable({
    write(chunk, _e, cb) {
      text += chunk.toString();
      cb();
    },
  });
  await printSqlIfAsked(undefined, o, out);
  return text;
}

/** dt-sql-parser's Spark SQL errors (its ANTLR listeners also print to the console: silenced). */
function sparkErrors(sql: string): string[] {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    return new SparkSQL().validate(sql).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);
  } finally {
    spy.mockRestore();
    log.mockRestore();
  }
}

function nodeSqlParserError(sql: string, database: string): string | undefined {
  try {
    parser.astify(sql, { database });
    return undefined;
  } catch (e) {
    return (e as Error).message.slice(0, 200);
  }
}

const CASES: string[][] = [
  ['--table', 'shop.orders', '--end', '2024-12-31'],
  ['--table', 'orders', '--calibration-end', '2024-06-30', '--unit', 'week'],
  ['--table', 'orders', '--unit', 'month', '--freq', 'month'],
  ['--table', 'sales."orders 2024"', '--customer-col', 'client id', '--date-col', 'order date', '--amount-col', 'total', '--end', '2024-12-31', '--calibration-end', '2024-09-30'],
  ['--query', 'select client, day, total from orders where shop = 3', '--customer-col', 'client', '--date-col', 'day', '--amount-col', 'total'],
];

describe('--print-sql for warehouses that are parsed, not run', () => {
  it('BigQuery: every printed statement parses with node-sql-parser’s BigQuery grammar; T is an identifier, not a string', async () => {
    for (const args of CASES) {
      const sql = await printed([...args, '--dialect', 'bigquery']);
      expect(sql).toContain('dialect bigquery');
      expect(nodeSqlParserError(sql, 'BigQuery')).toBeUndefined();
      expect(sql).toMatch(/AS `T`/);
      expect(sql).not.toMatch(/"|DOUBLE PRECISION|VARCHAR/);
    }
  });

  it('Snowflake: every printed statement parses with node-sql-parser’s Snowflake grammar', async () => {
    for (const args of CASES) {
      const sql = await printed([...args, '--dialect', 'snowflake']);
      expect(nodeSqlParserError(sql, 'Snowflake')).toBeUndefined();
      expect(sql).toContain('DATEDIFF(day, DATE \'1970-01-01\',');
    }
  });

  it('Spark SQL: every printed statement parses with dt-sql-parser’s Spark grammar', async () => {
    for (const args of CASES) {
      const sql = await printed([...args, '--dialect', 'spark']);
      expect(sparkErrors(sql)).toEqual([]);
      expect(sql).toContain('DATEDIFF(');
    }
  });

  it('the histogram statement parses in each dialect too (T quoted as an identifier)', () => {
    for (const dialect of ['bigquery', 'snowflake', 'spark'] as const) {
      const sql = summaryHistogramSql({ dialect, source: 'orders', calibrationEnd: '2024-06-30' });
      if (dialect === 'spark') expect(sparkErrors(sql)).toEqual([]);
      else expect(nodeSqlParserError(sql, dialect === 'bigquery' ? 'BigQuery' : 'Snowflake')).toBeUndefined();
      if (dialect !== 'snowflake') expect(sql).toContain('GROUP BY frequency, recency, `T`');
    }
  });

  it('negative controls: the PostgreSQL text is rejected by the BigQuery and Spark parsers (they know the dialect)', () => {
    const pg = summarySql({ dialect: 'postgres', source: 'orders', end: '2024-12-31' });
    expect(nodeSqlParserError(pg, 'BigQuery')).toBeDefined();
    expect(sparkErrors(pg).length).toBeGreaterThan(0);
    // A broken statement is rejected by all three.
    const broken = summarySql({ dialect: 'spark', source: 'orders', end: '2024-12-31' }).replace('GROUP BY customer\n', 'GROUP BY customer,\n');
    expect(sparkErrors(broken).length).toBeGreaterThan(0);
    expect(nodeSqlParserError(broken.replace(/`/g, ''), 'BigQuery')).toBeDefined();
    expect(nodeSqlParserError(broken.replace(/`/g, '"'), 'Snowflake')).toBeDefined();
  });

  it('an unknown dialect is a usage error naming the six', async () => {
    await expect(printed(['--table', 'x', '--dialect', 'oracle'])).rejects.toThrow(/--dialect must be one of duckdb, postgres, clickhouse, bigquery, snowflake, spark/);
  });
});
