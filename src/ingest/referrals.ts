/**
 * The referral log `referrer, referred, date[, would_have_joined][, acquisition_cost]` (Kumar, Petersen &
 * Leone 2010): who brought in whom, when, whether the referred customer would have joined anyway (type
 * two) or not (type one), and the acquisition cost the referral saved. Read like the other side inputs
 * (readTable: delimiter, BOM, CRLF, quotes, decimal comma; dates decided over the file) with the
 * transactions' rules: the first bad row is an error at file:line:column unless `skipBadRows`, which
 * counts it per reason instead.
 */
import { ClvkitError } from '../errors.ts';
import type { RowAccounting } from '../types.ts';
import type { DateFormat } from './dates.ts';
import { parseNumber } from './number.ts';
import { readPlainTable } from './plain-table.ts';
import { columnIndex, optionalColumnIndex, type Table, type TableOptions } from './table.ts';
import { dateCell, tableDateFormat } from './table-dates.ts';

/**
 * Referrals in file order (columnar). `type` is 1 (would not have joined: type one), 0 (would have
 * joined anyway: type two) or -1 (not known); `acquisitionCost` is NaN when not given.
 *
 * @example
 * const log: ReferralLog = readReferrals('referrals.csv');
 * log.referrer[0]; log.referred[0]; log.day[0]; log.type[0];
 */
export interface ReferralLog {
  file: string;
  referrer: string[];
  referred: string[];
  day: Int32Array;
  type: Int8Array;
  acquisitionCost: Float64Array;
  /** 1-based line of each referral in the file. */
  line: Int32Array;
  length: number;
  hasTypeColumn: boolean;
  hasCostColumn: boolean;
  accounting: RowAccounting;
}

/**
 * @example
 * readReferrals('refs.csv', { referrerCol: 'sponsor', referredCol: 'godchild', skipBadRows: true });
 */
export interface ReferralReadOptions extends TableOptions {
  referrerCol?: string;
  referredCol?: string;
  dateCol?: string;
  typeCol?: string;
  costCol?: string;
  dateFormat?: DateFormat;
  /** Count bad rows per reason and go on (default: stop at the first with file:line:column). */
  skipBadRows?: boolean;
}

/**
 * Accepted column names (after lower-casing, accents off, spaces to `_`), English and French.
 *
 * @example
 * REFERRAL_COLUMNS.referrer; // ['referrer', 'referrer_id', 'parrain', ...]
 */
export const REFERRAL_COLUMNS = {
  referrer: ['referrer', 'referrer_id', 'referring_customer', 'sponsor', 'parrain', 'id_parrain', 'recommandeur'],
  referred: ['referred', 'referred_id', 'referred_customer', 'referee', 'filleul', 'id_filleul', 'recommande', 'new_customer'],
  date: ['date', 'referral_date', 'date_parrainage', 'date_recommandation', 'referred_on'],
  type: ['would_have_joined', 'would_have_joined_anyway', 'type_two', 'aurait_rejoint', 'serait_venu'],
  cost: ['acquisition_cost', 'cost_saved', 'acquisition_cost_saved', 'cout_acquisition', 'cout_d_acquisition'],
};

/** Rejection reasons (RowAccounting.rejected). */
export const REFERRAL_REJECT = {
  referrer: 'missing referrer',
  referred: 'missing referred customer',
  missingDate: 'missing date',
  date: 'bad date',
  type: 'bad would_have_joined',
  cost: 'bad acquisition cost',
  self: 'self-referral',
  duplicate: 'referred customer already referred',
} as const;

const YES = new Set(['1', 'true', 'yes', 'y', 'oui', 'o', 'vrai', 't']);
const NO = new Set(['0', 'false', 'no', 'n', 'non', 'faux', 'f']);

/**
 * Read a referral log. Bad cells (a missing id or date, a date that is not one, a would_have_joined that
 * is not yes/no/true/false/1/0/oui/non or empty, an acquisition cost that is not a number ≥ 0) stop the
 * read with file:line:column unless `skipBadRows`. A self-referral and a customer referred a second time
 * (a customer joins once: the first row is kept) are always counted as rejected, never an error.
 *
 * @example
 * const log = readReferrals('referrals.csv');
 * log.accounting; // { read: 120, used: 118, rejected: { 'self-referral': 2 } }
 */
export function readReferrals(path: string, options: ReferralReadOptions = {}): ReferralLog {
  return referralsFromTable(readPlainTable(path, options), options);
}

