import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliResult } from '../helpers/run-cli.ts';
import { robustnessCases, type Case } from './generator.ts';

/**
 * The robustness suite (issue 15): seeded malformed and hostile files through the CLI of both
 * engines. The oracle of each case is the generator's own record of what every row is (used, or
 * rejected with a reason), so read, used, rejected by reason, customers and total spend are known
 * beforehand. Each run is classed ok / unclear message / crash / silent drop / wrong result; the
 * suite fails unless every run is ok, and prints the table (the closing figures of the issue).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'clvkit.js');
const SEEDS = [1, 2];
type Outcome = 'ok' | 'unclear message' | 'crash' | 'silent drop' | 'wrong result';
const tally: { name: string; kind: string; engine: string; outcome: Outcome; why: string }[] = [];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clvkit-robust-'));
});

afterAll(() => {
  const outcomes: Outcome[] = ['ok', 'unclear message', 'crash', 'silent drop', 'wrong result'];
  const kinds = [...new Set(tally.map((t) => t.kind))];
  const line = (label: string, rows: typeof tally) => `${label.padEnd(14)} ${String(rows.length).padStart(5)} ${outcomes.map((o) => String(rows.filter((r) => r.outcome === o).length).padStart(8)).join('')}`;
  const table = [
    `robustness suite: ${tally.length} runs (cases × engines × modes)`,
    `${'class'.padEnd(14)} ${'runs'.padStart(5)} ${outcomes.map((o) => o.slice(0, 7).padStart(8)).join('')}`,
    ...kinds.map((k) => line(k, tally.filter((t) => t.kind === k))),
    line('total', tally),
    ...tally.filter((t) => t.outcome !== 'ok').map((t) => `  ${t.outcome}: ${t.name} (${t.engine}): ${t.why}`),
  ].join('\n');
  process.stdout.write(table + '\n');
  writeFileSync(join(tmpdir(), 'clvkit-robustness.txt'), table + '\n');
});

const oneLine = (r: CliResult) => r.stderr.trim().split('\n').filter((l) => l.startsWith('clvkit:'));
const crashed = (r: CliResult) => r.code > 2 || /\n\s+at |internal error|heap out of memory/.test(r.stderr);

/** Every number of every customer is finite: no null (NaN, Infinity in JSON) anywhere. */
function numbersFinite(doc: { customers: Record<string, unknown>[] }): boolean {
  for (const c of doc.customers) {
    for (const k of ['frequency', 'recency', 'T', 'monetary_value', 'transactions', 'total_spend']) {
      if (typeof c[k] !== 'number' || !Number.isFinite(c[k])) return false;
    }
  }
  return true;
}

interface Run {
  outcome: Outcome;
  why: string;
  doc?: { accounting: { read: number; used: number; rejected: Record<string, number> }; customers: Record<string, unknown>[] };
}

/** Class one run with --skip-bad-rows against the case's truth. */
function classSkip(c: Case, file: string, r: CliResult): Run {
  if (crashed(r)) return { outcome: 'crash', why: r.stderr.slice(0, 300) };
  const e = c.expect;
  if (e.code === 1) {
    if (r.code === 0) return { outcome: 'wrong result', why: 'a file that cannot be read was accepted' };
    const msg = oneLine(r);
    const where = e.line !== undefined ? `${file}:${e.line}` : `${file}:`;
    if (msg.length !== 1 || !msg[0].startsWith(`clvkit: ${where}`) || !e.error.test(msg[0])) return { outcome: 'unclear message', why: r.stderr.slice(0, 300) };
    return { outcome: 'ok', why: '' };
  }
  if (r.code !== 0) return { outcome: 'wrong result', why: `refused: ${r.stderr.slice(0, 300)}` };
  const doc = JSON.parse(r.stdout) as NonNullable<Run['doc']>;
  const a = doc.accounting;
  const rejected = Object.values(a.rejected).reduce((x, y) => x + y, 0);
  if (a.read !== a.used + rejected) return { outcome: 'silent drop', why: `read ${a.read} != used ${a.used} + rejected ${rejected}` };
  if (a.read !== e.read) return { outcome: 'silent drop', why: `read ${a.read}, the file holds ${e.read} records` };
  if (JSON.stringify(sortKeys(a.rejected)) !== JSON.stringify(sortKeys(e.rejected))) return { outcome: 'wrong result', why: `rejected ${JSON.stringify(a.rejected)}, expected ${JSON.stringify(e.rejected)}` };
  if (a.used !== e.used) return { outcome: 'wrong result', why: `used ${a.used}, expected ${e.used}` };
  if (!numbersFinite(doc)) return { outcome: 'wrong result', why: 'a numeric output is null, NaN or infinite' };
  if (doc.customers.length !== e.customers) return { outcome: 'wrong result', why: `${doc.customers.length} customers, expected ${e.customers}` };
  const spend = doc.customers.reduce((s, x) => s + (x.total_spend as number), 0);
  if (Math.abs(spend - e.spend) > 1e-9 * Math.max(1, Math.abs(e.spend))) return { outcome: 'wrong result', why: `total spend ${spend}, expected ${e.spend}` };
  return { outcome: 'ok', why: '', doc };
}

