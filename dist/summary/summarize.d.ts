import type { CustomerSummary, Day, PeriodUnit, TransactionTable } from '../types.ts';
export interface SummaryOptions {
    /** Purchase period: transactions of one customer in one period count once (default day). */
    unit?: PeriodUnit;
    /** Time unit of recency and T (default week). */
    freq?: PeriodUnit;
    /** Observation end, inclusive (default: the last date in the data). 'YYYY-MM-DD' or a Day. */
    end?: string | Day;
    /** Calibration end, inclusive: adds holdout columns over (calibrationEnd, end]. */
    calibrationEnd?: string | Day;
}
/** The summary with the count of customers left out (first purchase after the (calibration) end, or returns only). */
export interface SummaryResult extends CustomerSummary {
    /** Customers present in the table but absent from the summary, per reason. */
    excludedCustomers: Record<string, number>;
}
/** Reasons in accounting.rejected added by the summary. */
export declare const SUMMARY_REJECT: {
    readonly afterEnd: 'after end';
    readonly newInHoldout: 'customer first seen after calibration end';
    readonly noPurchase: 'customer without a purchase';
};
/** Days in one unit (week = 7 days, month = 365.25/12 days). */
export declare function unitDays(unit: PeriodUnit): number;
/**
 * Per-customer repeat-purchase summary: frequency, recency, T, monetaryValue, first/last purchase,
 * transactions and total spend; with `calibrationEnd`, holdout frequency, spend and length.
 *
 * @example
 * const table = await readTransactions('CDNOW_sample.txt', { columns: 'master_id,customer_id,date,cds,amount' });
 * const s = summarize(table, { end: '1997-09-30', freq: 'week' });
 * s.frequency[0]; // 2 (customer 0001)
 * s.T[0];         // 38.857… weeks
 */
export declare function summarize(table: TransactionTable, options?: SummaryOptions): SummaryResult;
/**
 * Period number of each day minDay + k (k < span): the day itself, the Monday-start week
 * (1970-01-05 was a Monday, day 4), or the calendar month (year × 12 + month − 1).
 */
export declare function periodTable(minDay: Day, span: number, unit: PeriodUnit): Int32Array;
/**
 * Row order grouped by customer and by day within a customer: `index[start[c] .. start[c+1])`
 * are customer c's rows in day order (stable).
 */
export declare function groupOrder(customer: Int32Array, day: Int32Array, n: number, nCustomers: number, minDay: number, maxDay: number): {
    index: Int32Array;
    start: Int32Array;
};
//# sourceMappingURL=summarize.d.ts.map