/**
 * TransactionTable → CustomerSummary (DESIGN.md §1), the repeat-purchase summary of the BTYD
 * literature: Fader, Hardie & Lee (2005a) "Counting your customers the easy way", §2 (x, t_x, T)
 * and Fader, Hardie & Lee (2005b) for the mean repeat spend (z̄, "RFM and CLV", JMR 42(4)).
 *
 * Conventions (documented in docs/readme/ingest.md):
 * - Rows are collapsed to purchase periods (`unit`: day, Monday-start week, calendar month);
 *   amounts are summed within a customer's period, so returns (negative amounts) net out.
 *   A period is a purchase when it has no return rows, or when its net amount is positive.
 * - `end` is inclusive: rows dated on `end` are used. T = end − first purchase (the CDNOW
 *   summary of Fader, Hardie & Lee has T = 38.86 weeks = 272 days for a customer first seen
 *   on 1997-01-01 with end 1997-09-30).
 * - Time is converted from periods to `freq` units: day = 1 day, week = 7 days, month =
 *   365.25/12 days; with unit === freq the values are whole numbers of periods.
 * - `transactions` is the number of raw rows of the customer up to the end (calibration end when
 *   split); `totalSpend` their net sum.
 */
import { ClvkitError, UsageError } from '../errors.ts';
import type { CustomerSummary, Day, PeriodUnit, RowAccounting, TransactionTable } from '../types.ts';
import { civilFromDays, parseDateOption } from '../ingest/dates.ts';
import { BLOCK, BLOCK_SHIFT, customerCount, customerKeyBytes, rowsPerBlock, type KeyBytes } from '../ingest/transactions.ts';
import type { OutputColumn } from '../io/column-writer.ts';

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
export const SUMMARY_REJECT = {
  afterEnd: 'after end',
  newInHoldout: 'customer first seen after calibration end',
  noPurchase: 'customer without a purchase',
} as const;

/** Days in one unit (week = 7 days, month = 365.25/12 days). */
export function unitDays(unit: PeriodUnit): number {
  return unit === 'day' ? 1 : unit === 'week' ? 7 : 365.25 / 12;
}

