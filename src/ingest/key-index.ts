/**
 * A dictionary from byte strings (customer ids as they appear in the file) to dense indices
 * 0, 1, 2, … in first-seen order. Open addressing with linear probing over an Int32Array;
 * keys live in one growable byte arena, so a lookup hashes and compares bytes and never
 * allocates: the id string is materialised once per key, at the end.
 *
 * Ids made of a fixed prefix and up to 9 digits (`00042`, `C0001234`, the usual database keys)
 * skip the hash table: their number indexes a direct table (4 bytes a number, at most 64 MB),
 * which stays mostly in cache where a hash table of a million keys does not; the stored length
 * tells `C01` from `C1`. Such a key is stored as its number only (prefix, number and length
 * give its bytes back), so a new one costs two stores.
 *
 * Why: a JavaScript Map keyed by strings costs a string allocation per row (~0.8 s per
 * million rows in the ingest); this costs a hash and a memcmp-like loop, or a table read.
 */
import { isAscii, isUtf8 } from 'node:buffer';

/** Keys per call when writing all keys' bytes back. */
const KEY_BATCH = 8192;

/** ASCII digits of 0000 .. 9999, four bytes each. */
const QUADS = Uint8Array.from({ length: 40000 }, (_, i) => 48 + (Math.floor((i >> 2) / 10 ** (3 - (i & 3))) % 10));

export class ByteKeyIndex {
  /** Number of distinct keys. */
  size = 0;
  /**
   * Four int32 per slot: key index + 1 (0 = empty), tag (hash high 24 bits | length), and the
   * first 8 key bytes. A lookup of a key of up to 8 bytes touches one 16-byte slot: one cache miss.
   */
  private slots: Int32Array;
  private mask: number;
  /**
   * Per key: a direct key's number | its length << 24 (>= 0: numbers are below 2^24, lengths
   * below 64), or -1 - its ordinal among the hashed keys.
   */
  private keyRef: Int32Array;
  /** Hashed keys' bytes, by ordinal: arena[keyStart[o] .. keyStart[o] + keyLen[o]). */
  private hashed = 0;
  private arena: Uint8Array;
  private arenaUsed = 0;
  private keyStart: Int32Array;
  private keyLen: Int32Array;
  // Scratch of the last hashKey call.
  private w0 = 0;
  private w1 = 0;

  constructor(expectedKeys = 1024, hashSlots = 1024) {
    let cap = 1024;
    while (cap * 0.7 < hashSlots) cap *= 2;
    this.slots = new Int32Array(cap * 4);
    this.mask = cap - 1;
    this.keyRef = new Int32Array(Math.max(256, expectedKeys));
    // Hashed keys' storage grows on demand (files with prefix + digits ids never use it).
    this.keyStart = new Int32Array(256);
    this.keyLen = new Int32Array(256);
    this.arena = new Uint8Array(2048);
  }

