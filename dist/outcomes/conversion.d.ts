import type { CustomerFacts } from './customers.ts';
import { type KmStep } from './kaplan-meier.ts';
import { type OutcomePeriod } from './periods.ts';
import { type Proportion } from './wilson.ts';
/**
 * Conversion of one group (a cohort, or everybody) within each window.
 *
 * @example
 * const g: ConversionGroup = conversion(facts, 'month').cohorts[0]; // g.windows.within_30.rate
 */
export interface ConversionGroup {
    period: string;
    customers: number;
    /** Keyed `within_30`, `within_90`, ... : eligible customers (observed for the whole window), converted, Wilson interval. */
    windows: Record<string, Proportion>;
}
/**
 * First-to-second purchase conversion (DESIGN.md §3 `conversion`).
 *
 * @example
 * const c: Conversion = conversion(facts, 'month'); // c.time_to_second.median
 */
export interface Conversion {
    windows_days: number[];
    note: string;
    overall: ConversionGroup & {
        ever: Proportion;
    };
    cohorts: ConversionGroup[];
    time_to_second: {
        unit: 'day';
        customers: number;
        repeaters: number;
        median: number;
        median_lower: number;
        median_upper: number;
        km: KmStep[];
    };
}
/**
 * @example
 * conversion(facts, 'month', CONVERSION_WINDOWS); // 30, 90 and 180 days
 */
export declare const CONVERSION_WINDOWS: number[];
/**
 * First-to-second purchase conversion by acquisition cohort within each window (days), with Wilson
 * intervals. Only customers observed for the whole window count in a window's rate: a customer
 * acquired less than w days before the end is left out of the w-day rate (otherwise recent cohorts
 * would look worse). The time to the second purchase is a Kaplan-Meier curve in days, censored at
 * the observation end.
 *
 * @example
 * const conv = conversion(customerFacts(table, end), 'month');
 * conv.overall.windows.within_90; // { successes, n, rate, lower, upper }
 */
export declare function conversion(facts: CustomerFacts, period: OutcomePeriod, windows?: number[], level?: number): Conversion;
//# sourceMappingURL=conversion.d.ts.map