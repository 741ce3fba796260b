import { formatDay } from '../ingest/dates.ts';
import type { Day, RowAccounting, TransactionTable } from '../types.ts';
import { type CohortRow, cohortMatrix } from './cohorts.ts';
import { type ContractRetention, contractRetention } from './contract-retention.ts';
import type { ContractsInput } from './contracts.ts';
import { type Conversion, CONVERSION_WINDOWS, conversion } from './conversion.ts';
import { customerFacts } from './customers.ts';
import { type DriverModel, driverModels } from './drivers.ts';
import { type LeadFunnel, leadFunnel } from './funnel.ts';
import type { LeadsInput } from './leads.ts';
import { type OutcomePeriod, periodDays } from './periods.ts';
import { type RecruitmentRow, recruitment } from './recruitment.ts';
import { mapFloat64 } from '../typed-map.ts';

/**
 * @example
 * const o: RetentionOptions = { period: 'month', windows: [30, 90, 180], drivers: true };
 */
export interface RetentionOptions {
  /** Reporting period (default month). */
  period?: OutcomePeriod;
  /** Observation end (default: the latest transaction date; leads and contracts never move it). Later rows are not used. */
  end?: Day;
  leads?: LeadsInput;
  contracts?: ContractsInput;
  /**
   * P(alive) at the end per customer (e.g. from a fitted BG/NBD) for the expected active customers per cohort:
   * values[k] is customer customerIds[k]'s, or, with `tableCustomers`, that of the table's customer
   * tableCustomers[k] (a summary of this same table: no id strings are made or compared). Or a function
   * giving them (undefined: none), called once the outcomes that do not need them are done (a fit in a worker
   * thread meanwhile).
   */
  probabilityAlive?: ProbabilityAliveInput | (() => ProbabilityAliveInput | undefined);
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

/** P(alive) per customer, matched to the table's customers by id or by index (RetentionOptions.probabilityAlive). */
export type ProbabilityAliveInput = { customerIds?: string[]; tableCustomers?: ArrayLike<number>; values: ArrayLike<number>; model?: string };

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
  accounting: { transactions: RowAccounting & { after_end: number } };
  recruitment: RecruitmentRow[];
  conversion: Conversion & { leads?: LeadFunnel };
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
export function retentionOutcomes(table: TransactionTable, options: RetentionOptions = {}): RetentionReport {
  const period = options.period ?? 'month';
  const level = options.level ?? 0.95;
  let end = options.end;
  if (end === undefined) {
    let latest = -Infinity;
    for (let i = 0; i < table.length; i++) if (table.day[i] > latest) latest = table.day[i];
    // Only the transactions set the end: a lead or contract dated later is counted after the end, never moves it.
    end = Number.isFinite(latest) ? latest : 0;
  }
  const facts = customerFacts(table, end);
  const conv: RetentionReport['conversion'] = conversion(facts, period, options.windows ?? CONVERSION_WINDOWS, level);
  if (options.leads) conv.leads = leadFunnel(options.leads, facts, period, level);
  const recruited = recruitment(facts, period);
  const drivers = options.drivers === false ? [] : driverModels(facts, periodDays(period), 180, level);
  // P(alive) last: a function given may wait for a fit made meanwhile on the other core
  const given = typeof options.probabilityAlive === 'function' ? options.probabilityAlive() : options.probabilityAlive;
  let pAlive: Float64Array | undefined;
  if (given?.tableCustomers) {
    // customers absent from the values (no purchase by the end) count 0, as by id below
    pAlive = new Float64Array(facts.first.length);
    for (let k = 0; k < given.tableCustomers.length; k++) pAlive[given.tableCustomers[k]] = given.values[k];
  } else if (given?.customerIds) {
    const byId = new Map<string, number>();
    given.customerIds.forEach((id, i) => byId.set(id, given.values[i]));
    pAlive = mapFloat64(facts.customerIds, (id) => byId.get(id) ?? 0);
  } else if (given) throw new TypeError('retentionOutcomes: probabilityAlive needs customerIds or tableCustomers');
  const report: RetentionReport = {
    period,
    end: formatDay(end),
    notes: {
      periods: 'Calendar periods: ISO weeks start on Monday (labels 2024-W01), months, quarters (2024-Q1) and years; days are UTC calendar days.',
      channel: "A customer's acquisition channel is the channel of the first transaction on the first purchase day.",
      cohorts: "A cohort is the customers whose first purchase falls in a period; retention[k] is the share of them buying in the cohort's k-th period (k = 0 is the acquisition period, so it is 1); revenue_retention[k] = revenue in period k / revenue in period 0. last_partial marks a last period cut by the end.",
      expected_active: 'expected_active = Σ P(alive) at the end over the cohort, from the transaction model given (BG/NBD by default), null without one.',
    },
    accounting: { transactions: { ...table.accounting, after_end: facts.afterEnd } },
    recruitment: recruited,
    conversion: conv,
    cohorts: cohortMatrix(table, facts, period, pAlive),
    expected_active_model: pAlive ? (given?.model ?? 'bgnbd') : null,
    drivers,
  };
  if (options.contracts) {
    report.contracts = contractRetention(options.contracts, { end, period, level, minGroupSize: options.minGroupSize, horizon: options.horizon });
  }
  return report;
}
