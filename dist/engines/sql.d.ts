import type { Day, PeriodUnit } from '../types.ts';
export type SqlDialect = 'duckdb' | 'postgres';
export declare const SQL_DIALECTS: readonly SqlDialect[];
/**
 * Quote an identifier (table or column name) for SQL: double quotes, embedded quotes doubled.
 * A dotted name is NOT split: pass `schema.table` as `['schema', 'table']` to qualifiedName.
 *
 * @example
 * quoteIdent('order "date"') // '"order ""date"""'
 */
export declare function quoteIdent(name: string): string;
/**
 * A possibly schema-qualified table name: `sales.orders` → `"sales"."orders"`. A part already in
 * double quotes is kept as one part (`"my.table"` stays one name).
 *
 * @example
 * qualifiedName('sales.orders') // '"sales"."orders"'
 */
export declare function qualifiedName(name: string): string;
/**
 * A string literal: single quotes, embedded quotes doubled (standard SQL; PostgreSQL with
 * standard_conforming_strings on, its default since 9.1, and DuckDB treat backslashes literally).
 *
 * @example
 * quoteLiteral("it's") // "'it''s'"
 */
export declare function quoteLiteral(value: string): string;
/** `DATE 'yyyy-mm-dd'` of a Day. */
export declare function dateLiteral(day: Day): string;
/**
 * The three mapped columns as a relation. `relation` is a FROM item (a quoted table name, a
 * parenthesised query with an alias, a read_csv(...) call); the expressions are evaluated over it.
 * `dateFlag` / `amountFlag` classify rows: 0 valid, 1 missing, 2 unparseable (row accounting);
 * by default a NULL date or amount is "missing" and any non-NULL value is valid.
 */
export interface SqlSource {
    relation: string;
    /** Customer id expression, of a text type. */
    customer: string;
    /** Date expression, of type DATE. */
    date: string;
    /** Amount expression (double), or undefined when the data has no amounts. */
    amount?: string;
    dateFlag?: string;
    amountFlag?: string;
}
/**
 * What `summarySql` needs. `end` / `calibrationEnd` are 'YYYY-MM-DD' or Days; without `end` the
 * statement takes the last valid date of the data (a second read of the source).
 */
export interface SummarySqlSpec {
    dialect: SqlDialect;
    /** A SqlSource, or a table name (schema-qualified allowed) holding `columns`. */
    source: SqlSource | string;
    /** Column names in a table source: customer, date (DATE or timestamp), amount (optional). */
    columns?: {
        customer: string;
        date: string;
        amount?: string;
    };
    unit?: PeriodUnit;
    freq?: PeriodUnit;
    end?: string | Day;
    calibrationEnd?: string | Day;
    /**
     * 'customers' (default): one row per summarised customer, the columns of `summary --out`.
     * 'engine': one row per customer of the source, excluded ones too, with the counts the engines
     * need for the row accounting (status decided in TypeScript).
     */
    output?: 'customers' | 'engine';
    /**
     * Engine output without `end`: no bounds pass over the source; every valid row is in the window
     * (the end is the last date), T and holdout_T come back NULL and the engine computes them from
     * `first_p` and the largest `max_day` (SummaryCollector), with the same double operations.
     */
    deferEnd?: boolean;
    /** ORDER BY customer id (default true for 'customers', false for 'engine'). */
    orderByCustomer?: boolean;
}
/** Row-side codes of the `side` column: where a source row goes. */
export declare const SIDE: {
    readonly calibration: 0;
    readonly holdout: 1;
    readonly afterEnd: 2;
    readonly missingCustomer: 3;
    readonly missingDate: 4;
    readonly badDate: 5;
    readonly missingAmount: 6;
    readonly badAmount: 7;
};
/**
 * Period number of a date (same numbering as summarize.ts periodTable): the day number, the
 * Monday-start week floor((day − 4) / 7) (1970-01-05 was a Monday), or year × 12 + month − 1.
 */
export declare function periodSql(dialect: SqlDialect, unit: PeriodUnit, dateExpr: string, dayExpr: string): string;
/** Days since 1970-01-01 of a DATE expression (date − date is a whole number of days in both dialects). */
export declare function daySql(dateExpr: string): string;
/** Source relation and expressions of a spec. */
export declare function resolveSource(spec: Pick<SummarySqlSpec, 'source' | 'columns' | 'dialect'>): SqlSource;
/**
 * The summary as one SQL statement.
 *
 * @example
 * const sql = summarySql({ dialect: 'postgres', source: 'orders', columns: { customer: 'customer_id', date: 'order_date', amount: 'amount' }, end: '1997-09-30' });
 * // WITH src AS (...), tx AS (...), ... SELECT customer_id, frequency, recency, "T", ... ORDER BY customer_id
 */
export declare function summarySql(spec: SummarySqlSpec): string;
//# sourceMappingURL=sql.d.ts.map