/**
 * Same as readReferrals, from a table already read.
 *
 * @example
 * referralsFromTable(parseTable('referrer,referred,date\nA,B,2024-01-02\n', 'r.csv')).referred; // ['B']
 */
export function referralsFromTable(table: Table, options: ReferralReadOptions = {}): ReferralLog {
  const ri = columnIndex(table, REFERRAL_COLUMNS.referrer, 'referrer', options.referrerCol);
  const di = columnIndex(table, REFERRAL_COLUMNS.referred, 'referred customer', options.referredCol);
  const ti = columnIndex(table, REFERRAL_COLUMNS.date, 'referral date', options.dateCol);
  const wi = optionalColumnIndex(table, REFERRAL_COLUMNS.type, 'would_have_joined', options.typeCol);
  const ci = optionalColumnIndex(table, REFERRAL_COLUMNS.cost, 'acquisition cost', options.costCol);
  const format = tableDateFormat(table, [ti], options.dateFormat);
  const n = table.rows.length;
  const accounting: RowAccounting = { read: n, used: 0, rejected: {}, firstLines: {} };
  const referrer: string[] = [];
  const referred: string[] = [];
  const day = new Int32Array(n);
  const type = new Int8Array(n);
  const cost = new Float64Array(n);
  const line = new Int32Array(n);
  const seen = new Set<string>();
  let k = 0;
  const reject = (reason: string, at: number): void => {
    accounting.rejected[reason] = (accounting.rejected[reason] ?? 0) + 1;
    const first = (accounting.firstLines![reason] ??= []);
    if (first.length < 5) first.push(at);
  };
  const bad = (reason: string, at: number, col: number, what: string): void => {
    if (!options.skipBadRows) {
      throw new ClvkitError(`${what} in column "${table.header[col]}" (fix the row, or use --skip-bad-rows to count and skip such rows)`, {
        file: table.file,
        line: at,
        column: col + 1,
      });
    }
    reject(reason, at);
  };
  for (let r = 0; r < n; r++) {
    const row = table.rows[r];
    const at = table.lines[r];
    const from = row[ri].trim();
    const to = row[di].trim();
    const dateText = row[ti].trim();
    if (from === '') {
      bad(REFERRAL_REJECT.referrer, at, ri, 'missing referrer');
      continue;
    }
    if (to === '') {
      bad(REFERRAL_REJECT.referred, at, di, 'missing referred customer');
      continue;
    }
    if (dateText === '') {
      bad(REFERRAL_REJECT.missingDate, at, ti, 'missing date');
      continue;
    }
    const d = dateCell(dateText, format);
    if (Number.isNaN(d)) {
      bad(REFERRAL_REJECT.date, at, ti, `expected a date (2024-01-31, 20240131 or 31/01/2024), got "${dateText}"`);
      continue;
    }
    let t = -1;
    if (wi >= 0) {
      const w = row[wi].trim().toLowerCase();
      if (w !== '') {
        if (YES.has(w)) t = 0; // would have joined anyway: type two
        else if (NO.has(w)) t = 1; // would not have joined without the referral: type one
        else {
          bad(REFERRAL_REJECT.type, at, wi, `expected yes/no, true/false, 1/0 or oui/non (or empty when not known), got "${row[wi].trim()}"`);
          continue;
        }
      }
    }
    let c = NaN;
    if (ci >= 0 && row[ci].trim() !== '') {
      c = parseNumber(row[ci], table.decimal);
      if (!(c >= 0)) {
        bad(REFERRAL_REJECT.cost, at, ci, `expected an acquisition cost >= 0, got "${row[ci].trim()}"`);
        continue;
      }
    }
    if (from === to) {
      reject(REFERRAL_REJECT.self, at);
      continue;
    }
    if (seen.has(to)) {
      reject(REFERRAL_REJECT.duplicate, at);
      continue;
    }
    seen.add(to);
    referrer.push(from);
    referred.push(to);
    day[k] = d;
    type[k] = t;
    cost[k] = c;
    line[k] = at;
    k++;
  }
  accounting.used = k;
  return {
    file: table.file,
    referrer,
    referred,
    day: day.slice(0, k),
    type: type.slice(0, k),
    acquisitionCost: cost.slice(0, k),
    line: line.slice(0, k),
    length: k,
    hasTypeColumn: wi >= 0,
    hasCostColumn: ci >= 0,
    accounting,
  };
}
