import { describe, expect, it } from 'vitest';
import { ByteKeyIndex } from '../../src/ingest/key-index.ts';

/** Reference: a Map from the key string to its first-seen index. */
function check(keys: string[]) {
  const ix = new ByteKeyIndex();
  const buf = Buffer.from(keys.join(''), 'utf8');
  const starts = new Int32Array(keys.length);
  const ends = new Int32Array(keys.length);
  let p = 0;
  keys.forEach((k, i) => {
    starts[i] = p;
    p += Buffer.byteLength(k);
    ends[i] = p;
  });
  const got = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) got[i] = ix.indexOf(buf, starts[i], ends[i]);
  const ref = new Map<string, number>();
  const want = keys.map((k) => (ref.has(k) ? ref.get(k)! : (ref.set(k, ref.size), ref.size - 1)));
  expect(Array.from(got)).toEqual(want);
  expect(ix.keys()).toEqual([...ref.keys()]);
  // writeKey gives each key's bytes one at a time: the UTF-8 of keys()[k]
  const out = new Uint8Array(256);
  const all = [...ref.keys()];
  for (let k = 0; k < ix.size; k++) {
    const end = ix.writeKey(k, out, 3);
    expect(end - 3).toBe(ix.keyLength(k));
    const text = Buffer.from(out.subarray(3, end)).toString('utf8');
    if (text !== all[k]) expect(text).toBe(all[k]);
  }
  expect(ix.validUtf8()).toBe(true);
}

describe('ByteKeyIndex (byte-keyed dictionary) agrees with a Map', () => {
  let x = 99;
  const rand = (n: number) => ((x = (x * 48271) % 2147483647), x % n);
  const shapes = [
    () => `C${String(rand(20000)).padStart(7, '0')}`, // prefix + digits: the direct table
    () => String(rand(20000)).padStart(rand(3) + 3, '0'), // digits with varying zero padding: length clashes
    () => `user-${rand(20000)}@example.com`, // long keys: hash table with tails
    () => `é${rand(500)}`, // UTF-8
    () => `k${rand(30000)}x`, // short non-numeric
    () => String(rand(3e9)), // numbers beyond the direct table
  ];
  it('each key shape alone and all mixed (with rehashes)', () => {
    for (const shape of shapes) check(Array.from({ length: 30000 }, shape));
    check(Array.from({ length: 60000 }, () => shapes[rand(shapes.length)]()));
  });
});

describe('ByteKeyIndex.validUtf8', () => {
  it('false when a hashed key is not valid UTF-8, true for prefix + digits keys', () => {
    const ix = new ByteKeyIndex();
    const good = Buffer.from('C001C002');
    ix.indexOf(good, 0, 4);
    ix.indexOf(good, 4, 8);
    expect(ix.validUtf8()).toBe(true);
    const bad = Buffer.from([0x41, 0xff, 0x42]);
    ix.indexOf(bad, 0, 3);
    expect(ix.validUtf8()).toBe(false);
  });
});