  /** Hash of buf[s..e); leaves the first 8 bytes packed in this.w0 / this.w1. */
  private hashKey(buf: Uint8Array, s: number, e: number): number {
    const len = e - s;
    let w0 = 0;
    let w1 = 0;
    if (len >= 8) {
      w0 = buf[s] | (buf[s + 1] << 8) | (buf[s + 2] << 16) | (buf[s + 3] << 24);
      w1 = buf[s + 4] | (buf[s + 5] << 8) | (buf[s + 6] << 16) | (buf[s + 7] << 24);
    } else {
      for (let i = 0; i < len; i++) {
        if (i < 4) w0 |= buf[s + i] << (i << 3);
        else w1 |= buf[s + i] << ((i - 4) << 3);
      }
    }
    this.w0 = w0;
    this.w1 = w1;
    // Multiplicative mixing of the two words and the length, then FNV-1a over any further bytes.
    let h = Math.imul(w0 ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(w1 ^ len, 0x85ebca77);
    for (let i = s + 8; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return h;
  }

  /**
   * Index of the key buf[s..e), inserting it when new.
   *
   * @example
   * const ix = new ByteKeyIndex();
   * ix.indexOf(Buffer.from('abc'), 0, 3) // 0
   * ix.indexOf(Buffer.from('xabc'), 1, 4) // 0
   */
  indexOf(buf: Uint8Array, s: number, e: number): number {
    if (this.prefixLen < 0) this.choosePrefix(buf, s, e);
    if (this.useDirect) {
      const v = this.numberOf(buf, s, e);
      if (v >= 0) {
        const k = this.findDirect(v, e - s);
        if (k >= 0) return k;
      }
    }
    const h = this.hashKey(buf, s, e);
    return this.find(buf, s, e, h, this.w0, this.w1);
  }

  // Direct table for prefix + digits keys.
  /** Length of the id prefix before the digits (-1 until the first key is seen). */
  prefixLen = -1;
  prefix = new Uint8Array(8);
  /** Whether keys of the shape prefix + digits go to the direct table. */
  useDirect = false;
  /**
   * Direct table: number → (key index + 1) | (key length << 26), 0 when empty. Read-only outside
   * this class (a caller may look up hits itself and insert through addDirect).
   */
  direct = new Int32Array(0);

  /** The non-digit prefix of the first key decides the direct table's key shape. */
  private choosePrefix(buf: Uint8Array, s: number, e: number): void {
    let i = s;
    while (i < e && i - s < 8 && (buf[i] < 48 || buf[i] > 57)) i++;
    this.prefixLen = i - s;
    for (let k = 0; k < this.prefixLen; k++) this.prefix[k] = buf[s + k];
    this.useDirect = this.numberOf(buf, s, e) >= 0;
  }

  /** The number of a prefix+digits key (at most 9 digits, below 2^24: a 64 MB direct table at most), else -1. */
  private numberOf(buf: Uint8Array, s: number, e: number): number {
    const pl = this.prefixLen;
    const digits = e - s - pl;
    if (digits < 1 || digits > 9) return -1;
    for (let k = 0; k < pl; k++) if (buf[s + k] !== this.prefix[k]) return -1;
    let v = 0;
    for (let i = s + pl; i < e; i++) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v < 0x1000000 ? v : -1;
  }

  /** Key index of the direct key (number v, len bytes), inserting it when new; -1 on a length clash. */
  private findDirect(v: number, len: number): number {
    if (v >= this.direct.length) this.growDirect(v);
    const cell = this.direct[v];
    if (cell !== 0) return cell >>> 26 === len ? (cell & 0x3ffffff) - 1 : -1;
    return this.addDirect(v, len);
  }

  private growDirect(v: number): void {
    let n = Math.max(1024, this.direct.length);
    while (n <= v) n *= 2;
    const bigger = new Int32Array(n);
    bigger.set(this.direct);
    this.direct = bigger;
  }

  /**
   * Inserts the new direct key of number v (below direct.length, its cell empty) and len bytes;
   * returns its index. Direct keys are never rehashed: no hash, no bytes stored.
   */
  addDirect(v: number, len: number): number {
    const k = this.newKey(v | (len << 24));
    this.direct[v] = (k + 1) | (len << 26);
    return k;
  }

  private newKey(ref: number): number {
    const k = this.size++;
    if (k >= this.keyRef.length) {
      const bigger = new Int32Array(this.keyRef.length * 2);
      bigger.set(this.keyRef);
      this.keyRef = bigger;
    }
    this.keyRef[k] = ref;
    return k;
  }

  private find(buf: Uint8Array, s: number, e: number, h: number, w0: number, w1: number): number {
    const len = e - s;
    const tag = (h & ~0xff) | (len < 255 ? len : 255);
    const slots = this.slots;
    const mask = this.mask;
    let p = h & mask;
    for (;;) {
      const o = p << 2;
      const k1 = slots[o];
      if (k1 === 0) break;
      if (slots[o + 1] === tag && slots[o + 2] === w0 && slots[o + 3] === w1 && (len <= 8 || this.tailEquals(k1 - 1, buf, s, e))) return k1 - 1;
      p = (p + 1) & mask;
    }
    return this.insert(buf, s, e, h, w0, w1, p);
  }

  private tailEquals(k: number, buf: Uint8Array, s: number, e: number): boolean {
    const o = -1 - this.keyRef[k];
    if (this.keyLen[o] !== e - s) return false;
    const a = this.arena;
    let j = this.keyStart[o] + 8;
    for (let i = s + 8; i < e; i++, j++) if (a[j] !== buf[i]) return false;
    return true;
  }

  private insert(buf: Uint8Array, s: number, e: number, h: number, w0: number, w1: number, slot: number): number {
    const k = this.newHashedKey(buf, s, e);
    this.place(this.slots, slot, k, h, w0, w1, e - s);
    if (this.hashed > (this.mask + 1) * 0.7) this.rehash();
    return k;
  }

  /** Store a new hashed key's bytes; returns its index. */
  private newHashedKey(buf: Uint8Array, s: number, e: number): number {
    const o = this.hashed++;
    const k = this.newKey(-1 - o);
    if (o >= this.keyStart.length) {
      // Past the first few, straight to the expected number of keys (pages untouched cost nothing).
      const n = Math.max(this.keyStart.length * 2, this.keyRef.length);
      const start = new Int32Array(n);
      start.set(this.keyStart);
      this.keyStart = start;
      const len = new Int32Array(n);
      len.set(this.keyLen);
      this.keyLen = len;
    }
    const len = e - s;
    if (this.arenaUsed + len > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len, this.keyRef.length * 8));
      bigger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = bigger;
    }
    const a = this.arena;
    let j = this.arenaUsed;
    for (let i = s; i < e; i++) a[j++] = buf[i];
    this.keyStart[o] = this.arenaUsed;
    this.keyLen[o] = len;
    this.arenaUsed += len;
    return k;
  }