const UNITS: readonly PeriodUnit[] = ['day', 'week', 'month'];

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
export function summarize(table: TransactionTable, options: SummaryOptions = {}): SummaryResult {
  const unit = options.unit ?? 'day';
  const freq = options.freq ?? 'week';
  if (!UNITS.includes(unit)) throw new UsageError(`--unit: expected day, week or month, got "${unit}"`);
  if (!UNITS.includes(freq)) throw new UsageError(`--freq: expected day, week or month, got "${freq}"`);
  const n = table.length;
  const { customer, day, amount } = table;
  const hasAmount = table.hasAmount;
  // Not table.customerIds.length: that would build the id strings before the big allocations below.
  const nCustomers = customerCount(table);

  if (n === 0) throw new ClvkitError('no transactions to summarise');
  // One pass for the day range, the rows per customer and the row order.
  // The usual case (day periods, amounts, no split) of a table from the ingest in day order: the
  // rows are scattered by block of customers with the ingest's counts (checked as it goes), and
  // the day range is the first and last day. Otherwise one pass for the day range, the rows per
  // customer and the row order.
  const blockRows = unit === 'day' && options.calibrationEnd === undefined && hasAmount ? rowsPerBlock(table) : undefined;
  const blocks = blockRows ? scatterBlocks(customer, day, amount, n, nCustomers, blockRows) : undefined;
  const counted = blocks ? undefined : countRows(customer, day, n, nCustomers);
  const minDay = counted ? counted.minDay : day[0];
  const maxDay = counted ? counted.maxDay : day[n - 1];
  const end = options.end === undefined ? maxDay : parseDateOption(options.end, '--end');
  const split = options.calibrationEnd !== undefined;
  const calEnd = split ? parseDateOption(options.calibrationEnd!, '--calibration-end') : end;
  if (split && calEnd >= end) throw new UsageError(`--calibration-end must be before the end of observation (${fmt(end)}), got ${fmt(calEnd)}`);
  if (end < minDay) throw new ClvkitError(`--end ${fmt(end)} is before the first transaction (${fmt(minDay)})`);
  if (split && calEnd < minDay) throw new ClvkitError(`--calibration-end ${fmt(calEnd)} is before the first transaction (${fmt(minDay)})`);

  // Period index of each day over [minDay, end]: a lookup table (small: one entry per day).
  const span = Math.max(0, end - minDay + 1);
  const periodOf = periodTable(minDay, span, unit);

  // Periods → freq units as (periods × days per unit) / days per freq: one rounding for day → week.
  const uDays = unit === freq ? 1 : unitDays(unit);
  const fDays = unit === freq ? 1 : unitDays(freq);
  const endPeriod = periodOf[end - minDay];
  const calPeriod = periodOf[calEnd - minDay];

  // Rows grouped by customer, in day order within a customer: stable counting sorts, O(n + days +
  // customers), copying day and amount into grouped columns so the loop below reads memory in order.
  const g = counted ? groupRows(customer, day, hasAmount ? amount : undefined, n, nCustomers, counted) : undefined;
  const out = new Columns(nCustomers, split);
  const unitIsDay = unit === 'day';
  // log of an inter-purchase time of d periods in freq units, by table (d < span): litt costs no log per purchase
  const logGap = new Float64Array(span + 1);
  for (let d = 1; d <= span; d++) logGap[d] = Math.log((d * uDays) / fDays);
  const counts = !g
    ? collapseDaysBlocked(blocks!, nCustomers, end, uDays, fDays, logGap, out)
    : collapse(g, nCustomers, hasAmount, unitIsDay, periodOf, minDay, end, calEnd, calPeriod, uDays, fDays, logGap, out);
  const kept = counts.kept;
  const afterEnd = counts.afterEnd;
  const rowsNewInHoldout = counts.rowsNewInHoldout;
  const rowsNoPurchase = counts.rowsNoPurchase;
  const customersNewInHoldout = counts.customersNewInHoldout;
  const customersNoPurchase = counts.customersNoPurchase;
  const customersAfterEnd = counts.customersAfterEnd;
  const keep = out.keep;
  const cut = <T extends Float64Array | Int32Array>(a: T): T => (kept === nCustomers ? a : (a.slice(0, kept) as T));
  const outFreq = cut(out.frequency);
  const outRec = cut(out.recency);
  const outT = cut(out.T);
  const outMon = cut(out.monetaryValue);
  const outFirst = cut(out.firstPurchase);
  const outLast = cut(out.lastPurchase);
  const outTx = cut(out.transactions);
  const outSpend = cut(out.totalSpend);
  const outLitt = cut(out.litt);
  const hoFreq = out.holdoutFrequency ? cut(out.holdoutFrequency) : undefined;
  const hoMon = out.holdoutMonetaryValue ? cut(out.holdoutMonetaryValue) : undefined;

  // The id strings are made on first use (as the table's are, see readTransactions): a million
  // customers are a million small strings, which fitting a model never needs. Every customer
  // kept: the table's id array is shared, not copied (treat both as read-only).
  let ids: string[] | undefined;
  let idsReplaced = false;
  const keptIndex = kept === nCustomers ? undefined : keep.subarray(0, kept);
  const customerIds = (): string[] => {
    const all = table.customerIds;
    if (!keptIndex) return all;
    const out = new Array<string>(keptIndex.length);
    for (let k = 0; k < keptIndex.length; k++) out[k] = all[keptIndex[k]];
    return out;
  };
  const base = table.accounting;
  const rejected: Record<string, number> = { ...base.rejected };
  if (afterEnd > 0) rejected[SUMMARY_REJECT.afterEnd] = afterEnd;
  if (rowsNewInHoldout > 0) rejected[SUMMARY_REJECT.newInHoldout] = rowsNewInHoldout;
  if (rowsNoPurchase > 0) rejected[SUMMARY_REJECT.noPurchase] = rowsNoPurchase;
  const accounting: RowAccounting = {
    read: base.read,
    used: base.used - afterEnd - rowsNewInHoldout - rowsNoPurchase,
    rejected,
    firstLines: base.firstLines,
    ...(base.notes ? { notes: base.notes } : {}),
  };
  const excludedCustomers: Record<string, number> = {};
  if (customersAfterEnd > 0) excludedCustomers['first purchase after end'] = customersAfterEnd;
  if (customersNewInHoldout > 0) excludedCustomers['first purchase after calibration end'] = customersNewInHoldout;
  if (customersNoPurchase > 0) excludedCustomers['returns only'] = customersNoPurchase;

  const summary: SummaryResult = {
    get customerIds(): string[] {
      return (ids ??= customerIds());
    },
    set customerIds(value: string[]) {
      ids = value;
      idsReplaced = true;
    },
    frequency: outFreq,
    recency: outRec,
    T: outT,
    monetaryValue: outMon,
    firstPurchase: outFirst,
    lastPurchase: outLast,
    transactions: outTx,
    totalSpend: outSpend,
    litt: outLitt,
    unit,
    freq,
    end: calEnd,
    accounting,
    excludedCustomers,
    hasAmount: table.hasAmount,
    ...(table.currency ? { currency: table.currency } : {}),
    ...(table.columnsNote ? { columnsNote: table.columnsNote } : {}),
  };
  ID_BYTES.set(summary, () => {
    if (idsReplaced) return undefined;
    const keys = customerKeyBytes(table);
    return keys && { keys, rows: keptIndex };
  });
  if (split && hoFreq && hoMon) {
    summary.holdoutFrequency = hoFreq;
    summary.holdoutMonetaryValue = hoMon;
    summary.holdoutT = new Float64Array(kept).fill(((endPeriod - calPeriod) * uDays) / fDays);
    summary.calibrationEnd = calEnd;
  }
  return summary;
}

