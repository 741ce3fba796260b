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

/** Bytes with no character in Windows-1252 (Microsoft's table leaves them undefined). */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Whether bytes can be Windows-1252 text: none of its five undefined bytes and no NUL.
 *
 * @example
 * isWindows1252(Buffer.from([0x63, 0x61, 0x66, 0xe9])) // true ("café")
 */
export function isWindows1252(buf: Uint8Array): boolean {
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b === 0 || (b >= 0x81 && CP1252_UNDEFINED.has(b))) return false;
  }
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
  if (encoding === 'latin1') {
    // ISO-8859-1 maps each byte to the code point of the same number (WHATWG's "latin1" label is Windows-1252, so not TextDecoder).
    return { decode: (chunk) => (chunk ? Buffer.from(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1'), 'utf8') : Buffer.alloc(0)) };
  }
  const label = encoding === 'cp1252' ? 'windows-1252' : utf16Bom(head) === 'utf16be' ? 'utf-16be' : 'utf-16le';
  // ignoreBOM: false drops a leading BOM; fatal: a lone surrogate in UTF-16 is an error, not a silent U+FFFD.
  const d = new TextDecoder(label, { fatal: encoding === 'utf16' });
  return { decode: (chunk) => Buffer.from(chunk ? d.decode(chunk, { stream: true }) : d.decode(), 'utf8') };
}
