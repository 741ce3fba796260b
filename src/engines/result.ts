/**
 * Rows of the engine variant of the summary statement (summarySql with output 'engine') into a
 * SummaryResult with the node engine's row accounting and excluded-customer counts.
 */
import { count } from '../plural.ts';
import { ClvkitError, UsageError } from '../errors.ts';
import { formatDay } from '../ingest/dates.ts';
import { REJECT } from '../ingest/transactions.ts';
import { SUMMARY_REJECT, periodTable, unitDays, type SummaryResult } from '../summary/summarize.ts';
import type { Day, PeriodUnit } from '../types.ts';
import { SIDE } from './sql.ts';
import { grown } from '../typed-map.ts';

/** One customer's counts and periods as the DuckDB engine's statement returns them (duckdb-sql.ts). */
export interface EngineCustomer {
  purchases: number;
  firstP: number;
  lastP: number;
  firstDay: number;
  lastDay: number;
  /** Net of the calibration purchase periods after the first (NaN without amounts). */
  repeatSum: number;
  txRows: number;
  spend: number;
  afterRows: number;
  minDay: number;
  maxDay: number;
  hoRows: number;
  hoPurchases: number;
  hoSum: number;
  /** Σ log inter-purchase times (the CNBD-k timing statistic). */
  litt: number;
}

/** Column order of the engine statement (summarySql output 'engine'). */
export const ENGINE_COLUMNS = [
  'customer_id',
  'frequency',
  'recency',
  'T',
  'monetary_value',
  'first_purchase',
  'last_purchase',
  'transactions',
  'total_spend',
] as const;
export const HOLDOUT_COLUMNS = ['holdout_frequency', 'holdout_monetary_value', 'holdout_T'] as const;
export const COUNT_COLUMNS = [
  'purchases',
  'holdout_rows',
  'after_rows',
  'bad_rows',
  'missing_date_rows',
  'bad_date_rows',
  'missing_amount_rows',
  'bad_amount_rows',
  'min_day',
  'max_day',
  'end_day',
  'first_p',
  'litt',
  'fields_rows',
  'date_range_rows',
  'amount_range_rows',
  'missing_customer_rows',
] as const;

function toNumber(v: unknown, ifNull: number): number {
  return v === null || v === undefined ? ifNull : typeof v === 'number' ? v : Number(v);
}

/** An engine found bad rows without --skip-bad-rows (the caller may find the first one's line, see duckdb.ts). */
export class BadRowsError extends ClvkitError {}

/** Growable columns filled row by row by an engine. */
export class SummaryCollector {
  private cap = 1024;
  n = 0;
  /**
   * The ids as UTF-8 bytes end to end (outside the V8 heap) and each id's end offset: the id
   * strings are made on first use of `customerIds` (as the node engine's summary does), so ten
   * million customers are not ten million live heap strings while a model is fitted.
   */
  private idBytes = Buffer.allocUnsafe(1 << 16);
  private idPos = 0;
  private idEnd = new Int32Array(this.cap);
  frequency = new Float64Array(this.cap);
  recency = new Float64Array(this.cap);
  T = new Float64Array(this.cap);
  monetary = new Float64Array(this.cap);
  first = new Int32Array(this.cap);
  last = new Int32Array(this.cap);
  tx = new Int32Array(this.cap);
  spend = new Float64Array(this.cap);
  litt = new Float64Array(this.cap);
  /** Whether the statement returns litt (summarySql does; an engine with its own SQL may not: then the summary has none). */
  hasLitt = true;
  hoFreq: Float64Array | undefined;
  hoMon: Float64Array | undefined;
  hoT = NaN;
  // Accounting over all customers of the source.
  read = 0;
  afterEnd = 0;
  rowsNewInHoldout = 0;
  rowsNoPurchase = 0;
  customersAfterEnd = 0;
  customersNewInHoldout = 0;
  customersNoPurchase = 0;
  missingCustomer = 0;
  missingDate = 0;
  badDate = 0;
  missingAmount = 0;
  badAmount = 0;
  fields = 0;
  dateRange = 0;
  amountRange = 0;
  minDay = Infinity;
  maxDay = -Infinity;
  endDay = NaN;
  hasAmount = true;

