/**
 * CSV cells made from bytes (DESIGN.md §3 text cells): the formula guard (a leading ' before = + - @ tab CR)
 * and quoting (quotes doubled) of csvCell (src/io/csv.ts), applied to text already held as bytes, so
 * writers copy customer ids from the bytes read instead of making a string per customer.
 */
const QUOTE = 34;
const APOSTROPHE = 39;
const LF = 10;
const CR = 13;

/**
 * The text bytes src[s..e) as a CSV cell into out at p (room for 2 (e - s) + 4 bytes); returns the
 * position after it: a leading ' before = + - @ tab CR, quoted (quotes doubled) when it holds the
 * delimiter, a quote, LF or CR; nothing when empty (what csvCell does to the text).
 *
 * @example
 * const out = Buffer.alloc(16); textCell(out, 0, Buffer.from('=A,1'), 0, 4, 44); // "'=A,1" → 7
 */
export function textCell(out: Uint8Array, p: number, src: Uint8Array, s: number, e: number, delimiter: number): number {
  if (s >= e) return p;
  const c0 = src[s];
  const guard = c0 === 61 || c0 === 43 || c0 === 45 || c0 === 64 || c0 === 9 || c0 === CR;
  let quote = false;
  for (let i = s; i < e; i++) {
    const c = src[i];
    if (c === delimiter || c === QUOTE || c === LF || c === CR) {
      quote = true;
      break;
    }
  }
  if (quote) out[p++] = QUOTE;
  if (guard) out[p++] = APOSTROPHE;
  if (quote) {
    for (let i = s; i < e; i++) {
      const c = src[i];
      if (c === QUOTE) out[p++] = QUOTE;
      out[p++] = c;
    }
    out[p++] = QUOTE;
  } else for (let i = s; i < e; i++) out[p++] = src[i];
  return p;
}

/**
 * The text bytes already at buf[p..e) made a CSV cell in place (room for 2 (e - p) + 4 bytes from p);
 * returns its end. The same cell as textCell.
 *
 * @example
 * const buf = Buffer.from('=A\0\0\0\0'); idCell(buf, 0, 2, 44); // buf starts "'=A" → 3
 */
export function idCell(buf: Uint8Array, p: number, e: number, delimiter: number): number {
  if (p >= e) return p;
  const c0 = buf[p];
  let plain = !(c0 === 61 || c0 === 43 || c0 === 45 || c0 === 64 || c0 === 9 || c0 === CR);
  for (let i = p; plain && i < e; i++) {
    const c = buf[i];
    if (c === delimiter || c === QUOTE || c === LF || c === CR) plain = false;
  }
  if (plain) return e;
  const text = Uint8Array.prototype.slice.call(buf, p, e); // a copy (Buffer#slice is a view)
  return textCell(buf, p, text, 0, text.length, delimiter);
}
