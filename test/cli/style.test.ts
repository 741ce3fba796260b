import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import { runCli } from '../helpers/run-cli.ts';

// One CLI style (issue 21, part 6). Oracles: the contract itself (stdout is a readable result, one
// JSON document with `warnings`, or one line naming what was written) and, for the aliases, the
// same command run with the canonical option name (the outputs must be identical).

const dir = mkdtempSync(join(tmpdir(), 'clvkit-style-'));
const tx = join(dir, 'tx.csv');
const ref = join(dir, 'ref');
const tp = join(dir, 'tp');
const files = { survey: join(dir, 'survey.csv'), kano: join(dir, 'kano.csv'), nps: join(dir, 'nps.csv'), contracts: join(dir, 'contracts.csv') };

async function ok(args: string[]) {
  const r = await runCli(args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

beforeAll(async () => {
  await ok(['simulate', '--customers', '300', '--seed', '5', '-o', tx]);
  await ok(['simulate', '--referrals', '--customers', '300', '--seed', '5', '--out-dir', ref]);
  await ok(['simulate', '--touchpoints', '--customers', '300', '--seed', '5', '--out-dir', tp]);
  await ok(['simulate', '--survey', '--seed', '5', '-o', files.survey]);
  await ok(['simulate', '--kano', '--seed', '5', '-o', files.kano]);
  await ok(['simulate', '--nps', '--seed', '5', '-o', files.nps]);
  await ok(['simulate', '--contracts', '--customers', '200', '--seed', '5', '-o', files.contracts]);
}, 120_000);

/** Each command with the inputs of its default run, and a word its readable result must show. */
const COMMANDS: Record<string, { args: () => string[]; shows: RegExp }> = {
  summary: { args: () => [tx], shows: /median[\s\S]*frequency \(repeat purchases\)/ },
  fit: { args: () => [tx, '-m', 'bgnbd'], shows: /fitted on 300 customers/ },
  diagnose: { args: () => [tx, '-m', 'bgnbd'], shows: /chi-square/ },
  segment: { args: () => [tx], shows: /Platinum[\s\S]*high-value-at-risk/ },
  retention: { args: () => [tx, '--no-model'], shows: /Cohort retention[\s\S]*\+1/ },
  referrals: { args: () => [join(ref, 'transactions.csv'), '--referrals', join(ref, 'referrals.csv'), '--covariates', 'none'], shows: /champions/ },
  survey: { args: () => [files.survey, '--template', 'io'], shows: /Fornell-Larcker/ },
  kano: { args: () => [files.kano], shows: /feature/ },
  nps: { args: () => [files.nps], shows: /NPS -?\d/ },
  compare: { args: () => [tx, '--models', 'bgnbd,paretonbd'], shows: /paretonbd/ },
  regularity: { args: () => [tx, '--bootstrap', '100'], shows: /k = / },
  interactions: { args: () => [join(tp, 'transactions.csv'), '--touchpoints', join(tp, 'touchpoints.csv')], shows: /Contacts/ },
};

describe('every command prints a readable result on stdout by default', () => {
  for (const [name, c] of Object.entries(COMMANDS)) {
    it(name, async () => {
      const r = await ok([name, ...c.args()]);
      expect(r.stdout).toMatch(c.shows);
      expect(r.stdout).not.toMatch(/use --out|--json to get/);
      expect(r.stdout).not.toMatch(/\u001b\[/); // not a terminal: no colour codes
    }, 60_000);
  }
  it('predict and simulate print their table as CSV (the per-customer product, for a pipe)', async () => {
    expect((await ok(['predict', tx, '-m', 'bgnbd'])).stdout.split('\n')[0]).toMatch(/^customer_id,/);
    expect((await ok(['simulate', '--customers', '5'])).stdout.split('\n')[0]).toBe('customer_id,date,amount,channel');
  });
});

describe('--json prints one JSON document that carries its warnings', () => {
  const cases: Record<string, () => string[]> = { ...Object.fromEntries(Object.entries(COMMANDS).map(([k, c]) => [k, c.args])), predict: () => [tx, '-m', 'bgnbd'], simulate: () => ['--customers', '5', '-o', join(dir, 'sim5.csv')] };
  for (const [name, args] of Object.entries(cases)) {
    it(name, async () => {
      const r = await ok([name, ...args(), '--json']);
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      const doc = JSON.parse(r.stdout);
      expect(Array.isArray(doc.warnings), `${name} --json has no warnings array`).toBe(true);
    }, 60_000);
  }
});

describe('with --out or --out-dir stdout is one line naming what was written', () => {
  const cases: [string, (out: string) => string[], (out: string) => string][] = [
    ['summary', (o) => [tx, '-o', o + '.csv'], (o) => o + '.csv'],
    ['predict', (o) => [tx, '-m', 'bgnbd', '-o', o + '.csv'], (o) => o + '.csv'],
    ['segment', (o) => [tx, '--out-dir', o], (o) => join(o, 'priorities.csv')],
    ['retention', (o) => [tx, '--no-model', '--out-dir', o], (o) => join(o, 'cohort_retention.csv')],
    ['referrals', (o) => [join(ref, 'transactions.csv'), '--referrals', join(ref, 'referrals.csv'), '--covariates', 'none', '--out-dir', o], (o) => join(o, 'referral_value.csv')],
    ['diagnose', (o) => [tx, '-m', 'bgnbd', '--out-dir', o], (o) => join(o, 'heterogeneity.csv')],
    ['kano', (o) => [files.kano, '--out-dir', o], (o) => join(o, 'kano_features.csv')],
    ['nps', (o) => [files.nps, '--out-dir', o], (o) => join(o, 'nps.csv')],
    ['survey', (o) => [files.survey, '--template', 'io', '--out-dir', o], (o) => join(o, 'reliability.csv')],
    ['simulate', (o) => ['--customers', '5', '-o', o + '.csv'], (o) => o + '.csv'],
    ['report', (o) => [tx, '-o', o + '.html', '--quiet'], (o) => o + '.html'],
  ];
  for (const [name, args, file] of cases) {
    it(name, async () => {
      const out = join(dir, `out-${name}`);
      const r = await ok([name, ...args(out)]);
      expect(r.stdout.trim().split('\n'), r.stdout).toHaveLength(1);
      expect(r.stdout).toMatch(/^wrote /);
      expect(existsSync(file(out)), file(out)).toBe(true);
    }, 60_000);
  }
});

describe('counts take the right plural form', () => {
  it('"1 customer" for one customer, "2 customers" for two', async () => {
    const one = join(dir, 'one.csv');
    writeFileSync(one, 'customer_id,date,amount\nA,2024-01-01,10\nA,2024-02-01,5\n');
    const r = await ok(['summary', one]);
    expect(r.stdout).toContain('1 customer,');
    expect(r.stdout).toContain('1 repeat buyer ');
    expect(r.stderr).toContain('; 1 customer\n');
    expect(r.stdout + r.stderr).not.toMatch(/\b1 (customers|transactions|repeat buyers)\b/);
    const two = join(dir, 'two.csv');
    writeFileSync(two, 'customer_id,date,amount\nA,2024-01-01,10\nB,2024-02-01,5\n');
    expect((await ok(['summary', two])).stdout).toContain('2 customers, 0 repeat buyers');
  });
  it('retention: "1 quarter", not "1 quarters"', async () => {
    const r = await ok(['retention', join(dir, 'one.csv'), '--no-model', '--period', 'quarter']);
    expect(r.stdout).toContain('1 customer acquired over 1 quarter ');
  });
});

describe('help texts stand on their own', () => {
  const names = ['summary', 'fit', 'predict', 'diagnose', 'segment', 'retention', 'survey', 'kano', 'nps', 'referrals', 'report', 'compare', 'regularity', 'interactions', 'simulate'];
  for (const name of names) {
    it(`${name} --help cites no DESIGN.md and every option says what it does`, async () => {
      const r = await runCli([name, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: clvkit ${name}`);
      expect(r.stdout).not.toMatch(/DESIGN/);
      const program = await buildProgram(name);
      const cmd = program.commands.find((c) => c.name() === name)!;
      for (const o of cmd.options) if (!o.hidden) expect(o.description.length, `${name} ${o.flags}`).toBeGreaterThan(8);
    });
  }
});

describe('one name per thing: the other spellings are hidden aliases that still work', () => {
  const json = async (args: string[]) => JSON.parse((await ok(args)).stdout);
  it('segment --intervals = --level (bootstrap interval level), hidden from --help', async () => {
    const base = [tx, '--bootstrap', '20', '--seed', '2', '--json'];
    const a = await json(['segment', ...base, '--level', '0.8']);
    const b = await json(['segment', ...base, '--intervals', '0.8']);
    expect(b.equity).toEqual(a.equity);
    expect(a.equity.level).toBe(0.8);
    expect((await runCli(['segment', '--help'])).stdout).not.toContain('--intervals');
  }, 60_000);
  it('referrals --intervals = --level and --no-projection = --no-referral-projection', async () => {
    const base = [join(ref, 'transactions.csv'), '--referrals', join(ref, 'referrals.csv'), '--covariates', 'none', '--json'];
    const a = await json(['referrals', ...base, '--no-referral-projection', '--bootstrap', '10', '--level', '0.8']);
    const b = await json(['referrals', ...base, '--no-projection', '--bootstrap', '10', '--intervals', '0.8']);
    expect(b).toEqual(a);
    const projected = await json(['referrals', ...base]);
    expect(projected.settings).not.toEqual(a.settings); // the alias really turned the projection off
  }, 60_000);
  it('regularity --resamples = --bootstrap', async () => {
    const a = await json(['regularity', tx, '--bootstrap', '150', '--json']);
    const b = await json(['regularity', tx, '--resamples', '150', '--json']);
    expect(b.interval).toEqual(a.interval);
  });
  it('nps --id-col = --customer-col', async () => {
    const scores = join(dir, 'ids.csv');
    writeFileSync(scores, 'who,score\nC1,10\nC2,3\nX,9\n');
    const spend = join(dir, 'spend.csv');
    writeFileSync(spend, 'customer_id,date,amount\nC1,2024-01-02,300\nC2,2024-01-03,20\n');
    const a = await json(['nps', scores, '--transactions', spend, '--customer-col', 'who', '--tier-cuts', '0.5,0.5', '--json']);
    const b = await json(['nps', scores, '--transactions', spend, '--id-col', 'who', '--tier-cuts', '0.5,0.5', '--json']);
    expect(b).toEqual(a);
    expect(a.valueTiers).toMatchObject({ matched: 2, unmatched: 1 });
    expect(a.warnings[0]).toContain('1 respondent is not a customer');
  });
  it('--sep = --delimiter (transaction files and survey)', async () => {
    const semi = join(dir, 'semi.csv');
    writeFileSync(semi, 'customer_id;date;amount\nA;2024-01-01;10\nA;2024-02-01;5\nB;2024-01-15;7\n');
    const a = await json(['summary', semi, '--delimiter', ';', '--json']);
    expect(await json(['summary', semi, '--sep', ';', '--json'])).toEqual(a);
    expect((await runCli(['summary', semi, '--sep', ','])).code).toBe(1); // the alias is used, not ignored
  });
  it('-m is --model in segment and referrals as in fit and predict', async () => {
    const a = await json(['segment', tx, '--model', 'paretonbd', '--json']);
    expect((await json(['segment', tx, '-m', 'paretonbd', '--json'])).model).toEqual(a.model);
    expect(a.model.name).toBe('paretonbd');
  }, 60_000);
  it('retention --horizon takes 2y as well as 24 (months)', async () => {
    const base = [tx, '--contracts', files.contracts, '--no-model', '--period', 'month', '--json'];
    const a = await json(['retention', ...base, '--horizon', '24']);
    const b = await json(['retention', ...base, '--horizon', '2y']);
    expect(b.contracts).toEqual(a.contracts);
    const c = await json(['retention', ...base, '--horizon', '730d']); // 23.98 months, rounded up to 24
    expect(c.contracts).toEqual(a.contracts);
  });
  it('interactions --horizon takes 52w as well as 52 (--freq weeks), and 10% for --discount', async () => {
    const base = [join(tp, 'transactions.csv'), '--touchpoints', join(tp, 'touchpoints.csv'), '--plan', 'email:+1', '--json'];
    const a = await json(['interactions', ...base, '--horizon', '52', '--discount', '0.1']);
    const b = await json(['interactions', ...base, '--horizon', '52w', '--discount', '10%']);
    expect(b.plan).toEqual(a.plan);
  }, 60_000);
});
