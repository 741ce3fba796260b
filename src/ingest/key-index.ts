/**
 * A dictionary from byte strings (customer ids as they appear in the file) to dense indices
 * 0, 1, 2, … in first-seen order. Open addressing with linear probing over an Int32Array;
 * keys live in one growable byte arena, so a lookup hashes and compares bytes and never
 * allocates: the id string is materialised once per key, at the end.
 *
 * Why: a JavaScript Map keyed by strings costs a string allocation per row (~0.8 s per
 * million rows in the ingest); this costs a hash and a memcmp-like loop.
 */
export class ByteKeyIndex {
  /** Number of distinct keys. */
  size = 0;
  private slots: Int32Array;
  private mask: number;
  private arena: Uint8Array;
  private arenaUsed = 0;
  private keyStart: Int32Array;
  private keyLen: Int32Array;
  private keyHash: Int32Array;

  constructor(expectedKeys = 1024) {
    let cap = 1024;
    while (cap < expectedKeys * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    const k = Math.max(256, expectedKeys);
    this.keyStart = new Int32Array(k);
    this.keyLen = new Int32Array(k);
    this.keyHash = new Int32Array(k);
    this.arena = new Uint8Array(k * 8);
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
    // FNV-1a over the bytes, 32-bit.
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    // Final avalanche so that short numeric ids spread over the low bits used by the mask.
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    const len = e - s;
    const slots = this.slots;
    const mask = this.mask;
    let p = h & mask;
    for (;;) {
      const k = slots[p];
      if (k < 0) break;
      if (this.keyHash[k] === h && this.keyLen[k] === len) {
        const a = this.arena;
        let j = this.keyStart[k];
        let i = s;
        while (i < e && a[j] === buf[i]) i++, j++;
        if (i === e) return k;
      }
      p = (p + 1) & mask;
    }
    return this.insert(buf, s, e, h, p);
  }

  private insert(buf: Uint8Array, s: number, e: number, h: number, slot: number): number {
    const k = this.size++;
    if (k >= this.keyStart.length) {
      const n = this.keyStart.length * 2;
      this.keyStart = grow32(this.keyStart, n);
      this.keyLen = grow32(this.keyLen, n);
      this.keyHash = grow32(this.keyHash, n);
    }
    const len = e - s;
    if (this.arenaUsed + len > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      bigger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = bigger;
    }
    this.arena.set(buf.subarray(s, e), this.arenaUsed);
    this.keyStart[k] = this.arenaUsed;
    this.keyLen[k] = len;
    this.keyHash[k] = h;
    this.arenaUsed += len;
    this.slots[slot] = k;
    if (this.size * 2 > this.slots.length) this.rehash();
    return k;
  }

  private rehash(): void {
    const cap = this.slots.length * 2;
    const slots = new Int32Array(cap).fill(-1);
    const mask = cap - 1;
    for (let k = 0; k < this.size; k++) {
      let p = this.keyHash[k] & mask;
      while (slots[p] >= 0) p = (p + 1) & mask;
      slots[p] = k;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** Whether any key holds a byte >= 0x80 (then it must be valid UTF-8). */
  hasNonAscii(): boolean {
    const a = this.arena;
    for (let i = 0; i < this.arenaUsed; i++) if (a[i] >= 0x80) return true;
    return false;
  }

  /** The bytes of key k (a view into the arena). */
  keyBytes(k: number): Uint8Array {
    return this.arena.subarray(this.keyStart[k], this.keyStart[k] + this.keyLen[k]);
  }

  /** All keys as strings, in index order (decoded as UTF-8). */
  keys(): string[] {
    const out = new Array<string>(this.size);
    const arena = Buffer.from(this.arena.buffer, this.arena.byteOffset, this.arenaUsed);
    const ascii = !this.hasNonAscii();
    for (let k = 0; k < this.size; k++) {
      const s = this.keyStart[k];
      out[k] = ascii ? arena.toString('latin1', s, s + this.keyLen[k]) : arena.toString('utf8', s, s + this.keyLen[k]);
    }
    return out;
  }
}

function grow32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