  private place(slots: Int32Array, slot: number, k: number, h: number, w0: number, w1: number, len: number): void {
    const o = slot << 2;
    slots[o] = k + 1;
    slots[o + 1] = (h & ~0xff) | (len < 255 ? len : 255);
    slots[o + 2] = w0;
    slots[o + 3] = w1;
  }

  private rehash(): void {
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(cap * 4);
    const mask = cap - 1;
    for (let k = 0; k < this.size; k++) {
      const ref = this.keyRef[k];
      if (ref >= 0) continue;
      // Hashes are not stored: recompute from the key's bytes (rehashes are rare).
      const s = this.keyStart[-1 - ref];
      const len = this.keyLen[-1 - ref];
      const h = this.hashKey(this.arena, s, s + len);
      let p = h & mask;
      while (slots[p << 2] !== 0) p = (p + 1) & mask;
      this.place(slots, p, k, h, this.w0, this.w1, len);
    }
    this.slots = slots;
    this.mask = mask;
  }

  /**
   * All keys' bytes, in index order: key k is bytes[start[k] .. start[k + 1]). Direct keys are
   * written back from their number (prefix, then the digits zero-padded to the key's length).
   */
  packed(): { bytes: Uint8Array; start: Int32Array } {
    const n = this.size;
    const start = new Int32Array(n + 1);
    // In batches: a loop run once over a million keys would spend much of its time before the
    // JIT's on-stack replacement; a function called many times is optimised after a few calls.
    let total = 0;
    for (let k = 0; k < n; k += KEY_BATCH) total = this.keyStarts(start, k, Math.min(n, k + KEY_BATCH), total);
    start[n] = total;
    const bytes = new Uint8Array(total);
    for (let k = 0; k < n; k += KEY_BATCH) this.writeKeys(bytes, start, k, Math.min(n, k + KEY_BATCH));
    return { bytes, start };
  }

  /** start[k] for keys from .. to - 1, from the running total; returns the total after them. */
  private keyStarts(start: Int32Array, from: number, to: number, total: number): number {
    const ref = this.keyRef;
    for (let k = from; k < to; k++) {
      start[k] = total;
      const r = ref[k];
      total += r >= 0 ? r >>> 24 : this.keyLen[-1 - r];
    }
    return total;
  }

