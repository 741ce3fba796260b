/**
 * The second thread of readTransactions for large files (see transactions.ts, readTransactions).
 *
 * The main thread reads the first part of the file as usual; a worker thread scans the rest
 * (from a line start chosen by the main thread) with the same fast path: plain delimited rows,
 * no quotes, the settled date format, plain amounts. It builds its own customer dictionary (local
 * indices in the order the ids first appear in its part) and hands back typed arrays; the main
 * thread then adds its new ids to the file's dictionary in that order, so ids keep the first-seen
 * order of the whole file.
 *
 * The worker stops at the first row it does not take on (a quote byte, a row the fast path leaves
 * to the general loop, bytes that are not UTF-8) and says where: the main thread reads on from
 * there itself, with the general code, so row accounting, rejections and error messages with
 * their line numbers are those of the single-threaded reading.
 *
 * The worker body is plain JavaScript made from `helperMain`'s source (no TypeScript loader is
 * needed in the thread, so it starts in tens of milliseconds under tsx, vitest or the CLI): it
 * must not refer to anything outside itself; it gets `require` and the ByteKeyIndex class (whose
 * source goes along) as its arguments.
 */
import { Worker } from 'node:worker_threads';
import { ByteKeyIndex } from './key-index.ts';

/** What the worker scans and how (the dialect settled by the main thread). */
export interface ScanJob {
  file: string;
  /** File offsets [from, to) of the worker's part; `from` is a line start, `to` the file size. */
  from: number;
  to: number;
  chunk: number;
  delim: number;
  customerCol: number;
  dateCol: number;
  /** -1 when there is no amount column. */
  amountCol: number;
  expectedFields: number;
  decimalByte: number;
  /** 0 yyyy-mm-dd, 1 yyyymmdd, 2 dd/mm/yyyy, 3 mm/dd/yyyy (FAST_* of transactions.ts). */
  dateMode: number;
  /** Day number by ((year − 1900) × 12 + month − 1) × 31 + day − 1, INVALID (0x7fffffff) for impossible dates. */
  dayTable: Int32Array;
  /** Expected number of rows (sizes the columns). */
  rowsHint: number;
}

/** The worker's part: `rows` rows, each one line, from `from` up to `stop`. */
export interface ScanResult {
  rows: number;
  /** File offset where the worker stopped: `to` when it took every row, else the start of the first row it left. */
  stop: number;
  /** Local customer index of each row. */
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  /** Number of distinct ids; id k is keyBytes[keyStart[k] .. keyStart[k + 1]). */
  keys: number;
  keyBytes: Uint8Array;
  keyStart: Int32Array;
}

/** A worker started early (it boots while the main thread reads), then given its job. */
export class ScanHelper {
  private readonly worker: Worker;
  private failed = false;
  private readonly done: Promise<ScanResult | undefined>;

  private constructor() {
    // The dictionary class's source goes along (it refers to nothing outside itself); `__name` is
    // the helper that tsx's transform (keepNames) calls.
    const code =
      `var __name = function (f) { return f; };\n` +
      `var ByteKeyIndex = ${ByteKeyIndex.toString()};\n` +
      `(${helperMain.toString()})(require, ByteKeyIndex);\n`;
    // No TypeScript loader in the thread (execArgv: []): the body is plain JavaScript.
    this.worker = new Worker(code, { eval: true, execArgv: [] });
    this.done = new Promise((resolve) => {
      this.worker.once('message', (m: ScanResult | { error: string }) => resolve('error' in m ? undefined : m));
      this.worker.once('error', () => resolve(undefined));
      this.worker.once('exit', () => resolve(undefined));
    });
  }

  /** A started helper, or undefined when a thread cannot be started. */
  static start(): ScanHelper | undefined {
    try {
      return new ScanHelper();
    } catch {
      return undefined;
    }
  }