/** Id bytes of each summary made here from a table that has them (customerKeyBytes). */
const ID_BYTES = new WeakMap<CustomerSummary, () => SummaryIdBytes | undefined>();

/** A summary's customer ids as bytes: row k's id is key c of `keys` with c = rows ? rows[k] : k. */
export interface SummaryIdBytes {
  keys: KeyBytes;
  rows: Int32Array | undefined;
}

/**
 * The customer ids of a summary made by summarize from a table read by readTransactions, as the bytes
 * read (the UTF-8 of customerIds when valid UTF-8), without a string per customer; undefined otherwise.
 *
 * @example
 * const b = summaryIdBytes(summarize(table)); // writers copy ids from b.bytes
 */
export function summaryIdBytes(summary: object): SummaryIdBytes | undefined {
  return ID_BYTES.get(summary as CustomerSummary)?.();
}

/**
 * The table customer index of each summary row (the summary keeps every table customer in table order, or
 * those `rows` says), when the summary was made by summarize from a table read by readTransactions; undefined
 * otherwise (then match customers by their id strings).
 *
 * @example
 * const at = summaryTableCustomers(summary); // at[k]: the table's customer index of summary row k
 */
export function summaryTableCustomers(summary: CustomerSummary): Int32Array | undefined {
  const b = summaryIdBytes(summary);
  if (!b) return undefined;
  if (b.rows) return b.rows;
  // every table customer: 0, 1, 2, … (a loop: Int32Array.from with a mapping function took 75 ms at 1M)
  const at = new Int32Array(summary.frequency.length);
  for (let k = 0; k < at.length; k++) at[k] = k;
  return at;
}

/**
 * The customer_id output column copied from the id bytes (row r is the summary's customer order[r], or r),
 * when the bytes are valid UTF-8 for all n customers; undefined otherwise (then write the id strings).
 *
 * @example
 * const ids = customerIdBytesColumn(summaryIdBytes(summary), summary.frequency.length) ?? { name: 'customer_id', text: (i) => summary.customerIds[i] };
 */
export function customerIdBytesColumn(b: SummaryIdBytes | undefined, n: number, order?: Int32Array): OutputColumn | undefined {
  if (!b || !b.keys.validUtf8() || (b.rows ? b.rows.length : b.keys.size) !== n) return undefined;
  const rows = b.rows;
  if (!order) return { name: 'customer_id', bytes: b.keys, ...(rows ? { rows } : {}) };
  return { name: 'customer_id', bytes: b.keys, rows: rows ? Int32Array.from(order, (i) => rows[i]) : order };
}

/**
 * Customer k's id as `summary.customerIds[k]` would give it, decoded from the id bytes when the summary
 * has them: a few ids of a million customers without making a million strings.
 *
 * @example
 * const idAt = summaryCustomerIdAt(summary); idAt(0); // 'C0000391'
 */
export function summaryCustomerIdAt(summary: CustomerSummary): (k: number) => string {
  const b = summaryIdBytes(summary);
  if (!b) return (k) => summary.customerIds[k];
  let buf = Buffer.allocUnsafe(256);
  return (k) => {
    const c = b.rows ? b.rows[k] : k;
    const len = b.keys.keyLength(c);
    if (len > buf.length) buf = Buffer.allocUnsafe(len);
    // as keys() decodes them: UTF-8 (ASCII keys read the same either way)
    return buf.toString('utf8', 0, b.keys.writeKey(c, buf, 0));
  };
}

