import type { Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClvkitError } from '../errors.ts';
import { fileError } from '../io/atomic.ts';
import { overviewHelp } from './overview.ts';

/**
 * The clvkit command line. Each command lives in its own module and is imported only when it
 * runs, so `clvkit --help` starts fast and never loads TensorFlow, mathjs or vega.
 */
const COMMANDS: Record<string, { module: string; summary: string }> = {
  summary: { module: './commands/summary.ts', summary: 'per-customer summary (frequency, recency, T, spend) with row accounting' },
  fit: { module: './commands/fit.ts', summary: 'fit a model: bgnbd, mbgnbd, paretonbd, bgbb, sbg, bdw, gammagamma' },
  predict: { module: './commands/predict.ts', summary: 'per-customer predictions: expected transactions, P(alive), spend, CLV' },
  diagnose: { module: './commands/diagnose.ts', summary: 'model diagnostics: repeat purchases actual vs model (chi-square), P(alive) history, heterogeneity' },
  segment: { module: './commands/segment.ts', summary: 'value tiers, RFM segments, concentration and the prioritised list' },
  retention: { module: './commands/retention.ts', summary: 'recruitment, conversion and cohort retention' },
  survey: { module: './commands/survey.ts', summary: 'survey reliability, construct scores and regressions' },
  kano: { module: './commands/kano.ts', summary: 'Kano classification and Better/Worse coefficients' },
  nps: { module: './commands/nps.ts', summary: 'Net Promoter Score with its interval, by group' },
  referrals: { module: './commands/referrals.ts', summary: 'customer referral value, the CLV x CRV matrix and engagement value' },
  report: { module: './commands/report.ts', summary: 'the whole portfolio report as one HTML file' },
  compare: { module: './commands/compare.ts', summary: 'fit several models and compare them: LL, AIC, BIC, LR tests, holdout errors, tracking' },
  regularity: { module: './commands/regularity.ts', summary: 'how regular purchases are: Wheat & Morrison k with interval, histogram against Erlang-k' },
  interactions: { module: './commands/interactions.ts', summary: 'contacts by channel in the purchase and attrition models: effects, saturation, contact plans' },
  simulate: { module: './commands/simulate.ts', summary: 'seeded synthetic transactions (and survey, Kano, NPS files) with known parameters' },
};

const DESCRIPTION = 'Customer portfolio value and retention analytics';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Build the program with only the named command loaded (or all listed, for the overview help). */
export async function buildProgram(commandName?: string): Promise<Command> {
  const { Command } = await import('commander');
  const program = new Command('clvkit')
    .description(DESCRIPTION)
    .version(version(), '-V, --version')
    .option('--debug', 'print stack traces of errors')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const available = Object.entries(COMMANDS).filter(([, c]) => moduleExists(c.module));
  const chosen = available.find(([name]) => name === commandName);
  if (chosen) {
    const mod = (await import(commandUrl(chosen[1].module).href)) as { register(p: Command): void };
    mod.register(program);
    for (const cmd of program.commands) cmd.exitOverride();
  } else {
    for (const [name, c] of available) program.command(name).description(c.summary);
  }
  return program;
}

/** The compiled CLI (dist/*.js) loads .js modules; the sources under tsx load .ts. */
const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

function commandUrl(rel: string): URL {
  return new URL(rel.replace(/\.ts$/, '') + EXT, import.meta.url);
}

function moduleExists(rel: string): boolean {
  try {
    statSync(commandUrl(rel));
    return true;
  } catch {
    return false;
  }
}

/** Run the CLI; resolves to the exit code (0 ok, 1 bad input or failed fit, 2 bad usage). */
export async function run(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  const debug = args.includes('--debug');
  const commandName = args.find((a) => !a.startsWith('-'));
  let program: Command | undefined;
  // The two calls people make to see what is there answer without loading commander (start-up time).
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    process.stdout.write(overviewHelp(DESCRIPTION, Object.entries(COMMANDS).filter(([, c]) => moduleExists(c.module)).map(([name, c]) => [name, c.summary]), process.stdout.columns));
    return 0;
  }
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(version() + '\n');
    return 0;
  }
  try {
    program = await buildProgram(commandName);
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (isCommanderError(e)) {
      // help and version exit through here with code 0
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof ClvkitError) {
      process.stderr.write(`clvkit: ${e.message}\n`);
      if (debug) process.stderr.write(`${e.stack}\n`);
      return e.exitCode;
    }
    const err = e as NodeJS.ErrnoException;
    const input = program?.commands.find((c) => c.name() === commandName)?.processedArgs?.[0] as string | undefined;
    process.stderr.write(`clvkit: ${unexpectedError(err, input)}${debug ? '\n' + err?.stack : ''}\n`);
    return 1;
  }
}

/**
 * One line for an error no module turned into a ClvkitError: a file-system error names its path, an
 * allocation failure says which sizes to lower, anything else names the input and asks for --debug.
 */
export function unexpectedError(err: NodeJS.ErrnoException, input: string | undefined): string {
  if (typeof err?.code === 'string' && typeof err.path === 'string') {
    return fileError(err, err.path, /write|rename|mkdir|unlink|fsync|copy/.test(err.syscall ?? '') ? 'write' : 'read').message;
  }
  const where = input ? `${input}: ` : '';
  const msg = err?.message ?? String(err);
  if (err instanceof RangeError && /allocation|Invalid (typed )?array length|Array buffer|Invalid string length/i.test(msg)) {
    return `${where}not enough memory (${msg}): lower the size options (such as --bootstrap) or, for a large input, use --engine duckdb`;
  }
  return `${where}internal error: ${msg} (run with --debug for the details and report it)`;
}

/** Standard output failed: a reader that stopped early (`| head`) is not an error; anything else is one line and exit 1. */
function onStdoutError(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`clvkit: ${fileError(e, 'standard output', 'write').message}\n`);
  process.exit(1);
}

function isCommanderError(e: unknown): e is { exitCode: number } {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('commander.') && typeof (e as { exitCode?: unknown }).exitCode === 'number';
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain || process.env.CLVKIT_BIN === '1') {
  // `clvkit … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', onStdoutError);
  run(process.argv).then((code) => {
    process.exitCode = code;
  });
}
