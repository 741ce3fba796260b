import type { SummaryOptions, SummaryResult } from '../summary/summarize.ts';
import { type SqlSource } from './sql.ts';
import { type Histogram } from '../summary/histogram.ts';
/** Where the transactions are: a table (schema-qualified allowed) or a SELECT returning them. */
export type PostgresSource = {
    connectionString: string;
} & ({
    table: string;
    query?: undefined;
} | {
    query: string;
    table?: undefined;
});
export interface PostgresOptions extends SummaryOptions {
    customerCol?: string;
    dateCol?: string;
    amountCol?: string;
    skipBadRows?: boolean;
    /** Rows fetched per round trip from the cursor (default 50,000). */
    batchSize?: number;
    orderByCustomer?: boolean;
}
type PgModule = typeof import('pg');
type PgClient = InstanceType<PgModule['Client']>;
/** The connection string with its password hidden, for messages. */
export declare function redactConnectionString(cs: string): string;
/**
 * Open a pg client, with readable errors for a bad connection string or an unreachable server.
 *
 * @example
 * const client = await connectPostgres('postgres://user@localhost:5432/shop');
 */
export declare function connectPostgres(connectionString: string): Promise<PgClient>;
/** The source relation and the mapped column expressions. */
export declare function postgresSource(client: PgClient, source: PostgresSource, options: PostgresOptions): Promise<SqlSource>;
/**
 * Summarise transactions held in PostgreSQL. Same result as the node engine on the same rows.
 *
 * @example
 * const s = await summarizeWithPostgres({ connectionString: 'postgres://localhost/shop', table: 'sales.orders' }, { end: '2024-12-31' });
 * const q = await summarizeWithPostgres({ connectionString, query: 'select client, day, total from orders where shop = 3' }, { customerCol: 'client', dateCol: 'day', amountCol: 'total' });
 */
export declare function summarizeWithPostgres(source: PostgresSource, options?: PostgresOptions): Promise<SummaryResult>;
/**
 * The (frequency, recency, T, count) histogram computed by PostgreSQL: only the distinct rows come
 * back (src/summary/histogram.ts), the input of any fit, whatever the number of customers.
 *
 * @example
 * const h = await histogramWithPostgres({ connectionString, table: 'sales.orders' }, { end: '2024-12-31' });
 * fitBgNbd(histogramToSummaryData(h));
 */
export declare function histogramWithPostgres(source: PostgresSource, options?: PostgresOptions): Promise<Histogram>;
export {};
//# sourceMappingURL=postgres.d.ts.map