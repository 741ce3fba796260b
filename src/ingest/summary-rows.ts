/**
 * The fast row loop of the summary-file reader (summary-bytes.ts): plain records (no quote byte, the
 * header's number of fields, plain numbers that pass the reader's checks) are scanned and parsed in one
 * pass over the bytes, straight into the typed columns. A record it does not take (a quote, a blank line,
 * a wrong field count, a number in another form, a value the reader rejects, an incomplete last record)
 * stops the loop: the reader's general path handles that record with its own rules and messages, then
 * the loop goes on. So the loop changes the speed, never the result: every record it takes is one the
 * general path would have read to the same values.
 */

/** Column roles in a summary file, by field. */
export const ROLE = { skip: 0, frequency: 1, recency: 2, T: 3, money: 4, weights: 5, id: 6 } as const;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const TWO53 = 9007199254740992;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/**
 * The reader's typed columns, grown by doubling; ids as bytes in one arena (idStart[i] .. idStart[i + 1]).
 *
 * @example
 * const c = new SummaryCols(1024, true, false, true); c.frequency[c.n] = 2;
 */
export class SummaryCols {
  n = 0;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  money: Float64Array | undefined;
  weights: Float64Array | undefined;
  idStart: Int32Array | undefined;
  arena: Buffer;
  arenaLen = 0;
  /** Whether every id byte so far is ASCII. */
  ascii = true;

  constructor(
    public cap: number,
    hasMoney: boolean,
    hasWeights: boolean,
    hasId: boolean,
  ) {
    this.frequency = new Float64Array(cap);
    this.recency = new Float64Array(cap);
    this.T = new Float64Array(cap);
    this.money = hasMoney ? new Float64Array(cap) : undefined;
    this.weights = hasWeights ? new Float64Array(cap) : undefined;
    this.idStart = hasId ? new Int32Array(cap + 1) : undefined;
    this.arena = Buffer.allocUnsafe(hasId ? Math.max(1024, Math.min(cap * 12, 1 << 30)) : 0);
  }

  grow(): void {
    this.cap *= 2;
    const n = this.n;
    const g = (a: Float64Array) => {
      const b = new Float64Array(this.cap);
      b.set(a.subarray(0, n));
      return b;
    };
    this.frequency = g(this.frequency);
    this.recency = g(this.recency);
    this.T = g(this.T);
    if (this.money) this.money = g(this.money);
    if (this.weights) this.weights = g(this.weights);
    if (this.idStart) {
      const b = new Int32Array(this.cap + 1);
      b.set(this.idStart.subarray(0, n + 1));
      this.idStart = b;
    }
  }

  /** Room in the arena for an id of len bytes (3 × len: a quoted id is re-encoded from its text). */
  idRoom(len: number): void {
    if (this.arenaLen + len * 3 <= this.arena.length) return;
    const b = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.arenaLen + len * 3));
    this.arena.copy(b, 0, 0, this.arenaLen);
    this.arena = b;
  }
}

/**
 * Records per call at most: a function called many times is optimised after a few calls, where one call
 * over a million records would run much of its time before on-stack replacement (and deoptimise on exit).
 */
export const FAST_BATCH = 4096;

const CACHE = 4096;
const CACHE_KEY = 40;

/**
 * Numbers too long to parse exactly by arithmetic (more than 2^53 in their digits, or more than 22
 * decimals), parsed by Number() on their text and remembered by their bytes: such cells repeat (recency
 * and T in weeks are days / 7, written with 16 or 17 digits), and a hit costs a hash and a byte compare
 * instead of a string.
 *
 * @example
 * const longs = new LongNumbers(); longs.get(Buffer.from('102.42857142857143'), 0, 18, 46); // 102.42857142857143
 */
export class LongNumbers {
  private readonly hash = new Int32Array(CACHE);
  private readonly len = new Int32Array(CACHE).fill(-1);
  private readonly value = new Float64Array(CACHE);
  private readonly bytes = new Uint8Array(CACHE * CACHE_KEY);

  /** Number() of the plain decimal buf[s..e) (digits, one separator `dec`, a sign). */
  get(buf: Uint8Array, s: number, e: number, dec: number): number {
    const n = e - s;
    if (n > CACHE_KEY) return parseText(buf, s, e, dec);
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    h ^= h >>> 13;
    const slot = h & (CACHE - 1);
    const o = slot * CACHE_KEY;
    const bytes = this.bytes;
    if (this.hash[slot] === h && this.len[slot] === n) {
      let same = true;
      for (let i = 0; i < n; i++) {
        if (bytes[o + i] !== buf[s + i]) {
          same = false;
          break;
        }
      }
      if (same) return this.value[slot];
    }
    const v = parseText(buf, s, e, dec);
    this.hash[slot] = h;
    this.len[slot] = n;
    this.value[slot] = v;
    for (let i = 0; i < n; i++) bytes[o + i] = buf[s + i];
    return v;
  }
}

function parseText(buf: Uint8Array, s: number, e: number, dec: number): number {
  const t = Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('latin1');
  return Number(dec === 46 ? t : t.replace(String.fromCharCode(dec), '.'));
}

/**
 * A plain number from bytes (an optional sign, digits, at most one decimal separator `dec`) exactly as
 * Number() reads it, NaN for anything else (then the general path decides). Digits below 2^53 with up to
 * 22 decimals are one correctly rounded division of two exact doubles, which is what Number() returns;
 * longer ones go through `longs`.
 *
 * @example
 * plainCell(Buffer.from('-30,5'), 0, 5, 44, new LongNumbers()); // -30.5
 */
