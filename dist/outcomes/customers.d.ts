import type { Day, TransactionTable } from '../types.ts';
/**
 * What the outcomes need to know about each customer, columnar, in `customerIds` order.
 *
 * @example
 * const f: CustomerFacts = customerFacts(table, end); // f.second[c] - f.first[c]: days to the second purchase
 */
export interface CustomerFacts {
    customerIds: string[];
    /** Day of the first purchase (-1 when every transaction of the customer is after the end). */
    first: Int32Array;
    /** Day of the second distinct purchase day, -1 when none before the end. */
    second: Int32Array;
    /** Last purchase day on or before the end. */
    last: Int32Array;
    /** Value of the first purchase day (sum of its transactions; NaN without amounts). */
    firstValue: Float64Array;
    /** Total value on or before the end (NaN without amounts). */
    revenue: Float64Array;
    /** Acquisition channel: the channel of the customer's first transaction on the first day (first in file order), -1 when none. */
    channel: Int32Array;
    channels: string[];
    hasAmount: boolean;
    /** Observation end used. */
    end: Day;
    /** Transactions after the end, not used. */
    afterEnd: number;
}
/**
 * One pass over the transactions (in any order) to each customer's first and second purchase days,
 * last day, first-order value, revenue and acquisition channel, ignoring transactions after `end`.
 * Several transactions on the same day are one purchase day.
 *
 * @example
 * const facts = customerFacts(table, table.day.reduce((a, b) => Math.max(a, b)));
 * facts.second[0] - facts.first[0]; // days from first to second purchase of the first customer
 */
export declare function customerFacts(table: TransactionTable, end: Day): CustomerFacts;
//# sourceMappingURL=customers.d.ts.map