/** SQL engines for the customer summary (DuckDB embedded, PostgreSQL) and SQL scoring. */
export { summarySql, quoteIdent, quoteLiteral, qualifiedName, SQL_DIALECTS } from './sql.js';
export { summarizeWithDuckDb, histogramWithDuckDb } from './duckdb.js';
export { summarizeWithPostgres, histogramWithPostgres } from './postgres.js';
export { bgNbdProbabilityAliveSql, summaryHistogramSql } from './scoring.js';
export { csvLayout } from './csv-source.js';
export { transactionsWithDuckDb, transactionsWithPostgres } from './table.js';
//# sourceMappingURL=index.js.map