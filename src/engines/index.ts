/**
 * The `clvkit/engines` entry point: the customer summary computed by SQL engines (DuckDB embedded,
 * PostgreSQL, a ClickHouse cluster), printable SQL and SQL scoring. Each driver is an optional
 * package loaded only when a query runs.
 */
export { summarySql, quoteIdent, quoteLiteral, qualifiedName, SQL_DIALECTS, type SqlDialect, type SqlSource, type SummarySqlSpec } from './sql.ts';
export { summarizeWithDuckDb, histogramWithDuckDb, type DuckDbSource, type DuckDbOptions } from './duckdb.ts';
export { summarizeWithPostgres, histogramWithPostgres, type PostgresSource, type PostgresOptions } from './postgres.ts';
export { bgNbdProbabilityAliveSql, summaryHistogramSql } from './scoring.ts';
export { csvLayout, type CsvLayout, type CsvReadOptions } from './csv-source.ts';
export { transactionsWithDuckDb, transactionsWithPostgres, transactionsWithClickHouse } from './table.ts';
export { summarizeWithClickHouse, histogramWithClickHouse, type ClickHouseSource, type ClickHouseOptions } from './clickhouse.ts';
export { clickhouseSummarySql, clickhouseHistogramSql } from './clickhouse-sql.ts';
