import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitBgNbd } from '../../src/index.ts';

/**
 * The package as a user gets it: `npm pack`, then `npm install ./clvkit-x.tgz` in a new project
 * (registry only, no overrides), then ESM, CommonJS, TypeScript (strict, no skipLibCheck) and the
 * CLI from that project. Oracle: the in-repo sources give the same fit to the last bit.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
const SUMMARY = { frequency: [0, 1, 2, 0, 5, 3, 1, 0, 2, 4], recency: [0, 10, 20, 0, 30, 25, 3, 0, 12, 33], T: [40, 40, 40, 38, 40, 39, 35, 20, 30, 40] };
let dir = '';
let project = '';

function run(cmd: string, args: string[], cwd = project) {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clvkit-consumer-'));
  project = join(dir, 'app');
  // dist/ was built by the test setup; --ignore-scripts keeps other tests' dist/ in place while packing
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir, '--json'], { cwd: root, encoding: 'utf8' });
  const tarball = join(dir, (JSON.parse(packed) as { filename: string }[])[0].filename);
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  const r = run('npm', ['install', tarball, '@types/node@20', '--no-audit', '--no-fund', '--prefer-offline']);
  if (r.status !== 0) throw new Error(`npm install of the packed tarball failed:\n${r.stdout}${r.stderr}`);
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('clvkit installed from its tarball into a new project', () => {
  const expected = JSON.stringify(fitBgNbd(SUMMARY).params);

  it('installs no optional heavy package (no danfo, TensorFlow, DuckDB or pg) and ships no tests', () => {
    const top = readdirSync(join(project, 'node_modules'));
    for (const heavy of ['danfojs-node', '@tensorflow', '@duckdb', 'pg', 'tsx']) expect(top).not.toContain(heavy);
    const shipped = readdirSync(join(project, 'node_modules', 'clvkit'));
    expect(shipped).toEqual(expect.arrayContaining(['dist', 'bin', 'LICENSE', 'README.md', 'package.json']));
    for (const dev of ['test', 'bench', 'notebooks', '.ci', 'reports']) expect(shipped).not.toContain(dev);
  });

  it('(a) a plain ESM script imports clvkit and fits BG/NBD', () => {
    writeFileSync(join(project, 'a.mjs'), `import { fitBgNbd } from 'clvkit';\nprocess.stdout.write(JSON.stringify(fitBgNbd(${JSON.stringify(SUMMARY)}).params));\n`);
    const r = run(process.execPath, ['a.mjs']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
  });

  it('(b) a CommonJS script requires clvkit and fits BG/NBD', () => {
    writeFileSync(join(project, 'b.cjs'), `const { fitBgNbd } = require('clvkit');\nprocess.stdout.write(JSON.stringify(fitBgNbd(${JSON.stringify(SUMMARY)}).params));\n`);
    const r = run(process.execPath, ['b.cjs']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
  });

  it('(c) tsc --noEmit, strict, without skipLibCheck, on a consumer of all four entry points', () => {
    writeFileSync(
      join(project, 'c.ts'),
      `import { fitBgNbd, readTransactions, type CustomerSummary } from 'clvkit';
import { buildReport } from 'clvkit/report';
import { summarizeWithDuckDb, summarizeWithPostgres } from 'clvkit/engines';
import { toDataFrame } from 'clvkit/dataframe';
const model = fitBgNbd({ frequency: [0, 1], recency: [0, 10], T: [40, 40] });
export const alive: number = model.probabilityAlive({ frequency: 1, recency: 10, T: 40 });
export type Summary = CustomerSummary;
export { readTransactions, buildReport, summarizeWithDuckDb, summarizeWithPostgres, toDataFrame };
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['c.ts'] }),
    );
    const r = run(process.execPath, [tsc, '-p', 'tsconfig.json']);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('(d) npx clvkit --help and npx clvkit fit run from the project', () => {
    const help = run('npx', ['--no-install', 'clvkit', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('predict');
    const csv = ['frequency,recency,T', ...SUMMARY.frequency.map((f, i) => `${f},${SUMMARY.recency[i]},${SUMMARY.T[i]}`)].join('\n') + '\n';
    writeFileSync(join(project, 'summary.csv'), csv);
    const fit = run('npx', ['--no-install', 'clvkit', 'fit', 'summary.csv', '--model', 'bgnbd', '--json']);
    expect(fit.status, fit.stderr).toBe(0);
    expect(JSON.stringify((JSON.parse(fit.stdout) as { params: unknown }).params)).toBe(expected);
  });

  it('(e) without danfojs-node, clvkit/dataframe says which package to install', () => {
    expect(existsSync(join(project, 'node_modules', 'danfojs-node'))).toBe(false);
    writeFileSync(join(project, 'e.mjs'), `import { toDataFrame } from 'clvkit/dataframe';\ntry { await toDataFrame({}); } catch (e) { process.stdout.write(e.message); }\n`);
    const r = run(process.execPath, ['e.mjs']);
    expect(r.stdout).toMatch(/needs the optional package danfojs-node, which is not installed: run npm install danfojs-node/);
    expect(r.stdout).not.toMatch(/\n\s+at /);
  });
});