export function plainCell(buf: Uint8Array, s: number, e: number, dec: number, longs: LongNumbers): number {
  if (s >= e) return NaN;
  let i = s;
  let c = buf[i];
  let neg = false;
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  let v = 0;
  let any = false;
  let frac = -1;
  for (; i < e; i++) {
    c = buf[i];
    if (c >= 48 && c <= 57) {
      any = true;
      v = v * 10 + (c - 48);
      if (frac >= 0) frac++;
    } else if (c === dec && frac < 0) frac = 0;
    else return NaN;
  }
  if (!any) return NaN;
  if (v >= TWO53 || frac > 22) return longs.get(buf, s, e, dec);
  const x = frac > 0 ? v / POW10[frac] : v;
  return neg ? -x : x;
}

/** What the fast loop needs besides the columns: the layout and the spend-cell state of the reader. */
export interface FastRowsState {
  cols: SummaryCols;
  /** ROLE of each field. */
  roles: Uint8Array;
  delimiter: number;
  decimal: number;
  trim: boolean;
  longs: LongNumbers;
  /** A spend error is waiting (an empty spend cell with frequency > 0 before any spend cell). */
  moneyPending: boolean;
  /** Some spend cell was not empty. */
  moneySeen: boolean;
  /** Records taken by the last call (one line each). */
  taken: number;
}

/**
 * Read plain records from buf[p..end) into st.cols; returns the position after the last record taken,
 * stopping before the first one it does not take (see the module comment) or that is not complete
 * before `end`, or after FAST_BATCH records (st.taken === FAST_BATCH: call again).
 *
 * @example
 * p = fastSummaryRows(buf, p, have, st); line += st.taken;
 */
export function fastSummaryRows(buf: Uint8Array, p: number, end: number, st: FastRowsState): number {
  const cols = st.cols;
  const roles = st.roles;
  const nf = roles.length;
  const d = st.delimiter;
  const dec = st.decimal;
  const trim = st.trim;
  const longs = st.longs;
  const hasMoney = cols.money !== undefined;
  const hasWeights = cols.weights !== undefined;
  const ids = cols.idStart !== undefined;
  let taken = 0;
  rows: while (p < end && taken < FAST_BATCH) {
    if (cols.n === cols.cap) break;
    let x = NaN;
    let r = NaN;
    let t = NaN;
    let m = 0;
    let moneyEmpty = false;
    let w = NaN;
    let idS = 0;
    let idE = 0;
    let q = p;
    for (let j = 0; j < nf; j++) {
      let s = q;
      if (trim) while (s < end && (buf[s] === SPACE || buf[s] === TAB)) s++;
      let k = s;
      while (k < end) {
        const c = buf[k];
        if (c === d || c === LF) break;
        k++;
      }
      if (k >= end) break rows; // not complete here
      const last = j === nf - 1;
      if ((buf[k] === LF) !== last) break rows; // another number of fields
      let e = k;
      if (last && e > s && buf[e - 1] === CR) e--;
      if (trim) while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
      switch (roles[j]) {
        case 1:
          x = plainCell(buf, s, e, dec, longs);
          break;
        case 2:
          r = plainCell(buf, s, e, dec, longs);
          break;
        case 3:
          t = plainCell(buf, s, e, dec, longs);
          break;
        case 4:
          if (e === s) moneyEmpty = true;
          else {
            m = plainCell(buf, s, e, dec, longs);
            if (m !== m) break rows;
          }
          break;
        case 5:
          w = plainCell(buf, s, e, dec, longs);
          break;
        case 6:
          idS = s;
          idE = e;
          break;
      }
      q = k + 1;
    }
    // The reader's checks, in its order: a record that fails one is left to the general path (its message).
    if (!(x >= 0) || !Number.isInteger(x)) break;
    if (!(r >= 0)) break;
    if (!(t >= 0)) break;
    if (r > t * (1 + 1e-12) + 1e-12) break;
    if (x === 0 && r !== 0) break;
    if (hasMoney) {
      if (moneyEmpty) {
        if (x > 0 && !st.moneyPending) break; // the general path makes the waiting spend error
        m = 0;
      } else {
        if (st.moneyPending) break; // a spend cell after an empty one: the waiting error is thrown there
        if (!(m >= 0) && x > 0) break;
        st.moneySeen = true;
      }
    }
    if (hasWeights && !(w >= 0)) break;
    const n = cols.n;
    cols.frequency[n] = x;
    cols.recency[n] = r;
    cols.T[n] = t;
    if (hasMoney) cols.money![n] = x === 0 ? 0 : m;
    if (hasWeights) cols.weights![n] = w;
    if (ids) {
      cols.idRoom(idE - idS);
      const arena = cols.arena;
      let a = cols.arenaLen;
      let high = 0;
      for (let i = idS; i < idE; i++) {
        const c = buf[i];
        high |= c;
        arena[a++] = c;
      }
      if (high >= 0x80) cols.ascii = false;
      cols.arenaLen = a;
      cols.idStart![n + 1] = a;
    }
    cols.n = n + 1;
    p = q;
    taken++;
  }
  st.taken = taken;
  return p;
}