/** Output columns sized for every customer; the first `kept` entries are filled. */
class Columns {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetaryValue: Float64Array;
  firstPurchase: Int32Array;
  lastPurchase: Int32Array;
  transactions: Int32Array;
  totalSpend: Float64Array;
  /** Σ log of the inter-purchase times in freq units (calibration), the timing statistic of the CNBD-k models. */
  litt: Float64Array;
  holdoutFrequency: Float64Array | undefined;
  holdoutMonetaryValue: Float64Array | undefined;
  /** Table customer index of each output row. */
  keep: Int32Array;
  constructor(n: number, split: boolean) {
    this.frequency = new Float64Array(n);
    this.recency = new Float64Array(n);
    this.T = new Float64Array(n);
    this.monetaryValue = new Float64Array(n);
    this.firstPurchase = new Int32Array(n);
    this.lastPurchase = new Int32Array(n);
    this.transactions = new Int32Array(n);
    this.totalSpend = new Float64Array(n);
    this.litt = new Float64Array(n);
    this.holdoutFrequency = split ? new Float64Array(n) : undefined;
    this.holdoutMonetaryValue = split ? new Float64Array(n) : undefined;
    this.keep = new Int32Array(n);
  }
}

interface Grouped {
  start: Int32Array;
  /** Row j of the grouped order: day at 2j, amount at 2j + 1. */
  rows: Float64Array;
}

/**
 * The per-customer pass over grouped rows: collapse each customer's rows into purchase periods
 * and write the summary columns. Typed arrays and numbers only (the hot loop).
 */
function collapse(
  g: Grouped,
  nCustomers: number,
  hasAmount: boolean,
  unitIsDay: boolean,
  periodOf: Int32Array,
  minDay: number,
  end: number,
  calEnd: number,
  calPeriod: number,
  uDays: number,
  fDays: number,
  logGap: Float64Array,
  out: Columns,
) {
  const start = g.start;
  const g2 = g.rows;
  const oFreq = out.frequency;
  const oRec = out.recency;
  const oT = out.T;
  const oMon = out.monetaryValue;
  const oFirst = out.firstPurchase;
  const oLast = out.lastPurchase;
  const oTx = out.transactions;
  const oSpend = out.totalSpend;
  const oLitt = out.litt;
  const hFreq = out.holdoutFrequency;
  const hMon = out.holdoutMonetaryValue;
  const keep = out.keep;
  let kept = 0;
  let afterEnd = 0;
  let rowsNewInHoldout = 0;
  let rowsNoPurchase = 0;
  let customersNewInHoldout = 0;
  let customersNoPurchase = 0;
  let customersAfterEnd = 0;
  for (let c = 0; c < nCustomers; c++) {
    const b = start[c + 1];
    let j = start[c];
    let firstP = 0;
    let firstDay = 0;
    let lastP = 0;
    let lastDay = 0;
    let purchases = 0;
    let repeatSum = 0;
    let litt = 0;
    let txRows = 0;
    let spend = 0;
    let hoPurchases = 0;
    let hoSum = 0;
    let hoRows = 0;
    while (j < b) {
      const d0 = g2[2 * j] | 0; // days are whole: keep them int32 (a double here gets boxed)
      if (d0 > end) {
        afterEnd += b - j; // rows are in day order: the rest are after the end too
        break;
      }
      const p = unitIsDay ? d0 : periodOf[d0 - minDay];
      const holdout = d0 > calEnd;
      // One purchase period of this customer (within one side of the calibration split).
      let net = 0;
      let hasReturn = false;
      let firstPurchaseDay = -1;
      let pLastDay = d0;
      const j0 = j;
      if (hasAmount) {
        for (; j < b; j++) {
          const d = g2[2 * j] | 0;
          if (d !== d0 && (unitIsDay || d > end || periodOf[d - minDay] !== p || d > calEnd !== holdout)) break;
          const v = g2[2 * j + 1];
          net += v;
          if (v < 0) hasReturn = true;
          else if (firstPurchaseDay < 0) firstPurchaseDay = d;
          pLastDay = d;
        }
      } else {
        for (; j < b; j++) {
          const d = g2[2 * j] | 0;
          if (d !== d0 && (unitIsDay || d > end || periodOf[d - minDay] !== p || d > calEnd !== holdout)) break;
          pLastDay = d;
        }
      }
      const rows = j - j0;
      // A period is a purchase when it has no returns, or when its net amount is positive.
      const purchase = !hasReturn || net > 0;
      if (!holdout) {
        txRows += rows;
        spend += net;
        if (purchase) {
          if (purchases === 0) {
            firstP = p;
            firstDay = firstPurchaseDay >= 0 ? firstPurchaseDay : d0;
          } else {
            repeatSum += net;
            litt += logGap[p - lastP];
          }
          lastP = p;
          lastDay = pLastDay;
          purchases++;
        }
      } else {
        hoRows += rows;
        if (purchase && purchases > 0) {
          hoPurchases++;
          hoSum += net;
        }
      }
    }
    if (purchases === 0) {
      if (txRows === 0 && hoRows === 0) customersAfterEnd++; // its rows are counted as 'after end'
      else if (txRows > 0) {
        customersNoPurchase++;
        rowsNoPurchase += txRows + hoRows;
      } else {
        customersNewInHoldout++;
        rowsNewInHoldout += hoRows;
      }
      continue;
    }
    const frequency = purchases - 1;
    oFreq[kept] = frequency;
    oRec[kept] = ((lastP - firstP) * uDays) / fDays;
    oT[kept] = ((calPeriod - firstP) * uDays) / fDays;
    if (!hasAmount) oMon[kept] = NaN;
    else if (frequency > 0) oMon[kept] = repeatSum / frequency;
    else oMon[kept] = 0;
    oFirst[kept] = firstDay;
    oLast[kept] = lastDay;
    oTx[kept] = txRows;
    oLitt[kept] = litt;
    if (hasAmount) oSpend[kept] = spend;
    else oSpend[kept] = NaN;
    if (hFreq && hMon) {
      hFreq[kept] = hoPurchases;
      if (!hasAmount) hMon[kept] = NaN;
      else if (hoPurchases > 0) hMon[kept] = hoSum / hoPurchases;
      else hMon[kept] = 0;
    }
    keep[kept++] = c;
  }
  return { kept, afterEnd, rowsNewInHoldout, rowsNoPurchase, customersNewInHoldout, customersNoPurchase, customersAfterEnd };
}

