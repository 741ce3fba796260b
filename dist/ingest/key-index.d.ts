export declare class ByteKeyIndex {
    /** Number of distinct keys. */
    size: number;
    /**
     * Four int32 per slot: key index + 1 (0 = empty), tag (hash high 24 bits | length), and the
     * first 8 key bytes. A lookup of a key of up to 8 bytes touches one 16-byte slot: one cache miss.
     */
    private slots;
    private mask;
    /**
     * Per key: a direct key's number | its length << 24 (>= 0: numbers are below 2^24, lengths
     * below 64), or -1 - its ordinal among the hashed keys.
     */
    private keyRef;
    /** Hashed keys' bytes, by ordinal: arena[keyStart[o] .. keyStart[o] + keyLen[o]). */
    private hashed;
    private arena;
    private arenaUsed;
    private keyStart;
    private keyLen;
    private w0;
    private w1;
    constructor(expectedKeys?: number, hashSlots?: number);
    /** Hash of buf[s..e); leaves the first 8 bytes packed in this.w0 / this.w1. */
    private hashKey;
    /**
     * Index of the key buf[s..e), inserting it when new.
     *
     * @example
     * const ix = new ByteKeyIndex();
     * ix.indexOf(Buffer.from('abc'), 0, 3) // 0
     * ix.indexOf(Buffer.from('xabc'), 1, 4) // 0
     */
    indexOf(buf: Uint8Array, s: number, e: number): number;
    /** Length of the id prefix before the digits (-1 until the first key is seen). */
    prefixLen: number;
    prefix: Uint8Array<ArrayBuffer>;
    /** Whether keys of the shape prefix + digits go to the direct table. */
    useDirect: boolean;
    /**
     * Direct table: number → (key index + 1) | (key length << 26), 0 when empty. Read-only outside
     * this class (a caller may look up hits itself and insert through addDirect).
     */
    direct: Int32Array<ArrayBuffer>;
    /** The non-digit prefix of the first key decides the direct table's key shape. */
    private choosePrefix;
    /** The number of a prefix+digits key (at most 9 digits, below 2^24: a 64 MB direct table at most), else -1. */
    private numberOf;
    /** Key index of the direct key (number v, len bytes), inserting it when new; -1 on a length clash. */
    private findDirect;
    private growDirect;
    /**
     * Inserts the new direct key of number v (below direct.length, its cell empty) and len bytes;
     * returns its index. Direct keys are never rehashed: no hash, no bytes stored.
     */
    addDirect(v: number, len: number): number;
    private newKey;
    private find;
    private tailEquals;
    private insert;
    /** Store a new hashed key's bytes; returns its index. */
    private newHashedKey;
    private place;
    private rehash;
    /**
     * All keys' bytes, in index order: key k is bytes[start[k] .. start[k + 1]). Direct keys are
     * written back from their number (prefix, then the digits zero-padded to the key's length).
     */
    packed(): {
        bytes: Uint8Array;
        start: Int32Array;
    };
    /** start[k] for keys from .. to - 1, from the running total; returns the total after them. */
    private keyStarts;
    /** The bytes of keys from .. to - 1 at their start offsets. */
    private writeKeys;
    /** All keys as strings, in index order (decoded as UTF-8). */
    keys(): string[];
}
//# sourceMappingURL=key-index.d.ts.map