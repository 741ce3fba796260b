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

// Oracle: the folder's listing after the signal (nothing but the previous file) and the exit code a
// shell gives a process ended by that signal (128 + 2 for SIGINT, 128 + 15 for SIGTERM).
describe('a write interrupted by a signal leaves no temporary file', async () => {
  const { spawn } = await import('node:child_process');
  const root = join(import.meta.dirname, '..', '..');
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal}: exit ${code}, the target untouched, no .tmp left`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'clvkit-atomic-signal-'));
      const target = join(dir, 'out.csv');
      writeFileSync(target, 'old\n');
      const script = `import { AtomicFile } from ${JSON.stringify(join(root, 'src', 'io', 'atomic.ts'))};
const f = new AtomicFile(${JSON.stringify(target)}); f.write('half a file'); process.stdout.write('open\\n'); setTimeout(() => {}, 20000);`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((ok) => child.stdout.on('data', (d: Buffer) => d.toString().includes('open') && ok()));
      expect(readdirSync(dir).length).toBe(2); // the target and the temporary file
      const exit = new Promise<number | null>((ok) => child.on('exit', (c) => ok(c)));
      child.kill(signal);
      expect(await exit).toBe(code);
      expect(readdirSync(dir)).toEqual(['out.csv']);
      expect(readFileSync(target, 'utf8')).toBe('old\n');
    }, 30_000);
  }
});