interface Blocks {
  /** Rows of customer block b (customers b·BLOCK ..) are [blockStart[b], blockStart[b + 1]). */
  blockStart: Int32Array;
  /**
   * Compact layout (8 bytes a row), when every amount is a whole number of cents: row k of the block
   * order has (day − firstDay) << BLOCK_SHIFT | customer within its block at i32[2k], the amount × 100 at
   * i32[2k + 1] (amount = i32[2k + 1] / 100 exactly, checked as it is stored). f64 is then undefined.
   * Wide layout (16 bytes): day at i32[4k], customer within its block at i32[4k + 1], amount at f64[2k + 1].
   */
  i32: Int32Array;
  f64: Float64Array | undefined;
  firstDay: number;
}

/**
 * The rows scattered by block of BLOCK customers (stable: row order within a block), with the
 * ingest's rows per block, in the compact layout when it holds them (half the memory to touch), else
 * the wide one; undefined when the rows are not in day order or the counts do not match the rows (a
 * table changed after the ingest).
 */
function scatterBlocks(customer: Int32Array, day: Int32Array, amount: Float64Array, n: number, nCustomers: number, blockRows: Int32Array): Blocks | undefined {
  const nBlocks = (nCustomers + BLOCK - 1) >>> BLOCK_SHIFT;
  if (blockRows.length !== nBlocks) return undefined;
  const blockStart = new Int32Array(nBlocks + 1);
  for (let b = 0; b < nBlocks; b++) blockStart[b + 1] = blockStart[b] + blockRows[b];
  if (blockStart[nBlocks] !== n) return undefined;
  const compact = scatterCompact(customer, day, amount, n, blockStart);
  if (compact !== 'wide') return compact;
  const buf = new ArrayBuffer(16 * n);
  const i32 = new Int32Array(buf);
  const f64 = new Float64Array(buf);
  const pos = blockStart.slice(0, nBlocks);
  const mask = BLOCK - 1;
  let prevD = -0x80000000;
  let byDay = true;
  for (let i = 0; i < n; i++) {
    const c = customer[i];
    const d = day[i];
    if (d < prevD) {
      byDay = false;
      break;
    }
    prevD = d;
    const k = pos[c >> BLOCK_SHIFT]++;
    i32[4 * k] = d;
    i32[4 * k + 1] = c & mask;
    f64[2 * k + 1] = amount[i];
  }
  if (!byDay) return undefined;
  // Every block got exactly its count of rows (so every row is in its block).
  for (let b = 0; b < nBlocks; b++) if (pos[b] !== blockStart[b + 1]) return undefined;
  return { blockStart, i32, f64, firstDay: 0 };
}