/** Class the run without --skip-bad-rows: the first bad row is one line naming file:line(:column). */
function classStrict(c: Case, file: string, r: CliResult): Run {
  if (crashed(r)) return { outcome: 'crash', why: r.stderr.slice(0, 300) };
  const e = c.expect;
  if (e.code === 1) return classSkip(c, file, r);
  // Blank lines are counted (rejected 'blank line') but never stop a run.
  const hasBad = Object.keys(e.rejected).some((k) => k !== 'blank line');
  if (!hasBad) return r.code === 0 ? { outcome: 'ok', why: '' } : { outcome: 'wrong result', why: `refused: ${r.stderr.slice(0, 300)}` };
  if (r.code === 0) return { outcome: 'silent drop', why: 'bad rows passed without --skip-bad-rows' };
  const msg = oneLine(r);
  const where = e.firstBad ? `${file}:${e.firstBad.line}${e.firstBad.column !== undefined ? `:${e.firstBad.column}:` : ''}` : `${file}:`;
  if (r.code !== 1 || msg.length !== 1 || !msg[0].startsWith(`clvkit: ${where}`) || !/^clvkit: \S+:\d+/.test(msg[0])) return { outcome: 'unclear message', why: `expected "${where}…", got ${r.stderr.slice(0, 300)}` };
  return { outcome: 'ok', why: '' };
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

describe('robustness: malformed and hostile files through the CLI of both engines', () => {
  for (const seed of SEEDS) {
    for (const c of robustnessCases(seed)) {
      it(`${c.kind}: ${c.name}`, async () => {
        const file = join(dir, `${c.name}.csv`);
        writeFileSync(file, c.bytes);
        const docs: Record<string, Run['doc']> = {};
        for (const engine of c.engines ?? ['node']) {
          const base = ['summary', file, '--json', '--quiet', '--engine', engine, ...(c.args ?? [])];
          const skip = classSkip(c, file, await runCli([...base, '--skip-bad-rows']));
          tally.push({ name: c.name, kind: c.kind, engine: `${engine} --skip-bad-rows`, outcome: skip.outcome, why: skip.why });
          docs[engine] = skip.doc;
          const strict = classStrict(c, file, await runCli(base));
          tally.push({ name: c.name, kind: c.kind, engine, outcome: strict.outcome, why: strict.why });
          expect(skip.outcome, skip.why).toBe('ok');
          expect(strict.outcome, strict.why).toBe('ok');
        }
        if (docs.node && docs.duckdb) {
          // One behaviour, two engines: the same accounting and the same customers, to the last bit.
          const strip = (d: NonNullable<Run['doc']>) => ({
            accounting: { read: d.accounting.read, used: d.accounting.used, rejected: sortKeys(d.accounting.rejected) },
            customers: [...d.customers].sort((x, y) => String(x.customer_id).localeCompare(String(y.customer_id))),
          });
          const same = JSON.stringify(strip(docs.node)) === JSON.stringify(strip(docs.duckdb));
          tally.push({ name: c.name, kind: c.kind, engine: 'node = duckdb', outcome: same ? 'ok' : 'wrong result', why: same ? '' : 'the engines disagree' });
          expect(strip(docs.duckdb)).toEqual(strip(docs.node));
        }
      });
    }
  }
});

describe('robustness: files, streams and interruptions (child processes where they must be)', () => {
  const clvkit = (args: string[], opts: Parameters<typeof spawnSync>[2] = {}) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', ...opts });
  let tx: string;
  beforeAll(async () => {
    tx = join(dir, 'tx.csv');
    expect((await runCli(['simulate', '--customers', '300', '--seed', '5', '-o', tx])).code).toBe(0);
  });
  const record = (name: string, outcome: Outcome, why = '') => tally.push({ name, kind: 'files', engine: 'node', outcome, why });

  it('> /dev/full: one line naming standard output, exit 1', () => {
    const r = clvkit(['summary', tx, '--json'], { stdio: ['ignore', 'ignore', 'pipe'] });
    // spawnSync cannot open /dev/full for us: run through the shell's redirection
    const s = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" summary "${tx}" --json > /dev/full`], { encoding: 'utf8' });
    const lines = s.stderr.trim().split('\n').filter((l) => l.startsWith('clvkit:'));
    const outcome: Outcome = s.status === 1 && lines.length === 1 && lines[0].includes('standard output: disk full') && !/\n\s+at /.test(s.stderr) ? 'ok' : /\n\s+at /.test(s.stderr) ? 'crash' : 'unclear message';
    record('dev-full', outcome, s.stderr);
    expect(r.status).toBe(0);
    expect(outcome, s.stderr).toBe('ok');
  });

  it('| head: the reader closing the pipe early ends quietly with exit 0', async () => {
    const child = spawn(process.execPath, [bin, 'predict', tx, '--model', 'bgnbd', '--horizon', '10w'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((res) => child.on('close', res));
    const outcome: Outcome = code === 0 && !/error|\n\s+at /i.test(stderr) ? 'ok' : 'crash';
    record('epipe', outcome, `${code} ${stderr}`);
    expect(outcome, stderr).toBe('ok');
  });

  it('kill -9 in the middle of summary --out: the previous output is intact and nothing partial has its name', async () => {
    const big = join(dir, 'big.csv');
    expect((await runCli(['simulate', '--customers', '150000', '--seed', '9', '-o', big])).code).toBe(0);
    const outDir = mkdtempSync(join(tmpdir(), 'clvkit-kill-'));
    const out = join(outDir, 's.csv');
    const previous = 'customer_id,frequency\nprevious,1\n';
    writeFileSync(out, previous);
    const child = spawn(process.execPath, [bin, 'summary', big, '--out', out, '--quiet'], { cwd: root, stdio: 'ignore' });
    // Kill as soon as the temporary file of the write appears (the write has started).
    let killedMidWrite = false;
    const started = Date.now();
    while (child.exitCode === null && Date.now() - started < 60_000) {
      if (readdirSync(outDir).some((n) => n.endsWith('.tmp'))) {
        child.kill('SIGKILL');
        killedMidWrite = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.on('close', r)));
    const after = readFileSync(out, 'utf8');
    const outcome: Outcome = after === previous ? 'ok' : 'silent drop';
    record('kill-mid-write', outcome, killedMidWrite ? '' : 'the run ended before the write could be interrupted');
    expect(killedMidWrite).toBe(true);
    expect(after).toBe(previous);
    expect(readdirSync(outDir).filter((n) => n === 's.csv')).toEqual(['s.csv']);
    expect(existsSync(out)).toBe(true);
  });

  it('outputs onto inputs, missing and folder inputs, impossible output places: exit code and one line with the path', async () => {
    const cases: [string, string[], number, string][] = [
      ['out-is-input', ['summary', tx, '--out', tx], 2, `${tx}: this output is the input`],
      ['report-out-is-input', ['report', tx, '-o', tx], 2, `${tx}: this output is the input`],
      ['missing-input', ['summary', join(dir, 'nope.csv')], 1, 'nope.csv: no such file'],
      ['folder-input', ['summary', dir], 1, `${dir}: is a folder`],
      ['out-dir-is-file', ['segment', tx, '--out-dir', tx], 1, 'is a file, not a folder'],
      ['bootstrap-1e9', ['segment', tx, '--bootstrap', '1e9'], 2, '--bootstrap'],
    ];
    for (const [name, args, code, text] of cases) {
      const before = readFileSync(tx);
      const r = await runCli(args);
      const msg = oneLine(r);
      const outcome: Outcome = crashed(r) ? 'crash' : r.code === code && msg.length === 1 && msg[0].includes(text) ? 'ok' : r.code === 0 ? 'silent drop' : 'unclear message';
      record(name, outcome, r.stderr);
      expect(outcome, `${name}: ${r.stderr}`).toBe('ok');
      expect(readFileSync(tx).equals(before)).toBe(true);
    }
  });
});
