import { isAscii } from 'node:buffer';
import { UsageError } from '../errors.ts';

/**
 * Text encodings of input files. The readers work on UTF-8 bytes; a file in another encoding is
 * decoded once, up front and chunk by chunk, to UTF-8 (outside the byte scanner's loops).
 */
export type Encoding = 'utf8' | 'utf16' | 'latin1' | 'cp1252';

export const ENCODINGS: readonly Encoding[] = ['utf8', 'utf16', 'latin1', 'cp1252'];

const ALIASES: Record<string, Encoding> = {
  utf8: 'utf8', 'utf-8': 'utf8',
  utf16: 'utf16', 'utf-16': 'utf16', utf16le: 'utf16', 'utf-16le': 'utf16', utf16be: 'utf16', 'utf-16be': 'utf16',
  latin1: 'latin1', 'latin-1': 'latin1', 'iso-8859-1': 'latin1', iso88591: 'latin1',
  cp1252: 'cp1252', 'windows-1252': 'cp1252', win1252: 'cp1252',
};

/** Human name of an encoding, as the accounting note says it. */
export const ENCODING_NAMES: Record<Encoding | 'utf16le' | 'utf16be', string> = {
  utf8: 'UTF-8', utf16: 'UTF-16', utf16le: 'UTF-16 LE', utf16be: 'UTF-16 BE', latin1: 'Latin-1 (ISO-8859-1)', cp1252: 'Windows-1252',
};

/**
 * The `--encoding` value, or a usage error naming the choices.
 *
 * @example
 * parseEncoding('windows-1252') // 'cp1252'
 */
export function parseEncoding(name: string | undefined): Encoding | undefined {
  if (name === undefined) return undefined;
  const e = ALIASES[name.trim().toLowerCase()];
  if (!e) throw new UsageError(`--encoding must be one of ${ENCODINGS.join(', ')}, got "${name}"`);
  return e;
}

/**
 * The UTF-16 byte order announced by a byte-order mark, if any.
 *
 * @example
 * utf16Bom(Buffer.from([0xff, 0xfe, 0x61, 0x00])) // 'utf16le'
 */
export function utf16Bom(head: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  return undefined;
}

/** Bytes with no character in Windows-1252 (Microsoft's table leaves them undefined), and NUL. */
const NOT_CP1252 = [0x00, 0x81, 0x8d, 0x8f, 0x90, 0x9d];

/**
 * Whether bytes can be Windows-1252 text: none of its five undefined bytes and no NUL (a native search per byte
 * value: a file of 100 MB is checked in milliseconds).
 *
 * @example
 * isWindows1252(Buffer.from([0x63, 0x61, 0x66, 0xe9])) // true ("café")
 */
export function isWindows1252(buf: Uint8Array): boolean {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
  for (const byte of NOT_CP1252) if (b.indexOf(byte) >= 0) return false;
  return true;
}

/** A chunked decoder to UTF-8 bytes: `decode(chunk)` for each chunk, `decode()` at the end. */
export interface Utf8Transcoder {
  decode(chunk?: Uint8Array): Buffer;
}

/**
 * Decode chunks of a file in `encoding` (UTF-16 in the byte order of its BOM, little-endian without)
 * to UTF-8 bytes; a character cut between two chunks is completed by the next one.
 *
 * @example
 * const t = transcoder('cp1252', head);
 * const utf8 = Buffer.concat([t.decode(chunk1), t.decode(chunk2), t.decode()]);
 */
export function transcoder(encoding: Exclude<Encoding, 'utf8'>, head: Uint8Array): Utf8Transcoder {
  if (encoding === 'latin1' || encoding === 'cp1252') return singleByteTranscoder(encoding);
  const label = utf16Bom(head) === 'utf16be' ? 'utf-16be' : 'utf-16le';
  // ignoreBOM: false drops a leading BOM; fatal: a lone surrogate in UTF-16 is an error, not a silent U+FFFD.
  const d = new TextDecoder(label, { fatal: true });
  return { decode: (chunk) => Buffer.from(chunk ? d.decode(chunk, { stream: true }) : d.decode(), 'utf8') };
}

/** The UTF-8 bytes of each byte 0x80..0xFF of a single-byte encoding: up to 3 bytes at 3k, their count at k. */
interface HighBytes {
  bytes: Uint8Array;
  length: Uint8Array;
}

const HIGH: Partial<Record<'latin1' | 'cp1252', HighBytes>> = {};

/**
 * The code points of bytes 0x80..0x9F in Windows-1252 (WHATWG Encoding Standard, index-windows-1252; its five
 * undefined bytes map to the C1 controls of the same number, as browsers and TextDecoder do); 0xA0..0xFF are the
 * code points of the same number, as in Latin-1. Written out because Node 20's TextDecoder('windows-1252') decodes
 * a whole buffer (not `stream: true`) as Latin-1: 0x92 as U+0092 instead of the apostrophe ’.
 */
