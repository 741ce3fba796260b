import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtomicFile, assertNotInput, writeFileAtomic } from '../../src/io/atomic.ts';

describe('atomic outputs', () => {
  it('keeps the previous file until commit and leaves no temporary file after abort', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-atomic-'));
    const target = join(dir, 'out.csv');
    writeFileSync(target, 'old\n');
    const f = new AtomicFile(target);
    f.write('new,');
    expect(readFileSync(target, 'utf8')).toBe('old\n');
    f.abort();
    expect(readFileSync(target, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
    writeFileAtomic(target, 'new\n');
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });
  it('creates missing output folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-atomic-'));
    writeFileAtomic(join(dir, 'a', 'b', 'x.json'), '{}');
    expect(readFileSync(join(dir, 'a', 'b', 'x.json'), 'utf8')).toBe('{}');
  });
  it('refuses an output that is an input by device and inode, through a symlink too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clvkit-atomic-'));
    const input = join(dir, 'tx.csv');
    writeFileSync(input, 'a\n');
    symlinkSync(input, join(dir, 'link.csv'));
    expect(() => assertNotInput([input], [join(dir, '.', 'tx.csv')])).toThrow(/is the input/);
    expect(() => assertNotInput([input], [join(dir, 'link.csv')])).toThrow(/is the input/);
    expect(() => assertNotInput([input], [join(dir, 'other.csv')])).not.toThrow();
  });
});
