import type { Day, RowAccounting, TransactionTable } from '../types.ts';
import { type CohortRow } from './cohorts.ts';
import { type ContractRetention } from './contract-retention.ts';
import type { ContractsInput } from './contracts.ts';
import { type Conversion } from './conversion.ts';
import { type DriverModel } from './drivers.ts';
import { type LeadFunnel } from './funnel.ts';
import type { LeadsInput } from './leads.ts';
import { type OutcomePeriod } from './periods.ts';
import { type RecruitmentRow } from './recruitment.ts';
/**
 * @example
 * const o: RetentionOptions = { period: 'month', windows: [30, 90, 180], drivers: true };
 */
export interface RetentionOptions {
    /** Reporting period (default month). */
    period?: OutcomePeriod;
    /** Observation end (default: the latest date in any input). Later transactions are not used. */
    end?: Day;
    leads?: LeadsInput;
    contracts?: ContractsInput;
    /** P(alive) at the end per customer id (e.g. from a fitted BG/NBD) for the expected active customers per cohort. */
    probabilityAlive?: {
        customerIds: string[];
        values: ArrayLike<number>;
        model?: string;
    };
    /** Conversion windows in days (default 30, 90, 180). */
    windows?: number[];
    level?: number;
    /** Fit the logistic driver models (default true). */
    drivers?: boolean;
    /** Smallest plan or start cohort fitted on its own (default 30 contracts). */
    minGroupSize?: number;
    /** Projection horizon of the contract models, in periods. */
    horizon?: number;
}
/**
 * Everything `clvkit retention --json` prints (DESIGN.md §3).
 *
 * @example
 * const r: RetentionReport = retentionOutcomes(table); // JSON.stringify(r) is `retention --json`
 */
export interface RetentionReport {
    period: OutcomePeriod;
    end: string;
    notes: Record<string, string>;
    accounting: {
        transactions: RowAccounting & {
            after_end: number;
        };
    };
    recruitment: RecruitmentRow[];
    conversion: Conversion & {
        leads?: LeadFunnel;
    };
    cohorts: CohortRow[];
    /** The model behind `expected_active` in cohorts, null when none was given. */
    expected_active_model: string | null;
    drivers: DriverModel[];
    contracts?: ContractRetention;
}
/**
 * Recruitment, conversion, cohort retention, drivers and (with a contracts file) contractual retention
 * from a transaction table: the whole of `clvkit retention`.
 *
 * @example
 * const table = await readTransactions('orders.csv');
 * const report = retentionOutcomes(table, { period: 'month', contracts: readContracts('contracts.csv') });
 * report.cohorts[0].retention; report.contracts?.median;
 */
export declare function retentionOutcomes(table: TransactionTable, options?: RetentionOptions): RetentionReport;
//# sourceMappingURL=retention.d.ts.map