/** Days after the first that the compact layout holds beside a customer within its block. */
const COMPACT_DAYS = 1 << (31 - BLOCK_SHIFT);

/** scatterBlocks in the compact layout; 'wide' when a row does not fit it (an amount not in whole cents, a long span). */
function scatterCompact(customer: Int32Array, day: Int32Array, amount: Float64Array, n: number, blockStart: Int32Array): Blocks | undefined | 'wide' {
  const nBlocks = blockStart.length - 1;
  const i32 = new Int32Array(2 * n);
  const pos = blockStart.slice(0, nBlocks);
  const mask = BLOCK - 1;
  const firstDay = day[0];
  let prevD = firstDay;
  for (let i = 0; i < n; i++) {
    const c = customer[i];
    const d = day[i];
    if (d < prevD) return undefined;
    prevD = d;
    const v = amount[i];
    const cents = Math.round(v * 100);
    if (cents / 100 !== v || cents > 0x7fffffff || cents < -0x7fffffff || d - firstDay >= COMPACT_DAYS) return 'wide';
    const k = pos[c >> BLOCK_SHIFT]++;
    i32[2 * k] = ((d - firstDay) << BLOCK_SHIFT) | (c & mask);
    i32[2 * k + 1] = cents;
  }
  for (let b = 0; b < nBlocks; b++) if (pos[b] !== blockStart[b + 1]) return undefined;
  return { blockStart, i32, f64: undefined, firstDay };
}

/**
 * collapse (day periods, amounts, no calibration split) for rows in day order scattered by block of customers (scatterBlocks): one pass
 * over each block's rows (in day order) with a running state per customer of the block (small
 * arrays, in cache), closing a customer's period when a later day of theirs comes. The periods
 * of each customer close in day order and their rows are added in row order: the same steps and
 * sums in the same order as collapse.
 */