const CP1252_80_9F = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/**
 * The character of a byte in Latin-1 or Windows-1252.
 *
 * @example
 * singleByteChar(0x92, 'cp1252'); // '’'
 */
export function singleByteChar(byte: number, encoding: 'latin1' | 'cp1252'): string {
  return String.fromCharCode(encoding === 'cp1252' && byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80] : byte);
}

/**
 * Latin-1 or Windows-1252 bytes as a string (each byte one character).
 *
 * @example
 * decodeSingleByte(Buffer.from([0x4c, 0x92, 0x65, 0x74, 0xe9]), 'cp1252'); // 'L’eté'
 */
export function decodeSingleByte(buf: Uint8Array, encoding: 'latin1' | 'cp1252'): string {
  return singleByteTranscoder(encoding).decode(buf).toString('utf8');
}

/** The table of an encoding: each high byte's character as UTF-8. */
function highBytes(encoding: 'latin1' | 'cp1252'): HighBytes {
  const known = HIGH[encoding];
  if (known) return known;
  const bytes = new Uint8Array(128 * 3);
  const length = new Uint8Array(128);
  for (let k = 0; k < 128; k++) {
    const utf8 = Buffer.from(singleByteChar(0x80 + k, encoding), 'utf8');
    bytes.set(utf8, 3 * k);
    length[k] = utf8.length;
  }
  return (HIGH[encoding] = { bytes, length });
}

/**
 * Latin-1 or Windows-1252 to UTF-8, a byte at a time from a table (each byte is one character: no state between
 * chunks): an ASCII chunk is handed back as it is, without a copy (the caller must be done with it before it reads
 * into the same memory again); another is written in one pass into a scratch buffer (the same caveat), four ASCII
 * bytes per test where it can. It replaces a streaming
 * TextDecoder (or Buffer's latin1) and a UTF-8 encoding of its string, which cost 0.4 s on a 72 MB file, for the
 * same bytes.
 */
function singleByteTranscoder(encoding: 'latin1' | 'cp1252'): Utf8Transcoder {
  const { bytes, length } = highBytes(encoding);
  // the output of a chunk is at most three bytes a byte: one scratch buffer serves every chunk (handed back as a
  // view, valid until the next decode, as an ASCII chunk is)
  let scratch = Buffer.alloc(0);
  return {
    decode(chunk) {
      if (!chunk) return Buffer.alloc(0);
      const b = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      if (isAscii(b)) return b;
      if (scratch.length < 3 * b.length) scratch = Buffer.allocUnsafe(3 * b.length);
      return scratch.subarray(0, writeSingleByte(b, scratch, bytes, length));
    },
  };
}

/** The UTF-8 of single-byte text b into out (room for 3 bytes a byte); returns the length written. */
function writeSingleByte(b: Uint8Array, out: Uint8Array, bytes: Uint8Array, length: Uint8Array): number {
  let p = 0;
  let i = 0;
  const n = b.length;
  // four bytes at a time while they are ASCII (most of a CSV export): one test for the four
  const head = (4 - ((b.byteOffset + i) & 3)) & 3;
  for (; i < head && i < n; i++) p = writeOne(b[i], out, p, bytes, length);
  if (i === n) return p;
  const words = new Uint32Array(b.buffer, b.byteOffset + i, (n - i) >>> 2);
  for (let w = 0; w < words.length; w++) {
    const x = words[w];
    if ((x & 0x80808080) === 0) {
      out[p] = b[i];
      out[p + 1] = b[i + 1];
      out[p + 2] = b[i + 2];
      out[p + 3] = b[i + 3];
      p += 4;
    } else {
      p = writeOne(b[i], out, p, bytes, length);
      p = writeOne(b[i + 1], out, p, bytes, length);
      p = writeOne(b[i + 2], out, p, bytes, length);
      p = writeOne(b[i + 3], out, p, bytes, length);
    }
    i += 4;
  }
  for (; i < n; i++) p = writeOne(b[i], out, p, bytes, length);
  return p;
}

function writeOne(c: number, out: Uint8Array, p: number, bytes: Uint8Array, length: Uint8Array): number {
  if (c < 0x80) {
    out[p] = c;
    return p + 1;
  }
  const k = c - 0x80;
  const o = 3 * k;
  out[p] = bytes[o];
  if (length[k] === 1) return p + 1;
  out[p + 1] = bytes[o + 1];
  if (length[k] === 2) return p + 2;
  out[p + 2] = bytes[o + 2];
  return p + 3;
}
