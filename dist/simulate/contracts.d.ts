import { type OutcomePeriod } from '../outcomes/periods.ts';
import type { Day } from '../types.ts';
/**
 * One plan of the simulated book: its share of contracts and its sBG parameters.
 *
 * @example
 * const plan: SimulatedPlan = { name: 'premium', alpha: 0.7, beta: 1.2, share: 2 };
 */
export interface SimulatedPlan {
    name: string;
    alpha: number;
    beta: number;
    /** Relative weight (default 1). */
    share?: number;
}
/**
 * @example
 * simulateContracts({ contracts: 500, alpha: 1, beta: 3, spreadDays: 365, end: '2021-12-31', seed: 2 });
 */
export interface ContractSimulationOptions {
    /** Number of contracts (default 1000). */
    contracts?: number;
    /** sBG parameters when no plans are given (default alpha 0.704, beta 1.182: Fader & Hardie's "regular" segment). */
    alpha?: number;
    beta?: number;
    /** Several plans with their own parameters (written in a `plan` column). */
    plans?: SimulatedPlan[];
    /** Billing period (default month). */
    period?: OutcomePeriod;
    /** First possible start (default 2020-01-01). */
    start?: string | Day;
    /** Starts are spread uniformly over this many days from `start` (default 0: one cohort). */
    spreadDays?: number;
    /** Observation end: later ends are written empty (still active). Default: start + 36 periods. */
    end?: string | Day;
    seed?: number;
}
/**
 * A simulated contracts book and the truth it was drawn from.
 *
 * @example
 * const sim: SimulatedContracts = simulateContracts({ seed: 1 }); // sim.rows[0].end: -1 while active
 */
export interface SimulatedContracts {
    rows: {
        customer: string;
        start: Day;
        end: Day;
        plan: string;
    }[];
    plans: SimulatedPlan[];
    period: OutcomePeriod;
    end: Day;
    seed: number;
}
/**
 * Draw a contracts book: per contract a plan, a start day, theta ~ Beta(alpha, beta) and a lifetime
 * T ~ shifted geometric(theta) periods (P(T = t) = theta (1 − theta)^(t−1), Fader & Hardie 2007, §3),
 * so the contract ends on its T-th anniversary; ends after the observation end are left empty.
 *
 * @example
 * const sim = simulateContracts({ contracts: 2000, alpha: 1, beta: 3, spreadDays: 365, seed: 7 });
 * writeContractsCsv(sim, 'contracts.csv');
 */
export declare function simulateContracts(options?: ContractSimulationOptions): SimulatedContracts;
/**
 * Write a simulated book as `customer_id,start,end[,plan]` (ISO dates, empty end = active).
 *
 * @example
 * writeContractsCsv(simulateContracts({ seed: 3 }), 'contracts.csv');
 */
export declare function writeContractsCsv(sim: SimulatedContracts, path: string): void;
//# sourceMappingURL=contracts.d.ts.map