function collapseDaysBlocked(blocks: Blocks, nCustomers: number, end: number, uDays: number, fDays: number, logGap: Float64Array, out: Columns) {
  const { blockStart, i32, f64, firstDay } = blocks;
  const nBlocks = blockStart.length - 1;
  const mask = BLOCK - 1;
  const NONE = -0x80000000;
  // The state of each customer of the block in one 64-byte cache line (a row touches one line):
  // int32 at si[16l ..]: open period's day (NONE: none), whether it has a return, first and last
  // purchase day, purchases, rows; float64 at sf[8l + 4 ..]: open period's net amount, repeat
  // sum, total spend, litt (Σ log inter-purchase times). With day periods a period's first purchase day is the period itself.
  const state = new ArrayBuffer(64 * BLOCK);
  const si = new Int32Array(state);
  const sf = new Float64Array(state);
  for (let l = 0; l < BLOCK; l++) si[l << 4] = NONE;
  const oFreq = out.frequency;
  const oRec = out.recency;
  const oT = out.T;
  const oMon = out.monetaryValue;
  const oFirst = out.firstPurchase;
  const oLast = out.lastPurchase;
  const oTx = out.transactions;
  const oSpend = out.totalSpend;
  const oLitt = out.litt;
  const keep = out.keep;
  let kept = 0;
  let afterEnd = 0;
  let rowsNoPurchase = 0;
  let customersNoPurchase = 0;
  let customersAfterEnd = 0;
  for (let blk = 0; blk < nBlocks; blk++) {
    const r1 = blockStart[blk + 1];
    for (let k = blockStart[blk]; k < r1; k++) {
      let d: number;
      let l: number;
      let v: number;
      if (f64 === undefined) {
        const key = i32[2 * k];
        d = (key >>> BLOCK_SHIFT) + firstDay;
        l = key & mask;
        v = i32[2 * k + 1] / 100; // exactly the amount (checked by scatterCompact); -0 reads as 0, alike in every sum from +0
      } else {
        d = i32[4 * k];
        l = i32[4 * k + 1];
        v = f64[2 * k + 1];
      }
      if (d > end) {
        afterEnd++;
        continue;
      }
      const o = l << 4;
      const of = (l << 3) + 4;
      const d0 = si[o];
      if (d0 !== d) {
        if (d0 !== NONE) {
          // Close the customer's open period (of day d0): a purchase unless it has a return and nets to <= 0.
          const net = sf[of];
          sf[of + 2] += net;
          if (si[o + 1] === 0 || net > 0) {
            if (si[o + 4] === 0) si[o + 2] = d0;
            else {
              sf[of + 1] += net;
              sf[of + 3] += logGap[d0 - si[o + 3]];
            }
            si[o + 3] = d0;
            si[o + 4]++;
          }
        }
        si[o] = d;
        sf[of] = 0 + v; // as collapse: the period's sum starts at +0
        si[o + 1] = v < 0 ? 1 : 0;
      } else {
        sf[of] += v;
        if (v < 0) si[o + 1] = 1;
      }
      si[o + 5]++;
    }
    const c0 = blk << BLOCK_SHIFT;
    const nc = Math.min(BLOCK, nCustomers - c0);
    for (let l = 0; l < nc; l++) {
      const o = l << 4;
      const of = (l << 3) + 4;
      let purchases = si[o + 4];
      let firstP = si[o + 2];
      let lastP = si[o + 3];
      let repeatSum = sf[of + 1];
      let spend = sf[of + 2];
      let litt = sf[of + 3];
      const txRows = si[o + 5];
      const d0 = si[o];
      if (d0 !== NONE) {
        const net = sf[of];
        spend += net;
        if (si[o + 1] === 0 || net > 0) {
          if (purchases === 0) firstP = d0;
          else {
            repeatSum += net;
            litt += logGap[d0 - lastP];
          }
          lastP = d0;
          purchases++;
        }
      }
      // Reset for the next block.
      si[o] = NONE;
      si[o + 1] = 0;
      si[o + 2] = 0;
      si[o + 3] = 0;
      si[o + 4] = 0;
      si[o + 5] = 0;
      sf[of] = 0;
      sf[of + 1] = 0;
      sf[of + 2] = 0;
      sf[of + 3] = 0;
      if (purchases === 0) {
        if (txRows === 0) customersAfterEnd++;
        else {
          customersNoPurchase++;
          rowsNoPurchase += txRows;
        }
        continue;
      }
      const frequency = purchases - 1;
      oFreq[kept] = frequency;
      oRec[kept] = ((lastP - firstP) * uDays) / fDays;
      oT[kept] = ((end - firstP) * uDays) / fDays;
      oMon[kept] = frequency > 0 ? repeatSum / frequency : 0;
      oFirst[kept] = firstP;
      oLast[kept] = lastP;
      oTx[kept] = txRows;
      oSpend[kept] = spend;
      oLitt[kept] = litt;
      keep[kept++] = c0 + l;
    }
  }
  return { kept, afterEnd, rowsNewInHoldout: 0, rowsNoPurchase, customersNewInHoldout: 0, customersNoPurchase, customersAfterEnd };
}

