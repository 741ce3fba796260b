/** Core data structures shared across capabilities (DESIGN.md §1). */

/** Days since 1970-01-01 UTC. */
export type Day = number;

export type PeriodUnit = 'day' | 'week' | 'month';

/** Row accounting: every row read is used or rejected with a reason. */
export interface RowAccounting {
  read: number;
  used: number;
  rejected: Record<string, number>;
  /** First few line numbers per rejection reason (1-based file lines). */
  firstLines?: Record<string, number[]>;
  /** How the file was read when it matters (an encoding other than UTF-8, lone CR line ends). */
  notes?: string[];
}

/**
 * Columnar transactions. `customer[i]` indexes `customerIds` (first-seen order),
 * `day[i]` is days since 1970-01-01 UTC, `amount[i]` the value (NaN when the file has no amount).
 */
export interface TransactionTable {
  customerIds: string[];
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  hasAmount: boolean;
  length: number;
  /** Optional per-transaction channel code indexing `channels`. */
  channel?: Int32Array;
  channels?: string[];
  accounting: RowAccounting;
  /** ISO 4217 code read from the amount column's header or values (`Montant (€)`, `$12.50`), when any. */
  currency?: string;
  /** Which column was taken for what, for the commands' notes. */
  columnsNote?: string;
}

/** One customer's sufficient statistics in the model's time unit. */
export interface SummaryRow {
  frequency: number;
  recency: number;
  T: number;
  monetaryValue?: number;
}

/** Per-customer summary (columnar), in the model's time unit `freq`. */
export interface CustomerSummary {
  customerIds: string[];
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetaryValue: Float64Array;
  firstPurchase: Int32Array;
  lastPurchase: Int32Array;
  transactions: Int32Array;
  totalSpend: Float64Array;
  /**
   * Σ over repeat purchases of log(inter-purchase time in `freq` units), calibration period: the timing
   * statistic of the CNBD-k models (Platzer & Reutterer 2016; BTYDplus `litt`). 0 when frequency is 0.
   */
  litt?: Float64Array;
  holdoutFrequency?: Float64Array;
  holdoutMonetaryValue?: Float64Array;
  holdoutT?: Float64Array;
  unit: PeriodUnit;
  freq: PeriodUnit;
  /** Observation end (calibration end when split), days since epoch. */
  end: Day;
  calibrationEnd?: Day;
  accounting?: RowAccounting;
  /** Carried from the transactions: the amounts' currency and which column was taken for what. */
  currency?: string;
  columnsNote?: string;
  /** false when the transactions had no amount column (value figures are then not available). */
  hasAmount?: boolean;
}

/**
 * Columnar summary input; `CustomerSummary` satisfies it. `weights` default 1.
 *
 * @example
 * const data: SummaryData = { frequency: [2, 0], recency: [30.43, 0], T: [38.86, 38.86] };
 */
export interface SummaryData {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
  weights?: ArrayLike<number>;
}
