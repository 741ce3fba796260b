import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeSingleByte, isWindows1252, singleByteChar, transcoder } from '../../src/ingest/encoding.ts';
import { parseTransactions, readTransactions } from '../../src/ingest/transactions.ts';
import { readTable } from '../../src/ingest/table.ts';
import { readSummaryFile } from '../../src/ingest/summary-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'clvkit-encoding-'));
const every = Uint8Array.from({ length: 256 }, (_, b) => b);

describe('Windows-1252 and Latin-1 to UTF-8', () => {
  it("Windows-1252's 0x80..0x9F are the WHATWG index's characters (hand-checked), the rest the code point of the byte", () => {
    // WHATWG Encoding Standard, index-windows-1252: a few by hand
    const hand: Record<number, string> = { 0x80: '€', 0x85: '…', 0x8c: 'Œ', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0x99: '™', 0x9c: 'œ', 0x9f: 'Ÿ', 0x81: '\u0081', 0x9d: '\u009d' };
    for (const [b, ch] of Object.entries(hand)) expect(singleByteChar(Number(b), 'cp1252')).toBe(ch);
    for (let b = 0xa0; b <= 0xff; b++) expect(singleByteChar(b, 'cp1252')).toBe(String.fromCharCode(b));
    // and the whole table as a streaming TextDecoder gives it (Node 20's whole-buffer decode is Latin-1: not used)
    const streamed = new TextDecoder('windows-1252').decode(every, { stream: true });
    expect(decodeSingleByte(every, 'cp1252')).toBe(streamed);
    expect(decodeSingleByte(every, 'latin1')).toBe(Buffer.from(every).toString('latin1'));
  });
  it('chunked: any split of the bytes decodes to the bytes of the whole, an ASCII chunk handed back as it is', () => {
    const text = Buffer.concat([Buffer.from('customer;date;montant\n'), Buffer.from(every), Buffer.from('plain ascii tail\n')]);
    for (const encoding of ['cp1252', 'latin1'] as const) {
      const whole = Buffer.from(decodeSingleByte(text, encoding), 'utf8');
      for (const size of [1, 2, 3, 7, 64, 1000]) {
        const t = transcoder(encoding, text);
        const parts: Buffer[] = [];
        for (let at = 0; at < text.length; at += size) parts.push(Buffer.from(t.decode(text.subarray(at, at + size))));
        parts.push(t.decode());
        expect(Buffer.concat(parts).equals(whole)).toBe(true);
      }
      const ascii = Buffer.from('A,2024-01-01,1\n');
      expect(transcoder(encoding, ascii).decode(ascii).buffer).toBe(ascii.buffer);
    }
  });
  it('isWindows1252: NUL and the five undefined bytes, wherever they stand', () => {
    expect(isWindows1252(Buffer.from('caf\xe9 \x80 \x92', 'latin1'))).toBe(true);
    for (const bad of [0x00, 0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      const b = Buffer.alloc(5000, 0x41);
      b[4321] = bad;
      expect(isWindows1252(b)).toBe(false);
    }
  });
  it('a Windows-1252 transaction file read in small chunks (ASCII chunks passed through) equals its UTF-8 twin', async () => {
    const lines = ['id_client;date;montant;canal'];
    for (let i = 0; i < 400; i++) lines.push(`C${i % 37};${String(1 + (i % 28)).padStart(2, '0')}/03/2024;${i},5${i % 9 === 0 ? ';Réseaux sociaux' : ';Moteur de recherche'}${i % 50 === 0 ? ' ’€' : ''}`);
    const utf8 = lines.join('\n') + '\n';
    const cp1252 = Buffer.from(Array.from(utf8, (ch) => ({ é: 0xe9, '’': 0x92, '€': 0x80 })[ch] ?? ch.charCodeAt(0)));
    const path = join(dir, 'fr.csv');
    writeFileSync(path, cp1252);
    const truth = parseTransactions(utf8);
    for (const chunkSize of [16, 100, 4096, 1 << 20]) {
      for (const t of [await readTransactions(path, { chunkSize, encoding: 'cp1252' }), await readTransactions(path, { chunkSize })]) {
        expect(t.customerIds).toEqual(truth.customerIds);
        expect(Array.from(t.day)).toEqual(Array.from(truth.day));
        expect(Array.from(t.amount)).toEqual(Array.from(truth.amount));
        expect(t.channels).toEqual(truth.channels);
        expect(Array.from(t.channel!)).toEqual(Array.from(truth.channel!));
      }
    }
    expect(truth.channels).toContain('Moteur de recherche ’€');
  });
  it('a Windows-1252 summary file reads as its UTF-8 twin (it was refused); one that is neither is an error naming the file', () => {
    const utf8 = 'customer_id;frequency;recency;T;monetary_value\nJosé;2;30,5;40;12,5\nZoë’s;0;0;40;\nAnn;1;10;40;5\n';
    const cp = join(dir, 'summary-1252.csv');
    const twin = join(dir, 'summary-utf8.csv');
    writeFileSync(cp, Buffer.from(Array.from(utf8, (ch) => ({ é: 0xe9, ë: 0xeb, '’': 0x92 })[ch] ?? ch.charCodeAt(0))));
    writeFileSync(twin, utf8);
    const a = readSummaryFile(cp);
    const b = readSummaryFile(twin);
    expect(a.kind === 'summary' && a.customerIds).toEqual(['José', 'Zoë’s', 'Ann']);
    for (const k of ['frequency', 'recency', 'T'] as const) expect(Array.from((a as never as Record<string, Float64Array>)[k])).toEqual(Array.from((b as never as Record<string, Float64Array>)[k]));
    const bad = join(dir, 'summary-bad.csv');
    writeFileSync(bad, Buffer.from([...Buffer.from('customer_id;frequency;recency;T\nA'), 0x81, ...Buffer.from(';1;2;3\n')]));
    expect(() => readSummaryFile(bad)).toThrow(/summary-bad\.csv: the file is not valid UTF-8 nor Windows-1252/);
  });
  it('readTable reads a Windows-1252 file with curly quotes and the euro sign (they were read as C1 controls)', () => {
    const path = join(dir, 'survey.csv');
    writeFileSync(path, Buffer.from([...Buffer.from('id;avis\nR1;Pas d'), 0x92, ...Buffer.from('accord '), 0x80, 0x0a]));
    expect(readTable(path).rows[0][1]).toBe('Pas d’accord €');
  });
});