  /** The bytes of keys from .. to - 1 at their start offsets. */
  private writeKeys(bytes: Uint8Array, start: Int32Array, from: number, to: number): void {
    const ref = this.keyRef;
    const pl = this.prefixLen;
    const prefix = this.prefix;
    const arena = this.arena;
    for (let k = from; k < to; k++) {
      const r = ref[k];
      let j = start[k];
      const e = start[k + 1];
      if (r < 0) {
        for (let s = this.keyStart[-1 - r]; j < e; j++, s++) bytes[j] = arena[s];
        continue;
      }
      for (let i = 0; i < pl; i++) bytes[j++] = prefix[i];
      // Digits from the last, four at a time, then the rest and the zero padding.
      let v = r & 0xffffff;
      let i = e - 1;
      while (i - j >= 3) {
        // v / 10^4 rounded down, by a multiply: (v + 0.5) / 10^4 is at least 5e-5 from an integer
        // and the product's error is below 2^24 · 2^-52, so the truncation is exact.
        const q = ((v + 0.5) * 0.0001) | 0;
        const o = (v - q * 10000) << 2;
        bytes[i] = QUADS[o + 3];
        bytes[i - 1] = QUADS[o + 2];
        bytes[i - 2] = QUADS[o + 1];
        bytes[i - 3] = QUADS[o];
        v = q;
        i -= 4;
      }
      // The last 0-3 digits (v < 10^(i - j + 1) here): the tail of v's four-digit entry.
      const o = (v << 2) + 3;
      for (let t = 0; i >= j; i--, t++) bytes[i] = QUADS[o - t];
    }
  }

  /** Bytes of key k. */
  keyLength(k: number): number {
    const r = this.keyRef[k];
    return r >= 0 ? r >>> 24 : this.keyLen[-1 - r];
  }

  /**
   * Writes key k's bytes into out at p (room for keyLength(k) bytes) and returns the position after
   * them: a writer's copy of one key, without packing all keys first.
   *
   * @example
   * const out = new Uint8Array(16); const end = ix.writeKey(0, out, 0); // out[0..end) = key 0's bytes
   */
  writeKey(k: number, out: Uint8Array, p: number): number {
    const r = this.keyRef[k];
    if (r < 0) {
      const o = -1 - r;
      const a = this.arena;
      for (let s = this.keyStart[o], e = s + this.keyLen[o]; s < e; s++) out[p++] = a[s];
      return p;
    }
    const pl = this.prefixLen;
    const end = p + (r >>> 24);
    for (let i = 0; i < pl; i++) out[p++] = this.prefix[i];
    // digits from the last, then the zero padding (as writeKeys)
    let v = r & 0xffffff;
    for (let i = end - 1; i >= p; i--) {
      const q = ((v + 0.5) * 0.1) | 0; // v / 10 rounded down: (v + 0.5) / 10 is at least 0.05 from an integer
      out[i] = 48 + v - q * 10;
      v = q;
    }
    return end;
  }

  /** Whether every key's bytes are valid UTF-8 (what keys() decodes without replacement characters). */
  validUtf8(): boolean {
    if (this.hashed > 0 && !isUtf8(this.arena.subarray(0, this.arenaUsed))) return false;
    return this.hashed === this.size || isUtf8(this.prefix.subarray(0, Math.max(0, this.prefixLen)));
  }

  /** All keys as strings, in index order (decoded as UTF-8). */
  keys(): string[] {
    const n = this.size;
    if (n === 0) return [];
    // Only hashed keys: the arena holds them in index order (no copy); else written back.
    const onlyHashed = this.hashed === n;
    const { bytes, start } = onlyHashed ? { bytes: this.arena.subarray(0, this.arenaUsed), start: this.keyStart } : this.packed();
    const len = onlyHashed ? this.keyLen : undefined;
    const end = (k: number) => (len ? start[k] + len[k] : start[k + 1]);
    const packed = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const out = new Array<string>(n);
    if (isAscii(packed)) {
      // One decode of all keys, then substrings: far cheaper than a million small decodes.
      const all = packed.toString('latin1');
      for (let k = 0; k < n; k++) out[k] = all.substring(start[k], end(k));
      return out;
    }
    for (let k = 0; k < n; k++) out[k] = packed.toString('utf8', start[k], end(k));
    return out;
  }
}