  /** Runs the job; undefined when the worker failed (the caller then reads the part itself). */
  run(job: ScanJob): Promise<ScanResult | undefined> {
    if (!this.failed) this.worker.postMessage(job);
    return this.done;
  }

  close(): void {
    this.failed = true;
    void this.worker.terminate();
  }
}

/**
 * The worker thread's program (turned into source text: self-contained, plain JavaScript once
 * the type annotations are stripped). Mirrors Ingest.fastLoop, Ingest.fastDay and Ingest.resolveIds.
 */
function helperMain(req: NodeJS.Require, KeyIndex: typeof ByteKeyIndex): void {
  const { parentPort } = req('node:worker_threads') as typeof import('node:worker_threads');
  const fs = req('node:fs') as typeof import('node:fs');
  const { isUtf8 } = req('node:buffer') as typeof import('node:buffer');
  const LF = 10;
  const CR = 13;
  const SPACE = 32;
  const QUOTE = 34;
  const INVALID = 0x7fffffff;
  const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

  /** The fast path over one buffer at a time; rows go to typed arrays, ids to the dictionary. */
  class Scanner {
    readonly job: ScanJob;
    readonly ix: InstanceType<typeof ByteKeyIndex>;
    customer: Int32Array;
    day: Int32Array;
    amount: Float64Array;
    length = 0;
    /** Row of the scratch's first entry (the rows of one buffer are resolved together). */
    scratchBase = 0;
    /** Set by rows(): the row was incomplete (more bytes needed) / not for the fast path. */
    incomplete = false;
    halted = false;
    kv = new Int32Array(1 << 16);
    ks = new Int32Array(1 << 16);
    ke = new Int32Array(1 << 16);

    constructor(job: ScanJob) {
      this.job = job;
      const cap = Math.max(1024, job.rowsHint);
      this.customer = new Int32Array(cap);
      this.day = new Int32Array(cap);
      this.amount = new Float64Array(cap);
      this.ix = new KeyIndex(Math.min(1 << 24, cap));
    }

    grow(): void {
      const n = this.customer.length * 2;
      const c = new Int32Array(n);
      c.set(this.customer);
      this.customer = c;
      const d = new Int32Array(n);
      d.set(this.day);
      this.day = d;
      const a = new Float64Array(n);
      a.set(this.amount);
      this.amount = a;
    }

    growScratch(): void {
      const n = this.kv.length * 2;
      const kv = new Int32Array(n);
      kv.set(this.kv);
      this.kv = kv;
      const ks = new Int32Array(n);
      ks.set(this.ks);
      this.ks = ks;
      const ke = new Int32Array(n);
      ke.set(this.ke);
      this.ke = ke;
    }

    /** Day number of a date field, INVALID when the fast path does not take it. */
    dayOf(b: Uint8Array, s: number, e: number): number {
      const mode = this.job.dateMode;
      let y0: number, y1: number, y2: number, y3: number, m0: number, m1: number, d0: number, d1: number;
      if (mode === 0) {
        if (e - s !== 10 || b[s + 4] !== 45 || b[s + 7] !== 45) return INVALID;
        (y0 = b[s] - 48), (y1 = b[s + 1] - 48), (y2 = b[s + 2] - 48), (y3 = b[s + 3] - 48);
        (m0 = b[s + 5] - 48), (m1 = b[s + 6] - 48), (d0 = b[s + 8] - 48), (d1 = b[s + 9] - 48);
      } else if (mode === 1) {
        if (e - s !== 8) return INVALID;
        (y0 = b[s] - 48), (y1 = b[s + 1] - 48), (y2 = b[s + 2] - 48), (y3 = b[s + 3] - 48);
        (m0 = b[s + 4] - 48), (m1 = b[s + 5] - 48), (d0 = b[s + 6] - 48), (d1 = b[s + 7] - 48);
      } else {
        const sep = b[s + 2];
        if (e - s !== 10 || b[s + 5] !== sep || (sep !== 47 && sep !== 45 && sep !== 46)) return INVALID;
        (y0 = b[s + 6] - 48), (y1 = b[s + 7] - 48), (y2 = b[s + 8] - 48), (y3 = b[s + 9] - 48);
        const a0 = b[s] - 48, a1 = b[s + 1] - 48, c0 = b[s + 3] - 48, c1 = b[s + 4] - 48;
        if (mode === 2) (d0 = a0), (d1 = a1), (m0 = c0), (m1 = c1);
        else (m0 = a0), (m1 = a1), (d0 = c0), (d1 = c1);
      }
      if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) return INVALID;
      const yy = y0 * 1000 + y1 * 100 + y2 * 10 + y3 - 1900;
      const m = m0 * 10 + m1;
      const d = d0 * 10 + d1;
      // Dates outside the table are left to the main thread.
      if (yy < 0 || yy >= 256 || m < 1 || m > 12 || d < 1 || d > 31) return INVALID;
      return this.job.dayTable[(yy * 12 + m - 1) * 31 + d - 1];
    }

    /**
     * Rows of buf[p, end) up to the first one not for the fast path (`halted`) or not complete
     * (`incomplete`); returns where it stopped. A row holding the byte at `quote` is not taken.
     */
    /**
     * fastLoop3 of transactions.ts: rows laid out as customer, date, amount with a fixed-width date;
     * stops at any other row (left to rows()) and at a row holding the byte at `quote`.
     */
    rows3(buf: Buffer, p: number, end: number, quote: number): number {
      const job = this.job;
      const d = job.delim;
      const dec = job.decimalByte;
      const width = job.dateMode === 1 ? 8 : 10;
      const ix = this.ix;
      let day = this.day;
      let amount = this.amount;
      let length = this.length;
      let cap = day.length;
      const base = this.scratchBase;
      let kv = this.kv;
      let ks = this.ks;
      let ke = this.ke;
      while (p < end) {
        let q = p;
        while (q < end) {
          const c = buf[q];
          if (c === d || c === LF) break;
          q++;
        }
        const cs = p;
        const ce = q;
        const ds = q + 1;
        const as = ds + width + 1;
        if (as >= end || buf[q] !== d || buf[as - 1] !== d || cs === ce || buf[cs] === SPACE || buf[ce - 1] === SPACE) break;
        const dv = this.dayOf(buf, ds, ds + width);
        if (dv === INVALID) break;
        let i = as;
        let neg = false;
        if (buf[i] === 45) {
          neg = true;
          i++;
        }
        let m = 0;
        let digits = 0;
        let frac = -1;
        let c = 0;
        for (; i < end; i++) {
          c = buf[i];
          const v = c - 48;
          if (v >= 0 && v <= 9) {
            m = m * 10 + v;
            digits++;
            if (frac >= 0) frac++;
          } else if (c === dec && frac < 0) frac = 0;
          else break;
        }
        let next = -1;
        if (i < end) {
          if (c === LF) next = i + 1;
          else if (c === CR && i + 1 < end && buf[i + 1] === LF) next = i + 2;
        }
        if (next < 0 || digits === 0 || digits > 15 || quote < next) break;
        let av = frac > 0 ? m / POW10[frac] : m;
        if (neg) av = -av;
        if (length === cap) {
          this.length = length;
          this.grow();
          day = this.day;
          amount = this.amount;
          cap = day.length;
        }
        let v = -1;
        if (ix.useDirect) {
          const pl = ix.prefixLen;
          const nd = ce - cs - pl;
          if (nd >= 1 && nd <= 9) {
            const prefix = ix.prefix;
            let k = 0;
            while (k < pl && buf[cs + k] === prefix[k]) k++;
            if (k === pl) {
              v = 0;
              for (let j = cs + pl; j < ce; j++) {
                const dd = buf[j] - 48;
                if (dd >>> 0 > 9) {
                  v = -1;
                  break;
                }
                v = v * 10 + dd;
              }
            }
          }
        }
        const r = length - base;
        if (r === kv.length) {
          this.growScratch();
          kv = this.kv;
          ks = this.ks;
          ke = this.ke;
        }
        kv[r] = v;
        ks[r] = cs;
        ke[r] = ce;
        day[length] = dv;
        amount[length] = av;
        length++;
        p = next;
      }
      this.length = length;
      return p;
    }

    rows(buf: Buffer, p: number, end: number, eof: boolean, quote: number, maxRows: number): number {
      const job = this.job;
      const d = job.delim;
      const ci = job.customerCol;
      const di = job.dateCol;
      const ai = job.amountCol;
      const expected = job.expectedFields;
      const dec = job.decimalByte;
      const ix = this.ix;
      let day = this.day;
      let amount = this.amount;
      let length = this.length;
      let cap = day.length;
      const base = this.scratchBase;
      let kv = this.kv;
      let ks = this.ks;
      let ke = this.ke;
      this.incomplete = false;
      this.halted = false;
      let stop = -1;
      while (p < end && maxRows-- !== 0) {
        const rowStart = p;
        let f = 0;
        let s = p;
        let cs = 0;
        let ce = 0;
        let ds = 0;
        let de = 0;
        let as = 0;
        let ae = 0;
        for (;;) {
          let c = LF;
          while (p < end) {
            c = buf[p];
            if (c === d || c === LF) break;
            p++;
          }
          if (p >= end) {
            if (!eof) {
              this.incomplete = true;
              stop = rowStart;
              break;
            }
            c = LF;
          }
          let e = p;
          if (c === LF && e > s && buf[e - 1] === CR) e--;
          if (f === ci) {
            cs = s;
            ce = e;
          } else if (f === di) {
            ds = s;
            de = e;
          } else if (f === ai) {
            as = s;
            ae = e;
          }
          f++;
          p++;
          if (c === LF) break;
          s = p;
        }
        if (stop >= 0) break;
        if (quote < p || f !== expected || cs === ce || buf[cs] === SPACE || buf[ce - 1] === SPACE) {
          this.halted = true;
          stop = rowStart;
          break;
        }
        const dv = this.dayOf(buf, ds, de);
        if (dv === INVALID) {
          this.halted = true;
          stop = rowStart;
          break;
        }
        let av = NaN;
        if (ai >= 0) {
          let i = as;
          let neg = false;
          if (i < ae && buf[i] === 45) {
            neg = true;
            i++;
          }
          let m = 0;
          let digits = 0;
          let frac = -1;
          for (; i < ae; i++) {
            const c = buf[i];
            const v = c - 48;
            if (v >= 0 && v <= 9) {
              m = m * 10 + v;
              digits++;
              if (frac >= 0) frac++;
            } else if (c === dec && frac < 0) frac = 0;
            else break;
          }
          if (i !== ae || digits === 0 || digits > 15) {
            this.halted = true;
            stop = rowStart;
            break;
          }
          av = frac > 0 ? m / POW10[frac] : m;
          if (neg) av = -av;
        }
        if (length === cap) {
          this.length = length;
          this.grow();
          day = this.day;
          amount = this.amount;
          cap = day.length;
        }
        let v = -1;
        if (ix.useDirect) {
          const pl = ix.prefixLen;
          const digits = ce - cs - pl;
          if (digits >= 1 && digits <= 9) {
            const prefix = ix.prefix;
            let q = 0;
            while (q < pl && buf[cs + q] === prefix[q]) q++;
            if (q === pl) {
              v = 0;
              for (let i = cs + pl; i < ce; i++) {
                const dd = buf[i] - 48;
                if (dd >>> 0 > 9) {
                  v = -1;
                  break;
                }
                v = v * 10 + dd;
              }
            }
          }
        }
        const r = length - base;
        if (r === kv.length) {
          this.growScratch();
          kv = this.kv;
          ks = this.ks;
          ke = this.ke;
        }
        kv[r] = v;
        ks[r] = cs;
        ke[r] = ce;
        day[length] = dv;
        amount[length] = av;
        length++;
      }
      this.length = length;
      if (stop >= 0) return stop;
      return p < end ? p : end;
    }

    /** Customer index of rows base .. base + count (as Ingest.resolveIds), once their bytes are known to be UTF-8. */
    resolve(buf: Buffer, base: number, count: number): void {
      const ix = this.ix;
      const customer = this.customer;
      const kv = this.kv;
      const ks = this.ks;
      const ke = this.ke;
      let direct = ix.direct;
      for (let r = 0; r < count; r++) {
        const v = kv[r];
        let k = -1;
        if (v >= 0 && v < direct.length) {
          const cell = direct[v];
          if (cell !== 0 && cell >>> 26 === ke[r] - ks[r]) k = (cell & 0x3ffffff) - 1;
        }
        if (k < 0) {
          k = ix.indexOf(buf, ks[r], ke[r]);
          direct = ix.direct;
        }
        customer[base + r] = k;
      }
    }
  }

  function scan(job: ScanJob, fd: number): ScanResult {
    const sc = new Scanner(job);
    const three = job.expectedFields === 3 && job.customerCol === 0 && job.dateCol === 1 && job.amountCol === 2;
    const chunk = job.chunk;
    let buf = Buffer.allocUnsafe(2 * chunk);
    let have = 0;
    let pos = job.from;
    let stop = -1;
    while (stop < 0) {
      const want = Math.min(chunk, job.to - pos);
      if (have + want > buf.length) {
        const bigger = Buffer.allocUnsafe(Math.max(2 * buf.length, have + want));
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
      }
      const got = want > 0 ? fs.readSync(fd, buf, have, want, pos) : 0;
      pos += got;
      const end = have + got;
      const eof = got === 0 || pos >= job.to;
      const base = pos - end; // file offset of buf[0]
      let quote = buf.indexOf(QUOTE, 0);
      if (quote < 0 || quote >= end) quote = end;
      const first = sc.length;
      sc.scratchBase = first;
      let p = 0;
      sc.halted = false;
      sc.incomplete = false;
      for (;;) {
        if (three) p = sc.rows3(buf, p, end, quote);
        if (p >= end) break;
        const at = p;
        p = sc.rows(buf, p, end, eof, quote, three ? 1 : -1);
        if (sc.halted || sc.incomplete || p >= end || !three || p === at) break;
      }
      // Only rows whose bytes are UTF-8 are taken (their ids are stored after this check).
      if (!isUtf8(buf.subarray(0, p))) {
        sc.length = first;
        stop = base;
        break;
      }
      sc.resolve(buf, first, sc.length - first);
      if (sc.halted || (eof && p < end)) stop = base + p;
      else if (eof) stop = pos;
      else {
        buf.copy(buf, 0, p, end);
        have = end - p;
      }
    }
    const n = sc.length;
    const keys = sc.ix.packed();
    // Views (their buffers are transferred, not copied).
    return {
      rows: n,
      stop,
      customer: sc.customer.subarray(0, n),
      day: sc.day.subarray(0, n),
      amount: sc.amount.subarray(0, n),
      keys: sc.ix.size,
      keyBytes: keys.bytes,
      keyStart: keys.start,
    };
  }

  parentPort!.once('message', (job: ScanJob) => {
    let r: ScanResult;
    try {
      const fd = fs.openSync(job.file, 'r');
      try {
        r = scan(job, fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch (e) {
      parentPort!.postMessage({ error: String((e as Error)?.stack ?? e) });
      return;
    }
    parentPort!.postMessage(r, [r.customer.buffer, r.day.buffer, r.amount.buffer, r.keyBytes.buffer, r.keyStart.buffer] as ArrayBuffer[]);
  });
}
