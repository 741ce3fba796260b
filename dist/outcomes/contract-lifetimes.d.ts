import type { Day } from '../types.ts';
import type { Contract, FileAccounting } from './contracts.ts';
import { type OutcomePeriod } from './periods.ts';
/**
 * Contract lifetimes in periods from each start, right-censored at the observation end.
 *
 * @example
 * const lt: ContractLifetimes = contractLifetimes(contracts, end, 'month'); // lt.time[i], lt.event[i]
 */
export interface ContractLifetimes {
    /** Tenure in periods at the end (event) or at the observation end (censored); fractional. */
    time: Float64Array;
    /** 1 = ended on or before the observation end, 0 = still active then (censored). */
    event: Uint8Array;
    /** Whole periods each contract was observed: floor(tenure at the observation end). */
    observedPeriods: Int32Array;
    /** The contracts kept (starting on or before the end), aligned with the arrays. */
    contracts: Contract[];
    /** Contracts whose end lies after the observation end: treated as active (censored). */
    endedAfterEnd: number;
}
/**
 * Lifetimes of contracts in `period` units from each contract's own start (calendar months for
 * month, quarter and year). An empty end, or an end after `end`, is censored at `end`. Contracts
 * starting after `end` are rejected (counted in `accounting`).
 *
 * @example
 * const lt = contractLifetimes(contracts, end, 'month', accounting);
 * lt.time[0]; lt.event[0];
 */
export declare function contractLifetimes(contracts: Contract[], end: Day, period: OutcomePeriod, accounting?: FileAccounting): ContractLifetimes;
//# sourceMappingURL=contract-lifetimes.d.ts.map