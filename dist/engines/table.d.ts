import type { TransactionTable } from '../types.ts';
import { type DuckDbOptions, type DuckDbSource } from './duckdb.ts';
import { type PostgresOptions, type PostgresSource } from './postgres.ts';
/**
 * The transactions of a CSV or Parquet file, read and converted by DuckDB.
 *
 * @example
 * const table = await transactionsWithDuckDb({ parquet: 'orders.parquet' });
 * retentionOutcomes(table, { period: 'month' });
 */
export declare function transactionsWithDuckDb(source: DuckDbSource, options?: DuckDbOptions): Promise<TransactionTable>;
/**
 * The transactions of a PostgreSQL table or query (in the order the server returns them; give an
 * ORDER BY in --query for a reproducible customer order).
 *
 * @example
 * const table = await transactionsWithPostgres({ connectionString, table: 'orders' });
 */
export declare function transactionsWithPostgres(source: PostgresSource, options?: PostgresOptions): Promise<TransactionTable>;
//# sourceMappingURL=table.d.ts.map