  /**
   * `deferEnd`: the statement ran with summarySql's deferEnd (no --end): the end is the last valid
   * date, known once every row is in; T (and holdout T) are then computed here.
   */
  constructor(
    readonly split: boolean,
    readonly deferEnd = false,
  ) {
    if (split) {
      this.hoFreq = new Float64Array(this.cap);
      this.hoMon = new Float64Array(this.cap);
    }
  }

  private grow(): void {
    this.cap *= 2;
    const g = <A extends Float64Array | Int32Array>(a: A): A => grown(a, this.cap);
    this.frequency = g(this.frequency);
    this.recency = g(this.recency);
    this.T = g(this.T);
    this.monetary = g(this.monetary);
    this.first = g(this.first);
    this.last = g(this.last);
    this.tx = g(this.tx);
    this.spend = g(this.spend);
    this.litt = g(this.litt);
    if (this.hoFreq) this.hoFreq = g(this.hoFreq);
    if (this.hoMon) this.hoMon = g(this.hoMon);
    this.idEnd = g(this.idEnd);
  }

  private pushId(i: number, id: string): void {
    const need = this.idPos + 3 * id.length;
    if (need > this.idBytes.length) {
      let size = this.idBytes.length * 2;
      while (size < need) size *= 2;
      const b = Buffer.allocUnsafe(size);
      this.idBytes.copy(b, 0, 0, this.idPos);
      this.idBytes = b;
    }
    this.idPos += this.idBytes.write(id, this.idPos, 'utf8');
    this.idEnd[i] = this.idPos;
  }

  /** The id strings of the first `n` customers (decoded from the packed bytes). */
  private static decodeIds(bytes: Buffer, ends: Int32Array, n: number): string[] {
    const out = new Array<string>(n);
    let start = 0;
    for (let i = 0; i < n; i++) {
      const end = ends[i];
      out[i] = bytes.toString('utf8', start, end);
      start = end;
    }
    return out;
  }

  /**
   * One row of the engine statement, values in ENGINE_COLUMNS (+ HOLDOUT_COLUMNS when split) +
   * COUNT_COLUMNS order (null for SQL NULL).
   */
  add(row: ArrayLike<unknown>): void {
    const h = this.split ? 3 : 0;
    const id = row[0] as string | null;
    const purchases = toNumber(row[9 + h], 0);
    const txRows = toNumber(row[7], 0);
    const hoRows = toNumber(row[10 + h], 0);
    const after = toNumber(row[11 + h], 0);
    const bad = toNumber(row[12 + h], 0);
    this.read += txRows + hoRows + after + bad;
    this.afterEnd += after;
    const end = toNumber(row[19 + h], NaN);
    if (end === end) this.endDay = end;
    // Reasons in the node ingest's order of checks (a row without a customer may fail on its date first).
    this.missingDate += toNumber(row[13 + h], 0);
    this.badDate += toNumber(row[14 + h], 0);
    this.missingAmount += toNumber(row[15 + h], 0);
    this.badAmount += toNumber(row[16 + h], 0);
    // Statements without the range and field counts (ClickHouse's) check the customer first: all its bad rows are missing customers.
    const counted = row.length > 25 + h;
    if (counted) {
      this.fields += toNumber(row[22 + h], 0);
      this.dateRange += toNumber(row[23 + h], 0);
      this.amountRange += toNumber(row[24 + h], 0);
      this.missingCustomer += toNumber(row[25 + h], 0);
    }
    if (id === null || id === '') {
      if (!counted) this.missingCustomer += bad;
      return;
    }
    const i = this.kept(id, purchases, txRows, hoRows, after, toNumber(row[17 + h], NaN), toNumber(row[18 + h], NaN));
    if (i < 0) return;
    this.frequency[i] = toNumber(row[1], NaN);
    this.recency[i] = toNumber(row[2], NaN);
    this.monetary[i] = toNumber(row[4], NaN);
    this.first[i] = toNumber(row[5], NaN);
    this.last[i] = toNumber(row[6], NaN);
    this.tx[i] = txRows;
    this.spend[i] = toNumber(row[8], NaN);
    if (row.length > 21 + h) this.litt[i] = toNumber(row[21 + h], 0);
    else this.hasLitt = false;
    // With a deferred end, T is computed in finish() from the first purchase period.
    this.T[i] = this.deferEnd ? toNumber(row[20 + h], NaN) : toNumber(row[3], NaN);
    if (this.split) {
      this.hoFreq![i] = toNumber(row[9], NaN);
      this.hoMon![i] = toNumber(row[10], NaN);
      this.hoT = toNumber(row[11], NaN);
    }
  }