function fmt(d: Day): string {
  const [y, m, dd] = civilFromDays(d);
  return `${y}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/**
 * Period number of each day minDay + k (k < span): the day itself, the Monday-start week
 * (1970-01-05 was a Monday, day 4), or the calendar month (year × 12 + month − 1).
 */
export function periodTable(minDay: Day, span: number, unit: PeriodUnit): Int32Array {
  const t = new Int32Array(Math.max(span, 1));
  for (let k = 0; k < span; k++) {
    const d = minDay + k;
    if (unit === 'day') t[k] = d;
    else if (unit === 'week') t[k] = Math.floor((d - 4) / 7);
    else {
      const [y, m] = civilFromDays(d);
      t[k] = y * 12 + m - 1;
    }
  }
  return t;
}

interface Counted {
  /** Customer c's rows will be [start[c], start[c + 1]) of the grouped order. */
  start: Int32Array;
  minDay: number;
  maxDay: number;
  /** Rows already grouped by customer in day order / in day order (customers interleaved). */
  grouped: boolean;
  byDay: boolean;
}

/** The day range, the rows per customer (as group starts) and how the rows are ordered: one pass. */
function countRows(customer: Int32Array, day: Int32Array, n: number, nCustomers: number): Counted {
  const start = new Int32Array(nCustomers + 1);
  let grouped = true;
  let byDay = true;
  let prevC = -1;
  let prevD = -0x80000000;
  let minDay = 0x7fffffff;
  let maxDay = -0x80000000;
  for (let i = 0; i < n; i++) {
    const c = customer[i];
    const d = day[i];
    start[c + 1]++;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
    if (d < prevD) {
      byDay = false;
      if (c === prevC) grouped = false;
    }
    if (c < prevC) grouped = false;
    prevC = c;
    prevD = d;
  }
  for (let c = 0; c < nCustomers; c++) start[c + 1] += start[c];
  return { start, minDay, maxDay, grouped, byDay };
}

/**
 * Day and amount columns grouped by customer, days ascending within a customer (stable):
 * customer c's rows are [start[c], start[c+1]). Already grouped tables are used as they are;
 * tables in day order (most exports) need one scatter pass.
 */
function groupRows(customer: Int32Array, day: Int32Array, amount: Float64Array | undefined, n: number, nCustomers: number, counted: Counted): Grouped {
  const { start, grouped, byDay, minDay, maxDay } = counted;
  // Day and amount side by side: one cache line written per row by the scatter, not two.
  const rows = new Float64Array(2 * n);
  if (grouped) {
    for (let i = 0; i < n; i++) {
      rows[2 * i] = day[i];
      rows[2 * i + 1] = amount ? amount[i] : 0;
    }
    return { start, rows };
  }
  if (byDay) {
    // start[c] serves as customer c's write position (it ends at c + 1's start), then shifts back.
    if (amount) {
      for (let i = 0; i < n; i++) {
        const pos = 2 * start[customer[i]]++;
        rows[pos] = day[i];
        rows[pos + 1] = amount[i];
      }
    } else {
      for (let i = 0; i < n; i++) rows[2 * start[customer[i]]++] = day[i];
    }
    start.copyWithin(1, 0, nCustomers);
    start[0] = 0;
    return { start, rows };
  }
  const { index } = groupOrder(customer, day, n, nCustomers, minDay, maxDay);
  for (let k = 0; k < n; k++) {
    const i = index[k];
    rows[2 * k] = day[i];
    rows[2 * k + 1] = amount ? amount[i] : 0;
  }
  return { start, rows };
}

/**
 * Row order grouped by customer and by day within a customer: `index[start[c] .. start[c+1])`
 * are customer c's rows in day order (stable).
 */
export function groupOrder(
  customer: Int32Array,
  day: Int32Array,
  n: number,
  nCustomers: number,
  minDay: number,
  maxDay: number,
): { index: Int32Array; start: Int32Array } {
  const start = new Int32Array(nCustomers + 1);
  for (let i = 0; i < n; i++) start[customer[i] + 1]++;
  for (let c = 0; c < nCustomers; c++) start[c + 1] += start[c];
  let sorted = true;
  for (let i = 1; i < n; i++) {
    const c0 = customer[i - 1];
    const c1 = customer[i];
    if (c1 < c0 || (c1 === c0 && day[i] < day[i - 1])) {
      sorted = false;
      break;
    }
  }
  const index = new Int32Array(n);
  if (sorted) {
    for (let i = 0; i < n; i++) index[i] = i;
    return { index, start };
  }
  // Pass 1: rows by day (counting sort over the day range).
  const span = maxDay - minDay + 1;
  const byDay = new Int32Array(n);
  if (span <= 4 * n + 1024) {
    const count = new Int32Array(span + 1);
    for (let i = 0; i < n; i++) count[day[i] - minDay + 1]++;
    for (let k = 0; k < span; k++) count[k + 1] += count[k];
    for (let i = 0; i < n; i++) byDay[count[day[i] - minDay]++] = i;
  } else {
    for (let i = 0; i < n; i++) byDay[i] = i;
    byDay.sort((x, y) => day[x] - day[y] || x - y);
  }
  // Pass 2: stable by customer.
  const next = start.slice(0, nCustomers);
  for (let k = 0; k < n; k++) {
    const i = byDay[k];
    index[next[customer[i]]++] = i;
  }
  return { index, start };
}
