import type { Day } from '../types.ts';
import { type ContractModelGroup } from './contract-models.ts';
import type { ContractsInput, FileAccounting } from './contracts.ts';
import { type KmStep } from './kaplan-meier.ts';
import { type OutcomePeriod } from './periods.ts';
import { type RetentionRateRow, type RetentionTrend } from './retention-rates.ts';
/**
 * @example
 * const o: ContractRetentionOptions = { end: parseDate('2024-12-31'), period: 'month', minGroupSize: 50 };
 */
export interface ContractRetentionOptions {
    /** Observation end: active contracts are censored here. */
    end: Day;
    period: OutcomePeriod;
    level?: number;
    /** Smallest number of contracts for a per-plan or per-cohort fit (default 30). */
    minGroupSize?: number;
    /** Projection horizon in periods (default: the observed span plus as much again, at most 36 more, at least 12). */
    horizon?: number;
    /** Most start cohorts fitted one by one (default 24); beyond it, per-cohort fits are skipped with the reason. */
    maxCohortFits?: number;
}
/**
 * Contractual retention (DESIGN.md §3 `contracts`).
 *
 * @example
 * const r: ContractRetention = contractRetention(readContracts('contracts.csv'), { end, period: 'month' }); // r.km, r.median
 */
export interface ContractRetention {
    accounting: FileAccounting;
    end: string;
    period: OutcomePeriod;
    contracts: number;
    ended: number;
    censored: number;
    ended_after_end_censored: number;
    censoring: string;
    km: KmStep[];
    band: string;
    median: number;
    median_lower: number;
    median_upper: number;
    retention_rates: RetentionRateRow[];
    retention_trend: RetentionTrend;
    heterogeneity_note: string;
    models: {
        groups: ContractModelGroup[];
        skipped: {
            group: string;
            name: string;
            contracts: number;
            reason: string;
        }[];
    };
}
/**
 * Contractual retention from a contracts file: Kaplan-Meier survival in `period` units from each
 * contract's start with Greenwood log-log bands, the median lifetime and its interval, the observed
 * retention-rate curve by tenure, and the sBG and beta-discrete-Weibull fitted to all contracts, to
 * each plan and to each start cohort (calendar period of the start) with projections beside KM.
 *
 * @example
 * const r = contractRetention(readContracts('contracts.csv'), { end: parseDate('2024-12-31'), period: 'month' });
 * r.median; r.retention_rates; r.models.groups[0].sbg;
 */
export declare function contractRetention(input: ContractsInput, options: ContractRetentionOptions): ContractRetention;
//# sourceMappingURL=contract-retention.d.ts.map