  /**
   * The accounting of one customer of the source (the valid days it spans, and why it is excluded
   * when it has no calibration purchase); the index of its summary row, or −1 when excluded.
   */
  private kept(id: string, purchases: number, txRows: number, hoRows: number, after: number, minDay: number, maxDay: number): number {
    if (minDay < this.minDay) this.minDay = minDay;
    if (maxDay > this.maxDay) this.maxDay = maxDay;
    if (purchases === 0) {
      if (txRows === 0 && hoRows === 0) {
        if (after > 0) this.customersAfterEnd++;
      } else if (txRows > 0) {
        this.customersNoPurchase++;
        this.rowsNoPurchase += txRows + hoRows;
      } else {
        this.customersNewInHoldout++;
        this.rowsNewInHoldout += hoRows;
      }
      return -1;
    }
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.pushId(i, id);
    return i;
  }

  /** Rows rejected for one reason, a SIDE code above afterEnd (sql.ts), counted by an engine. */
  rejectRows(side: number, rows: number): void {
    this.read += rows;
    if (side === SIDE.missingCustomer) this.missingCustomer += rows;
    else if (side === SIDE.missingDate) this.missingDate += rows;
    else if (side === SIDE.badDate) this.badDate += rows;
    else if (side === SIDE.missingAmount) this.missingAmount += rows;
    else if (side === SIDE.badAmount) this.badAmount += rows;
    else if (side === SIDE.fields) this.fields += rows;
    else if (side === SIDE.dateRange) this.dateRange += rows;
    else if (side === SIDE.amountRange) this.amountRange += rows;
    else throw new Error(`unknown row side ${side}`);
  }

  /**
   * One customer of the source from its counts and periods (the DuckDB engine's statement,
   * duckdb-sql.ts): frequency, recency and the means as summarize.ts computes them; T (and holdout
   * T) in finish() from the first purchase period, so the collector must be made with deferEnd.
   * `u` / `f`: days per unit and per freq (1 and 1 when they are the same unit).
   */
  addCustomer(id: string, c: EngineCustomer, u: number, f: number): void {
    this.read += c.txRows + c.hoRows + c.afterRows;
    this.afterEnd += c.afterRows;
    const i = this.kept(id, c.purchases, c.txRows, c.hoRows, c.afterRows, c.minDay, c.maxDay);
    if (i < 0) return;
    this.frequency[i] = c.purchases - 1;
    // summarize.ts: recency = ((last − first) periods × days per unit) / days per freq
    this.recency[i] = ((c.lastP - c.firstP) * u) / f;
    this.monetary[i] = c.purchases > 1 ? c.repeatSum / (c.purchases - 1) : c.repeatSum === c.repeatSum ? 0 : NaN;
    this.first[i] = c.firstDay;
    this.last[i] = c.lastDay;
    this.tx[i] = c.txRows;
    this.spend[i] = c.spend;
    this.litt[i] = c.litt;
    this.T[i] = c.firstP;
    if (this.split) {
      this.hoFreq![i] = c.hoPurchases;
      this.hoMon![i] = c.hoPurchases > 0 ? c.hoSum / c.hoPurchases : c.hoSum === c.hoSum ? 0 : NaN;
    }
  }

