import { beforeAll, describe, expect, it } from 'vitest';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.ts';
import { unexpectedError } from '../../src/cli/main.ts';
import { PORTFOLIO_CSV_FILES } from '../../src/segment/portfolio-csv.ts';
import { RETENTION_CSV_FILES } from '../../src/outcomes/export.ts';

// Oracle: an input's bytes before and after the command (nothing may change them), and the exit code contract (2 = bad usage).
let dir: string;
let tx: string;
let txBytes: string;
const sameBytes = (path: string, bytes: string) => expect(readFileSync(path, 'utf8')).toBe(bytes);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clvkit-outputs-'));
  tx = join(dir, 'tx.csv');
  expect((await runCli(['simulate', '--customers', '200', '--seed', '2', '-o', tx])).code).toBe(0);
  txBytes = readFileSync(tx, 'utf8');
  for (const [flag, name] of [['--kano', 'kano.csv'], ['--nps', 'nps.csv'], ['--survey', 'survey.csv']]) {
    expect((await runCli(['simulate', flag, '--respondents', '40', '-o', join(dir, name)])).code).toBe(0);
  }
});

describe('an output that is an input is refused (exit 2) and the input is left as it was', () => {
  it('summary, predict and report refuse their input as --out, by path, ./path, hard link and symlink', async () => {
    linkSync(tx, join(dir, 'hard.csv'));
    symlinkSync(tx, join(dir, 'soft.csv'));
    const outs = [tx, join(dir, '.', 'tx.csv'), join(dir, 'hard.csv'), join(dir, 'soft.csv')];
    for (const out of outs) {
      for (const args of [
        ['summary', tx, '--out', out],
        ['summary', tx, '--out', out, '--engine', 'duckdb'],
        ['predict', tx, '--model', 'bgnbd', '--horizon', '10w', '--out', out],
        ['report', tx, '-o', out],
      ]) {
        const r = await runCli(args);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toContain(`${out}: this output is the input`);
        sameBytes(tx, txBytes);
      }
    }
  });
  it('report refuses any of its side inputs as the output', async () => {
    const r = await runCli(['report', tx, '--nps', join(dir, 'nps.csv'), '-o', join(dir, 'nps.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('this output is the input');
  });
  it('an --out-dir holding an input under a name the command writes is refused; other inputs there are fine', async () => {
    const d = join(dir, 'folder');
    mkdirSync(d);
    for (const [name, args] of [
      ['priorities.csv', (f: string) => ['segment', f, '--out-dir', d]],
      ['recruitment.csv', (f: string) => ['retention', f, '--out-dir', d, '--no-model']],
    ] as const) {
      const input = join(d, name);
      writeFileSync(input, txBytes);
      const r = await runCli(args(input));
      expect(r.code, name).toBe(2);
      expect(r.stderr).toContain(`${input}: this output is the input`);
      sameBytes(input, txBytes);
    }
    const kano = join(d, 'kano_answers.csv');
    writeFileSync(kano, readFileSync(join(dir, 'kano.csv')));
    expect((await runCli(['kano', kano, '--out-dir', d])).code).toBe(2);
    const nps = join(d, 'nps.csv');
    writeFileSync(nps, readFileSync(join(dir, 'nps.csv')));
    expect((await runCli(['nps', nps, '--out-dir', d])).code).toBe(2);
    const survey = join(d, 'scores.csv');
    writeFileSync(survey, readFileSync(join(dir, 'survey.csv')));
    expect((await runCli(['survey', survey, '--template', 'io', '--out-dir', d])).code).toBe(2);
    // tx.csv is not a name segment writes: the folder of the input is a fine --out-dir
    const own = join(dir, 'own');
    mkdirSync(own);
    writeFileSync(join(own, 'tx.csv'), txBytes);
    const ok = await runCli(['segment', join(own, 'tx.csv'), '--out-dir', own]);
    expect(ok.code).toBe(0);
    sameBytes(join(own, 'tx.csv'), txBytes);
    const written = readdirSync(own).filter((n) => n !== 'tx.csv');
    expect(written.length).toBeGreaterThan(5);
    for (const n of written) expect(PORTFOLIO_CSV_FILES).toContain(n);
  });
  it('the name lists cover every file written (segment with costs and migration, retention)', async () => {
    const seg = join(dir, 'seg');
    expect((await runCli(['segment', tx, '--out-dir', seg, '--cost-per-order', '2', '--migration-date', '2025-06-01'])).code).toBe(0);
    for (const n of readdirSync(seg)) expect(PORTFOLIO_CSV_FILES).toContain(n);
    const ret = join(dir, 'ret');
    expect((await runCli(['retention', tx, '--out-dir', ret, '--no-model'])).code).toBe(0);
    for (const n of readdirSync(ret)) expect(RETENTION_CSV_FILES).toContain(n);
  });
});

describe('output places: created when missing, one line naming the path when impossible', () => {
  it('creates missing folders for --out and --out-dir alike', async () => {
    const out = join(dir, 'new', 'deeper', 's.json');
    expect((await runCli(['summary', tx, '--out', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).customers.length).toBe(200);
    expect((await runCli(['kano', join(dir, 'kano.csv'), '--out-dir', join(dir, 'new', 'k')])).code).toBe(0);
    expect(readdirSync(join(dir, 'new', 'k')).sort()).toEqual(['kano_answers.csv', 'kano_features.csv']);
  });
  it('an --out that is a folder, an --out-dir that is a file, a folder given as input: exit 1, one line with the path', async () => {
    const cases: [string[], string][] = [
      [['summary', tx, '--out', dir], `${dir}: is a folder`],
      [['segment', tx, '--out-dir', tx], `${tx}: cannot write here`],
      [['summary', tx, '--out', join(tx, 'x.csv')], 'is a file, not a folder'],
      [['summary', dir], `${dir}: is a folder, not a file`],
      [['summary', dir, '--engine', 'duckdb'], `${dir}: is a folder, not a file`],
      [['summary', join(dir, 'missing.csv')], 'missing.csv: no such file'],
    ];
    for (const [args, text] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toContain(text);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });
  it('leaves no temporary file next to the outputs', async () => {
    for (const n of readdirSync(dir)) expect(n.endsWith('.tmp')).toBe(false);
    const st = statSync(join(dir, 'new', 'deeper', 's.json'));
    expect(st.size).toBeGreaterThan(0);
  });
  it('an option value that cannot be allocated is a usage line naming the option (--bootstrap 1e9)', async () => {
    const r = await runCli(['segment', tx, '--bootstrap', '1e9', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bootstrap');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    // Counts and horizons held in memory are bounded: a typo is a usage line, not a V8 abort.
    for (const [args, name] of [
      [['simulate', '--customers', '1e10'], '--customers'],
      [['retention', tx, '--horizon', '1000000000', '--no-model'], '--horizon'],
    ] as const) {
      const s = await runCli([...args]);
      expect(s.code, args.join(' ')).toBe(2);
      expect(s.stderr).toContain(name);
    }
  });
});

describe('unexpected errors are one line naming a path', () => {
  it('a file-system error names its own path; an allocation failure names the input and what to lower', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/data/out.csv', syscall: 'write' });
    expect(unexpectedError(enospc, 'tx.csv')).toBe('/data/out.csv: disk full; free some space or write elsewhere');
    expect(unexpectedError(new RangeError('Array buffer allocation failed'), 'tx.csv')).toMatch(/^tx\.csv: not enough memory .*--engine duckdb/);
    expect(unexpectedError(new Error('boom'), 'tx.csv')).toMatch(/^tx\.csv: internal error: boom/);
  });
});