  /** The summary, checked like summarize() checks its input. */
  finish(o: { unit: PeriodUnit; freq: PeriodUnit; end?: Day; calibrationEnd?: Day; skipBadRows?: boolean; hasAmount: boolean; source: string }): SummaryResult {
    const ingestRejects: Record<string, number> = {};
    if (this.missingCustomer > 0) ingestRejects[REJECT.customer] = this.missingCustomer;
    if (this.missingDate > 0) ingestRejects[REJECT.missingDate] = this.missingDate;
    if (this.badDate > 0) ingestRejects[REJECT.date] = this.badDate;
    if (this.missingAmount > 0) ingestRejects[REJECT.missingAmount] = this.missingAmount;
    if (this.badAmount > 0) ingestRejects[REJECT.amount] = this.badAmount;
    if (this.fields > 0) ingestRejects[REJECT.fields] = this.fields;
    if (this.dateRange > 0) ingestRejects[REJECT.dateRange] = this.dateRange;
    if (this.amountRange > 0) ingestRejects[REJECT.amountRange] = this.amountRange;
    const nBad = Object.values(ingestRejects).reduce((a, b) => a + b, 0);
    if (nBad > 0 && !o.skipBadRows) {
      const what = Object.entries(ingestRejects)
        .map(([k, v]) => `${count(v, 'row', 'rows')} with a ${k.replace(/^bad /, 'bad ').replace(/^missing /, 'missing ')}`)
        .join(', ');
      throw new BadRowsError(`${o.source}: ${what}; fix them or pass --skip-bad-rows to count them and keep going`);
    }
    if (!Number.isFinite(this.minDay)) throw new ClvkitError(`${o.source}: no transactions to summarise`);
    const end = o.end ?? (this.deferEnd ? this.maxDay : this.endDay);
    const calEnd = o.calibrationEnd ?? end;
    if (o.calibrationEnd !== undefined && calEnd >= end) {
      throw new UsageError(`--calibration-end must be before the end of observation (${formatDay(end)}), got ${formatDay(calEnd)}`);
    }
    if (end < this.minDay) throw new ClvkitError(`--end ${formatDay(end)} is before the first transaction (${formatDay(this.minDay)})`);
    if (o.calibrationEnd !== undefined && calEnd < this.minDay) {
      throw new ClvkitError(`--calibration-end ${formatDay(calEnd)} is before the first transaction (${formatDay(this.minDay)})`);
    }
    const n = this.n;
    if (this.deferEnd) {
      // summarize.ts: T = ((calPeriod − firstP) × uDays) / fDays, holdout T = ((endPeriod − calPeriod) × uDays) / fDays.
      const same = o.unit === o.freq;
      const uDays = same ? 1 : unitDays(o.unit);
      const fDays = same ? 1 : unitDays(o.freq);
      const calPeriod = periodTable(calEnd, 1, o.unit)[0];
      const endPeriod = periodTable(end, 1, o.unit)[0];
      for (let i = 0; i < n; i++) this.T[i] = ((calPeriod - this.T[i]) * uDays) / fDays;
      this.hoT = ((endPeriod - calPeriod) * uDays) / fDays;
    }
    const rejected: Record<string, number> = { ...ingestRejects };
    if (this.afterEnd > 0) rejected[SUMMARY_REJECT.afterEnd] = this.afterEnd;
    if (this.rowsNewInHoldout > 0) rejected[SUMMARY_REJECT.newInHoldout] = this.rowsNewInHoldout;
    if (this.rowsNoPurchase > 0) rejected[SUMMARY_REJECT.noPurchase] = this.rowsNoPurchase;
    const used = this.read - Object.values(rejected).reduce((a, b) => a + b, 0);
    const excludedCustomers: Record<string, number> = {};
    if (this.customersAfterEnd > 0) excludedCustomers['first purchase after end'] = this.customersAfterEnd;
    if (this.customersNewInHoldout > 0) excludedCustomers['first purchase after calibration end'] = this.customersNewInHoldout;
    if (this.customersNoPurchase > 0) excludedCustomers['returns only'] = this.customersNoPurchase;
    const idBytes = Buffer.from(this.idBytes.subarray(0, this.idPos)); // a copy: no slack kept
    const idEnd = this.idEnd.slice(0, n);
    let ids: string[] | undefined;
    const s: SummaryResult = {
      get customerIds(): string[] {
        return (ids ??= SummaryCollector.decodeIds(idBytes, idEnd, n));
      },
      set customerIds(value: string[]) {
        ids = value;
      },
      frequency: this.frequency.slice(0, n),
      recency: this.recency.slice(0, n),
      T: this.T.slice(0, n),
      monetaryValue: this.monetary.slice(0, n),
      firstPurchase: this.first.slice(0, n),
      lastPurchase: this.last.slice(0, n),
      transactions: this.tx.slice(0, n),
      totalSpend: this.spend.slice(0, n),
      ...(this.hasLitt ? { litt: this.litt.slice(0, n) } : {}),
      unit: o.unit,
      freq: o.freq,
      end: calEnd,
      accounting: { read: this.read, used, rejected },
      excludedCustomers,
    };
    if (this.split) {
      s.holdoutFrequency = this.hoFreq!.slice(0, n);
      s.holdoutMonetaryValue = this.hoMon!.slice(0, n);
      s.holdoutT = new Float64Array(n).fill(this.hoT);
      s.calibrationEnd = calEnd;
    }
    return s;
  }
}
